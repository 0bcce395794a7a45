package app

import (
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Route is one page of the app in one language: its address, its language,
// what the browser tab and search results show for it, and the component
// that renders it.
type Route struct {
	Path        string // "/check" in the default language, "/es/check" in Spanish
	Page        string // the page's address in the default language: "/check"
	Lang        string
	Title       string
	Description string
	New         func() app.Composer
}

// page is one page of the app in every language.
type page struct {
	path  string
	title string // a key of words.yaml; "" for the home page's own title
	desc  string // a key of words.yaml
	new   func(l lang) app.Composer
}

// pages lists the fixed pages, home first; AllRoutes adds the guide's. The
// server precaches, prerenders and exports exactly AllRoutes, in every
// language, so a page added here works offline too.
var pages = []page{
	{"/", "", "sore_after_a_massage_check", func(l lang) app.Composer { return &homePage{pageBase: pageBase{l: l}} }},
	{"/check", "check_your_symptoms", "a_short_check_one_question", func(l lang) app.Composer { return &checkPage{pageBase: pageBase{l: l}} }},
	{"/check/summary", "summary_for_your_doctor", "your_check_on_one_page", func(l lang) app.Composer { return &summaryPage{pageBase: pageBase{l: l}} }},
	{"/guide", "recovery_guide", "why_your_back_can_hurt", func(l lang) app.Composer { return &guidePage{pageBase: pageBase{l: l}} }},
	{"/diary", "recovery_diary", "a_daily_pain_check_in", func(l lang) app.Composer { return &diaryPage{pageBase: pageBase{l: l}} }},
	{"/diary/summary", "diary_summary_for_your_doctor", "your_recovery_diary_on_one", func(l lang) app.Composer { return &diarySummaryPage{pageBase: pageBase{l: l}} }},
	// For the clinic: makes the aftercare card for a session.
	{"/card", "title_card", "card_description", func(l lang) app.Composer { return &cardPage{pageBase: pageBase{l: l}} }},
	// Where the link on a clinic's aftercare card opens; the session
	// travels in the fragment, which never reaches a server.
	{"/welcome", "title_welcome", "welcome_description", func(l lang) app.Composer { return &welcomePage{pageBase: pageBase{l: l}} }},
	// The page for any address that is not one of these: the server
	// answers it with status 404, and the worker offline.
	{NotFoundPath, "page_not_found", "this_page_does_not_exist", func(l lang) app.Composer { return &notFoundPage{pageBase: pageBase{l: l}} }},
}

// NotFoundPath is the route of the "page not found" page.
const NotFoundPath = "/not-found"

var allRoutes struct {
	once   sync.Once
	routes []Route
}

// AllRoutes lists every page in every language, the default language
// first: the fixed ones, and after "/guide" one page per guide section of
// the rules.
func AllRoutes() []Route {
	allRoutes.once.Do(func() {
		set := ruleSet()
		for _, loc := range set.Locales {
			l := lang(loc)
			for _, pg := range pages {
				title := l.say("title_home")
				if pg.title != "" {
					title = l.say("page_title", "page", l.say(pg.title))
				}
				allRoutes.routes = append(allRoutes.routes, Route{Path: l.path(pg.path), Page: pg.path, Lang: loc, Title: title, Description: l.say(pg.desc), New: func() app.Composer { return onPage(pg.new(l), pg.path) }})
				if pg.path != "/guide" {
					continue
				}
				for _, sec := range set.Guide {
					allRoutes.routes = append(allRoutes.routes, Route{
						Path:        l.path(guidePath(sec.ID)),
						Page:        guidePath(sec.ID),
						Lang:        loc,
						Title:       l.say("page_title", "page", l.in(sec.Title)),
						Description: l.in(sec.Intro),
						New: func() app.Composer {
							return &guideSectionPage{pageBase: pageBase{l: l, page: guidePath(sec.ID)}, ID: sec.ID}
						},
					})
				}
			}
		}
	})
	return allRoutes.routes
}

// Register tells go-app about every route. Both the server and the browser
// call it before anything else.
func Register() {
	for _, r := range AllRoutes() {
		app.Route(r.Path, r.New)
	}
	// Any other address, followed inside the app or opened offline: our
	// own "page not found", with the way home, in the language of its
	// address.
	for _, loc := range ruleSet().Locales[1:] {
		l := lang(loc)
		app.RouteWithRegexp("^/"+loc+"/", func() app.Composer { return &notFoundPage{pageBase: pageBase{l: l, page: NotFoundPath}} })
	}
	l := defaultLang()
	app.RouteWithRegexp("^/", func() app.Composer { return &notFoundPage{pageBase: pageBase{l: l, page: NotFoundPath}} })
}

// onPage tells a new page component its address.
func onPage(c app.Composer, page string) app.Composer {
	c.(paged).base().page = page
	return c
}

// RouteFor returns the route for a path, or the home route of the path's
// language when none matches.
func RouteFor(path string) Route {
	for _, r := range AllRoutes() {
		if r.Path == path {
			return r
		}
	}
	home := LangOf(path).path("/")
	for _, r := range AllRoutes() {
		if r.Path == home {
			return r
		}
	}
	return AllRoutes()[0]
}

// Alternates lists the addresses of a page in every language, by locale.
func Alternates(page string) map[string]string {
	out := map[string]string{}
	for _, loc := range ruleSet().Locales {
		out[loc] = lang(loc).path(page)
	}
	return out
}

// defaultLang is the rules' first locale, whose pages have no prefix.
func defaultLang() lang { return lang(ruleSet().Locales[0]) }

// or is the language itself, or the default one for "".
func (l lang) or() lang {
	if l == "" {
		return defaultLang()
	}
	return l
}

// DefaultLang is the locale of the pages without a prefix.
func DefaultLang() string { return string(defaultLang()) }

// Langs lists the locales the app speaks, the default first.
func Langs() []string { return ruleSet().Locales }

// path is the address of a page (given in the default language) in this
// language: "/check" stays "/check" in English and is "/es/check" in
// Spanish; the home page is "/es".
func (l lang) path(p string) string {
	if l.or() == defaultLang() {
		return p
	}
	if p == "/" {
		return "/" + string(l)
	}
	return "/" + string(l) + p
}

// LangOf is the language of an address: its first segment when that is a
// locale of the rules, else the default.
func LangOf(path string) lang {
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	for _, loc := range ruleSet().Locales[1:] {
		if first == loc {
			return lang(loc)
		}
	}
	return defaultLang()
}

// pageOf is an address without its language prefix: "/es/check" is
// "/check", "/es" is "/".
func pageOf(path string) string {
	l := LangOf(path)
	if l == defaultLang() {
		return path
	}
	rest := strings.TrimPrefix(path, "/"+string(l))
	if rest == "" {
		return "/"
	}
	return rest
}

// BundlePath is where the browser fetches the rules in a language (its
// words file, rules.ParseWords); `aftercare rules build` writes it into web/lang
// (rules.WordsFile), the server serves it as it is, each page preloads its
// own, and the worker precaches them all.
func BundlePath(locale string) string { return "/web/lang/" + locale + ".json" }
