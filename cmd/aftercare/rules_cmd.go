//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"aftercare/rules"
	"aftercare/rules/data"
	"aftercare/rules/source"
)

// rules: aftercare rules lint [DIR] | questions | build [-o FILE] [-words DIR] [DIR] |
// book -o FILE [-vignettes DIR] [-date D] [DIR] | search [-lang L] TEXT.
func (m *Main) rules(args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "lint":
		return m.rulesLint(args[1:])
	case "build":
		return m.rulesBuild(args[1:])
	case "book":
		return m.rulesBook(args[1:])
	case "search":
		return m.rulesSearch(args[1:])
	case "questions":
		return m.rulesQuestions(args[1:])
	}
	return exitError{2, fmt.Sprintf("unknown rules command %q (known: lint, questions, build, book, search)", args[0])}
}

// rulesLint checks rule files and says what they hold.
func (m *Main) rulesLint(args []string) error {
	fs := m.flags("rules lint")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	set, where, err := loadRules(fs.Args())
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%s: ok: %d questions, %d flags, %d levels, %d causes, %d tiers, %d guide sections, locales %v\n",
		where, len(set.Questions), len(set.Flags), len(set.Levels), len(set.Causes), len(set.Plan.Tiers), len(set.Guide), set.Locales)
	return nil
}

// rulesBuild compiles rule files into the compact rules (rules.json),
// the browser's (browser.json beside it: no words, conditions parsed) and
// each language's words file (Set.Build). A file already up to date is
// left as it is.
func (m *Main) rulesBuild(args []string) error {
	fs := m.flags("rules build")
	out := fs.String("o", "rules/rules.json", "file to write the compact rules to (browser.json beside it)")
	words := fs.String("words", filepath.Join("web", "lang"), "folder to write each language's words file to")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	set, where, err := loadRules(fs.Args())
	if err != nil {
		return err
	}
	b, err := set.Build()
	if err != nil {
		return err
	}
	return b.Write(*out, *words, where, m.Stdout)
}

// rulesQuestions prints the built-in questions as JSON.
func (m *Main) rulesQuestions(args []string) error {
	if err := parse(m.flags("rules questions"), args, false); err != nil {
		return err
	}
	set, err := rules.Default()
	if err != nil {
		return err
	}
	return writeJSON(m.Stdout, questionList(set))
}

// loadRules reads the rules from DIR, or the built-in YAML when none is
// given.
func loadRules(args []string) (*rules.Set, string, error) {
	var fsys fs.FS = data.FS
	where := data.Dir
	switch len(args) {
	case 0:
	case 1:
		where = args[0]
		if st, err := os.Stat(where); err != nil || !st.IsDir() {
			return nil, "", fmt.Errorf("%s: not a folder of rule files", where)
		}
		fsys = os.DirFS(where)
	default:
		return nil, "", exitError{2, fmt.Sprintf("want at most one folder, got %q", args)}
	}
	set, err := source.Load(fsys, where)
	if err != nil {
		return nil, "", err
	}
	return set, where, nil
}

type questionJSON struct {
	ID      string       `json:"id"`
	Kind    string       `json:"kind"`
	Text    string       `json:"text"`
	Help    string       `json:"help,omitempty"`
	Options []optionJSON `json:"options,omitempty"`
	Min     *int         `json:"min,omitempty"`
	Max     *int         `json:"max,omitempty"`
	Unsure  bool         `json:"unsure"`
	AskIf   []string     `json:"ask_if,omitempty"` // asked only when these all hold
}

type optionJSON struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

func questionList(set *rules.Set) []questionJSON {
	loc := set.Locales[0]
	out := []questionJSON{}
	for _, q := range set.Questions {
		qj := questionJSON{ID: q.ID, Kind: q.Kind, Text: set.In(q.Text, loc), Help: set.In(q.Help, loc), Unsure: q.Unsure != "", AskIf: q.AskIf}
		for _, o := range q.Options {
			qj.Options = append(qj.Options, optionJSON{o.ID, set.In(o.Label, loc)})
		}
		if q.Kind == rules.KindScale {
			qj.Min, qj.Max = &q.Min, &q.Max
		}
		out = append(out, qj)
	}
	return out
}

