package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// buildWasm builds a package for the browser with the flags the Makefile
// uses, plus extra flags; with a modfile (see slimModfile), against the
// slim go-app, as the Makefile builds app.wasm.
func buildWasm(t *testing.T, pkg, out, ldflags, modfile string, extra ...string) []byte {
	t.Helper()
	args := append([]string{"build", "-trimpath", "-ldflags=" + ldflags, "-o", out}, extra...)
	if modfile != "" {
		args = append(args, "-modfile", modfile)
	}
	cmd := exec.Command("go", append(args, pkg)...)
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

// wasmGCFlags are the compiler flags of `make wasm` (WASMGC in the
// Makefile; TestMakefileBuildsTheSlimWasm keeps them in step).
var wasmGCFlags = []string{"-gcflags=all=-l", "-gcflags=runtime="}

// TestMakefileBuildsTheSlimWasm: the Makefile builds app.wasm against the
// slim go-app, with the flags the size tests assume.
func TestMakefileBuildsTheSlimWasm(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	mk := string(b)
	for _, want := range []string{"WASMGC  := " + strings.Join(wasmGCFlags, " "), "-modfile $(SLIM)", "$(GO) run ./cmd/goappslim -go $(GO)"} {
		if !strings.Contains(mk, want) {
			t.Errorf("the Makefile lacks %q", want)
		}
	}
}

// slimModfile writes the slim go-app and its wasm.mod into a temporary
// folder with cmd/goappslim, as the Makefile does, and returns the modfile.
func slimModfile(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "./cmd/goappslim", "-out", dir)
	cmd.Dir = filepath.Join("..", "..", "..")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("goappslim: %v\n%s", err, b)
	}
	return filepath.Join(dir, "wasm.mod")
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

// TestWasmSize: app.wasm (as make builds it, with the slim go-app),
// compressed with brotli, stays within 0.80 times a go-app hello world built
// the same way with the unpatched go-app. Both sizes are logged.
func TestWasmSize(t *testing.T) {
	needE2E(t)
	app, err := os.ReadFile(filepath.Join("..", "..", "..", "web", wasmName))
	if err != nil {
		t.Fatalf("web/app.wasm: %v (make wasm builds it)", err)
	}
	hello := buildWasm(t, "./testdata/hello", filepath.Join(t.TempDir(), "hello.wasm"), "-s -w", "")
	appBr, helloBr := brotliSize(t, app), brotliSize(t, hello)
	ratio := float64(appBr) / float64(helloBr)
	t.Logf("app.wasm %d bytes raw, %d brotli; hello world %d raw, %d brotli; ratio %.3f",
		len(app), appBr, len(hello), helloBr, ratio)
	if ratio > 0.80 {
		t.Errorf("app.wasm is %.3f times the hello world after brotli, over the 0.80 budget", ratio)
	}
}

// TestWasmDepsHoldNoServerOrYAML: the packages the browser build imports
// (go list -deps) hold no YAML decoder, no HTTP server or client and no
// loader of files: those stay on the server. Nor regexp, crypto or uuid:
// go-app's router and Context and the rules' checks do without them; nor
// encoding/csv and bufio: the diary's table is written by hand (app/csv.go).
func TestWasmDepsHoldNoServerOrYAML(t *testing.T) {
	needE2E(t)
	cmd := exec.Command("go", "list", "-modfile", slimModfile(t), "-deps", "./cmd/aftercare")
	cmd.Dir = filepath.Join("..", "..", "..")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "aftercare/app/clinic") {
		t.Fatalf("the list does not hold the app's own packages: %v", deps)
	}
	for _, d := range deps {
		if strings.Contains(d, "yaml") || strings.HasPrefix(d, "net/http") || d == "crypto/tls" || d == "aftercare/rules/source" || d == "aftercare/rules/data" ||
			// go-app's router and the rules' checks need no regexp
			// (cmd/goappslim, rules/shapes.go), nor go-app's Context
			// AES or uuid (cmd/goappslim).
			strings.HasPrefix(d, "regexp") || strings.HasPrefix(d, "crypto") || d == "github.com/google/uuid" ||
			d == "encoding/csv" || d == "bufio" {
			t.Errorf("the browser build imports %s", d)
		}
	}
}

