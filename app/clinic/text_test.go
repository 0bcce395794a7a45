//go:build !wasm

package clinic

import (
	"strings"
	"testing"
)

// TestPaddingIsTrimmed: white space at either end, of any kind (here
// 300,000 ideographic spaces), is trimmed and the trimmed value is stored,
// so it cannot make every page big.
func TestPaddingIsTrimmed(t *testing.T) {
	pad := strings.Repeat("\u3000", 300_000)
	p, _, err := Load(writeProfile(t, "name: \""+pad+"X\u00a0\t\"\nshort_name: \" Harbour \"\nbooking_url: \"https://book.example/ \"\n"))
	if err != nil {
		t.Fatal(clipText(err.Error()))
	}
	if p.Name != "X" || p.ShortName != "Harbour" || p.BookingURL != "https://book.example/" {
		t.Errorf("stored untrimmed: name %q, short_name %q, booking_url %q", clipText(p.Name), p.ShortName, p.BookingURL)
	}
}

// TestInvisibleAndOddSpacesAreRefused: a format character (Unicode Cf:
// zero-width, word joiner, tag characters, direction controls, BOM) or any
// white space but a plain space inside a value is refused where it is.
func TestInvisibleAndOddSpacesAreRefused(t *testing.T) {
	for value, want := range map[string]string{
		`Harbour\u200bStreet`:          "U+200B, an invisible format character",
		`Harbour\u2060Street`:          "U+2060, an invisible format character",
		`Harbour\U000E0041Street`:      "U+E0041, an invisible format character",
		`Harbour\U000E007FStreet`:      "U+E007F, an invisible format character",
		`Harbour\u202eteertS`:          "U+202E, an invisible format character",
		`Harbour\u2066Street`:          "U+2066, an invisible format character",
		`Harbour\ufeffStreet`:          "U+FEFF, an invisible format character",
		`Harbour\u00adStreet`:          "U+00AD, an invisible format character",
		`Harbour\tStreet`:              "U+0009, a control character",
		`Harbour\u3000Street`:          "U+3000, a space other than a plain space",
		`Harbour\u00a0Street`:          "U+00A0, a space other than a plain space",
		`Harbour\u2003Street`:          "U+2003, a space other than a plain space",
		`Harbour\u2028Street`:          "U+2028, a space other than a plain space",
		`Harbour\u0085Street`:          "U+0085, a control character",
		`{{.Wasm}}`:                    "U+007B, a brace",
		`Harbour }} Street`:            "U+007D, a brace",
		`"><meta http-equiv=refresh>"`: "U+0022, a quote, angle bracket or backslash",
	} {
		for _, field := range []string{"name", "short_name"} {
			_, _, err := Load(writeProfile(t, field+": \""+strings.ReplaceAll(value, `"`, `\"`)+"\"\n"))
			want := "clinic.yaml:1:" + map[string]string{"name": "7", "short_name": "13"}[field] + ": " + field + " contains " + want
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s %s: got %v, want %s", field, value, err, want)
			}
		}
	}
	if p, _, err := Load(writeProfile(t, "name: \"Clínica Harbour Street 北港\"\nshort_name: \"Harbour St\"\n")); err != nil || p.Name != "Clínica Harbour Street 北港" {
		t.Errorf("a name with plain spaces and letters of any script: %+v, %v", p, err)
	}
}

// TestEveryStringIsCapped: each string field has a most characters, and a
// value over it is refused without being quoted back whole.
func TestEveryStringIsCapped(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	for field, value := range map[string]string{
		"name":             long(61),
		"name ":            "X" + strings.Repeat(" ", 300_000) + "X",
		"short_name":       long(13),
		"theme_color":      long(41),
		"phone":            "+1 " + strings.Repeat("5", 40),
		"booking_url":      "https://book.example/" + long(180),
		"urgent_care_url":  "https://care.example/" + long(180),
		"emergency_number": long(41),
		"language":         long(41),
		"logo":             long(97) + ".svg",
		"icon_192":         long(97) + ".png",
		"icon_512":         long(97) + ".png",
		"icon_maskable":    long(97) + ".png",
		"embed_origins":    "[https://" + long(300) + ".example]",
	} {
		field = strings.TrimSpace(field)
		body := field + ": \"" + value + "\"\n"
		if field == "embed_origins" {
			body = field + ": " + value + "\n"
		}
		if field != "name" {
			body = "name: X\n" + body
		}
		_, _, err := Load(writeProfile(t, body))
		if err == nil || !strings.Contains(err.Error(), "(it has ") || len(err.Error()) > 400 {
			t.Errorf("%s of %d characters: %v", field, len(value), clipText(errString(err)))
		}
	}
	if _, _, err := Load(writeProfile(t, "name: X\nbooking_url: \"https://book.example/"+long(179)+"\"\n")); err != nil {
		t.Errorf("a booking_url of 200 characters: %v", err)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
