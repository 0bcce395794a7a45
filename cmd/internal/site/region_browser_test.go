package site

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"aftercare/app/clinic"
)

// The emergency number for the phone's region: with no clinic number, a
// browser whose languages name a region dials that region's number, names
// the country, and lets the person choose another, which stays after a
// reload; a clinic's number still wins.

// regionPhone opens a tab whose browser's first language is tag (en-GB),
// then the language alone (en).
func regionPhone(t *testing.T, origin, tag string) *tab {
	t.Helper()
	base, _, _ := strings.Cut(tag, "-")
	tb := newTab(t, origin, chromedp.Flag("accept-lang", tag+","+base), chromedp.Flag("lang", tag))
	if got := eval[string](t, tb, `navigator.languages[0]`); got != tag {
		t.Fatalf("the browser's first language is %q, want %q: this test proves nothing", got, tag)
	}
	return tb
}

// emergencyScreen walks the check to the emergency screen, in the page's
// language (the address lang.js chose), and returns the call button's
// address and words, and the main text.
func (tb *tab) emergencyScreen(t *testing.T, path string) (href, button, main string) {
	t.Helper()
	tb.startCheck(t)
	if !strings.HasPrefix(eval[string](t, tb, `location.pathname`), path) {
		t.Fatalf("the check is at %s, want %s", eval[string](t, tb, `location.pathname`), path)
	}
	tb.walk(t, checkWalk{answers: levelCases["emergency"]})
	return tb.callButton(t)
}

func (tb *tab) callButton(t *testing.T) (href, button, main string) {
	t.Helper()
	return eval[string](t, tb, `document.querySelector("a.call").getAttribute("href")`),
		eval[string](t, tb, `document.querySelector("a.call").textContent`),
		eval[string](t, tb, `document.querySelector("main").innerText`)
}

// TestBrowserRegionNumber: en-US dials 911, en-GB 999 (and offers NHS 111),
// es-ES 112, es-MX 911, en-AU 000, each naming the country on the
// emergency screen; no other number shows.
func TestBrowserRegionNumber(t *testing.T) {
	needE2E(t)
	s := realSite(t, Config{})
	srv := startServer(t, s.Handler(quietLogger))
	for _, c := range []struct{ tag, path, number, country, other string }{
		{"en-US", "/check", "911", "United States", "999"},
		{"en-GB", "/check", "999", "United Kingdom", "911"},
		{"es-ES", "/es/check", "112", "España", "911"},
		{"es-MX", "/es/check", "911", "México", "112"},
		{"en-AU", "/check", "000", "Australia", "911"},
	} {
		t.Run(c.tag, func(t *testing.T) {
			tb := regionPhone(t, srv.URL, c.tag)
			href, button, main := tb.emergencyScreen(t, c.path)
			if href != "tel:"+c.number || !strings.Contains(button, c.number) {
				t.Errorf("the call button dials %q and says %q, want %s", href, button, c.number)
			}
			if !strings.Contains(main, c.number+" ("+c.country+")") || strings.Contains(main, c.other) {
				t.Errorf("the screen does not name %s (%s), or shows %s:\n%s", c.number, c.country, c.other, main)
			}
			sameDay := eval[string](t, tb, `(e => e ? e.getAttribute("href") : "")(document.getElementById("same-day-call"))`)
			if want := map[string]string{"en-GB": "tel:111", "en-AU": "tel:1800022222"}[c.tag]; sameDay != want {
				t.Errorf("the same-day service dials %q, want %q", sameDay, want)
			}
			tb.noErrors(t)
		})
	}
}

// TestBrowserRegionChoiceSticks: on a phone in en-GB the person chooses
// Australia on the emergency screen: the button dials 000 at once, and
// still after a reload; axe finds nothing wrong with the control.
func TestBrowserRegionChoiceSticks(t *testing.T) {
	needE2E(t)
	srv := startServer(t, realSite(t, Config{}).Handler(quietLogger))
	tb := regionPhone(t, srv.URL, "en-GB")
	if href, _, _ := tb.emergencyScreen(t, "/check"); href != "tel:999" {
		t.Fatalf("en-GB dials %q before the choice", href)
	}
	tb.axe(t, "emergency screen with the country choice")
	tb.do(t, chromedp.Focus("#region-choice"))
	eval[bool](t, tb, `(s => { s.value = "AU"; return s.dispatchEvent(new Event("change", {bubbles: true})); })(document.getElementById("region-choice"))`)
	tb.waitFor(t, 10*time.Second, `document.querySelector("a.call").getAttribute("href") === "tel:000"`)
	if _, button, main := tb.callButton(t); !strings.Contains(button, "000") || !strings.Contains(main, "000 (Australia)") || strings.Contains(main, "999") {
		t.Errorf("after choosing Australia the button says %q:\n%s", button, main)
	}
	tb.do(t, chromedp.Reload())
	tb.waitFor(t, 15*time.Second, `document.documentElement.hasAttribute("data-app-ready") && !!document.querySelector("a.call") && document.querySelector("a.call").getAttribute("href") === "tel:000"`)
	if v := eval[string](t, tb, `document.getElementById("region-choice").value`); v != "AU" {
		t.Errorf("after a reload the country is %q, want AU", v)
	}
	tb.noErrors(t)
}

// TestBrowserClinicNumberWinsOverRegion: a clinic's 999 is dialled on a
// phone in en-AU, and the country choice is not offered.
func TestBrowserClinicNumberWinsOverRegion(t *testing.T) {
	needE2E(t)
	p := clinic.DefaultProfile()
	p.Name, p.ShortName, p.EmergencyNumber = "Harbour Street", "Harbour St", "999"
	s := realSite(t, Config{Profile: &p})
	srv := startServer(t, s.Handler(quietLogger))
	tb := regionPhone(t, srv.URL, "en-AU")
	href, _, main := tb.emergencyScreen(t, "/check")
	if href != "tel:999" || strings.Contains(main, "000") || eval[bool](t, tb, `!!document.getElementById("region-choice")`) {
		t.Errorf("the clinic's 999 does not win on an en-AU phone: %q\n%s", href, main)
	}
	tb.noErrors(t)
}
