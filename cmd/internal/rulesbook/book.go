//go:build !wasm

// Package rulesbook writes the rules book: one self-contained HTML page for
// the clinician who signs the clinical rules off. For every red flag it
// gives its id, level and group, its conditions in words (the questions and
// answers as the person reads them, in every language of the rules), its
// reason in every language, the published guidance it comes from, and the
// vignettes that exercise it; and it lists the flags no vignette exercises.
// The page has no script and loads nothing, and prints on A4.
//
// `aftercare rules book` runs it. It is for the server side only: app.wasm
// never imports it.
package rulesbook

import (
	"bytes"
	_ "embed"
	"html/template"
	"io"

	"aftercare/rules"
)

// Options are what the book is made with beside the rules.
type Options struct {
	Date      string     // the day it was made, "2006-01-02"
	Rules     string     // where the rules were read from, "rules/data"
	Vignettes []Vignette // the test cases; none: the book says so
	// VignetteDir is where the vignettes were looked for.
	VignetteDir string
}

//go:embed book.html
var page string

var tmpl = template.Must(template.New("book").Parse(page))

// Write writes the rules book of the set as HTML.
func Write(w io.Writer, set *rules.Set, o Options) error {
	var b bytes.Buffer
	if err := tmpl.Execute(&b, build(set, o)); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// book is what the page shows.
type book struct {
	Options
	Locales                     []string // the languages' names
	Questions, Groups, NumFlags int
	Levels                      []levelPart
	Untested                    []*flagPart
	EmergencyNumber             string // the default, which "{emergency}" stands for
}

type levelPart struct {
	ID    rules.Level
	Title string
	Flags []*flagPart
}

type flagPart struct {
	ID         string
	Level      rules.Level
	Group      string
	GroupLabel []inLang
	Source     string
	Conditions []condPart
	Reason     []inLang
	Vignettes  []Vignette
}

type condPart struct {
	Source string
	Words  []wordsInLang
}

// inLang is one text in one language, named in the rules' first language.
type inLang struct{ Lang, Text string }

type wordsInLang struct {
	Lang string
	Words
}
