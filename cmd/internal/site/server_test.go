package site

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	ui "aftercare/app"
	"aftercare/app/clinic"
	"aftercare/rules"

	"github.com/andybalholm/brotli"
)

func TestPagesArePrerenderedWithTheirTitles(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	for _, r := range ui.AllRoutes() {
		w := get(t, h, "GET", r.Path, nil)
		if w.Code != 200 {
			t.Fatalf("GET %s: %d", r.Path, w.Code)
		}
		body := w.Body.String()
		if !strings.Contains(body, "<title>"+html.EscapeString(r.Title)+"</title>") {
			t.Errorf("GET %s: no <title>%s</title>", r.Path, r.Title)
		}
		if !strings.Contains(body, `id="main-heading"`) {
			t.Errorf("GET %s: the page's h1 is not prerendered", r.Path)
		}
		if !strings.Contains(body, `<html lang="`+r.Lang+`"`) {
			t.Errorf("GET %s: no lang=%q on <html>", r.Path, r.Lang)
		}
		// Its address in every language, and x-default, for search engines.
		for l, p := range ui.Alternates(r.Page) {
			if !strings.Contains(body, `<link rel="alternate" hreflang="`+l+`" href="`+testBaseURL+p+`">`) {
				t.Errorf("GET %s: no hreflang %s alternate at %s", r.Path, l, p)
			}
		}
		if !strings.Contains(body, `hreflang="x-default" href="`+testBaseURL+r.Page+`"`) {
			t.Errorf("GET %s: no x-default alternate", r.Path)
		}
		// go-app writes attributes in any order.
		if manifest := manifestPath(r.Lang); strings.Count(body, `href="`+manifest+`"`) != 1 || strings.Count(body, `manifest.webmanifest"`) != 1 {
			t.Errorf("GET %s: does not link the %s manifest %s, and it alone", r.Path, r.Lang, manifest)
		}
	}
	// An unknown address under a language's prefix: "not found" in it.
	if w := get(t, h, "GET", "/es/no-such-page", nil); w.Code != 404 || !strings.Contains(w.Body.String(), `<html lang="es"`) || !strings.Contains(w.Body.String(), `href="/es"`) {
		t.Errorf("GET /es/no-such-page: %d, want 404 in Spanish with the way home to /es", w.Code)
	}
	for _, path := range []string{"/no-such-page", "/check/nope", "/v1234/robots.txt"} {
		w := get(t, h, "GET", path, nil)
		if body := w.Body.String(); w.Code != 404 || !strings.Contains(body, ">Page not found</h1>") || !strings.Contains(body, `href="/"`) {
			t.Errorf("GET %s: %d, want 404 with the page-not-found page and a way home", path, w.Code)
		}
	}
}

