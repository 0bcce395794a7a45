package source

import (
	"testing"
	"testing/fstest"

	"aftercare/rules"
	"aftercare/rules/data"
)

// FuzzLoad: any flags.yaml, with the other built-in files, loads or fails
// with positioned errors, never a panic; a set that loads evaluates.
func FuzzLoad(f *testing.F) {
	flags, _ := data.FS.ReadFile("flags.yaml")
	f.Add(flags)
	f.Add([]byte("flags: []\n"))
	f.Add([]byte("flags:\n  - id: x\n    level: urgent\n    when: [\"pain_now >= 3\"]\n    reason: {en: \"Because.\"}\n"))
	f.Add([]byte("flags: {a: b}\n"))
	f.Add([]byte("flags:\n  - &a {id: x}\n  - *a\n"))
	f.Add([]byte(":\n- [\n"))
	f.Fuzz(func(t *testing.T, yamlText []byte) {
		fsys := builtinFS()
		fsys["flags.yaml"] = &fstest.MapFile{Data: yamlText}
		set, err := Load(fsys, "rules/data")
		if err != nil {
			if es, ok := err.(Errors); ok {
				for _, e := range es {
					if e.File == "" || e.Line < 1 {
						t.Fatalf("unpositioned error: %v", e)
					}
				}
			}
			return
		}
		if _, err := set.Evaluate(rules.Answers{"pain_now": {Number: 9}, "trend": {Option: "worse"}}); err != nil {
			t.Fatal(err)
		}
	})
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
