package rules

import (
	"fmt"
	"strings"
	"unicode"
)

// A check may be done for someone else: a relative reading the questions
// from the phone. Each text of the check that speaks to the person ("How
// old are you?") then has a form said of them beside it ("How old are
// they?"), in text_them, help_them, label_them and title_them. A locale
// may leave it out where its own form reads true of anyone: Spanish
// "usted" is said the same way of a third person ("¿Cuántos años tiene?").

// Them is t as a check for someone else says it: them's text in each locale
// it has, t's in the others. For a check for oneself (other false) it is t.
func Them(t, them Text, other bool) Text {
	if !other || len(them) == 0 {
		return t
	}
	out := make(Text, len(t))
	for l, v := range t {
		out[l] = v
	}
	for l, v := range them {
		if v != "" {
			out[l] = v
		}
	}
	return out
}

// personWords are, by locale, the words that speak to the person or as the
// person: a text holding one needs a form said of someone else. "I" counts
// only as a capital.
var personWords = map[string][]string{
	"en": {"you", "your", "yours", "yourself", "my", "me", "mine", "myself"},
	"es": {"me", "mi", "mis", "mí", "yo", "conmigo", "usted", "ustedes", "tengo", "estoy", "siento", "puedo", "noto"},
}

// personWord returns the first word of s that speaks to the person or as
// the person in a locale, or "".
func personWord(locale, s string) string {
	words := personWords[locale]
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if locale == "en" && w == "I" {
			return w
		}
		for _, p := range words {
			if strings.EqualFold(w, p) {
				return w
			}
		}
	}
	return ""
}

// checkThem refuses a question's text, help or option label, or a level's
// title, that speaks to the person with no form said of someone else in
// that locale, and a form for someone else that still speaks to the person.
func (s *Set) checkThem(ps *Problems) {
	for i, q := range s.Questions {
		p := fmt.Sprintf("questions[%d]", i)
		s.checkThemText(p+".text", q.Text, q.TextThem, ps)
		s.checkThemText(p+".help", q.Help, q.HelpThem, ps)
		for j, o := range q.Options {
			s.checkThemText(fmt.Sprintf("%s.options[%d].label", p, j), o.Label, o.LabelThem, ps)
		}
		for j, a := range q.Anchors {
			s.checkThemText(fmt.Sprintf("%s.anchors[%d].label", p, j), a.Label, a.LabelThem, ps)
		}
	}
	for i, l := range s.Levels {
		s.checkThemText(fmt.Sprintf("levels[%d].title", i), l.Title, l.TitleThem, ps)
	}
}

func (s *Set) checkThemText(path string, t, them Text, ps *Problems) {
	for _, l := range s.Locales {
		if w := personWord(l, them[l]); w != "" {
			ps.add(path+"_them."+l, "%q says %q: say it of someone else (they, them, their)", them[l], w)
		}
		if w := personWord(l, t[l]); w != "" && them[l] == "" {
			ps.add(path+"."+l, "%q says %q: give %s_them.%s, the words for a check done for someone else", t[l], w, path[strings.LastIndex(path, ".")+1:], l)
		}
	}
	for l, v := range them {
		if strings.TrimSpace(v) == "" || t[l] == "" {
			ps.add(path+"_them."+l, "an empty text, or one for a locale the text has not")
		}
	}
}
