//go:build !wasm

package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// maxFuncLines is the most lines a function of the project may have, from
// func to its closing brace.
const maxFuncLines = 60

// TestFunctionsAreShort: no function of the project's Go files (tests
// aside) is over maxFuncLines: a longer one is split into named parts.
func TestFunctionsAreShort(t *testing.T) {
	root := filepath.Join("..", "..")
	found := funcLengths(t, root)
	if len(found) < 500 {
		t.Fatalf("read only %d functions", len(found))
	}
	for name, n := range found {
		if n > maxFuncLines {
			t.Errorf("%s has %d lines, over %d: split it into named parts", name, n, maxFuncLines)
		}
	}
}

// funcLengths parses every Go file below root, tests and generated files
// aside, and gives each function's lines by its name: the package's folder,
// the receiver's type, the function ("rules.Set.parseCond").
func funcLengths(t *testing.T, root string) map[string]int {
	t.Helper()
	fset := token.NewFileSet()
	out := map[string]int{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "dist" || d.Name() == "bin" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil || ast.IsGenerated(f) {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(p))
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil {
				name := filepath.ToSlash(dir) + "." + recvName(fd) + fd.Name.Name
				out[name] = max(out[name], fset.Position(fd.End()).Line-fset.Position(fd.Pos()).Line+1)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// recvName is "T." for a method of T or *T, "" for a function.
func recvName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	typ := fd.Recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if g, ok := typ.(*ast.IndexExpr); ok { // a generic type
		typ = g.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name + "."
	}
	return ""
}
