package rules

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// Plain language: every English string, and each screen's text as a whole,
// must read at US grade 8 or below on the Flesch-Kincaid scale.
const maxGrade = 8.0

var wordRe = regexp.MustCompile(`[A-Za-z0-9]+(?:['’][A-Za-z]+)*`)

// fkGrade is the Flesch-Kincaid grade level of a text:
// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
func fkGrade(text string) float64 {
	words := wordRe.FindAllString(text, -1)
	if len(words) == 0 {
		return 0
	}
	sentences := 0
	for _, s := range regexp.MustCompile(`[.!?:;]+(\s|$)`).Split(strings.TrimSpace(text), -1) {
		if wordRe.MatchString(s) {
			sentences++
		}
	}
	sentences = max(sentences, 1)
	syllables := 0
	for _, w := range words {
		syllables += countSyllables(w)
	}
	return 0.39*float64(len(words))/float64(sentences) + 11.8*float64(syllables)/float64(len(words)) - 15.59
}

// countSyllables counts vowel groups, the usual estimate: a silent final e
// does not count, "-le" after a consonant does, and every word has one.
func countSyllables(word string) int {
	w := strings.ToLower(word)
	if strings.IndexFunc(w, unicode.IsLetter) < 0 {
		return 1 // a number reads as one beat or so
	}
	w = strings.Trim(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, w), "")
	isVowel := func(r byte) bool { return strings.IndexByte("aeiouy", r) >= 0 }
	n, prev := 0, false
	for i := 0; i < len(w); i++ {
		v := isVowel(w[i])
		if v && !prev {
			n++
		}
		prev = v
	}
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && !strings.HasSuffix(w, "ee") && n > 1 {
		n--
	}
	if strings.HasSuffix(w, "le") && len(w) > 2 && !isVowel(w[len(w)-3]) && n == 0 {
		n = 1
	}
	for _, suffix := range []string{"es", "ed"} {
		if strings.HasSuffix(w, suffix) && len(w) > 3 && !strings.ContainsAny(w[len(w)-3:len(w)-2], "tdsxzcgh") && n > 1 {
			n--
			break
		}
	}
	return max(n, 1)
}

func TestSyllableCounter(t *testing.T) {
	for word, want := range map[string]int{
		"the": 1, "pain": 1, "massage": 2, "muscle": 2, "shoulder": 2, "blades": 1,
		"tingling": 2, "emergency": 4, "doctor": 2, "numbness": 2, "breathe": 1,
		"fibromyalgia": 5, "tired": 1, "stretches": 2, "every": 3, "10": 1,
	} {
		if got := countSyllables(word); got != want && got != want+1 && got != want-1 {
			t.Errorf("countSyllables(%q) = %d, want about %d", word, got, want)
		}
	}
}

func TestFleschKincaidKnownTexts(t *testing.T) {
	if g := fkGrade("The cat sat on the mat."); g > 1 {
		t.Errorf("a first-reader sentence scores grade %.1f", g)
	}
	if g := fkGrade("Musculoskeletal practitioners recommend comprehensive multidisciplinary evaluation of persistent symptomatology."); g < 16 {
		t.Errorf("a jargon sentence scores only grade %.1f", g)
	}
}

// englishTexts lists every English string in the set, with its path.
func englishTexts(v reflect.Value, path string, out map[string]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			englishTexts(v.Elem(), path, out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.IsExported() {
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				englishTexts(v.Field(i), path+"."+name, out)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			englishTexts(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Map:
		if t, ok := v.Interface().(Text); ok && t["en"] != "" {
			out[strings.TrimPrefix(path, ".")] = strings.ReplaceAll(t["en"], EmergencyPlaceholder, DefaultEmergencyNumber)
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
}

func TestEveryStringReadsAtGrade8(t *testing.T) {
	set := defaultSet(t)
	texts := map[string]string{}
	englishTexts(reflect.ValueOf(set).Elem(), "", texts)
	if len(texts) < 200 {
		t.Fatalf("found only %d strings: the walk missed some", len(texts))
	}
	for path, text := range texts {
		words := wordRe.FindAllString(text, -1)
		if len(words) >= minScoredWords {
			if g := fkGrade(text); g > maxGrade {
				t.Errorf("%s: grade %.1f: %q", path, g, text)
			}
			continue
		}
		for _, w := range words {
			if n := countSyllables(w); n > 3 && !namedTerms[strings.ToLower(w)] {
				t.Errorf("%s: %q has %d syllables in a short label: %q", path, w, n, text)
			}
		}
	}
}

// screens groups the text a person sees together.
func screens(set *Set) map[string][]Text {
	out := map[string][]Text{}
	for _, q := range set.Questions {
		s := []Text{q.Text, q.Help}
		for _, o := range q.Options {
			s = append(s, o.Label)
		}
		out["question "+q.ID] = s
	}
	for _, l := range set.Levels {
		s := []Text{l.Title, l.DoNow, l.SafetyNet, set.Common.NotADiagnosis, l.SignsIntro}
		s = append(s, l.Signs...)
		for _, f := range set.Flags {
			if f.Level == l.ID {
				s = append(s, f.Reason)
			}
		}
		out["result "+string(l.ID)] = s
	}
	for _, sec := range set.Guide {
		s := []Text{sec.Title, sec.Intro}
		for _, it := range sec.Items {
			s = append(s, it.Title, it.Body)
		}
		s = append(s, sec.More...)
		out["guide "+sec.ID] = s
	}
	plan := []Text{}
	for _, tier := range set.Plan.Tiers {
		plan = append(plan, tier.Title, tier.Timeline)
	}
	for _, it := range set.Plan.Tips {
		plan = append(plan, it.Title, it.Body)
	}
	out["plan"] = plan
	causes := []Text{}
	for _, c := range set.Causes {
		causes = append(causes, c.Title, c.Explain)
		for _, p := range c.Points {
			causes = append(causes, p.Reason)
		}
	}
	out["causes"] = causes
	return out
}

func TestEveryScreenReadsAtGrade8(t *testing.T) {
	for name, texts := range screens(defaultSet(t)) {
		var parts []string
		for _, tx := range texts {
			if s := strings.TrimSpace(strings.ReplaceAll(tx["en"], EmergencyPlaceholder, DefaultEmergencyNumber)); s != "" {
				if !strings.ContainsAny(s[len(s)-1:], ".!?:") {
					s += "." // a label ends a sentence on screen
				}
				parts = append(parts, s)
			}
		}
		if g := fkGrade(strings.Join(parts, " ")); g > maxGrade {
			t.Errorf("%s: grade %.1f as a whole", name, g)
		}
	}
}
