package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedded is true when the app runs inside a clinic's page (?embed=1).
var embedded bool

// layout wraps a page's content in the frame every page shares: a skip link,
// the header with the main links and the language switch, the main
// landmark, a footer that says this is not a diagnosis, and the update
// notice. current is the section the page belongs to, for the main links.
func (p *pageBase) layout(current string, content ...app.UI) app.UI {
	l := p.l
	if embedded {
		// Inside a clinic's page: no site chrome, a way out to the full app.
		return tagClass("div", "frame").Body(
			tagClass("main", "content").ID("main").Body(append([]app.UI{profileNotice(l)}, content...)...),
			tagClass("footer", "site-footer").Body(
				app.Elem("p").Body(app.Elem("a").Attr("href", l.path(current)).Attr("target", "_blank").Attr("rel", "noopener").Text(l.say("open_the_full_app"))),
				p.langSwitch(),
				tagText("p", l.say("aftercare_gives_general_advice_it")),
			),
			&updateNotice{l: l},
		)
	}
	return tagClass("div", "frame").Body(
		tagClass("a", "skip-link").Attr("href", "#main").Text(l.say("skip_to_content")),
		tagClass("header", "site-header").Body(
			tagClass("a", "brand").Attr("href", l.path("/")).Body(
				// go-app drops an empty alt, so the decorative icon is hidden this way.
				app.ElemSelfClosing("img").Class("brand-icon").Attr("src", brandIcon()).Role("presentation").Attr("width", 32).Attr("height", 32),
				tagText("span", profile().Name),
			),
			tagClass("nav", "site-nav").Aria("label", l.say("main")).Body(
				navLink(current, "/check", l.path("/check"), l.say("check")),
				navLink(current, "/guide", l.path("/guide"), l.say("guide")),
				navLink(current, "/diary", l.path("/diary"), l.say("diary")),
			),
			p.langSwitch(),
		),
		tagClass("main", "content").ID("main").Body(append([]app.UI{profileNotice(l)}, content...)...),
		tagClass("footer", "site-footer").Body(
			tagText("p", l.say("aftercare_gives_general_advice_it")),
			app.Elem("p").Body(l.sayAround("emergency_call", "number", app.Elem("a").Attr("href", "tel:"+emergencyNumber()).Text(emergencyNumber()))...),
			sameDayLine(l),
		),
		&updateNotice{l: l},
	)
}

// brandIcon is the clinic's logo, or Aftercare's icon.
func brandIcon() string {
	if logo := profile().Logo; logo != "" {
		return logo
	}
	return "/web/icon.svg"
}

func navLink(current, page, href, label string) app.UI {
	a := app.Elem("a").Attr("href", href).Text(label)
	if current == page {
		a = a.Aria("current", "page")
	}
	return a
}

// heading is a page's h1: the one main message of the screen, and the place
// focus moves to after navigation.
func heading(text string) app.UI {
	return app.Elem("h1").ID(mainHeadingID).TabIndex(-1).Text(text)
}

// langSwitch links the same page in each other language, named in that
// language. web/lang.js keeps the choice on the device when it is tapped,
// and the page loads in full in that language.
func (p *pageBase) langSwitch() app.UI {
	var links []app.UI
	for _, loc := range Langs() {
		o := lang(loc)
		if o == p.l.or() {
			continue
		}
		links = append(links, tagClass("a", "lang-choice").Attr("href", o.path(p.page)).Lang(loc).Attr("hreflang", loc).
			DataSet("lang-choice", loc).Text(ruleSet().Names[loc][loc]))
	}
	return tagClass("nav", "lang-switch").Aria("label", p.l.say("language")).Body(links...)
}

// forTheDoctor links a summary in the clinic's language (the default one
// when the clinic names none), one tap away for the doctor, when the page is
// in another. ?doctor=1 tells web/lang.js to show that language this once,
// without making it the person's choice.
func (p *pageBase) forTheDoctor() app.UI {
	target := profile().Language
	if target == "" {
		target = DefaultLang()
	}
	if lang(target) == p.l.or() {
		return nil
	}
	return tagClass("a", "button").ID("clinic-language").Attr("href", lang(target).path(p.page)+"?doctor=1").
		Attr("hreflang", target).Text(p.l.say("summary_in_language", "language", ruleSet().Names[target][string(p.l)]))
}
