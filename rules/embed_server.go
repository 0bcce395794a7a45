//go:build !wasm

package rules

import _ "embed"

// compiled is the built-in rule set, made from rules/data by
// `aftercare rules build` (make rules) and checked to be in sync by the
// tests: every locale, for the server, the command line and the tests.
//
//go:embed rules.json
var compiled []byte
