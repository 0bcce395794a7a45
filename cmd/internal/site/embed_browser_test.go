package site

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"aftercare/app/clinic"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// frameTab attaches to the iframe whose URL contains part.
func (tb *tab) frameTab(t *testing.T, part, origin string) *tab {
	t.Helper()
	for range 50 {
		infos, err := chromedp.Targets(tb.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && strings.Contains(info.URL, part) {
				ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(info.TargetID))
				t.Cleanup(cancel)
				return &tab{ctx: ctx, origin: origin, encodings: map[string]string{}, scriptTaps: true}
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("no iframe target with %q", part)
	return nil
}

// clinicPage serves a clinic's own web page, with the embed snippet, on
// another loopback address (another origin), and returns its origin.
func clinicPage(t *testing.T, addr, appURL string) string {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("cannot listen on %s: %v", addr, err)
	}
	page := fmt.Sprintf(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Street Clinic</title></head>
<body><main><h1>Harbour Street Clinic</h1><p>Sore after your massage? Check here.</p>
<div data-aftercare data-start="/check" data-height="300"></div></main>
<script src="%s/embed.js" async></script></body></html>`, appURL)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

func TestBrowserEmbed(t *testing.T) {
	needE2E(t)
	// The clinic's origin must be known before the profile: reserve it.
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 here: %v", err)
	}
	clinicOrigin := "http://" + ln.Addr().String()
	ln.Close()

	p, _, err := clinic.Load(writeProfile(t, "name: Harbour Street Clinic\nshort_name: Harbour St\nembed_origins: ["+clinicOrigin+"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := realSite(t, Config{Profile: &p})
	app := startServer(t, s.Handler(quietLogger))

	clinicPage(t, strings.TrimPrefix(clinicOrigin, "http://"), app.URL)

	tb := newTab(t, clinicOrigin)
	tb.do(t, chromedp.Navigate(clinicOrigin+"/"), chromedp.WaitReady(chromedp.CSS("iframe")))
	type frame struct {
		Src, Title, Loading, Sandbox string
		Height                       int
	}
	f := eval[frame](t, tb, `(() => { const f = document.querySelector("iframe");
		return {Src: f.src, Title: f.title, Loading: f.loading, Sandbox: f.getAttribute("sandbox"), Height: parseInt(f.style.height)}; })()`)
	if f.Src != app.URL+"/check?embed=1" || f.Title == "" || f.Loading != "lazy" || !strings.Contains(f.Sandbox, "allow-scripts allow-same-origin allow-popups") {
		t.Errorf("iframe = %+v", f)
	}
	// The app inside tells the page its height: the iframe grows to fit.
	tb.waitFor(t, screenWait, `parseInt(document.querySelector("iframe").style.height) > 400`)
	tb.axe(t, "clinic page with the app embedded")

	// Inside the frame (its own target: another origin, another process), a
	// person completes the check in the compact layout.
	in := tb.frameTab(t, "embed=1", app.URL)
	in.do(t, waitReady())
	if !eval[bool](t, in, `document.documentElement.classList.contains("embedded") && !document.querySelector(".site-header")`) {
		t.Error("the embedded app shows the full site's chrome")
	}
	if href := eval[string](t, in, `document.querySelector(".site-footer a").getAttribute("target")`); href != "_blank" {
		t.Errorf("no link out to the full app (%q)", href)
	}
	before := eval[int](t, tb, `parseInt(document.querySelector("iframe").style.height)`)
	in.waitFor(t, screenWait, `document.getElementById("start-check").type === "button"`)
	in.tapAndWait(t, "#start-check", screenAfter(""))
	if got := in.walk(t, checkWalk{answers: levelCases["doctor"], domClick: true}); got.Level != "doctor" {
		t.Errorf("the check inside the frame ended at %s", got.Level)
	}
	tb.waitFor(t, screenWait, fmt.Sprintf(`parseInt(document.querySelector("iframe").style.height) !== %d`, before))

	// The frame follows the content down as well: from the long advice to
	// the short intro, the clinic's page is left with no blank box.
	long := eval[int](t, tb, `parseInt(document.querySelector("iframe").style.height)`)
	in.tapAndWait(t, "#restart", `!!document.getElementById("confirm-yes")`)
	in.tapAndWait(t, "#confirm-yes", `!!document.querySelector('[data-question="age"]')`)
	tb.waitFor(t, screenWait, fmt.Sprintf(`parseInt(document.querySelector("iframe").style.height) < %d - 200`, long))
	if h, inner := eval[int](t, tb, `parseInt(document.querySelector("iframe").style.height)`), eval[int](t, in, `Math.ceil(document.querySelector(".frame").getBoundingClientRect().height)`); h < inner || h > inner+2 {
		t.Errorf("the frame is %dpx for %dpx of content", h, inner)
	}

	// A page the profile does not list cannot frame the app: the frame
	// keeps its first height (every change to it is recorded) until the
	// page gives up waiting for the app's hello and offers, instead of a
	// broken box, a link that opens the app.
	other := clinicPage(t, "127.0.0.3:0", app.URL)
	tb.origin = other
	tb.takeErrors()
	call(t, tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__frameHeights = [];
		new MutationObserver(ms => { for (const m of ms) { if (m.target.tagName === "IFRAME") window.__frameHeights.push(m.target.style.height); } })
			.observe(document, {subtree: true, attributes: true, attributeFilter: ["style"]});`})
	tb.doAndWait(t, `window.__frameHeights.length > 0 || (!document.querySelector("iframe") && !!document.querySelector(".aftercare-fallback a"))`,
		chromedp.Navigate(other+"/"))
	if hs := eval[[]string](t, tb, `window.__frameHeights`); len(hs) > 0 {
		t.Fatalf("an origin not in the profile got the app to size its frame (%v)", hs)
	}
	if href := eval[string](t, tb, `document.querySelector(".aftercare-fallback a").href`); href != app.URL+"/check" {
		t.Errorf("the fallback link opens %q", href)
	}
	refused := false
	for _, e := range tb.takeErrors() {
		refused = refused || strings.Contains(e, "frame-ancestors")
	}
	if !refused {
		t.Error("Chromium did not refuse to frame the app for an origin not in the profile")
	}
}
