package rules

import (
	"path/filepath"
	"slices"
	"testing"
)

// A vignette may be said by typing: its typed phrases, as the person typed
// them in the search box, stand for the signs, and its answers give only
// what cannot be typed (age, the pain's numbers, the trend). Each phrase
// is resolved as the app does it (app/check_say.go): a search among the
// signs the app offers on these answers, and the best match confirmed,
// counted exactly as a tick.

// sayQuestions are the questions whose options the search knows.
func sayQuestions(set *Set) map[string]bool {
	out := map[string]bool{}
	for _, q := range set.Questions {
		if slices.ContainsFunc(q.Options, func(o Option) bool { return len(o.Say) > 0 }) {
			out[q.ID] = true
		}
	}
	return out
}

// flagQuestions are the questions a red flag reads.
func flagQuestions(set *Set) map[string]bool {
	out := map[string]bool{}
	for _, f := range set.Flags {
		for _, c := range f.when {
			out[set.Questions[c.q].ID] = true
		}
	}
	return out
}

// typedAnswers adds the sign each typed phrase finds to the answers, as
// the app would once the person confirms the best match: a checklist, or
// a question whose answers run from mild to severe, that a red flag reads
// and that is asked on these answers; never the "No" of such a question.
func typedAnswers(t *testing.T, set *Set, as Answers, locale string, typed []string) Answers {
	t.Helper()
	flagged := flagQuestions(set)
	for _, text := range typed {
		r, err := set.Evaluate(as)
		if err != nil {
			t.Fatal(err)
		}
		ms := set.SearchWhere(text, locale, func(question, option string) bool {
			q := set.Question(question)
			if !flagged[q.ID] || !(q.Kind == KindMulti || q.Kind == KindChoice && q.Ordered) || q.Kind != KindMulti && option == q.Options[0].ID {
				return false
			}
			_, answered := as[q.ID]
			return answered || len(q.AskIf) == 0 || slices.Contains(r.Pending, q.ID) || set.OpenedByPointing(q.ID)
		})
		if len(ms) == 0 {
			t.Errorf("%q (%s) finds no sign", text, locale)
			continue
		}
		m := ms[0]
		t.Logf("%q: %s %s (%.2f)", text, m.Question, m.Option, m.Score)
		q := set.Question(m.Question)
		a, ok := as[m.Question]
		switch {
		case q.Kind == KindMulti:
			if !slices.Contains(a.Options, m.Option) {
				a.Options = append(slices.Clip(a.Options), m.Option)
			}
		case !ok || a.Unsure || q.option(a.Option) < q.option(m.Option):
			a = Answer{Option: m.Option}
		}
		as[m.Question] = a
	}
	return as
}

// TestEveryGroupSaidByTyping: each group of danger signs that a typed sign
// can raise has a vignette said only by typing that reaches the group's
// level with one of its flags among the reasons (TestVignettes checks each
// one). A group no typed sign can raise (the pain's numbers, the age) is
// named in the log.
func TestEveryGroupSaidByTyping(t *testing.T) {
	set := defaultSet(t)
	says := sayQuestions(set)
	files, _ := filepath.Glob(filepath.Join("testdata", "vignettes", "*.json"))
	reached := map[string]bool{}
	for _, file := range files {
		v := readVignette(t, file)
		if len(v.Typed) == 0 {
			continue
		}
		for _, f := range set.Flags {
			if slices.Contains(v.Reasons, f.ID) && f.Level == v.Level {
				reached[f.Group] = true
			}
		}
	}
	for _, g := range set.Groups {
		typeable := slices.ContainsFunc(g.flags, func(f *Flag) bool {
			return slices.ContainsFunc(f.when, func(c cond) bool { return says[set.Questions[c.q].ID] })
		})
		switch {
		case !typeable:
			t.Logf("group %s: no typed sign can raise it", g.ID)
		case !reached[g.ID]:
			t.Errorf("group %s (%s): no vignette said only by typing reaches it", g.ID, g.Level)
		}
	}
}