// TestHomeWorksWithoutJavaScript checks what a browser with JavaScript off
// gets: the "get help now" advice in the HTML, and a stylesheet, loaded only
// then, that hides the loading bar.
func TestHomeWorksWithoutJavaScript(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	body := get(t, s.Handler(quietLogger), "GET", "/", nil).Body.String()
	for _, want := range []string{
		"Get help now",
		"Call 911 now if you have any of these, even if it has gone:",
		"Chest pain, pressure or tightness",
		`href="tel:911"`,
		`<noscript><link rel="stylesheet" href="/web/noscript.css"></noscript>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
	css := get(t, s.Handler(quietLogger), "GET", "/web/noscript.css", nil).Body.String()
	if !strings.Contains(css, "#app-wasm-loader") || !strings.Contains(css, "display: none") {
		t.Errorf("noscript.css does not hide the loader: %s", css)
	}
}

// TestNothingLeavesTheOrigin looks for absolute URLs in everything the
// browser loads first: none may point elsewhere (og: meta tags, which no
// browser fetches, name the configured base URL).
var alternateRe = regexp.MustCompile(`<link rel="alternate" hreflang="[a-z-]+" href="[^"]*">`)

func TestNothingLeavesTheOrigin(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	abs := regexp.MustCompile(`(?:src|href)="(https?:)?//`)
	for _, p := range append(routePaths(), "/app.js", "/app-worker.js", "/manifest.webmanifest", "/web/aftercare.css") {
		body := get(t, h, "GET", p, nil).Body.String()
		// The hreflang alternates name the page's other languages at the
		// configured base URL, as search engines want them; no browser
		// fetches them.
		body = alternateRe.ReplaceAllStringFunc(body, func(link string) string {
			if !strings.Contains(link, `href="`+testBaseURL+`/`) {
				t.Errorf("%s: an alternate off the base URL: %s", p, link)
			}
			return ""
		})
		if m := abs.FindString(body); m != "" {
			t.Errorf("%s has an absolute URL: %s", p, m)
		}
		for _, host := range []string{"githubusercontent", "googleapis", "gstatic", "cdn", "fonts."} {
			if strings.Contains(body, host) {
				t.Errorf("%s mentions %q", p, host)
			}
		}
	}
}

func TestManifest(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	w := get(t, s.Handler(quietLogger), "GET", "/manifest.webmanifest", nil)
	if ct := w.Header().Get("Content-Type"); ct != "application/manifest+json" {
		t.Errorf("Content-Type = %q", ct)
	}
	var m struct {
		Name, ShortName, Description, Lang, ThemeColor, StartURL, Display string
		Icons                                                             []struct{ Src, Sizes, Type, Purpose string }
	}
	dec := json.NewDecoder(strings.NewReader(strings.NewReplacer(`"short_name"`, `"ShortName"`, `"theme_color"`, `"ThemeColor"`, `"start_url"`, `"StartURL"`).Replace(w.Body.String())))
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	if m.Name != "Aftercare" || m.ShortName == "" || m.Description == "" || m.Lang != "en" || m.ThemeColor != clinic.DefaultProfile().ThemeColor || m.StartURL != "/" || m.Display != "standalone" {
		t.Errorf("manifest = %+v", m)
	}
	have := map[string]bool{}
	for _, i := range m.Icons {
		have[i.Sizes+" "+i.Type+" "+i.Purpose] = true
		if got := get(t, s.Handler(quietLogger), "GET", i.Src, nil); got.Code != 200 || got.Header().Get("Content-Type") != i.Type {
			t.Errorf("icon %s: %d %s", i.Src, got.Code, got.Header().Get("Content-Type"))
		}
	}
	for _, want := range []string{"192x192 image/png any", "512x512 image/png any", "512x512 image/png maskable", "any image/svg+xml any"} {
		if !have[want] {
			t.Errorf("manifest has no %s icon", want)
		}
	}
}

// TestManifestInSpanish: the Spanish pages' manifest names and describes
// the app in Spanish and starts it at /es, as the same app (one id).
func TestManifestInSpanish(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	read := func(path string) map[string]any {
		w := get(t, h, "GET", path, nil)
		if w.Code != 200 || w.Header().Get("Content-Type") != "application/manifest+json" {
			t.Fatalf("GET %s: %d %s", path, w.Code, w.Header().Get("Content-Type"))
		}
		var m map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	en, es := read("/manifest.webmanifest"), read("/es/manifest.webmanifest")
	if es["lang"] != "es" || es["start_url"] != "/es" || es["id"] != en["id"] || es["description"] != ui.RouteFor("/es").Description || es["description"] == en["description"] {
		t.Errorf("Spanish manifest = %v", es)
	}
}

// TestWellKnownFilesIgnoreTheHostHeader: go-app would fetch these from
// whatever host a request names. Here they are answered locally and name the
// configured base URL only.
func TestWellKnownFilesIgnoreTheHostHeader(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	for _, p := range []string{"/robots.txt", "/sitemap.xml", "/ads.txt"} {
		r := get(t, h, "GET", p, map[string]string{"Host": "attacker.example"})
		if r.Code != 200 {
			t.Errorf("GET %s: %d", p, r.Code)
		}
		if strings.Contains(r.Body.String(), "attacker") {
			t.Errorf("GET %s reflects the Host header:\n%s", p, r.Body)
		}
	}
	// The request's Host must not matter at all: same bytes either way.
	a := get(t, h, "GET", "/sitemap.xml", map[string]string{"Host": "attacker.example"}).Body.String()
	b := get(t, h, "GET", "/sitemap.xml", nil).Body.String()
	if a != b {
		t.Error("sitemap.xml depends on the Host header")
	}

	var set struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(b), &set); err != nil {
		t.Fatal(err)
	}
	var listed []ui.Route // every page but "not found"
	for _, r := range ui.AllRoutes() {
		if r.Page != ui.NotFoundPath {
			listed = append(listed, r)
		}
	}
	if len(set.URLs) != len(listed) {
		t.Fatalf("sitemap has %d URLs, want %d", len(set.URLs), len(listed))
	}
	for i, r := range listed {
		if set.URLs[i].Loc != testBaseURL+r.Path {
			t.Errorf("sitemap URL %d = %q, want %q", i, set.URLs[i].Loc, testBaseURL+r.Path)
		}
		alt := ui.Alternates(r.Page)
		if len(set.URLs[i].Links) != len(alt) {
			t.Errorf("sitemap URL %s has %d alternates, want %d", r.Path, len(set.URLs[i].Links), len(alt))
		}
		for _, l := range set.URLs[i].Links {
			if l.Href != testBaseURL+alt[l.Hreflang] {
				t.Errorf("sitemap URL %s: alternate %s is %q", r.Path, l.Hreflang, l.Href)
			}
		}
	}
	if robots := get(t, h, "GET", "/robots.txt", nil).Body.String(); !strings.Contains(robots, "Sitemap: "+testBaseURL+"/sitemap.xml") {
		t.Errorf("robots.txt = %q", robots)
	}
}

func TestHealthz(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	w := get(t, s.Handler(quietLogger), "GET", "/healthz", nil)
	var got map[string]string
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
		t.Fatalf("GET /healthz: %d %s", w.Code, w.Body)
	}
	if got["status"] != "ok" || got["version"] != s.Version() {
		t.Errorf("healthz = %v", got)
	}
}

