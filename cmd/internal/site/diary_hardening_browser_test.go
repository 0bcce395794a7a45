package site

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// diaryMessage is the diary's message to the person, or "".
func (tb *tab) diaryMessage(t *testing.T) string {
	return eval[string](t, tb, `(document.getElementById("diary-message") || {}).textContent || ""`)
}

// TestBrowserDiaryRefusedImportChangesNothing: a backup whose "started" is
// a megabyte of text is refused in a short sentence; a good backup the
// browser will not store is refused too, in plain words, not the
// browser's; either way the page still has no diary, as the device.
func TestBrowserDiaryRefusedImportChangesNothing(t *testing.T) {
	_, _, tb := appTab(t)
	call(t, tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = function (k, v) {
			if (String(k) === "aftercare.diary" && (window.__full || String(v).length > 100000)) {
				throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
			}
			return setItem.call(this, k, v);
		};`})
	tb.openDiary(t, "/diary")
	now := time.Now()
	massage, entry := now.AddDate(0, 0, -2).Format("2006-01-02"), now.AddDate(0, 0, -1).Format("2006-01-02")
	backup := func(started string) string {
		return `{"version":2,"diary":{"massage_date":"` + massage + `","tier":"minor","started":"` + started + `"},` +
			`"entries":[{"date":"` + entry + `","pain":3,"stiffness":"none","red_flags":[],"helped":[]}]}`
	}
	dir := t.TempDir()
	huge, good := filepath.Join(dir, "huge.json"), filepath.Join(dir, "good.json")
	writeFile(t, huge, []byte(backup(strings.Repeat("x", 900_000))))
	writeFile(t, good, []byte(backup(massage)))

	tb.doAndWait(t, `(document.getElementById("diary-message") || {}).textContent?.startsWith("Import failed")`,
		chromedp.SetUploadFiles(chromedp.CSS("#import-file"), []string{huge}))
	if msg := tb.diaryMessage(t); !strings.Contains(msg, "the day the diary started") || len(msg) > 300 {
		t.Errorf("message: %.300q", msg)
	}
	if !eval[bool](t, tb, `!!document.querySelector(".diary-start") && !document.querySelector(".diary-form")`) {
		t.Error("the page holds the refused backup")
	}

	eval[bool](t, tb, `(window.__full = true, true)`)
	tb.doAndWait(t, `(document.getElementById("diary-message") || {}).textContent?.includes("could not save it")`,
		chromedp.SetUploadFiles(chromedp.CSS("#import-file"), []string{good}))
	if msg := tb.diaryMessage(t); strings.Contains(msg, "Quota") || strings.Contains(msg, "quota") || !strings.HasPrefix(msg, "Import failed") {
		t.Errorf("message: %q", msg)
	}
	if !eval[bool](t, tb, `!!document.querySelector(".diary-start") && localStorage.getItem("aftercare.diary") === null`) {
		t.Error("the page or the device holds the backup the device did not keep")
	}
	tb.noErrors(t)
}

// TestBrowserDiaryTamperedStorage: entries stored without a diary start
// are kept aside and the person told, not shown as day -199; a check-in
// dated days after the device's date is kept aside with a notice and comes
// back on its day.
func TestBrowserDiaryTamperedStorage(t *testing.T) {
	_, _, tb := appTab(t)
	tb.useTestClock(t) // 10 March 2026
	tb.open(t, "/")
	const entry = `{"date":"2026-03-09","pain":9,"stiffness":"mild","red_flags":["heart"],"helped":[]}`
	eval[bool](t, tb, `(localStorage.setItem("aftercare.diary", `+jsonString(`{"version":2,"diary":null,"entries":[`+entry+`]}`)+`), true)`)
	tb.openDiary(t, "/diary")
	if !eval[bool](t, tb, `!!document.getElementById("kept-aside") && !!document.querySelector(".diary-start") && !document.getElementById("diary-advice")`) {
		t.Fatal("entries without a start: not kept aside, or shown")
	}
	tb.axe(t, "diary with entries kept aside")

	eval[bool](t, tb, `(localStorage.clear(), localStorage.setItem("aftercare.diary", `+jsonString(`{"version":2,`+
		`"diary":{"massage_date":"2026-03-08","tier":"minor","started":"2026-03-08"},"entries":[`+entry+`,`+
		`{"date":"2026-03-11","pain":3,"stiffness":"none","red_flags":[],"helped":[]},`+
		`{"date":"2026-03-15","pain":1,"stiffness":"none","red_flags":[],"helped":[]}]}`)+`), true)`)
	tb.openDiary(t, "/diary")
	if rows := tb.entryRows(t); len(rows) != 2 {
		t.Errorf("on 10 March (a day ahead is kept): %q", rows)
	}
	if msg := eval[string](t, tb, `(document.getElementById("kept-for-later") || {}).textContent || ""`); !strings.Contains(msg, "(1)") {
		t.Errorf("the notice of a check-in kept for later: %q", msg)
	}
	tb.setDay(t, 5)
	tb.openDiary(t, "/diary")
	if rows := tb.entryRows(t); len(rows) != 3 || eval[bool](t, tb, `!!document.getElementById("kept-aside")`) {
		t.Errorf("on 15 March: %q, kept aside: %v", rows, eval[bool](t, tb, `!!document.getElementById("kept-aside")`))
	}
	tb.noErrors(t)
}
