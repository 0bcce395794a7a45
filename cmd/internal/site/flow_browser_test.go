package site

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"aftercare/rules"
)

// The check as a worried person uses it, on the phone viewport: no tick is
// lost, advice comes as soon as it is known, the first tap counts, the
// phone's Back goes back a question, every screen has its title, and an
// unknown address has a way home.

// emergencyOptions lists, for each checklist, the options that alone mean
// an emergency, as the rules say.
func emergencyOptions(t *testing.T) map[string][]string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, id := range []string{"body_signs", "stroke_signs", "nerve_signs"} {
		for _, o := range set.Question(id).Options {
			r, err := set.Evaluate(rules.Answers{id: {Options: []string{o.ID}}})
			if err != nil {
				t.Fatal(err)
			}
			if r.Level == rules.Emergency {
				out[id] = append(out[id], o.ID)
			}
		}
	}
	return out
}

// TestBrowserNoTickIsLost ticks each emergency option of each checklist,
// then taps every other control of the screen (None of these, the help,
// Continue with nothing else): the check must end on the emergency screen.
// Continue with nothing ticked is not taken as an answer.
func TestBrowserNoTickIsLost(t *testing.T) {
	_, _, tb := appTab(t)
	lists := emergencyOptions(t)
	if len(lists["body_signs"]) < 6 || len(lists["stroke_signs"]) < 10 || len(lists["nerve_signs"]) < 6 {
		t.Fatalf("too few emergency options found: %v", lists)
	}
	tb.open(t, "/check")
	first := true
	n := 0
	for list, options := range lists {
		for _, o := range options {
			// A fresh page each time (a new address, so never a jump within
			// the old page), with no saved check.
			n++
			eval[bool](t, tb, `(localStorage.removeItem("aftercare.check"), true)`)
			tb.open(t, fmt.Sprintf("/check?try=%d", n))
			tb.clickStart(t)
			if sc := tb.walk(t, checkWalk{stopAt: list}); sc.Question != list {
				t.Fatalf("never reached %s: %+v", list, sc)
			}
			if first {
				first = false
				// Nothing ticked: Continue is off, and pressing it anyway
				// (as a script or an old browser might) answers nothing;
				// the app says what to do instead.
				if !eval[bool](t, tb, `document.getElementById("continue").disabled`) {
					t.Error("Continue is on with nothing ticked")
				}
				tb.doAndWait(t, saysOrMoves(say(t, "tick_or_none", "en"), list), forceClick("#continue"))
				if sc := tb.screen(t); sc.Question != list {
					t.Fatalf("an empty Continue moved on to %+v", sc)
				}
			}
			// The screen has settled (focus moved, page scrolled to the top).
			tb.waitFor(t, screenWait, `document.activeElement && document.activeElement.id === "main-heading"`)
			tick := fmt.Sprintf(`input[data-option=%q]`, o)
			tb.tapAndWait(t, tick, `document.querySelector(`+jsonString(tick)+`).checked && document.querySelector('[data-option="none"]').disabled`)
			// None of these: off, and pressed anyway it changes nothing and
			// says why; then the help opens and closes nothing.
			tb.doAndWait(t, saysOrMoves(say(t, "none_is_off", "en"), list), forceClick(`[data-option="none"]`))
			tb.tapAndWait(t, ".help-toggle", `document.querySelector(".help-toggle").getAttribute("aria-expanded") === "true"`)
			if sc := tb.screen(t); sc.Question != list || !eval[bool](t, tb, `document.querySelector(`+jsonString(tick)+`).checked`) {
				t.Fatalf("%s/%s: after None of these and the help, on %+v (the tick kept: %v)", list, o, sc, eval[bool](t, tb, `document.querySelector(`+jsonString(tick)+`).checked`))
			}
			tb.tapAndWait(t, "#continue", screenAfter(list))
			if sc := tb.screen(t); sc.Level != "emergency" {
				t.Errorf("%s/%s ticked, then every other control: ended on %+v, want the emergency screen", list, o, sc)
			}
		}
	}
	tb.noErrors(t)
}

// forceClick clicks the button sel even when it is off, as a script or an
// old browser might: a disabled button's click() never reaches the app, so
// the disabled attribute is taken off first.
func forceClick(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`(b => (b.disabled = false, b.click(), true))(document.querySelector(`+jsonString(sel)+`))`)(ctx, tg)
		return err
	})
}

// saysOrMoves holds once the check shows the notice text, or has moved on
// from the question q (which the test then reports).
func saysOrMoves(text, q string) string {
	return `[...document.querySelectorAll(".notice")].some(n => n.textContent === ` + jsonString(text) + `) || ` + screenAfter(q)
}

