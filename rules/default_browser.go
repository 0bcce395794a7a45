//go:build wasm

package rules

import "errors"

// app.wasm carries no rule set: the app reads the words file of the page's
// language (UseWords) before anything asks for the rules.
var browserSet *Set

// UseWords makes the words file of locale the rule set Default returns.
func UseWords(data []byte, locale string) error {
	s, err := ParseWords(data, locale)
	if err == nil {
		browserSet = s
	}
	return err
}

// Default returns the rule set of the words file the app read.
func Default() (*Set, error) {
	if browserSet == nil {
		return nil, errors.New("rules: no words file read yet")
	}
	return browserSet, nil
}
