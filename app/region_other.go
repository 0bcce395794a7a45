//go:build !wasm

package app

// browserLanguages: the server prerenders for every browser, so it knows
// none; its pages show the default region's number.
func browserLanguages() []string { return nil }
