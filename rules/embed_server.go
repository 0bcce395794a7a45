//go:build !wasm

package rules

import (
	_ "embed"
	"sync"
)

// compiled is the built-in rule set, made from rules/data by
// `aftercare rules build` (make rules) and checked to be in sync by the
// tests: every locale, for the server, the command line and the tests.
//
//go:embed rules.json
var compiled []byte

var builtin struct {
	once sync.Once
	set  *Set
	err  error
}

// Default returns the built-in rule set.
func Default() (*Set, error) {
	builtin.once.Do(func() { builtin.set, builtin.err = Parse(compiled) })
	return builtin.set, builtin.err
}
