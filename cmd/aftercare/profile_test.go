//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ui "aftercare/app"
	"aftercare/rules/source"
)

const goodProfile = `# Harbour Street's branding
name: Harbour Street Massage Clinic
short_name: Harbour St
theme_color: "#1d4e89"
phone: "+44 20 7946 0000"
booking_url: https://harbourstreet.example/book
emergency_number: "999"
language: en
embed_origins:
  - https://harbourstreet.example
  - http://127.0.0.2:8081
`

func writeProfile(t *testing.T, body string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "clinic.yaml")
	writeFile(t, name, []byte(body))
	return name
}

func TestLoadProfile(t *testing.T) {
	p, err := loadProfile(writeProfile(t, goodProfile))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Harbour Street Massage Clinic" || p.EmergencyNumber != "999" || len(p.EmbedOrigins) != 2 {
		t.Errorf("profile = %+v", p)
	}
	// A field left out keeps the neutral value.
	p, err = loadProfile(writeProfile(t, "name: Small Clinic\nshort_name: Small\n"))
	if err != nil || p.EmergencyNumber != "911" || p.ThemeColor != ui.DefaultProfile().ThemeColor {
		t.Errorf("partial profile = %+v, %v", p, err)
	}
	if p, err := loadProfile(""); err != nil || p.Name != "Aftercare" || p.EmergencyNumber != "911" {
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
		_, err := loadProfile(writeProfile(t, "name: "+name+"\n"))
		if err == nil || !strings.Contains(err.Error(), "clinic.yaml:1:7: name contains") {
			t.Errorf("name %s: %v", name, err)
		}
	}
	for _, origin := range []string{
		"https://*", "https://*.example", "https://a.example,script-src", "https://a.example;script-src", "https://a.example script-src",
		"https://user:pw@a.example", "https://a.example/#x", "https://a.example/?q", "'none'", "http://127.evil.example",
		"http://a.example", "https://a.example:99999", "https://1.2.3.4", "https://a..example", "https://-a.example", "javascript://a.example",
	} {
		_, err := loadProfile(writeProfile(t, "name: X\nembed_origins: [\""+origin+"\"]\n"))
		if err == nil || !strings.Contains(err.Error(), "clinic.yaml:2:17: embed origin") {
			t.Errorf("origin %q: %v", origin, err)
		}
	}
	for _, origin := range []string{"https://clinic.example", "https://clinic.example:8443/", "http://localhost:3000", "http://127.0.0.2:8081", "http://[::1]:80"} {
		if _, err := loadProfile(writeProfile(t, "name: X\nembed_origins: [\""+origin+"\"]\n")); err != nil {
			t.Errorf("origin %q refused: %v", origin, err)
		}
	}
	many := "name: X\nembed_origins:\n"
	for i := range 21 {
		many += fmt.Sprintf("  - https://c%d.example\n", i)
	}
	if _, err := loadProfile(writeProfile(t, many)); err == nil || !strings.Contains(err.Error(), "21 origins: list at most 20") {
		t.Errorf("21 origins: %v", err)
	}
}

// TestProfileNameCannotInjectHTML: even a profile that skipped the check
// (built in code) cannot put markup into the prerendered page: the site
// drops what could end an attribute.
func TestProfileNameCannotInjectHTML(t *testing.T) {
	p := ui.DefaultProfile()
	p.Name = `"><meta http-equiv=refresh content=0;url=//127.0.0.1:19207>`
	s, err := newSite(siteConfig{WebDir: fakeWebDir(t), BaseURL: testBaseURL, Profile: &p})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ui.SetProfile(ui.DefaultProfile()) })
	for _, path := range []string{"/", "/check", "/manifest.webmanifest"} {
		body := get(t, s.Handler(quietLogger), "GET", path, nil).Body.String()
		if strings.Contains(strings.ToLower(body), "<meta http-equiv=refresh") || strings.Contains(body, `"><meta`) {
			t.Errorf("%s carries the injected markup", path)
		}
	}
}

func TestBadProfilesGetPositionedMessages(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"name: X\nshortname: Y\n", []string{`clinic.yaml:2:1: unknown field "shortname" (known: name, short_name, theme_color, phone, booking_url, emergency_number, language, embed_origins, logo, icon_192, icon_512, icon_maskable)`}},
		{"name: X\ntheme_color: blue\n", []string{`clinic.yaml:2:14: theme_color "blue": want a colour such as "#0b5f5a"`}},
		{"name: X\nemergency_number: \"0800 999\"\n", []string{`clinic.yaml:2:19: emergency_number "0800 999": want the local number, 2 to 4 digits (such as 911, 999, 112, 000)`}},
		{"name: X\nlanguage: fr\n", []string{`clinic.yaml:2:11: language "fr" is not available (languages: en)`}},
		{"name: X\nembed_origins:\n  - https://ok.example\n  - harbour.example/page\n", []string{`clinic.yaml:4:5: embed origin "harbour.example/page": no scheme; want an origin such as "https://clinic.example" (http only for localhost)`}},
		{"name: X\nbooking_url: http://book.example\nshort_name: A very long clinic name\n", []string{
			`clinic.yaml:2:14: booking_url "http://book.example": want an https:// address`,
			`clinic.yaml:3:13: short_name "A very long clinic name": want 1 to 12 characters`,
		}},
		{"name: [X\n", []string{`clinic.yaml:`}},
	}
	for _, tt := range tests {
		_, err := loadProfile(writeProfile(t, tt.body))
		if err == nil {
			t.Errorf("%q: loaded", tt.body)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: want %q in\n%v", tt.body, w, err)
			}
		}
	}
}

