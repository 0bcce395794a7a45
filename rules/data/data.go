// Package data holds the clinical rules as people write them: YAML files,
// one part of the rule set each. Package rules/source reads and checks them;
// `make rules` builds them into rules/rules.json, rules/browser.json and
// the words files in web/lang.
package data

import "embed"

// FS holds every YAML file of the built-in rule set.
//
//go:embed *.yaml
var FS embed.FS

// Dir is where the files live in the repository, for messages.
const Dir = "rules/data"
