package site

import (
	"cmp"
	"fmt"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pkgSize is the code of one Go package in a WebAssembly module: the bytes
// of its functions' bodies and how many functions.
type pkgSize struct {
	Pkg   string
	Bytes int
	Funcs int
}

// wasmPackageSizes sums the functions' code by the package that defines
// them, the largest first. pkgs are the import paths the module was built
// from (go list -deps); a function is the longest one's whose wasm name
// (wasmSymbol) starts its name before a dot. The main package's functions
// are named main.*, and are counted under main; the equality functions the
// linker writes for types (type:.eq.*) under "(type equality)", and the few
// of no package (the runtime's assembly) under "(no package)".
func wasmPackageSizes(funcs []wasmFunc, pkgs []string) []pkgSize {
	bySymbol := map[string]string{"main": "main"}
	for _, p := range pkgs {
		bySymbol[wasmSymbol(p)] = p
	}
	sums := map[string]*pkgSize{}
	for _, f := range funcs {
		if f.Size == 0 {
			continue
		}
		pkg := "(no package)"
		if strings.HasPrefix(f.Name, wasmSymbol("type:.eq.")) {
			pkg = "(type equality)"
		}
		for i := len(f.Name) - 1; i > 0; i-- {
			if p, ok := bySymbol[f.Name[:i]]; ok && f.Name[i] == '.' {
				pkg = p
				break
			}
		}
		s := sums[pkg]
		if s == nil {
			s = &pkgSize{Pkg: pkg}
			sums[pkg] = s
		}
		s.Bytes += f.Size
		s.Funcs++
	}
	var out []pkgSize
	for _, s := range sums {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b pkgSize) int {
		return cmp.Or(cmp.Compare(b.Bytes, a.Bytes), strings.Compare(a.Pkg, b.Pkg))
	})
	return out
}

