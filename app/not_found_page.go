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
	p.l, p.page = LangOf(ctx.Page().URL().Path), NotFoundPath
	ctx.Page().SetLang(string(p.l))
	ctx.Page().SetTitle("%s", pageTitle(p.l, RouteFor(p.l.path(NotFoundPath)).Title))
	if app.IsClient {
		ctx.Defer(func(app.Context) { afterNav() })
	}
}

func (p *notFoundPage) Render() app.UI {
	l := p.l
	return p.layout(NotFoundPath,
		heading(l.say("page_not_found")),
		tagClass("p", "lead").Text(l.say("there_is_no_page_at")),
		tagClass("ul", "way-back").Body(
			app.Elem("li").Body(app.Elem("a").ID("go-home").Attr("href", l.path("/")).Text(l.say("go_to_the_home_page"))),
			app.Elem("li").Body(app.Elem("a").Attr("href", l.path("/check")).Text(l.say("check_your_symptoms"))),
			app.Elem("li").Body(app.Elem("a").Attr("href", l.path("/guide")).Text(l.say("read_the_recovery_guide"))),
			app.Elem("li").Body(app.Elem("a").Attr("href", l.path("/diary")).Text(l.say("open_your_diary"))),
		),
	)
}
