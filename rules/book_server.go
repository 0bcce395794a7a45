//go:build !wasm

package rules

import "strings"

// Condition is one compiled condition of a red flag, as the rules book
// (package cmd/internal/rulesbook) reads it out to the clinician: the
// question, how it reads the answer, and the answers that make it true.
// Server only: app.wasm has no use for it.
type Condition struct {
	Source   string    // as written: "trend >= same"
	Question *Question // the question it reads
	Op       string    // "is", "includes", ">=" or "<="
	// Named are the options the condition names: each one for "is" and
	// "includes", the one it counts from for ">=" and "<=" on a choice.
	Named []Option
	// Unsure: "don't know" (counted as the question's unsure option) makes
	// the condition true.
	Unsure bool
	// AtLeast and AtMost are the range of a scale that makes it true.
	AtLeast, AtMost int
}

// Conditions returns the compiled conditions of the flag with that id, in
// the order written, or nil if the set has no such flag.
func (s *Set) Conditions(flagID string) []Condition {
	for i := range s.Flags {
		if s.Flags[i].ID == flagID {
			return s.conditions(s.Flags[i].when)
		}
	}
	return nil
}

func (s *Set) conditions(cs []cond) []Condition {
	out := make([]Condition, 0, len(cs))
	for _, c := range cs {
		q := &s.Questions[c.q]
		f := strings.Fields(c.src)
		d := Condition{Source: c.src, Question: q, Op: f[1], AtLeast: c.lo, AtMost: c.hi}
		for i, word := range f[2:] {
			if oi := q.option(word); i%2 == 0 && oi >= 0 {
				d.Named = append(d.Named, q.Options[oi])
			}
		}
		if oi := q.option(q.Unsure); q.Unsure != "" && oi >= 0 && c.allowed != nil {
			d.Unsure = c.allowed[oi]
		}
		out = append(out, d)
	}
	return out
}
