package rules

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Card is a clinic's handover of one session: the date of the massage, the
// answers it gives to the check (card.yaml's questions, by option id), the
// areas worked, and a note and phone number from the clinic.
type Card struct {
	Date    string            `json:"date"` // YYYY-MM-DD
	Answers map[string]string `json:"answers,omitempty"`
	Areas   []string          `json:"areas,omitempty"`
	Note    string            `json:"note,omitempty"`
	Phone   string            `json:"phone,omitempty"`
}

// cardVersion is the version of the link's format.
const cardVersion = "1"

// Encode writes the card as a link's fragment (what follows "#"): short
// url-encoded fields and a checksum, so a damaged link is found.
func (c Card) Encode() string {
	v := url.Values{}
	v.Set("v", cardVersion)
	v.Set("d", strings.ReplaceAll(c.Date, "-", ""))
	for q, o := range c.Answers {
		v.Set(q, o)
	}
	if len(c.Areas) > 0 {
		v.Set("a", strings.Join(c.Areas, "."))
	}
	if c.Note != "" {
		v.Set("n", c.Note)
	}
	if c.Phone != "" {
		v.Set("t", c.Phone)
	}
	body := v.Encode()
	return body + "&c=" + checksum(body)
}

// checksum is FNV-1a (32 bits) of the fields, in base 36: it finds a link
// damaged in copying or scanning (the card maker's JavaScript computes the
// same). It is no signature: DecodeCard checks every field as well.
func checksum(s string) string {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return strconv.FormatUint(uint64(h), 36)
}

// DecodeCard reads a card from a link's fragment, on the day today
// (YYYY-MM-DD), and checks every field against the rules: a damaged link
// (checksum), an unknown field, question or option, a date after today or
// older than the days question goes, an over-long note or a bad phone
// number are each a Problem, and no part of such a card is used.
func (s *Set) DecodeCard(fragment, today string) (Card, error) {
	v, err := cardFields(fragment)
	if err != nil {
		return Card{}, err
	}
	var c Card
	for key, vals := range v {
		if len(vals) != 1 {
			return Card{}, At(key, "given %d times", len(vals))
		}
		if err := s.readCardField(&c, key, vals[0]); err != nil {
			return Card{}, err
		}
	}
	if err := s.checkCardDate(c, today); err != nil {
		return Card{}, err
	}
	return c, nil
}

// cardFields reads a link's fragment into its fields, once its check
// digits match and it is of the version this app reads.
func cardFields(fragment string) (url.Values, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	body, sum, ok := strings.Cut(fragment, "&c=")
	if !ok || checksum(body) != sum {
		return nil, At("c", "the link is damaged: its check digits do not match")
	}
	v, err := url.ParseQuery(body)
	if err != nil {
		return nil, At("", "the link is damaged: %v", err)
	}
	if v.Get("v") != cardVersion {
		return nil, At("v", "card version %q: this app reads version %s", v.Get("v"), cardVersion)
	}
	return v, nil
}

// readCardField reads one field of a card into c, or says why it cannot.
func (s *Set) readCardField(c *Card, key, val string) error {
	switch {
	case key == "v":
	case key == "d":
		d, err := time.Parse("20060102", val)
		if err != nil {
			return At("d", "%q is not a date", val)
		}
		c.Date = d.Format("2006-01-02")
	case key == "a":
		for _, a := range strings.Split(val, ".") {
			if !slices.ContainsFunc(s.Card.Areas, func(o Option) bool { return o.ID == a }) || slices.Contains(c.Areas, a) {
				return At("a", "%q is not an area this app knows", a)
			}
			c.Areas = append(c.Areas, a)
		}
	case key == "n":
		if n := len([]rune(val)); n > s.Card.NoteMax {
			return At("n", "the note has %d characters, over %d", n, s.Card.NoteMax)
		}
		if strings.IndexFunc(val, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) }) >= 0 {
			return At("n", "the note holds a control character")
		}
		c.Note = val
	case key == "t":
		if !ValidPhone(val) {
			return At("t", "%q is not a phone number", val)
		}
		c.Phone = val
	case slices.Contains(s.Card.Answers, key):
		if q := s.Question(key); q == nil || q.option(val) < 0 {
			return At(key, "%q is not an answer to %s", val, key)
		}
		if c.Answers == nil {
			c.Answers = map[string]string{}
		}
		c.Answers[key] = val
	default:
		return At(key, "unknown field")
	}
	return nil
}

// checkCardDate: a card has the date of its massage, which must be on or
// before today and within the days question's range.
func (s *Set) checkCardDate(c Card, today string) error {
	if c.Date == "" {
		return At("d", "the card has no date")
	}
	days, err := c.DaysBefore(today)
	if err != nil {
		return err
	}
	if q := s.Question(QuestionDays); days < 0 || q != nil && days > q.Max {
		return At("d", "the massage date %s cannot be right on %s", c.Date, today)
	}
	return nil
}

// DaysBefore is how many days the card's massage was before today.
func (c Card) DaysBefore(today string) (int, error) {
	d, err := time.Parse("2006-01-02", c.Date)
	if err != nil {
		return 0, At("d", "%q is not a date", c.Date)
	}
	t, err := time.Parse("2006-01-02", today)
	if err != nil {
		return 0, fmt.Errorf("today %q is not a date", today)
	}
	return int(t.Sub(d).Hours() / 24), nil
}

// CardAnswers are the check's answers the card gives on the day today: the
// days since the massage and its choice answers.
func (s *Set) CardAnswers(c Card, today string) Answers {
	as := Answers{}
	if days, err := c.DaysBefore(today); err == nil {
		if q := s.Question(QuestionDays); q != nil && days >= q.Min && days <= q.Max {
			as[QuestionDays] = Answer{Number: days}
		}
	}
	for q, o := range c.Answers {
		as[q] = Answer{Option: o}
	}
	return as
}
