package source

import (
	"fmt"
	"io"
	"io/fs"
)

// ReadFile reads a rules or profile file, name in fsys, shown as shown in
// messages. It must be a regular file (not a device such as /dev/zero, a
// FIFO or a folder, which could block or never end) of at most 1 MB, and it
// is read through a limit, so no more than that is ever held.
func ReadFile(fsys fs.FS, name, shown string) ([]byte, error) {
	return ReadLimited(fsys, name, shown, maxFileBytes, "a rules or profile file")
}

// ReadLimited reads a regular file of at most limit bytes; what names the
// kind of file in the message when it is bigger.
func ReadLimited(fsys fs.FS, name, shown string, limit int64, what string) ([]byte, error) {
	// Stat before opening: opening a FIFO blocks until someone writes to it.
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: is %s, not a regular file", shown, kind(st.Mode()))
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() { // changed since
		return nil, fmt.Errorf("%s: is no longer a regular file", shown)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", shown, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: the file is over the %d bytes %s may have", shown, limit, what)
	}
	return data, nil
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return m.Type().String()
}
