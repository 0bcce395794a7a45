//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSlimEditsTheFilesAsSaid runs the edits on a copy of the pinned
// go-app's pkg/app and checks each: http.go and resource.go tagged, the
// client's resolver moved out untagged, the wasm stub gone; and a second run
// on the edited copy stops with a message rather than editing twice.
func TestSlimEditsTheFilesAsSaid(t *testing.T) {
	if err := os.Chdir(filepath.Join("..", "..")); err != nil {
		t.Fatal(err)
	}
	version, err := pinnedVersion("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	src, err := download(module + "@" + version)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := copyTree(filepath.Join(src, "pkg", "app"), dir); err != nil {
		t.Fatal(err)
	}
	if err := slim(dir); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, name := range []string{"http.go", "resource.go"} {
		if !strings.HasPrefix(read(name), "//go:build !wasm\n\npackage app\n") {
			t.Errorf("%s is not behind //go:build !wasm", name)
		}
	}
	client := read("resource_client.go")
	for _, fn := range []string{"func clientResourceResolver(", "func remoteLocation(", "func webLocation("} {
		if !strings.Contains(client, fn) || strings.Contains(read("resource.go"), fn) {
			t.Errorf("%s did not move to resource_client.go", fn)
		}
	}
	if strings.HasPrefix(client, "//go:build") {
		t.Error("resource_client.go must build for both")
	}
	if strings.Contains(read("wasm.go"), "GenerateStaticWebsite") {
		t.Error("wasm.go still has the GenerateStaticWebsite stub")
	}
	if err := slim(dir); err == nil {
		t.Error("a second run edited the files again")
	}
}
