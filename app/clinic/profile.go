// Package clinic is the clinic's profile: how a clinic brands Aftercare,
// its neutral default, and every check on it (its strings in text.go). It
// is safe for the browser build; the loader that reads a profile file
// (YAML) and its images, and the check of an SVG logo, are server-only
// (load.go, svg.go), so no YAML or XML code reaches app.wasm.
package clinic

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"aftercare/rules"
)

// Profile is how a clinic brands Aftercare: its name, colour, phone,
// booking link, the local emergency number, the language, and the origins
// that may embed the app. The server reads it from a YAML file (aftercare
// serve -clinic FILE) and hands it to the app through go-app's Env, so a
// change needs no WASM rebuild.
type Profile struct {
	Name       string `json:"name"`
	ShortName  string `json:"short_name"`
	ThemeColor string `json:"theme_color"`
	Phone      string `json:"phone,omitempty"`
	BookingURL string `json:"booking_url,omitempty"`
	// UrgentCareURL is a page that finds urgent care near the clinic (a
	// health service's finder), offered on "see a doctor today" advice as
	// a link the person taps; the app never fetches it.
	UrgentCareURL string `json:"urgent_care_url,omitempty"`
	// EmergencyNumber is the clinic's local number: "" leaves it to the
	// phone's region (the rules' regions), 911 when that is unknown.
	EmergencyNumber string `json:"emergency_number,omitempty"`
	// Language is the clinic's language, chosen when the person has not
	// chosen one: "" leaves it to the person's browser.
	Language     string   `json:"language,omitempty"`
	EmbedOrigins []string `json:"embed_origins,omitempty"`
	// Image files, beside the profile file; the server serves them under
	// /web/clinic/ and gives the app their addresses instead.
	Logo         string `json:"logo,omitempty"`          // SVG or PNG, shown in the header
	Icon192      string `json:"icon_192,omitempty"`      // PNG, 192x192
	Icon512      string `json:"icon_512,omitempty"`      // PNG, 512x512
	IconMaskable string `json:"icon_maskable,omitempty"` // PNG, 512x512, safe zone in the middle 80%
}

// EnvKey names the profile, as JSON, in go-app's Env: the server sets it
// for its prerender and hands it to the browser with the page.
const EnvKey = "AFTERCARE_PROFILE"

// DefaultProfile is the neutral profile used when no clinic gives one.
func DefaultProfile() Profile {
	return Profile{Name: "Aftercare", ShortName: "Aftercare", ThemeColor: "#0b5f5a"}
}

// validColor: ^#[0-9a-fA-F]{6}$
func validColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range []byte(s[1:]) {
		if !rules.IsDigit(c) && !('a' <= c && c <= 'f') && !('A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// Check reports every problem of the profile, each at its path (such as
// "embed_origins[1]").
func (p Profile) Check() rules.Problems {
	var ps rules.Problems
	bad := func(path, format string, args ...any) {
		ps = append(ps, rules.At(path, format, args...))
	}
	skip := p.checkTexts(bad) // lengths and characters, of every string
	if p.Name == "" {
		bad("name", "name: want the clinic's name, 1 to 60 characters")
	}
	if p.ShortName == "" {
		bad("short_name", "short_name: want 1 to 12 characters (it shows under the phone's app icon)")
	}
	if !skip["theme_color"] && !validColor(p.ThemeColor) {
		bad("theme_color", "theme_color %q: want a colour such as \"#0b5f5a\"", p.ThemeColor)
	}
	if !skip["phone"] && p.Phone != "" && !rules.ValidPhone(p.Phone) {
		bad("phone", "phone %q: want digits, spaces, ( ) or -, such as \"+1 555 010 0000\"", p.Phone)
	}
	for _, f := range []struct{ path, v string }{{"booking_url", p.BookingURL}, {"urgent_care_url", p.UrgentCareURL}} {
		if u, err := url.Parse(f.v); !skip[f.path] && f.v != "" && (err != nil || u.Scheme != "https" || u.Host == "") {
			bad(f.path, "%s %q: want an https:// address", f.path, f.v)
		}
	}
	if !skip["emergency_number"] && p.EmergencyNumber != "" && !rules.ValidEmergencyNumber(p.EmergencyNumber) {
		bad("emergency_number", "emergency_number %q: want the local number, 2 to 4 digits (such as 911, 999, 112, 000)", p.EmergencyNumber)
	}
	if set, err := rules.Default(); err == nil && !skip["language"] && p.Language != "" && !slices.Contains(set.Locales, p.Language) {
		bad("language", "language %q is not available (languages: %s)", p.Language, strings.Join(set.Locales, ", "))
	}
	if len(p.EmbedOrigins) > maxEmbedOrigins {
		bad("embed_origins", "%d origins: list at most %d (each goes into every response's headers)", len(p.EmbedOrigins), maxEmbedOrigins)
	}
	seen := map[string]bool{}
	for i, o := range p.EmbedOrigins {
		origin, err := ParseOrigin(o)
		switch {
		case skip[fmt.Sprintf("embed_origins[%d]", i)]:
		case err != nil:
			bad(fmt.Sprintf("embed_origins[%d]", i), "embed origin %q: %v; want an origin such as \"https://clinic.example\" (http only for localhost)", o, err)
		case seen[origin]:
			bad(fmt.Sprintf("embed_origins[%d]", i), "embed origin %q is listed twice", o)
		}
		seen[origin] = true
	}
	return ps
}

// Sanitized returns the profile with every character its words may not
// hold removed: a second guard, at output, behind Check (go-app writes
// attributes of the prerendered page with Go quoting, not HTML escaping).
func (p Profile) Sanitized() Profile {
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if _, why := unsafeRune(string(r)); why != "" {
				return -1
			}
			return r
		}, s)
	}
	p.Name, p.ShortName, p.Phone, p.BookingURL = clean(p.Name), clean(p.ShortName), clean(p.Phone), clean(p.BookingURL)
	p.UrgentCareURL = clean(p.UrgentCareURL)
	return p
}

