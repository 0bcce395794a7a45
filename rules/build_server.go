//go:build !wasm

package rules

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// Built is every file a rule set is built into, from its YAML, by
// `aftercare rules build` and `go generate ./rules` (make rules). Nothing
// is rebuilt after: the server embeds rules.json, and the server and the
// static export serve the words files, which app.wasm reads, as they are.
type Built struct {
	JSON    []byte            // rules.json: every locale, for the server, the CLI and the tests
	Browser []byte            // browser.json: the browser's set, no words, the conditions parsed
	Words   map[string][]byte // by locale: browser.json with its texts, web/lang/LOCALE.json
}

// Build makes the set's files.
func (s *Set) Build() (Built, error) {
	var b Built
	var err error
	if b.JSON, err = s.JSON(); err != nil {
		return Built{}, err
	}
	if b.Browser, err = s.BrowserJSON(); err != nil {
		return Built{}, err
	}
	b.Words = map[string][]byte{}
	for _, l := range s.Locales {
		if b.Words[l], err = s.WordsJSON(l); err != nil {
			return Built{}, err
		}
	}
	return b, nil
}

// WordsFile is the name of a locale's words file in the words folder
// (web/lang, served at /web/lang/NAME).
func WordsFile(locale string) string { return locale + ".json" }

// Write writes rules.json to out, browser.json beside it and each words
// file into wordsDir, and says on log what it wrote and what was already
// up to date (from names where the rules came from).
func (b Built) Write(out, wordsDir, from string, log io.Writer) error {
	type file struct {
		name string
		body []byte
	}
	files := []file{{out, b.JSON}, {filepath.Join(filepath.Dir(out), BrowserFile), b.Browser}}
	for _, l := range slices.Sorted(maps.Keys(b.Words)) {
		files = append(files, file{filepath.Join(wordsDir, WordsFile(l)), b.Words[l]})
	}
	for _, f := range files {
		if old, err := os.ReadFile(f.name); err == nil && bytes.Equal(old, f.body) {
			fmt.Fprintf(log, "%s is up to date with %s\n", f.name, from)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(f.name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(f.name, f.body, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(log, "wrote %s from %s\n", f.name, from)
	}
	return nil
}
