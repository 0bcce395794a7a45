//go:build !wasm

// Command gen builds the rules from their YAML in rules/data, as `aftercare
// rules build` does: rules/rules.json, rules/browser.json and each
// language's words file in web/lang. `go generate ./rules` runs it from
// rules/, so turning YAML into JSON builds neither the server nor web/.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"aftercare/rules/data"
	"aftercare/rules/source"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	set, err := source.Load(data.FS, data.Dir)
	if err != nil {
		return err
	}
	b, err := set.Build()
	if err != nil {
		return err
	}
	return b.Write("rules.json", filepath.Join("..", "web", "lang"), data.Dir, os.Stdout)
}
