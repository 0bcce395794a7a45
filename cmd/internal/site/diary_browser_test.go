package site

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"aftercare/rules"
)

// testClock makes the page's clock start at 09:00 on 10 March 2026, plus
// the number of days kept in sessionStorage under "testclock.days" (set with
// tb.setDay), so a test can live through a week of check-ins.
const testClock = `(() => {
	const base = new Date(2026, 2, 10, 9, 0, 0).getTime();
	const Real = Date;
	const now = () => base + Number(window.__days || 0) * 86400000 + performance.now();
	let days = 0;
	try { days = Number(sessionStorage.getItem("testclock.days") || 0); } catch (e) {}
	window.__days = days;
	class TestDate extends Real {
		constructor(...args) { if (args.length === 0) { super(now()); } else { super(...args); } }
		static now() { return now(); }
	}
	window.Date = TestDate;
})()`

func (tb *tab) useTestClock(t *testing.T) {
	call(t, tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: testClock})
}

// setDay moves the test clock to day n (from 10 March 2026) at the next load.
func (tb *tab) setDay(t *testing.T, n int) {
	eval[bool](t, tb, `(sessionStorage.setItem("testclock.days", "`+itoa(n)+`"), true)`)
}

func itoa(n int) string { return strconv.Itoa(n) }

