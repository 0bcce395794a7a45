//go:build !wasm

package app

// markReady and afterNav touch the browser's DOM; on the server, which only
// prerenders, there is nothing to do.
func markReady() {}

func afterNav() {}
