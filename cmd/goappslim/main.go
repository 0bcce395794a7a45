//go:build !wasm

// Command goappslim makes the copy of go-app that only the browser build
// uses: the pinned module, checked against go.sum, with go-app's server half
// (http.go and the server-side resource resolvers) behind //go:build !wasm.
// go-app v10.1.11 leaves those files untagged, so every app.wasm links
// net/http, crypto/tls, x509 and math/big that the browser never runs. Its
// router also matches with regexp, which the app needs only for literal
// prefixes, and its Context links AES and uuid for encrypted state, which
// the app does not keep (edits.go). upstream.patch is the same change as a
// patch to go-app.
//
//	go run ./cmd/goappslim -go go -out .cache/wasm [package ...]
//
// writes OUT/go-app (go-app's go.mod, LICENSE and pkg/, edited) and
// OUT/wasm.mod and OUT/wasm.sum (this project's go.mod and go.sum with
// go-app replaced by that copy), for `go build -modfile OUT/wasm.mod` with
// GOOS=js GOARCH=wasm. The server build never sees any of it. The edits
// find functions by name (go/ast) and check that any other text they change
// is as expected; then the browser build of go-app's pkg/app and of the
// packages named is listed (go list -deps) and a server package in it
// (check.go) stops the command, naming the file that imports it. So a new
// go-app version stops it with a clear message instead of a wrong build; if
// go-app ever tags these files itself, delete this command and the
// -modfile flag in the Makefile.
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
)

const module = "github.com/maxence-charriere/go-app/v10"

func main() {
	out := flag.String("out", ".cache/wasm", "the folder to write the slim module and wasm.mod into")
	goCmd := flag.String("go", cmp.Or(os.Getenv("GO"), "go"), "the go command to run (the Makefile's $(GO))")
	flag.Parse()
	if err := run(*goCmd, *out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "goappslim:", err)
		os.Exit(1)
	}
}

// run writes the slim copy of the go-app that go.mod pins, and wasm.mod
// and wasm.sum beside it, into out; then checks the browser build of
// go-app's pkg/app and of pkgs.
func run(goCmd, out string, pkgs []string) error {
	src, version, err := download(goCmd, module)
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
	if err := copyModule(src, dst); err != nil {
		return err
	}
	if err := slim(filepath.Join(dst, "pkg", "app")); err != nil {
		return fmt.Errorf("%s@%s: %w", module, version, err)
	}
	if err := writeModfile(out, dst); err != nil {
		return err
	}
	pkgs = append([]string{module + "/pkg/app"}, pkgs...)
	return checkBrowserDeps(goCmd, ".", filepath.Join(out, "wasm.mod"), pkgs)
}

// writeModfile writes out/wasm.mod, go.mod with go-app replaced by the copy
// in dst, and out/wasm.sum, go.sum as it is.
func writeModfile(out, dst string) error {
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

// download fetches the version of the module that go.mod selects into the
// module cache, which checks it against go.sum, and returns its folder and
// version.
func download(goCmd, path string) (dir, version string, err error) {
	cmd := exec.Command(goCmd, "mod", "download", "-json", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, runErr := cmd.Output()
	var info struct{ Dir, Version, Error string }
	jsonErr := json.Unmarshal(b, &info)
	switch {
	case info.Error != "":
		return "", "", fmt.Errorf("%s mod download %s: %s", goCmd, path, info.Error)
	case runErr != nil:
		return "", "", fmt.Errorf("%s mod download %s: %v: %s", goCmd, path, runErr, stderr.String())
	case jsonErr != nil:
		return "", "", fmt.Errorf("%s mod download %s: reading its answer: %v", goCmd, path, jsonErr)
	case info.Dir == "" || info.Version == "":
		return "", "", fmt.Errorf("%s mod download %s: no folder or version in %s", goCmd, path, b)
	}
	return info.Dir, info.Version, nil
}

// copyModule copies what a build needs of a module, go.mod and pkg/, and
// its LICENSE, which goes with every copy; not its docs (26 of its 29 MB).
func copyModule(src, dst string) error {
	for _, name := range []string{"go.mod", "LICENSE"} {
		if err := copyFile(filepath.Join(src, name), filepath.Join(dst, name)); err != nil {
			return err
		}
	}
	return copyTree(filepath.Join(src, "pkg"), filepath.Join(dst, "pkg"))
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyFile(path, filepath.Join(dst, rel))
	})
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}
