//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckNamesAnUntaggedServerFile: in a stand-in for go-app, the browser
// build passes while the server file is behind //go:build !wasm; a new
// file that imports net/http without the tag stops the check, which names
// the file and what it brings in.
func TestCheckNamesAnUntaggedServerFile(t *testing.T) {
	dir := t.TempDir()
	if err := copyTree(filepath.Join("testdata", "fake"), dir); err != nil {
		t.Fatal(err)
	}
	if err := checkBrowserDeps("go", dir, "", []string{"./pkg/app"}); err != nil {
		t.Fatalf("with the server file tagged: %v", err)
	}
	push := "package app\n\nimport \"net/http\"\n\n// Push is a new server file, untagged.\nvar Push = http.DefaultClient\n"
	if err := os.WriteFile(filepath.Join(dir, "pkg", "app", "push.go"), []byte(push), 0o644); err != nil {
		t.Fatal(err)
	}
	err := checkBrowserDeps("go", dir, "", []string{"./pkg/app"})
	if err == nil {
		t.Fatal("an untagged file importing net/http passed the check")
	}
	for _, want := range []string{"push.go imports net/http, which is or brings in net/http, crypto", "//go:build !wasm"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "http.go") {
		t.Errorf("the error names the tagged file:\n%v", err)
	}
}

// TestServerPackages: what the check refuses, and what it lets through
// (net/url and net/netip, which go-app's client needs).
func TestServerPackages(t *testing.T) {
	for p, want := range map[string]bool{
		"net": true, "net/http": true, "net/http/httptrace": true, "crypto/tls": true, "crypto": true,
		"crypto/internal/fips140/aes": true, "math/big": true, "os/exec": true, "regexp/syntax": true,
		"github.com/google/uuid": true,
		"net/url":                false, "net/netip": false, "network": false, "math/bits": false, "os": false,
		"github.com/google/uuidx": false,
	} {
		if got := isServerPackage(p); got != want {
			t.Errorf("isServerPackage(%q) = %v, want %v", p, got, want)
		}
	}
}