func TestMethodsOtherThanGetAndHeadAreRefused(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		for _, p := range []string{"/", "/check", "/web/app.wasm", "/healthz", "/robots.txt"} {
			if w := get(t, h, m, p, nil); w.Code != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: %d, want 405", m, p, w.Code)
			}
		}
	}
	if w := get(t, h, "HEAD", "/web/icon.svg", nil); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD: %d with %d body bytes", w.Code, w.Body.Len())
	}
}

// TestLoaderProgressKnowsTheRealWasmSize: app.wasm goes out compressed, so
// app.js must divide by the uncompressed size, not by Content-Length.
func TestLoaderProgressKnowsTheRealWasmSize(t *testing.T) {
	dir := fakeWebDir(t)
	s := newTestSite(t, dir)
	fi, _ := os.Stat(filepath.Join(dir, wasmName))
	js := get(t, s.Handler(quietLogger), "GET", "/app.js", nil).Body.String()
	want := `const goappWasmContentLength = "` + strconv.FormatInt(fi.Size(), 10) + `";`
	if !strings.Contains(js, want) {
		t.Errorf("app.js lacks %s", want)
	}
}

func TestServiceWorkerPrecachesEveryRouteAndAsset(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	js := get(t, s.Handler(quietLogger), "GET", "/app-worker.js", nil).Body.String()
	m := regexp.MustCompile(`const resourcesToCache = (\[.*?\]);`).FindStringSubmatch(js)
	if m == nil {
		t.Fatalf("no resource list in the worker:\n%s", js)
	}
	var list []string
	if err := json.Unmarshal([]byte(m[1]), &list); err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, u := range list {
		have[u] = true
	}
	want := append(routePaths(), s.assets.URLs()...)
	want = append(want, "/app.js", "/app.css", "/wasm_exec.js", "/manifest.webmanifest")
	for _, u := range want {
		if !have[u] {
			t.Errorf("the worker does not precache %s", u)
		}
	}
	for _, want := range []string{
		`const cacheName = "aftercare-` + s.Version() + `";`,
		"event.waitUntil(",
		`cache: "no-cache"`,
		"ignoreSearch: true",
		`request.mode === "navigate"`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("the worker lacks %s", want)
		}
	}
}

