package rules

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"aftercare/rules/readability"
)

// Plain language: every English string must read at US grade 8 or below on
// the Flesch-Kincaid scale. Each screen as a whole is scored where it is
// rendered, in app/ (TestEveryScreenReadsAtGrade8).
// englishTexts lists every English string in the set, with its path.
func englishTexts(v reflect.Value, path string, out map[string]string) {
	localeTexts(v, path, "en", out)
}

// localeTexts lists every string of one locale in the set, with its path,
// the emergency number filled in.
func localeTexts(v reflect.Value, path, locale string, out map[string]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			localeTexts(v.Elem(), path, locale, out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.IsExported() {
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if name == "say" || name == "same" {
					continue // people's own words for the search, never shown
				}
				localeTexts(v.Field(i), path+"."+name, locale, out)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			localeTexts(v.Index(i), fmt.Sprintf("%s[%d]", path, i), locale, out)
		}
	case reflect.Map:
		if t, ok := v.Interface().(Text); ok && t[locale] != "" {
			out[strings.TrimPrefix(path, ".")] = strings.ReplaceAll(t[locale], EmergencyPlaceholder, DefaultEmergencyNumber)
		} else if v.Type().Elem() == reflect.TypeFor[Text]() { // words: key → Text
			for _, k := range v.MapKeys() {
				localeTexts(v.MapIndex(k), path+"."+k.String(), locale, out)
			}
		}
	}
}

// Flesch-Kincaid scores running text. On a label of a few words it says
// nothing (one two-syllable word, "Better", scores 8.4), so a string under
// minScoredWords words is scored as part of its screen (TestEveryScreen...)
// and must itself use no word over 3 syllables, except the names below,
// which the text around them explains.
const minScoredWords = 6

var namedTerms = map[string]bool{
	"acupuncture":  true, // a treatment the guide names and explains
	"chiropractic": true, // likewise
	"fibromyalgia": true, // a condition the person was told they have
	"osteoporosis": true, // likewise, beside "thin, weak bones"
	"paracetamol":  true, // a medicine named on its pack
	"ibuprofen":    true, // likewise
	"emergency":    true, // the emergency level's mark: the word on every ambulance
}

func TestEveryStringReadsAtGrade8(t *testing.T) {
	set := defaultSet(t)
	texts := map[string]string{}
	englishTexts(reflect.ValueOf(set).Elem(), "", texts)
	if len(texts) < 200 {
		t.Fatalf("found only %d strings: the walk missed some", len(texts))
	}
	for path, text := range texts {
		if strings.HasPrefix(path, "words.") {
			continue // the app's own words are scored on their screens, in app/
		}
		if countryName(path) {
			continue
		}
		words := readability.Words(text)
		if len(words) >= minScoredWords {
			if g := readability.Grade(text); g > readability.MaxGrade {
				t.Errorf("%s: grade %.1f: %q", path, g, text)
			}
			continue
		}
		for _, w := range words {
			if n := readability.Syllables(w); n > 3 && !namedTerms[strings.ToLower(w)] {
				t.Errorf("%s: %q has %d syllables in a short label: %q", path, w, n, text)
			}
		}
	}
}

// The same in Spanish, on the Fernández-Huerta scale (package readability
// names the formula and its source): every string of six words or more at
// 70 or above, "algo fácil"; a shorter one uses no word over 4 syllables
// (Spanish words run longer than English ones), except the names below,
// which the text around them explains. Each screen as a whole is scored in
// app/ (TestEveryScreenReadsEasilyInSpanish).
var namedTermsES = map[string]bool{
	"acupuntura":     true,
	"quiropráctica":  true,
	"fisioterapia":   true,
	"fibromialgia":   true,
	"osteoporosis":   true,
	"anticoagulante": true, // beside the names of the pills
	"paracetamol":    true,
	"ibuprofeno":     true,
	"naproxeno":      true,
	"recuperación":   true, // the name of the diary and the guide
}

// nameLists are lists of names, not sentences: each name is held to the
// short label's rule.
var nameLists = map[string]bool{"words.weekdays": true, "words.months": true}

func TestEveryStringReadsEasilyInSpanish(t *testing.T) {
	set := defaultSet(t)
	texts := map[string]string{}
	localeTexts(reflect.ValueOf(set).Elem(), "", "es", texts)
	if len(texts) < 600 {
		t.Fatalf("found only %d Spanish strings: the walk missed some", len(texts))
	}
	for path, text := range texts {
		if countryName(path) {
			continue
		}
		words := readability.WordsES(text)
		if len(words) >= minScoredWords && !nameLists[path] {
			if e := readability.EaseES(text); e < readability.MinEaseES {
				t.Errorf("%s: Fernández-Huerta %.1f: %q", path, e, text)
			}
			continue
		}
		for _, w := range words {
			if n := readability.SyllablesES(w); n > 4 && !namedTermsES[strings.ToLower(w)] {
				t.Errorf("%s: %q has %d syllables in a short label: %q", path, w, n, text)
			}
		}
	}
}

// countryName: a country's name (regions.yaml) is the name people know it
// by, however long ("República Dominicana").
func countryName(path string) bool {
	return strings.HasPrefix(path, "regions[") && strings.HasSuffix(path, "].name")
}
