//go:build !wasm

package rulesbook

import (
	"fmt"
	"strings"

	"aftercare/rules"
)

// Words is one condition of a flag in one language: the question's text
// as the person reads it, and what answer makes the condition true.
type Words struct {
	Question string
	Answer   string
}

// conditionWords puts a condition in words in a locale: the question and
// option texts in that language, the words between them in English (the
// book is for the clinician).
//
//	"Since the massage, have you had...?" — answered: "A" or "B"
//	"How old are you?" — this answer or a worse one: "60 to 64"
//	"How bad is the pain now?" — at least 8
func conditionWords(set *rules.Set, c rules.Condition, locale string) Words {
	w := Words{Question: in(set, c.Question.Text, locale)}
	labels := make([]string, len(c.Named))
	for i, o := range c.Named {
		labels[i] = quote(in(set, o.Label, locale))
	}
	switch {
	case c.Question.Kind == rules.KindScale && c.Op == ">=":
		w.Answer = fmt.Sprintf("at least %d", c.AtLeast)
	case c.Question.Kind == rules.KindScale:
		w.Answer = fmt.Sprintf("at most %d", c.AtMost)
	case c.Op == ">=" && worst(c):
		w.Answer = "answered: " + strings.Join(labels, " or ")
	case c.Op == ">=":
		w.Answer = "this answer or a worse one: " + strings.Join(labels, " or ")
	case c.Op == "<=":
		w.Answer = "this answer or a milder one: " + strings.Join(labels, " or ")
	default:
		w.Answer = "answered: " + strings.Join(labels, " or ")
	}
	if c.Unsure {
		w.Answer += fmt.Sprintf(` (%s counts too)`, quote(in(set, set.Common.Unsure, locale)))
	}
	return w
}

// worst reports whether a ">=" names the worst answer, so only it counts.
func worst(c rules.Condition) bool {
	opts := c.Question.Options
	return len(c.Named) == 1 && len(opts) > 0 && opts[len(opts)-1].ID == c.Named[0].ID
}

func quote(s string) string { return "\u201c" + s + "\u201d" }
