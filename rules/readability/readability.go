// Package readability scores patient-facing text as the tests of the rules
// and of the app's rendered screens use it: English on the Flesch-Kincaid
// grade scale (Kincaid et al. 1975), US grade 8 or below; Spanish on the
// Fernández-Huerta ease scale (1959, as corrected by Law 2011), 70 or above.
package readability

import (
	"regexp"
	"strings"
	"unicode"
)

// MaxGrade is the highest grade a patient-facing text may score.
const MaxGrade = 8.0

var (
	wordRe      = regexp.MustCompile(`[A-Za-z0-9]+(?:['’][A-Za-z]+)*`)
	sentenceEnd = regexp.MustCompile(`[.!?:;]+(\s|$)`)
)

// Grade is the Flesch-Kincaid grade level of a text:
// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
func Grade(text string) float64 {
	words, sentences, syllables := count(text, wordRe, Syllables)
	if words == 0 {
		return 0
	}
	return 0.39*words/sentences + 11.8*syllables/words - 15.59
}

// count is what the formulas are made of: the words of a text, its
// sentences (at least one) and its syllables, by a language's word pattern
// and syllable counter.
func count(text string, word *regexp.Regexp, syllablesOf func(string) int) (words, sentences, syllables float64) {
	ws := word.FindAllString(text, -1)
	for _, s := range sentenceEnd.Split(strings.TrimSpace(text), -1) {
		if word.MatchString(s) {
			sentences++
		}
	}
	for _, w := range ws {
		syllables += float64(syllablesOf(w))
	}
	return float64(len(ws)), max(sentences, 1), syllables
}

// Syllables counts vowel groups, the usual estimate: a silent final e
// does not count, "-le" after a consonant does, and every word has one.
func Syllables(word string) int {
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

// Words lists the words of a text, as Grade counts them.
func Words(text string) []string { return wordRe.FindAllString(text, -1) }
