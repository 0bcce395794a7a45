//go:build !wasm

package source

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"aftercare/rules"
	"aftercare/rules/data"
)

func TestBuiltInRulesLoad(t *testing.T) {
	if _, err := Load(data.FS, data.Dir); err != nil {
		t.Fatalf("the built-in rules do not load:\n%v", err)
	}
}

// TestCompactFormIsInSync: what `make rules` writes, rules/rules.json
// (the server's), rules/browser.json (app.wasm's) and each language's
// words file in web/lang (served as they are), must be exactly what the
// YAML builds to.
func TestCompactFormIsInSync(t *testing.T) {
	set, err := Load(os.DirFS("../data"), data.Dir)
	if err != nil {
		t.Fatal(err)
	}
	built, err := set.Build()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"rules/rules.json": built.JSON, "rules/" + rules.BrowserFile: built.Browser}
	for _, l := range set.Locales {
		files["web/lang/"+rules.WordsFile(l)] = built.Words[l]
	}
	for name, want := range files { // named from the repository's root
		if got, err := os.ReadFile("../../" + name); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is out of date with rules/data: run make rules (%v)", name, err)
		}
	}
	if _, err := rules.Parse(built.JSON); err != nil {
		t.Fatalf("rules.json does not parse: %v", err)
	}
}

