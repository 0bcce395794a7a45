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
// client's resolver moved out untagged, the wasm stub gone, the router
// without regexp, Context without AES and uuid; and a second run
// on the edited copy stops with a message rather than editing twice.
func TestSlimEditsTheFilesAsSaid(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	src, _, err := download("go", module)
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
	route := read("route.go")
	if strings.Contains(route, "regexp.") || !strings.Contains(route, "strings.HasPrefix(path, rwr.prefix)") || !strings.Contains(route, "func literalPrefix(") {
		t.Error("route.go still matches with regexp")
	}
	for _, name := range []string{"crypto.go", "context.go", "state.go"} {
		if text := read(name); strings.Contains(text, "\"crypto/") || strings.Contains(text, "\"github.com/google/uuid\"") {
			t.Errorf("%s still links crypto or uuid", name)
		}
	}
	if !strings.Contains(read("context.go"), "id = newUUID()") {
		t.Error("DeviceID does not make its id with newUUID")
	}
	if err := slim(dir); err == nil {
		t.Error("a second run edited the files again")
	}
}

// TestEditFileStopsOnUnexpectedText: an edit whose text is missing, or
// found more often than expected, stops with the file's name and changes
// nothing; a good one is made and the file gofmt'ed.
func TestEditFileStopsOnUnexpectedText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "route.go")
	const text = "package app\n\nvar a, b = 1, 1\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, e := range []edit{{"c = 1", "c = 2", 1}, {"1", "2", 1}} {
		err := editFile(path, []edit{e}, "")
		if err == nil || !strings.Contains(err.Error(), "route.go") {
			t.Errorf("editing %q: %v, want an error naming route.go", e.old, err)
		}
	}
	if err := editFile(path, []edit{{"1, 1", "2, 2", 1}}, "// added\n"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "package app\n\nvar a, b = 2, 2\n\n// added\n" {
		t.Errorf("after the edit: %q", b)
	}
}
