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
//
// A vignette said by typing gives its signs as typed phrases in a locale
// (en when it names none), and only what cannot be typed as answers (see
// typedAnswers).
type vignette struct {
	Story   string         `json:"story"`
	Typed   []string       `json:"typed,omitempty"`
	Locale  string         `json:"locale,omitempty"`
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

// readVignette reads one vignette file.
func readVignette(t *testing.T, file string) vignette {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var v vignette
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
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
			as := loadAnswers(t, set, v.Answers)
			if len(v.Typed) > 0 {
				as = typedOnly(t, set, v, as)
			}
			r, err := set.Evaluate(as)
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
	// Balanced across the four levels, at least 50 each, 200 in all.
	for _, l := range Levels {
		if perLevel[l] < 50 {
			t.Errorf("%d vignettes for %s, want at least 50", perLevel[l], l)
		}
	}
	if len(files) < 200 {
		t.Errorf("%d vignettes, want at least 200", len(files))
	}
}

// typedOnly resolves a vignette's typed phrases, once it has checked that
// its answers give no sign that could be typed.
func typedOnly(t *testing.T, set *Set, v vignette, as Answers) Answers {
	t.Helper()
	says := sayQuestions(set)
	for id := range as {
		if says[id] {
			t.Errorf("a vignette said by typing answers %s, which can be typed", id)
		}
	}
	locale := v.Locale
	if locale == "" {
		locale = "en"
	}
	return typedAnswers(t, set, as, locale, v.Typed)
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

// TestVignettesGiveTheSameAdviceInEveryLocale: the advice never depends on
// the language. Every vignette's answers, reported in each locale, give the
// same level and the same reasons in the same order, each said in that
// locale's own words.
func TestVignettesGiveTheSameAdviceInEveryLocale(t *testing.T) {
	set := defaultSet(t)
	if len(set.Locales) < 2 {
		t.Fatalf("locales %v: want English and Spanish", set.Locales)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "vignettes", "*.json"))
	if len(files) < 120 {
		t.Fatalf("only %d vignettes", len(files))
	}
	for _, file := range files {
		v := readVignette(t, file)
		r, err := set.Evaluate(loadAnswers(t, set, v.Answers))
		if err != nil {
			t.Fatal(err)
		}
		first := set.Report(r, set.Locales[0])
		for _, l := range set.Locales[1:] {
			rep := set.Report(r, l)
			if rep.Level != first.Level || len(rep.Reasons) != len(first.Reasons) {
				t.Errorf("%s: %s gives %s with %d reasons, %s gives %s with %d", file, set.Locales[0], first.Level, len(first.Reasons), l, rep.Level, len(rep.Reasons))
				continue
			}
			for i, x := range rep.Reasons {
				if x.Flag != first.Reasons[i].Flag || x.Text == "" || x.Text == first.Reasons[i].Text {
					t.Errorf("%s: reason %d in %s is %s %q, in %s %s %q", file, i, l, x.Flag, x.Text, set.Locales[0], first.Reasons[i].Flag, first.Reasons[i].Text)
				}
			}
			if rep.Title == first.Title || rep.DoNow == first.DoNow {
				t.Errorf("%s: the advice in %s is not in its own words: %q", file, l, rep.Title)
			}
		}
	}
}
