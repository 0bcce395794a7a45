//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// serverPackages may not be in the browser build; "/..." takes in a
// package and all below it. net/url and net/netip, which only parse text,
// may.
var serverPackages = []string{
	"net",          // sockets
	"net/http/...", // go-app's Handler, and any HTTP server or client
	"net/rpc/...",
	"net/smtp",
	"crypto/...", // TLS, x509, and the AES go-app's Context leaves out here
	"math/big",   // what TLS and x509 bring in
	"os/exec",
	"os/signal",
	"regexp/...",             // go-app's router here matches literal prefixes
	"github.com/google/uuid", // go-app's ids here come from math/rand/v2
}

// isServerPackage says whether an import path is one of serverPackages.
func isServerPackage(p string) bool {
	for _, s := range serverPackages {
		if base, ok := strings.CutSuffix(s, "/..."); ok && (p == base || strings.HasPrefix(p, base+"/")) || p == s {
			return true
		}
	}
	return false
}

// listedPackage is what go list -json tells of a package.
type listedPackage struct {
	ImportPath, Dir        string
	Standard               bool
	GoFiles, Imports, Deps []string
}

// checkBrowserDeps lists the packages the browser build (GOOS=js
// GOARCH=wasm) of pkgs holds, run in dir with modfile if one is given,
// and fails if any is a server package, naming each file, outside the
// standard library, whose import brings one in.
func checkBrowserDeps(goCmd, dir, modfile string, pkgs []string) error {
	args := []string{"list", "-deps", "-json=ImportPath,Dir,Standard,GoFiles,Imports,Deps"}
	if modfile != "" {
		args = append(args, "-modfile", modfile)
	}
	cmd := exec.Command(goCmd, append(args, pkgs...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%s list -deps %s for the browser: %v: %s", goCmd, strings.Join(pkgs, " "), err, stderr.String())
	}
	listed, err := decodeListed(out)
	if err != nil {
		return fmt.Errorf("%s list -deps: reading its answer: %w", goCmd, err)
	}
	problems, err := serverImports(listed)
	if err != nil || len(problems) == 0 {
		return err
	}
	return fmt.Errorf("the browser build of %s holds server packages:\n\t%s\nput the file behind //go:build !wasm (an edit in cmd/goappslim) or keep the import out of it",
		strings.Join(pkgs, " "), strings.Join(problems, "\n\t"))
}

func decodeListed(out []byte) (map[string]*listedPackage, error) {
	listed := map[string]*listedPackage{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			return listed, nil
		} else if err != nil {
			return nil, err
		}
		listed[p.ImportPath] = &p
	}
}

// serverImports names each file outside the standard library whose import
// is a server package or a package of the standard library that brings one
// in, and what it brings in (internal packages left out).
func serverImports(listed map[string]*listedPackage) ([]string, error) {
	var problems []string
	for _, p := range slices.Sorted(maps.Keys(listed)) {
		pkg := listed[p]
		if pkg.Standard {
			continue
		}
		for _, imp := range pkg.Imports {
			dep := listed[imp]
			if dep == nil || !isServerPackage(imp) && !dep.Standard {
				continue // a package of its own, checked in its turn
			}
			reach := slices.DeleteFunc(append([]string{imp}, dep.Deps...), func(d string) bool {
				return !isServerPackage(d) || strings.Contains(d, "internal/")
			})
			if len(reach) == 0 {
				continue
			}
			files, err := filesImporting(pkg, imp)
			if err != nil {
				return nil, err
			}
			if len(reach) > 5 {
				reach = append(reach[:5], fmt.Sprintf("%d more", len(reach)-5))
			}
			for _, f := range files {
				problems = append(problems, fmt.Sprintf("%s imports %s, which is or brings in %s", f, imp, strings.Join(reach, ", ")))
			}
		}
	}
	return problems, nil
}

// filesImporting are the package's files (in this build) that import imp,
// each as a path from the working folder where it is below it.
func filesImporting(pkg *listedPackage, imp string) ([]string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	var files []string
	for _, name := range pkg.GoFiles {
		path := filepath.Join(pkg.Dir, name)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return nil, err
		}
		for _, spec := range f.Imports {
			if p, _ := strconv.Unquote(spec.Path.Value); p == imp {
				if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
					path = rel
				}
				files = append(files, path)
			}
		}
	}
	return files, nil
}
