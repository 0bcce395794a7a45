//go:build !wasm

package rulesbook

import (
	"slices"

	"aftercare/rules"
)

// build gathers what the page shows, flags by level, most urgent first.
func build(set *rules.Set, o Options) book {
	bk := book{Options: o, Questions: len(set.Questions), Groups: len(set.Groups), NumFlags: len(set.Flags),
		EmergencyNumber: rules.DefaultEmergencyNumber}
	first := set.Locales[0]
	for _, l := range set.Locales {
		bk.Locales = append(bk.Locales, set.Names[l][first])
	}
	for _, l := range rules.Levels {
		lp := levelPart{ID: l}
		if info := set.Level(l); info != nil {
			lp.Title = in(set, info.Title, first)
		}
		for i := range set.Flags {
			if set.Flags[i].Level != l {
				continue
			}
			fp := flagOf(set, &set.Flags[i], o.Vignettes)
			lp.Flags = append(lp.Flags, fp)
			if len(fp.Vignettes) == 0 {
				bk.Untested = append(bk.Untested, fp)
			}
		}
		if len(lp.Flags) > 0 {
			bk.Levels = append(bk.Levels, lp)
		}
	}
	return bk
}

func flagOf(set *rules.Set, f *rules.Flag, vs []Vignette) *flagPart {
	fp := &flagPart{ID: f.ID, Level: f.Level, Group: f.Group, Source: f.Source,
		Reason: inEvery(set, f.Reason)}
	for _, g := range set.Groups {
		if g.ID == f.Group {
			fp.GroupLabel = inEvery(set, g.Label)
		}
	}
	for _, c := range set.Conditions(f.ID) {
		cp := condPart{Source: c.Source}
		for _, l := range set.Locales {
			cp.Words = append(cp.Words, wordsInLang{langName(set, l), conditionWords(set, c, l)})
		}
		fp.Conditions = append(fp.Conditions, cp)
	}
	for _, v := range vs {
		if slices.Contains(v.Reasons, f.ID) {
			fp.Vignettes = append(fp.Vignettes, v)
		}
	}
	return fp
}

// inEvery is a text in every language of the set.
func inEvery(set *rules.Set, t rules.Text) []inLang {
	var out []inLang
	for _, l := range set.Locales {
		out = append(out, inLang{langName(set, l), in(set, t, l)})
	}
	return out
}

// langName names a language in the set's first language ("Spanish").
func langName(set *rules.Set, l string) string {
	if n := set.Names[l][set.Locales[0]]; n != "" {
		return n
	}
	return l
}

// in is a text in a locale as written: "{emergency}" stays, for the
// clinic's number (the page says so).
func in(set *rules.Set, t rules.Text, l string) string {
	if v := t[l]; v != "" {
		return v
	}
	return t[set.Locales[0]]
}
