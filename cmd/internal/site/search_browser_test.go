package site

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// sayAndConfirm types words in the search box and presses Enter, then
// confirms the sign option, all by keyboard, and waits until it is added.
func (tb *tab) sayAndConfirm(t *testing.T, words, option string) {
	t.Helper()
	tb.do(t, tb.act(true, "#say-text", words))
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	sel := `[data-say-option="` + option + `"]`
	tb.waitFor(t, 10*time.Second, `!!document.querySelector('`+sel+`')`)
	tb.axe(t, "the matches")
	tb.do(t, tb.act(true, sel, kb.Enter))
	tb.waitFor(t, 10*time.Second, `!!document.querySelector(".say-added") && !document.querySelector('`+sel+`')`)
}

// walkWithTypedSign walks the check by keyboard to the body's signs, types
// a sign of a later list there and confirms it, finds that list ticked
// when it comes, and reaches the advice.
func (tb *tab) walkWithTypedSign(t *testing.T, words string) screen {
	t.Helper()
	tb.waitFor(t, 10*time.Second, `document.getElementById("start-check").type === "button"`)
	tb.do(t, tb.act(true, "#start-check", kb.Enter))
	tb.waitScreenAfter(t, "")
	answers := levelCases["selfcare"]
	tb.walk(t, checkWalk{answers: answers, keyboard: true, stopAt: "body_signs"})
	tb.sayAndConfirm(t, words, "burning_pee")
	tb.walk(t, checkWalk{answers: answers, keyboard: true, stopAt: "other_signs"})
	if !eval[bool](t, tb, `document.querySelector('input[data-option="burning_pee"]').checked`) {
		t.Fatal("the typed sign is not ticked on its list")
	}
	tb.do(t, tb.act(true, "#continue", kb.Enter))
	tb.waitScreenAfter(t, "other_signs")
	return tb.walk(t, checkWalk{answers: answers, keyboard: true})
}

// TestBrowserSayInEnglish: by keyboard only, a sign typed in English on
// one list and confirmed counts on its own later list: the advice is
// urgent, the summary says what was typed, and a reload keeps it.
func TestBrowserSayInEnglish(t *testing.T) {
	_, _, tb := appTab(t)
	tb.open(t, "/check")
	if got := tb.walkWithTypedSign(t, "it burns when I pee"); got.Level != "urgent" {
		t.Fatalf("ended at %s, want urgent", got.Level)
	}
	tb.do(t, chromedp.Reload(), waitReady())
	tb.waitFor(t, 10*time.Second, `(r => !!r && r.dataset.level === "urgent")(document.querySelector("[data-level]"))`)
	tb.tapTo(t, "#summary", `!!document.querySelector(".answers-table")`)
	if text := eval[string](t, tb, `document.body.textContent`); !strings.Contains(text, "You typed: it burns when I pee") {
		t.Errorf("the summary lacks what was typed:\n%s", text)
	}
	tb.noErrors(t)
}

// TestBrowserSayInSpanishOffline: the same in Spanish with the server gone;
// words that find nothing are kept for the doctor.
func TestBrowserSayInSpanishOffline(t *testing.T) {
	_, srv, tb := appTab(t)
	tb.open(t, "/es")
	tb.waitControlled(t)
	srv.Stop()
	tb.open(t, "/es/check")
	if got := tb.walkWithTypedSign(t, "me arde al orinar"); got.Level != "urgent" {
		t.Fatalf("ended at %s, want urgent", got.Level)
	}
	tb.do(t, tb.act(true, "#say-text", "cebra cuántica banjo"))
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	tb.waitFor(t, 10*time.Second, `(r => !!r && r.textContent.includes(`+jsonString(say(t, "say_not_found", "es"))+`))(document.getElementById("say-result"))`)
	tb.tapTo(t, "#summary", `!!document.querySelector(".answers-table")`)
	text := eval[string](t, tb, `document.body.textContent`)
	for _, want := range []string{"Usted escribió: me arde al orinar", "También escribió: cebra cuántica banjo"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
	tb.noErrors(t)
}
