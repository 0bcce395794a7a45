//go:build !wasm

package main

import (
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain also makes this test binary the aftercare command for the
// scripts in testdata/script (testscript runs it as "aftercare").
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"aftercare": main,
	})
}

// TestScripts runs the CLI scripts: good and bad rule files, good and bad
// answers, each with its exit code and output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: filepath.Join("testdata", "script")})
}
