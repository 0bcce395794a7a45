package site

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"aftercare/rules"
)

// Hardening 3: what an outside attack found, as a person's browser meets it.

// nowhere keeps a tab's requests on this machine: any host but the
// loopback address resolves to nothing, so a redirect to another site
// fails (and is seen) instead of leaving the machine.
var nowhere = chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1")

// TestBrowserAnyAddressStartsTheApp: addresses that Go's url.Parse cannot
// read (a stray "%": /welcome#v=1%, /welcome#%, /check#%zz) stopped
// app.wasm before it mounted. Now each starts the app and Start works,
// online and offline; such a card link is a damaged link, so the card kept
// before is forgotten and the next check does not take its date.
func TestBrowserAnyAddressStartsTheApp(t *testing.T) {
	_, srv, tb := appTab(t)
	card := rules.Card{Date: time.Now().AddDate(0, 0, -1).Format("2006-01-02")}.Encode()
	keep := func() {
		t.Helper()
		tb.do(t, chromedp.Navigate(srv.URL+"/welcome#"+card), waitReady())
		tb.waitFor(t, 10*time.Second, `!!document.getElementById("card-details") && localStorage.getItem("aftercare.card") !== null`)
	}
	try := func(addr string) {
		t.Helper()
		tb.open(t, "/") // another page first: a new fragment alone loads nothing
		tb.do(t, chromedp.Navigate(srv.URL+addr))
		tb.waitFor(t, 15*time.Second, `document.documentElement.hasAttribute("data-app-ready")`)
		if eval[bool](t, tb, `location.pathname === "/welcome"`) {
			tb.waitFor(t, 10*time.Second, `!!document.getElementById("card-problem")`)
			if eval[bool](t, tb, `localStorage.getItem("aftercare.card") !== null || !!document.getElementById("card-details")`) {
				t.Errorf("%s: the card kept before is still used", addr)
			}
			// Start on the welcome page opens the check at its first question.
			tb.tapTo(t, "#card-check", `!!document.querySelector("[data-question]")`)
			return
		}
		tb.checkGoesOn(t)
	}
	tb.open(t, "/")
	tb.waitControlled(t)
	for _, addr := range []string{"/welcome#v=1%", "/welcome#%", "/check#%zz"} {
		keep()
		try(addr)
	}
	// A stray "%" typed into the address of the page (popstate): the app
	// reads it repaired and still answers.
	eval[bool](t, tb, `(location.hash = "%", true)`)
	tb.waitFor(t, 10*time.Second, `location.hash === "#%25"`)
	tb.checkGoesOn(t)
	tb.onlyDamagedCards(t)

	// Offline, from the worker's copies.
	keep()
	srv.Stop()
	for _, addr := range []string{"/welcome#%", "/check#%zz"} {
		try(addr)
	}
	tb.onlyDamagedCards(t)
}

// onlyDamagedCards fails the test on any console error but the app's own
// word that a card link was damaged (a panic, an exception), or a request
// that left the origin.
func (tb *tab) onlyDamagedCards(t *testing.T) {
	t.Helper()
	for _, e := range tb.takeErrors() {
		if !strings.HasPrefix(e, `console.error: "aftercare: card: `) {
			t.Errorf("console: %s", e)
		}
	}
	if f := tb.foreignRequests(); len(f) > 0 {
		t.Errorf("requests left the origin: %v", f)
	}
}

// checkGoesOn starts the check, or answers its question, and waits for the
// app to show the next question: the app is alive.
func (tb *tab) checkGoesOn(t *testing.T) {
	t.Helper()
	tb.waitFor(t, 10*time.Second, `(b => !!b && b.type === "button")(document.getElementById("start-check")) || !!document.querySelector("[data-question]")`)
	if eval[bool](t, tb, `!!document.getElementById("start-check")`) {
		tb.clickStart(t)
		tb.waitFor(t, 10*time.Second, `!!document.querySelector("[data-question]")`)
		return
	}
	q := eval[string](t, tb, `document.querySelector("[data-question]").dataset.question`)
	tb.tapTo(t, "[data-question] button.option", `(q => !q || q.dataset.question !== `+jsonString(q)+`)(document.querySelector("[data-question]"))`)
}

// securityHeaders are the headers every response of the nginx example
// carries.
var securityHeaders = []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security", "Cross-Origin-Resource-Policy"}

