//go:build !wasm

package rules

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// withEdit is the compiled set, edited, and the problems its compile finds.
func withEdit(t *testing.T, edit func(*Set)) Problems {
	t.Helper()
	var s Set
	if err := json.Unmarshal(compiled, &s); err != nil {
		t.Fatal(err)
	}
	edit(&s)
	return s.Compile()
}

// TestBodyMapIsChecked: a body map is a checklist whose regions each have
// a shape, a plain SVG path, in the front or back view; no other question
// has shapes. Anything else stops the rules with a message at its place.
func TestBodyMapIsChecked(t *testing.T) {
	where := func(s *Set) *Question { return &s.Questions[s.indexOf("where")] }
	for _, c := range []struct {
		name string
		edit func(*Set)
		want string
	}{
		{"markup", func(s *Set) { where(s).Options[0].Shape["front"] = `M0 0"/><script>` }, "want an SVG path"},
		{"empty", func(s *Set) { where(s).Options[0].Shape["front"] = " " }, "want an SVG path"},
		{"view", func(s *Set) { where(s).Options[0].Shape["side"] = "M0 0h1z" }, `unknown view "side"`},
		{"no shape", func(s *Set) { where(s).Options[1].Shape = nil }, "has no shape"},
		{"kind", func(s *Set) { where(s).Kind = KindChoice }, "a body map is a multi question"},
		{"elsewhere", func(s *Set) {
			s.Questions[s.indexOf("symptoms")].Options[0].Shape = map[string]string{"front": "M0 0z"}
		}, "add body_map: true"},
	} {
		ps := withEdit(t, c.edit)
		if !strings.Contains(ps.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, ps, c.want)
		}
	}
	if ps := withEdit(t, func(*Set) {}); len(ps) > 0 {
		t.Fatalf("the rules as they are: %v", ps)
	}
}

func (s *Set) indexOf(id string) int {
	i, ok := s.index[id]
	if !ok {
		for j, q := range s.Questions {
			if q.ID == id {
				return j
			}
		}
	}
	return i
}

// TestBodyMapIsAskedEarlyAndOpensChestPain: the body map comes with the
// danger questions, before any flag that reads it can be decided, and the
// chest pain question is asked once the chest is marked, and only then.
func TestBodyMapIsAskedEarlyAndOpensChestPain(t *testing.T) {
	s := defaultSet(t)
	r, err := s.Evaluate(Answers{"age": {Option: "age_16_49"}, "health": {Options: []string{}}})
	if err != nil || len(r.Pending) == 0 || r.Pending[0] != "where" {
		t.Fatalf("after who you are, pending %v (%v), want the body map next", r.Pending, err)
	}
	for _, f := range s.Flags {
		for _, c := range f.when {
			if q := &s.Questions[c.q]; !q.BodyMap && len(q.AskIf) == 0 && c.q < s.index["where"] && q.ID != "age" && q.ID != "health" {
				t.Errorf("flag %s reads %s, asked before the body map", f.ID, q.ID)
			}
		}
	}
	as := Answers{"age": {Option: "age_16_49"}, "health": {Options: []string{}}, "where": {Options: []string{"between_blades"}}}
	if r, _ := s.Evaluate(as); slices.Contains(r.Pending, "chest") {
		t.Error("chest pain is asked with the chest not marked")
	}
	as["where"] = Answer{Options: []string{"chest", "between_blades"}}
	if r, _ := s.Evaluate(as); len(r.Pending) == 0 || r.Pending[0] != "chest" {
		t.Errorf("the chest marked: pending %v, want chest pain next", r.Pending)
	}
	if !s.OpenedByPointing("chest") || s.OpenedByPointing("sepsis_signs") {
		t.Error("OpenedByPointing: want chest only, not a follow-up of a fever")
	}
}

// TestPointingVignettes: every group of flags that reads the body map has a
// vignette said by pointing (its file name holds "-point-"), and each such
// vignette depends on the map: without it (and the questions only pointing
// opens), the flags it expects are gone.
func TestPointingVignettes(t *testing.T) {
	s := defaultSet(t)
	files, _ := filepath.Glob(filepath.Join("testdata", "vignettes", "*-point-*.json"))
	covered := map[string]bool{}
	for _, file := range files {
		v := readVignette(t, file)
		as := loadAnswers(t, s, v.Answers)
		for id := range as {
			if q := s.Question(id); q.BodyMap || s.OpenedByPointing(id) {
				delete(as, id) // never asked without pointing
			}
		}
		r, err := s.Evaluate(as)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range v.Reasons {
			f := s.flag(id)
			covered[f.Group] = true
			if slices.ContainsFunc(r.Reasons, func(x Reason) bool { return x.Flag.ID == id }) {
				t.Errorf("%s: %s holds without the body map: not said by pointing", file, id)
			}
		}
	}
	for _, f := range s.Flags {
		for _, c := range f.when {
			if s.Questions[c.q].BodyMap && !covered[f.Group] {
				t.Errorf("group %s reads the body map (flag %s) but has no vignette said by pointing", f.Group, f.ID)
			}
		}
	}
}

func (s *Set) flag(id string) *Flag {
	for i := range s.Flags {
		if s.Flags[i].ID == id {
			return &s.Flags[i]
		}
	}
	return nil
}
