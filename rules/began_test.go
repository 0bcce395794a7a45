package rules

import (
	"strings"
	"testing"
)

// TestSinceTheMassageCountsWhatBeganBefore: "since the massage" stays the
// frame for new signs, and every danger question framed so says, in its
// text or its help and in every language, that a sign that began before
// the massage counts too: a person whose pain began before can answer
// truthfully.
func TestSinceTheMassageCountsWhatBeganBefore(t *testing.T) {
	set := defaultSet(t)
	danger := map[int]bool{}
	for _, f := range set.Flags {
		for _, c := range f.when {
			danger[c.q] = true
		}
	}
	frame := map[string][2]string{"en": {"since the massage", "before"}, "es": {"desde el masaje", "antes"}}
	for i, q := range set.Questions {
		if !danger[i] {
			continue
		}
		for l, f := range frame {
			said := strings.ToLower(q.Text[l] + " " + q.Help[l])
			if strings.Contains(said, f[0]) && !strings.Contains(said, f[1]) {
				t.Errorf("%s (%s): %q says %q but not that what began %s counts", q.ID, l, q.Text[l], f[0], f[1])
			}
		}
	}
}

// TestBeganInOneLine: the summary's one line on when the pain began, for
// each answer, in both languages.
func TestBeganInOneLine(t *testing.T) {
	set := defaultSet(t)
	before := Answer{Options: []string{"night", PatternBefore}}
	for _, c := range []struct {
		as     Answers
		en, es string
	}{
		{Answers{}, "", ""},
		{Answers{QuestionPattern: {Options: []string{}}}, "Pain began: after the massage", "El dolor empezó: después del masaje"},
		{Answers{QuestionPattern: before}, "Pain began: before the massage", "El dolor empezó: antes del masaje"},
		{Answers{QuestionPattern: before, QuestionBegan: {Option: "days"}}, "Pain began: a few days before the massage", "El dolor empezó: unos días antes del masaje"},
		{Answers{QuestionPattern: before, QuestionBegan: {Option: "weeks"}}, "Pain began: 1 to 4 weeks before the massage", "El dolor empezó: de 1 a 4 semanas antes del masaje"},
		{Answers{QuestionPattern: before, QuestionBegan: {Option: "months"}}, "Pain began: 1 to 3 months before the massage", "El dolor empezó: de 1 a 3 meses antes del masaje"},
		{Answers{QuestionPattern: before, QuestionBegan: {Option: "long"}}, "Pain began: more than 3 months before the massage", "El dolor empezó: más de 3 meses antes del masaje"},
	} {
		if got := set.Began(c.as, "en"); got != c.en {
			t.Errorf("%v: en %q, want %q", c.as, got, c.en)
		}
		if got := set.Began(c.as, "es"); got != c.es {
			t.Errorf("%v: es %q, want %q", c.as, got, c.es)
		}
	}
}