// setField sets an input's value and fires change, as the date picker does.
func (tb *tab) setField(t *testing.T, id, value string) {
	eval[bool](t, tb, `(() => { const el = document.getElementById(`+jsonString(id)+`);
		el.value = `+jsonString(value)+`; el.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
}

// checkIn adds the day's check-in as a person would, by clicking.
func (tb *tab) checkIn(t *testing.T, pain int, stiffness string, helped []string, note string) {
	t.Helper()
	tb.tick(t, "pain-"+itoa(pain))
	tb.tick(t, "stiff-"+stiffness)
	for _, h := range helped {
		tb.tick(t, "helped-"+h)
	}
	if note != "" {
		tb.setField(t, "note", note)
	}
	// "Saved your entry for ..." in the page's language.
	set, _ := rules.Default()
	saved := map[string]string{}
	for _, l := range set.Locales {
		saved[l], _, _ = strings.Cut(set.Say("entry_saved", l), "{date}")
	}
	b, _ := json.Marshal(saved)
	tb.tapAndWait(t, "#save-entry", `(document.getElementById("diary-message") || {}).textContent?.startsWith(`+string(b)+`[document.documentElement.lang])`)
}

// tick taps the label of the radio button or check box id and waits until
// it is on.
func (tb *tab) tick(t *testing.T, id string) {
	t.Helper()
	tb.tapAndWait(t, `label[for="`+id+`"]`, `document.getElementById(`+jsonString(id)+`).checked`)
}

// startDiary starts a diary from scratch, saying how bad the pain was at
// first (nothing is assumed), and waits for the check-in form.
func (tb *tab) startDiary(t *testing.T) {
	t.Helper()
	tb.setField(t, "tier", "moderate")
	tb.tapAndWait(t, "#start-diary", `!!document.querySelector(".diary-form")`)
}

func (tb *tab) entryRows(t *testing.T) []string {
	return eval[[]string](t, tb, `[...document.querySelectorAll(".diary-trend tbody tr")].map(r => r.innerText.replace(/\s+/g, " ").trim())`)
}

func (tb *tab) openDiary(t *testing.T, path string) {
	t.Helper()
	tb.open(t, path)
	tb.waitFor(t, screenWait, `!!document.querySelector(".diary-start, .diary-form")`)
}

// openWhileUpdating opens a page while a new version of the app takes
// over: a load the swap interrupts is given up after 20 s (and the caller
// tries again) rather than waited on for the test's whole time.
func (tb *tab) openWhileUpdating(t *testing.T, path string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(tb.origin+path), waitReady()); err != nil && tb.ctx.Err() != nil {
		t.Fatal(err)
	}
}

// TestBrowserDiaryWeek keeps a week of entries as a person would: started
// from a check result, check-ins on several days, reloads, an app update in
// between, the last days offline; then the diary says to see a doctor.
func TestBrowserDiaryWeek(t *testing.T) {
	needE2E(t)
	web := copyDir(t, filepath.Join("..", "..", "..", "web"))
	v1 := realSite(t, Config{WebDir: web})
	srv := startServer(t, v1.Handler(quietLogger))
	tb := newTab(t, srv.URL)
	tb.useTestClock(t)

	tb.open(t, "/")
	tb.setDay(t, 1)
	tb.openDiary(t, "/diary?from=check&level=doctor&tier=moderate&days=1")
	if got := eval[string](t, tb, `document.getElementById("massage-date").value`); got != "2026-03-10" {
		t.Fatalf("massage date carried over as %q, want the day before the clock's 2026-03-11", got)
	}
	tb.axe(t, "diary start")
	tb.startDiary(t)
	tb.checkIn(t, 6, "moderate", []string{"heat", "rest"}, "Stiff in the morning")
	tb.axe(t, "diary with an entry")

	// Day 3: a reload later, the entry is there; add the next.
	tb.setDay(t, 3)
	tb.openDiary(t, "/diary")
	if rows := tb.entryRows(t); len(rows) != 1 || !strings.HasPrefix(rows[0], "11 Mar 2026 1 6 Moderate Heat, Rest Stiff in the morning") {
		t.Fatalf("after a reload: %q", rows)
	}
	if got := eval[string](t, tb, `document.getElementById("entry-date").value`); got != "2026-03-13" {
		t.Errorf("the check-in is for %q, want today by the clock, 2026-03-13", got)
	}
	tb.checkIn(t, 5, "mild", []string{"stretching"}, "")

	// A new version of the app is deployed; the entries survive the update.
	css, _ := os.ReadFile(filepath.Join(web, "aftercare.css"))
	writeFile(t, filepath.Join(web, "aftercare.css"), append(css, "\n/* v2 */\n"...))
	v2 := realSite(t, Config{WebDir: web})
	srv.Swap(v2.Handler(quietLogger))
	tb.waitControlled(t)
	deadline := time.Now().Add(30 * time.Second)
	for eval[string](t, tb, `goappGetenv("GOAPP_VERSION")`) != v2.version {
		if time.Now().After(deadline) {
			t.Fatal("the new version never took over")
		}
		eval[bool](t, tb, `navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true, () => true)`)
		time.Sleep(300 * time.Millisecond)
		tb.openWhileUpdating(t, "/diary")
	}
	tb.openDiary(t, "/diary")
	if rows := tb.entryRows(t); len(rows) != 2 {
		t.Fatalf("after the update: %q", rows)
	}

	// Offline for the rest of the week.
	tb.waitControlled(t)
	srv.Stop()
	for _, d := range []struct{ day, pain int }{{5, 5}, {7, 5}} {
		tb.setDay(t, d.day)
		tb.openDiary(t, "/diary")
		tb.checkIn(t, d.pain, "mild", nil, "")
	}
	if rows := tb.entryRows(t); len(rows) != 4 {
		t.Fatalf("offline week: %q", rows)
	}
	// No real improvement after day 3, and still 5 at a week: see a doctor.
	if level := eval[string](t, tb, `document.getElementById("diary-advice").dataset.level`); level != "doctor" {
		t.Errorf("diary advice %q, want doctor", level)
	}
	if text := eval[string](t, tb, `document.getElementById("diary-advice").innerText`); !strings.Contains(text, "Your pain has not got better in 3 or more days.") {
		t.Errorf("advice without its reason: %q", text)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("#pain-chart circle").length`); n != 4 {
		t.Errorf("the chart has %d points, want 4", n)
	}
	if s := eval[string](t, tb, `document.getElementById("trend-summary").textContent`); s != "Pain went from 6 on day 1 to 5 on day 7, over 4 check-ins. Pain like yours usually eases within 7 days." {
		t.Errorf("trend summary %q", s)
	}
	tb.axe(t, "diary with advice")
	tb.fitsAt200(t, "diary")
	// At 390 px the check-ins stack: the note is in sight, not cut off to
	// the right; and the chart's last day label ends inside the chart.
	if !eval[bool](t, tb, `(n => !!n && n.getBoundingClientRect().right <= innerWidth && n.getBoundingClientRect().width > 0)(document.querySelector(".entries-table td.note"))`) {
		t.Error("at 390 px the note of a check-in is out of sight")
	}
	if !eval[bool](t, tb, `(() => { const svg = document.getElementById("pain-chart"); const vb = svg.viewBox.baseVal;
		return [...svg.querySelectorAll(".chart-label")].every(l => { const b = l.getBBox(); return b.x >= 0 && b.x + b.width <= vb.width; }); })()`) {
		t.Error("a chart label is cut at the chart's edge")
	}

	tb.open(t, "/diary/summary")
	tb.waitFor(t, screenWait, `!!document.querySelector("#pain-chart")`)
	text := eval[string](t, tb, `document.querySelector("main").innerText`)
	for _, want := range []string{"Date of the massage: 10 Mar 2026", "Advice from the check: Book a visit", "Heat: 1 day", "11 Mar 2026: Stiff in the morning", "Diary advice now: Book a visit", "Your pain has not got better in 3 or more days."} {
		if !strings.Contains(text, want) {
			t.Errorf("diary summary lacks %q", want)
		}
	}
	tb.axe(t, "diary summary")
	tb.screenshot(t, "diary-summary")
	tb.colorScheme(t, "dark")
	tb.axe(t, "diary summary, dark")
	tb.screenshot(t, "diary-summary-dark")
	tb.colorScheme(t, "light")
	for _, size := range [][2]float64{{8.27, 11.69}, {8.5, 11}} {
		if n := tb.printedPages(t, size[0], size[1]); n < 1 || n > 2 {
			t.Errorf("the diary summary prints on %d pages of %.2fx%.2f in, want 1 or 2", n, size[0], size[1])
		}
	}
	tb.noErrors(t)
}