// screensTo walks from the home page as a person taps ("Start a check"),
// counting every screen after the home page until the advice, the advice
// included.
func (tb *tab) screensTo(t *testing.T, answers map[string]any) (int, string) {
	t.Helper()
	eval[bool](t, tb, `(localStorage.removeItem("aftercare.check"), true)`)
	tb.open(t, "/")
	tb.tapAndWait(t, "#home-start", `!!document.querySelector("[data-question]")`)
	screens := 0
	got := tb.walk(t, checkWalk{answers: answers, onScreen: func(screen) { screens++ }})
	return screens + 1, got.Level // and the advice
}

// TestBrowserAdviceAsSoonAsKnown counts the screens from the home page to
// the advice for a calm case, a fever and chest pain; the questions that
// only rank causes come after the advice, offered, not required.
func TestBrowserAdviceAsSoonAsKnown(t *testing.T) {
	_, _, tb := appTab(t)
	tb.open(t, "/")
	for _, c := range []struct {
		name    string
		answers map[string]any
		level   string
		most    int
	}{
		{"calm", map[string]any{"pain_now": 3, "days": 1}, "selfcare", 13},
		{"fever", map[string]any{"other_signs": []string{"fever"}}, "urgent", 11},
		{"chest pain", map[string]any{"where": []string{"chest"}, "chest": "yes"}, "emergency", 5}, // the chest marked on the body map, then chest pain
	} {
		n, level := tb.screensTo(t, c.answers)
		t.Logf("%s: %d screens from the home page to the advice (%s)", c.name, n, level)
		if level != c.level || n > c.most {
			t.Errorf("%s: %d screens to %s, want %s within %d", c.name, n, level, c.level, c.most)
		}
	}
	// The calm advice offers the cause questions; answering them adds the
	// likely causes and keeps the advice.
	tb.screensTo(t, map[string]any{"pain_now": 3, "days": 1})
	text := eval[string](t, tb, `document.querySelector("main").innerText`)
	if strings.Contains(text, "Likely causes") || !strings.Contains(text, "more questions about your massage") {
		t.Errorf("the advice before the cause questions: %q", text)
	}
	tb.tapTo(t, "#more-questions", `!!document.querySelector("[data-question]")`)
	got := tb.walk(t, checkWalk{answers: map[string]any{"massage_type": "deep", "pressure": "firm", "symptoms": []string{"soreness"}}})
	if got.Level != "selfcare" || !strings.Contains(eval[string](t, tb, `document.querySelector("main").innerText`), "Likely causes") {
		t.Errorf("after the cause questions: %+v", got)
	}
	tb.noErrors(t)
}

// TestBrowserFirstTapBeforeReady: on a slow connection, before the app is
// ready, "Someone else" and Start on the check's intro work: the server's
// first question comes, for someone else; once the app is ready it is the
// check's first question, for them, the address no longer says so, and
// Back goes through the check's screens.
func TestBrowserFirstTapBeforeReady(t *testing.T) {
	_, srv, tb := appTab(t)
	call(t, tb, network.Enable, network.EnableParams{})
	throttle(tb.ctx, network.Conditions{Latency: 200, DownloadThroughput: 400 * 1024 / 8, UploadThroughput: 400 * 1024 / 8})
	go chromedp.Run(tb.ctx, chromedp.Navigate(srv.URL+"/check"))
	tb.waitFor(t, 30*time.Second, `!!document.getElementById("start-check") && document.readyState === "complete"`)
	tb.do(t, tb.tap("#for-other"), tb.tap("#start-check"))
	tb.waitFor(t, 30*time.Second, `location.search.includes("check-for=for-other") && !!document.querySelector("[data-question=age]")`)
	if eval[bool](t, tb, `document.documentElement.hasAttribute("data-app-ready")`) {
		t.Fatal("the app was ready before the tap: the connection was not slow")
	}
	if h := eval[string](t, tb, `document.querySelector("h1").innerText`); !strings.Contains(h, "they") || !eval[bool](t, tb, `document.getElementById("for-other").checked`) {
		t.Errorf("before the app, the first question is not for someone else: %q", h)
	}
	throttle(tb.ctx, network.Conditions{DownloadThroughput: -1, UploadThroughput: -1})
	tb.waitFor(t, 60*time.Second, `document.documentElement.hasAttribute("data-app-ready") && !!document.querySelector("[data-question=age]")`)
	tb.waitFor(t, screenWait, `location.search === "?start=1"`)
	if h := eval[string](t, tb, `document.querySelector("h1").innerText`); !strings.Contains(h, "they") {
		t.Errorf("once the app is ready, the first question is not for someone else: %q", h)
	}
	// The history is the check's: the phone's Back from the second question
	// is the first, the in-app Back from there the intro.
	tb.settle(t)
	tb.tapAndWait(t, `[data-option="age_50_59"]`, `!!document.querySelector("[data-question]") && !document.querySelector("[data-question=age]")`)
	tb.doAndWait(t, `!!document.querySelector("[data-question=age]")`, chromedp.NavigateBack())
	tb.settle(t)
	tb.tapAndWait(t, "#back", `!!document.getElementById("start-check") && !document.querySelector("[data-question]")`)
	tb.noErrors(t)
}

