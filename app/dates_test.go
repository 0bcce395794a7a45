package app

import "testing"

// TestDatesInEachLanguage: a stored date is written for people in the
// page's language, with twelve month names in every language.
func TestDatesInEachLanguage(t *testing.T) {
	for l, want := range map[lang]string{"en": "24 Nov 2026", "es": "24 nov 2026"} {
		if got := l.showDate("2026-11-24"); got != want {
			t.Errorf("%s: showDate = %q, want %q", l, got, want)
		}
		if got := l.showDate("2026-01-05"); got != map[lang]string{"en": "5 Jan 2026", "es": "5 ene 2026"}[l] {
			t.Errorf("%s: January is %q", l, got)
		}
		if got := l.showDate("not a date"); got != "not a date" {
			t.Errorf("%s: a bad date shows as %q", l, got)
		}
	}
	if got := lang("es").say("n_days", "n", "3"); got != "3 días" {
		t.Errorf("days in Spanish: %q", got)
	}
}
