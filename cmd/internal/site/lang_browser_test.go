package site

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	ui "aftercare/app"
	"aftercare/app/clinic"
	"aftercare/rules"
)

// Aftercare in Spanish, as a person whose phone is in Spanish uses it: the
// language is chosen by the person, then the clinic, then the browser; a
// check and a diary day in Spanish, offline; the summary for the doctor one
// tap away in the clinic's language; axe on the Spanish screens.

// spanishPhone opens a tab whose browser asks for Spanish first.
func spanishPhone(t *testing.T, origin string) *tab {
	t.Helper()
	tb := newTab(t, origin, chromedp.Flag("accept-lang", "es-ES,es"), chromedp.Flag("lang", "es-ES"))
	return tb
}

// say is the rules' words under key in a locale, blanks left as they are.
func say(t *testing.T, key, locale string) string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return set.Say(key, locale)
}

// landsOn waits until the page at path has loaded in lang and the app has
// mounted on it.
func (tb *tab) landsOn(t *testing.T, path, lang string) {
	t.Helper()
	tb.waitFor(t, screenWait, onPage(path, lang))
}

// onPage holds once the page at path has loaded in lang and the app has
// mounted on it.
func onPage(path, lang string) string {
	return `location.pathname === ` + jsonString(path) + ` && document.documentElement.lang === ` + jsonString(lang) + ` && document.documentElement.hasAttribute("data-app-ready")`
}

func (tb *tab) heading(t *testing.T) string {
	t.Helper()
	return eval[string](t, tb, `document.getElementById("main-heading").textContent`)
}

// TestBrowserSpanish: a phone in Spanish opening the home page gets it in
// Spanish, at its own address; offline, it completes a check in Spanish,
// shows the summary in English for the doctor in one tap, keeps a diary
// day in Spanish, and the switch to English is remembered over the
// browser's language.
func TestBrowserSpanish(t *testing.T) {
	needE2E(t)
	s := realSite(t, Config{})
	srv := startServer(t, s.Handler(quietLogger))
	tb := spanishPhone(t, srv.URL)
	if l := eval[string](t, tb, `navigator.language`); !strings.HasPrefix(l, "es") {
		t.Fatalf("the browser's language is %q: this test proves nothing", l)
	}

	// The browser's language: "/" becomes "/es", in Spanish at once.
	tb.doAndWait(t, onPage("/es", "es"), chromedp.Navigate(srv.URL+"/"))
	if h := tb.heading(t); h != say(t, "sore_after_a_massage", "es") {
		t.Errorf("home in Spanish: heading %q", h)
	}
	if title := eval[string](t, tb, "document.title"); title != ui.RouteFor("/es").Title {
		t.Errorf("home in Spanish: title %q, want %q", title, ui.RouteFor("/es").Title)
	}
	for _, scheme := range []string{"light", "dark"} {
		tb.colorScheme(t, scheme)
		tb.axe(t, "/es ("+scheme+")")
	}
	tb.colorScheme(t, "")
	tb.waitControlled(t)

	// Offline from here.
	srv.Stop()
	if got := eval[string](t, tb, `fetch("/healthz", {cache: "no-store"}).then(() => "up", () => "down")`); got != "down" {
		t.Fatalf("the server still answers after Stop (%s)", got)
	}
	tb.takeErrors()

	// A check in Spanish, offline, to the advice.
	tb.open(t, "/es/check")
	tb.clickStart(t)
	if sc := tb.screen(t); sc.Progress != "Algunas preguntas más sobre sus síntomas" {
		t.Errorf("the first question in Spanish shows %+v", sc)
	}
	tb.axe(t, "/es/check first question")
	if got := tb.walk(t, checkWalk{answers: levelCases["selfcare"]}); got.Level != "selfcare" {
		t.Fatalf("the Spanish check ended at %s, want selfcare", got.Level)
	}
	set, _ := rules.Default()
	if h := tb.heading(t); h != set.In(set.Level(rules.SelfCare).Title, "es") {
		t.Errorf("the advice in Spanish: heading %q", h)
	}
	tb.axe(t, "/es/check advice")
	tb.fitsAt200(t, "/es/check advice")

	// The summary in Spanish, and one tap away in English for the doctor.
	tb.tapTo(t, "#summary", `!!document.querySelector(".answers-table")`)
	if h := tb.heading(t); h != say(t, "summary_for_your_doctor", "es") {
		t.Errorf("the summary in Spanish: heading %q", h)
	}
	made := eval[string](t, tb, `document.querySelector("main p").textContent`)
	if !strings.HasPrefix(made, "Hecho con Aftercare el ") || strings.ContainsAny(made, "-/") {
		t.Errorf("the summary's date is not written in Spanish: %q", made)
	}
	tb.axe(t, "/es/check/summary")
	// On paper in Spanish: the answers, one or two pages, and neither the
	// language switch nor the link for the doctor.
	call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	if !eval[bool](t, tb, `document.querySelector(".lang-switch").getClientRects().length === 0 &&
		document.getElementById("clinic-language").getClientRects().length === 0 &&
		document.querySelector(".answers-table").getClientRects().length > 0`) {
		t.Error("the Spanish summary prints the language links, or hides the answers")
	}
	call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"})
	if n := tb.printedPages(t, 8.27, 11.69); n < 1 || n > 2 {
		t.Errorf("the Spanish summary prints on %d A4 pages, want 1 or 2", n)
	}
	tb.tapAndWait(t, "#clinic-language", onPage("/check/summary", "en")+` && !!document.querySelector(".answers-table")`)
	if h := tb.heading(t); h != say(t, "summary_for_your_doctor", "en") {
		t.Errorf("the summary for the doctor: heading %q, want English", h)
	}
	// The doctor's copy has the same answers, in English.
	if n := eval[int](t, tb, `document.querySelectorAll(".answers-table tbody tr").length`); n < 10 {
		t.Errorf("the summary for the doctor has %d answers", n)
	}
	if !strings.Contains(eval[string](t, tb, `document.querySelector("main").innerText`), "Made with Aftercare on ") {
		t.Error("the summary for the doctor is not in English")
	}

	// A diary day in Spanish, offline.
	tb.openDiary(t, "/es/diary")
	if !eval[bool](t, tb, `!!document.querySelector(".diary-form")`) {
		tb.startDiary(t)
	}
	tb.checkIn(t, 3, set.Diary.Stiffness[1].ID, []string{set.Diary.Helped[0].ID}, "Mejor hoy")
	if rows := tb.entryRows(t); len(rows) != 1 || !strings.Contains(rows[0], "Mejor hoy") {
		t.Errorf("the Spanish diary's entries: %q", rows)
	}
	tb.axe(t, "/es/diary with an entry")

	// The switch: English, kept over the browser's Spanish.
	tb.tapAndWait(t, `a[data-lang-choice="en"]`, onPage("/diary", "en")+` && document.querySelectorAll(".diary-trend tbody tr").length > 0`)
	if rows := tb.entryRows(t); len(rows) != 1 {
		t.Errorf("the diary in English lost its entry: %q", rows)
	}
	tb.doAndWait(t, onPage("/", "en"), chromedp.Navigate(srv.URL+"/"), waitReady())
	tb.doAndWait(t, onPage("/guide", "en"), chromedp.Navigate(srv.URL+"/es/guide"))
	for _, e := range tb.takeErrors() {
		t.Errorf("console: %s", e)
	}
}

