package app

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Profile is how a clinic brands Aftercare: its name, colour, phone,
// booking link, the local emergency number, the language, and the origins
// that may embed the app. The server reads it from a YAML file (aftercare
// serve -clinic FILE) and hands it to the app through go-app's Env, so a
// change needs no WASM rebuild.
type Profile struct {
	Name            string   `json:"name"`
	ShortName       string   `json:"short_name"`
	ThemeColor      string   `json:"theme_color"`
	Phone           string   `json:"phone,omitempty"`
	BookingURL      string   `json:"booking_url,omitempty"`
	EmergencyNumber string   `json:"emergency_number"`
	Language        string   `json:"language"`
	EmbedOrigins    []string `json:"embed_origins,omitempty"`
	// Image files, beside the profile file; the server serves them under
	// /web/clinic/ and gives the app their addresses instead.
	Logo         string `json:"logo,omitempty"`          // SVG or PNG, shown in the header
	Icon192      string `json:"icon_192,omitempty"`      // PNG, 192x192
	Icon512      string `json:"icon_512,omitempty"`      // PNG, 512x512
	IconMaskable string `json:"icon_maskable,omitempty"` // PNG, 512x512, safe zone in the middle 80%
}

// ProfileEnvKey names the profile, as JSON, in go-app's Env.
const ProfileEnvKey = "AFTERCARE_PROFILE"

// DefaultProfile is the neutral profile used when no clinic gives one.
func DefaultProfile() Profile {
	return Profile{Name: "Aftercare", ShortName: "Aftercare", ThemeColor: "#0b5f5a", EmergencyNumber: rules.DefaultEmergencyNumber, Language: "en"}
}

var (
	colorRe     = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	phoneRe     = regexp.MustCompile(`^\+?[0-9][0-9 ()-]{3,19}$`)
	emergencyRe = regexp.MustCompile(`^[0-9]{2,4}$`)
)

// ProfileProblem is one thing wrong with a profile, at a path such as
// "embed_origins[1]".
type ProfileProblem struct{ Path, Msg string }

// Check reports every problem of the profile.
func (p Profile) Check() []ProfileProblem {
	var ps []ProfileProblem
	bad := func(path, format string, args ...any) {
		ps = append(ps, ProfileProblem{path, fmt.Sprintf(format, args...)})
	}
	if n := len([]rune(strings.TrimSpace(p.Name))); n == 0 || n > 60 {
		bad("name", "name %q: want the clinic's name, 1 to 60 characters", p.Name)
	}
	if n := len([]rune(strings.TrimSpace(p.ShortName))); n == 0 || n > 12 {
		bad("short_name", "short_name %q: want 1 to 12 characters (it shows under the phone's app icon)", p.ShortName)
	}
	if !colorRe.MatchString(p.ThemeColor) {
		bad("theme_color", "theme_color %q: want a colour such as \"#0b5f5a\"", p.ThemeColor)
	}
	if p.Phone != "" && !phoneRe.MatchString(p.Phone) {
		bad("phone", "phone %q: want digits, spaces, ( ) or -, such as \"+1 555 010 0000\"", p.Phone)
	}
	if p.BookingURL != "" {
		if u, err := url.Parse(p.BookingURL); err != nil || u.Scheme != "https" || u.Host == "" {
			bad("booking_url", "booking_url %q: want an https:// address", p.BookingURL)
		}
	}
	if !emergencyRe.MatchString(p.EmergencyNumber) {
		bad("emergency_number", "emergency_number %q: want the local number, 2 to 4 digits (such as 911, 999, 112, 000)", p.EmergencyNumber)
	}
	if set, err := rules.Default(); err == nil && !contains(set.Locales, p.Language) {
		bad("language", "language %q is not available (languages: %s)", p.Language, strings.Join(set.Locales, ", "))
	}
	for i, o := range p.EmbedOrigins {
		u, err := url.Parse(o)
		local := u != nil && (u.Hostname() == "localhost" || strings.HasPrefix(u.Hostname(), "127."))
		if err != nil || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || (u.Scheme != "https" && !(u.Scheme == "http" && local)) {
			bad(fmt.Sprintf("embed_origins[%d]", i), "embed origin %q: want an origin such as \"https://clinic.example\" (http only for localhost)", o)
		}
	}
	return ps
}

// Origin trims an embed origin to scheme://host[:port].
func Origin(o string) string { return strings.TrimRight(o, "/") }

var currentProfile struct {
	sync.Mutex
	p *Profile
}

// SetProfile sets the profile the server prerenders with.
func SetProfile(p Profile) {
	currentProfile.Lock()
	defer currentProfile.Unlock()
	currentProfile.p = &p
}

// profile is the clinic's profile: set by the server, or read in the
// browser from go-app's Env; the neutral one otherwise.
func profile() Profile {
	currentProfile.Lock()
	defer currentProfile.Unlock()
	if currentProfile.p == nil {
		p := DefaultProfile()
		if raw := app.Getenv(ProfileEnvKey); raw != "" {
			var q Profile
			if json.Unmarshal([]byte(raw), &q) == nil && len(q.Check()) == 0 {
				p = q
			}
		}
		currentProfile.p = &p
	}
	return *currentProfile.p
}
