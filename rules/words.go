package rules

import (
	"slices"
	"strings"
)

// Say returns the app's word or sentence under key (words.yaml) in a locale,
// with the emergency number and each named blank filled in: args are pairs,
// name then value ("date", "2 Jan 2026" fills {date}). A key the data lacks
// comes back as itself in brackets, so it shows and a test can find it.
func (s *Set) Say(key, locale string, args ...string) string {
	t, ok := s.Words[key]
	if !ok {
		return "[" + key + "]"
	}
	v := s.In(t, locale)
	for i := 0; i+1 < len(args); i += 2 {
		v = strings.ReplaceAll(v, "{"+args[i]+"}", args[i+1])
	}
	return v
}

// checkWords checks the keys of the app's words and that every locale of a
// text has the same blanks as the default one (a translation that drops
// {date} would lose the date).
func (s *Set) checkWords(ps *Problems) {
	keys := make([]string, 0, len(s.Words))
	for k := range s.Words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		path := "words." + k
		if !validID(k) {
			*ps = append(*ps, At(path, "bad word key %q (lower case letters, digits and _, starting with a letter)", k))
		}
		if len(s.Locales) == 0 {
			continue
		}
		t := s.Words[k]
		want := blanks(t[s.Locales[0]])
		for _, l := range s.Locales[1:] {
			if got := blanks(t[l]); t[l] != "" && !slices.Equal(got, want) {
				*ps = append(*ps, At(path+"."+l, "blanks %v, want the same as %s: %v", got, s.Locales[0], want))
			}
		}
	}
}

func blanks(s string) []string {
	b := placeholders(s)
	slices.Sort(b)
	return slices.Compact(b)
}