func TestVersionComesFromTheContent(t *testing.T) {
	dir := fakeWebDir(t)
	v1 := newTestSite(t, dir).version
	if v2 := newTestSite(t, dir).version; v1 != v2 {
		t.Fatalf("same files, two versions: %s, %s (a restart must not look like an update)", v1, v2)
	}
	writeFile(t, filepath.Join(dir, "aftercare.css"), []byte("body{}"))
	if v3 := newTestSite(t, dir).version; v3 == v1 {
		t.Error("a changed asset kept the old version")
	}
	// The version reaches the browser.
	s := newTestSite(t, dir)
	if js := get(t, s.Handler(quietLogger), "GET", "/app.js", nil).Body.String(); !strings.Contains(js, `"GOAPP_VERSION":"`+s.Version()+`"`) {
		t.Error("app.js does not carry the version")
	}
}

func TestServeDrainsRequestsInFlight(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		w.Write([]byte("done"))
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, slow, quietLogger) }()

	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		defer resp.Body.Close()
		b := make([]byte, 4)
		n, _ := resp.Body.Read(b)
		got <- string(b[:n])
	}()
	<-started
	cancel() // as SIGTERM does
	if err := <-served; err != nil {
		t.Fatalf("serve returned %v, want nil after a clean drain", err)
	}
	if body := <-got; body != "done" {
		t.Errorf("request in flight got %q, want it to finish", body)
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}

// TestGuidePagesArePrerendered: each guide page, straight from the server
// without running the app, holds its section's text.
func TestGuidePagesArePrerendered(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	for _, sec := range set.Guide {
		body := get(t, h, "GET", "/guide/"+sec.ID, nil).Body.String()
		want := []string{set.In(sec.Title, "en"), set.In(sec.Intro, "en"), "<title>" + html.EscapeString(set.In(sec.Title, "en")) + " · Aftercare</title>"}
		for _, it := range sec.Items {
			want = append(want, set.In(it.Title, "en"), set.In(it.Body, "en"))
		}
		for _, w := range want {
			if !strings.Contains(body, html.EscapeString(w)) && !strings.Contains(body, w) {
				t.Errorf("/guide/%s lacks %q", sec.ID, w)
			}
		}
		if !strings.Contains(get(t, h, "GET", "/guide", nil).Body.String(), `href="/guide/`+sec.ID+`"`) {
			t.Errorf("/guide does not link to %s", sec.ID)
		}
	}
}

// TestSecurityHeadersOnEveryResponse: pages, assets, well-known files,
// errors: all carry the same headers.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	for _, tt := range []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/guide/causes"}, {"GET", "/web/app.wasm"}, {"GET", "/app.js"}, {"GET", "/app-worker.js"},
		{"GET", "/healthz"}, {"GET", "/robots.txt"}, {"GET", "/manifest.webmanifest"}, {"GET", "/nope"}, {"POST", "/"},
		{"GET", "/web/../go.mod"},
	} {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			w := get(t, h, tt.method, tt.path, nil)
			csp := w.Header().Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'self'", "object-src 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("%s %s: CSP lacks %q: %q", tt.method, tt.path, want, csp)
				}
			}
			for _, bad := range []string{"unsafe-inline", "unsafe-eval'", "*"} {
				if strings.Contains(strings.ReplaceAll(csp, "wasm-unsafe-eval", ""), bad) {
					t.Errorf("%s %s: CSP allows %s", tt.method, tt.path, bad)
				}
			}
			for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"} {
				if got := w.Header().Get(k); got != v {
					t.Errorf("%s %s: %s = %q", tt.method, tt.path, k, got)
				}
			}
			// web-share is no Permissions-Policy feature Chromium knows: it logs
			// an error on every page.
			if pp := w.Header().Get("Permissions-Policy"); !strings.Contains(pp, "camera=()") || !strings.Contains(pp, "geolocation=()") || strings.Contains(pp, "web-share") {
				t.Errorf("%s %s: Permissions-Policy %q", tt.method, tt.path, pp)
			}
			if w.Header().Get("Strict-Transport-Security") != "" {
				t.Errorf("%s %s: HSTS without TLS", tt.method, tt.path)
			}
		})
	}
	tls, err := New(Config{WebDir: fakeWebDir(t), BaseURL: testBaseURL, HSTS: true, FrameAncestors: []string{"https://clinic.example"}})
	if err != nil {
		t.Fatal(err)
	}
	w := get(t, tls.Handler(quietLogger), "GET", "/", nil)
	if !strings.HasPrefix(w.Header().Get("Strict-Transport-Security"), "max-age=") {
		t.Error("no HSTS when told the site runs behind TLS")
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self' https://clinic.example") {
		t.Errorf("frame-ancestors from the config: %q", csp)
	}
}

