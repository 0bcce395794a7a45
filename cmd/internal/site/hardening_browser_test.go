package site

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"aftercare/rules"
)

// Hardening 3: what an outside attack found, as a person's browser meets it.

// nowhere keeps a tab's requests on this machine: any host but the
// loopback address resolves to nothing, so a redirect to another site
// fails (and is seen) instead of leaving the machine.
var nowhere = chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1")

// TestBrowserAnyAddressStartsTheApp: addresses that Go's url.Parse cannot
// read (a stray "%": /welcome#v=1%, /welcome#%, /check#%zz) stopped
// app.wasm before it mounted. Now each starts the app and Start works,
// online and offline; such a card link is a damaged link, so the card kept
// before is forgotten and the next check does not take its date.
func TestBrowserAnyAddressStartsTheApp(t *testing.T) {
	_, srv, tb := appTab(t)
	card := rules.Card{Date: time.Now().AddDate(0, 0, -1).Format("2006-01-02")}.Encode()
	keep := func() {
		t.Helper()
		tb.do(t, chromedp.Navigate(srv.URL+"/welcome#"+card), waitReady())
		tb.waitFor(t, 10*time.Second, `!!document.getElementById("card-details") && localStorage.getItem("aftercare.card") !== null`)
	}
	try := func(addr string) {
		t.Helper()
		tb.open(t, "/") // another page first: a new fragment alone loads nothing
		tb.do(t, chromedp.Navigate(srv.URL+addr))
		tb.waitFor(t, 15*time.Second, `document.documentElement.hasAttribute("data-app-ready")`)
		if eval[bool](t, tb, `location.pathname === "/welcome"`) {
			tb.waitFor(t, 10*time.Second, `!!document.getElementById("card-problem")`)
			if eval[bool](t, tb, `localStorage.getItem("aftercare.card") !== null || !!document.getElementById("card-details")`) {
				t.Errorf("%s: the card kept before is still used", addr)
			}
			// Start on the welcome page opens the check at its first question.
			tb.tapTo(t, "#card-check", `!!document.querySelector("[data-question]")`)
			return
		}
		tb.checkGoesOn(t)
	}
	tb.open(t, "/")
	tb.waitControlled(t)
	for _, addr := range []string{"/welcome#v=1%", "/welcome#%", "/check#%zz"} {
		keep()
		try(addr)
	}
	// A stray "%" typed into the address of the page (popstate): the app
	// reads it repaired and still answers.
	eval[bool](t, tb, `(location.hash = "%", true)`)
	tb.waitFor(t, 10*time.Second, `location.hash === "#%25"`)
	tb.checkGoesOn(t)
	tb.onlyDamagedCards(t)

	// Offline, from the worker's copies.
	keep()
	srv.Stop()
	for _, addr := range []string{"/welcome#%", "/check#%zz"} {
		try(addr)
	}
	tb.onlyDamagedCards(t)
}

// onlyDamagedCards fails the test on any console error but the app's own
// word that a card link was damaged (a panic, an exception), or a request
// that left the origin.
func (tb *tab) onlyDamagedCards(t *testing.T) {
	t.Helper()
	for _, e := range tb.takeErrors() {
		if !strings.HasPrefix(e, `console.error: "aftercare: card: `) {
			t.Errorf("console: %s", e)
		}
	}
	if f := tb.foreignRequests(); len(f) > 0 {
		t.Errorf("requests left the origin: %v", f)
	}
}

// checkGoesOn starts the check, or answers its question, and waits for the
// app to show the next question: the app is alive.
func (tb *tab) checkGoesOn(t *testing.T) {
	t.Helper()
	tb.waitFor(t, 10*time.Second, `(b => !!b && !b.disabled)(document.getElementById("start-check")) || !!document.querySelector("[data-question]")`)
	if eval[bool](t, tb, `!!document.getElementById("start-check")`) {
		tb.clickStart(t)
		tb.waitFor(t, 10*time.Second, `!!document.querySelector("[data-question]")`)
		return
	}
	q := eval[string](t, tb, `document.querySelector("[data-question]").dataset.question`)
	tb.tapTo(t, "[data-question] button.option", `(q => !q || q.dataset.question !== `+jsonString(q)+`)(document.querySelector("[data-question]"))`)
}
