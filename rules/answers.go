package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// AnswerToJSON is the inverse of AnswerFromJSON: the form the CLI reads and
// the app keeps for the session.
func (s *Set) AnswerToJSON(id string, a Answer) any {
	q := s.Question(id)
	switch {
	case a.Unsure:
		return "unsure"
	case q != nil && q.Kind == KindScale:
		return a.Number
	case q != nil && q.Kind == KindMulti:
		return append([]string{}, a.Options...)
	}
	return a.Option
}

// AnswerLabel says an answer in words, as the person chose it.
func (s *Set) AnswerLabel(id string, a Answer, locale string) string {
	return s.AnswerLabelThem(id, a, locale, false)
}

// AnswerLabelThem says an answer in words, for a check done for someone
// else when other is true (see Them).
func (s *Set) AnswerLabelThem(id string, a Answer, locale string, other bool) string {
	q := s.Question(id)
	if q == nil {
		return ""
	}
	switch {
	case a.Unsure:
		return s.In(s.Common.Unsure, locale)
	case q.Kind == KindScale:
		label := fmt.Sprintf("%d", a.Number)
		if len(q.Value) > 0 {
			label = strings.ReplaceAll(s.In(q.Value, locale), "{n}", label)
		}
		for _, an := range q.Anchors {
			if an.Value == a.Number {
				label += " (" + s.In(Them(an.Label, an.LabelThem, other), locale) + ")"
			}
		}
		return label
	case q.Kind == KindMulti:
		if len(a.Options) == 0 {
			return s.In(s.Common.NoneOfThe, locale)
		}
		var labels []string
		for _, id := range a.Options {
			if i := q.option(id); i >= 0 {
				labels = append(labels, s.In(Them(q.Options[i].Label, q.Options[i].LabelThem, other), locale))
			}
		}
		return strings.Join(labels, "; ")
	}
	if i := q.option(a.Option); i >= 0 {
		return s.In(Them(q.Options[i].Label, q.Options[i].LabelThem, other), locale)
	}
	return a.Option
}

// CheckJSONKeys refuses JSON (its first value) in which an object holds a
// key twice, or two keys that differ only in case: encoding/json takes the
// last of two equal keys, and matches a struct's field names regardless of
// case, so {"chest": "yes", "chest": "no"} would say "no" and "answers"
// and "Answers" would merge. Untrusted answers must say each thing once.
// The message names the key and where it is (line:col).
func CheckJSONKeys(data []byte) error {
	type frame struct {
		keys      map[string]string // folded key → as written; nil in a list
		expectKey bool
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []frame
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF // the first value is not whole
		}
		if err != nil {
			return err
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				var keys map[string]string
				if t == '{' {
					keys = map[string]string{}
				}
				stack = append(stack, frame{keys, t == '{'})
				continue
			}
			stack = stack[:len(stack)-1]
		case string:
			if top != nil && top.expectKey {
				fold := strings.ToLower(strings.ToUpper(t))
				if first, ok := top.keys[fold]; ok {
					return duplicateKey(data, before, first, t)
				}
				top.keys[fold] = t
				top.expectKey = false
				continue
			}
		}
		if len(stack) == 0 {
			return nil // the first value is whole
		}
		if top := &stack[len(stack)-1]; top.keys != nil {
			top.expectKey = true // a value ended: a key comes next
		}
	}
}

// duplicateKey says where the second of two keys is: at the first quote
// after the offset where the token before it ended.
func duplicateKey(data []byte, from int64, first, second string) error {
	at := int(from)
	for at < len(data) && data[at] != '"' {
		at++
	}
	line := 1 + bytes.Count(data[:at], []byte("\n"))
	col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:at], '\n')+1:at])
	if first == second {
		return fmt.Errorf("line %d, col %d: the key %q is given twice: give each once", line, col, second)
	}
	return fmt.Errorf("line %d, col %d: the keys %q and %q differ only in case: give one", line, col, first, second)
}

// MovedYes names the yes/no questions of older rules that became an option
// of a checklist: in rules v3, "Are you pregnant, or did you give birth in
// the last 6 weeks?" became an option of the health question. A check
// saved under older rules keeps such a yes as a tick of that option.
var MovedYes = map[string]struct{ Question, Option string }{
	"pregnant": {"health", "pregnant"},
}
