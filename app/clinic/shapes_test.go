package clinic

import (
	"regexp"
	"testing"

	"aftercare/rules"
)

// TestShapesMatchTheirRegexps: the colour and emergency number checks
// accept exactly what the regular expressions they replaced accept.
func TestShapesMatchTheirRegexps(t *testing.T) {
	color, emergency := regexp.MustCompile(`^#[0-9a-fA-F]{6}$`), regexp.MustCompile(`^[0-9]{2,4}$`)
	const alphabet = "#09afAFgG é"
	samples := []string{"", "#0b5f5a", "#0B5F5A", "#0b5f5", "#0b5f5a0", "0b5f5a0", "#0g5f5a", "911", "000", "1", "12345", "1a", "١٢٣"}
	for i := 0; i < 200000; i++ {
		n, b := i, []byte{}
		for n > 0 {
			b, n = append(b, alphabet[n%len(alphabet)]), n/len(alphabet)
		}
		samples = append(samples, string(b), "#"+string(b))
	}
	for _, s := range samples {
		if got, want := validColor(s), color.MatchString(s); got != want {
			t.Errorf("validColor(%q) = %v, the regexp %v", s, got, want)
		}
		if got, want := rules.ValidEmergencyNumber(s), emergency.MatchString(s); got != want {
			t.Errorf("rules.ValidEmergencyNumber(%q) = %v, the regexp %v", s, got, want)
		}
	}
}
