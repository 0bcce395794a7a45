package rules

import (
	"slices"
	"strings"
	"testing"
)

// causeIDs lists the likely causes of a result.
func causeIDs(r Result) []string {
	var ids []string
	for _, c := range r.Causes {
		ids = append(ids, c.Cause.ID)
	}
	return ids
}

// TestCausesNameOnlyWhatWasAnswered: a cause shows only on the answer its
// words rest on, and its reasons say only what was answered (issue 21).
func TestCausesNameOnlyWhatWasAnswered(t *testing.T) {
	set := defaultSet(t)
	r, err := set.Evaluate(loadAnswers(t, set, map[string]any{"posture": "no", "where": []any{"neck", "shoulder_left"}}))
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(causeIDs(r), "posture") {
		t.Errorf(`"no" to slouching, yet the likely causes include posture: %v`, causeIDs(r))
	}
	r, err = set.Evaluate(loadAnswers(t, set, map[string]any{"posture": "yes", "where": []any{"neck"}}))
	if err != nil || !slices.Contains(causeIDs(r), "posture") {
		t.Errorf(`"yes" to slouching: causes %v (%v), want posture among them`, causeIDs(r), err)
	}
	r, err = set.Evaluate(loadAnswers(t, set, map[string]any{"where": []any{"neck", "between_blades"}}))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Causes {
		for _, why := range c.Reasons {
			if strings.Contains(why["en"], "therapist pressed") {
				t.Errorf("%s: %q, though nobody was asked where the therapist pressed", c.Cause.ID, why["en"])
			}
		}
	}
}

// TestUnsureIsNamedInTheReason: a flag set off by "don't know" counted as
// the worse answer says which answers were not known.
func TestUnsureIsNamedInTheReason(t *testing.T) {
	set := defaultSet(t)
	for _, c := range []struct {
		trend  any
		unsure []string
	}{{"unsure", []string{"trend"}}, {"same", nil}} {
		r, err := set.Evaluate(loadAnswers(t, set, map[string]any{"days": 3, "pain_now": 2, "trend": c.trend}))
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(r.Reasons, func(x Reason) bool { return x.Flag.ID == "not_improving" })
		if i < 0 {
			t.Fatalf("trend %v: not_improving did not fire", c.trend)
		}
		if got := r.Reasons[i].Unsure; !slices.Equal(got, c.unsure) {
			t.Errorf("trend %v: unsure answers %v, want %v", c.trend, got, c.unsure)
		}
	}
}

// TestFollowUpsSkippedWhenRuledOut: "Was this your first deep or firm
// massage?" is asked only after firm pressure.
func TestFollowUpsSkippedWhenRuledOut(t *testing.T) {
	set := defaultSet(t)
	for pressure, want := range map[string]bool{"light": false, "medium": false, "unsure": false, "firm": true, "too_firm": true} {
		r, err := set.Evaluate(loadAnswers(t, set, map[string]any{"massage_type": "relaxing", "pressure": pressure}))
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(r.Pending, "new_to_it"); got != want {
			t.Errorf("pressure %s: new_to_it asked %v, want %v", pressure, got, want)
		}
	}
}

// TestLeftCountsDownToTheAdvice: Left is never more than the questions
// pending, is 0 exactly when the advice is certain, and the calm case is
// asked no more than Left said at any point.
func TestLeftCountsDownToTheAdvice(t *testing.T) {
	set := defaultSet(t)
	say := map[string]any{"pain_now": 3, "days": 1}
	as := Answers{}
	for asked := 0; ; asked++ {
		r, err := set.Evaluate(as)
		if err != nil {
			t.Fatal(err)
		}
		if r.Left > len(r.Pending) || (r.Left == 0) != r.Certain {
			t.Fatalf("after %d: left %d, pending %d, certain %v", asked, r.Left, len(r.Pending), r.Certain)
		}
		if r.Certain {
			break
		}
		id := r.Pending[0]
		if v, ok := say[id]; ok {
			as[id], _ = set.AnswerFromJSON(id, v)
		} else if q := set.Question(id); q.Kind == KindMulti {
			as[id] = Answer{Options: []string{}}
		} else {
			as[id] = Answer{Option: q.Options[0].ID}
		}
		if next, _ := set.Evaluate(as); next.Left > r.Left-1 && !next.Certain {
			t.Errorf("after %s: left went from %d to %d", id, r.Left, next.Left)
		}
	}
}

// TestAfterTheAdviceOnlyTheCauses: once the advice is certain, the
// questions left are those that rank the likely causes. The trend, which
// could only have changed the level, is not asked: "Worse" after the
// self-care advice would stand against it ("see a doctor if it gets
// worse"), and no answer to it could change it.
func TestAfterTheAdviceOnlyTheCauses(t *testing.T) {
	set := defaultSet(t)
	r, err := set.Evaluate(loadAnswers(t, set, map[string]any{"age": "age_16_49", "health": []any{}, "chest": "no", "body_signs": []any{},
		"stroke_signs": []any{}, "nerve_signs": []any{}, "other_signs": []any{}, "more_signs": []any{}, "injury": []any{}, "pain_pattern": []any{},
		"pain_now": 3, "days": 1}))
	if err != nil {
		t.Fatal(err)
	}
	if !r.Certain || r.Level != SelfCare {
		t.Fatalf("calm day 1: %s, certain %v", r.Level, r.Certain)
	}
	if slices.Contains(r.Pending, "trend") || !slices.Contains(r.Pending, "symptoms") {
		t.Errorf("after the advice, asks %v: want the causes' questions, not the trend", r.Pending)
	}
}
