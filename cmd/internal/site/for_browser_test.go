package site

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// headingIs holds once the page's main heading reads text.
func headingIs(text string) string {
	return `(h => !!h && h.textContent === ` + jsonString(text) + `)(document.getElementById("main-heading"))`
}

// TestBrowserCheckForSomeoneElse: on the check's first screen a relative
// says the check is for someone else; the question is then worded for
// them, the choice survives a reload, and in Spanish the questions read
// for a third person too (usted, "le duele"); the summary says so.
func TestBrowserCheckForSomeoneElse(t *testing.T) {
	_, _, tb := appTab(t)
	tb.open(t, "/check")
	tb.waitFor(t, screenWait, `(b => !!b && b.type === "button")(document.getElementById("start-check"))`)
	tb.tapAndWait(t, "#for-other", `document.getElementById("for-other").checked`)
	tb.clickStart(t)
	tb.waitFor(t, screenWait, headingIs("How old are they?"))
	tb.axe(t, "the first question for someone else")

	tb.do(t, chromedp.Reload(), waitReady())
	tb.waitFor(t, screenWait, headingIs("How old are they?")+` && document.getElementById("for-other").checked`)

	tb.open(t, "/es/check")
	tb.landsOn(t, "/es/check", "es")
	tb.waitFor(t, screenWait, headingIs("¿Cuántos años tiene?")+` && document.getElementById("for-other").checked`)
	tb.settle(t)
	tb.tapAndWait(t, `[data-option="age_16_49"]`, screenAfter("age"))
	tb.settle(t)
	tb.tapAndWait(t, `[data-option="none"]`, screenAfter("health"))
	// The body map, with the chest marked, opens the chest question.
	tb.settle(t)
	tb.tapAndWait(t, regionSel("front", "chest"), marked("chest", true))
	tb.settle(t)
	tb.tapAndWait(t, "#continue", screenAfter("where"))
	tb.waitFor(t, screenWait, `document.querySelector("[data-question]").dataset.question === "chest"`)
	if text := eval[string](t, tb, `document.querySelector("main").textContent`); !strings.Contains(text, "Solo un punto que le duele en el pecho, donde le apretaron.") || strings.Contains(text, "me apretaron") {
		t.Errorf("the Spanish chest question is not worded for someone else:\n%s", text)
	}
	if strings.Contains(eval[string](t, tb, `document.querySelector("main").textContent`), say(t, "check_for", "es")) {
		t.Error("the choice shows after the first question")
	}
	if got := tb.walk(t, checkWalk{answers: levelCases["selfcare"]}); got.Level != "selfcare" {
		t.Fatalf("ended at %s, want selfcare", got.Level)
	}
	tb.tapTo(t, "#summary", `!!document.querySelector(".answers-table")`)
	if text := eval[string](t, tb, `document.body.textContent`); !strings.Contains(text, say(t, "summary_for_other", "es")) {
		t.Errorf("the summary does not say the check was for someone else:\n%s", text)
	}
	tb.noErrors(t)
}
