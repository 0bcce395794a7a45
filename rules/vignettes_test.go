package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// vignette is a golden case: a story, the answers, the level and the flags
// a clinician expects. A new case is a new file in testdata/vignettes.
type vignette struct {
	Story   string         `json:"story"`
	Answers map[string]any `json:"answers"`
	Level   Level          `json:"level"`
	Reasons []string       `json:"reasons"`
}

func loadAnswers(t *testing.T, set *Set, raw map[string]any) Answers {
	t.Helper()
	as := Answers{}
	for id, v := range raw {
		a, err := set.AnswerFromJSON(id, v)
		if err != nil {
			t.Fatal(err)
		}
		as[id] = a
	}
	return as
}

func TestVignettes(t *testing.T) {
	set := defaultSet(t)
	files, _ := filepath.Glob(filepath.Join("testdata", "vignettes", "*.json"))
	perLevel := map[Level]int{}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var v vignette
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			perLevel[v.Level]++
			r, err := set.Evaluate(loadAnswers(t, set, v.Answers))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range r.Reasons {
				got = append(got, x.Flag.ID)
			}
			sort.Strings(got)
			want := append([]string(nil), v.Reasons...)
			sort.Strings(want)
			if r.Level != v.Level || !equal(got, want) {
				t.Errorf("%s\n\tgot  %s %v\n\twant %s %v", v.Story, r.Level, got, v.Level, want)
			}
		})
	}
	// Balanced across the four levels, at least 10 each.
	for _, l := range Levels {
		if perLevel[l] < 10 {
			t.Errorf("%d vignettes for %s, want at least 10", perLevel[l], l)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
