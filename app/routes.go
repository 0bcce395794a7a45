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
		Title:       "Aftercare: back pain after a massage",
		Description: "Sore after a massage? Check what to do, read the recovery guide and keep a pain diary. Your answers stay on your device.",
		New:         func() app.Composer { return &homePage{} },
	},
	{
		Path:        "/check",
		Title:       "Check your symptoms · Aftercare",
		Description: "A short check, one question at a time, that tells you what to do about back pain after a massage.",
		New:         func() app.Composer { return &checkPage{} },
	},
	{
		Path:        "/check/summary",
		Title:       "Summary for your doctor · Aftercare",
		Description: "Your check on one page, to print or share with a doctor or therapist.",
		New:         func() app.Composer { return &summaryPage{} },
	},
	{
		Path:        "/guide",
		Title:       "Recovery guide · Aftercare",
		Description: "Why your back can hurt after a massage, how long it lasts, what helps and when to see a doctor.",
		New:         func() app.Composer { return &guidePage{} },
	},
	{
		Path:        "/diary",
		Title:       "Recovery diary · Aftercare",
		Description: "A daily pain check-in that stays on your device and tells you when to get help.",
		New:         func() app.Composer { return &diaryPage{} },
	},
	{
		Path:        "/diary/summary",
		Title:       "Diary summary for your doctor · Aftercare",
		Description: "Your recovery diary on one page, to print for a doctor.",
		New:         func() app.Composer { return &diarySummaryPage{} },
	},
	{
		// The page for any address that is not one of these: the server
		// answers it with status 404, and the worker offline.
		Path:        NotFoundPath,
		Title:       "Page not found · Aftercare",
		Description: "This page does not exist. Here is the way back.",
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
					Title:       set.In(sec.Title, locale) + " · Aftercare",
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
