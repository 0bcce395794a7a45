package rules

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// The safety properties, checked over the answer space. The space is too big
// to enumerate (22 questions, about 10^17 answer sets), so it is covered
// systematically: every single answer and every pair of answers of every
// two questions on a calm baseline (exhaustive for those), plus random
// answer sets from a fixed seed. A failure prints the offending answers.

// values lists every possible answer slot of a question, mildest first.
// For a multi question, the single options and the empty set; the property
// tests add options one at a time.
func values(q *Question) []answer {
	var out []answer
	switch q.Kind {
	case KindScale:
		for n := q.Min; n <= q.Max; n++ {
			out = append(out, answer{answered: true, value: n})
		}
	case KindMulti:
		out = append(out, answer{answered: true, set: make([]bool, len(q.Options))})
		for i := range q.Options {
			set := make([]bool, len(q.Options))
			set[i] = true
			out = append(out, answer{answered: true, set: set})
		}
	default:
		for i := range q.Options {
			out = append(out, answer{answered: true, value: i})
		}
	}
	return out
}

// calm is every question answered with its mildest answer.
func calm(set *Set) *state {
	st := &state{answers: make([]answer, len(set.Questions))}
	for i := range set.Questions {
		st.answers[i] = values(&set.Questions[i])[0]
	}
	return st
}

func randomState(set *Set, rng *rand.Rand) *state {
	st := &state{answers: make([]answer, len(set.Questions))}
	for i := range set.Questions {
		q := &set.Questions[i]
		if rng.Intn(8) == 0 {
			continue // unanswered
		}
		switch q.Kind {
		case KindMulti:
			s := make([]bool, len(q.Options))
			for j := range s {
				s[j] = rng.Intn(4) == 0
			}
			st.answers[i] = answer{answered: true, set: s}
		case KindScale:
			st.answers[i] = answer{answered: true, value: q.Min + rng.Intn(q.Max-q.Min+1)}
		default:
			st.answers[i] = answer{answered: true, value: rng.Intn(len(q.Options))}
		}
	}
	return st
}

func (st *state) clone() *state {
	c := &state{answers: make([]answer, len(st.answers))}
	for i, a := range st.answers {
		c.answers[i] = a
		if a.set != nil {
			c.answers[i].set = append([]bool(nil), a.set...)
		}
	}
	return c
}

