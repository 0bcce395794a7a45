//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"aftercare/rules"
	"aftercare/rules/data"
	"aftercare/rules/source"
)

// exitError ends the program with a code of its own (2: bad input).
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// cmdRules: aftercare rules lint [DIR] | questions | build [-o FILE] [-words DIR] [DIR] |
// book -o FILE [-vignettes DIR] [-date D] [DIR] | search [-lang L] TEXT.
func cmdRules(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "lint":
		fs := flag.NewFlagSet("rules lint", flag.ContinueOnError)
		fs.SetOutput(stderr)
		if err := fs.Parse(args[1:]); err != nil {
			return usageErr(err)
		}
		set, where, err := loadRules(fs.Args())
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: ok: %d questions, %d flags, %d levels, %d causes, %d tiers, %d guide sections, locales %v\n",
			where, len(set.Questions), len(set.Flags), len(set.Levels), len(set.Causes), len(set.Plan.Tiers), len(set.Guide), set.Locales)
		return nil
	case "build":
		fs := flag.NewFlagSet("rules build", flag.ContinueOnError)
		fs.SetOutput(stderr)
		out := fs.String("o", "rules/rules.json", "file to write the compact rules to (browser.json beside it)")
		words := fs.String("words", filepath.Join("web", "lang"), "folder to write each language's words file to")
		if err := fs.Parse(args[1:]); err != nil {
			return usageErr(err)
		}
		set, where, err := loadRules(fs.Args())
		if err != nil {
			return err
		}
		b, err := set.Build()
		if err != nil {
			return err
		}
		return b.Write(*out, *words, where, stdout)
	case "book":
		return cmdRulesBook(args[1:], stdout, stderr)
	case "search":
		return cmdRulesSearch(args[1:], stdout, stderr)
	case "questions":
		if len(args) > 1 {
			return exitError{2, fmt.Sprintf("rules questions: unexpected argument %q", args[1])}
		}
		set, err := rules.Default()
		if err != nil {
			return err
		}
		return writeJSON(stdout, questionList(set))
	}
	return exitError{2, fmt.Sprintf("unknown rules command %q (known: lint, questions, build, book, search)", args[0])}
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

// cmdTriage: aftercare triage [FILE] reads {"answers": {...}} and prints the
// advice as JSON.
func cmdTriage(args []string, stdin io.Reader, stdout io.Writer) error {
	set, err := rules.Default()
	if err != nil {
		return err
	}
	// -lang es: the report's words in that language (the advice is the same).
	locale := set.Locales[0]
	if len(args) > 0 && (args[0] == "-lang" || strings.HasPrefix(args[0], "-lang=")) {
		v, ok := strings.CutPrefix(args[0], "-lang=")
		if !ok {
			if len(args) < 2 {
				return exitError{2, "triage: -lang needs a language (" + strings.Join(set.Locales, ", ") + ")"}
			}
			v, args = args[1], args[1:]
		}
		if !slices.Contains(set.Locales, v) {
			return exitError{2, fmt.Sprintf("triage: -lang %q: want one of %s", v, strings.Join(set.Locales, ", "))}
		}
		locale, args = v, args[1:]
	}
	in := stdin
	switch len(args) {
	case 0:
	case 1:
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	default:
		return exitError{2, fmt.Sprintf("triage: want at most one file, got %q", args)}
	}
	given, err := readAnswers(in)
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(given))
	for id := range given {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	answers := rules.Answers{}
	var problems []string
	for _, id := range ids {
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
		return exitError{2, "triage: " + strings.Join(problems, "; ")}
	}
	return writeJSON(stdout, set.Report(r, locale))
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

func usageErr(err error) error {
	if err == flag.ErrHelp {
		return err
	}
	return errUsage
}

// cmdRulesSearch prints the signs that typed words may mean, best first, as
// JSON: what the check's search box finds, for clinicians and tests.
func cmdRulesSearch(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("rules search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "en", "the language of the words (en, es)")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
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
	return writeJSON(stdout, matches)
}
