package app

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Route is one page of the app: its path, what the browser tab and search
// results show for it, and the component that renders it.
type Route struct {
	Path        string
	Title       string
	Description string
	New         func() app.Composer
}

// Routes lists the fixed pages, home first; AllRoutes adds the guide's. The
// server precaches, prerenders and exports exactly AllRoutes, so a page
// added here works offline too.
var Routes = []Route{
	{
		Path:        "/",
		Title:       say("title_home"),
		Description: say("sore_after_a_massage_check"),
		New:         func() app.Composer { return &homePage{} },
	},
	{
		Path:        "/check",
		Title:       say("page_title", "page", say("check_your_symptoms")),
		Description: say("a_short_check_one_question"),
		New:         func() app.Composer { return &checkPage{} },
	},
	{
		Path:        "/check/summary",
		Title:       say("page_title", "page", say("summary_for_your_doctor")),
		Description: say("your_check_on_one_page"),
		New:         func() app.Composer { return &summaryPage{} },
	},
	{
		Path:        "/guide",
		Title:       say("page_title", "page", say("recovery_guide")),
		Description: say("why_your_back_can_hurt"),
		New:         func() app.Composer { return &guidePage{} },
	},
	{
		Path:        "/diary",
		Title:       say("page_title", "page", say("recovery_diary")),
		Description: say("a_daily_pain_check_in"),
		New:         func() app.Composer { return &diaryPage{} },
	},
	{
		Path:        "/diary/summary",
		Title:       say("page_title", "page", say("diary_summary_for_your_doctor")),
		Description: say("your_recovery_diary_on_one"),
		New:         func() app.Composer { return &diarySummaryPage{} },
	},
	{
		// For the clinic: makes the aftercare card for a session.
		Path:        "/card",
		Title:       say("page_title", "page", say("title_card")),
		Description: say("card_description"),
		New:         func() app.Composer { return &cardPage{} },
	},
	{
		// Where the link on a clinic's aftercare card opens; the session
		// travels in the fragment, which never reaches a server.
		Path:        "/welcome",
		Title:       say("page_title", "page", say("title_welcome")),
		Description: say("welcome_description"),
		New:         func() app.Composer { return &welcomePage{} },
	},
	{
		// The page for any address that is not one of these: the server
		// answers it with status 404, and the worker offline.
		Path:        NotFoundPath,
		Title:       say("page_title", "page", say("page_not_found")),
		Description: say("this_page_does_not_exist"),
		New:         func() app.Composer { return &notFoundPage{} },
	},
}

// NotFoundPath is the route of the "page not found" page.
const NotFoundPath = "/not-found"

var allRoutes struct {
	once   sync.Once
	routes []Route
}

// AllRoutes lists every page: the fixed ones, and after "/guide" one page
// per guide section of the rules.
func AllRoutes() []Route {
	allRoutes.once.Do(func() {
		set := ruleSet()
		for _, r := range Routes {
			allRoutes.routes = append(allRoutes.routes, r)
			if r.Path != "/guide" {
				continue
			}
			for _, sec := range set.Guide {
				allRoutes.routes = append(allRoutes.routes, Route{
					Path:        guidePath(sec.ID),
					Title:       say("page_title", "page", set.In(sec.Title, locale)),
					Description: set.In(sec.Intro, locale),
					New:         func() app.Composer { return &guideSectionPage{ID: sec.ID} },
				})
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
	// own "page not found", with the way home.
	app.RouteWithRegexp("^/", func() app.Composer { return &notFoundPage{} })
}

// RouteFor returns the route for a path, or the home route when none matches.
func RouteFor(path string) Route {
	for _, r := range AllRoutes() {
		if r.Path == path {
			return r
		}
	}
	return Routes[0]
}
