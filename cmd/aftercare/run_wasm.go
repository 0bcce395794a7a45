//go:build wasm

package main

import (
	"context"

	ui "aftercare/app"
)

// Run starts the app in the browser; it does not return.
func (m *Main) Run(context.Context, []string) int {
	// The words first: the routes' titles are made of them. Without them
	// the prerendered page stays, as with JavaScript off.
	if !ui.LoadLanguage() {
		select {}
	}
	ui.Register()
	ui.RunInBrowser()
	return 0
}
