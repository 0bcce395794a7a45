package rules

// rules.json, browser.json and the words files in web/lang are built from
// the YAML in data/ (internal/gen, as `aftercare rules build`); the tests
// fail when they are out of date.
//go:generate go run ./internal/gen

import (
	"encoding/json"
	"fmt"
)

// BrowserFile is the name of the browser's form of the rules, written
// beside rules.json: the same set without flag sources and words, with its
// conditions parsed. Each words file is it with one locale's texts.
const BrowserFile = "browser.json"

// Parse reads a rule set in its compact JSON form, checks it and prepares it
// for evaluation. A set with problems is an error listing all of them.
func Parse(data []byte) (*Set, error) {
	var s Set
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	if ps := s.Compile(); len(ps) > 0 {
		return nil, ps
	}
	return &s, nil
}

// Compile checks a set built in memory (as package rules/source does from
// YAML) and prepares it for evaluation. It returns every problem found.
func (s *Set) Compile() Problems { return s.compile() }
