//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// slim makes the edits to go-app's pkg/app folder. upstream.patch is the
// same change as a patch to go-app.
func slim(dir string) error {
	// 1. The Handler and everything it needs: server only.
	if err := tag(filepath.Join(dir, "http.go")); err != nil {
		return err
	}
	// 2. resource.go: the client's resolver (and the two helpers it uses)
	// move to a file of their own; the rest is the server's.
	res := filepath.Join(dir, "resource.go")
	moved, imports, err := cutFuncs(res, "clientResourceResolver", "remoteLocation", "webLocation")
	if err != nil {
		return err
	}
	client := "// The client's resource resolver, which the browser build needs; the\n// rest of resource.go is the server's.\n\npackage app\n\n" + moved
	if err := writeGo(filepath.Join(dir, "resource_client.go"), []byte(client), imports); err != nil {
		return err
	}
	if err := tag(res); err != nil {
		return err
	}
	// 3. wasm.go's stub of GenerateStaticWebsite names *Handler: drop it.
	if _, _, err := cutFuncs(filepath.Join(dir, "wasm.go"), "GenerateStaticWebsite"); err != nil {
		return err
	}
	// 4. The router without regexp, Context without AES and uuid (edits.go).
	if err := slimRouter(dir); err != nil {
		return err
	}
	return slimCrypto(dir)
}

// tag puts a file behind //go:build !wasm; a file with a build constraint
// of its own stops it (go-app may have tagged it: check the edits).
func tag(path string) error {
	b, _, f, err := readGoFile(path)
	if err != nil {
		return err
	}
	for _, g := range f.Comments {
		for _, c := range g.List {
			if c.Pos() < f.Package && (strings.HasPrefix(c.Text, "//go:build") || strings.HasPrefix(c.Text, "// +build")) {
				return fmt.Errorf("%s has a build constraint already: check the edits of cmd/goappslim against this version", filepath.Base(path))
			}
		}
	}
	return os.WriteFile(path, append([]byte("//go:build !wasm\n\n"), b...), 0o644)
}

// edit replaces old, which must occur exactly n times, with new.
type edit struct {
	old, new string
	n        int
}

// editFile makes the edits to a file, appends add and fixes the imports
// (imports names the packages add may use); it fails, naming the file, if
// any old text is not there as many times as expected, so a new go-app
// version stops the build instead of changing it silently.
func editFile(path string, edits []edit, add string, imports ...string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, e := range edits {
		if got := bytes.Count(b, []byte(e.old)); got != e.n {
			return fmt.Errorf("%s: found %d times, want %d: %q (check the edits of cmd/goappslim against this version)", filepath.Base(path), got, e.n, firstLine(e.old))
		}
		b = bytes.ReplaceAll(b, []byte(e.old), []byte(e.new))
	}
	return writeGo(path, append(b, add...), imports)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
