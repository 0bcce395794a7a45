package rules

import (
	"fmt"
	"strings"
)

// A condition is one line of text a clinician can read:
//
//	trend is same or worse        a choice or yes/no answer is one of these
//	days >= d3_4                  an ordered answer is this one or a worse one
//	pain_now >= 8                 a 0-10 answer is at least 8 (<= for at most)
//	emergency_signs includes chest_pain or arm_jaw
//	                              a multi answer includes one of these
//
// A question that was not answered makes its conditions false. "Don't know"
// counts as the option its question names in "unsure".
type cond struct {
	src     string
	q       int    // question index
	allowed []bool // choice, yesno, multi: which options satisfy it
	lo, hi  int    // scale: the range that satisfies it
}

// Cond is a condition as browser.json carries it, parsed when the rules
// are built so that app.wasm needs no parser: the index of its question,
// and the options that make it true (In) or, on a scale, the range (Lo to
// Hi).
type Cond struct {
	Q  int   `json:"q"`
	In []int `json:"in,omitempty"`
	Lo int   `json:"lo,omitempty"`
	Hi int   `json:"hi,omitempty"`
}

// conds prepares a list of conditions that must all hold, and checks that
// they can.
func (s *Set) conds(path string, srcs []string, parsed []Cond, ps *Problems) []cond {
	if len(srcs) == 0 && len(parsed) == 0 {
		ps.add(path, "no conditions")
		return nil
	}
	cs := s.condList(path, srcs, parsed, len(s.Questions), ps)
	if len(cs) == len(srcs)+len(parsed) && !satisfiable(s, cs) {
		ps.add(path, "these conditions can never all be true: %q", srcs)
	}
	return cs
}

// condList prepares conditions as written (srcs: rules.json, the YAML) or
// as browser.json carries them (parsed). Parsed ones may read only the
// first before questions (ask_if reads earlier questions only).
func (s *Set) condList(path string, srcs []string, parsed []Cond, before int, ps *Problems) []cond {
	if len(srcs) > 0 {
		return s.writtenConds(path, srcs, ps)
	}
	var cs []cond
	for i, p := range parsed {
		c, err := s.readCond(p, before)
		if err != nil {
			ps.add(fmt.Sprintf("%s[%d]", path, i), "%v", err)
			continue
		}
		cs = append(cs, c)
	}
	return cs
}

// readCond is a parsed condition ready to evaluate, if it reads one of the
// first before questions and names only what that question has.
func (s *Set) readCond(p Cond, before int) (cond, error) {
	if p.Q < 0 || p.Q >= before || p.Q >= len(s.Questions) {
		return cond{}, fmt.Errorf("condition on question %d: want one of the %d before it", p.Q, before)
	}
	q := &s.Questions[p.Q]
	c := cond{q: p.Q}
	if q.Kind == KindScale {
		if p.Lo > p.Hi || p.Lo < q.Min || p.Hi > q.Max || len(p.In) > 0 {
			return cond{}, fmt.Errorf("condition on %s: want a range within %d to %d", q.ID, q.Min, q.Max)
		}
		c.lo, c.hi = p.Lo, p.Hi
		return c, nil
	}
	c.allowed = make([]bool, len(q.Options))
	for _, i := range p.In {
		if i < 0 || i >= len(q.Options) {
			return cond{}, fmt.Errorf("condition on %s: no option %d", q.ID, i)
		}
		c.allowed[i] = true
	}
	if len(p.In) == 0 {
		return cond{}, fmt.Errorf("condition on %s: names no option", q.ID)
	}
	return c, nil
}

// holds reports whether the condition is true of the answers.
func (c cond) holds(st *state) bool {
	a := &st.answers[c.q]
	if !a.answered {
		return false
	}
	if c.allowed == nil {
		return a.value >= c.lo && a.value <= c.hi
	}
	if a.set != nil {
		for i, on := range a.set {
			if on && c.allowed[i] {
				return true
			}
		}
		return false
	}
	return c.allowed[a.value]
}

// upwardClosed reports whether every answer worse than one the condition
// accepts is accepted too, which keeps flags monotone.
func (c cond) upwardClosed(q *Question) bool {
	switch q.Kind {
	case KindMulti:
		return true // adding a symptom keeps an "includes" true
	case KindScale:
		return c.hi == q.Max
	}
	seen := false
	for _, ok := range c.allowed {
		if seen && !ok {
			return false
		}
		seen = seen || ok
	}
	return true
}

// satisfiable reports whether all the conditions can hold at once.
func satisfiable(s *Set, cs []cond) bool {
	type acc struct {
		allowed []bool
		lo, hi  int
	}
	by := map[int]*acc{}
	for _, c := range cs {
		q := &s.Questions[c.q]
		a := by[c.q]
		if a == nil {
			a = &acc{lo: q.Min, hi: q.Max}
			if c.allowed != nil {
				a.allowed = make([]bool, len(c.allowed))
				for i := range a.allowed {
					a.allowed[i] = true
				}
			}
			by[c.q] = a
		}
		if c.allowed == nil {
			a.lo, a.hi = max(a.lo, c.lo), min(a.hi, c.hi)
			continue
		}
		if q.Kind == KindMulti {
			continue // several options can be chosen together
		}
		for i := range a.allowed {
			a.allowed[i] = a.allowed[i] && c.allowed[i]
		}
	}
	for qi, a := range by {
		if s.Questions[qi].Kind == KindScale {
			if a.lo > a.hi {
				return false
			}
			continue
		}
		any := false
		for _, ok := range a.allowed {
			any = any || ok
		}
		if !any {
			return false
		}
	}
	return true
}

func (q *Question) option(id string) int {
	for i, o := range q.Options {
		if o.ID == id {
			return i
		}
	}
	return -1
}

func (q *Question) optionIDs() string {
	ids := make([]string, len(q.Options))
	for i, o := range q.Options {
		ids[i] = o.ID
	}
	return strings.Join(ids, ", ")
}

func (s *Set) questionIDs() string {
	ids := make([]string, len(s.Questions))
	for i, q := range s.Questions {
		ids[i] = q.ID
	}
	return strings.Join(ids, ", ")
}
