package site

import (
	"testing"

	"github.com/chromedp/cdproto/page"
)

// TestBrowserCheckFullStorage: when the browser's storage will not keep the
// check (full), the check goes on in memory to the advice, with no error,
// and each question says that a reload would start it again: the saved
// check goes through the same storage path as the diary (kv), which turns
// the browser's exception into an error the page tells the person about.
func TestBrowserCheckFullStorage(t *testing.T) {
	_, _, tb := appTab(t)
	tb.storageFullFor(t, "aftercare.check")
	tb.startCheck(t)
	const told = `[...document.querySelectorAll(".notice")].some(n => n.textContent.includes("not letting Aftercare save your answers"))`
	tb.waitFor(t, screenWait, told)
	seen := 0
	got := tb.walk(t, checkWalk{answers: levelCases["selfcare"], onScreen: func(screen) {
		if eval[bool](t, tb, told) {
			seen++
		}
	}})
	if got.Level != "selfcare" {
		t.Errorf("with storage full the check ended at %+v, want selfcare advice", got)
	}
	if seen < 3 {
		t.Errorf("the questions said %d times that the check is not saved", seen)
	}
	if eval[bool](t, tb, `localStorage.getItem("aftercare.check") !== null`) {
		t.Error("a check was kept although storage refused it")
	}
	tb.noErrors(t)
}

// storageFullFor makes the browser's storage refuse to keep key, as a full
// storage does (QuotaExceededError), on every page the tab opens from now.
func (tb *tab) storageFullFor(t *testing.T, key string) {
	t.Helper()
	call(t, tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = function (k, v) {
			if (String(k) === ` + jsonString(key) + `) { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }
			return setItem.call(this, k, v);
		};`})
}
