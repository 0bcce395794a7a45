package readability

import (
	"regexp"
	"strings"
	"unicode"
)

// MinEaseES is the lowest Fernández-Huerta ease a Spanish patient-facing
// text may score: 70 and above is "algo fácil" (grade 6) on the formula's
// own scale.
const MinEaseES = 70.0

var wordReES = regexp.MustCompile(`[\p{L}0-9]+(?:['’][\p{L}]+)*`)

// EaseES is the Fernández-Huerta readability of a Spanish text (Fernández
// Huerta, J., "Medidas sencillas de lecturabilidad", Consigna 214, 1959),
// in the form Gwillim Law corrected ("Error in the Fernandez Huerta
// Readability Formula", LINGUIST List 22.2332, 2011), so that shorter
// sentences read easier:
//
//	L = 206.84 − 60 × syllables per word − 1.02 × words per sentence
//
// Higher is easier: 90-100 very easy, 80-90 easy, 70-80 fairly easy,
// 60-70 normal for an adult.
func EaseES(text string) float64 {
	words, sentences, syllables := count(text, wordReES, SyllablesES)
	if words == 0 {
		return 100
	}
	return 206.84 - 60*syllables/words - 1.02*words/sentences
}

// WordsES lists the words of a Spanish text, as EaseES counts them.
func WordsES(text string) []string { return wordReES.FindAllString(text, -1) }

// SyllablesES counts the syllables of a Spanish word by its vowel nuclei:
// a run of vowels is one syllable (a diphthong) unless two strong vowels
// (a, e, o) meet or a stressed í or ú stands beside another vowel (a
// hiatus). The u of que, qui, gue and gui is silent; a final y after a
// vowel (hoy, muy) closes its syllable.
func SyllablesES(word string) int {
	w := []rune(strings.ToLower(word))
	if !strings.ContainsFunc(string(w), unicode.IsLetter) {
		return 1 // a number reads as a beat or two
	}
	n := 0
	prev := rune(0) // the last vowel of the current run, 0 outside a run
	for i, r := range w {
		if r == 'u' && i > 0 && (w[i-1] == 'q' || w[i-1] == 'g') && i+1 < len(w) && strings.ContainsRune("eiéí", w[i+1]) {
			continue // silent: que, guía
		}
		if r == 'y' {
			if prev != 0 && (i+1 == len(w) || !isVowelES(w[i+1])) {
				continue // hoy, muy: part of the diphthong
			}
			if len(w) == 1 {
				return 1 // the word "y"
			}
			prev = 0 // a consonant here
			continue
		}
		if !isVowelES(r) {
			prev = 0
			continue
		}
		if prev == 0 || hiatus(prev, r) {
			n++
		}
		prev = r
	}
	return max(n, 1)
}

func isVowelES(r rune) bool { return strings.ContainsRune("aeiouáéíóúü", r) }

func hiatus(a, b rune) bool {
	strong := func(r rune) bool { return strings.ContainsRune("aeoáéó", r) }
	stressedWeak := func(r rune) bool { return r == 'í' || r == 'ú' }
	return (strong(a) && strong(b)) || stressedWeak(a) || stressedWeak(b)
}
