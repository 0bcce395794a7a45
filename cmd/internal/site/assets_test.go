package site

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestAssetLookupRejectsPathsOutsideWeb(t *testing.T) {
	a, err := loadAssets(os.DirFS(fakeWebDir(t)), "web")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want error
	}{
		{"/web/icon.svg", nil},
		{"/web/app.wasm", nil},
		{"/web/missing.css", os.ErrNotExist},
		{"/web/", errBadPath},
		{"/web/../go.mod", errBadPath},
		{"/web/./icon.svg", errBadPath},
		{"/web//icon.svg", errBadPath},
		{"/web/.git/HEAD", errBadPath},
		{"/web/..\\go.mod", errBadPath},
		{"/web/a/../../go.mod", errBadPath},
		{"/go.mod", errBadPath},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := a.lookup(tt.path)
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !strings.Contains(err.Error(), tt.want.Error())) {
				t.Errorf("lookup(%q) = %v, want %v", tt.path, err, tt.want)
			}
		})
	}
}

// TestEncodedTraversalOverTheWire sends raw request lines, encoded dot
// segments included, to a real listener: nothing outside web/ comes back.
func TestEncodedTraversalOverTheWire(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	srv := startServer(t, s.Handler(quietLogger))
	for _, target := range []string{
		"/web/%2e%2e/go.mod",
		"/web/%2E%2E/%2E%2E/go.mod",
		"/web/..%2fgo.mod",
		"/web/%2e%2e%2f%2e%2e%2fgo.mod",
		"/web/../cmd/aftercare/main.go",
		"/web/%2e%2e/.git/HEAD",
		"/web/.%2e/go.mod",
	} {
		conn, err := net.Dial("tcp", srv.Addr)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
		resp, err := io.ReadAll(conn)
		conn.Close()
		if err != nil {
			t.Fatal(err)
		}
		status := strings.SplitN(string(resp), "\r\n", 2)[0]
		if !strings.Contains(status, " 400 ") && !strings.Contains(status, " 404 ") {
			t.Errorf("GET %s: %q, want 400 or 404", target, status)
		}
		if strings.Contains(string(resp), "module aftercare") || strings.Contains(string(resp), "package main") || strings.Contains(string(resp), "ref: refs/") {
			t.Errorf("GET %s leaked a file from outside web/", target)
		}
	}
}

func TestAssetsServedCompressedWithRevalidation(t *testing.T) {
	dir := fakeWebDir(t)
	a, err := loadAssets(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, wasmName))

	plain := get(t, a, "GET", "/web/app.wasm", nil)
	if plain.Code != 200 || !bytes.Equal(plain.Body.Bytes(), raw) {
		t.Fatalf("plain GET: %d, %d bytes; want 200 and the file", plain.Code, plain.Body.Len())
	}
	if ct := plain.Header().Get("Content-Type"); ct != "application/wasm" {
		t.Errorf("Content-Type = %q, want application/wasm (instantiateStreaming needs it)", ct)
	}
	if plain.Header().Get("Content-Encoding") != "" {
		t.Errorf("plain GET got Content-Encoding %q", plain.Header().Get("Content-Encoding"))
	}

	gz := get(t, a, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "br, gzip, deflate"})
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Header().Get("Vary") != "Accept-Encoding" {
		t.Fatalf("gzip GET headers = %v", gz.Header())
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, _ := io.ReadAll(zr)
	if !bytes.Equal(unzipped, raw) {
		t.Error("gzip body does not decode to the file")
	}
	if gz.Body.Len() >= len(raw) {
		t.Errorf("gzip body %d bytes, not smaller than %d", gz.Body.Len(), len(raw))
	}

	refused := get(t, a, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "gzip;q=0"})
	if refused.Header().Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 still got gzip")
	}

	etag := gz.Header().Get("ETag")
	again := get(t, a, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag})
	if again.Code != http.StatusNotModified {
		t.Errorf("revalidation with %s: %d, want 304", etag, again.Code)
	}
	if etag == plain.Header().Get("ETag") {
		t.Error("gzip and plain bodies share an ETag")
	}
}

func TestLoadAssetsNeedsWasm(t *testing.T) {
	dir := fakeWebDir(t)
	os.Remove(filepath.Join(dir, wasmName))
	_, err := loadAssets(os.DirFS(dir), dir)
	if err == nil || !strings.Contains(err.Error(), "app.wasm is missing") {
		t.Fatalf("err = %v, want a message that app.wasm is missing", err)
	}
}