// builtin returns the built-in files, with some replaced, for bad cases.
func builtin(t *testing.T, replace map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	entries, _ := data.FS.ReadDir(".")
	for _, e := range entries {
		b, _ := data.FS.ReadFile(e.Name())
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	for name, body := range replace {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

// edit replaces one exact piece of a built-in file.
func edit(t *testing.T, name, old, new string) map[string]string {
	t.Helper()
	b, _ := data.FS.ReadFile(name)
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	return map[string]string{name: strings.Replace(string(b), old, new, 1)}
}

// at is the position "rules/data/NAME:LINE:COL: " of the line lines below
// the first line of anchor in a built-in file, so the expected messages
// follow the file as it grows.
func at(t *testing.T, name, anchor string, lines, col int) string {
	t.Helper()
	b, _ := data.FS.ReadFile(name)
	i := strings.Index(string(b), anchor)
	if i < 0 {
		t.Fatalf("%s has no %q", name, anchor)
	}
	return fmt.Sprintf("rules/data/%s:%d:%d: ", name, strings.Count(string(b[:i]), "\n")+1+lines, col)
}

func TestBadRulesGetPositionedMessages(t *testing.T) {
	tests := []struct {
		name    string
		replace map[string]string
		want    []string // every line expected, exactly
	}{
		{
			"unknown field",
			edit(t, "flags.yaml", "  - id: heart\n    group: heart\n    level: emergency", "  - id: heart\n    group: heart\n    levle: emergency"),
			[]string{
				at(t, "flags.yaml", "  - id: heart\n    group: heart\n", 2, 5) + `unknown field "levle" (known: id, group, level, when, reason, source)`,
				at(t, "flags.yaml", "  - id: heart\n    group: heart\n", 0, 5) + `level "": a flag raises the advice to emergency, urgent or doctor`,
			},
		},
		{
			"unknown option, with the valid ones",
			edit(t, "flags.yaml", `"trend >= worse"`, `"trend >= wrose"`),
			[]string{at(t, "flags.yaml", `"trend >= worse"`, 0, 29) + `condition "trend >= wrose": "wrose" is not an option of trend (options: better, same, worse)`},
		},
		{
			"dangling question id",
			edit(t, "flags.yaml", `when: ["other_signs includes dark_pee"]`, `when: ["dark_urine is yes"]`),
			[]string{at(t, "flags.yaml", `when: ["other_signs includes dark_pee"]`, 0, 12) + `condition "dark_urine is yes": unknown question "dark_urine" (questions: `},
		},
		{
			"out of range, so never true",
			edit(t, "flags.yaml", `"pain_now >= 8"`, `"pain_now >= 11"`),
			[]string{at(t, "flags.yaml", `"pain_now >= 8"`, 0, 12) + `condition "pain_now >= 11": can never be true: pain_now runs from 0 to 10`},
		},
		{
			"conditions that can never all be true",
			edit(t, "flags.yaml", `when: ["days >= 15", "pain_now >= 1"]`, `when: ["pain_now >= 4", "pain_now <= 2"]`),
			[]string{`rules/data/flags.yaml:`, `these conditions can never all be true`},
		},
		{
			"a flag that a worse answer could switch off",
			edit(t, "flags.yaml", `"days >= 3", "trend >= same", "pain_now >= 2"`, `"days >= 3", "trend is same", "pain_now >= 2"`),
			[]string{at(t, "flags.yaml", `"days >= 3", "trend >= same", "pain_now >= 2"`, 0, 25) + `condition "trend is same": must also hold for every worse answer of trend, or a worse answer could lower the advice (use >=)`},
		},
		{
			"a flag without a source",
			edit(t, "flags.yaml", "    source: \"NHS, Heart attack: symptoms; NICE CG95, Chest pain of recent onset\"\n", ""),
			[]string{at(t, "flags.yaml", "  - id: heart\n    group: heart\n", 0, 5) + `flag heart names no source: say which published page and section it comes from`},
		},
		{
			"duplicate id",
			edit(t, "flags.yaml", "  - id: lungs\n    group: lungs\n", "  - id: heart\n    group: lungs\n"),
			[]string{at(t, "flags.yaml", "  - id: lungs\n    group: lungs\n", 0, 9) + `duplicate flag id "heart"`},
		},
		{
			"missing text for a locale",
			edit(t, "meta.yaml", "locales: [en, es]", "locales: [en, es, fr]"),
			[]string{`missing text for locale "fr"`},
		},
		{
			"a text without its Spanish",
			edit(t, "questions.yaml", `text: {en: "How old are you?", es: "¿Cuántos años tiene?"}`, `text: {en: "How old are you?"}`),
			[]string{at(t, "questions.yaml", `text: {en: "How old are you?"`, 0, 11) + `missing text for locale "es"`},
		},
		{
			"an empty Spanish text",
			edit(t, "words.yaml", `back: {en: "Back", es: "Atrás"}`, `back: {en: "Back", es: ""}`),
			[]string{`rules/data/words.yaml:`, `missing text for locale "es"`},
		},
		{
			"missing level",
			edit(t, "levels.yaml", "  - id: doctor\n", "  - id: doktor\n"),
			[]string{
				at(t, "levels.yaml", "  - id: doctor\n", 0, 9) + `unknown level "doktor" (levels: emergency, urgent, doctor, selfcare)`,
				`missing level "doctor"`,
			},
		},
		{
			"unreachable question",
			edit(t, "questions.yaml", "  - id: stress\n    kind: yesno\n", "  - id: stress\n    kind: yesno\n    ask_if: [\"pain_now >= 9\", \"pain_now <= 1\"]\n"),
			[]string{`unreachable: these conditions can never all be true, so stress is never asked`},
		},
		{
			"ask_if on a later question",
			edit(t, "questions.yaml", "  - id: chest\n    kind: choice\n", "  - id: chest\n    kind: choice\n    ask_if: [\"stress is yes\"]\n"),
			[]string{`condition "stress is yes": stress comes later: ask_if may use only earlier questions`},
		},
		{
			"unknown kind",
			edit(t, "questions.yaml", "kind: scale", "kind: slider"),
			[]string{`unknown kind "slider" (kinds: yesno, choice, multi, scale)`},
		},
		{
			"YAML syntax",
			map[string]string{"flags.yaml": "flags:\n  - id: [\n"},
			[]string{`rules/data/flags.yaml:`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Run(tt.name, func(t *testing.T) {
				_, err := Load(builtin(t, tt.replace), data.Dir)
				if err == nil {
					t.Fatal("loaded without error")
				}
				msg := err.Error()
				for _, w := range tt.want {
					if !strings.Contains(msg, w) {
						t.Errorf("want %q in:\n%s", w, msg)
					}
				}
				for _, line := range strings.Split(msg, "\n") {
					if !strings.HasPrefix(line, "rules/data/") || strings.Count(line, ":") < 3 {
						t.Errorf("not file:line:col: %q", line)
					}
				}
			})
		})
	}
}

// TestEveryProblemInOneRun: two unrelated mistakes in two files are both
// reported, sorted by file.
func TestEveryProblemInOneRun(t *testing.T) {
	r := edit(t, "flags.yaml", `"pain_now >= 8"`, `"pain_now >= 11"`)
	for k, v := range edit(t, "causes.yaml", `"posture is yes"`, `"postur is yes"`) {
		r[k] = v
	}
	_, err := Load(builtin(t, r), data.Dir)
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "rules/data/causes.yaml:") || !strings.HasPrefix(lines[1], "rules/data/flags.yaml:") {
		t.Errorf("want both problems, sorted by file:\n%v", err)
	}
}

// TestADerivedTextIsCheckedOnce: a group's label without its Spanish is
// one problem, at the label, not again at the level and the diary that
// show the label too (copies the rules derive, not write).
func TestADerivedTextIsCheckedOnce(t *testing.T) {
	fsys := tinyFS()
	flags := string(tinyFiles()["flags.yaml"])
	label := `label: {en: "Chest pain", es: "Dolor de pecho"}`
	if !strings.Contains(flags, label) {
		t.Fatalf("tiny flags.yaml has no %s", label)
	}
	fsys["flags.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(flags, label, `label: {en: "Chest pain"}`, 1))}
	_, err := Load(fsys, "tiny")
	if err == nil || err.Error() != `tiny/flags.yaml:2:104: missing text for locale "es"` {
		t.Errorf("want one problem, at the label:\n%v", err)
	}
}

// TestADuplicateLocaleIsRefused: a locale listed twice would show twice on
// the language switch.
func TestADuplicateLocaleIsRefused(t *testing.T) {
	fsys := tinyFS()
	meta := string(tinyFiles()["meta.yaml"])
	if !strings.HasPrefix(meta, "locales: [en, es]\n") {
		t.Fatalf("tiny meta.yaml starts otherwise: %.40q", meta)
	}
	fsys["meta.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(meta, "[en, es]", "[en, es, en]", 1))}
	_, err := Load(fsys, "tiny")
	if err == nil || err.Error() != `tiny/meta.yaml:1:19: duplicate locale "en"` {
		t.Errorf("want the second en refused:\n%v", err)
	}
}
