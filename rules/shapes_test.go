package rules

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// shapeSamples returns every string of up to 4 bytes over an alphabet that
// holds each class the shapes use, and as many random longer ones (up to
// 24 bytes), with some non-ASCII.
func shapeSamples() []string {
	const alphabet = "az_-+ ()#{}09AZfF.é"
	out := []string{""}
	prev := []string{""}
	for n := 1; n <= 4; n++ {
		var next []string
		for _, p := range prev {
			for i := 0; i < len(alphabet); i++ {
				next = append(next, p+alphabet[i:i+1])
			}
		}
		out, prev = append(out, next...), next
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		b := make([]byte, 5+r.IntN(20))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		out = append(out, string(b))
	}
	return out
}

// TestShapesMatchTheirRegexps: each hand-written check accepts exactly
// what the regular expression it replaced accepts.
func TestShapesMatchTheirRegexps(t *testing.T) {
	checks := []struct {
		re string
		ok func(string) bool
	}{
		{`^[a-z][a-z0-9_]*$`, validID},
		{`^[a-z][a-z0-9-]*$`, validSectionID},
		{`^[a-z]{2}(-[A-Z]{2})?$`, validLocale},
		{`^\+?[0-9][0-9 ()-]{3,19}$`, ValidPhone},
		{`^[0-9]{2,4}$`, func(s string) bool { return Digits(s, 2, 4) }},
	}
	samples := append(shapeSamples(), "en", "pt-BR", "+1 555 010 0000", "(555) 010-0000", "+12345678901234567890", "+1234567890123456789", "123456789012345678901", "+123456789012345678901", "12 4", "1 3", "911")
	for _, c := range checks {
		re := regexp.MustCompile(c.re)
		for _, s := range samples {
			if got, want := c.ok(s), re.MatchString(s); got != want {
				t.Errorf("%s: %q gives %v, the regexp %v", c.re, s, got, want)
				break
			}
		}
	}
	re := regexp.MustCompile(`\{[a-z_]+\}`)
	for _, s := range append(samples, "{date} and {n}", "{{a}}", "{a{b}", "{}{_}", "{A}{a}") {
		if got, want := placeholders(s), re.FindAllString(s, -1); !slices.Equal(got, want) {
			t.Errorf("placeholders(%q) = %q, the regexp %q", s, got, want)
			break
		}
	}
}
