package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// notFoundPage is what any unknown address shows, online (with status 404)
// and offline: what happened and the ways back.
type notFoundPage struct {
	pageBase
}

func (p *notFoundPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("%s", pageTitle(RouteFor(NotFoundPath).Title))
	if app.IsClient {
		ctx.Defer(func(app.Context) { afterNav() })
	}
}

func (p *notFoundPage) Render() app.UI {
	return layout(NotFoundPath,
		heading("Page not found"),
		app.P().Class("lead").Text("There is no page at this address. It may have moved, or the link may be broken."),
		app.Ul().Class("way-back").Body(
			app.Li().Body(app.A().ID("go-home").Href("/").Text("Go to the home page")),
			app.Li().Body(app.A().Href("/check").Text("Check your symptoms")),
			app.Li().Body(app.A().Href("/guide").Text("Read the recovery guide")),
			app.Li().Body(app.A().Href("/diary").Text("Open your diary")),
		),
	)
}
