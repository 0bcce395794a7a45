package app

import (
	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// homePage is "/": what Aftercare does, the three ways in, and the warning
// signs that need help now. The warning signs are prerendered, so they show
// before the app loads and with JavaScript off.
type homePage struct {
	pageBase
}

func (p *homePage) Render() app.UI {
	return layout("/",
		heading("Sore after a massage?"),
		app.P().Class("lead").Text("Most aches after a massage are normal and fade in a few days. Aftercare helps you know what to do and see how you heal. Your answers stay on this device."),
		app.Ul().Class("actions").Body(
			app.Li().Body(app.A().Class("button primary").Href("/check").Text("Start a check")),
			app.Li().Body(app.A().Class("button").Href("/guide").Text("Read the recovery guide")),
			app.Li().Body(app.A().Class("button").Href("/diary").Text("Open my diary")),
		),
		helpNow(),
	)
}

// helpNow renders the short warning signs from rules, most urgent first.
func helpNow() app.UI {
	groups := rules.GetHelpNow()
	body := []app.UI{app.H2().ID("help-now").Text("Get help now")}
	for _, g := range groups {
		signs := make([]app.UI, len(g.Signs))
		for i, s := range g.Signs {
			signs[i] = app.Li().Text(s)
		}
		body = append(body,
			app.Div().Class("help-group level-"+string(g.Level)).Body(
				app.P().Class("help-do").Text(g.Do),
				app.Ul().Body(signs...),
			),
		)
		if g.Level == rules.Emergency {
			body = append(body, app.P().Body(
				app.A().Class("button emergency").Href("tel:"+rules.DefaultEmergencyNumber).Text("Call "+rules.DefaultEmergencyNumber),
			))
		}
	}
	return app.Section().Class("help-now").Aria("labelledby", "help-now").Body(body...)
}
