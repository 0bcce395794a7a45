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
	defined := map[string]bool{}
	filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, _ := os.ReadFile(path)
		for _, m := range regexp.MustCompile(`(?m)^func ((?:Test|Fuzz)\w+)\(`).FindAllSubmatch(b, -1) {
			defined[string(m[1])] = true
		}
		return nil
	})
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
