//go:build wasm

package main

import ui "aftercare/app"

// run starts the app in the browser; it does not return.
func run([]string) int {
	// The words first: the routes' titles are made of them. Without them
	// the prerendered page stays, as with JavaScript off.
	if !ui.LoadLanguage() {
		select {}
	}
	ui.Register()
	ui.RunInBrowser()
	return 0
}
