// Package source is Aftercare's one reader of YAML: it reads the clinical
// rules from their files (Load) and a clinic's profile (DecodeFile, used by
// app/clinic), checks them strictly and reports every problem in one pass
// as file:line:col: message, quoting the bad text and naming the valid
// options. Both go through the same decoder, with the same limits on a
// file (ReadFile, parseYAML). The JSON forms that the server and app.wasm
// embed, and the words files, are the set's own: Set.Build.
//
// It is used by the server-side program and the tests only, so the YAML
// parser never reaches the WebAssembly app.
package source

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"aftercare/rules"

	"go.yaml.in/yaml/v3"
)

type place struct {
	file      string
	line, col int
}

// loader decodes YAML nodes into a rules.Set, remembering where each path
// ("flags[3].when[0]") came from.
type loader struct {
	dir    string
	file   string
	places map[string]place
	errs   rules.Problems
}

// Load reads every *.yaml file of dir in fsys into one rule set, checks it
// and compiles it. Names in messages are prefix/FILE.
func Load(fsys fs.FS, prefix string) (*rules.Set, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no .yaml files", prefix)
	}
	sort.Strings(names)
	l := &loader{dir: prefix, places: map[string]place{}}
	var set rules.Set
	defined := map[string]string{} // top-level key → file
	unreadable := false            // a file is not YAML at all
	for _, name := range names {
		l.file = path.Join(prefix, name)
		data, err := ReadFile(fsys, name, l.file)
		if err != nil {
			return nil, err
		}
		if !l.decodeTop(data, reflect.ValueOf(&set).Elem(), defined) {
			unreadable = true
		}
	}
	// Check the meaning too, so one run reports every problem; but not when a
	// whole file is missing, which would only add noise.
	if !unreadable {
		for _, p := range set.Compile() {
			at := l.placeOf(p.Path, defined)
			l.errs = append(l.errs, rules.Problem{File: at.file, Line: at.line, Col: at.col, Msg: p.Msg})
		}
	}
	if len(l.errs) > 0 {
		sortProblems(l.errs)
		return nil, l.errs
	}
	return &set, nil
}

// decodeTop decodes one file's top-level keys into the set (sv), each key
// in one file only (defined says which). It reports false when the file is
// not YAML at all.
func (l *loader) decodeTop(data []byte, sv reflect.Value, defined map[string]string) bool {
	doc, errs := parseYAML(l.file, data)
	if len(errs) > 0 {
		l.errs = append(l.errs, errs...)
		return false
	}
	if len(doc.Content) == 0 {
		return true
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		l.bad(root, "want a mapping of %s", fieldNames(sv.Type()))
		return true
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		fi, ok := fieldByName(sv.Type(), k.Value)
		switch {
		case !ok:
			l.bad(k, "unknown field %q (known: %s)", k.Value, fieldNames(sv.Type()))
		case defined[k.Value] != "":
			l.bad(k, "%s is already defined in %s", k.Value, defined[k.Value])
		default:
			defined[k.Value] = l.file
			l.decode(v, sv.Field(fi), k.Value)
		}
	}
	return true
}

// sortProblems puts problems in the order of the files and their lines.
func sortProblems(ps rules.Problems) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

