//go:build wasm

package rules

// checkEverything: in the browser, compile only prepares the built-in set,
// which the server side checked in full (see compile).
const checkEverything = false
