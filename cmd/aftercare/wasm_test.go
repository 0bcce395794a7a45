//go:build !wasm

package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// buildWasm builds a package for the browser with the flags the Makefile
// uses, plus extra flags.
func buildWasm(t *testing.T, pkg, out string, ldflags string) []byte {
	t.Helper()
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags="+ldflags, "-o", out, pkg)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building %s for wasm: %v\n%s", pkg, err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func brotliSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// TestWasmSize: app.wasm, compressed with brotli, stays within 1.2 times a
// go-app hello world built the same way. Both sizes are logged.
func TestWasmSize(t *testing.T) {
	needE2E(t)
	app, err := os.ReadFile(filepath.Join("..", "..", "web", wasmName))
	if err != nil {
		t.Fatalf("web/app.wasm: %v (make wasm builds it)", err)
	}
	hello := buildWasm(t, "./testdata/hello", filepath.Join(t.TempDir(), "hello.wasm"), "-s -w")
	appBr, helloBr := brotliSize(t, app), brotliSize(t, hello)
	ratio := float64(appBr) / float64(helloBr)
	t.Logf("app.wasm %d bytes raw, %d brotli; hello world %d raw, %d brotli; ratio %.3f",
		len(app), appBr, len(hello), helloBr, ratio)
	if ratio > 1.2 {
		t.Errorf("app.wasm is %.2f times the hello world after brotli, over the 1.2 budget", ratio)
	}
}

// TestWasmLeavesTheServerOut builds app.wasm with its symbol names kept and
// looks for the server's code and the YAML parser: neither may be linked
// into the browser (the app reads the compiled rules.json).
func TestWasmLeavesTheServerOut(t *testing.T) {
	needE2E(t)
	wasm := buildWasm(t, ".", filepath.Join(t.TempDir(), "named.wasm"), "")
	names, err := wasmFuncNames(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 1000 {
		t.Fatalf("only %d function names: the name section was not read", len(names))
	}
	found := map[string]bool{}
	for _, n := range names {
		for _, bad := range []string{
			"net/http.(*Server).Serve",
			"net/http.(*conn).serve",
			"net/http.(*ServeMux).ServeHTTP",
			"github.com/maxence-charriere/go-app/v10/pkg/app.(*Handler).ServeHTTP",
			"log/slog.(*JSONHandler).Handle",
			"go.yaml.in/yaml/v3.",
			"aftercare/rules/source.",
			"main.serve",
			"main.(*site).Handler",
		} {
			if strings.HasPrefix(n, wasmSymbol(bad)) {
				found[bad] = true
			}
		}
	}
	for bad := range found {
		t.Errorf("app.wasm links %s: server code leaked past the !wasm build tag", bad)
	}
	// The check must be able to see what it looks for.
	var sawApp bool
	for _, n := range names {
		sawApp = sawApp || strings.HasPrefix(n, wasmSymbol("aftercare/app.(*homePage).Render"))
	}
	if !sawApp {
		t.Error("aftercare/app.(*homePage).Render not among the names: the check is blind")
	}
}

// wasmSymbol spells a Go symbol as Go's wasm linker writes it in the name
// section: "net/http.(*Server).Serve" is "net_http.__Server_.Serve".
func wasmSymbol(s string) string {
	return strings.NewReplacer("/", "_", "(", "_", ")", "_", "*", "_", "-", "_").Replace(s)
}

// wasmFuncNames reads the function names from a WebAssembly module's
// "name" custom section (subsection 1).
func wasmFuncNames(b []byte) ([]string, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	r := bytes.NewReader(b[8:])
	for r.Len() > 0 {
		id, _ := r.ReadByte()
		size, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		sec := make([]byte, size)
		if _, err := r.Read(sec); err != nil {
			return nil, err
		}
		if id != 0 {
			continue
		}
		s := bytes.NewReader(sec)
		nameLen, _ := binary.ReadUvarint(s)
		name := make([]byte, nameLen)
		s.Read(name)
		if string(name) != "name" {
			continue
		}
		for s.Len() > 0 {
			sub, _ := s.ReadByte()
			subLen, _ := binary.ReadUvarint(s)
			data := make([]byte, subLen)
			s.Read(data)
			if sub != 1 {
				continue
			}
			d := bytes.NewReader(data)
			count, _ := binary.ReadUvarint(d)
			names := make([]string, 0, count)
			for i := uint64(0); i < count; i++ {
				binary.ReadUvarint(d) // function index
				l, _ := binary.ReadUvarint(d)
				n := make([]byte, l)
				d.Read(n)
				names = append(names, string(n))
			}
			return names, nil
		}
	}
	return nil, fmt.Errorf("no name section")
}
