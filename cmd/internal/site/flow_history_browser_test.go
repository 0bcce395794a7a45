package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// checkAnswer is the saved answer to a question, as JSON ("" if none).
func (tb *tab) checkAnswer(t *testing.T, id string) string {
	t.Helper()
	return eval[string](t, tb, fmt.Sprintf(`(s => { const a = s && JSON.parse(s).answers[%q]; return a ? JSON.stringify(a) : ""; })(localStorage.getItem("aftercare.check"))`, id))
}

// countPops starts counting the page's popstate events in window.__pops.
func (tb *tab) countPops(t *testing.T) {
	eval[bool](t, tb, `(window.__pops = 0, addEventListener("popstate", () => window.__pops++), true)`)
}

// TestBrowserBackStaysInStep: each screen of the check is one history
// entry, so after the in-app Back the phone's Back goes to the screen
// before that one (not to the screen Back left), with the answer given
// there; Forward to an answer taken back changes nothing; a reload on a
// step shows that step.
func TestBrowserBackStaysInStep(t *testing.T) {
	_, _, tb := appTab(t)
	tb.startCheck(t)
	tb.walk(t, checkWalk{stopAt: "body_signs"}) // age, health, the body map answered
	tb.settle(t)
	tb.tapAndWait(t, "#back", screenAfter("body_signs"))
	if sc := tb.screen(t); sc.Question != "where" || eval[string](t, tb, `location.hash`) != "#step-2" {
		t.Fatalf("in-app Back: on %+v at %s, want the body map (where) at #step-2", sc, eval[string](t, tb, `location.hash`))
	}
	tb.doAndWait(t, screenAfter("where"), chromedp.NavigateBack())
	if sc := tb.screen(t); sc.Question != "health" {
		t.Fatalf("the phone's Back after the in-app Back went to %+v, want health", sc)
	}
	if !strings.Contains(eval[string](t, tb, `document.querySelector(".previous").textContent`), "None of these") {
		t.Error("the phone's Back does not show the answer given")
	}
	// Forward to the body map, whose answer the in-app Back took back: undone.
	tb.countPops(t)
	eval[bool](t, tb, `(history.forward(), true)`)
	tb.waitFor(t, screenWait, `window.__pops >= 2 && location.hash === "#step-1"`)
	if sc := tb.screen(t); sc.Question != "health" {
		t.Fatalf("Forward left health for %+v", sc)
	}
	tb.do(t, chromedp.Reload(), waitReady())
	tb.waitFor(t, screenWait, `(q => !!q && q.dataset.question === "health")(document.querySelector("[data-question]"))`)
	// Back on after the reload: the in-app Back goes back in history too.
	tb.settle(t)
	tb.tapAndWait(t, "#back", screenAfter("health"))
	tb.doAndWait(t, `!!document.getElementById("start-check")`, chromedp.NavigateBack())
	if !strings.HasSuffix(eval[string](t, tb, `location.pathname`), "/check") {
		t.Error("Back to the intro left the check")
	}
	tb.noErrors(t)
}

// TestBrowserDaysPicker: the days question gives the exact day from
// Yesterday, a day of the list and a date, each the same kind of answer;
// it passes axe and fits a 390 px phone at 200% text.
func TestBrowserDaysPicker(t *testing.T) {
	_, _, tb := appTab(t)
	tb.startCheck(t)
	tb.walk(t, checkWalk{answers: map[string]any{"pain_now": 3}, stopAt: "days"})
	tb.axe(t, "days")
	tb.fitsAt200(t, "days")
	tb.settle(t)
	tb.tapAndWait(t, `[data-value="1"]`, screenAfter("days"))
	if got := tb.checkAnswer(t, "days"); got != `{"number":1}` {
		t.Errorf("Yesterday saved %s, want 1", got)
	}
	back := func() {
		tb.settle(t)
		tb.tapAndWait(t, "#back", `(q => !!q && q.dataset.question === "days")(document.querySelector("[data-question]"))`)
	}
	back()
	// No date yet: told so, and the question stays.
	tb.tapAndWait(t, "#days-date-go", `(n => !!n && n.textContent.startsWith("Pick a date first"))(document.querySelector(".notice"))`)
	date := eval[string](t, tb, `(d => (d.setDate(d.getDate() - 20), d.toISOString().slice(0, 10)))(new Date(document.getElementById("days-date").max + "T12:00:00Z"))`)
	eval[bool](t, tb, fmt.Sprintf(`(i => { i.value = %q; i.dispatchEvent(new Event("input", {bubbles: true})); i.dispatchEvent(new Event("change", {bubbles: true})); return true; })(document.getElementById("days-date"))`, date))
	tb.tapAndWait(t, "#days-date-go", screenAfter("days"))
	if got := tb.checkAnswer(t, "days"); got != `{"number":20}` {
		t.Errorf("the date %s saved %s, want 20 days", date, got)
	}
	back()
	tb.pickDays(t, checkWalk{}, 9)
	if got := tb.checkAnswer(t, "days"); got != `{"number":9}` {
		t.Errorf("the list's ninth day saved %s", got)
	}
	tb.noErrors(t)
}

// TestBrowserMoreQuestionsFollowTheAnswers: after the advice, "Answer more
// questions" asks only what ranks the causes (never the trend, where
// "Worse" would stand against the advice); Back from the first of them is
// the advice again and Forward returns to it; the advice then names the
// causes from the answers given.
func TestBrowserMoreQuestionsFollowTheAnswers(t *testing.T) {
	_, _, tb := appTab(t)
	tb.startCheck(t)
	calm := map[string]any{"pain_now": 3, "days": 1}
	if got := tb.walk(t, checkWalk{answers: calm}); got.Level != "selfcare" {
		t.Fatalf("calm case: %s", got.Level)
	}
	if strings.Contains(eval[string](t, tb, `document.querySelector(".causes") ? document.querySelector(".causes").textContent : ""`), "Your posture") {
		t.Fatal("posture is a likely cause before it was asked about")
	}
	isQuestion := `!!document.querySelector("[data-question]")`
	tb.settle(t)
	tb.tapAndWait(t, "#more-questions", isQuestion)
	tb.doAndWait(t, `!document.querySelector("[data-question]") && !!document.querySelector("[data-level]")`, chromedp.NavigateBack())
	tb.doAndWait(t, isQuestion, chromedp.NavigateForward())
	var asked []string
	got := tb.walk(t, checkWalk{
		answers:  map[string]any{"posture": "yes", "pressure": "light"},
		onScreen: func(s screen) { asked = append(asked, s.Question) },
	})
	for _, q := range []string{"trend", "new_to_it"} {
		if slices.Contains(asked, q) {
			t.Errorf("after the advice (light pressure) it asked %s: %v", q, asked)
		}
	}
	causes := eval[string](t, tb, `document.querySelector(".causes").textContent`)
	if got.Level != "selfcare" || !strings.Contains(causes, "Your posture") || strings.Contains(causes, "first deep or firm") {
		t.Errorf("after the causes' questions: %s, causes %q", got.Level, causes)
	}
	tb.noErrors(t)
}
