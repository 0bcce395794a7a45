//go:build !wasm

package rules

// checkEverything: outside the browser, compile runs every check.
const checkEverything = true
