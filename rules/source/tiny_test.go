//go:build !wasm

package source

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "write rules/testdata/tiny.json from rules/testdata/tiny")

// The tiny rule set the fuzz tests mutate (see its README).
const (
	tinyDir  = "../testdata/tiny"
	tinyJSON = "../testdata/tiny.json"
)

// TestTinySet: the tiny set loads, and tiny.json, which FuzzParse mutates,
// is what it compiles to.
func TestTinySet(t *testing.T) {
	set, err := Load(os.DirFS(tinyDir), "tiny")
	if err != nil {
		t.Fatalf("the tiny rule set does not load:\n%v", err)
	}
	want, err := set.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(tinyJSON, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := os.ReadFile(tinyJSON); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("rules/testdata/tiny.json is out of date with rules/testdata/tiny: go test ./rules/source -run TestTinySet -update (%v)", err)
	}
}
