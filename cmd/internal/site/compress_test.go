package site

import (
	"io"
	"mime"
	"os"
	"path/filepath"
	"testing"
)

// TestCompressByKind: aftercare compress picks the files to compress from a
// fixed list of kinds (the text and wasm the app serves), not from the
// host's MIME database, which calls a .go file text: web/web.go.br was once
// written and embedded.
func TestCompressByKind(t *testing.T) {
	if err := mime.AddExtensionType(".go", "text/x-go"); err != nil { // as on a host that knows Go
		t.Fatal(err)
	}
	dir := fakeWebDir(t)
	old, _ := filepath.Glob(filepath.Join(dir, "*"+brotliExt)) // left by an older build
	for _, f := range old {
		os.Remove(f)
	}
	writeFile(t, filepath.Join(dir, "notes.md"), []byte(string(make([]byte, 4096))))
	if err := CompressDir(dir, io.Discard); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"web.go": false, "notes.md": false, "icon-192.png": false,
		"app.wasm": true, "aftercare.css": true, "lang.js": true, "icon.svg": true,
	} {
		_, err := os.Stat(filepath.Join(dir, name+brotliExt))
		if got := err == nil; got != want {
			t.Errorf("%s%s written: %v, want %v", name, brotliExt, got, want)
		}
	}
	for _, name := range []string{"a.js", "a.css", "a.html", "a.json", "a.wasm", "a.svg", "a.webmanifest", "a.txt", "a.xml"} {
		if !compressibleFile(name) {
			t.Errorf("%s is not compressed", name)
		}
	}
	for _, name := range []string{"a.go", "a.br", "a.gz", "a.png", "a", "a.example"} {
		if compressibleFile(name) {
			t.Errorf("%s is compressed", name)
		}
	}
}
