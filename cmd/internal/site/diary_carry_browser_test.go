package site

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// diaryButton is the save button's words.
func (tb *tab) diaryButton(t *testing.T) string {
	return eval[string](t, tb, `document.getElementById("save-entry").textContent`)
}

// TestBrowserDiaryFromCheck starts the diary from a check's result: the
// check's pain is today's answer, nothing else is picked for the person,
// a save with stiffness missing says so and loses nothing, and the save
// button names the day it saves.
func TestBrowserDiaryFromCheck(t *testing.T) {
	_, _, tb := appTab(t)
	tb.useTestClock(t)
	tb.startCheck(t)
	tb.walk(t, checkWalk{answers: levelCases["doctor"]}) // pain 4, 6 days ago
	tb.tapTo(t, "#start-diary", `!!document.querySelector(".diary-start")`)
	if got := eval[string](t, tb, `document.getElementById("massage-date").value`); got != "2026-03-04" {
		t.Errorf("massage date %q, want 6 days before the check's 2026-03-10", got)
	}
	tb.tapAndWait(t, "#start-diary", `!!document.querySelector(".diary-form")`)
	picked := eval[[]string](t, tb, `[...document.querySelectorAll(".diary-form input:checked")].map(e => e.id)`)
	if strings.Join(picked, " ") != "pain-4" {
		t.Errorf("picked on a new check-in: %q, want only the check's pain-4", picked)
	}
	if got := tb.diaryButton(t); got != "Save today's check-in" {
		t.Errorf("save button %q", got)
	}
	tb.axe(t, "diary check-in from a check")
	tb.tapAndWait(t, "#save-entry", `(document.getElementById("diary-message") || {}).textContent === "Not saved yet. Choose how stiff your back is, then save."`)
	if !eval[bool](t, tb, `document.getElementById("pain-4").checked && !document.querySelector(".diary-trend tbody tr")`) {
		t.Error("a refused save lost the pain, or saved anyway")
	}
	tb.tick(t, "stiff-mild")
	tb.tapAndWait(t, "#save-entry", `(document.getElementById("diary-message") || {}).textContent.startsWith("Saved your entry for 10 Mar 2026")`)
	if got := tb.diaryButton(t); got != "Update today's check-in" {
		t.Errorf("after saving, the button says %q", got)
	}

	// Another day: the button says which, and what is picked so far moves
	// with the day rather than being lost.
	tb.setField(t, "entry-date", "2026-03-09")
	tb.waitFor(t, screenWait, `document.getElementById("save-entry").textContent === "Save yesterday's check-in" && !document.querySelector(".diary-form input:checked")`)
	tb.tick(t, "pain-5")
	tb.setField(t, "entry-date", "2026-03-07")
	tb.waitFor(t, screenWait, `document.getElementById("save-entry").textContent === "Save the check-in for 7 Mar 2026"`)
	if !eval[bool](t, tb, `document.getElementById("pain-5").checked`) {
		t.Error("picking another day lost the pain picked")
	}
	tb.tapAndWait(t, "#save-entry", `(document.getElementById("diary-message") || {}).textContent === "Not saved yet. Choose how stiff your back is, then save."`)
	tb.noErrors(t)
}

// TestBrowserDiaryNothingPicked: a save with nothing picked names both
// answers missing, in the page's language.
func TestBrowserDiaryNothingPicked(t *testing.T) {
	_, _, tb := appTab(t)
	tb.openDiary(t, "/es/diary")
	tb.startDiary(t)
	if got := tb.diaryButton(t); got != "Guardar la nota de hoy" {
		t.Errorf("save button %q", got)
	}
	tb.tapAndWait(t, "#save-entry", `(document.getElementById("diary-message") || {}).textContent === "Aún no se guardó. Elija cuánto le duele, de 0 a 10, y qué tan rígida tiene la espalda, y luego guarde."`)
	tb.noErrors(t)
}