// triage: aftercare triage [-lang L] [FILE] reads {"answers": {...}} and
// prints the advice as JSON, its words in language L (the advice is the
// same in every language).
func (m *Main) triage(args []string) error {
	set, err := rules.Default()
	if err != nil {
		return err
	}
	known := strings.Join(set.Locales, ", ")
	if len(args) > 0 && strings.TrimLeft(args[len(args)-1], "-") == "lang" {
		return exitError{2, "triage: -lang needs a language (" + known + ")"}
	}
	fs := m.flags("triage")
	locale := fs.String("lang", set.Locales[0], "the language of the report ("+known+")")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	if !slices.Contains(set.Locales, *locale) {
		return exitError{2, fmt.Sprintf("triage: -lang %q: want one of %s", *locale, known)}
	}
	given, err := m.readTriageInput(fs.Args())
	if err != nil {
		return err
	}
	r, err := evaluateGiven(set, given)
	if err != nil {
		return err
	}
	return writeJSON(m.Stdout, set.Report(r, *locale))
}

// readTriageInput reads the answers from the file named, or from stdin.
func (m *Main) readTriageInput(args []string) (map[string]any, error) {
	switch len(args) {
	case 0:
		return readAnswers(m.Stdin)
	case 1:
		f, err := os.Open(args[0])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readAnswers(f)
	}
	return nil, exitError{2, fmt.Sprintf("triage: want at most one file, got %q", args)}
}

// evaluateGiven turns the answers as given in JSON into the rules' and
// evaluates them. Every answer that does not fit is named, in one error.
func evaluateGiven(set *rules.Set, given map[string]any) (rules.Result, error) {
	answers := rules.Answers{}
	var problems []string
	for _, id := range slices.Sorted(maps.Keys(given)) {
		a, err := set.AnswerFromJSON(id, given[id])
		if err != nil {
			problems = append(problems, clip(err.Error()))
			continue
		}
		answers[id] = a
	}
	r, err := set.Evaluate(answers) // checks the values of the rest
	if err != nil {
		problems = append(problems, clip(err.Error()))
	}
	if len(problems) > 0 {
		return r, exitError{2, "triage: " + strings.Join(problems, "; ")}
	}
	return r, nil
}

const maxTriageBytes = 1 << 20

// readAnswers reads {"answers": {...}}: at most 1 MB, one JSON value and
// nothing after it, the key "answers" as written here, and no key given
// twice or twice in different case in any object (encoding/json would take
// the last, or merge "Answers" into "answers").
func readAnswers(in io.Reader) (map[string]any, error) {
	const want = `triage: want {"answers": {"QUESTION": VALUE}}`
	data, err := io.ReadAll(io.LimitReader(in, maxTriageBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxTriageBytes {
		return nil, exitError{2, fmt.Sprintf("triage: the input is over %d bytes", maxTriageBytes)}
	}
	var req map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&req); err != nil {
		return nil, exitError{2, fmt.Sprintf("%s: %s", want, clip(err.Error()))}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, exitError{2, "triage: want one JSON value, and nothing after it"}
	}
	if err := rules.CheckJSONKeys(data); err != nil {
		return nil, exitError{2, "triage: " + clip(err.Error())}
	}
	for key := range req {
		if key != "answers" {
			return nil, exitError{2, fmt.Sprintf("%s: unknown field %q", want, clip(key))}
		}
	}
	var answers map[string]any
	if err := json.Unmarshal(req["answers"], &answers); err != nil && req["answers"] != nil {
		return nil, exitError{2, fmt.Sprintf("%s: %s", want, clip(err.Error()))}
	}
	if answers == nil {
		return nil, exitError{2, `triage: no "answers" object`}
	}
	return answers, nil
}

// clip shortens a message that quotes what it was given, so a huge value
// is not echoed back whole.
func clip(msg string) string {
	const most = 300
	if len(msg) <= most {
		return msg
	}
	return msg[:most] + fmt.Sprintf("... (%d more bytes)", len(msg)-most)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// rulesSearch prints the signs that typed words may mean, best first, as
// JSON: what the check's search box finds, for clinicians and tests.
func (m *Main) rulesSearch(args []string) error {
	fs := m.flags("rules search")
	lang := fs.String("lang", "en", "the language of the words (en, es)")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	set, err := rules.Default()
	if err != nil {
		return err
	}
	if !slices.Contains(set.Locales, *lang) {
		return exitError{2, fmt.Sprintf("rules search: unknown language %q (known: %s)", *lang, strings.Join(set.Locales, ", "))}
	}
	text := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(text) == "" {
		return exitError{2, "rules search: give the words to search for, e.g. aftercare rules search burns when i pee"}
	}
	if n := len([]rune(text)); n > rules.SearchLimit {
		return exitError{2, fmt.Sprintf("rules search: %d characters; the search box takes %d at most", n, rules.SearchLimit)}
	}
	matches := set.Search(text, *lang)
	if matches == nil {
		matches = []rules.Match{}
	}
	return writeJSON(m.Stdout, matches)
}
