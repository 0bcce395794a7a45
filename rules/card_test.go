package rules

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func sampleCard() Card {
	return Card{
		Date:    "2026-11-20",
		Answers: map[string]string{"massage_type": "deep", "pressure": "firm"},
		Areas:   []string{"neck", "upper_back"},
		Note:    "Deep work on the left shoulder blade; drink water & rest. Call us if it gets worse.",
		Phone:   "+44 20 7946 0000",
	}
}

// TestCardRoundTrip: a card read back from its link is the card written,
// and it answers the check's questions for that day.
func TestCardRoundTrip(t *testing.T) {
	s := defaultSet(t)
	c := sampleCard()
	link := c.Encode()
	if len(link) > 300 {
		t.Errorf("the link's fragment is %d characters: too long for a small QR code", len(link))
	}
	got, err := s.DecodeCard("#"+link, "2026-11-24")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Errorf("read back %+v, want %+v", got, c)
	}
	as := s.CardAnswers(got, "2026-11-24")
	want := Answers{"days": {Number: 4}, "massage_type": {Option: "deep"}, "pressure": {Option: "firm"}}
	if !reflect.DeepEqual(as, want) {
		t.Errorf("answers %v, want %v", as, want)
	}
	if _, err := s.Evaluate(as); err != nil {
		t.Errorf("the card's answers do not fit the rules: %v", err)
	}
	minimal := Card{Date: "2026-11-24"}
	if got, err := s.DecodeCard(minimal.Encode(), "2026-11-24"); err != nil || got.Date != minimal.Date {
		t.Errorf("a card with only a date: %+v, %v", got, err)
	}
}

// TestDamagedOrTamperedCards: a damaged or altered link is refused whole,
// with a reason, and never gives a wrong date.
func TestDamagedOrTamperedCards(t *testing.T) {
	s := defaultSet(t)
	good := sampleCard().Encode()
	resign := func(body string) string { return body + "&c=" + checksum(body) }
	body, _, _ := strings.Cut(good, "&c=")
	for name, frag := range map[string]string{
		"a character changed":   strings.Replace(good, "20261120", "20261110", 1),
		"cut short":             good[:len(good)/2],
		"no checksum":           body,
		"empty":                 "",
		"a date in the future":  resign(strings.Replace(body, "20261120", "20261130", 1)),
		"a date long ago":       resign(strings.Replace(body, "20261120", "20250101", 1)),
		"not a date":            resign(strings.Replace(body, "20261120", "20261340", 1)),
		"an unknown answer":     resign(strings.Replace(body, "firm", "crushing", 1)),
		"an unknown area":       resign(strings.Replace(body, "upper_back", "spleen", 1)),
		"an unknown field":      resign(body + "&x=1"),
		"a field twice":         resign(body + "&d=20261121"),
		"a bad phone":           resign(strings.Replace(body, url.QueryEscape("+44 20 7946 0000"), "javascript%3Aalert", 1)),
		"a control character":   resign(body + "&n=a%0Ab"),
		"another version":       resign(strings.Replace(body, "v=1", "v=2", 1)),
		"a note over the limit": resign(strings.Replace(body, "n=", "n="+strings.Repeat("x", 200), 1)),
	} {
		t.Run(name, func(t *testing.T) {
			c, err := s.DecodeCard(frag, "2026-11-24")
			if err == nil {
				t.Fatalf("%q was read as %+v", frag, c)
			}
			if _, ok := err.(Problem); !ok {
				t.Errorf("error %T %v, want a Problem", err, err)
			}
			if c.Date != "" || c.Answers != nil {
				t.Errorf("a refused card still gave %+v", c)
			}
		})
	}
}

// FuzzDecodeCard: any fragment is read or refused, never a panic; one that
// is read gives a date within the days question's range and known answers.
func FuzzDecodeCard(f *testing.F) {
	f.Add(sampleCard().Encode())
	f.Add("v=1&d=20261124&c=0")
	f.Add("%zz&c=1")
	s, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, frag string) {
		c, err := s.DecodeCard(frag, "2026-11-24")
		if err != nil {
			return
		}
		days, err := c.DaysBefore("2026-11-24")
		if err != nil || days < 0 || days > s.Question(QuestionDays).Max {
			t.Fatalf("read a card with date %s (%d days, %v)", c.Date, days, err)
		}
		if _, err := s.Evaluate(s.CardAnswers(c, "2026-11-24")); err != nil {
			t.Fatalf("read answers that do not fit: %v", err)
		}
	})
}