// TestSiteWearsTheProfile: the manifest, the pages, the app's settings and
// the frame-ancestors all come from the clinic's profile.
func TestSiteWearsTheProfile(t *testing.T) {
	p, err := loadProfile(writeProfile(t, goodProfile))
	if err != nil {
		t.Fatal(err)
	}
	s, err := newSite(siteConfig{WebDir: fakeWebDir(t), BaseURL: testBaseURL, Profile: &p})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ui.SetProfile(ui.DefaultProfile()) })
	h := s.Handler(quietLogger)

	var m map[string]any
	json.Unmarshal(get(t, h, "GET", "/manifest.webmanifest", nil).Body.Bytes(), &m)
	if m["name"] != p.Name || m["short_name"] != p.ShortName || m["theme_color"] != p.ThemeColor {
		t.Errorf("manifest = %v", m)
	}
	home := get(t, h, "GET", "/", nil)
	for _, want := range []string{"Harbour Street Massage Clinic", "Call 999 now if you have any of these, even if it has gone:", `href="tel:999"`, `content="#1d4e89"`, "<title>Aftercare: back pain after a massage · Harbour St</title>"} {
		if !strings.Contains(home.Body.String(), want) {
			t.Errorf("home lacks %q", want)
		}
	}
	if strings.Contains(home.Body.String(), "911") {
		t.Error("home still says 911")
	}
	if csp := home.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self' https://harbourstreet.example http://127.0.0.2:8081") {
		t.Errorf("CSP = %q", csp)
	}
	js := get(t, h, "GET", "/app.js", nil).Body.String()
	if !strings.Contains(js, `"AFTERCARE_PROFILE":"{\"name\":\"Harbour Street Massage Clinic\"`) {
		t.Error("app.js does not hand the profile to the app")
	}
	plain := newTestSite(t, fakeWebDir(t))
	if plain.version == s.version {
		t.Error("a new profile kept the old version: installed apps would not pick it up")
	}
}

func pngOf(t *testing.T, size int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// writeBrandedProfile writes a profile with a logo and icons beside it.
func writeBrandedProfile(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "logo.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#1d4e89"/></svg>`))
	writeFile(t, filepath.Join(dir, "icon-192.png"), pngOf(t, 192))
	writeFile(t, filepath.Join(dir, "icon-512.png"), pngOf(t, 512))
	name := filepath.Join(dir, "clinic.yaml")
	writeFile(t, name, []byte(goodProfile+"logo: logo.svg\nicon_192: icon-192.png\nicon_512: icon-512.png\n"))
	return name
}

func TestProfileImages(t *testing.T) {
	p, images, err := loadProfileWithImages(writeBrandedProfile(t))
	if err != nil {
		t.Fatal(err)
	}
	if p.Logo != "/web/clinic/logo.svg" || p.Icon192 != "/web/clinic/icon_192.png" || len(images) != 3 {
		t.Fatalf("profile %+v, %d images", p, len(images))
	}
	s, err := newSite(siteConfig{WebDir: fakeWebDir(t), BaseURL: testBaseURL, Profile: &p, Images: images})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ui.SetProfile(ui.DefaultProfile()) })
	h := s.Handler(quietLogger)
	manifest := get(t, h, "GET", "/manifest.webmanifest", nil).Body.String()
	for _, want := range []string{`"src": "/web/clinic/icon_192.png"`, `"src": "/web/clinic/icon_512.png"`, `"src": "/web/clinic/logo.svg"`} {
		if !strings.Contains(manifest, want) {
			t.Errorf("manifest lacks %s", want)
		}
	}
	if w := get(t, h, "GET", "/web/clinic/icon_512.png", nil); w.Code != 200 || w.Header().Get("Content-Type") != "image/png" {
		t.Errorf("clinic icon: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if home := get(t, h, "GET", "/", nil).Body.String(); !strings.Contains(home, `src="/web/clinic/logo.svg"`) {
		t.Error("the header does not show the clinic's logo")
	}

	// Wrong sizes and kinds are positioned errors.
	dir := filepath.Dir(writeBrandedProfile(t))
	writeFile(t, filepath.Join(dir, "small.png"), pngOf(t, 100))
	writeFile(t, filepath.Join(dir, "bad.yaml"), []byte("name: X\nicon_512: small.png\nlogo: missing.svg\nicon_192: logo.svg\n"))
	_, _, err = loadProfileWithImages(filepath.Join(dir, "bad.yaml"))
	for _, want := range []string{`bad.yaml:2:11: icon_512 "small.png": is 100x100, want 512x512`, `bad.yaml:3:7: logo "missing.svg": open`, `bad.yaml:4:11: icon_192 "logo.svg": want a 192x192 PNG`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want %q in %v", want, err)
		}
	}
}

// FuzzProfile: any profile file loads or fails with file:line:col, never a
// panic; one that loads passes the check and holds nothing that could end
// an attribute or header.
func FuzzProfile(f *testing.F) {
	f.Add([]byte(goodProfile))
	f.Add([]byte("name: \"\\\"><meta http-equiv=refresh content=0>\"\n"))
	f.Add([]byte("name: X\nembed_origins: [\"https://a.example,script-src\"]\n"))
	f.Add([]byte("x: &a [1]\nname: *a\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, _, err := readProfile(writeProfileBytes(t, body))
		if err != nil {
			if es, ok := err.(source.Errors); ok {
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
			if strings.ContainsAny(ui.Origin(o), ",; '\"*") {
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
