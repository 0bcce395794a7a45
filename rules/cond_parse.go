//go:build !wasm

package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Conditions as written ("pain_now >= 8") are parsed here, on the server
// and when the rules are built; app.wasm reads them parsed, from its words
// file (browser.json with its texts), and links no parser
// (TestWasmLeavesTheServerOut).

// condOps lists the operators, for error messages.
const condOps = `"is", "includes", ">=" or "<="`

// writtenConds parses conditions as written. A question not yet indexed
// (ask_if may read only earlier questions, and checkQuestions indexes them
// in order) is named as coming later. Not parseConds: the wasm test looks
// for any name that starts with parseCond.
func (s *Set) writtenConds(path string, srcs []string, ps *Problems) []cond {
	var cs []cond
	for i, src := range srcs {
		c, err := s.parseCond(src)
		if err != nil {
			id := firstWord(src)
			if _, known := s.index[id]; !known && id != "" {
				if slices.ContainsFunc(s.Questions, func(q Question) bool { return q.ID == id }) {
					err = fmt.Errorf("condition %q: %s comes later: ask_if may use only earlier questions", src, id)
				}
			}
			ps.add(fmt.Sprintf("%s[%d]", path, i), "%v", err)
			continue
		}
		cs = append(cs, c)
	}
	return cs
}

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
	var err error
	switch op, rest := f[1], f[2:]; op {
	case "is", "includes":
		c.allowed, err = parseOptions(q, op, rest)
	case ">=", "<=":
		if len(rest) != 1 {
			return cond{}, fmt.Errorf("condition %q: want one value after %s", src, op)
		}
		c, err = parseAtLeastOrMost(c, q, op, rest[0])
	default:
		err = fmt.Errorf("unknown operator %q (operators: %s)", op, condOps)
	}
	if err != nil {
		return cond{}, fmt.Errorf("condition %q: %w", src, err)
	}
	return c, nil
}

// parseOptions reads "is A or B" and "includes A or B": the options that
// make the condition true.
func parseOptions(q *Question, op string, rest []string) ([]bool, error) {
	if (op == "includes") != (q.Kind == KindMulti) {
		want := "is"
		if q.Kind == KindMulti {
			want = "includes"
		}
		return nil, fmt.Errorf("%s is a %s question: use %q", q.ID, q.Kind, want)
	}
	if q.Kind == KindScale {
		return nil, fmt.Errorf("%s is a scale: use >= or <=", q.ID)
	}
	allowed := make([]bool, len(q.Options))
	for i, word := range rest {
		if i%2 == 1 {
			if word != "or" {
				return nil, fmt.Errorf("want \"or\" between options, got %q", word)
			}
			continue
		}
		oi := q.option(word)
		if oi < 0 {
			return nil, fmt.Errorf("%q is not an option of %s (options: %s)", word, q.ID, q.optionIDs())
		}
		allowed[oi] = true
	}
	if len(rest)%2 == 0 {
		return nil, fmt.Errorf("ends with \"or\"")
	}
	return allowed, nil
}

// parseAtLeastOrMost reads ">= V" and "<= V": on a scale a range, on an
// ordered choice or yes/no the option and every worse (or milder) one.
func parseAtLeastOrMost(c cond, q *Question, op, v string) (cond, error) {
	switch q.Kind {
	case KindScale:
		n, err := strconv.Atoi(v)
		if err != nil {
			return cond{}, fmt.Errorf("%q is not a whole number", v)
		}
		if n < q.Min || n > q.Max {
			return cond{}, fmt.Errorf("can never be true: %s runs from %d to %d", q.ID, q.Min, q.Max)
		}
		c.lo, c.hi = q.Min, q.Max
		if op == ">=" {
			c.lo = n
		} else {
			c.hi = n
		}
	case KindChoice, KindYesNo:
		if q.Kind == KindChoice && !q.Ordered {
			return cond{}, fmt.Errorf("the options of %s have no order: use \"is\"", q.ID)
		}
		oi := q.option(v)
		if oi < 0 {
			return cond{}, fmt.Errorf("%q is not an option of %s (options: %s)", v, q.ID, q.optionIDs())
		}
		c.allowed = make([]bool, len(q.Options))
		for i := range c.allowed {
			c.allowed[i] = (op == ">=" && i >= oi) || (op == "<=" && i <= oi)
		}
	default:
		return cond{}, fmt.Errorf("%s is a %s question: use \"includes\"", q.ID, q.Kind)
	}
	return c, nil
}

// parsed is the condition as browser.json carries it (see Cond).
func (c cond) parsed() Cond {
	p := Cond{Q: c.q, Lo: c.lo, Hi: c.hi}
	for i, on := range c.allowed {
		if on {
			p.In = append(p.In, i)
		}
	}
	return p
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
