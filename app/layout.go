package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedded is true when the app runs inside a clinic's page (?embed=1).
var embedded bool

// layout wraps a page's content in the frame every page shares: a skip link,
// the header with the main links, the main landmark, a footer that says this
// is not a diagnosis, and the update notice.
func layout(current string, content ...app.UI) app.UI {
	if embedded {
		// Inside a clinic's page: no site chrome, a way out to the full app.
		return app.Div().Class("frame").Body(
			app.Main().ID("main").Class("content").Body(append([]app.UI{profileNotice()}, content...)...),
			app.Footer().Class("site-footer").Body(
				app.P().Body(app.A().Href(current).Target("_blank").Rel("noopener").Text(say("open_the_full_app"))),
				app.P().Text(say("aftercare_gives_general_advice_it")),
			),
			&updateNotice{},
		)
	}
	return app.Div().Class("frame").Body(
		app.A().Class("skip-link").Href("#main").Text(say("skip_to_content")),
		app.Header().Class("site-header").Body(
			app.A().Class("brand").Href("/").Body(
				// go-app drops an empty alt, so the decorative icon is hidden this way.
				app.Img().Class("brand-icon").Src(brandIcon()).Role("presentation").Width(32).Height(32),
				app.Span().Text(profile().Name),
			),
			app.Nav().Class("site-nav").Aria("label", say("main")).Body(
				navLink(current, "/check", say("check")),
				navLink(current, "/guide", say("guide")),
				navLink(current, "/diary", say("diary")),
			),
		),
		app.Main().ID("main").Class("content").Body(append([]app.UI{profileNotice()}, content...)...),
		app.Footer().Class("site-footer").Body(
			app.P().Text(say("aftercare_gives_general_advice_it")),
			app.P().Body(sayAround("emergency_call", "number", app.A().Href("tel:"+emergencyNumber()).Text(emergencyNumber()))...),
		),
		&updateNotice{},
	)
}

// brandIcon is the clinic's logo, or Aftercare's icon.
func brandIcon() string {
	if logo := profile().Logo; logo != "" {
		return logo
	}
	return "/web/icon.svg"
}

func navLink(current, path, label string) app.UI {
	a := app.A().Href(path).Text(label)
	if current == path {
		a = a.Aria("current", "page")
	}
	return a
}

// heading is a page's h1: the one main message of the screen, and the place
// focus moves to after navigation.
func heading(text string) app.UI {
	return app.H1().ID(mainHeadingID).TabIndex(-1).Text(text)
}