// describe prints answers the way the CLI takes them.
func describe(set *Set, st *state) string {
	var parts []string
	for i, a := range st.answers {
		if !a.answered {
			continue
		}
		q := &set.Questions[i]
		switch {
		case q.Kind == KindScale:
			parts = append(parts, fmt.Sprintf("%q: %d", q.ID, a.value))
		case a.set != nil:
			var opts []string
			for j, on := range a.set {
				if on {
					opts = append(opts, fmt.Sprintf("%q", q.Options[j].ID))
				}
			}
			parts = append(parts, fmt.Sprintf("%q: [%s]", q.ID, strings.Join(opts, ", ")))
		default:
			parts = append(parts, fmt.Sprintf("%q: %q", q.ID, q.Options[a.value].ID))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// worseSteps returns every answer set one step worse than st in one
// question: the next option of an ordered question, the next number, one
// more option of a multi question, or a first answer to an unanswered one.
func worseSteps(set *Set, st *state) []*state {
	var out []*state
	for i := range set.Questions {
		q := &set.Questions[i]
		if q.Kind == KindChoice && !q.Ordered {
			continue // no worse answer: its options only point to causes
		}
		a := st.answers[i]
		switch {
		case !a.answered:
			for _, v := range values(q) {
				c := st.clone()
				c.answers[i] = v
				out = append(out, c)
			}
		case q.Kind == KindMulti:
			for j, on := range a.set {
				if !on {
					c := st.clone()
					c.answers[i].set[j] = true
					out = append(out, c)
				}
			}
		case q.Kind == KindScale:
			if a.value < q.Max {
				c := st.clone()
				c.answers[i].value++
				out = append(out, c)
			}
		default:
			if a.value < len(q.Options)-1 {
				c := st.clone()
				c.answers[i].value++
				out = append(out, c)
			}
		}
	}
	return out
}

// raiseToMeet changes st's answer to c's question to the mildest answer
// that meets c. A multi question keeps the options already ticked, so two
// conditions on one question ("body_signs includes pressing" and
// "body_signs includes sweat") can both be met.
func raiseToMeet(set *Set, st *state, c cond) {
	q := &set.Questions[c.q]
	kept := st.answers[c.q]
	for _, v := range values(q) {
		if q.Kind == KindMulti && kept.answered {
			for j, on := range kept.set {
				v.set[j] = v.set[j] || on
			}
		}
		st.answers[c.q] = v
		if c.holds(st) {
			return
		}
	}
}

// TestEveryRedFlagAloneGivesItsLevel: on a calm baseline, every answer that
// sets off a flag on its own gives at least the flag's level; and each flag
// is set off by the calm baseline raised just enough to meet its conditions.
func TestEveryRedFlagAloneGivesItsLevel(t *testing.T) {
	set := defaultSet(t)
	if got := set.evaluate(calm(set)).Level; got != SelfCare {
		t.Fatalf("the calmest answers give %s, want selfcare", got)
	}
	for _, f := range set.Flags {
		st := calm(set)
		for _, c := range f.when {
			raiseToMeet(set, st, c)
		}
		if !allHold(f.when, st) {
			t.Errorf("flag %s: no answers make it apply", f.ID)
			continue
		}
		if got := set.evaluate(st).Level; got.Rank() < f.Level.Rank() {
			t.Errorf("flag %s (%s) alone gives %s: %s", f.ID, f.Level, got, describe(set, st))
		}
	}
}

// TestWorseAnswersNeverLowerTheLevel checks monotonicity: every answer set
// in the sample, and every set one step worse in any question, never gives
// calmer advice; and whenever a flag's conditions hold, the level is at
// least the flag's.
func TestWorseAnswersNeverLowerTheLevel(t *testing.T) {
	set := defaultSet(t)
	var sample []*state
	base := calm(set)
	sample = append(sample, base)
	// Every pair of answers of every two questions on the calm baseline.
	for i := range set.Questions {
		for _, vi := range values(&set.Questions[i]) {
			for j := i + 1; j < len(set.Questions); j++ {
				for _, vj := range values(&set.Questions[j]) {
					st := base.clone()
					st.answers[i], st.answers[j] = vi, vj
					sample = append(sample, st)
				}
			}
		}
	}
	rng := rand.New(rand.NewSource(20261124))
	for range 20000 {
		sample = append(sample, randomState(set, rng))
	}
	checked := 0
	for _, st := range sample {
		r := set.evaluate(st)
		for _, f := range set.Flags {
			if allHold(f.when, st) && r.Level.Rank() < f.Level.Rank() {
				t.Fatalf("flag %s (%s) applies but the level is %s: %s", f.ID, f.Level, r.Level, describe(set, st))
			}
		}
		for _, w := range worseSteps(set, st) {
			checked++
			if got := set.evaluate(w).Level; got.Rank() < r.Level.Rank() {
				t.Fatalf("a worse answer lowered the level from %s to %s:\n\tbefore %s\n\tafter  %s",
					r.Level, got, describe(set, st), describe(set, w))
			}
		}
	}
	t.Logf("%d answer sets, %d one-step-worse neighbours checked", len(sample), checked)
}

// TestEveryPathEndsInALevel walks the check as a person would, answering
// each next question at random, and checks that it ends within one screen
// per question, in one of the four levels, and stops at once on emergency.
func TestEveryPathEndsInALevel(t *testing.T) {
	set := defaultSet(t)
	rng := rand.New(rand.NewSource(7))
	for walk := range 5000 {
		st := &state{answers: make([]answer, len(set.Questions))}
		steps := 0
		for {
			r := set.evaluate(st)
			if !r.Level.valid() {
				t.Fatalf("walk %d: level %q: %s", walk, r.Level, describe(set, st))
			}
			if r.Level == Emergency && len(r.Pending) > 0 {
				t.Fatalf("walk %d: emergency, yet %d more questions: %s", walk, len(r.Pending), describe(set, st))
			}
			if len(r.Pending) == 0 {
				break
			}
			qi := set.index[r.Pending[0]]
			vs := values(&set.Questions[qi])
			v := vs[rng.Intn(len(vs))]
			if set.Questions[qi].Kind == KindMulti && rng.Intn(3) > 0 {
				v = vs[0] // mostly "none of these", as most people answer
			}
			st.answers[qi] = v
			if steps++; steps > len(set.Questions) {
				t.Fatalf("walk %d: more steps than questions: %s", walk, describe(set, st))
			}
		}
	}
}

// TestCertainMeansNothingCanRaiseIt: when a result says it is certain, no
// way of answering the pending questions makes it more urgent.
func TestCertainMeansNothingCanRaiseIt(t *testing.T) {
	set := defaultSet(t)
	rng := rand.New(rand.NewSource(11))
	for range 3000 {
		st := randomState(set, rng)
		r := set.evaluate(st)
		if !r.Certain {
			continue
		}
		for range 20 {
			fill := randomState(set, rng)
			c := st.clone()
			for i := range c.answers {
				if !c.answers[i].answered {
					c.answers[i] = fill.answers[i]
				}
			}
			if got := set.evaluate(c).Level; got.MoreUrgent(r.Level) {
				t.Fatalf("certain %s became %s:\n\t%s\n\t%s", r.Level, got, describe(set, st), describe(set, c))
			}
		}
	}
}
