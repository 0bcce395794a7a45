package site

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	ui "aftercare/app"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
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