// maxEmbedOrigins bounds the list: it is sent in a header on every response.
const maxEmbedOrigins = 20

// ParseOrigin checks an embed origin strictly and returns it as
// scheme://host[:port]: https (http only for localhost, 127.x.y.z and
// [::1]), a host name of letters, digits, hyphens and dots, an optional
// port, and nothing else (no user, path, query, fragment, wildcard, comma
// or quote, which could change the meaning of the CSP header it goes into).
func ParseOrigin(o string) (string, error) {
	scheme, rest, ok := strings.Cut(o, "://")
	if !ok {
		return "", fmt.Errorf("no scheme")
	}
	rest = strings.TrimSuffix(rest, "/")
	host, port := rest, ""
	if i := strings.LastIndexByte(rest, ':'); i >= 0 && !strings.HasSuffix(rest, "]") {
		host, port = rest[:i], rest[i+1:]
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 || strconv.Itoa(n) != port {
			return "", fmt.Errorf("bad port %q", port)
		}
	}
	local := host == "localhost" || host == "[::1]"
	if a, err := netip.ParseAddr(host); err == nil && a.Is4() && a.IsLoopback() {
		local = true
	}
	switch {
	case scheme == "http" && local, scheme == "https":
	default:
		return "", fmt.Errorf("the scheme must be https")
	}
	if !local && (!isHostName(host) || isDigitsAndDots(host)) {
		return "", fmt.Errorf("%q is not a host name", host)
	}
	if port != "" {
		return scheme + "://" + host + ":" + port, nil
	}
	return scheme + "://" + host, nil
}

// isDigitsAndDots is true of an IP address written out, which is not a
// host name (only loopback addresses are allowed, above).
func isDigitsAndDots(h string) bool {
	return strings.Trim(h, "0123456789.") == ""
}

// isHostName reports whether h is a DNS name: dot-separated labels of
// letters, digits and hyphens, with a letter in the last one.
func isHostName(h string) bool {
	if h == "" || len(h) > 253 {
		return false
	}
	labels := strings.Split(h, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	last := labels[len(labels)-1]
	return strings.IndexFunc(last, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }) >= 0
}

// Origin is an embed origin as the browser writes it (scheme://host[:port]);
// one that does not parse gives "", which matches nothing.
func Origin(o string) string {
	origin, err := ParseOrigin(o)
	if err != nil {
		return ""
	}
	return origin
}

// Decode reads a profile as the server hands it over (JSON, in go-app's
// Env). The server checked it in full when it loaded the file and does so
// again here; the browser checks what it reads and the number it would dial
// (rules.CheckInFull is false there, which keeps the rest of Check out of
// app.wasm). Nothing gives the neutral profile. A profile that cannot be read,
// or that fails its checks, also gives the neutral profile, and the error
// says why: the app must say so, not switch emergency numbers silently.
func Decode(raw string) (Profile, error) {
	if raw == "" {
		return DefaultProfile(), nil
	}
	var p Profile
	if err := json.Unmarshal([]byte(raw), &p); err != nil {
		return DefaultProfile(), fmt.Errorf("the clinic profile cannot be read: %v", err)
	}
	if p.EmergencyNumber != "" && !rules.ValidEmergencyNumber(p.EmergencyNumber) {
		return DefaultProfile(), fmt.Errorf("the clinic profile's emergency number %q is not a number to dial", p.EmergencyNumber)
	}
	if rules.CheckInFull {
		if ps := p.Check(); len(ps) > 0 {
			return DefaultProfile(), fmt.Errorf("the clinic profile is not valid: %v", ps)
		}
	}
	return p, nil
}
