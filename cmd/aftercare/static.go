//go:build !wasm

package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// exportStatic writes the whole site into dir for a static host: every route
// as NAME.html (index.html for "/"), go-app's files, the worker, and the files
// this server answers itself (assets, manifest, robots, sitemap, ads.txt).
// The host must serve clean URLs: /guide from guide.html.
func (s *site) exportStatic(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(dir, s.newPageHandler(), routePaths()...); err != nil {
		return fmt.Errorf("exporting pages: %w", err)
	}
	files := map[string][]byte{
		"manifest.webmanifest": s.manifest,
		"manifest.json":        s.manifest,
		"robots.txt":           s.robotsTxt(),
		"sitemap.xml":          s.sitemapXML(),
		"ads.txt":              adsTxt(),
		"embed.js":             []byte(embedJS),
	}
	for _, name := range s.assets.names() {
		files[filepath.Join("web", filepath.FromSlash(name))] = s.assets.files[name].body
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			return err
		}
	}
	return nil
}
