package rules

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with an input: the rules, a clinic profile or
// a diary backup. It is the one shape of such a problem in Aftercare. Path
// names the place in the data ("flags[3].when[0]", "embed_origins[1]",
// "entries[4]"); a loader that knows the file fills in File, Line and Col
// (package rules/source does for YAML), and then the message reads
// file:line:col: what is wrong.
type Problem struct {
	File      string `json:"file,omitempty"`
	Line, Col int    `json:",omitempty"`
	Path      string `json:"path,omitempty"`
	Msg       string `json:"msg"`
}

func (p Problem) Error() string {
	switch {
	case p.File != "":
		return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
	case p.Path != "":
		return p.Path + ": " + p.Msg
	}
	return p.Msg
}

// Problems is every problem found in one pass.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// add records the problem at path.
func (ps *Problems) add(path, format string, args ...any) {
	*ps = append(*ps, At(path, format, args...))
}

// At is the problem at a path, as Problem{Path: path, Msg: ...}.
func At(path, format string, args ...any) Problem {
	return Problem{Path: path, Msg: fmt.Sprintf(format, args...)}
}
