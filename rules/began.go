package rules

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// When the pain began: a tick of PatternBefore on QuestionPattern says it
// began before the massage, and QuestionBegan how long before. Signs are
// still asked "since the massage", and count if they began before it.
const (
	QuestionPattern = "pain_pattern"
	PatternBefore   = "before"
	QuestionBegan   = "began"
)

// Began says in one line when the pain began, for the summary for a
// doctor: "Pain began: 1 to 4 weeks before the massage", or after it; ""
// when the check has not asked. The label of the answer to QuestionBegan
// fills the blank {when}, so each reads as "... before" (words.yaml,
// began_before_when).
func (s *Set) Began(as Answers, locale string) string {
	pattern, ok := as[QuestionPattern]
	switch {
	case !ok || pattern.Unsure:
		return ""
	case !slices.Contains(pattern.Options, PatternBefore):
		return s.Say("began_after", locale)
	}
	if a, ok := as[QuestionBegan]; ok && !a.Unsure {
		return s.Say("began_before_when", locale, "when", lowerFirst(s.AnswerLabel(QuestionBegan, a, locale)))
	}
	return s.Say("began_before", locale)
}

// lowerFirst puts the first letter of s in lower case, for a label said
// within a sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