// TestBrowserClinicLanguage: with no choice of the person's, the clinic's
// language comes before the browser's, and a page's own address in a
// language keeps it.
func TestBrowserClinicLanguage(t *testing.T) {
	needE2E(t)
	p := clinic.DefaultProfile()
	p.Language = "es"
	s := realSite(t, Config{Profile: &p})
	srv := startServer(t, s.Handler(quietLogger))
	tb := newTab(t, srv.URL, chromedp.Flag("accept-lang", "en-GB,en"), chromedp.Flag("lang", "en-GB"))
	tb.doAndWait(t, onPage("/es/check", "es"), chromedp.Navigate(srv.URL+"/check?start=1"))
	if !strings.Contains(eval[string](t, tb, "location.search"), "start=1") {
		t.Error("the move to Spanish lost the address's query")
	}
	// A summary in the clinic's language offers nothing more.
	tb.open(t, "/es/check/summary")
	if eval[bool](t, tb, `!!document.getElementById("clinic-language")`) {
		t.Error("a summary in the clinic's language offers another")
	}

	// A neutral clinic, an English phone: a Spanish address stays Spanish.
	s2 := realSite(t, Config{})
	srv2 := startServer(t, s2.Handler(quietLogger))
	tb2 := newTab(t, srv2.URL, chromedp.Flag("accept-lang", "en-GB,en"), chromedp.Flag("lang", "en-GB"))
	tb2.open(t, "/es/guide")
	tb2.landsOn(t, "/es/guide", "es")
	tb2.open(t, "/")
	tb2.landsOn(t, "/", "en")
	for _, e := range append(tb.takeErrors(), tb2.takeErrors()...) {
		t.Errorf("console: %s", e)
	}
}
