package app

import (
	"net/url"
	"testing"

	"aftercare/rules"
)

// TestURLAnswer: the answer in the address ("a=OPTION", "a=unsure") is
// taken only when it fits the question: one of a choice's options, or
// "don't know" where it is offered; never for a list or a scale, never an
// option of another question.
func TestURLAnswer(t *testing.T) {
	set := ruleSet()
	age, trend := set.Question("age"), set.Question("trend")
	var yesno *rules.Question
	for i := range set.Questions {
		if q := &set.Questions[i]; q.Kind == rules.KindYesNo && q.Unsure != "" {
			yesno = q
			break
		}
	}
	for _, c := range []struct {
		q     *rules.Question
		query string
		want  rules.Answer
		ok    bool
	}{
		{age, "start=1&a=" + age.Options[1].ID, rules.Answer{Option: age.Options[1].ID}, true},
		{age, "start=1", rules.Answer{}, false},
		{age, "a=", rules.Answer{}, false},
		{age, "a=nonsense", rules.Answer{}, false},
		{age, "a=" + trend.Options[0].ID, rules.Answer{}, false},
		{age, "a=unsure", rules.Answer{}, false}, // age offers no "don't know"
		{yesno, "a=unsure", rules.Answer{Unsure: true}, true},
		{set.Question("symptoms"), "a=" + set.Question("symptoms").Options[0].ID, rules.Answer{}, false},
		{set.Question("pain_now"), "a=3", rules.Answer{}, false},
		{nil, "a=" + age.Options[0].ID, rules.Answer{}, false},
	} {
		v, _ := url.ParseQuery(c.query)
		got, ok := urlAnswer(v, c.q)
		if ok != c.ok || (ok && (got.Option != c.want.Option || got.Unsure != c.want.Unsure)) {
			t.Errorf("%v with %q: got %+v %v, want %+v %v", c.q != nil, c.query, got, ok, c.want, c.ok)
		}
	}
}
