package site

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ui "aftercare/app"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// cleanURLs is a plain file server, as a static host is, with the one rule
// the export needs: /guide is answered by guide.html.
func cleanURLs(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := r.URL.Path; p != "/" && filepath.Ext(p) == "" {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)+".html")); err == nil {
				r.URL.Path = p + ".html"
			}
		}
		files.ServeHTTP(w, r)
	})
}

// TestBrowserStaticExport serves `aftercare static` from a plain file
// server: every route mounts, the app is installable, and every route
// reloads with the server gone.
func TestBrowserStaticExport(t *testing.T) {
	needE2E(t)
	s := realSite(t, Config{})
	out := t.TempDir()
	if err := s.ExportStatic(out); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, cleanURLs(out))
	tb := newTab(t, srv.URL)
	for _, r := range ui.AllRoutes() {
		tb.open(t, r.Path)
	}
	tb.waitControlled(t)
	for _, e := range call(t, tb, page.GetInstallabilityErrors, cdp.Empty{}).InstallabilityErrors {
		t.Errorf("not installable from the static export: %s %v", e.ErrorID, e.ErrorArguments)
	}
	tb.noErrors(t)
	srv.Stop()
	for _, r := range ui.AllRoutes() {
		tb.open(t, r.Path)
		if title := eval[string](t, tb, "document.title"); title != r.Title {
			t.Errorf("offline %s from the export: title %q", r.Path, title)
		}
	}
	for _, e := range tb.takeErrors() {
		t.Errorf("offline console: %s", e)
	}
}

// TestBrowserStaticStartBeforeReady: from the static export, which cannot
// answer "/check?start=1" with the first question, Start tapped before the
// app is ready (for someone else) says the check is still loading, and the
// check starts, for them, once the app is ready.
func TestBrowserStaticStartBeforeReady(t *testing.T) {
	needE2E(t)
	out := t.TempDir()
	if err := realSite(t, Config{}).ExportStatic(out); err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	srv := startServer(t, holdWasm(cleanURLs(out), release))
	tb := newTab(t, srv.URL)
	tb.do(t, chromedp.Navigate(srv.URL+"/check"))
	tb.waitFor(t, 30*time.Second, `document.readyState === "complete" && !!document.getElementById("start-check")`)
	tb.do(t, tb.tap("#for-other"), tb.tap("#start-check"))
	tb.waitFor(t, 10*time.Second, `location.pathname === "/check" && new URLSearchParams(location.search).get("start") === "1" && location.search.includes("check-for=for-other")`)
	if !eval[bool](t, tb, `!document.getElementById("start-wait").hidden && document.getElementById("start-check").disabled`) {
		t.Error("Start before the app is ready does not say the check is still loading")
	}
	close(release)
	tb.waitFor(t, 60*time.Second, `document.documentElement.hasAttribute("data-app-ready") && !!document.querySelector("[data-question]")`)
	if h := eval[string](t, tb, `document.querySelector("h1").innerText`); !strings.Contains(h, "they") {
		t.Errorf("the check did not start for someone else: %q", h)
	}
	tb.noErrors(t)
}
