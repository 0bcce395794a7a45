//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// resourceGo is a file laid out as a go-app release might lay it out: a
// function over several lines, one with a doc comment, one whose body holds
// a line that is only "}" (in a raw string), and a method of the same name
// as a function to move.
const resourceGo = "package app\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\n" +
	"type server struct{ http.Handler }\n\n" +
	"func (server) webLocation() bool { return false }\n\n" +
	"func clientResourceResolver(\n\tresourcesLocation string,\n) func(string) string {\n\treturn func(l string) string { return resourcesLocation + strings.Trim(l, \"/\") }\n}\n\n" +
	"// webLocation says whether a location is under /web.\nfunc webLocation(location string) bool {\n\tconst brace = `\n}\n`\n\treturn strings.HasPrefix(location, \"/web/\") && brace != \"\"\n}\n\n" +
	"func serve() http.Handler { return server{} }\n"

// TestCutFuncsFindsFunctionsByName: the functions are found by name
// whatever their layout, moved whole with their doc comments, and the file
// left keeps what it still uses of its imports and drops the rest.
func TestCutFuncsFindsFunctionsByName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "resource.go")
	if err := os.WriteFile(path, []byte(resourceGo), 0o644); err != nil {
		t.Fatal(err)
	}
	cut, imports, err := cutFuncs(path, "webLocation", "clientResourceResolver")
	if err != nil {
		t.Fatal(err)
	}
	want := "// webLocation says whether a location is under /web.\nfunc webLocation(location string) bool {\n\tconst brace = `\n}\n`\n\treturn strings.HasPrefix(location, \"/web/\") && brace != \"\"\n}\n\n" +
		"func clientResourceResolver(\n\tresourcesLocation string,\n) func(string) string {\n\treturn func(l string) string { return resourcesLocation + strings.Trim(l, \"/\") }\n}\n"
	if cut != want {
		t.Errorf("cut:\n%s\nwant:\n%s", cut, want)
	}
	if strings.Join(imports, " ") != "net/http strings" {
		t.Errorf("imports: %v", imports)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rest := string(b)
	if strings.Contains(rest, "strings") || !strings.Contains(rest, "\t\"net/http\"\n)") || !strings.Contains(rest, "func (server) webLocation()") || strings.Contains(rest, "brace") {
		t.Errorf("what is left:\n%s", rest)
	}
	client, err := fixImports("client.go", []byte("package app\n\n"+cut), imports)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(client), "import (\n\t\"strings\"\n)") || strings.Contains(string(client), "net/http") {
		t.Errorf("the moved code's imports:\n%s", client)
	}
	if _, _, err := cutFuncs(path, "webLocation"); err == nil || !strings.Contains(err.Error(), "resource.go: found 0 functions named webLocation") {
		t.Errorf("cutting a function that is not there: %v", err)
	}
}

// TestPkgName: a package is known by its path's last element, or the one
// before a major version suffix.
func TestPkgName(t *testing.T) {
	for path, want := range map[string]string{"strings": "strings", "math/rand/v2": "rand", "github.com/maxence-charriere/go-app/v10": "go-app", "crypto/rand": "rand", "v2": "v2"} {
		if got := pkgName(path); got != want {
			t.Errorf("pkgName(%q) = %q, want %q", path, got, want)
		}
	}
}