func TestAcceptsGzip(t *testing.T) {
	acceptsGzip := func(h string) bool { return accepts(h, "gzip") }
	for header, want := range map[string]bool{
		"":                  false,
		"gzip":              true,
		"GZIP":              true,
		"br, gzip;q=0.5":    true,
		"gzip;q=0":          false,
		"gzip; q=0.000":     false,
		"deflate, identity": false,
		"x-gzip":            false,
		"gzip;q=0.":         false,
		"gzip;q=0.0001":     true,
		"gzip; Q=0":         false,
		"gzip;q=1.5":        false,
	} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}

// TestBrotliWhenPrecompressed: with NAME.br beside a file (aftercare
// compress), br is served to those who accept it, gzip to the rest; a .br
// that does not match its file is never served.
func TestBrotliWhenPrecompressed(t *testing.T) {
	dir := fakeWebDir(t)
	if err := CompressDir(dir, io.Discard); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, wasmName))
	a, err := loadAssets(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := a.files[wasmName+brotliExt]; ok {
		t.Error("the .br file is served as an asset of its own")
	}
	br := get(t, a, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "gzip, deflate, br"})
	if br.Header().Get("Content-Encoding") != "br" || !unbrotliEquals(br.Body.Bytes(), raw) {
		t.Errorf("br: %v, %d bytes", br.Header(), br.Body.Len())
	}
	gz := get(t, a, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "gzip"})
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Header().Get("ETag") == br.Header().Get("ETag") {
		t.Errorf("gzip: %v", gz.Header())
	}
	if again := get(t, a, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "br", "If-None-Match": br.Header().Get("ETag")}); again.Code != http.StatusNotModified {
		t.Errorf("revalidating br: %d", again.Code)
	}

	// Running it again changes nothing; a changed file gets a new .br, and
	// a stale one is ignored by the server.
	var out strings.Builder
	CompressDir(dir, &out)
	if out.Len() != 0 {
		t.Errorf("second run recompressed: %s", out.String())
	}
	writeFile(t, filepath.Join(dir, wasmName), append(raw, 1, 2, 3))
	stale, _ := loadAssets(os.DirFS(dir), dir)
	if stale.files[wasmName].brotli != nil {
		t.Error("a stale .br would be served")
	}
}

// TestBadRequestsOverTheWire: what a hostile or broken client sends gets the
// right 4xx, and nothing else.
func TestBadRequestsOverTheWire(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	srv := startServer(t, s.Handler(quietLogger))
	tests := []struct {
		name, request, status string
	}{
		{"oversized headers", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 64<<10) + "\r\n\r\n", "431"},
		{"malformed escape", "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"no Host", "GET / HTTP/1.1\r\n\r\n", "400"},
		{"garbage request line", "HELLO\r\n\r\n", "400"},
		{"unknown method", "BREW / HTTP/1.1\r\nHost: x\r\n\r\n", "405"},
		{"traversal", "GET /web/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"forged Host", "GET /robots.txt HTTP/1.1\r\nHost: evil.example\r\n\r\n", "200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", srv.Addr)
			if err != nil {
				t.Fatal(err)
			}
			conn.SetDeadline(time.Now().Add(5 * time.Second))
			io.WriteString(conn, tt.request)
			line, _ := bufio.NewReader(conn).ReadString('\n')
			conn.Close()
			if !strings.Contains(line, " "+tt.status+" ") {
				t.Errorf("%s: %q, want %s", tt.name, strings.TrimSpace(line), tt.status)
			}
		})
	}
}

// TestImpossibleRangesAndUnknownPaths: "bytes=-0" cannot be satisfied (416,
// not a 206 with an impossible Content-Range), and an unknown path answers
// 404 even with a matching-looking If-None-Match.
func TestImpossibleRangesAndUnknownPaths(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	if w := get(t, h, "GET", "/web/aftercare.css", map[string]string{"Range": "bytes=-0"}); w.Code != http.StatusRequestedRangeNotSatisfiable {
		t.Errorf("Range bytes=-0: %d %q", w.Code, w.Header().Get("Content-Range"))
	}
	if w := get(t, h, "GET", "/web/aftercare.css", map[string]string{"Range": "bytes=0-9"}); w.Code != http.StatusPartialContent || w.Body.Len() != 10 {
		t.Errorf("Range bytes=0-9: %d, %d bytes", w.Code, w.Body.Len())
	}
	if w := get(t, h, "GET", "/v1234/robots.txt", map[string]string{"If-None-Match": `"` + s.Version() + `"`}); w.Code != http.StatusNotFound {
		t.Errorf("an unknown path with If-None-Match: %d, want 404", w.Code)
	}
}
