package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aftercare/app/clinic"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// screen is what the check shows now: a question, or advice at a level.
type screen struct {
	Question string `json:"q"`
	Level    string `json:"level"`
	Multi    bool   `json:"multi"`
	Scale    bool   `json:"scale"`
	Focused  string `json:"focused"`
	Progress string `json:"progress"`
}

func (tb *tab) screen(t *testing.T) screen {
	t.Helper()
	return eval[screen](t, tb, `(() => {
		const q = document.querySelector("[data-question]");
		const r = document.querySelector("[data-level]");
		const p = document.querySelector(".progress-text");
		return {
			q: q ? q.dataset.question : "",
			level: r ? r.dataset.level : "",
			multi: !!document.querySelector("[data-question] input[type=checkbox]"),
			scale: !!document.querySelector(".options.scale"),
			focused: document.activeElement ? document.activeElement.id : "",
			progress: p ? p.textContent : "",
		};
	})()`)
}

// waitScreenAfter waits until the check shows something other than q.
func (tb *tab) waitScreenAfter(t *testing.T, q string) screen {
	t.Helper()
	tb.waitFor(t, screenWait, screenAfter(q))
	return tb.screen(t)
}

// screenAfter is the condition that the check shows something other than
// the question q: another question, or advice.
func screenAfter(q string) string {
	return fmt.Sprintf(`(() => {
		const s = document.querySelector("[data-question]");
		return !!document.querySelector("[data-level]") || (!!s && s.dataset.question !== %q);
	})()`, q)
}

// checkWalk answers the check as a person would, one screen at a time,
// with the given answers and otherwise the first option (or none of a list).
type checkWalk struct {
	answers  map[string]any
	keyboard bool         // keys only: Tab to the answer, then Space or Enter
	domClick bool         // element.click(), where mouse events cannot reach (a cross-origin frame's target)
	onScreen func(screen) // called on each new screen
	stopAt   string       // stop when this question shows
}

func (tb *tab) walk(t *testing.T, w checkWalk) screen {
	t.Helper()
	s := tb.waitScreenAfter(t, "")
	for steps := 0; s.Level == "" && steps < 40; steps++ {
		if s.Question == "" {
			t.Fatalf("neither a question nor advice on screen: %+v", s)
		}
		if w.onScreen != nil {
			w.onScreen(s)
		}
		if s.Question == w.stopAt {
			return s
		}
		tb.settle(t)
		v, given := w.answers[s.Question]
		next := screenAfter(s.Question)
		switch {
		case s.Question == "days":
			tb.pickDays(t, w, v)
		case s.Scale:
			if !given {
				t.Fatalf("no answer given for the scale %s", s.Question)
			}
			tb.doAndWait(t, next, tb.press(w, fmt.Sprintf(`[data-value="%v"]`, v), kb.Enter))
		case s.Multi:
			list, _ := v.([]string)
			for _, o := range list {
				sel := fmt.Sprintf(`input[data-option=%q]`, o)
				tb.doAndWait(t, `document.querySelector(`+jsonString(sel)+`).checked`, tb.press(w, sel, " "))
			}
			if len(list) == 0 {
				tb.doAndWait(t, next, tb.press(w, `[data-option="none"]`, kb.Enter))
			} else {
				// Continue comes on once the ticks are on the page.
				tb.waitFor(t, screenWait, `!document.getElementById("continue").disabled`)
				tb.doAndWait(t, next, tb.press(w, `#continue`, kb.Enter))
			}
		default:
			sel := `.options button.option`
			if given {
				sel = fmt.Sprintf(`[data-option=%q]`, v)
			}
			tb.doAndWait(t, next, tb.press(w, sel, kb.Enter))
		}
		s = tb.screen(t)
		if w.keyboard { // focus must land on the new screen's heading
			tb.waitFor(t, screenWait, `document.activeElement && document.activeElement.id === "main-heading"`)
		}
	}
	if s.Level == "" {
		t.Fatalf("the check did not end: %+v", s)
	}
	return s
}

