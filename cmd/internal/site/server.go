package site

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	ui "aftercare/app"
)

// Timeouts of the HTTP server (ReadHeaderTimeout is exported for the load
// test of the command). Writes get long enough for app.wasm to reach
// a phone on a slow mobile link.
const (
	ReadHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 3 * time.Minute
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 16 << 10
)

// Handler routes every request. The paths go-app would otherwise proxy or
// serve from the working directory (/web/, /robots.txt, /sitemap.xml,
// /ads.txt, the manifest) are answered here first, from memory.
func (s *Site) Handler(logger *slog.Logger) http.Handler {
	pages := s.prerendered(s.newPageHandler())
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.serveHealth)
	mux.Handle("GET /web/", s.assets.or(pages.notFound))
	mux.HandleFunc("GET /robots.txt", serveBytes("text/plain; charset=utf-8", s.robotsTxt()))
	mux.HandleFunc("GET /sitemap.xml", serveBytes("application/xml; charset=utf-8", s.sitemapXML()))
	mux.HandleFunc("GET /ads.txt", serveBytes("text/plain; charset=utf-8", adsTxt()))
	mux.HandleFunc("GET /manifest.webmanifest", serveBytes("application/manifest+json", s.manifest))
	mux.HandleFunc("GET /manifest.json", serveBytes("application/manifest+json", s.manifest))
	for l, m := range s.manifests {
		if p := manifestPath(l); p != defaultManifest {
			mux.HandleFunc("GET "+p, serveBytes("application/manifest+json", m))
		}
	}
	embed := serveBytes("text/javascript; charset=utf-8", s.embedJS)
	mux.HandleFunc("GET /embed.js", func(w http.ResponseWriter, r *http.Request) {
		// Clinics' pages load this script from their own origin.
		w.Header().Set("Cross-Origin-Resource-Policy", "cross-origin")
		embed(w, r)
	})
	mux.Handle("GET /", pages)
	return logRequests(logger, s.securityHeaders(rejectDotSegments(mux)))
}

// prerenderedPages are every page and go-app's own files, rendered once.
type prerenderedPages struct{ files map[string]*asset }

// prerendered renders every page and go-app's own files once, at start:
// the output only changes with the build or the profile. They are then
// served from memory, compressed, like the assets.
func (s *Site) prerendered(pages http.Handler) *prerenderedPages {
	files := map[string]*asset{}
	for _, p := range append(routePaths(), "/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css") {
		if f := s.prerender(pages, &url.URL{Path: p}); f != nil {
			files[p] = f
		}
	}
	// The check started from the home page, with its first question, for
	// the person or for someone else.
	for _, p := range ui.Alternates("/check") {
		for _, q := range startedQueries {
			if f := s.prerender(pages, &url.URL{Path: p, RawQuery: q}); f != nil {
				files[p+"?"+q] = f
			}
		}
	}
	return &prerenderedPages{files: files}
}

// startedQueries are the queries of a check started from the home page or
// the check's own Start before the app was ready ("/check?start=1", and
// "&check-for=for-other" for someone else), each prerendered with the
// first question.
var startedQueries = []string{"start=1", "start=1&check-for=for-other"}

// startedKey is the prerendered page of a started check an address asks
// for, if it asks for one.
func startedKey(r *http.Request) (string, bool) {
	q := r.URL.Query()
	if q.Get("start") != "1" {
		return "", false
	}
	if q.Get("check-for") == "for-other" {
		return r.URL.Path + "?" + startedQueries[1], true
	}
	return r.URL.Path + "?" + startedQueries[0], true
}

// prerender renders one page, or one of go-app's files, or nil if there is
// none at u.
func (s *Site) prerender(pages http.Handler, u *url.URL) *asset {
	p := u.Path
	rec := &pageRecorder{header: http.Header{}}
	pages.ServeHTTP(rec, &http.Request{Method: "GET", URL: u, Host: "localhost", Header: http.Header{}, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1})
	if rec.code != http.StatusOK {
		return nil
	}
	// The type first: it decides whether the page is compressed.
	ctype := contentType(p)
	if ct := rec.header.Get("Content-Type"); ct == "text/html" {
		ctype = "text/html; charset=utf-8"
	} else if ct != "" {
		ctype = ct
	}
	f := newTypedAsset(p, s.finishPage(p, rec.body.Bytes()), ctype)
	if f.gzip != nil {
		f.brotli = brotliBytes(f.body)
	}
	return f
}

