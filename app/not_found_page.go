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
		heading(say("page_not_found")),
		app.P().Class("lead").Text(say("there_is_no_page_at")),
		app.Ul().Class("way-back").Body(
			app.Li().Body(app.A().ID("go-home").Href("/").Text(say("go_to_the_home_page"))),
			app.Li().Body(app.A().Href("/check").Text(say("check_your_symptoms"))),
			app.Li().Body(app.A().Href("/guide").Text(say("read_the_recovery_guide"))),
			app.Li().Body(app.A().Href("/diary").Text(say("open_your_diary"))),
		),
	)
}
