//go:build !wasm

package source

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "write rules/testdata/tiny.json from rules/testdata/tiny")

// The tiny rule set the fuzz tests mutate (see its README).
const (
	tinyDir  = "../testdata/tiny"
	tinyJSON = "../testdata/tiny.json"
)

// TestTinySet: the tiny set loads, and tiny.json, which FuzzParse mutates,
// is what it compiles to.
func TestTinySet(t *testing.T) {
	set, err := Load(os.DirFS(tinyDir), "tiny")
	if err != nil {
		t.Fatalf("the tiny rule set does not load:\n%v", err)
	}
	want, err := set.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(tinyJSON, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := os.ReadFile(tinyJSON); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("rules/testdata/tiny.json is out of date with rules/testdata/tiny: go test ./rules/source -run TestTinySet -update (%v)", err)
	}
}

// tinyFiles are the files of the tiny set by name, read once.
var tinyFiles = sync.OnceValue(func() map[string][]byte {
	files := map[string][]byte{}
	names, err := filepath.Glob(filepath.Join(tinyDir, "*.yaml"))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			panic(err)
		}
		files[filepath.Base(name)] = b
	}
	if err != nil || len(files) == 0 {
		panic(fmt.Sprintf("no tiny rule set in %s: %v", tinyDir, err))
	}
	return files
})

// fuzzFiles are the tiny set's file names, sorted: a fuzz input's first
// argument picks one.
func fuzzFiles() []string { return slices.Sorted(maps.Keys(tinyFiles())) }

// fuzzFile is the name a fuzz input's first argument picks.
func fuzzFile(which uint8) string {
	names := fuzzFiles()
	return names[int(which)%len(names)]
}

// linesOf is a file's lines, without their newlines.
func linesOf(b []byte) [][]byte { return bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n")) }

// tinyFS is the tiny set, as files to change.
func tinyFS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, b := range tinyFiles() {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// tinyWithLine is the tiny set with line number line (modulo its lines) of
// file which (modulo the files) replaced by text.
func tinyWithLine(which, line uint8, text []byte) fstest.MapFS {
	fsys := tinyFS()
	name := fuzzFile(which)
	lines := slices.Clone(linesOf(tinyFiles()[name]))
	lines[int(line)%len(lines)] = text
	fsys[name] = &fstest.MapFile{Data: append(bytes.Join(lines, []byte("\n")), '\n')}
	return fsys
}

// fileSeeds adds each file of the tiny set as it is, and whole files that
// are near misses, as seeds of (file, text).
func fileSeeds(f *testing.F) {
	names := fuzzFiles()
	for i, name := range names {
		f.Add(uint8(i), tinyFiles()[name])
	}
	for _, s := range []struct{ file, text string }{
		{"flags.yaml", "flags: []\n"},
		{"flags.yaml", "flags: {a: b}\n"},
		{"flags.yaml", "flags:\n  - &a {id: x}\n  - *a\n"},
		{"flags.yaml", string(aliasBomb(9))},
		{"card.yaml", ":\n- [\n"},
		{"meta.yaml", "locales: [en]\n---\nnames: {}\n"},
		{"plan.yaml", "plan:\n  tiers: [{id: t, when: [a, b], expected_days: x}]\n  extra: 1\n"},
	} {
		f.Add(uint8(slices.Index(names, s.file)), []byte(s.text))
	}
}

// lineSeeds adds every line of the tiny set as it is, and lines that are
// near misses, as seeds of (file, line, text).
func lineSeeds(f *testing.F) {
	names := fuzzFiles()
	for i, name := range names {
		for j, line := range linesOf(tinyFiles()[name]) {
			f.Add(uint8(i), uint8(j), line)
		}
	}
	for _, s := range []struct{ file, old, text string }{
		{"meta.yaml", "locales:", "locales: [en, en, pt-BR, EN]"},
		{"meta.yaml", "locales:", "locales: []\n---\nx: 1"},
		{"meta.yaml", "  yes:", "  yes: &y {en: \"Yes\", es: \"Sí\"}\n  maybe: *y"},
		{"questions.yaml", "    max: 10", "    max: 0x10"},
		{"questions.yaml", "    min: 0", "    min: 11"},
		{"questions.yaml", "    kind: yesno", "    kind: yesno\n    options: [{id: no}]"},
		{"questions.yaml", "    unsure: same", "    unsure: nope"},
		{"questions.yaml", "    ask_if:", "    ask_if: [\"trend is same\", \"days >= d0_2\", \"days <= d0_2 or\"]"},
		{"questions.yaml", "  - id: trend", "  - id: pain_now"},
		{"flags.yaml", "    level: urgent", "    level: selfcare"},
		{"flags.yaml", "    when: [\"chest", "    when: [\"chest is no\", \"pain_now <= 3\", \"days is d3_up\"]"},
		{"flags.yaml", "    source: \"B\"", "    source: [B]"},
		{"flags.yaml", "  - {id: slow", "  - {id: slow, level: doctor, diary: maybe}"},
		{"levels.yaml", "  - id: doctor", "  - id: selfcare"},
		{"plan.yaml", "      band_top: 4", "      band_top: 99\n      extra: 1"},
		{"guide.yaml", "    include:", "    include: [nope, signs]"},
		{"diary.yaml", "  recovered_days: 2", "  recovered_days: -1"},
		{"diary.yaml", "  v1_signs:", "  v1_signs: {chest_breathing: [slow, nope], x: heart}"},
		{"card.yaml", "  answers:", "  answers: [pain_now, nope]"},
		{"card.yaml", "  note_max:", "  note_max: 999\n  note_max: 1"},
		{"words.yaml", "  day_n:", "  day_n: {en: \"Day {n}\", es: \"Día {total}\"}\n  Bad: {en: x, fr: y}"},
		{"causes.yaml", "        weight: 2", "        weight: yes"},
		{"causes.yaml", "      - when:", "      - when: [\"days is d0_2 or\"]"},
		{"flags.yaml", "flags:", "flags:\n - [\n"},
	} {
		i := slices.Index(names, s.file)
		j := slices.IndexFunc(linesOf(tinyFiles()[s.file]), func(l []byte) bool { return bytes.HasPrefix(l, []byte(s.old)) })
		if i < 0 || j < 0 {
			f.Fatalf("no line %q in %s", s.old, s.file)
		}
		f.Add(uint8(i), uint8(j), []byte(s.text))
	}
}
