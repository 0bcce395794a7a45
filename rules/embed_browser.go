//go:build wasm

package rules

import _ "embed"

// compiled is the browser's built-in rule set: rules.json without its
// words and with its conditions parsed (browser.json, written beside it by
// `aftercare rules build`). The app adds the Bundle of the language a page
// shows before it renders.
//
//go:embed browser.json
var compiled []byte
