package rules

import (
	"bytes"
	"testing"
)

// answersFrom derives an answer set, valid or not, from fuzz bytes.
func answersFrom(s *Set, b []byte) Answers {
	as := Answers{}
	next := func() int {
		if len(b) == 0 {
			return 0
		}
		v := int(b[0])
		b = b[1:]
		return v
	}
	ids := []string{"not_a_question"}
	for _, q := range s.Questions {
		ids = append(ids, q.ID)
	}
	for len(b) > 0 {
		id := ids[next()%len(ids)]
		q := s.Question(id)
		var a Answer
		switch v := next(); {
		case v%7 == 0:
			a.Unsure = true
		case q != nil && q.Kind == KindScale:
			a.Number = v - 100
		case q != nil && len(q.Options) > 0:
			a.Option = q.Options[v%len(q.Options)].ID
			for i := 0; i < v%4; i++ {
				a.Options = append(a.Options, q.Options[(v+i)%len(q.Options)].ID)
			}
			if v%11 == 0 {
				a.Option, a.Options = "bogus", append(a.Options, "bogus")
			}
		}
		as[id] = a
	}
	return as
}

// FuzzParse: loading never panics, and a set that loads evaluates any
// answers without panicking: bad answers are an error, good ones a level.
func FuzzParse(f *testing.F) {
	f.Add(compiled, []byte{1, 2, 3})
	f.Add([]byte(`{}`), []byte{})
	f.Add([]byte(`{"locales":["en"],"questions":[{"id":"a","kind":"scale","min":0,"max":3}]}`), []byte{1, 200})
	f.Add(bytes.Replace(compiled, []byte(`"pain_now >= 8"`), []byte(`"pain_now >= "`), 1), []byte{9, 9})
	f.Add(bytes.Replace(compiled, []byte(`"kind":"multi"`), []byte(`"kind":"scale"`), 1), []byte{0, 5})
	f.Add(bytes.Replace(compiled, []byte(`"expected_days":3`), []byte(`"expected_days":-3`), 1), []byte{4})
	f.Fuzz(func(t *testing.T, data, answers []byte) {
		s, err := Parse(data)
		if err != nil {
			return
		}
		r, err := s.Evaluate(answersFrom(s, answers))
		if err == nil && !r.Level.valid() {
			t.Fatalf("level %q", r.Level)
		}
		if err == nil {
			s.Report(r, "en")
		}
	})
}
