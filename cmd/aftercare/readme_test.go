//go:build !wasm

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeLayoutMatchesTheTree: every path the README's layout table
// names exists, and every Go package of the project has a row.
func TestReadmeLayoutMatchesTheTree(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, layout, ok := strings.Cut(string(readme), "\n## Layout\n")
	if !ok {
		t.Fatal("the README has no Layout section")
	}
	layout, _, _ = strings.Cut(layout, "\n## ")
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([^`]+)` \\|").FindAllStringSubmatch(layout, -1) {
		p := strings.TrimSuffix(m[1], "/")
		listed[p] = true
		if _, err := os.Stat(filepath.Join(root, p)); err != nil {
			t.Errorf("the layout names %s, which is not in the tree", m[1])
		}
	}
	if len(listed) < 8 {
		t.Fatalf("read only %d rows of the layout", len(listed))
	}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata" || d.Name() == "dist" || d.Name() == "bin") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			if dir := filepath.ToSlash(filepath.Dir(rel)); !listed[dir] {
				t.Errorf("package %s has no row in the README's layout", dir)
				listed[dir] = true
			}
		}
		return nil
	})
}

// TestReadmeNamesEveryMakeTarget: every target the Makefile declares is
// named in the README, as `make TARGET`.
func TestReadmeNamesEveryMakeTarget(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\.PHONY:(.*)$`).FindSubmatch(makefile)
	if m == nil {
		t.Fatal("the Makefile has no .PHONY line")
	}
	targets := strings.Fields(string(m[1]))
	if len(targets) < 15 {
		t.Fatalf("read only %d targets: %q", len(targets), targets)
	}
	for _, target := range targets {
		if !strings.Contains(string(readme), "`make "+target+"`") {
			t.Errorf("the README does not name `make %s`", target)
		}
	}
}
