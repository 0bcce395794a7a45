package site

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTickSurvivesAReload: a box ticked and not yet sent on (a cold
// sweat) is kept on the device as it is ticked, and is ticked again on the
// same question after a reload, after a visit to the guide and back, and
// after the language is switched with the page's own link.
func TestBrowserTickSurvivesAReload(t *testing.T) {
	_, _, tb := appTab(t)
	tb.startCheck(t)
	tb.walk(t, checkWalk{stopAt: "body_signs"})
	const tick = `input[data-option="sweat"]`
	tb.tapAndWait(t, tick, `document.querySelector(`+jsonString(tick)+`).checked`)
	tb.waitFor(t, screenWait, `(s => !!s && s.includes('"draft"') && s.includes('"sweat"'))(Object.values(localStorage).join(" "))`)

	tb.do(t, chromedp.Reload(), waitReady())
	tb.waitFor(t, screenWait, `(q => !!q && q.dataset.question === "body_signs")(document.querySelector("[data-question]"))`)
	tb.waitFor(t, screenWait, `(b => !!b && b.checked)(document.querySelector(`+jsonString(tick)+`))`)

	tb.open(t, "/guide")
	tb.open(t, "/check")
	tb.waitFor(t, screenWait, `(b => !!b && b.checked)(document.querySelector(`+jsonString(tick)+`))`)
	if sc := tb.screen(t); sc.Question != "body_signs" {
		t.Fatalf("after the guide, on %+v, want body_signs", sc)
	}

	tb.tapAndWait(t, `.lang-switch a[data-lang-choice="es"]`, `location.pathname === "/es/check" && document.documentElement.lang === "es"`)
	tb.waitFor(t, screenWait, `(b => !!b && b.checked)(document.querySelector(`+jsonString(tick)+`))`)
	if sc := tb.screen(t); sc.Question != "body_signs" {
		t.Fatalf("after switching to Spanish, on %+v, want body_signs", sc)
	}
	tb.noErrors(t)
}