func TestEmbedScript(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	w := get(t, s.Handler(quietLogger), "GET", "/embed.js", nil)
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/javascript") {
		t.Fatalf("GET /embed.js: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if got := w.Header().Get("Cross-Origin-Resource-Policy"); got != "cross-origin" {
		t.Errorf("CORP %q: a clinic's page could not load the script", got)
	}
	for _, want := range []string{"event.origin !== origin", "frame.contentWindow !== event.source", `frame.loading = "lazy"`, "embed=1", "allow-scripts allow-same-origin allow-popups"} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("embed.js lacks %s", want)
		}
	}
	if other := get(t, s.Handler(quietLogger), "GET", "/app.js", nil); other.Header().Get("Cross-Origin-Resource-Policy") != "same-origin" {
		t.Error("other files are not kept same-origin")
	}
}

// TestEveryTextFileServedCompressed: go-app's own scripts (app.js,
// wasm_exec.js, the worker), the manifests and the embed script are served
// compressed like the pages, and decode to the same bytes.
func TestEveryTextFileServedCompressed(t *testing.T) {
	h := newTestSite(t, fakeWebDir(t)).Handler(quietLogger)
	for _, p := range []string{"/app.js", "/wasm_exec.js", "/app-worker.js", "/app.css", "/manifest.webmanifest", "/es/manifest.webmanifest", "/embed.js", "/sitemap.xml"} {
		plain := get(t, h, "GET", p, nil)
		if plain.Code != 200 || plain.Body.Len() < 500 {
			t.Fatalf("%s: %d, %d bytes", p, plain.Code, plain.Body.Len())
		}
		w := get(t, h, "GET", p, map[string]string{"Accept-Encoding": "br, gzip"})
		if got := w.Header().Get("Content-Encoding"); got != "br" {
			t.Errorf("%s: Content-Encoding %q, want br", p, got)
			continue
		}
		if body, _ := io.ReadAll(brotli.NewReader(w.Body)); !bytes.Equal(body, plain.Body.Bytes()) {
			t.Errorf("%s: the brotli body does not decode to the file", p)
		}
	}
}

// TestEveryPageServedCompressed: every route's HTML comes back brotli or
// gzip as the request accepts, with Vary, and decodes to the same page.
func TestEveryPageServedCompressed(t *testing.T) {
	h := newTestSite(t, fakeWebDir(t)).Handler(quietLogger)
	for _, route := range routePaths() {
		plain := get(t, h, "GET", route, nil)
		if plain.Code != 200 || !strings.HasPrefix(plain.Header().Get("Content-Type"), "text/html") {
			t.Fatalf("%s: %d %s", route, plain.Code, plain.Header().Get("Content-Type"))
		}
		for accept, enc := range map[string]string{"br, gzip": "br", "gzip": "gzip"} {
			w := get(t, h, "GET", route, map[string]string{"Accept-Encoding": accept})
			if got := w.Header().Get("Content-Encoding"); got != enc || !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s with Accept-Encoding %q: Content-Encoding %q, Vary %q; want %s", route, accept, got, w.Header().Get("Vary"), enc)
				continue
			}
			var body []byte
			if enc == "br" {
				body, _ = io.ReadAll(brotli.NewReader(w.Body))
			} else {
				zr, err := gzip.NewReader(w.Body)
				if err != nil {
					t.Fatal(err)
				}
				body, _ = io.ReadAll(zr)
			}
			if !bytes.Equal(body, plain.Body.Bytes()) {
				t.Errorf("%s: the %s body does not decode to the page", route, enc)
			}
		}
	}
}

