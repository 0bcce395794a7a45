package site

import (
	"bytes"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aftercare/web"
)

// quietLogger drops the request log in tests.
var quietLogger = slog.New(slog.NewTextHandler(io.Discard, nil))

// fakeWebDir copies the real web/ folder (the words files in lang/ too),
// minus any built app.wasm, into a temporary folder and adds a small
// stand-in app.wasm, so server tests run without a WebAssembly build.
func fakeWebDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	real := filepath.Join("..", "..", "..", "web")
	err := filepath.WalkDir(real, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() == wasmName {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(real, p)
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), []byte(strings.Repeat("stand-in wasm body ", 500))...)
	writeFile(t, filepath.Join(dir, wasmName), wasm)
	return dir
}

func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

const testBaseURL = "https://aftercare.example"

func newTestSite(t *testing.T, webDir string) *Site {
	t.Helper()
	s, err := New(Config{WebDir: webDir, BaseURL: testBaseURL})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get sends one request through the site's handler.
func get(t *testing.T, h http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// TestServesTheAssetsBuiltIn: with no folder given, the site serves the
// assets the binary carries (package web), app.wasm included once built;
// without it, it says what to build.
func TestServesTheAssetsBuiltIn(t *testing.T) {
	wasm, err := fs.ReadFile(web.FS, wasmName)
	s, serr := New(Config{BaseURL: testBaseURL})
	if err != nil {
		if serr == nil || !strings.Contains(serr.Error(), "app.wasm is missing: build it first (make wasm)") {
			t.Fatalf("no app.wasm built in, and New says %v", serr)
		}
		return
	}
	if serr != nil {
		t.Fatal(serr)
	}
	h := s.Handler(quietLogger)
	if w := get(t, h, "GET", "/web/app.wasm", nil); w.Code != 200 || !bytes.Equal(w.Body.Bytes(), wasm) {
		t.Errorf("/web/app.wasm: %d, %d bytes, want the %d built in", w.Code, w.Body.Len(), len(wasm))
	}
	if w := get(t, h, "GET", "/web/web.go", nil); w.Code != 404 {
		t.Errorf("/web/web.go: %d, want 404 (Go source is not an asset)", w.Code)
	}
}