// ServeHTTP answers with a page, or any other path with the "page not
// found" page (go-app's handler is never asked: it would try to fetch some
// paths from the network).
func (p *prerenderedPages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if key, ok := startedKey(r); ok && p.files[key] != nil {
		p.files[key].serve(w, r)
		return
	}
	if f, ok := p.files[r.URL.Path]; ok {
		f.serve(w, r)
		return
	}
	p.notFound(w, r)
}

// notFound answers with the "page not found" page, status 404 and a way
// home, in the language of the address: /es/nope gets it in Spanish.
func (p *prerenderedPages) notFound(w http.ResponseWriter, r *http.Request) {
	page := p.files[ui.Alternates(ui.NotFoundPath)[ui.RouteFor(r.URL.Path).Lang]]
	if page == nil {
		http.NotFound(w, r)
		return
	}
	page.serveStatus(w, r, http.StatusNotFound)
}

// pageRecorder keeps one prerendered response in memory.
type pageRecorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *pageRecorder) Header() http.Header { return r.header }

func (r *pageRecorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
}

func (r *pageRecorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(b)
}

// contentSecurityPolicy allows only this origin: scripts and the WASM from
// here ('wasm-unsafe-eval' lets WebAssembly compile; no eval, no inline
// script or style), no plugins, and framing by the origins allowed.
func (s *Site) contentSecurityPolicy() string {
	ancestors := append([]string{"'self'"}, s.cfg.FrameAncestors...)
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self'",
		"img-src 'self' data: blob:",
		"connect-src 'self'",
		"font-src 'self'",
		"manifest-src 'self'",
		"worker-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors " + strings.Join(ancestors, " "),
	}, "; ")
}

// permissionsPolicy denies what the app never uses; it keeps clipboard
// writing for the summary. (web-share is left out: Chromium does not know
// it as a policy feature and logs an error on every page; the share sheet
// works on the page itself without it.)
const permissionsPolicy = "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), " +
	"fullscreen=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), " +
	"picture-in-picture=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=(), " +
	"clipboard-write=(self)"

// headerList is the headers every response carries (HSTS aside), in one
// place for the server, _headers and the nginx example.
func (s *Site) headerList() [][2]string {
	return [][2]string{
		{"Content-Security-Policy", s.contentSecurityPolicy()},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "no-referrer"},
		{"Permissions-Policy", permissionsPolicy},
		{"Cross-Origin-Resource-Policy", "same-origin"},
	}
}

// securityHeaders sets the same headers on every response.
func (s *Site) securityHeaders(next http.Handler) http.Handler {
	list := s.headerList()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, kv := range list {
			h.Set(kv[0], kv[1])
		}
		if s.cfg.HSTS {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// rejectDotSegments answers 400 to a path with "." or ".." segments, encoded
// or not, instead of letting the router redirect it somewhere else.
func rejectDotSegments(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, seg := range strings.Split(r.URL.Path, "/") {
			if seg == "." || seg == ".." {
				http.Error(w, "bad request", http.StatusBadRequest)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Site) serveHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]string{"status": "ok", "version": s.Version()})
}

// serveBytes serves a file made at start (the manifests, the embed script,
// robots.txt, the sitemap) as the assets are: compressed where it pays,
// with an ETag.
func serveBytes(ctype string, body []byte) http.HandlerFunc {
	f := newTypedAsset("", body, ctype)
	if f.gzip != nil {
		f.brotli = brotliBytes(f.body)
	}
	return f.serve
}

// statusWriter remembers the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// logRequests logs one structured line per request: never the query string,
// never a header.
func logRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", sw.status),
			slog.Int("bytes", sw.bytes),
			slog.Duration("duration", time.Since(start)),
		)
	})
}

func newHTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// ShutdownTimeout is how long requests in flight get to finish on SIGTERM
// (a variable for the tests).
var ShutdownTimeout = 15 * time.Second

// Serve answers on ln until ctx is done, then stops taking connections and
// lets requests in flight finish within ShutdownTimeout; those still open
// then are cut, and Serve returns nil: the stop went as promised.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger) error {
	srv := newHTTPServer(h, logger)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()

	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down", "deadline", ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		// Clients still sending or reading after the deadline (slow or
		// stalled) are cut: that is the promised end, not a failure.
		logger.Warn("cut connections still open at the deadline", "err", err.Error())
		srv.Close()
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}