// TestBrowserDiaryCorruptData plants unreadable data: the app starts, keeps
// the data aside unchanged, says so, and offers it for download.
func TestBrowserDiaryCorruptData(t *testing.T) {
	_, _, tb := appTab(t)
	tb.open(t, "/")
	const bad = `{"version":1,"diary":{"massage_date":"2026-03-10","tier":"moderate"},"entries":[{"date":"2026-03-11","pain":"a lot"}`
	eval[bool](t, tb, `(localStorage.setItem("aftercare.diary", `+jsonString(bad)+`), true)`)
	tb.openDiary(t, "/diary")
	if !eval[bool](t, tb, `!!document.getElementById("kept-aside")`) {
		t.Fatal("the person is not told about the unreadable data")
	}
	aside := eval[string](t, tb, `Object.keys(localStorage).filter(k => k.startsWith("aftercare.aside.")).map(k => localStorage.getItem(k)).join("")`)
	if !strings.Contains(aside, jsonString(bad)[1:len(jsonString(bad))-1]) {
		t.Errorf("kept aside: %q", aside)
	}
	tb.axe(t, "diary with data kept aside")
	tb.startDiary(t)
	tb.noErrors(t)
}

// TestBrowserDiaryBlockedStorage: with storage blocked, as in a sandboxed
// frame, the app still starts and works, and says entries cannot be saved.
func TestBrowserDiaryBlockedStorage(t *testing.T) {
	_, _, tb := appTab(t)
	call(t, tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		for (const name of ["localStorage", "sessionStorage"]) {
			Object.defineProperty(window, name, {configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});
		}`})
	tb.openDiary(t, "/diary")
	if msg := eval[string](t, tb, `(document.getElementById("storage-problem") || {}).textContent || ""`); !strings.Contains(msg, "not letting Aftercare save") {
		t.Fatalf("storage problem message: %q", msg)
	}
	tb.startDiary(t)
	tb.checkIn(t, 4, "mild", nil, "")
	if rows := tb.entryRows(t); len(rows) != 1 {
		t.Errorf("entries in memory: %q", rows)
	}
	tb.noErrors(t)
}

// TestBrowserDiaryExportDeleteImport: export a backup, delete everything
// (after confirming), import the backup and get the same entries back.
func TestBrowserDiaryExportDeleteImport(t *testing.T) {
	_, _, tb := appTab(t)
	tb.useTestClock(t)
	downloads := t.TempDir()
	if _, err := chromedp.CallBrowser(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	tb.open(t, "/")
	for i, pain := range []int{6, 4, 3} {
		tb.setDay(t, i+1)
		tb.openDiary(t, "/diary")
		if i == 0 {
			tb.setField(t, "massage-date", "2026-03-10")
			tb.startDiary(t)
		}
		tb.checkIn(t, pain, "none", []string{"walking"}, "")
	}
	before := tb.entryRows(t)

	tb.do(t, chromedp.Click(chromedp.ID("export-json")), chromedp.Click(chromedp.ID("export-csv")))
	backup := waitFile(t, filepath.Join(downloads, "aftercare-diary-2026-03-13.json"))
	csv := waitFile(t, filepath.Join(downloads, "aftercare-diary-2026-03-13.csv"))
	if !strings.Contains(string(csv), "2026-03-12,2,4,none,,walking,") {
		t.Errorf("csv:\n%s", csv)
	}

	tb.tapAndWait(t, "#delete-all", `!!document.getElementById("confirm-delete")`)
	tb.axe(t, "delete confirmation")
	tb.tapAndWait(t, "#confirm-delete", `!!document.querySelector(".diary-start")`)
	if left := eval[[]string](t, tb, `Object.keys(localStorage).filter(k => k.startsWith("aftercare."))`); len(left) != 0 {
		t.Errorf("delete all left %v", left)
	}

	// A bad file is refused and changes nothing.
	badFile := filepath.Join(t.TempDir(), "bad.json")
	writeFile(t, badFile, []byte(`{"version":1,"entries":[{"date":"2026-03-11","pain":99,"stiffness":"none"}]}`))
	tb.doAndWait(t, `(document.getElementById("diary-message") || {}).textContent?.startsWith("Import failed")`,
		chromedp.SetUploadFiles(chromedp.CSS("#import-file"), []string{badFile}))

	good := filepath.Join(t.TempDir(), "backup.json")
	writeFile(t, good, backup)
	tb.doAndWait(t, `(document.getElementById("diary-message") || {}).textContent?.startsWith("Imported 3 entries")`,
		chromedp.SetUploadFiles(chromedp.CSS("#import-file"), []string{good}))
	if after := tb.entryRows(t); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("after export, delete, import:\n%q\nwant\n%q", after, before)
	}
	tb.noErrors(t)
}

func waitFile(t *testing.T, name string) []byte {
	t.Helper()
	for deadline := time.Now().Add(screenWait); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if b, err := os.ReadFile(name); err == nil && len(b) > 0 {
			return b
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(name))
	t.Fatalf("no download %s (folder has %v)", name, entries)
	return nil
}

// TestBrowserDiaryFullStorage: when the browser's storage is full, the
// entry stays on the page, and the person is told it was not saved, never
// that it was.
func TestBrowserDiaryFullStorage(t *testing.T) {
	_, _, tb := appTab(t)
	tb.storageFullFor(t, "aftercare.diary")
	tb.openDiary(t, "/diary")
	tb.startDiary(t)
	tb.waitFor(t, screenWait, `(document.getElementById("diary-message") || {}).textContent?.includes("not keeping it")`)
	tb.tick(t, "pain-4")
	tb.tick(t, "stiff-mild")
	tb.tapAndWait(t, "#save-entry", `(document.getElementById("diary-message") || {}).textContent?.includes("could not save it")`)
	if msg := eval[string](t, tb, `document.getElementById("storage-problem").textContent`); !strings.Contains(msg, "could not be saved on this device") {
		t.Errorf("storage problem: %q", msg)
	}
	if rows := tb.entryRows(t); len(rows) != 1 {
		t.Errorf("the entry is gone from the page: %q", rows)
	}
	tb.noErrors(t)
}

// TestBrowserDiaryStorageFullAtStart: when storage is already full as the
// app starts, the diary still shows what is saved (it is not swapped for an
// empty one in memory) and says new entries may not be saved.
func TestBrowserDiaryStorageFullAtStart(t *testing.T) {
	_, _, tb := appTab(t)
	tb.openDiary(t, "/diary")
	tb.startDiary(t)
	tb.checkIn(t, 4, "mild", nil, "")
	call(t, tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };`})
	tb.openDiary(t, "/diary")
	if rows := tb.entryRows(t); len(rows) != 1 {
		t.Errorf("with storage full at start, the diary shows %q", rows)
	}
	if msg := eval[string](t, tb, `(document.getElementById("storage-problem") || {}).textContent || ""`); !strings.Contains(msg, "storage is full") {
		t.Errorf("storage problem: %q", msg)
	}
	tb.noErrors(t)
}
