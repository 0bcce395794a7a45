//go:build wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// markReady sets data-app-ready on <html> once the app has mounted, so people
// can style for it and tests can wait on it.
func markReady() {
	app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app-ready", "")
}

// navigations counts OnNav calls; the first is the page load itself, where
// the browser already puts focus at the top.
var navigations int

// afterNav moves focus to the new page's heading after a navigation inside
// the app, so keyboard and screen reader users land on the new content.
func afterNav() {
	navigations++
	if navigations == 1 {
		return
	}
	app.Window().ScrollToID(mainHeadingID)
	if h := app.Window().GetElementByID(mainHeadingID); h.Truthy() {
		h.Call("focus")
	}
}