// serverOnly are the server's functions (and packages, ending in a dot)
// that app.wasm must not link: the server's code, net/http's client, TLS,
// math/big, the YAML parser and the rules' parser of conditions as written
// (the app reads browser.json, its conditions parsed).
var serverOnly = []string{
	"net/http.(*Server).Serve",
	"net/http.(*conn).serve",
	"net/http.(*ServeMux).ServeHTTP",
	"net/http.(*Client).do",
	"net/http.(*Transport).RoundTrip",
	"net/http.",
	"crypto/tls.",
	"crypto/x509.",
	"math/big.",
	"github.com/maxence-charriere/go-app/v10/pkg/app.(*Handler).ServeHTTP",
	"log/slog.(*JSONHandler).Handle",
	"go.yaml.in/yaml/v3.",
	"aftercare/rules/source.",
	"aftercare/rules.(*Set).parseCond",
	"aftercare/cmd/internal/site.(*Site).Handler",
	"main.(*Main).serve",
	// What rules.CheckInFull keeps out: the checks that only look.
	"aftercare/rules.(*Set).checkOnly",
	"aftercare/app/clinic.Profile.Check",
}

// TestWasmLeavesTheServerOut builds app.wasm as make does (the slim go-app)
// with its symbol names kept and looks for serverOnly: none may be linked
// into the browser. So that the check can fail, each name it looks for must
// be in the same program built for the server.
func TestWasmLeavesTheServerOut(t *testing.T) {
	needE2E(t)
	server := serverFuncNames(t)
	for _, want := range serverOnly {
		if !slices.ContainsFunc(server, func(n string) bool { return strings.HasPrefix(n, want) }) {
			t.Errorf("%s is not in the server build either: the check looks for a name that cannot exist", want)
		}
	}
	wasm := buildWasm(t, "../../aftercare", filepath.Join(t.TempDir(), "named.wasm"), "", slimModfile(t))
	names, err := wasmFuncNames(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 1000 {
		t.Fatalf("only %d function names: the name section was not read", len(names))
	}
	found := map[string]bool{}
	for _, n := range names {
		for _, bad := range serverOnly {
			if strings.HasPrefix(n, wasmSymbol(bad)) {
				found[bad] = true
			}
		}
	}
	for bad := range found {
		t.Errorf("app.wasm links %s: server code leaked past the !wasm build tag", bad)
	}
	// The check must be able to see what it looks for.
	if !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, wasmSymbol("aftercare/app.(*homePage).Render")) }) {
		t.Error("aftercare/app.(*homePage).Render not among the names: the check is blind")
	}
}

// serverFuncNames builds cmd/aftercare for this machine, as the server
// runs it, and lists its function names (go tool nm).
func serverFuncNames(t *testing.T) []string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "aftercare")
	if b, err := exec.Command("go", "build", "-trimpath", "-o", bin, "../../aftercare").CombinedOutput(); err != nil {
		t.Fatalf("building the server: %v\n%s", err, b)
	}
	out, err := exec.Command("go", "tool", "nm", bin).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	var names []string
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[len(f)-2] == "T" {
			names = append(names, f[len(f)-1])
		}
	}
	if len(names) < 1000 {
		t.Fatalf("only %d function names in the server build", len(names))
	}
	return names
}

// wasmSymbol spells a Go symbol as Go's wasm linker writes it in the name
// section, each character other than a letter, digit, _ or . made _
// (cmd/link/internal/wasm): "net/http.(*Server).Serve" is
// "net_http.__Server_.Serve".
func wasmSymbol(s string) string {
	return wasmNameChars.ReplaceAllString(s, "_")
}

var wasmNameChars = regexp.MustCompile(`[^\w.]`)
