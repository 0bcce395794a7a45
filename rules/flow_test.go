package rules

import "testing"

// walkUntilCertain answers each next question as the case says (the mildest
// answer where it says nothing) until the advice is certain, and returns how
// many questions that took and the level.
func walkUntilCertain(t *testing.T, set *Set, say map[string]any) (int, Level) {
	t.Helper()
	as := Answers{}
	for asked := 0; ; asked++ {
		r, err := set.Evaluate(as)
		if err != nil {
			t.Fatal(err)
		}
		if r.Certain || len(r.Pending) == 0 {
			return asked, r.Level
		}
		id := r.Pending[0]
		q := set.Question(id)
		if v, ok := say[id]; ok {
			a, err := set.AnswerFromJSON(id, v)
			if err != nil {
				t.Fatal(err)
			}
			as[id] = a
			continue
		}
		switch q.Kind {
		case KindMulti:
			as[id] = Answer{Options: []string{}}
		case KindScale:
			t.Fatalf("the case gives no answer to the scale %s", id)
		default:
			as[id] = Answer{Option: q.Options[0].ID}
		}
	}
}

// TestShortForPeopleWhoAreFine: a calm case reaches certain advice in at
// most 12 questions, and the check stops at once on an emergency.
func TestShortForPeopleWhoAreFine(t *testing.T) {
	set := defaultSet(t)
	for _, c := range []struct {
		name  string
		say   map[string]any
		level Level
		most  int
	}{
		{"calm", map[string]any{"pain_now": 3, "days": 1, "trend": "better"}, SelfCare, 12},
		{"fever", map[string]any{"other_signs": []any{"fever"}, "pain_now": 4, "days": 2}, Urgent, 10},
		{"chest pain", map[string]any{"where": []any{"chest"}, "chest": "yes"}, Emergency, 4},
	} {
		n, level := walkUntilCertain(t, set, c.say)
		t.Logf("%s: certain %s after %d questions", c.name, level, n)
		if level != c.level || n > c.most {
			t.Errorf("%s: certain %s after %d questions, want %s within %d", c.name, level, n, c.level, c.most)
		}
	}
}