// TestBrowserStaticNginxHardening: the shipped nginx example, in a real nginx.
// Its brotli and gzip files say Vary: Accept-Encoding; every header, CORP
// too, under /es/; nginx's own errors (a bad escape, headers too large, an
// unknown method, a bad version, OPTIONS *) carry the headers; /web/ and
// an unknown /web/ name get the "page not found" page with 404.
func TestBrowserStaticNginxHardening(t *testing.T) {
	needE2E(t)
	s := realSite(t, Config{})
	dir := t.TempDir()
	if err := s.ExportStatic(dir); err != nil {
		t.Fatal(err)
	}
	origin, _ := startNginx(t, dir)
	addr := strings.TrimPrefix(origin, "http://")
	get := func(path, enc string) *http.Response {
		t.Helper()
		h := ""
		if enc != "" {
			h = "Accept-Encoding: " + enc + "\r\n"
		}
		return rawRequest(t, addr, "GET "+path+" HTTP/1.1\r\nHost: localhost\r\n"+h+"Connection: close\r\n\r\n")
	}
	for _, path := range []string{"/", "/es/check", "/web/aftercare.css", "/web/app.wasm"} {
		for _, enc := range []string{"br", "gzip"} {
			resp := get(path, enc)
			if resp.Header.Get("Content-Encoding") != enc || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("GET %s (%s): Content-Encoding %q, Vary %q", path, enc, resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"))
			}
		}
	}
	for _, path := range []string{"/es", "/es/check", "/es/no/such/page", "/es/manifest.webmanifest"} {
		if corp := get(path, "").Header.Get("Cross-Origin-Resource-Policy"); corp != "same-origin" {
			t.Errorf("GET %s: Cross-Origin-Resource-Policy %q", path, corp)
		}
	}
	big := "X-Big: " + strings.Repeat("a", 64<<10) + "\r\n"
	for name, req := range map[string]string{
		"GET /%zz":        "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
		"headers too big": "GET / HTTP/1.1\r\nHost: localhost\r\n" + big + "Connection: close\r\n\r\n",
		"an unknown verb": "BREW / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
		"HTTP/3.0":        "GET / HTTP/3.0\r\nHost: localhost\r\nConnection: close\r\n\r\n",
		"OPTIONS *":       "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
		"no Host":         "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
	} {
		resp := rawRequest(t, addr, req)
		if resp.StatusCode < 400 {
			t.Errorf("%s: %d, want an error", name, resp.StatusCode)
		}
		for _, h := range securityHeaders {
			if resp.Header.Get(h) == "" {
				t.Errorf("%s (%d): no %s", name, resp.StatusCode, h)
			}
		}
	}
	for _, path := range []string{"/web/", "/web/nope.css", "/web/clinic/nope.svg"} {
		resp := get(path, "")
		if resp.StatusCode != http.StatusNotFound || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: %d %q, want 404 with the page not found", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
}

// TestBrowserLanguageRedirectStaysHome: with English chosen on the
// device, an address under /es/ whose rest starts with "/"
// (/es//evil.example/x) made web/lang.js replace the page with
// "//evil.example/x", another site. Now the page in English stays on this
// origin: from the Go server, offline from the worker, and from the
// static export behind the nginx example.
func TestBrowserLanguageRedirectStaysHome(t *testing.T) {
	needE2E(t)
	s := realSite(t, Config{})
	srv := startServer(t, s.Handler(quietLogger))
	tb := newTab(t, srv.URL, nowhere)
	tb.open(t, "/")
	eval[bool](t, tb, `(localStorage.setItem("aftercare.lang", "en"), true)`)
	tb.waitControlled(t)
	tb.staysHome(t, "Go server")
	srv.Stop()
	tb.staysHome(t, "offline")

	dir := t.TempDir()
	if err := s.ExportStatic(dir); err != nil {
		t.Fatal(err)
	}
	origin, _ := startNginx(t, dir)
	nx := newTab(t, origin, nowhere)
	nx.open(t, "/")
	eval[bool](t, nx, `(localStorage.setItem("aftercare.lang", "en"), true)`)
	nx.staysHome(t, "nginx")
}

// staysHome opens /es//evil.example/x and waits for the page in English
// on the tab's origin.
func (tb *tab) staysHome(t *testing.T, where string) {
	t.Helper()
	tb.do(t, chromedp.Navigate(tb.origin+"/es//evil.example/x"))
	tb.waitFor(t, 15*time.Second, `location.origin !== `+jsonString(tb.origin)+` || (document.documentElement.lang === "en" && document.readyState === "complete")`)
	if got := eval[string](t, tb, `location.href`); !strings.HasPrefix(got, tb.origin+"/") {
		t.Errorf("%s: /es//evil.example/x went to %s", where, got)
	}
	if f := tb.foreignRequests(); len(f) > 0 {
		t.Errorf("%s: requests left the origin: %v", where, f)
	}
}