// TestBrowserDiarySummaryShareCopyPrint: the diary summary shares (where
// there is a share sheet: stubbed, as headless Chromium has none) and
// copies its text; on paper its chart is compact; in dark mode the
// recovery band is still seen.
func TestBrowserDiarySummaryShareCopyPrint(t *testing.T) {
	_, _, tb := appTab(t)
	call(t, tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		navigator.share = (d) => { window.__shared = d; return Promise.resolve(); };
		Object.defineProperty(navigator, "clipboard", {value: {writeText: (s) => { window.__copied = s; return Promise.resolve(); }}});`})
	tb.openDiary(t, "/diary?from=check&level=doctor&tier=moderate&days=2&pain_now=6")
	tb.startDiary(t)
	tb.checkIn(t, 6, "mild", []string{"heat"}, "")
	tb.open(t, "/diary/summary")
	tb.waitFor(t, screenWait, `!!document.querySelector("#pain-chart") && !!document.getElementById("share")`)
	tb.tapAndWait(t, "#share", `!!window.__shared && document.getElementById("share-status").textContent === "Shared."`)
	shared := eval[string](t, tb, `window.__shared.text`)
	tb.tapAndWait(t, "#copy", `!!window.__copied && document.getElementById("share-status").textContent.startsWith("Copied")`)
	copied := eval[string](t, tb, `window.__copied`)
	for _, text := range []string{shared, copied} {
		for _, want := range []string{"Diary summary for your doctor", "Advice from the check: Book a visit", "Pain at first: moderate", "Pain 6, Stiffness Mild", "What helped: Heat: 1 day"} {
			if !strings.Contains(text, want) {
				t.Errorf("the shared or copied text lacks %q:\n%s", want, text)
			}
		}
	}
	tb.axe(t, "diary summary with share and copy")

	// Dark: the band stands out from the page (it had the page's own
	// shade, 1.2:1, and vanished).
	for _, scheme := range []string{"light", "dark"} {
		tb.colorScheme(t, scheme)
		contrast := eval[float64](t, tb, contrastJS+`(getComputedStyle(document.querySelector(".chart-band")).fill, getComputedStyle(document.body).backgroundColor)`)
		if contrast < 1.4 {
			t.Errorf("%s: the recovery band's contrast with the page is %.2f:1, want 1.4:1 or more", scheme, contrast)
		}
	}
	tb.axe(t, "diary summary, dark")
	tb.colorScheme(t, "light")

	// Paper: the chart at most 6 cm high (227 px at 96 px an inch), its
	// labels small, the page one A4 sheet.
	call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	height := eval[float64](t, tb, `document.getElementById("pain-chart").getBoundingClientRect().height`)
	label := eval[float64](t, tb, `document.querySelector(".chart-label").getBoundingClientRect().height`)
	call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	if height > 227 || height < 100 {
		t.Errorf("the printed chart is %.0f px high, want 100 to 227 (6 cm)", height)
	}
	if label > 14 {
		t.Errorf("a printed chart label is %.1f px high, want 14 or less", label)
	}
	if n := tb.printedPages(t, 8.27, 11.69); n != 1 {
		t.Errorf("the diary summary prints on %d A4 pages, want 1", n)
	}
	tb.noErrors(t)
}

// contrastJS is a function of two CSS colours ("rgb(r, g, b)") giving
// their contrast ratio (WCAG 2).
const contrastJS = `((a, b) => {
	const lum = c => { const [r, g, bl] = c.match(/[\d.]+/g).map(Number).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * bl; };
	const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
})`

// TestBrowserDiaryFromCard starts the diary from a clinic's card: the
// card's session date, and no "How bad was the pain at first?" to answer:
// the first check-in says it.
func TestBrowserDiaryFromCard(t *testing.T) {
	_, srv, desk := appTab(t)
	desk.open(t, "/card")
	desk.waitFor(t, screenWait, `document.getElementById("card-maker").hasAttribute("data-ready")`)
	date := eval[string](t, desk, `(() => { const d = new Date(); d.setDate(d.getDate() - 1); return d.toISOString().slice(0, 10); })()`)
	desk.setField(t, "card-date", date)
	link := desk.readQR(t)

	phone := newTab(t, srv.URL)
	phone.open(t, "/")
	phone.doAndWait(t, `!!document.getElementById("card-diary")`, chromedp.Navigate(link), waitReady())
	phone.tapTo(t, "#card-diary", `!!document.querySelector(".diary-start")`)
	if got := eval[string](t, phone, `document.getElementById("massage-date").value`); got != date {
		t.Errorf("the diary's massage date is %q, want the card's %s", got, date)
	}
	phone.axe(t, "diary start from a card")
	phone.tapAndWait(t, "#start-diary", `!!document.querySelector(".diary-form")`)
	phone.checkIn(t, 7, "mild", nil, "")
	phone.open(t, "/diary/summary")
	phone.waitFor(t, screenWait, `!!document.querySelector("ul.facts")`)
	if text := eval[string](t, phone, `document.querySelector("ul.facts").innerText`); !strings.Contains(text, "Pain at first: severe") {
		t.Errorf("the pain at first is not the first check-in's 7 (severe):\n%s", text)
	}
	phone.noErrors(t)
}