// pickDays answers the days question: Today or Yesterday by their buttons,
// a day of the last two weeks from the list.
func (tb *tab) pickDays(t *testing.T, w checkWalk, v any) {
	t.Helper()
	n, ok := v.(int)
	if !ok || n > 14 {
		t.Fatalf("the walk picks days 0 to 14, not %v", v)
	}
	next := screenAfter("days")
	if n <= 1 {
		tb.doAndWait(t, next, tb.press(w, fmt.Sprintf(`[data-value="%d"]`, n), kb.Enter))
		return
	}
	switch {
	case w.keyboard && n > 2: // the list moves with the arrow keys
		tb.do(t, tb.act(true, "#days-pick", kb.ArrowDown))
		for range n - 3 {
			tb.do(t, chromedp.KeyEvent(kb.ArrowDown))
		}
	case !w.keyboard:
		eval[bool](t, tb, fmt.Sprintf(`(s => { s.value = "%d"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })(document.getElementById("days-pick"))`, n))
	}
	tb.waitFor(t, screenWait, fmt.Sprintf(`document.getElementById("days-pick").value === "%d"`, n))
	tb.doAndWait(t, next, tb.press(w, "#days-pick-go", kb.Enter))
}

// startOver taps Start over on the advice, confirms, and waits for the
// first question of a new check.
func (tb *tab) startOver(t *testing.T) {
	t.Helper()
	tb.tapTo(t, "#restart", `!!document.getElementById("confirm-yes")`)
	tb.tapTo(t, "#confirm-yes", `!!document.querySelector('[data-question="age"]')`)
}

// settle waits, a second at most, for a new screen to take focus (and
// scroll to the top), so a click is not aimed at where a button was before
// the page moved. A screen restored after a reload takes no focus; then it
// just goes on.
func (tb *tab) settle(t *testing.T) {
	t.Helper()
	eval[bool](t, tb, `new Promise(done => { const t0 = performance.now();
		(function poll() {
			if ((document.activeElement && document.activeElement.id === "main-heading") || performance.now() - t0 > 1000) { requestAnimationFrame(() => done(true)); return; }
			setTimeout(poll, 20);
		})(); })`)
}

// press is an answer given with the walk's way of acting.
func (tb *tab) press(w checkWalk, sel, key string) chromedp.Action[chromedp.Void] {
	if w.domClick {
		return scriptClick(sel)
	}
	return tb.act(w.keyboard, sel, key)
}

// act clicks the first element matching sel, or with keyboard set, presses
// Tab until that element has focus and then presses key.
func (tb *tab) act(keyboard bool, sel, key string) chromedp.Action[chromedp.Void] {
	if !keyboard {
		return tb.tap(sel)
	}
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for range 60 {
			on, err := chromedp.Evaluate[bool](fmt.Sprintf(`document.activeElement === document.querySelector(%q)`, sel))(ctx, tg)
			if err != nil {
				return err
			}
			if on {
				_, err := chromedp.KeyEvent(key)(ctx, tg)
				return err
			}
			if _, err := chromedp.KeyEvent(kb.Tab)(ctx, tg); err != nil {
				return err
			}
		}
		return fmt.Errorf("Tab never reached %s", sel)
	})
}

