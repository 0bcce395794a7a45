package clinic

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// textField is one string of a profile, with the most characters it may
// have: enough for any real value, so padding cannot make every page big.
type textField struct {
	path string
	v    *string
	max  int
	want string // what to say when it is too long; "" for the plain count
}

// texts lists every string of the profile, each embed origin too.
func (p *Profile) texts() []textField {
	// Those with a format of their own (colour, phone, number, language,
	// origin) have a cap above it, so the format's message is the one seen.
	fs := []textField{
		{"name", &p.Name, 60, "want the clinic's name, 1 to 60 characters"},
		{"short_name", &p.ShortName, 12, "want 1 to 12 characters (it shows under the phone's app icon)"},
		{"theme_color", &p.ThemeColor, 40, ""}, {"phone", &p.Phone, 40, ""}, {"booking_url", &p.BookingURL, 200, ""},
		{"urgent_care_url", &p.UrgentCareURL, 200, ""},
		{"emergency_number", &p.EmergencyNumber, 40, ""}, {"language", &p.Language, 40, ""},
		{"logo", &p.Logo, 100, ""}, {"icon_192", &p.Icon192, 100, ""}, {"icon_512", &p.Icon512, 100, ""}, {"icon_maskable", &p.IconMaskable, 100, ""},
	}
	for i := range p.EmbedOrigins {
		fs = append(fs, textField{fmt.Sprintf("embed_origins[%d]", i), &p.EmbedOrigins[i], 300, ""})
	}
	return fs
}

// Trimmed returns the profile with every string trimmed of white space at
// either end (any Unicode white space: tabs, new lines, wide and no-break
// spaces), as the loader stores it.
func (p Profile) Trimmed() Profile {
	p.EmbedOrigins = append([]string(nil), p.EmbedOrigins...)
	for _, f := range p.texts() {
		*f.v = strings.TrimSpace(*f.v)
	}
	return p
}

// checkTexts checks the length and the characters of every string, and
// returns the paths of those it refused, which the other checks skip (so
// a huge value is not quoted back).
func (p Profile) checkTexts(bad func(path, format string, args ...any)) map[string]bool {
	refused := map[string]bool{}
	for _, f := range p.texts() {
		if r, why := unsafeRune(*f.v); why != "" {
			bad(f.path, "%s contains %U, %s: a name or address may not hold it", f.path, r, why)
			refused[f.path] = true
		} else if n := utf8.RuneCountInString(*f.v); n > f.max {
			want := f.want
			if want == "" {
				want = fmt.Sprintf("want at most %d characters", f.max)
			}
			bad(f.path, "%s %q: %s (it has %d)", f.path, clipText(*f.v), want, n)
			refused[f.path] = true
		}
	}
	return refused
}

// unsafeRune finds a character a profile's words may not hold, and says
// what it is: one that could end an HTML attribute or tag in the
// prerendered page (go-app quotes attributes Go-style, not HTML-style), a
// brace (go-app's templating rewrites "{{.Wasm}}" and its kin in the page
// it serves), a control character, white space other than a plain space
// (tabs, new lines, no-break and wide spaces, line separators), or an
// invisible format character (Unicode category Cf: zero-width characters,
// direction marks and controls, tag characters).
func unsafeRune(s string) (rune, string) {
	for _, r := range s {
		switch {
		case r == '"', r == '<', r == '>', r == '\\', r == '`':
			return r, "a quote, angle bracket or backslash"
		case r == '{', r == '}':
			return r, "a brace"
		case r == utf8.RuneError:
			return r, "not a character (the text is not UTF-8)"
		case unicode.IsControl(r):
			return r, "a control character"
		case unicode.IsSpace(r) && r != ' ':
			return r, "a space other than a plain space"
		case unicode.Is(unicode.Cf, r):
			return r, "an invisible format character"
		}
	}
	return 0, ""
}

// clipText shortens a value quoted in a message.
func clipText(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}
