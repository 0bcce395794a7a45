package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestStaticExportHasEveryRouteAndAsset exports the site and checks that each
// URL the service worker precaches exists as a file a static host serves
// with clean URLs (/guide from guide.html).
func TestStaticExportHasEveryRouteAndAsset(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	out := t.TempDir()
	if err := s.ExportStatic(out); err != nil {
		t.Fatal(err)
	}
	worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const resourcesToCache = (\[.*?\]);`).FindSubmatch(worker)
	if m == nil {
		t.Fatal("no precache list in the exported worker")
	}
	var urls []string
	json.Unmarshal(m[1], &urls)
	if len(urls) < len(routePaths())+len(s.assets.files) {
		t.Fatalf("the exported worker precaches only %v", urls)
	}
	for _, u := range append(urls, "/robots.txt", "/sitemap.xml", "/ads.txt", "/embed.js") {
		name := strings.TrimPrefix(u, "/")
		switch {
		case u == "/":
			name = "index.html"
		case filepath.Ext(name) == "":
			name += ".html"
		}
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			t.Errorf("%s: no %s in the export", u, name)
		}
	}
	// app.js as the server serves it: the worker registered later.
	if js, err := os.ReadFile(filepath.Join(out, "app.js")); err != nil || !strings.Contains(string(js), "\naftercareRegisterWorkerWhenReady();\n") {
		t.Errorf("the exported app.js registers the worker first thing (%v)", err)
	}
	// Each language's words, as `aftercare rules build` wrote them.
	for _, l := range []string{"en", "es"} {
		got, err := os.ReadFile(filepath.Join(out, "web", "lang", l+".json"))
		want, _ := os.ReadFile(filepath.Join("..", "..", "..", "web", "lang", l+".json"))
		if err != nil || len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("the export's web/lang/%s.json is not the words file rules build wrote (%v)", l, err)
		}
	}

	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), "Get help now") {
		t.Error("index.html is not the prerendered home page")
	}
	guide, _ := os.ReadFile(filepath.Join(out, "guide.html"))
	if !strings.Contains(string(guide), "Recovery guide") {
		t.Error("guide.html is not the prerendered guide")
	}
	manifest, _ := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	if !strings.Contains(string(manifest), `"lang": "en"`) {
		t.Errorf("the export has go-app's manifest, not ours:\n%s", manifest)
	}
	if strings.Contains(string(worker)+string(index), "githubusercontent") {
		t.Error("the export points at go-app's remote icons")
	}

	// Precompressed files beside the originals, for the host to serve.
	for _, name := range []string{"index.html", "app.js", "web/app.wasm", "web/aftercare.css"} {
		orig, _ := os.ReadFile(filepath.Join(out, name))
		gz, err := os.ReadFile(filepath.Join(out, name+".gz"))
		if err != nil {
			t.Errorf("no %s.gz", name)
			continue
		}
		zr, _ := gzip.NewReader(bytes.NewReader(gz))
		if got, _ := io.ReadAll(zr); !bytes.Equal(got, orig) {
			t.Errorf("%s.gz does not decode to %s", name, name)
		}
		if br, err := os.ReadFile(filepath.Join(out, name+".br")); err != nil || !unbrotliEquals(br, orig) {
			t.Errorf("%s.br missing or wrong", name)
		}
	}
	// Host configuration with the server's own headers.
	headers, _ := os.ReadFile(filepath.Join(out, "_headers"))
	nginx, _ := os.ReadFile(filepath.Join(out, "nginx.conf.example"))
	for _, want := range []string{"Content-Security-Policy: " + s.contentSecurityPolicy(), "X-Content-Type-Options: nosniff", "Cache-Control: no-cache", "/embed.js\n  ! Cross-Origin-Resource-Policy\n  Cross-Origin-Resource-Policy: cross-origin"} {
		if !strings.Contains(string(headers), want) {
			t.Errorf("_headers lacks %q", want)
		}
	}
	for _, want := range []string{`add_header Content-Security-Policy "` + s.contentSecurityPolicy() + `" always;`, "try_files $uri $uri.html $uri/index.html =404;", "gzip_static on;", "application/wasm wasm;"} {
		if !strings.Contains(string(nginx), want) {
			t.Errorf("nginx.conf.example lacks %q", want)
		}
	}
}
