package rules

import (
	"fmt"
	"strings"
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
				label += " (" + s.In(an.Label, locale) + ")"
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
				labels = append(labels, s.In(q.Options[i].Label, locale))
			}
		}
		return strings.Join(labels, "; ")
	}
	if i := q.option(a.Option); i >= 0 {
		return s.In(q.Options[i].Label, locale)
	}
	return a.Option
}
