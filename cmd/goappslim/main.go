//go:build !wasm

// Command goappslim makes the copy of go-app that only the browser build
// uses: the pinned module, checked against go.sum, with go-app's server half
// (http.go and the server-side resource resolvers) behind //go:build !wasm.
// go-app v10.1.11 leaves those files untagged, so every app.wasm links
// net/http, crypto/tls, x509 and math/big that the browser never runs. Its
// router also matches with regexp, which the app needs only for literal
// prefixes, and its Context links AES and uuid for encrypted state, which
// the app does not keep (edits.go).
//
//	go run ./cmd/goappslim -out .cache/wasm
//
// writes OUT/go-app (the edited module) and OUT/wasm.mod and OUT/wasm.sum
// (this project's go.mod and go.sum with go-app replaced by that copy), for
// `go build -modfile OUT/wasm.mod` with GOOS=js GOARCH=wasm. The server build
// never sees any of it. Each edit checks that the text it changes is the
// text it expects, so a new go-app version stops it with a clear message
// instead of a wrong build; if go-app ever tags these files itself, delete
// this command and the -modfile flag in the Makefile.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const module = "github.com/maxence-charriere/go-app/v10"

func main() {
	out := flag.String("out", ".cache/wasm", "the folder to write the slim module and wasm.mod into")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "goappslim:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	version, err := pinnedVersion("go.mod")
	if err != nil {
		return err
	}
	src, err := download(module + "@" + version)
	if err != nil {
		return err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	dst := filepath.Join(out, "go-app")
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	if err := copyTree(src, dst); err != nil {
		return err
	}
	if err := slim(filepath.Join(dst, "pkg", "app")); err != nil {
		return fmt.Errorf("%s@%s: %w", module, version, err)
	}
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		return err
	}
	mod = fmt.Appendf(mod, "\n// Written by cmd/goappslim for the browser build only.\nreplace %s => %s\n", module, dst)
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "wasm.mod"), mod, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "wasm.sum"), sum, 0o644)
}

// pinnedVersion reads go-app's version from go.mod.
func pinnedVersion(gomod string) (string, error) {
	b, err := os.ReadFile(gomod)
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && f[0] == module {
			return f[1], nil
		}
	}
	return "", fmt.Errorf("go.mod does not require %s", module)
}

// download fetches the module into the module cache, which checks it
// against go.sum, and returns its folder.
func download(path string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	var info struct{ Dir, Error string }
	json.Unmarshal(b, &info)
	switch {
	case info.Error != "":
		return "", fmt.Errorf("go mod download %s: %s", path, info.Error)
	case err != nil:
		return "", fmt.Errorf("go mod download %s: %v: %s", path, err, stderr.String())
	case info.Dir == "":
		return "", fmt.Errorf("go mod download %s: no folder", path)
	}
	return info.Dir, nil
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
}

// slim applies the edits to go-app's pkg/app folder.
func slim(dir string) error {
	// 1. The Handler and everything it needs: server only.
	if err := tag(filepath.Join(dir, "http.go")); err != nil {
		return err
	}
	// 2. resource.go: the client's resolver (and the two helpers it uses)
	// move to a file of their own; the rest is the server's.
	res := filepath.Join(dir, "resource.go")
	b, err := os.ReadFile(res)
	if err != nil {
		return err
	}
	text := string(b)
	var moved []string
	for _, fn := range []string{
		"func clientResourceResolver(resourcesLocation string) func(string) string {",
		"func remoteLocation(location string) bool {",
		"func webLocation(location string) bool {",
	} {
		body, rest, err := cutFunc(text, fn)
		if err != nil {
			return fmt.Errorf("resource.go: %w", err)
		}
		moved, text = append(moved, body), rest
	}
	client := "// Moved out of resource.go by cmd/goappslim: the client needs only these.\n\npackage app\n\nimport \"strings\"\n\n" + strings.Join(moved, "\n")
	if err := os.WriteFile(filepath.Join(dir, "resource_client.go"), []byte(client), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(res, []byte(text), 0o644); err != nil {
		return err
	}
	if err := tag(res); err != nil {
		return err
	}
	// 3. wasm.go's stub of GenerateStaticWebsite names *Handler: drop it.
	const stub = `func GenerateStaticWebsite(dir string, h *Handler, pages ...string) error {
	panic(errors.New("unsupported instruction").
		WithTag("architecture", runtime.GOARCH))
}
`
	const imports = `import (
	"runtime"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)
`
	wasm := filepath.Join(dir, "wasm.go")
	b, err = os.ReadFile(wasm)
	if err != nil {
		return err
	}
	if !bytes.Contains(b, []byte(stub)) || !bytes.Contains(b, []byte(imports)) {
		return errors.New("wasm.go is not as expected: check the edits of cmd/goappslim against this version")
	}
	b = bytes.Replace(bytes.Replace(b, []byte(stub), nil, 1), []byte(imports), nil, 1)
	if err := os.WriteFile(wasm, b, 0o644); err != nil {
		return err
	}
	// 4. The router without regexp, Context without AES and uuid (edits.go).
	if err := slimRouter(dir); err != nil {
		return err
	}
	return slimCrypto(dir)
}

// tag puts a file behind //go:build !wasm.
func tag(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(b, []byte("package app\n")) {
		return fmt.Errorf("%s does not start with its package clause: it may be tagged already", filepath.Base(path))
	}
	return os.WriteFile(path, append([]byte("//go:build !wasm\n\n"), b...), 0o644)
}

// cutFunc removes a top-level function, found by its first line, and returns
// it and the rest.
func cutFunc(text, first string) (fn, rest string, err error) {
	i := strings.Index(text, "\n"+first+"\n")
	if i < 0 {
		return "", "", fmt.Errorf("%q not found", first)
	}
	j := strings.Index(text[i:], "\n}\n")
	if j < 0 {
		return "", "", fmt.Errorf("%q has no end", first)
	}
	end := i + j + len("\n}\n")
	return text[i+1 : end], text[:i+1] + text[end:], nil
}
