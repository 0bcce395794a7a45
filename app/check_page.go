package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// checkPage is "/check", where the guided check starts.
type checkPage struct {
	pageBase
}

func (p *checkPage) Render() app.UI {
	return layout("/check",
		heading("Check your symptoms"),
		app.P().Class("lead").Text("Answer a few short questions, one at a time. The most serious ones come first. At the end you get clear advice on what to do next."),
		app.P().Text("It takes about a minute. Your answers never leave this device."),
		app.P().Text("If you feel very unwell right now, do not wait for the check. Call for help."),
		helpNow(),
	)
}
