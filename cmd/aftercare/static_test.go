//go:build !wasm

package main

import (
	"encoding/json"
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
	if err := s.exportStatic(out); err != nil {
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
}
