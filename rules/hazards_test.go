package rules

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestHazardLogNamesRealTests: every control in hazards.md names tests that
// exist in the repository.
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
	rows := hazardRows(t, string(log))
	for _, row := range rows {
		tests := regexp.MustCompile(`(?:Test|Fuzz)\w+`).FindAllString(row["Tests"], -1)
		if len(tests) == 0 {
			t.Errorf("%s names no test", row["#"])
		}
		for _, name := range tests {
			if !defined[name] {
				t.Errorf("%s names %s, which does not exist", row["#"], name)
			}
		}
	}
	if len(rows) < 15 {
		t.Errorf("only %d hazards in the log", len(rows))
	}
}

// hazardColumns are the columns of the log's table, DCB0129's shape.
var hazardColumns = []string{"#", "Hazard", "Cause", "Effect", "S before", "L before", "Risk before",
	"Controls", "Tests", "S after", "L after", "Residual risk", "Status"}

// hazardRows reads the log's table: one map of column to cell a hazard.
func hazardRows(t *testing.T, log string) []map[string]string {
	t.Helper()
	var rows []map[string]string
	var header []string
	for _, line := range strings.Split(log, "\n") {
		cells := tableCells(line)
		switch {
		case len(cells) > 0 && cells[0] == "#":
			header = cells
			if !slices.Equal(header, hazardColumns) {
				t.Fatalf("the log's columns are %q, want %q", header, hazardColumns)
			}
		case len(cells) > 0 && strings.HasPrefix(cells[0], "H"):
			if len(cells) != len(header) {
				t.Errorf("%s has %d cells, want %d", cells[0], len(cells), len(header))
				continue
			}
			row := map[string]string{}
			for i, c := range cells {
				row[header[i]] = c
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// tableCells splits a Markdown table row into its trimmed cells.
func tableCells(line string) []string {
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || len(line) < 2 {
		return nil
	}
	cells := strings.Split(line[1:len(line)-1], "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// riskBand is one band of the log's risk table: from, to and its name.
type riskBand struct {
	from, to int
	name     string
}

// riskBands reads the bands the log defines ("| 5 to 9 | tolerable | ...")
// and checks its matrix: every cell is the severity times the likelihood.
func riskBands(t *testing.T, log string) []riskBand {
	t.Helper()
	var bands []riskBand
	band := regexp.MustCompile(`^(\d+) to (\d+)$`)
	matrixRows := 0
	for _, line := range strings.Split(log, "\n") {
		cells := tableCells(line)
		if len(cells) < 2 {
			continue
		}
		if m := band.FindStringSubmatch(cells[0]); m != nil {
			from, _ := strconv.Atoi(m[1])
			to, _ := strconv.Atoi(m[2])
			bands = append(bands, riskBand{from, to, cells[1]})
			continue
		}
		severity, _, _ := strings.Cut(cells[0], " ")
		s, err := strconv.Atoi(severity)
		if err != nil || len(cells) != 6 {
			continue
		}
		matrixRows++
		for l := 1; l <= 5; l++ {
			if cells[l] != strconv.Itoa(s*l) {
				t.Errorf("the matrix says %s for severity %d, likelihood %d", cells[l], s, l)
			}
		}
	}
	if matrixRows != 5 {
		t.Errorf("the matrix has %d rows of severity, want 5", matrixRows)
	}
	for s := 1; s <= 5; s++ {
		for l := 1; l <= 5; l++ {
			if bandOf(bands, s*l) == "" {
				t.Errorf("no band holds the risk %d", s*l)
			}
		}
	}
	return bands
}

// bandOf is the name of the band that holds a risk, or "".
func bandOf(bands []riskBand, risk int) string {
	for _, b := range bands {
		if b.from <= risk && risk <= b.to {
			return b.name
		}
	}
	return ""
}

// TestHazardLogScoresAddUp: every hazard has a severity and a likelihood
// in 1..5 before and after its controls, a risk before and a residual risk
// that are their product and its band as the log defines them, and a
// status; an unacceptable residual risk is never "controlled".
func TestHazardLogScoresAddUp(t *testing.T) {
	b, err := os.ReadFile("hazards.md")
	if err != nil {
		t.Fatal(err)
	}
	log := string(b)
	bands := riskBands(t, log)
	status := regexp.MustCompile(`^(controlled|open \(issue "[^"]+"\)|partly controlled; open \(issue "[^"]+"\))$`)
	for _, row := range hazardRows(t, log) {
		id := row["#"]
		for _, when := range []struct{ s, l, risk string }{{"S before", "L before", "Risk before"}, {"S after", "L after", "Residual risk"}} {
			s, errS := strconv.Atoi(row[when.s])
			l, errL := strconv.Atoi(row[when.l])
			if errS != nil || errL != nil || s < 1 || s > 5 || l < 1 || l > 5 {
				t.Errorf("%s: %s %q and %s %q must be 1 to 5", id, when.s, row[when.s], when.l, row[when.l])
				continue
			}
			if want := fmt.Sprintf("%d %s", s*l, bandOf(bands, s*l)); row[when.risk] != want {
				t.Errorf("%s: %s is %q, want %q", id, when.risk, row[when.risk], want)
			}
		}
		if !status.MatchString(row["Status"]) {
			t.Errorf("%s: status %q", id, row["Status"])
		}
		if strings.HasSuffix(row["Residual risk"], " unacceptable") && row["Status"] == "controlled" {
			t.Errorf("%s is controlled with an unacceptable residual risk", id)
		}
	}
}
