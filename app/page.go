package app

import (
	"aftercare/app/clinic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageBase gives every route component the same behaviour on navigation: the
// title and description of its route, and, in the browser, the ready marker
// and the focus move that tell people and tests the page has changed.
type pageBase struct {
	app.Compo
	l    lang   // the page's language, from its route
	page string // the page's address in the default language ("/check")
}

// base gives the routes the part every page shares.
func (p *pageBase) base() *pageBase { return p }

// paged is every page component.
type paged interface{ base() *pageBase }

// OnNav runs on the server while prerendering and in the browser on every
// navigation.
func (p *pageBase) OnNav(ctx app.Context) {
	path := ctx.Page().URL().Path
	// go-app reuses the component when the next route has the same type
	// (/check to /es/check), so the language is read again from the address.
	p.l, p.page = LangOf(path), pageOf(path)
	r := RouteFor(path)
	ctx.Page().SetLang(string(p.l))
	ctx.Page().SetTitle("%s", pageTitle(p.l, r.Title))
	ctx.Page().SetDescription("%s", r.Description)
	if app.IsClient {
		ctx.Defer(func(app.Context) { afterNav() })
	}
}

// OnMount runs in the browser only, once the page's DOM is in place.
func (p *pageBase) OnMount(ctx app.Context) {
	markReady()
}

// mainHeadingID is the id of each page's h1, which receives focus when a
// person moves from one page to another inside the app.
const mainHeadingID = "main-heading"

// pageTitle adds the clinic's short name to a page's title when a clinic
// has branded the app.
func pageTitle(l lang, title string) string {
	if p := profile(); p.Name != clinic.DefaultProfile().Name {
		return l.say("title_with_clinic", "title", title, "clinic", p.ShortName)
	}
	return title
}
