package site

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"aftercare/app/clinic"
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

// TestProfileNameCannotInjectHTML: even a profile that skipped the check
// (built in code) cannot put markup into the prerendered page: the site
// drops what could end an attribute.
func TestProfileNameCannotInjectHTML(t *testing.T) {
	p := clinic.DefaultProfile()
	p.Name = `"><meta http-equiv=refresh content=0;url=//127.0.0.1:19207>`
	s, err := New(Config{WebDir: fakeWebDir(t), BaseURL: testBaseURL, Profile: &p})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/check", "/manifest.webmanifest"} {
		body := get(t, s.Handler(quietLogger), "GET", path, nil).Body.String()
		if strings.Contains(strings.ToLower(body), "<meta http-equiv=refresh") || strings.Contains(body, `"><meta`) {
			t.Errorf("%s carries the injected markup", path)
		}
	}
}

// TestProfileNameCannotReachGoAppsTemplating: go-app rewrites "{{.Wasm}}"
// and its kin in the page and app.js it serves; a name holding one (the
// loader refuses it; here the profile is built in code) must not be
// rewritten into the wasm's address, nor reach the page with its braces.
func TestProfileNameCannotReachGoAppsTemplating(t *testing.T) {
	p := clinic.DefaultProfile()
	p.Name, p.ShortName = "Harbour {{.Wasm}} Street", "H{{.Version}}"
	s, err := New(Config{WebDir: fakeWebDir(t), BaseURL: testBaseURL, Profile: &p})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/check", "/app.js", "/manifest.webmanifest"} {
		body := get(t, s.Handler(quietLogger), "GET", path, nil).Body.String()
		if strings.Contains(body, "{{.") || strings.Contains(body, "Harbour /") {
			t.Errorf("%s: the name reached go-app's templating", path)
		}
		if path == "/" && !strings.Contains(body, "Harbour .Wasm Street") {
			t.Errorf("%s: the name, less its braces, is not on the page", path)
		}
	}
}

// TestSiteWearsTheProfile: the manifest, the pages, the app's settings and
// the frame-ancestors all come from the clinic's profile.
func TestSiteWearsTheProfile(t *testing.T) {
	p, _, err := clinic.Load(writeProfile(t, goodProfile))
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{WebDir: fakeWebDir(t), BaseURL: testBaseURL, Profile: &p})
	if err != nil {
		t.Fatal(err)
	}
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
	if plain.version == s.Version() {
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
	p, images, err := clinic.Load(writeBrandedProfile(t))
	if err != nil {
		t.Fatal(err)
	}
	if p.Logo != "/web/clinic/logo.svg" || p.Icon192 != "/web/clinic/icon_192.png" || len(images) != 3 {
		t.Fatalf("profile %+v, %d images", p, len(images))
	}
	s, err := New(Config{WebDir: fakeWebDir(t), BaseURL: testBaseURL, Profile: &p, Images: images})
	if err != nil {
		t.Fatal(err)
	}
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
	_, _, err = clinic.Load(filepath.Join(dir, "bad.yaml"))
	for _, want := range []string{`bad.yaml:2:11: icon_512 "small.png": is 100x100, want 512x512`, `bad.yaml:3:7: logo "missing.svg": open`, `bad.yaml:4:11: icon_192 "logo.svg": want a 192x192 PNG`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want %q in %v", want, err)
		}
	}
}