// wasmDeps lists the packages a build for the browser holds (go list -deps),
// against modfile if one is given.
func wasmDeps(t testing.TB, pkg, modfile string) []string {
	t.Helper()
	args := []string{"list", "-deps"}
	if modfile != "" {
		args = append(args, "-modfile", modfile)
	}
	cmd := exec.Command("go", append(args, pkg)...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}

// TestWasmPackageSizesSumTheCode: on a tiny module built for the browser,
// every function of the program's own package is counted under main, fmt's
// under fmt, and the table's sum is the whole code section.
func TestWasmPackageSizesSumTheCode(t *testing.T) {
	needE2E(t)
	b := buildWasm(t, "./testdata/hello", filepath.Join(t.TempDir(), "hello.wasm"), "", "")
	funcs, err := wasmFuncs(b)
	if err != nil {
		t.Fatal(err)
	}
	sizes := wasmPackageSizes(funcs, wasmDeps(t, "./testdata/hello", ""))
	code, byPkg := 0, map[string]pkgSize{}
	for _, f := range funcs {
		code += f.Size
	}
	for _, s := range sizes {
		code -= s.Bytes
		byPkg[s.Pkg] = s
	}
	if code != 0 {
		t.Errorf("the table's sum is %d bytes off the code", code)
	}
	for _, p := range []string{"main", "runtime", "github.com/maxence-charriere/go-app/v10/pkg/app"} {
		if byPkg[p].Bytes == 0 {
			t.Errorf("no code counted for %s: %v", p, sizes[:min(len(sizes), 10)])
		}
	}
	if n := byPkg["(no package)"].Bytes; n*20 > byPkg["runtime"].Bytes {
		t.Errorf("%d bytes of no package: the names are not matched to their packages", n)
	}
}

// TestBenchWasmPackages is the per-package half of `make bench` (it runs
// only with AFTERCARE_BENCH=1): app.wasm built as make builds it, but with
// its names kept, and the code of each package in it, largest first.
func TestBenchWasmPackages(t *testing.T) {
	if os.Getenv("AFTERCARE_BENCH") == "" {
		t.Skip("set AFTERCARE_BENCH=1 (make bench does)")
	}
	needE2E(t)
	modfile := slimModfile(t)
	b := buildWasm(t, "../../aftercare", filepath.Join(t.TempDir(), "named.wasm"), "", modfile, wasmGCFlags...)
	funcs, err := wasmFuncs(b)
	if err != nil {
		t.Fatal(err)
	}
	printPackageSizes(wasmPackageSizes(funcs, wasmDeps(t, "../../aftercare", modfile)), 30)
}

// printPackageSizes prints the first rows of the table and the rest summed.
func printPackageSizes(sizes []pkgSize, rows int) {
	all := pkgSize{Pkg: "all"}
	for _, s := range sizes {
		all.Bytes += s.Bytes
		all.Funcs += s.Funcs
	}
	fmt.Printf("\n| app.wasm code by package | functions | code | share |\n|---|---|---|---|\n")
	rest := pkgSize{Pkg: fmt.Sprintf("the other %d packages", max(len(sizes)-rows, 0))}
	for i, s := range sizes {
		if i >= rows {
			rest.Bytes += s.Bytes
			rest.Funcs += s.Funcs
			continue
		}
		fmt.Printf("| %s | %d | %.3f MB | %.1f%% |\n", s.Pkg, s.Funcs, mb(s.Bytes), 100*float64(s.Bytes)/float64(all.Bytes))
	}
	for _, s := range []pkgSize{rest, all} {
		fmt.Printf("| %s | %d | %.3f MB | %.1f%% |\n", s.Pkg, s.Funcs, mb(s.Bytes), 100*float64(s.Bytes)/float64(all.Bytes))
	}
}

// TestWasmLinksTheMethodsInterfacesCall checks what the README says of the
// linker: a method of a type put in an interface stays when a reachable
// call through an interface has its name and signature, called on that type
// or not, and goes otherwise; so a go-app element the app uses does not
// bring all its methods (htmlDiv: fewer than half of them).
func TestWasmLinksTheMethodsInterfacesCall(t *testing.T) {
	needE2E(t)
	linked := func(b []byte, prefix string) map[string]bool {
		funcs, err := wasmFuncs(b)
		if err != nil {
			t.Fatal(err)
		}
		methods := map[string]bool{}
		for _, f := range funcs {
			if m, ok := strings.CutPrefix(f.Name, wasmSymbol(prefix)); ok && f.Size > 0 {
				methods[m] = true
			}
		}
		return methods
	}
	tiny := linked(buildWasm(t, "./testdata/methods", filepath.Join(t.TempDir(), "methods.wasm"), "", "", wasmGCFlags...), "main.box.")
	if !tiny["Show"] || !tiny["Name"] || tiny["Hide"] {
		t.Errorf("box's methods linked: %v, want Show and Name, not Hide", tiny)
	}

	b := buildWasm(t, "../../aftercare", filepath.Join(t.TempDir(), "named.wasm"), "", slimModfile(t), wasmGCFlags...)
	div := linked(b, "github.com/maxence-charriere/go-app/v10/pkg/app.(*htmlDiv).")
	exported := 0
	for m := range div {
		if token.IsExported(m) {
			exported++
		}
	}
	all := reflect.TypeOf(app.Div()).NumMethod()
	t.Logf("htmlDiv: %d of its %d exported methods linked, %d in all", exported, all, len(div))
	if exported == 0 || exported*2 > all {
		t.Errorf("htmlDiv: %d of its %d exported methods linked, want some and fewer than half", exported, all)
	}
}

// TestGoAppImportsWhatTheReadmeSays: the packages the README says go-app's
// pkg/app brings into app.wasm whatever the app does are in its browser
// build.
func TestGoAppImportsWhatTheReadmeSays(t *testing.T) {
	needE2E(t)
	deps := wasmDeps(t, "github.com/maxence-charriere/go-app/v10/pkg/app", slimModfile(t))
	for _, p := range []string{"encoding/json", "reflect", "time", "fmt", "net/url"} {
		if !slices.Contains(deps, p) {
			t.Errorf("go-app's pkg/app does not import %s in the browser build", p)
		}
	}
}
