//go:build !wasm

package rules

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
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

// parseBase is the tiny rule set (testdata/tiny.json, see
// testdata/tiny/README.md) by top-level field, read once. A FuzzParse
// input replaces one field, so the fuzzer mutates a few hundred bytes of a
// set that otherwise loads: the built-in set is thirty times bigger,
// and an input of it takes so long to run that the fuzzer spends its time
// minimizing the first few it finds, at no executions a second.
var parseBase = sync.OnceValues(func() (fields []string, raw map[string]json.RawMessage) {
	b, err := os.ReadFile(filepath.Join("testdata", "tiny.json"))
	if err == nil {
		err = json.Unmarshal(b, &raw)
	}
	if err != nil {
		panic(err)
	}
	for k := range raw {
		fields = append(fields, k)
	}
	sort.Strings(fields)
	return fields, raw
})

// parseWith is the tiny set with field number i (of the sorted fields)
// replaced by piece.
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

// parseSeeds are near misses of the tiny set, by field: each is refused,
// or takes a path the set as it is does not.
var parseSeeds = []struct{ field, piece string }{
	{"locales", `["en"]`},
	{"locales", `["en","es","pt-BR"]`},
	{"diary", `{"improvement_points":2,"improvement_percent":30,"rise_points":2,"recovered_max_pain":1,"recovered_days":-2,"stiffness":[{"id":"a"}],"helped":[],"v1_signs":{"x":["slow","nope"]}}`},
	{"card", `{"answers":["nope","pain_now","days"],"areas":[{"id":"a"},{"id":"a"}],"note_max":-1}`},
	{"flags", `[{"id":"x","group":"heart","level":"urgent","when":["pain_now >= "],"reason":{"en":"x"}}]`},
	{"flags", `[{"id":"x","group":"slow","level":"doctor","when":["trend is worse","days <= d0_2","signs includes","pain_now >= 11"],"reason":{"en":"x","es":"y"},"source":"z"}]`},
	{"groups", `[{"id":"heart","level":"emergency","label":{"en":"x","es":"y"}},{"id":"heart","level":"selfcare"}]`},
	{"questions", `[{"id":"pain_now","kind":"scale","min":3,"max":2,"value":{"en":"n"}},{"id":"days","kind":"yesno","options":[{"id":"yes"}]},{"id":"trend","kind":"multi","unsure":"x","ask_if":["trend is x","later is y"]}]`},
	{"levels", `[{"id":"selfcare"},{"id":"emergency"},{"id":"emergency"},{"id":"nope"}]`},
	{"plan", `{"tiers":[{"id":"t","when":["pain_now >= 5","pain_now <= 4"],"expected_days":0,"band_top":11}]}`},
	{"guide", `[{"id":"Bad","include":["nope"]},{"id":"Bad"}]`},
	{"words", `{"Bad":{"en":"{a}","es":"{b}"},"ok":{"en":"x"}}`},
	{"causes", `[{"id":"c","points":[{"when":["days is d0_2 or"],"weight":11}]}]`},
	{"names", `{"en":{"en":"English"}}`},
	{"plan", `{}`},
}

// FuzzParse: loading never panics; a set that loads evaluates any answers
// without panicking (bad answers are an error, good ones a level), and
// reads back the same from its own JSON. Each input is one field of the
// tiny set (section picks which), the rest the tiny set's.
func FuzzParse(f *testing.F) {
	fields, raw := parseBase()
	for i, k := range fields {
		f.Add(uint8(i), []byte(raw[k]), []byte{byte(i), 2, 3})
	}
	for i, s := range parseSeeds {
		f.Add(uint8(slices.Index(fields, s.field)), []byte(s.piece), []byte{byte(i), 200, 7})
	}
	f.Fuzz(func(t *testing.T, section uint8, piece, answers []byte) {
		s, err := Parse(parseWith(section, piece))
		if err != nil {
			return
		}
		as := answersFrom(s, answers)
		r, err := s.Evaluate(as)
		if err == nil && !r.Level.valid() {
			t.Fatalf("level %q", r.Level)
		}
		if err == nil {
			s.Report(r, "en")
		}
		roundTrip(t, s, as, r.Level)
	})
}

// roundTrip fails unless a set's JSON parses to the same set, which gives
// the same level for the same answers.
func roundTrip(t *testing.T, s *Set, as Answers, level Level) {
	t.Helper()
	b, err := s.JSON()
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse(b)
	if err != nil {
		t.Fatalf("a set that loaded does not load from its own JSON: %v\n%s", err, b)
	}
	if b2, _ := again.JSON(); !bytes.Equal(b, b2) {
		t.Fatalf("its own JSON reads back otherwise:\n%s\n%s", b, b2)
	}
	if r, _ := again.Evaluate(as); r.Level != level {
		t.Fatalf("read back from its JSON, the same answers give %q, not %q", r.Level, level)
	}
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