// TestBrowserPhoneBackAndTitles: the phone's Back goes to the previous
// question, not away from the check; each screen has its own title; and
// Start over on the advice asks first.
func TestBrowserPhoneBackAndTitles(t *testing.T) {
	_, _, tb := appTab(t)
	tb.startCheck(t)
	tb.walk(t, checkWalk{stopAt: "where"})
	if title := eval[string](t, tb, `document.title`); !strings.HasPrefix(title, "Question 3: Since the massage") {
		t.Errorf("title on question 3: %q", title)
	}
	tb.doAndWait(t, screenAfter("where"), chromedp.NavigateBack())
	if sc := tb.screen(t); sc.Question != "health" {
		t.Fatalf("Back from question 3 went to %+v, want the previous question", sc)
	}
	if !strings.HasSuffix(eval[string](t, tb, `location.pathname`), "/check") {
		t.Error("Back left the check")
	}
	tb.doAndWait(t, screenAfter("health"), chromedp.NavigateBack())
	if sc := tb.screen(t); sc.Question != "age" {
		t.Fatalf("Back again went to %+v, want age", sc)
	}
	got := tb.walk(t, checkWalk{answers: levelCases["doctor"]})
	if title := eval[string](t, tb, `document.title`); got.Level != "doctor" || !strings.HasPrefix(title, "Book a visit") {
		t.Errorf("on the advice: %s, title %q", got.Level, title)
	}
	tb.tapTo(t, "#restart", `!!document.getElementById("confirm-restart") && document.activeElement.id === "confirm-restart"`)
	tb.tapTo(t, "#confirm-no", `!document.getElementById("confirm-restart") && document.querySelector("[data-level]").dataset.level === "doctor"`)
	tb.noErrors(t)
}

// TestBrowserNotFound: an unknown address shows "Page not found" with a
// way home: online with status 404, and offline from the worker's cache.
func TestBrowserNotFound(t *testing.T) {
	_, srv, tb := appTab(t)
	resp, err := http.Get(srv.URL + "/no/such/page")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("GET an unknown page: %d, want 404", resp.StatusCode)
	}
	tb.open(t, "/")
	tb.waitControlled(t)
	for _, online := range []bool{true, false} {
		if !online {
			srv.Stop()
		}
		tb.doAndWait(t, `!!document.querySelector("h1") && document.querySelector("h1").textContent === "Page not found" && !!document.querySelector('a#go-home[href="/"]')`,
			chromedp.Navigate(srv.URL+"/no/such/page"))
		tb.axe(t, fmt.Sprintf("page not found (online %v)", online))
		// Under the Spanish prefix, in Spanish, with the way to /es.
		tb.doAndWait(t, `document.documentElement.lang === "es" && !!document.querySelector("h1") && document.querySelector("h1").textContent === `+jsonString(say(t, "page_not_found", "es"))+` && !!document.querySelector('a#go-home[href="/es"]')`,
			chromedp.Navigate(srv.URL+"/es/no/such/page"))
		tb.axe(t, fmt.Sprintf("page not found in Spanish (online %v)", online))
	}
}

// TestBrowserDiaryEscalationInView: a check-in that turns the diary's
// advice urgent or worse moves focus and the view to that advice.
func TestBrowserDiaryEscalationInView(t *testing.T) {
	_, _, tb := appTab(t)
	tb.openDiary(t, "/diary")
	tb.startDiary(t)
	for _, id := range []string{"pain-3", "stiff-mild", "flag-heart"} {
		tb.tapAndWait(t, `label[for="`+id+`"]`, `document.getElementById("`+id+`").checked`)
	}
	tb.tapAndWait(t, "#save-entry", `document.getElementById("diary-advice").dataset.level === "emergency" && document.activeElement === document.getElementById("diary-advice")`)
	// In view (a smooth scroll may take a moment).
	tb.waitFor(t, screenWait, `(() => { const r = document.getElementById("diary-advice").getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight / 2; })()`)
	tb.noErrors(t)
}
