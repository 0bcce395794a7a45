//go:build !wasm

package rules

import (
	"strconv"
	"strings"
	"testing"
)

// TestConditions: each flag's conditions, as the rules book reads them,
// are the ones written, in order, with the question and the options they
// name; a scale's ">=" gives its range; "don't know" counts where its
// option does.
func TestConditions(t *testing.T) {
	s := defaultSet(t)
	unsure := 0
	for _, f := range s.Flags {
		cs := s.Conditions(f.ID)
		if len(cs) != len(f.When) {
			t.Fatalf("flag %s: %d conditions, want %d", f.ID, len(cs), len(f.When))
		}
		for i, c := range cs {
			w := strings.Fields(f.When[i])
			if c.Source != f.When[i] || c.Question.ID != w[0] || c.Op != w[1] {
				t.Errorf("flag %s: %+v does not read %q", f.ID, c, f.When[i])
			}
			if c.Question.Kind == KindScale {
				if n, _ := strconv.Atoi(w[2]); c.Op == ">=" && (c.AtLeast != n || c.AtMost != c.Question.Max) {
					t.Errorf("%s: range %d to %d", c.Source, c.AtLeast, c.AtMost)
				}
				continue
			}
			var named []string
			for _, o := range c.Named {
				named = append(named, o.ID)
			}
			if got := strings.Join(named, " or "); got != strings.Join(w[2:], " ") {
				t.Errorf("%s: names %q", c.Source, got)
			}
			q := c.Question
			if want := q.Unsure != "" && f.when[i].allowed[q.option(q.Unsure)]; c.Unsure != want {
				t.Errorf("%s: unsure %v, want %v", c.Source, c.Unsure, want)
			}
			if c.Unsure {
				unsure++
			}
		}
	}
	if unsure == 0 {
		t.Error("no condition counts \"don't know\": the test tests nothing there")
	}
	if s.Conditions("no_such_flag") != nil {
		t.Error("Conditions of an unknown flag: want nil")
	}
}
