//go:build !wasm

package main

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain also makes this test binary the aftercare command for the
// scripts in testdata/script (testscript runs it as "aftercare").
func TestMain(m *testing.M) {
	registerRoutes()
	testscript.Main(m, map[string]func(){
		"aftercare": func() { os.Exit(run(os.Args[1:])) },
	})
}

// TestScripts runs the CLI scripts: good and bad rule files, good and bad
// answers, each with its exit code and output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: filepath.Join("testdata", "script")})
}

// quietLogger drops the request log in tests.
var quietLogger = slog.New(slog.NewTextHandler(io.Discard, nil))

// fakeWebDir copies the real web/ folder, minus any built app.wasm, into a
// temporary folder and adds a small stand-in app.wasm, so server tests run
// without a WebAssembly build.
func fakeWebDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(filepath.Join("..", "..", "web"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || e.Name() == wasmName {
			continue
		}
		b, err := os.ReadFile(filepath.Join("..", "..", "web", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, e.Name()), b)
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

func newTestSite(t *testing.T, webDir string) *site {
	t.Helper()
	s, err := newSite(siteConfig{WebDir: webDir, BaseURL: testBaseURL})
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
