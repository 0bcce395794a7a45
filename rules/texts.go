package rules

import (
	"encoding/json"
	"errors"
	"slices"
)

// Each language's words file, web/lang/LOCALE.json, is the browser's set
// (browser.json: no flag sources, the conditions parsed) with that
// locale's texts only, written by `aftercare rules build`. app.wasm
// carries neither rules nor words: it reads the file of the language a
// page shows (ParseWords), preloaded beside app.wasm, so a page downloads
// the rules once and the words of its own language only.

// ParseWords reads a words file as the browser does: the set prepared for
// evaluation, without the checks that only look (the build ran them on
// the full set). A file that is not JSON, not a rule set or without the
// texts of locale is an error.
func ParseWords(data []byte, locale string) (*Set, error) {
	var s Set
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, errors.New("rules: the " + locale + " words file: " + err.Error())
	}
	if ps := s.prepare(); len(ps) > 0 {
		return nil, ps
	}
	if !s.Has(locale) {
		return nil, errors.New("rules: the " + locale + " words file has no " + locale + " texts")
	}
	return &s, nil
}

// Has reports whether the set holds the texts of a locale: a words file
// holds those of one.
func (s *Set) Has(locale string) bool {
	return slices.Contains(s.Locales, locale) && s.Common.Yes[locale] != ""
}
