package rules

import (
	"reflect"
	"strings"
	"testing"
)

// controlWords are, for each language, the words that show the text
// controls of hazards.md (H39, H41) are in place.
var controlWords = map[string]struct {
	urgentGoTo []string // the urgent "do now" names where to be seen today
	painkiller string   // a text that names this drug ...
	otherName  []string // ... also gives its other names
}{
	"en": {urgentGoTo: []string{"doctor's office", "today", "urgent care"}, painkiller: "paracetamol", otherName: []string{"acetaminophen", "tylenol"}},
	"es": {urgentGoTo: []string{"consultorio", "hoy", "atención urgente"}, painkiller: "paracetamol", otherName: []string{"acetaminofén"}},
}

// TestUrgentSaysWhereToGoToday: an urgent result says to ask the doctor's
// office for a visit today, and where to go when it is closed (hazards.md,
// H39), in every language.
func TestUrgentSaysWhereToGoToday(t *testing.T) {
	inEachLanguage(t, func(t *testing.T, s *Set, l string) {
		w, ok := controlWords[l]
		if !ok {
			t.Fatalf("no control words for %s: add them to controlWords", l)
		}
		doNow := strings.ToLower(s.Level(Urgent).DoNow[l])
		for _, place := range w.urgentGoTo {
			if !strings.Contains(doNow, place) {
				t.Errorf("the urgent do_now does not say %q: %q", place, doNow)
			}
		}
	})
}

// TestParacetamolCarriesItsOtherName: every text that names paracetamol
// also gives the name it has where the reader may live (hazards.md, H41),
// in every language.
func TestParacetamolCarriesItsOtherName(t *testing.T) {
	inEachLanguage(t, func(t *testing.T, s *Set, l string) {
		w, ok := controlWords[l]
		if !ok {
			t.Fatalf("no control words for %s: add them to controlWords", l)
		}
		texts := map[string]string{}
		localeTexts(reflect.ValueOf(s).Elem(), "", l, texts)
		named := 0
		for path, text := range texts {
			lower := strings.ToLower(text)
			if !strings.Contains(lower, w.painkiller) {
				continue
			}
			named++
			for _, other := range w.otherName {
				if !strings.Contains(lower, other) {
					t.Errorf("%s names %s without %q: %q", path, w.painkiller, other, text)
				}
			}
		}
		if named == 0 {
			t.Errorf("no text names %s", w.painkiller)
		}
	})
}
