package rules

import (
	"encoding/json"
	"errors"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// Bundle is every text of a rule set in one locale: a words file,
// web/lang/LOCALE.json, written by `aftercare rules build`. The browser's
// app.wasm carries the rules without their words (browser.json) and
// fetches the bundle of the language a page shows, preloaded beside
// app.wasm, so a language adds nothing to app.wasm and a page downloads the
// words of its own language only. Set is the rules as JSON with that
// locale's texts alone, laid over the browser's set by the JSON decoder
// (which keeps what a value already holds: each text's other locales); the
// words travel aside, as the decoder would replace each word's texts
// whole. Sum is the sumOf the browser's set the bundle was made for, so a
// bundle is never laid over other rules.
type Bundle struct {
	Locale string            `json:"locale"`
	Sum    string            `json:"sum"`
	Set    json.RawMessage   `json:"set"`
	Words  map[string]string `json:"words"`
}

// sumOf is a short check of a set's JSON: FNV-1a, 64 bits.
func sumOf(data []byte) string {
	h := fnv.New64a()
	h.Write(data)
	return strconv.FormatUint(h.Sum64(), 16)
}

// AddBundle lays a bundle's texts over the set, which must be the set the
// bundle was made for (its sum) and list its locale. A bundle of other
// rules, of the wrong locale, lacking a word or not JSON changes nothing.
func (s *Set) AddBundle(b Bundle) error {
	if !slices.Contains(s.Locales, b.Locale) {
		return errors.New("rules: a bundle for " + b.Locale + ", not a locale of this set (" + strings.Join(s.Locales, ", ") + ")")
	}
	if b.Sum != s.source {
		return errors.New("rules: the " + b.Locale + " bundle was made for other rules than these")
	}
	for k := range s.Words {
		if b.Words[k] == "" {
			return errors.New("rules: the " + b.Locale + " bundle lacks the word " + k)
		}
	}
	if !json.Valid(b.Set) {
		return errors.New("rules: the " + b.Locale + " bundle is not JSON")
	}
	if err := json.Unmarshal(b.Set, s); err != nil {
		return errors.New("rules: the " + b.Locale + " bundle: " + err.Error())
	}
	for k, t := range s.Words {
		t[b.Locale] = b.Words[k]
	}
	s.searches = &searchIndexes{} // the search's words have come
	return nil
}

// Has reports whether the set holds the texts of a locale: the browser's
// holds one once its bundle is added.
func (s *Set) Has(locale string) bool {
	return slices.Contains(s.Locales, locale) && s.Common.Yes[locale] != ""
}