// screenshot saves what the phone shows when AFTERCARE_SCREENSHOTS names a
// folder (for looking at, not for asserting).
func (tb *tab) screenshot(t *testing.T, name string) {
	dir := os.Getenv("AFTERCARE_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}

func (tb *tab) noErrors(t *testing.T) {
	t.Helper()
	for _, e := range tb.takeErrors() {
		t.Errorf("console: %s", e)
	}
	if f := tb.foreignRequests(); len(f) > 0 {
		t.Errorf("requests left the origin: %v", f)
	}
}

// The answers of one case per level; everything else gets the first option.
var levelCases = map[string]map[string]any{
	"selfcare":  {"pain_now": 3, "days": 1, "trend": "better", "where": []string{"between_blades", "blade_right"}, "symptoms": []string{"soreness", "tender"}, "massage_type": "trigger"},
	"doctor":    {"pain_now": 4, "days": 6, "trend": "same"},
	"urgent":    {"other_signs": []string{"fever"}, "pain_now": 5, "days": 2},
	"emergency": {"stroke_signs": []string{"dizzy", "double_vision"}},
}

// TestBrowserCheckEachLevel completes the check by clicking, once for each
// level, and runs axe on every kind of screen on the way.
func TestBrowserCheckEachLevel(t *testing.T) {
	needE2E(t)
	s := realSite(t, Config{})
	srv := startServer(t, s.Handler(quietLogger))
	for _, level := range []string{"emergency", "urgent", "doctor", "selfcare"} {
		t.Run(level, func(t *testing.T) {
			tb := newTab(t, srv.URL)
			tb.open(t, "/check")
			tb.axe(t, "check intro")
			tb.clickStart(t)
			kinds := map[string]bool{}
			got := tb.walk(t, checkWalk{answers: levelCases[level], onScreen: func(sc screen) {
				kind := "choice"
				switch {
				case sc.Multi:
					kind = "multi"
				case sc.Scale:
					kind = "scale"
				}
				if level == "selfcare" && !kinds[kind] {
					kinds[kind] = true
					tb.screenshot(t, "question-"+kind)
					// Hover styles only where a pointer hovers: on a phone a
					// tapped option's hover colour would stick on the next screen.
					if bad := eval[[]string](t, tb, `(() => { const out = [];
						const walk = (rules, hover) => { for (const r of rules) {
							if (r.cssRules && r.conditionText !== undefined) walk(r.cssRules, hover || r.conditionText.includes("hover: hover"));
							else if (r.selectorText && r.selectorText.includes(":hover") && !hover) out.push(r.selectorText);
						} };
						for (const s of document.styleSheets) { if ((s.href || "").endsWith("/web/aftercare.css")) walk(s.cssRules, false); }
						return out; })()`); len(bad) > 0 {
						t.Errorf("hover styles outside @media (hover: hover): %v", bad)
					}
					tb.axe(t, "question "+sc.Question)
					tb.fitsAt200(t, "question "+sc.Question)
					if eval[bool](t, tb, `!!document.querySelector(".help-toggle")`) {
						tb.tapAndWait(t, ".help-toggle", `!!document.querySelector(".help-text") && document.querySelector(".help-toggle").getAttribute("aria-expanded") === "true"`)
						tb.axe(t, "help open on "+sc.Question)
					}
				}
			}})
			if got.Level != level {
				t.Fatalf("ended at %s, want %s", got.Level, level)
			}
			tb.axe(t, level+" result")
			tb.fitsAt200(t, level+" result")
			text := eval[string](t, tb, `document.querySelector("main").innerText`)
			if !strings.Contains(text, "This is not a diagnosis.") {
				t.Error("the result does not say it is not a diagnosis")
			}
			if level == "emergency" {
				if href := eval[string](t, tb, `document.querySelector("a.call").getAttribute("href")`); href != "tel:911" {
					t.Errorf("call button dials %q", href)
				}
				if n := eval[int](t, tb, `document.querySelectorAll("main button.option, main .result-actions").length`); n != 0 {
					t.Error("the emergency screen shows other actions competing with the call")
				}
				tb.screenshot(t, "emergency")
			} else {
				want := []string{"Why we give this advice", "Your recovery plan", "When to get help"}
				if level == "urgent" { // no plan: what to do until seen (rules.Advise)
					want = []string{"Why we give this advice", "Until you are seen", "What to tell the doctor", "When to get help"}
				}
				for _, want := range want {
					if !strings.Contains(text, want) {
						t.Errorf("result lacks %q", want)
					}
				}
				tb.screenshot(t, "result-"+level)
			}
			tb.noErrors(t)
		})
	}
}

// TestBrowserCheckSummary finishes a check and opens the summary for a
// doctor: the answers in a table, print styles, and sharing.
func TestBrowserCheckSummary(t *testing.T) {
	_, _, tb := appTab(t)
	tb.startCheck(t)
	asked := 0
	tb.walk(t, checkWalk{answers: levelCases["doctor"], onScreen: func(screen) { asked++ }})
	tb.tapTo(t, "#summary", `!!document.querySelector(".answers-table")`)
	tb.axe(t, "summary")
	rows := eval[int](t, tb, `document.querySelectorAll(".answers-table tbody tr").length`)
	notAsked := eval[int](t, tb, `[...document.querySelectorAll(".answers-table tbody td")].filter(td => td.textContent.startsWith("Not asked")).length`)
	if rows-notAsked != asked {
		t.Errorf("summary has %d answers (and %d not asked), want %d", rows-notAsked, notAsked, asked)
	}
	text := eval[string](t, tb, `document.querySelector("main").innerText`)
	for _, want := range []string{"Made with Aftercare on ", "Book a visit", "Your pain has not got better in 3 or more days.", "No to each of these: "} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	// No empty "Yes: none" over a "No" list: nothing ticked is one line.
	if strings.Contains(text, "Yes: none") {
		t.Errorf("summary has a \"Yes: none\" line:\n%s", text)
	}

	// Share: the phone's share sheet gets the summary (stubbed: headless
	// Chromium has none). Nothing is sent anywhere else.
	eval[bool](t, tb, `(navigator.share = (d) => { window.__shared = d; return Promise.resolve(); }, true)`)
	tb.tapAndWait(t, "#share", `window.__shared && document.querySelector(".status").textContent === "Shared."`)
	if shared := eval[string](t, tb, `window.__shared.text`); !strings.Contains(shared, "Advice: Book a visit") || !strings.Contains(shared, "How many days ago was your massage? Massage on ") {
		t.Errorf("shared text:\n%s", shared)
	}

	tb.screenshot(t, "check-summary")
	tb.colorScheme(t, "dark")
	tb.axe(t, "summary, dark")
	tb.screenshot(t, "check-summary-dark")
	tb.colorScheme(t, "light")

	// Print: the page's chrome goes, the answers stay.
	call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	if !eval[bool](t, tb, `getComputedStyle(document.querySelector(".site-header")).display === "none" &&
		getComputedStyle(document.querySelector(".result-actions")).display === "none" &&
		getComputedStyle(document.querySelector(".answers-table")).display !== "none"`) {
		t.Error("print styles do not hide the page's chrome or hide the answers")
	}
	call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"})
	tb.fitsAt200(t, "summary")
	// On paper: A4 and Letter, no column cut, at most two pages.
	for _, size := range [][2]float64{{8.27, 11.69}, {8.5, 11}} {
		if n := tb.printedPages(t, size[0], size[1]); n < 1 || n > 2 {
			t.Errorf("the summary prints on %d pages of %.2fx%.2f in, want 1 or 2", n, size[0], size[1])
		}
	}
	tb.noErrors(t)
}

// TestBrowserCheckByKeyboard completes the check with the keyboard alone:
// Tab to an answer, Space or Enter; focus lands on each new question.
func TestBrowserCheckByKeyboard(t *testing.T) {
	_, _, tb := appTab(t)
	tb.open(t, "/check")
	tb.waitFor(t, screenWait, `document.getElementById("start-check").type === "button"`)
	tb.doAndWait(t, screenAfter(""), tb.act(true, "#start-check", kb.Enter))
	got := tb.walk(t, checkWalk{answers: levelCases["urgent"], keyboard: true})
	if got.Level != "urgent" {
		t.Errorf("ended at %s, want urgent", got.Level)
	}
	tb.noErrors(t)
}

// TestBrowserCheckResumesAfterReload: answers survive a reload mid-check,
// and Back goes to the last answer to change it.
func TestBrowserCheckResumesAfterReload(t *testing.T) {
	_, _, tb := appTab(t)
	tb.startCheck(t)
	before := tb.walk(t, checkWalk{answers: levelCases["selfcare"], stopAt: "pain_now"})

	// The saved check comes back a frame after mounting.
	tb.doAndWait(t, screenAfter(""), chromedp.Reload(), waitReady())
	after := tb.screen(t)
	if after.Question != "pain_now" || after.Progress != before.Progress {
		t.Fatalf("after reload: %+v, want to resume at %+v", after, before)
	}
	// Back: the previous question again, showing the answer given.
	tb.tapAndWait(t, "#back", screenAfter("pain_now"))
	if sc := tb.screen(t); sc.Question != "pain_pattern" {
		t.Fatalf("Back went to %q, want pain_pattern", sc.Question)
	}
	if !strings.Contains(eval[string](t, tb, `document.querySelector(".previous").textContent`), "None of these") {
		t.Error("going back does not show the earlier answer")
	}
	// Change it: weight lost without trying now leads to urgent advice.
	answers := map[string]any{"pain_pattern": []string{"weight_loss"}}
	for k, v := range levelCases["selfcare"] {
		answers[k] = v
	}
	if got := tb.walk(t, checkWalk{answers: answers}); got.Level != "urgent" {
		t.Errorf("after changing an answer: %s, want urgent", got.Level)
	}
	tb.startOver(t)
	tb.waitFor(t, screenWait, `document.activeElement && document.activeElement.id === "main-heading"`)
	if sc := tb.screen(t); sc.Question != "age" || sc.Progress != "Some more questions about your signs" {
		t.Errorf("Start over shows %+v", sc)
	}
	tb.noErrors(t)
}

// TestBrowserCheckOffline completes a check with the server gone.
func TestBrowserCheckOffline(t *testing.T) {
	_, srv, tb := appTab(t)
	tb.open(t, "/")
	tb.waitControlled(t)
	srv.Stop()
	tb.startCheck(t)
	if got := tb.walk(t, checkWalk{answers: levelCases["doctor"]}); got.Level != "doctor" {
		t.Errorf("offline check ended at %s, want doctor", got.Level)
	}
	tb.tapTo(t, "#summary", `!!document.querySelector(".answers-table")`)
	tb.noErrors(t)
}

// TestBrowserClinicProfile: a clinic's profile brands the running app: its
// name, its emergency number on the call button, its phone and booking
// link on the result. No WASM rebuild: the same app.wasm.
func TestBrowserClinicProfile(t *testing.T) {
	needE2E(t)
	p, images, err := clinic.Load(writeBrandedProfile(t))
	if err != nil {
		t.Fatal(err)
	}
	s := realSite(t, Config{Profile: &p, Images: images})
	srv := startServer(t, s.Handler(quietLogger))
	tb := newTab(t, srv.URL)
	tb.open(t, "/")
	if brand := eval[string](t, tb, `document.querySelector(".brand").innerText`); brand != "Harbour Street Massage Clinic" {
		t.Errorf("brand %q", brand)
	}
	if title := eval[string](t, tb, "document.title"); title != "Aftercare: back pain after a massage · Harbour St" {
		t.Errorf("title %q", title)
	}
	if logo := eval[string](t, tb, `document.querySelector(".brand img").getAttribute("src")`); logo != "/web/clinic/logo.svg" {
		t.Errorf("header logo %q", logo)
	}
	tb.waitControlled(t)
	for _, e := range call(t, tb, page.GetInstallabilityErrors, cdp.Empty{}).InstallabilityErrors {
		t.Errorf("not installable with the clinic's icons: %s %v", e.ErrorID, e.ErrorArguments)
	}
	tb.startCheck(t)
	tb.walk(t, checkWalk{answers: levelCases["doctor"]})
	if href := eval[string](t, tb, `document.getElementById("call-clinic").getAttribute("href")`); href != "tel:+44(20)79460000" && href != "tel:+442079460000" {
		t.Errorf("call the clinic: %q", href)
	}
	if href := eval[string](t, tb, `document.getElementById("book-clinic").getAttribute("href")`); href != "https://harbourstreet.example/book" {
		t.Errorf("book: %q", href)
	}
	tb.axe(t, "result with the clinic's contact")
	tb.startOver(t)
	tb.walk(t, checkWalk{answers: levelCases["emergency"]})
	if href := eval[string](t, tb, `document.querySelector("a.call").getAttribute("href")`); href != "tel:999" {
		t.Errorf("the call button dials %q, want tel:999", href)
	}
	if text := eval[string](t, tb, `document.querySelector("main").innerText`); strings.Contains(text, "911") || !strings.Contains(text, "Call 999 now.") {
		t.Errorf("emergency screen:\n%s", text)
	}
	tb.noErrors(t)
}
