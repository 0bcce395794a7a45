//go:build !wasm

package rulesbook

import (
	"fmt"
	"strings"
	"testing"

	"aftercare/rules"
)

// TestConditionWords: every condition of the built-in flags reads in
// words as its kind says: a scale "at least N", an ordered answer "this
// answer or a worse one" (or, for the worst, "answered"), a list
// "answered: A or B", in each language its own question and labels.
func TestConditionWords(t *testing.T) {
	set := builtin(t)
	seen := map[string]bool{}
	for _, f := range set.Flags {
		for _, c := range set.Conditions(f.ID) {
			for _, l := range set.Locales {
				w := conditionWords(set, c, l)
				if w.Question != c.Question.Text[l] {
					t.Errorf("%s: question %q, want %q", c.Source, w.Question, c.Question.Text[l])
				}
				var labels []string
				for _, o := range c.Named {
					labels = append(labels, "\u201c"+o.Label[l]+"\u201d")
				}
				named := strings.Join(labels, " or ")
				var want, kind string
				switch {
				case c.Question.Kind == rules.KindScale:
					kind, want = "scale", fmt.Sprintf("at least %d", c.AtLeast)
				case c.Op == ">=" && worst(c):
					kind, want = "worst", "answered: "+named
				case c.Op == ">=":
					kind, want = "ordered", "this answer or a worse one: "+named
				default:
					kind, want = c.Op, "answered: "+named
				}
				if c.Unsure {
					kind += " unsure"
					want += " (\u201c" + set.Common.Unsure[l] + "\u201d counts too)"
				}
				seen[kind] = true
				if w.Answer != want {
					t.Errorf("%s in %s: %q, want %q", c.Source, l, w.Answer, want)
				}
			}
		}
	}
	for _, k := range []string{"scale", "worst", "ordered", "includes"} {
		if !seen[k] {
			t.Errorf("no condition of the built-in rules is of the kind %q", k)
		}
	}
}

// TestConditionWordsExample: the example the book's reader sees first.
func TestConditionWordsExample(t *testing.T) {
	set := builtin(t)
	for _, c := range set.Conditions("heart_pattern") {
		if strings.HasPrefix(c.Source, "body_signs includes sweat") {
			w := conditionWords(set, c, "en")
			if !strings.HasPrefix(w.Answer, "answered: \u201cA cold, clammy sweat\u201d or \u201cNausea") {
				t.Errorf("%s reads %q", c.Source, w.Answer)
			}
			return
		}
	}
	t.Skip("heart_pattern no longer has its sweat condition")
}
