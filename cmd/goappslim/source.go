//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The edits that move, drop or rewrite whole functions find them with
// go/ast, by name, and work on the file's text at the positions the parser
// gives, so that a go-app release that reformats a function or adds a
// comment does not throw them off; the imports of what is left are worked
// out again from what the code uses (fixImports), not written down here.

// parseFile parses Go source, naming the file in an error.
func parseFile(name string, src []byte) (*token.FileSet, *ast.File, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	return fset, f, err
}

// readGoFile reads and parses a Go file.
func readGoFile(file string) ([]byte, *token.FileSet, *ast.File, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, nil, err
	}
	fset, f, err := parseFile(file, src)
	return src, fset, f, err
}

// funcDecl finds the one top-level function (not a method) of that name.
func funcDecl(f *ast.File, name string) (*ast.FuncDecl, error) {
	var found []*ast.FuncDecl
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == name {
			found = append(found, fd)
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("found %d functions named %s, want 1", len(found), name)
	}
	return found[0], nil
}

// span is a run of a file's bytes, [start, end).
type span struct{ start, end int }

// declSpan is a function's bytes with its doc comment and the line break
// after it.
func declSpan(fset *token.FileSet, src []byte, fd *ast.FuncDecl) span {
	start := fd.Pos()
	if fd.Doc != nil {
		start = fd.Doc.Pos()
	}
	s := span{fset.Position(start).Offset, fset.Position(fd.End()).Offset}
	if s.end < len(src) && src[s.end] == '\n' {
		s.end++
	}
	return s
}

// replaceSpans puts each span's new text in its place.
func replaceSpans(src []byte, spans []span, texts []string) []byte {
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return spans[b].start - spans[a].start })
	out := slices.Clone(src)
	for _, i := range order {
		out = slices.Concat(out[:spans[i].start], []byte(texts[i]), out[spans[i].end:])
	}
	return out
}

// cutFuncs removes top-level functions from a file and returns them, in
// the order asked, and the file's import paths (where what is cut may
// find its own).
func cutFuncs(file string, names ...string) (cut string, imports []string, err error) {
	src, fset, f, err := readGoFile(file)
	if err != nil {
		return "", nil, err
	}
	var spans []span
	var parts []string
	for _, name := range names {
		fd, err := funcDecl(f, name)
		if err != nil {
			return "", nil, fmt.Errorf("%s: %w", filepath.Base(file), err)
		}
		s := declSpan(fset, src, fd)
		spans, parts = append(spans, s), append(parts, string(src[s.start:s.end]))
	}
	for _, spec := range f.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		imports = append(imports, p)
	}
	rest := replaceSpans(src, spans, make([]string, len(spans)))
	return strings.Join(parts, "\n"), imports, writeGo(file, rest, nil)
}

// replaceBodies gives functions new bodies: bodies maps a function's name
// to its new body, braces included.
func replaceBodies(file string, bodies map[string]string) error {
	src, fset, f, err := readGoFile(file)
	if err != nil {
		return err
	}
	var spans []span
	var texts []string
	for _, name := range slices.Sorted(maps.Keys(bodies)) {
		fd, err := funcDecl(f, name)
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(file), err)
		}
		spans = append(spans, span{fset.Position(fd.Body.Pos()).Offset, fset.Position(fd.Body.End()).Offset})
		texts = append(texts, bodies[name])
	}
	return writeGo(file, replaceSpans(src, spans, texts), nil)
}

// writeGo writes Go source with its imports fixed and gofmt'ed.
func writeGo(file string, src []byte, candidates []string) error {
	src, err := fixImports(filepath.Base(file), src, candidates)
	if err != nil {
		return err
	}
	return os.WriteFile(file, src, 0o644)
}

// fixImports drops the imports the code no longer uses and adds each
// candidate import path whose package the code uses but does not import;
// then formats the source. A package is known by its import path's last
// element (its major version suffix skipped), as go-app's are.
func fixImports(name string, src []byte, candidates []string) ([]byte, error) {
	fset, f, err := parseFile(name, src)
	if err != nil {
		return nil, err
	}
	used := usedPackages(f)
	var spans []span
	have := map[string]bool{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		var drop []span
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			if n := importName(is); used[n] || n == "_" || n == "." {
				have[n] = true
			} else {
				drop = append(drop, lineSpan(fset, src, is.Pos(), is.End()))
			}
		}
		if len(drop) == len(gd.Specs) {
			drop = []span{lineSpan(fset, src, gd.Pos(), gd.End())}
		}
		spans = append(spans, drop...)
	}
	src = replaceSpans(src, spans, make([]string, len(spans)))
	var add []string
	for _, c := range candidates {
		if n := pkgName(c); used[n] && !have[n] {
			add, have[n] = append(add, strconv.Quote(c)), true
		}
	}
	if len(add) > 0 {
		src = addImports(name, src, add)
	}
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("%s after the edits: %w", name, err)
	}
	return out, nil
}

// addImports puts the quoted paths first in the file's first import
// declaration, or in one of their own after the package clause;
// format.Source sorts them.
func addImports(name string, src []byte, quoted []string) []byte {
	fset, f, err := parseFile(name, src)
	if err != nil {
		return src
	}
	at, text := fset.Position(f.Name.End()).Offset, "\n\nimport (\n\t"+strings.Join(quoted, "\n\t")+"\n)"
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Lparen.IsValid() {
			at, text = fset.Position(gd.Lparen).Offset+1, "\n\t"+strings.Join(quoted, "\n\t")
			break
		}
	}
	return slices.Concat(src[:at], []byte(text), src[at:])
}

// usedPackages are the names used as X in X.Sel where X is declared
// nowhere in the file: the packages the code refers to.
func usedPackages(f *ast.File) map[string]bool {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}

func importName(is *ast.ImportSpec) string {
	if is.Name != nil {
		return is.Name.Name
	}
	p, _ := strconv.Unquote(is.Path.Value)
	return pkgName(p)
}

// pkgName is the name of the package at an import path: its last element,
// or the one before a major version suffix such as v2.
func pkgName(importPath string) string {
	dir, last := path.Split(importPath)
	if len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" && dir != "" {
		return path.Base(dir)
	}
	return last
}

// lineSpan is the whole lines from pos to end, line break included.
func lineSpan(fset *token.FileSet, src []byte, pos, end token.Pos) span {
	s := span{fset.Position(pos).Offset, fset.Position(end).Offset}
	s.start = bytes.LastIndexByte(src[:s.start], '\n') + 1
	if i := bytes.IndexByte(src[s.end:], '\n'); i >= 0 {
		s.end += i + 1
	} else {
		s.end = len(src)
	}
	return s
}
