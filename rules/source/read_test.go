//go:build !wasm

package source

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"aftercare/rules/data"
)

// TestSecondDocumentIsRefused: what follows "---" in a rules file would be
// dropped without a word (a flag written there would vanish), so a second
// document is refused where it starts; a trailing "---" with nothing after
// it too, as it starts an (empty) second document.
func TestSecondDocumentIsRefused(t *testing.T) {
	b, _ := data.FS.ReadFile("flags.yaml")
	lines := strings.Count(string(b), "\n")
	second := "---\nflags:\n  - id: late\n    group: late\n    level: emergency\n    when: [\"days >= 1\"]\n    reason: {en: \"x\", es: \"x\"}\n"
	for name, tail := range map[string]string{"a flag after ---": second, "a lone ---": "---\n", "--- and a comment": "--- # more\n"} {
		_, err := Load(builtin(t, map[string]string{"flags.yaml": string(b) + tail}), data.Dir)
		want := "rules/data/flags.yaml:" + strconv.Itoa(lines+1) + ":1: a second YAML document"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: got %v, want %s", name, err, want)
		}
	}
	// A document end marker with nothing after it starts no document.
	if _, err := Load(builtin(t, map[string]string{"flags.yaml": string(b) + "...\n"}), data.Dir); err != nil {
		t.Errorf("a trailing ...: %v", err)
	}
	var v struct {
		Name string `json:"name"`
	}
	if _, err := DecodeFile("clinic.yaml", []byte("name: A\n---\nname: B\n"), &v); err == nil || !strings.HasPrefix(err.Error(), "clinic.yaml:2:1: a second YAML document") {
		t.Errorf("a profile's second document: %v", err)
	}
}

// rulesDir is a copy of the built-in rules in a folder, with one more file.
func rulesDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range builtinFS() {
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestOnlyRegularFilesAreRead: a rules file that is a device (linked to
// /dev/zero, which never ends), a named pipe (which blocks) or a folder is
// refused before it is read, and a big file is read no further than the
// limit.
func TestOnlyRegularFilesAreRead(t *testing.T) {
	tests := map[string]struct {
		make func(string) error
		want string
	}{
		"a link to /dev/zero": {func(p string) error { return os.Symlink("/dev/zero", p) }, "is a device, not a regular file"},
		"a named pipe":        {func(p string) error { return syscall.Mkfifo(p, 0o644) }, "is a named pipe, not a regular file"},
		"a folder":            {func(p string) error { return os.Mkdir(p, 0o755) }, "is a folder, not a regular file"},
		"over 1 MB": {func(p string) error {
			return os.WriteFile(p, []byte("# "+strings.Repeat("a", maxFileBytes)+"\n"), 0o644)
		}, "the file is over the 1048576 bytes a rules or profile file may have"},
	}
	for name, tt := range tests {
		dir := rulesDir(t)
		if err := tt.make(filepath.Join(dir, "zz.yaml")); err != nil {
			t.Fatal(err)
		}
		_, err := Load(os.DirFS(dir), "rules")
		if err == nil || err.Error() != "rules/zz.yaml: "+tt.want {
			t.Errorf("%s: got %v, want rules/zz.yaml: %s", name, err, tt.want)
		}
	}
	if _, err := Load(os.DirFS(rulesDir(t)), "rules"); err != nil {
		t.Errorf("the copy itself: %v", err)
	}
}