func (l *loader) bad(n *yaml.Node, format string, args ...any) {
	l.errs = append(l.errs, rules.Problem{File: l.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
}

// placeOf finds the position of a problem's path, or of its nearest parent;
// failing both, the top of the file that defines (or would define) the
// path's top-level key.
func (l *loader) placeOf(p string, defined map[string]string) place {
	at, top, ok := nearest(l.places, p)
	switch {
	case ok:
		return at
	case defined[top] != "":
		return place{defined[top], 1, 1}
	}
	return place{path.Join(l.dir, top+".yaml"), 1, 1}
}

// nearest is the place of a path ("flags[3].when[0]"), or of its nearest
// parent that has one. When none has, it returns the path's top-level key.
func nearest(places map[string]place, p string) (place, string, bool) {
	for p != "" {
		if at, ok := places[p]; ok {
			return at, p, true
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return place{}, p, false
}

// Places remembers where each path of a decoded file was, for messages.
type Places struct {
	file string
	at   map[string]place
}

// Error places a message at a path ("embed_origins[1]"), or at its nearest
// parent, or at the top of the file.
func (ps Places) Error(path, msg string) rules.Problem {
	at, _, ok := nearest(ps.at, path)
	if !ok {
		at = place{ps.file, 1, 1}
	}
	return rules.Problem{File: at.file, Line: at.line, Col: at.col, Msg: msg}
}

// DecodeFile decodes one YAML file into v (a pointer to a struct with json
// tags) as strictly as the rules: unknown fields, with the known ones
// listed, and wrong types are positioned errors. Fields the file leaves out
// keep the values v already has.
func DecodeFile(file string, data []byte, v any) (Places, error) {
	l := &loader{file: file, places: map[string]place{}}
	doc, errs := parseYAML(file, data)
	if len(errs) > 0 {
		return Places{file, l.places}, errs
	}
	if len(doc.Content) > 0 {
		l.decode(doc.Content[0], reflect.ValueOf(v).Elem(), "")
	}
	if len(l.errs) > 0 {
		return Places{file, l.places}, l.errs
	}
	return Places{file, l.places}, nil
}

// Limits on a file, so a small hostile file cannot take the memory of the
// machine: its size, and the nodes it may have. Anchors and aliases (& and
// *), which let a few lines stand for millions of nodes, are refused: a
// rules or profile file writes each value out.
const (
	maxFileBytes = 1 << 20
	maxNodes     = 100_000
)

// parseYAML reads one file into a node tree, within the limits.
func parseYAML(file string, data []byte) (*yaml.Node, rules.Problems) {
	if len(data) > maxFileBytes {
		return nil, rules.Problems{{File: file, Line: 1, Col: 1, Msg: fmt.Sprintf("the file is %d bytes, over the %d a rules or profile file may have", len(data), maxFileBytes)}}
	}
	var doc, next yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, rules.Problems{yamlError(file, err)}
	}
	// One document a file: what a second one (after "---") said would be
	// dropped without a word, so it is refused, even when it is empty.
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, rules.Problems{{File: file, Line: next.Line, Col: next.Column, Msg: "a second YAML document (\"---\"): a rules or profile file holds one document; remove the \"---\" line or move what follows it into the first"}}
	case err != io.EOF:
		return nil, rules.Problems{yamlError(file, err)}
	}
	var errs rules.Problems
	nodes := 0
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if nodes++; nodes > maxNodes {
			if nodes == maxNodes+1 {
				errs = append(errs, rules.Problem{File: file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("more than %d values: the file is too big", maxNodes)})
			}
			return
		}
		switch {
		case n.Kind == yaml.AliasNode:
			errs = append(errs, rules.Problem{File: file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("alias *%s: anchors and aliases are not allowed here; write the value out", n.Value)})
			return
		case n.Anchor != "":
			errs = append(errs, rules.Problem{File: file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("anchor &%s: anchors and aliases are not allowed here; write the value out", n.Anchor)})
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	if len(errs) > 0 {
		return nil, errs
	}
	return &doc, nil
}

func join(p, key string) string {
	if p == "" {
		return key
	}
	return p + "." + key
}

func (l *loader) decode(n *yaml.Node, v reflect.Value, p string) {
	l.places[p] = place{l.file, n.Line, n.Column}
	switch v.Kind() {
	case reflect.Struct:
		l.decodeStruct(n, v, p)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			l.bad(n, "%s: want a list", p)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			l.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", p, i))
		}
		v.Set(s)
	case reflect.Map: // rules.Text (locale → text) or words (key → rules.Text)
		l.decodeMap(n, v, p)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			l.bad(n, "%s: want a single value", p)
			return
		}
		v.SetString(n.Value)
	case reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			l.bad(n, "%s: want a whole number, got %q", p, n.Value)
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		b, err := strconv.ParseBool(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			l.bad(n, "%s: want true or false, got %q", p, n.Value)
			return
		}
		v.SetBool(b)
	default:
		l.bad(n, "%s: cannot hold a %s", p, v.Kind())
	}
}

// decodeStruct decodes a mapping into a struct's fields, by their JSON
// names; an unknown or repeated field is a problem at its key.
func (l *loader) decodeStruct(n *yaml.Node, v reflect.Value, p string) {
	if n.Kind != yaml.MappingNode {
		l.bad(n, "%s: want a mapping of %s", p, fieldNames(v.Type()))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		fi, ok := fieldByName(v.Type(), k.Value)
		switch {
		case !ok:
			l.bad(k, "unknown field %q (known: %s)", k.Value, fieldNames(v.Type()))
		case seen[k.Value]:
			l.bad(k, "duplicate field %q", k.Value)
		default:
			seen[k.Value] = true
			l.decode(val, v.Field(fi), join(p, k.Value))
		}
	}
}

// decodeMap decodes a mapping into a map by key: a text per locale, or
// the words by key.
func (l *loader) decodeMap(n *yaml.Node, v reflect.Value, p string) {
	if n.Kind != yaml.MappingNode {
		l.bad(n, "%s: want a text per locale, such as {en: \"...\"}", p)
		return
	}
	m := reflect.MakeMap(v.Type())
	text := v.Type().Elem().Kind() == reflect.String
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if text && val.Kind != yaml.ScalarNode {
			l.bad(val, "%s.%s: want a text", p, k.Value)
			continue
		}
		if m.MapIndex(reflect.ValueOf(k.Value)).IsValid() {
			l.bad(k, "duplicate key %q", k.Value)
		}
		l.places[join(p, k.Value)] = place{l.file, k.Line, k.Column}
		e := reflect.New(v.Type().Elem()).Elem()
		l.decode(val, e, join(p, k.Value))
		m.SetMapIndex(reflect.ValueOf(k.Value), e)
	}
	v.Set(m)
}

func fieldByName(t reflect.Type, name string) (int, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); inYAML(f) && tag == name {
			return i, true
		}
	}
	return -1, false
}

// inYAML reports whether people write a field in the YAML: not what the
// build writes for the browser (tagged yaml:"-").
func inYAML(f reflect.StructField) bool { return f.IsExported() && f.Tag.Get("yaml") != "-" }

func fieldNames(t reflect.Type) string {
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); inYAML(f) {
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			names = append(names, tag)
		}
	}
	return strings.Join(names, ", ")
}

// yamlError turns a syntax error of the YAML parser into a positioned one.
func yamlError(file string, err error) rules.Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, tail, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				line, msg = n, tail
			}
		}
	}
	return rules.Problem{File: file, Line: line, Col: 1, Msg: msg}
}
