package rules

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
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

// parseBase is the built-in set's JSON by top-level field, read once: a
// FuzzParse input replaces one field, so the fuzzer mutates a small piece
// of a set that otherwise loads, not 100 KB at a time.
var parseBase = sync.OnceValues(func() (fields []string, raw map[string]json.RawMessage) {
	json.Unmarshal(compiled, &raw)
	for k := range raw {
		fields = append(fields, k)
	}
	sort.Strings(fields)
	return fields, raw
})

// parseWith is the built-in set with field number i (of the sorted
// fields) replaced by piece.
func parseWith(i uint8, piece []byte) []byte {
	fields, raw := parseBase()
	var b bytes.Buffer
	b.WriteByte('{')
	for j, k := range fields {
		if j > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(k) + ":")
		if j == int(i)%len(fields) {
			b.Write(piece)
		} else {
			b.Write(raw[k])
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

// FuzzParse: loading never panics, and a set that loads evaluates any
// answers without panicking: bad answers are an error, good ones a level.
// Each input is one field of the set (section picks which), the rest
// the built-in set's.
func FuzzParse(f *testing.F) {
	fields, raw := parseBase()
	for i, k := range fields {
		if len(raw[k]) < 8<<10 { // the small fields as they are
			f.Add(uint8(i), []byte(raw[k]), []byte{1, 2, 3})
		}
	}
	idx := func(name string) uint8 { return uint8(slices.Index(fields, name)) }
	f.Add(idx("locales"), []byte(`["en"]`), []byte{1, 200})
	f.Add(idx("diary"), bytes.Replace(raw["diary"], []byte(`"recovered_days":`), []byte(`"recovered_days":-`), 1), []byte{4})
	f.Add(idx("card"), []byte(`{"answers":["nope"],"areas":[],"note_max":-1}`), []byte{0, 5})
	f.Add(idx("flags"), []byte(`[{"id":"x","level":"urgent","when":["pain_now >= "],"reason":{"en":"x"}}]`), []byte{9, 9})
	f.Add(idx("plan"), []byte(`{}`), []byte{})
	f.Fuzz(func(t *testing.T, section uint8, piece, answers []byte) {
		s, err := Parse(parseWith(section, piece))
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

// FuzzCard: any link's fragment is read or refused, never a panic; a card
// that is read has a real date, no later than today, and reads back the
// same from its own link.
func FuzzCard(f *testing.F) {
	s, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	good := sampleCard().Encode()
	f.Add(good)
	f.Add("#" + good)
	f.Add(Card{Date: "2026-11-24"}.Encode())
	f.Add(strings.Replace(good, "d=20261120", "d=20260230", 1))
	f.Add(strings.Replace(good, "&c=", "&a=neck&c=", 1))
	f.Add("v=1&d=20261120&c=0")
	f.Add("")
	f.Fuzz(func(t *testing.T, fragment string) {
		c, err := s.DecodeCard(fragment, "2026-11-24")
		if err != nil {
			return
		}
		if d, err := time.Parse("2006-01-02", c.Date); err != nil || c.Date > "2026-11-24" || d.Year() < 2025 {
			t.Fatalf("card dated %q", c.Date)
		}
		again, err := s.DecodeCard(c.Encode(), "2026-11-24")
		if err != nil || !reflect.DeepEqual(again, c) {
			t.Fatalf("read back from its own link: %+v, %v; want %+v", again, err, c)
		}
	})
}

// FuzzAnswers: any answers JSON, as the CLI and the app decode it, is
// refused or evaluated, never a panic; answers that decode evaluate to an
// error or a valid level.
func FuzzAnswers(f *testing.F) {
	s, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"chest":"no","body_signs":["sweat"],"pain_now":9}`))
	f.Add([]byte(`{"pain_now":"unsure","trend":"worse","days":3}`))
	f.Add([]byte(`{"pain_now":2.5}`))
	f.Add([]byte(`{"pain_now":-1,"days":99999}`))
	f.Add([]byte(`{"body_signs":[1,"x"],"nope":"yes"}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var raw map[string]any
		if json.Unmarshal(data, &raw) != nil {
			return
		}
		as := Answers{}
		for id, v := range raw {
			a, err := s.AnswerFromJSON(id, v)
			if err != nil {
				return
			}
			as[id] = a
		}
		r, err := s.Evaluate(as)
		if err == nil && !r.Level.valid() {
			t.Fatalf("answers %s: level %q", data, r.Level)
		}
	})
}
