package rules

import (
	"fmt"
	"strconv"
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

// condOps lists the operators, for error messages.
const condOps = `"is", "includes", ">=" or "<="`

func (s *Set) parseCond(src string) (cond, error) {
	f := strings.Fields(src)
	if len(f) < 3 {
		return cond{}, fmt.Errorf("condition %q: want QUESTION %s VALUE", src, condOps)
	}
	qi, ok := s.index[f[0]]
	if !ok {
		return cond{}, fmt.Errorf("condition %q: unknown question %q (questions: %s)", src, f[0], s.questionIDs())
	}
	q := &s.Questions[qi]
	c := cond{src: src, q: qi}
	op, rest := f[1], f[2:]
	switch op {
	case "is", "includes":
		if (op == "includes") != (q.Kind == KindMulti) {
			want := "is"
			if q.Kind == KindMulti {
				want = "includes"
			}
			return cond{}, fmt.Errorf("condition %q: %s is a %s question: use %q", src, q.ID, q.Kind, want)
		}
		if q.Kind == KindScale {
			return cond{}, fmt.Errorf("condition %q: %s is a scale: use >= or <=", src, q.ID)
		}
		c.allowed = make([]bool, len(q.Options))
		for i, word := range rest {
			if i%2 == 1 {
				if word != "or" {
					return cond{}, fmt.Errorf("condition %q: want \"or\" between options, got %q", src, word)
				}
				continue
			}
			oi := q.option(word)
			if oi < 0 {
				return cond{}, fmt.Errorf("condition %q: %q is not an option of %s (options: %s)", src, word, q.ID, q.optionIDs())
			}
			c.allowed[oi] = true
		}
		if len(rest)%2 == 0 {
			return cond{}, fmt.Errorf("condition %q: ends with \"or\"", src)
		}
	case ">=", "<=":
		if len(rest) != 1 {
			return cond{}, fmt.Errorf("condition %q: want one value after %s", src, op)
		}
		switch q.Kind {
		case KindScale:
			n, err := strconv.Atoi(rest[0])
			if err != nil {
				return cond{}, fmt.Errorf("condition %q: %q is not a whole number", src, rest[0])
			}
			if n < q.Min || n > q.Max {
				return cond{}, fmt.Errorf("condition %q: can never be true: %s runs from %d to %d", src, q.ID, q.Min, q.Max)
			}
			c.lo, c.hi = q.Min, q.Max
			if op == ">=" {
				c.lo = n
			} else {
				c.hi = n
			}
		case KindChoice, KindYesNo:
			if q.Kind == KindChoice && !q.Ordered {
				return cond{}, fmt.Errorf("condition %q: the options of %s have no order: use \"is\"", src, q.ID)
			}
			oi := q.option(rest[0])
			if oi < 0 {
				return cond{}, fmt.Errorf("condition %q: %q is not an option of %s (options: %s)", src, rest[0], q.ID, q.optionIDs())
			}
			c.allowed = make([]bool, len(q.Options))
			for i := range c.allowed {
				c.allowed[i] = (op == ">=" && i >= oi) || (op == "<=" && i <= oi)
			}
		default:
			return cond{}, fmt.Errorf("condition %q: %s is a %s question: use \"includes\"", src, q.ID, q.Kind)
		}
	default:
		return cond{}, fmt.Errorf("condition %q: unknown operator %q (operators: %s)", src, op, condOps)
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
