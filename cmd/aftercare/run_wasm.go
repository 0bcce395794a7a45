//go:build wasm

package main

import ui "aftercare/app"

// run starts the app in the browser; it does not return.
func run([]string) int {
	ui.Register()
	ui.RunInBrowser()
	return 0
}
