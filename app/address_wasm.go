//go:build wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// keepAddressReadable makes the page's address one go-app can read, now
// and after every move through the history (a fragment typed in the
// address bar): go-app reads it at start and on popstate, and would
// stop on a nil URL. The fragment keeps its damage, as "%25": a card link
// made unreadable this way is still a damaged link to the welcome page,
// which forgets the card kept before.
func keepAddressReadable() {
	repairAddress()
	// Before go-app's own onpopstate, so it reads the repaired address.
	app.Window().Call("addEventListener", "popstate", app.FuncOf(func(app.Value, []app.Value) any {
		repairAddress()
		return nil
	}))
}

func repairAddress() {
	loc := app.Window().Get("location")
	href := loc.Get("href").String()
	fixed, ok := readableAddress(href)
	if !ok {
		fixed = loc.Get("origin").String() + "/" // nothing of it can be read
	}
	if fixed != href {
		app.Log("aftercare: address:", href) // not readable as it was
		app.Window().Get("history").Call("replaceState", nil, "", fixed)
	}
}
