package app

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"aftercare/app/clinic"
	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func navFor(path string) string {
	if path == "/welcome" || path == "/card" {
		return "/" // pages a link or the clinic opens, outside the nav
	}
	for _, section := range []string{"/guide", "/check", "/diary"} {
		if strings.HasPrefix(path, section+"/") {
			return section
		}
	}
	return path
}

// render loads a component into go-app's test engine and returns its HTML.
// Neither OnNav nor OnMount runs: the component renders from the fields the
// test gives it.
func render(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return app.HTMLString(c)
}

// hasTag reports whether html has a <tag ...> carrying every attribute given,
// in any order (go-app writes attributes in map order).
func hasTag(html, tag string, attrs ...string) bool {
	for _, m := range regexp.MustCompile(`<`+tag+`\b[^>]*>`).FindAllString(html, -1) {
		all := true
		for _, a := range attrs {
			all = all && strings.Contains(m, a)
		}
		if all {
			return true
		}
	}
	return false
}

// TestEveryRouteRendersItsPage: every page, in every language, renders its
// one focusable heading in that language, the main landmark, the
// not-a-diagnosis line and its nav link marked current, at its own address.
func TestEveryRouteRendersItsPage(t *testing.T) {
	headings := map[string]string{ // the key of each page's h1
		"/":              "sore_after_a_massage",
		"/check":         "check_your_symptoms",
		"/check/summary": "summary_for_your_doctor",
		"/diary/summary": "diary_summary_for_your_doctor",
		"/guide":         "recovery_guide",
		"/diary":         "recovery_diary",
		NotFoundPath:     "page_not_found",
		"/welcome":       "title_welcome",
		"/card":          "card_page_title",
	}
	set := ruleSet()
	if len(AllRoutes()) != len(set.Locales)*(len(headings)+len(set.Guide)) {
		t.Fatalf("%d routes, want %d", len(AllRoutes()), len(set.Locales)*(len(headings)+len(set.Guide)))
	}
	seen := map[string]bool{}
	for _, r := range AllRoutes() {
		l := lang(r.Lang)
		want := l.say(headings[r.Page])
		if id := sectionID(r.Page); id != "" {
			want = l.in(section(set, id).Title)
		}
		if r.Path != l.path(r.Page) || seen[r.Path] {
			t.Errorf("%s in %s is at %s", r.Page, r.Lang, r.Path)
		}
		seen[r.Path] = true
		html := render(t, r.New())
		if !hasTag(html, "h1", `id="main-heading"`, `tabindex="-1"`) || !strings.Contains(html, ">"+want+"</h1>") {
			t.Errorf("%s: no focusable h1 %q in\n%s", r.Path, want, html)
		}
		if strings.Count(html, "<h1") != 1 {
			t.Errorf("%s: want exactly one h1 (one main message)", r.Path)
		}
		if !hasTag(html, "main", `id="main"`) || !strings.Contains(html, l.say("aftercare_gives_general_advice_it")) {
			t.Errorf("%s: missing the main landmark or the not-a-diagnosis line", r.Path)
		}
		if nav := navFor(r.Page); nav != "/" && nav != NotFoundPath && !hasTag(html, "a", `href="`+l.path(nav)+`"`, `aria-current="page"`) {
			t.Errorf("%s: its nav link is not marked current", r.Path)
		}
		if r.Title == "" || r.Description == "" {
			t.Errorf("%s: no title or description", r.Path)
		}
		if r.Lang != set.Locales[0] && (r.Title == RouteFor(r.Page).Title || r.Description == RouteFor(r.Page).Description) {
			t.Errorf("%s: the title or description is not in %s", r.Path, r.Lang)
		}
	}
}

func TestHomeShowsEveryHelpNowSign(t *testing.T) {
	html := render(t, &homePage{})
	set := ruleSet()
	for _, l := range []rules.Level{rules.Emergency, rules.Urgent} {
		info := set.Level(l)
		if len(info.Signs) == 0 || !strings.Contains(html, set.In(info.SignsIntro, "en")) {
			t.Errorf("home lacks the %s signs or their intro", l)
		}
		for _, s := range info.Signs {
			if !strings.Contains(html, htmlEscape(s["en"])) {
				t.Errorf("home lacks the sign %q", s["en"])
			}
		}
	}
	for _, link := range []string{`href="/check"`, `href="/guide"`, `href="/diary"`, `href="tel:911"`} {
		if !hasTag(html, "a", link) {
			t.Errorf("home lacks a link %s", link)
		}
	}
}

func TestUpdateNotice(t *testing.T) {
	n := &updateNotice{}
	if html := render(t, n); strings.Contains(html, "Reload") || !hasTag(html, "div", `aria-live="polite"`) {
		t.Errorf("no update yet, got %s", html)
	}
	n = &updateNotice{available: true}
	if html := render(t, n); !strings.Contains(html, "A new version of Aftercare is ready.") || !strings.Contains(html, ">Reload</button>") {
		t.Errorf("update available, got %s", html)
	}
}

func TestRouteForFallsBackToHome(t *testing.T) {
	if got := RouteFor("/guide").Title; got != "Recovery guide · Aftercare" {
		t.Errorf("RouteFor(/guide).Title = %q", got)
	}
	if got := RouteFor("/nowhere").Path; got != "/" {
		t.Errorf("RouteFor(/nowhere).Path = %q, want /", got)
	}
}

// TestSignsComeFromTheGroups: the guide's "when to get help" page lists
// every group of danger signs under its level, from the rules, and every
// guide page ends with a way into the check.
func TestSignsComeFromTheGroups(t *testing.T) {
	set := ruleSet()
	html := render(t, &guideSectionPage{ID: "when-to-see-a-doctor"})
	for _, g := range set.Groups {
		if !strings.Contains(html, htmlEscape(g.Label["en"])) {
			t.Errorf("the guide lacks the %s sign %q", g.Level, g.Label["en"])
		}
	}
	for _, sec := range set.Guide {
		html := render(t, &guideSectionPage{ID: sec.ID})
		if !hasTag(html, "a", `id="guide-check"`, `href="/check"`) {
			t.Errorf("guide page %s has no way into the check", sec.ID)
		}
	}
}

// useProfile hands the app a clinic's profile the way the server does, in
// go-app's Env, for the rest of the test.
func useProfile(t *testing.T, p clinic.Profile) {
	t.Helper()
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(clinic.EnvKey, string(b))
}

// TestUnreadableProfileIsSaid: a profile the app cannot read gives the
// neutral one, and every page says so, with the number it will dial.
func TestUnreadableProfileIsSaid(t *testing.T) {
	t.Setenv(clinic.EnvKey, `{"name": "Broken", "emergency_number": "x"}`)
	html := render(t, &homePage{})
	if !strings.Contains(html, `id="profile-problem"`) || !strings.Contains(html, "911") {
		t.Errorf("the home page does not say the clinic's settings could not be read:\n%s", html)
	}
	useProfile(t, clinic.DefaultProfile())
	if html := render(t, &homePage{}); strings.Contains(html, `id="profile-problem"`) {
		t.Error("a good profile is said to be unreadable")
	}
}

// htmlEscape is html.EscapeString, under a name the tests' local html
// variables do not shadow.
func htmlEscape(s string) string { return html.EscapeString(s) }
