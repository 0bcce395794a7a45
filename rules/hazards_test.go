package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestHazardLogNamesRealTests: every control in hazards.md names tests that
// exist in the repository, and every row says its status.
func TestHazardLogNamesRealTests(t *testing.T) {
	log, err := os.ReadFile("hazards.md")
	if err != nil {
		t.Fatal(err)
	}
	defined, err := testNames("..")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, line := range strings.Split(string(log), "\n") {
		if !strings.HasPrefix(line, "| H") {
			continue
		}
		rows++
		cells := strings.Split(line, "|")
		if len(cells) != 8 {
			t.Errorf("a row needs 6 cells: %q", line)
			continue
		}
		tests := regexp.MustCompile(`(?:Test|Fuzz)\w+`).FindAllString(cells[5], -1)
		if len(tests) == 0 {
			t.Errorf("%s names no test", strings.TrimSpace(cells[1]))
		}
		for _, name := range tests {
			if !defined[name] {
				t.Errorf("%s names %s, which does not exist", strings.TrimSpace(cells[1]), name)
			}
		}
		if status := strings.TrimSpace(cells[6]); status != "controlled" && !strings.HasPrefix(status, "open (issue ") {
			t.Errorf("%s: status %q", strings.TrimSpace(cells[1]), status)
		}
	}
	if rows < 15 {
		t.Errorf("only %d hazards in the log", rows)
	}
}

// testNames lists the tests and fuzz targets defined in the _test.go files
// under root that go test runs: not in folders it ignores (testdata, names
// starting with . or _) nor in the build's and tools' own (.cache, .git,
// dist, bin, node_modules), which may hold copies of other code.
func testNames(root string) (map[string]bool, error) {
	defined := map[string]bool{}
	def := regexp.MustCompile(`(?m)^func ((?:Test|Fuzz)\w+)\(`)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && skippedDir(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range def.FindAllSubmatch(b, -1) {
			defined[string(m[1])] = true
		}
		return nil
	})
	return defined, err
}

func skippedDir(name string) bool {
	switch name {
	case "testdata", "dist", "bin", "node_modules":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// TestTestNamesSkipIgnoredFolders: a test that exists only in a folder go
// test does not run (the build cache, the static export, testdata) does not
// count as a control.
func TestTestNamesSkipIgnoredFolders(t *testing.T) {
	root := t.TempDir()
	for dir, name := range map[string]string{
		"pkg": "TestReal", ".cache/wasm/pkg": "TestInCache", ".git/x": "TestInGit", "dist": "TestInDist",
		"bin": "TestInBin", "pkg/testdata": "TestInTestdata", "node_modules/m": "TestInNodeModules", "_old": "TestInUnderscore",
	} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		src := "package x\n\nfunc " + name + "(t *testing.T) {}\n"
		if err := os.WriteFile(filepath.Join(root, dir, "x_test.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := testNames(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !got["TestReal"] {
		t.Errorf("tests found: %v, want only TestReal", got)
	}
}