// TestShutdownWithAStalledClient: a request still running at the deadline
// is cut and serve returns nil (the binary exits 0), as the README says.
func TestShutdownWithAStalledClient(t *testing.T) {
	old := ShutdownTimeout
	ShutdownTimeout = 300 * time.Millisecond
	t.Cleanup(func() { ShutdownTimeout = old })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stall := make(chan struct{})
	t.Cleanup(func() { close(stall) })
	started := make(chan struct{})
	var once sync.Once
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(started) })
		<-stall
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, h, quietLogger) }()
	go http.Get("http://" + ln.Addr().String() + "/")
	<-started // the request is in the handler: it will stall past the deadline
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after cutting a stalled request, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return")
	}
}

// TestEmbedScriptSpeaksEveryLanguage: embed.js carries the frame's title
// and the fallback link in every language, from the rules' words.
func TestEmbedScriptSpeaksEveryLanguage(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	js := get(t, s.Handler(quietLogger), "GET", "/embed.js", nil).Body.String()
	set, _ := rules.Default()
	for _, l := range set.Locales {
		for _, key := range []string{"embed_title", "embed_link"} {
			if w := set.Say(key, l); !strings.Contains(js, w) {
				t.Errorf("embed.js lacks %s in %s: %q", key, l, w)
			}
		}
	}
	if strings.Contains(js, embedWordsMark) {
		t.Error("embed.js still has its mark: the words were not written in")
	}
}

// TestEachLanguagesWordsAreServed: the words app.wasm fetches for each
// language are served from web/lang/ exactly as `aftercare rules build`
// wrote them (the built-in rules' bundle, not rebuilt by the server),
// under 48 KB after brotli (as the README says), and brotli from the .br
// beside them where there is one, as every asset.
func TestEachLanguagesWordsAreServed(t *testing.T) {
	dir := fakeWebDir(t)
	set, _ := rules.Default()
	built, err := set.Build()
	if err != nil {
		t.Fatal(err)
	}
	br := brotliBytes(built.Words["es"])
	writeFile(t, filepath.Join(dir, "lang", rules.WordsFile("es")+brotliExt), br)
	h := newTestSite(t, dir).Handler(quietLogger)
	for _, l := range set.Locales {
		w := get(t, h, "GET", ui.BundlePath(l), nil)
		if w.Code != 200 || !bytes.Equal(w.Body.Bytes(), built.Words[l]) {
			t.Errorf("%s: %d, %d bytes, not the words file rules build writes", ui.BundlePath(l), w.Code, w.Body.Len())
		}
		if b, err := rules.ParseWords(w.Body.Bytes(), l); err != nil || len(b.Words) < 250 {
			t.Errorf("%s is not the rules in %s: %v", ui.BundlePath(l), l, err)
		}
		if n := len(brotliBytes(w.Body.Bytes())); n > 48<<10 {
			t.Errorf("%s: %d bytes after brotli, over 48 KB", ui.BundlePath(l), n)
		}
	}
	w := get(t, h, "GET", ui.BundlePath("es"), map[string]string{"Accept-Encoding": "br"})
	if w.Header().Get("Content-Encoding") != "br" || !bytes.Equal(w.Body.Bytes(), br) {
		t.Errorf("%s with its .br: %q, %d bytes", ui.BundlePath("es"), w.Header().Get("Content-Encoding"), w.Body.Len())
	}
}

// TestNewWantsTheWordsFiles: a web folder without a language's words file
// stops the server at start, naming the file and how to make it.
func TestNewWantsTheWordsFiles(t *testing.T) {
	dir := fakeWebDir(t)
	if err := os.Remove(filepath.Join(dir, "lang", rules.WordsFile("es"))); err != nil {
		t.Fatal(err)
	}
	_, err := New(Config{WebDir: dir, BaseURL: testBaseURL})
	if want := filepath.Join(dir, "lang", "es.json") + " is missing: build the rules first (make rules)"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
