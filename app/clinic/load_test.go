//go:build !wasm

package clinic

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aftercare/rules"
)

// harbour is a whole profile, as a clinic writes one.
const harbour = `# Harbour Street's branding
name: Harbour Street Massage Clinic
short_name: Harbour St
theme_color: "#1d4e89"
emergency_number: "999"
embed_origins: [https://harbourstreet.example, http://127.0.0.2:8081]
`

func writeProfile(t *testing.T, body string) string {
	t.Helper()
	return writeProfileBytes(t, []byte(body))
}

func TestLoadProfile(t *testing.T) {
	p, _, err := Load(writeProfile(t, harbour))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Harbour Street Massage Clinic" || p.EmergencyNumber != "999" || len(p.EmbedOrigins) != 2 {
		t.Errorf("profile = %+v", p)
	}
	// A field left out keeps the neutral value; no emergency number leaves
	// it to the phone's region (package app).
	p, _, err = Load(writeProfile(t, "name: Small Clinic\nshort_name: Small\n"))
	if err != nil || p.EmergencyNumber != "" || p.ThemeColor != DefaultProfile().ThemeColor {
		t.Errorf("partial profile = %+v, %v", p, err)
	}
	if p, _, err := Load(""); err != nil || p.Name != "Aftercare" || p.EmergencyNumber != "" {
		t.Errorf("no file: %+v, %v", p, err)
	}
}

// TestHostileProfilesAreRefused: what an outside attack put in a profile,
// each refused with file:line:col.
func TestHostileProfilesAreRefused(t *testing.T) {
	for _, name := range []string{
		`"\"><meta http-equiv=refresh content=0;url=//127.0.0.1:19207>"`,
		`"Harbour\nStreet"`, `"Harbour\u0000Street"`, `"Harbour\u2028Street"`, `"Harbour\u202eteertS"`, `"a\\b"`,
	} {
		_, _, err := Load(writeProfile(t, "name: "+name+"\n"))
		if err == nil || !strings.Contains(err.Error(), "clinic.yaml:1:7: name contains") {
			t.Errorf("name %s: %v", name, err)
		}
	}
	for _, origin := range []string{
		"https://*", "https://*.example", "https://a.example,script-src", "https://a.example;script-src", "https://a.example script-src",
		"https://user:pw@a.example", "https://a.example/#x", "https://a.example/?q", "'none'", "http://127.evil.example",
		"http://a.example", "https://a.example:99999", "https://1.2.3.4", "https://a..example", "https://-a.example", "javascript://a.example",
	} {
		_, _, err := Load(writeProfile(t, "name: X\nembed_origins: [\""+origin+"\"]\n"))
		if err == nil || !strings.Contains(err.Error(), "clinic.yaml:2:17: embed origin") {
			t.Errorf("origin %q: %v", origin, err)
		}
	}
	for _, origin := range []string{"https://clinic.example", "https://clinic.example:8443/", "http://localhost:3000", "http://127.0.0.2:8081", "http://[::1]:80"} {
		if _, _, err := Load(writeProfile(t, "name: X\nembed_origins: [\""+origin+"\"]\n")); err != nil {
			t.Errorf("origin %q refused: %v", origin, err)
		}
	}
	many := "name: X\nembed_origins:\n"
	for i := range 21 {
		many += fmt.Sprintf("  - https://c%d.example\n", i)
	}
	if _, _, err := Load(writeProfile(t, many)); err == nil || !strings.Contains(err.Error(), "21 origins: list at most 20") {
		t.Errorf("21 origins: %v", err)
	}
}

func TestBadProfilesGetPositionedMessages(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"name: X\nshortname: Y\n", []string{`clinic.yaml:2:1: unknown field "shortname" (known: name, short_name, theme_color, phone, booking_url, urgent_care_url, emergency_number, language, embed_origins, logo, icon_192, icon_512, icon_maskable)`}},
		{"name: X\ntheme_color: blue\n", []string{`clinic.yaml:2:14: theme_color "blue": want a colour such as "#0b5f5a"`}},
		{"name: X\nemergency_number: \"0800 999\"\n", []string{`clinic.yaml:2:19: emergency_number "0800 999": want the local number, 2 to 4 digits (such as 911, 999, 112, 000)`}},
		{"name: X\nlanguage: fr\n", []string{`clinic.yaml:2:11: language "fr" is not available (languages: en, es)`}},
		{"name: X\nembed_origins:\n  - https://ok.example\n  - harbour.example/page\n", []string{`clinic.yaml:4:5: embed origin "harbour.example/page": no scheme; want an origin such as "https://clinic.example" (http only for localhost)`}},
		{"name: X\nurgent_care_url: ftp://care.example\n", []string{`clinic.yaml:2:18: urgent_care_url "ftp://care.example": want an https:// address`}},
		{"name: X\nbooking_url: http://book.example\nshort_name: A very long clinic name\n", []string{
			`clinic.yaml:2:14: booking_url "http://book.example": want an https:// address`,
			`clinic.yaml:3:13: short_name "A very long clinic name": want 1 to 12 characters`,
		}},
		{"name: [X\n", []string{`clinic.yaml:`}},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			_, _, err := Load(writeProfile(t, tt.body))
			if err == nil {
				t.Errorf("%q: loaded", tt.body)
				return
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q: want %q in\n%v", tt.body, w, err)
				}
			}
		})
	}
}

// FuzzProfile: any profile file loads or fails with file:line:col, never a
// panic; one that loads passes the check and holds nothing that could end
// an attribute or header.
func FuzzProfile(f *testing.F) {
	f.Add([]byte(harbour))
	f.Add([]byte("name: \"\\\"><meta http-equiv=refresh content=0>\"\n"))
	f.Add([]byte("name: X\nembed_origins: [\"https://a.example,script-src\"]\n"))
	f.Add([]byte("x: &a [1]\nname: *a\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, _, err := read(writeProfileBytes(t, body))
		if err != nil {
			if es, ok := err.(rules.Problems); ok {
				for _, e := range es {
					if e.Line < 1 || e.Col < 1 {
						t.Fatalf("unpositioned: %v", e)
					}
				}
			}
			return
		}
		if len(p.Check()) > 0 || p.Sanitized().Name != p.Name {
			t.Fatalf("loaded a profile that fails its check: %+v", p)
		}
		for _, o := range p.EmbedOrigins {
			if strings.ContainsAny(Origin(o), ",; '\"*") {
				t.Fatalf("origin %q would change the CSP", o)
			}
		}
	})
}

func writeProfileBytes(t *testing.T, body []byte) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "clinic.yaml")
	if err := os.WriteFile(name, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}
