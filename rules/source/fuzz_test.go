//go:build !wasm

package source

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"aftercare/rules"
	"aftercare/rules/data"
)

// TestMain caps the fuzzer's minimizing at 500 tries an input, unless
// -fuzzminimizetime says otherwise. The fuzzer minimizes every input that
// finds new code, by default for up to 60 s, trying to cut every run of
// its bytes (the square of its length in tries), and each try of FuzzLoad
// loads a whole rule set: left so, the workers spend most of a run
// minimizing instead of searching.
func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.fuzzminimizetime" })
	if !given {
		flag.Set("test.fuzzminimizetime", "500x")
	}
	os.Exit(m.Run())
}

// FuzzLoad: the tiny rule set (../testdata/tiny) with one line of one
// file changed (which picks the file, line the line, and text is what
// stands in its place, newlines and all) loads or fails with positioned
// errors, never a panic, within a memory budget; a set that loads
// evaluates, and reads back the same from its own JSON.
//
// A line, not a file, and the tiny set, not the built-in one: each input
// that finds new code is minimized (see TestMain), in tries that grow with
// the square of its length, each loading the whole set. With whole files
// of the built-in set (each load 10 to 25 ms) the fuzzer did little else:
// 21 executions in 20 s.
func FuzzLoad(f *testing.F) {
	lineSeeds(f)
	f.Fuzz(func(t *testing.T, which, line uint8, text []byte) {
		fsys := tinyWithLine(which, line, text)
		// Allocation bound: whatever the input, loading stays within a
		// budget a phone-sized machine can spare.
		var set *rules.Set
		var err error
		if used := allocated(func() { set, err = Load(fsys, "tiny") }); used > 64<<20 {
			t.Fatalf("loading %d bytes allocated %d MB", len(text), used>>20)
		}
		if err != nil {
			positioned(t, err)
			return
		}
		as := rules.Answers{"pain_now": {Number: 9}, "trend": {Option: "worse"}, "chest": {Unsure: true}}
		r, err := set.Evaluate(as)
		if err == nil && r.Level.Rank() < 0 {
			t.Fatalf("level %q", r.Level)
		}
		b, err := set.JSON()
		if err != nil {
			t.Fatal(err)
		}
		again, err := rules.Parse(b)
		if err != nil {
			t.Fatalf("a set that loaded does not parse from its own JSON: %v\n%s", err, b)
		}
		if b2, _ := again.JSON(); !bytes.Equal(b, b2) {
			t.Fatalf("its own JSON reads back otherwise:\n%s\n%s", b, b2)
		}
	})
}

// FuzzDecodeFile: one small file alone, decoded as the loader decodes it,
// gives positioned errors or a value, never a panic: thousands of inputs
// a second, where FuzzLoad also loads the whole set for each.
func FuzzDecodeFile(f *testing.F) {
	fileSeeds(f)
	f.Fuzz(func(t *testing.T, which uint8, yamlText []byte) {
		var set rules.Set
		name := "tiny/" + fuzzFile(which)
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
