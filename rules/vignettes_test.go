package rules

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
)

// vignette is a golden case, written the way people describe symptoms
// online: the story, the answers that person would give, the level and the
// flags a clinician expects (each must be among the reasons shown), and the
// source of that expectation. A new case is a new file in
// testdata/vignettes.
type vignette struct {
	Story   string         `json:"story"`
	Answers map[string]any `json:"answers"`
	Level   Level          `json:"level"`
	Reasons []string       `json:"reasons"`
	Source  string         `json:"source"`
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
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			if v.Story == "" || v.Source == "" {
				t.Fatal("a vignette needs its story and the source of its expected level")
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
			missing := false
			for _, id := range v.Reasons {
				missing = missing || !slices.Contains(got, id)
			}
			if r.Level != v.Level || missing || (v.Level == SelfCare) != (len(got) == 0) {
				t.Errorf("%s\n\tgot  %s %v\n\twant %s with %v", v.Story, r.Level, got, v.Level, v.Reasons)
			}
		})
	}
	// Balanced across the four levels, at least 30 each.
	for _, l := range Levels {
		if perLevel[l] < 30 {
			t.Errorf("%d vignettes for %s, want at least 30", perLevel[l], l)
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
