package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "aftercare/app"
)

// ExportStatic writes the whole site into dir for a static host: every route
// as NAME.html (index.html for "/"), go-app's files, the worker, and the files
// this server answers itself (assets, manifest, robots, sitemap, ads.txt).
// The host must serve clean URLs: /guide from guide.html.
func (s *Site) ExportStatic(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(dir, s.newPageHandler(), routePaths()...); err != nil {
		return fmt.Errorf("exporting pages: %w", err)
	}
	if err := s.finishExported(dir); err != nil {
		return err
	}
	files := map[string][]byte{
		"manifest.webmanifest": s.manifest,
		"manifest.json":        s.manifest,
		"robots.txt":           s.robotsTxt(),
		"sitemap.xml":          s.sitemapXML(),
		"ads.txt":              adsTxt(),
		"embed.js":             s.embedJS,
	}
	for l, m := range s.manifests {
		if p := manifestPath(l); p != defaultManifest {
			files[filepath.FromSlash(strings.TrimPrefix(p, "/"))] = m
		}
	}
	for _, name := range s.assets.names() {
		files[filepath.Join("web", filepath.FromSlash(name))] = s.assets.files[name].body
	}
	// Static hosts answer unknown paths with 404.html (Netlify, Cloudflare
	// Pages, GitHub Pages; nginx through error_page): the "not found" page.
	if notFound, err := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(ui.NotFoundPath, "/")+".html")); err == nil {
		files["404.html"] = notFound
	}
	files["_headers"] = s.headersFile()
	files["nginx.conf.example"] = s.nginxConf()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			return err
		}
	}
	return s.precompress(dir)
}

// finishExported makes the pages and app.js go-app wrote into dir as the
// server serves them (finishPage): the pages with their alternates in the
// other languages and their language's manifest, app.js registering the
// worker later, and each page marked as static (staticMeta).
func (s *Site) finishExported(dir string) error {
	files := map[string]string{"/app.js": "app.js"}
	for _, p := range routePaths() {
		files[p] = strings.TrimPrefix(p, "/") + ".html"
		if p == "/" {
			files[p] = "index.html"
		}
	}
	for p, name := range files {
		name = filepath.Join(dir, filepath.FromSlash(name))
		body, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("exporting pages: %w", err)
		}
		body = s.finishPage(p, body)
		if p != "/app.js" {
			body = bytes.Replace(body, []byte("</head>"), []byte(staticMeta+"</head>"), 1)
		}
		if err := os.WriteFile(name, body, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// staticMeta tells web/early-taps.js that the page is served by a static
// host, which answers "/check?start=1" with the intro, not the first
// question.
const staticMeta = `<meta name="aftercare-static" content="1">`

// precompress writes NAME.gz and NAME.br beside every compressible file of
// the export, for hosts that serve precompressed files (nginx gzip_static
// and brotli_static, most CDNs). app.wasm's brotli comes from the build.
func (s *Site) precompress(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressibleFile(p) {
			return err
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		f := s.assets.files[strings.TrimPrefix(filepath.ToSlash(rel), "web/")]
		gz, br := gzipBytes(body), []byte(nil)
		if f != nil && bytes.Equal(f.body, body) && f.brotli != nil {
			br = f.brotli
		} else if len(body) < 1<<20 {
			br = brotliBytes(body)
		}
		if len(gz) < len(body) {
			if err := os.WriteFile(p+".gz", gz, 0o644); err != nil {
				return err
			}
		}
		if br != nil && len(br) < len(body) {
			return os.WriteFile(p+brotliExt, br, 0o644)
		}
		return nil
	})
}

// headersFile sets the server's headers on hosts that read a _headers file
// (Netlify, Cloudflare Pages), with the server's Cache-Control: every file
// is revalidated, so an update reaches people at once.
func (s *Site) headersFile() []byte {
	var b strings.Builder
	b.WriteString("/*\n")
	for _, h := range s.headerList() {
		fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
	}
	b.WriteString("  Cache-Control: no-cache\n")
	b.WriteString("/embed.js\n  ! Cross-Origin-Resource-Policy\n  Cross-Origin-Resource-Policy: cross-origin\n")
	b.WriteString("/web/app.wasm\n  Content-Type: application/wasm\n")
	b.WriteString("/manifest.json\n  Content-Type: application/manifest+json\n")
	return []byte(b.String())
}

// nginxConf is an example server block with the same headers, clean URLs
// (/ from index.html), the precompressed files, the "not found" page, and
// none of the export's own files (this one, _headers, .br and .gz) served
// as pages. TestBrowserStaticNginx runs it in a real nginx.
func (s *Site) nginxConf() []byte {
	var headers strings.Builder
	for _, h := range s.headerList() {
		if h[0] != "Cross-Origin-Resource-Policy" {
			fmt.Fprintf(&headers, "    add_header %s \"%s\" always;\n", h[0], h[1])
		}
	}
	headers.WriteString("    add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;\n")
	headers.WriteString("    add_header Cache-Control \"no-cache\" always;\n")
	common := headers.String()
	inLocation := strings.ReplaceAll(common, "    add_header", "        add_header")
	return []byte(fmt.Sprintf(`# Aftercare on nginx: copy dist/ to /srv/aftercare and adapt the names.
# brotli_static needs the ngx_brotli module (Debian:
# libnginx-mod-http-brotli-static); without it, drop that line.
server {
    listen 443 ssl;
    server_name aftercare.example.org;
    root /srv/aftercare;

    gzip_static on;
    brotli_static on;
    # Vary: Accept-Encoding on the precompressed files (brotli_static
    # reads this one too), so no cache hands brotli to a client without it.
    gzip_vary on;
    types {
        text/html html;
        text/css css;
        text/javascript js;
        application/wasm wasm;
        application/manifest+json webmanifest json;
        image/svg+xml svg;
        image/png png;
        application/xml xml;
        text/plain txt;
    }
    error_page 404 /404.html;

    # The same headers as "aftercare serve". nginx drops the server's
    # add_header lines in a location that has its own, hence the repeats.
%s    add_header Cross-Origin-Resource-Policy "same-origin" always;

    location / {
        try_files $uri $uri.html $uri/index.html =404;
    }
%s

    # The export's own files are not pages: not found.
    location ~ (^/_headers$|\.example$|\.br$|\.gz$) {
        return 404;
    }

    location = /embed.js {
%s        add_header Cross-Origin-Resource-Policy "cross-origin" always;
    }
}
`, common, s.nginxLanguages(inLocation+"        add_header Cross-Origin-Resource-Policy \"same-origin\" always;\n"), inLocation))
}

// nginxLanguages gives each language but the default its "not found" page,
// so an unknown address under /es/ answers in Spanish.
func (s *Site) nginxLanguages(headers string) string {
	var b strings.Builder
	for _, l := range ui.Langs()[1:] {
		fmt.Fprintf(&b, `
    # "Page not found" in %s for its addresses.
    location /%s/ {
        try_files $uri $uri.html $uri/index.html =404;
        error_page 404 /%s/not-found.html;
%s    }
`, l, l, l, headers)
	}
	return b.String()
}
