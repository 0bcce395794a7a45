package source

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"aftercare/rules"
	"aftercare/rules/data"
)

// fuzzFiles are the files a fuzz input stands for, picked by its first
// argument: small ones, so each input is a few hundred bytes to mutate.
var fuzzFiles = []string{"card.yaml", "diary.yaml", "meta.yaml", "levels.yaml", "flags.yaml"}

// fuzzSeeds adds each small built-in file as it is, and a few broken
// ones, as seeds of (file, text).
func fuzzSeeds(f *testing.F) {
	for i, name := range fuzzFiles {
		if b, _ := data.FS.ReadFile(name); len(b) < 8<<10 {
			f.Add(uint8(i), b)
		}
	}
	flags := uint8(len(fuzzFiles) - 1)
	f.Add(flags, []byte("flags: []\n"))
	f.Add(flags, []byte("flags:\n  - id: x\n    level: urgent\n    when: [\"pain_now >= 3\"]\n    reason: {en: \"Because.\"}\n"))
	f.Add(flags, []byte("flags: {a: b}\n"))
	f.Add(flags, []byte("flags:\n  - &a {id: x}\n  - *a\n"))
	f.Add(uint8(0), []byte(":\n- [\n"))
	f.Add(uint8(1), []byte("diary:\n  recovered_days: -1\n"))
	f.Add(uint8(2), []byte("locales: [en, en]\n"))
	f.Add(flags, aliasBomb(9))
}

// FuzzLoad: any one of the small rules files, with the other built-in
// files, loads or fails with positioned errors, never a panic; a set that
// loads evaluates.
func FuzzLoad(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, which uint8, yamlText []byte) {
		fsys := builtinFS()
		name := fuzzFiles[int(which)%len(fuzzFiles)]
		fsys[name] = &fstest.MapFile{Data: yamlText}
		// Allocation bound: whatever the input, loading stays within a
		// budget a phone-sized machine can spare.
		var set *rules.Set
		var err error
		if used := allocated(func() { set, err = Load(fsys, "rules/data") }); used > 64<<20 {
			t.Fatalf("loading %d bytes allocated %d MB", len(yamlText), used>>20)
		}
		if err != nil {
			positioned(t, err)
			return
		}
		if _, err := set.Evaluate(rules.Answers{"pain_now": {Number: 9}, "trend": {Option: "worse"}}); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzDecodeFile: one small file alone, decoded as the loader decodes it,
// gives positioned errors or a value, never a panic: thousands of inputs
// a second, where FuzzLoad also loads the whole set for each.
func FuzzDecodeFile(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, which uint8, yamlText []byte) {
		var set rules.Set
		name := "rules/data/" + fuzzFiles[int(which)%len(fuzzFiles)]
		var err error
		if used := allocated(func() { _, err = DecodeFile(name, yamlText, &set) }); used > 64<<20 {
			t.Fatalf("decoding %d bytes allocated %d MB", len(yamlText), used>>20)
		}
		if err != nil {
			positioned(t, err)
		}
	})
}

// positioned fails unless every problem of err says file:line:col.
func positioned(t *testing.T, err error) {
	t.Helper()
	if es, ok := err.(rules.Problems); ok {
		for _, e := range es {
			if e.File == "" || e.Line < 1 {
				t.Fatalf("unpositioned error: %v", e)
			}
		}
	}
}

// allocated is how many bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// aliasBomb is a small file whose aliases stand for 10^depth values.
func aliasBomb(depth int) []byte {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= depth; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("flags: *a" + fmt.Sprint(depth) + "\n")
	return []byte(b.String())
}

// TestAliasesAreRefused: a few kilobytes of nested aliases are refused at
// once, with their position, instead of expanding to gigabytes.
func TestAliasesAreRefused(t *testing.T) {
	bomb := aliasBomb(9)
	fsys := builtinFS()
	fsys["flags.yaml"] = &fstest.MapFile{Data: bomb}
	var err error
	used := allocated(func() { _, err = Load(fsys, "rules/data") })
	if err == nil || !strings.Contains(err.Error(), "rules/data/flags.yaml:1:5: anchor &a0: anchors and aliases are not allowed here") {
		t.Errorf("%d bytes of aliases: %v", len(bomb), err)
	}
	if used > 16<<20 {
		t.Errorf("refusing %d bytes took %d MB", len(bomb), used>>20)
	}
	var v struct {
		Name string `json:"name"`
	}
	if _, err := DecodeFile("clinic.yaml", []byte("x: &n Harbour\nname: *n\n"), &v); err == nil || !strings.Contains(err.Error(), "clinic.yaml:1:4: anchor &n") {
		t.Errorf("an alias in a profile: %v", err)
	}
	big := []byte("name: \"" + strings.Repeat("a", maxFileBytes) + "\"\n")
	if _, err := DecodeFile("clinic.yaml", big, &v); err == nil || !strings.Contains(err.Error(), "bytes, over the") {
		t.Errorf("a file over the size limit: %v", err)
	}
}

func builtinFS() fstest.MapFS {
	fsys := fstest.MapFS{}
	entries, _ := data.FS.ReadDir(".")
	for _, e := range entries {
		b, _ := data.FS.ReadFile(e.Name())
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	return fsys
}
