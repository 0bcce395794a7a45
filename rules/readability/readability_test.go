package readability

import "testing"

func TestSyllableCounter(t *testing.T) {
	for word, want := range map[string]int{
		"the": 1, "pain": 1, "massage": 2, "muscle": 2, "shoulder": 2, "blades": 1,
		"tingling": 2, "emergency": 4, "doctor": 2, "numbness": 2, "breathe": 1,
		"fibromyalgia": 5, "tired": 1, "stretches": 2, "every": 3, "10": 1,
	} {
		if got := Syllables(word); got != want && got != want+1 && got != want-1 {
			t.Errorf("Syllables(%q) = %d, want about %d", word, got, want)
		}
	}
}

func TestFleschKincaidKnownTexts(t *testing.T) {
	if g := Grade("The cat sat on the mat."); g > 1 {
		t.Errorf("a first-reader sentence scores grade %.1f", g)
	}
	if g := Grade("Musculoskeletal practitioners recommend comprehensive multidisciplinary evaluation of persistent symptomatology."); g < 16 {
		t.Errorf("a jargon sentence scores only grade %.1f", g)
	}
}
