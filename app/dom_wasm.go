//go:build wasm

package app

import (
	"strconv"
	"strings"

	"aftercare/app/clinic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// markReady sets data-app-ready on <html> once the app has mounted, so people
// can style for it and tests can wait on it.
func markReady() {
	app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app-ready", "")
}

// navigations counts OnNav calls; the first is the page load itself, where
// the browser already puts focus at the top.
var navigations int

// afterNav moves focus to the new page's heading after a navigation inside
// the app, so keyboard and screen reader users land on the new content.
func afterNav() {
	navigations++
	if navigations == 1 {
		return
	}
	app.Window().ScrollToID(mainHeadingID)
	if h := app.Window().GetElementByID(mainHeadingID); h.Truthy() {
		h.Call("focus")
	}
}

// focusHeadingSoon moves focus to the heading of the screen named key once
// that screen is on the page, so a screen reader reads the new question and
// keyboard users carry on from there. (go-app drops a deferred function
// whose source element, here the clicked button, is gone, so this waits
// for the new screen in the browser instead.)
func focusHeadingSoon(key string) {
	whenPresent(`[data-screen="`+key+`"] #`+mainHeadingID, func(h app.Value) {
		h.Call("focus")
		app.Window().Call("scrollTo", 0, 0)
	})
}

// whenPresent calls do with the element the CSS selector finds, once it is
// on the page (within about two seconds).
func whenPresent(selector string, do func(app.Value)) {
	tries := 0
	var poll app.Func
	poll = app.FuncOf(func(app.Value, []app.Value) any {
		tries++
		if el := app.Window().Get("document").Call("querySelector", selector); el.Truthy() {
			do(el)
		} else if tries < 120 {
			app.Window().Call("setTimeout", poll, 16)
			return nil
		}
		poll.Release()
		return nil
	})
	app.Window().Call("setTimeout", poll, 0)
}

// applyAccents puts the clinic's theme colour on the app's accents where it
// reads well in a colour scheme (clinic.Profile.Accents): custom properties
// of the page's root, which web/aftercare.css uses. The CSSOM, unlike a
// style attribute, is not refused by the page's CSP.
func applyAccents() {
	style := app.Window().Get("document").Get("documentElement").Get("style")
	for k, v := range profile().Accents() {
		style.Call("setProperty", k, v)
	}
}

func printPage() { app.Window().Call("print") }

// shareText hands the text to the phone's share sheet where there is one,
// else copies it, and then calls done with "shared", "copied" or "" (it
// failed, or the person closed the share sheet).
func shareText(title, text string, done func(string)) {
	nav := app.Window().Get("navigator")
	if nav.Get("share").Truthy() {
		settle(nav.Call("share", map[string]any{"title": title, "text": text}), "shared", done)
		return
	}
	copyText(text, done)
}

// canShare reports whether the browser has a share sheet (the Web Share
// API); a desktop browser often has none.
func canShare() bool { return app.Window().Get("navigator").Get("share").Truthy() }

// copyText puts the text on the clipboard, then calls done with "copied",
// or "" when it could not.
func copyText(text string, done func(string)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		done("")
		return
	}
	settle(clip.Call("writeText", text), "copied", done)
}

// settle calls done with outcome when the promise is kept, "" when not.
func settle(promise app.Value, outcome string, done func(string)) {
	var ok, failed app.Func
	release := func() { ok.Release(); failed.Release() }
	ok = app.FuncOf(func(app.Value, []app.Value) any { release(); done(outcome); return nil })
	failed = app.FuncOf(func(app.Value, []app.Value) any { release(); done(""); return nil })
	promise.Call("then", ok, failed)
}

// startEmbedded turns on the compact layout when the app runs inside a
// clinic's page (?embed=1 at load), and tells that page its height as it
// changes, so the iframe fits the content. The height goes only to the
// embedding origin, and only if the profile allows it.
func startEmbedded() {
	loc := app.Window().Get("location")
	if app.Window().Get("URLSearchParams").New(loc.Get("search")).Call("get", "embed").String() != "1" {
		return
	}
	if app.Window().Get("parent").Equal(app.Window().JSValue()) {
		return // opened on its own, not in a frame
	}
	embedded = true
	app.Window().Get("document").Get("documentElement").Get("classList").Call("add", "embedded")

	parentOrigin := ""
	if ao := loc.Get("ancestorOrigins"); ao.Truthy() && ao.Get("length").Int() > 0 {
		parentOrigin = ao.Index(0).String()
	} else if ref := app.Window().Get("document").Get("referrer").String(); ref != "" {
		parentOrigin = app.Window().Get("URL").New(ref).Get("origin").String()
	}
	allowed := false
	for _, o := range profile().EmbedOrigins {
		allowed = allowed || clinic.Origin(o) == parentOrigin
	}
	if !allowed {
		return
	}
	// The content's own height, which shrinks as well as grows (the
	// document's scrollHeight never goes below the frame's height).
	last := -1
	send := app.FuncOf(func(app.Value, []app.Value) any {
		doc := app.Window().Get("document")
		h := doc.Get("body").Get("scrollHeight").Int()
		if frame := doc.Call("querySelector", ".frame"); frame.Truthy() {
			h = int(frame.Call("getBoundingClientRect").Get("height").Float() + 0.999)
		}
		if h != last {
			last = h
			app.Window().Get("parent").Call("postMessage", map[string]any{"type": "aftercare:height", "height": h}, parentOrigin)
		}
		return nil
	})
	app.Window().Get("ResizeObserver").New(send).Call("observe", app.Window().Get("document").Get("body"))
}

// pushStep adds a history entry for a screen of the check, so the phone's
// Back button has somewhere to go inside it. The entry notes whether it was
// pushed on the screen before it in the same check, where the in-app Back
// can simply go back in history.
func pushStep(s historyStep) {
	cur := app.Window().Get("history").Get("state")
	prev := s.step == 0 && !s.more && !cur.Truthy()
	if cur.Truthy() && cur.Get("run").Truthy() {
		prev = int64(cur.Get("run").Float()) == s.run
	}
	app.Window().Get("history").Call("pushState", stepState(s, prev), "", "#step-"+strconv.Itoa(s.step))
}

// replaceStep makes the current history entry the screen s (the intro:
// the page without a step), with no screen of the check before it.
func replaceStep(s historyStep) {
	if s.step < 0 {
		loc := app.Window().Get("location")
		app.Window().Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+loc.Get("search").String())
		return
	}
	app.Window().Get("history").Call("replaceState", stepState(s, false), "", "#step-"+strconv.Itoa(s.step))
}

func stepState(s historyStep, prev bool) map[string]any {
	return map[string]any{"step": s.step, "more": s.more, "run": float64(s.run), "prev": prev}
}

// readStep reads a history entry's state: ok is false for an entry of no
// screen of the check (the page before it, or the intro).
func readStep(v app.Value) (s historyStep, prev, ok bool) {
	if !v.Truthy() || !v.Get("run").Truthy() {
		return historyStep{step: -1}, false, false
	}
	s = historyStep{step: v.Get("step").Int(), more: v.Get("more").Bool(), run: int64(v.Get("run").Float())}
	return s, v.Get("prev").Bool(), true
}

// atStep reports whether the current history entry is the screen s, and
// whether it was pushed on the screen before it.
func atStep(s historyStep) (here, prev bool) {
	cur, prev, ok := readStep(app.Window().Get("history").Get("state"))
	return ok && cur == s, prev
}

func historyBack() { app.Window().Get("history").Call("back") }

// onHistoryBack calls back with the screen of the entry the browser went
// back (or forward) to: step -1 for an entry that is no screen of the
// check. It returns a function that stops listening.
func onHistoryBack(back func(s historyStep)) func() {
	f := app.FuncOf(func(_ app.Value, args []app.Value) any {
		s, _, _ := readStep(args[0].Get("state"))
		back(s)
		return nil
	})
	app.Window().Call("addEventListener", "popstate", f)
	return func() {
		app.Window().Call("removeEventListener", "popstate", f)
		f.Release()
	}
}

// focusOn scrolls to the element the CSS selector finds and moves focus to
// it, once it is on the page (the new screen renders after the handler).
func focusOn(selector string) {
	whenPresent(selector, func(el app.Value) {
		el.Call("focus")
		el.Call("scrollIntoView", map[string]any{"block": "start"})
	})
}

// locationHash is the page's fragment without "#": where an aftercare card
// travels (a browser never sends it to a server).
func locationHash() string {
	return strings.TrimPrefix(app.Window().Get("location").Get("hash").String(), "#")
}

// clearHash takes the fragment off the address, so the card's data does not
// stay in the history or a bookmark once it is kept on the device.
func clearHash() {
	loc := app.Window().Get("location")
	app.Window().Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+loc.Get("search").String())
}

// loadScripts adds the scripts to the page, in order and once, then calls
// the global function mount with the element that sel finds and arg: how a
// page loads JavaScript only it needs (the card maker's).
func loadScripts(srcs []string, mount, sel, arg string) {
	doc := app.Window().Get("document")
	call := func() {
		if el := doc.Call("querySelector", sel); el.Truthy() && app.Window().Get(mount).Truthy() {
			app.Window().Call(mount, el, arg)
		}
	}
	var next func(i int)
	next = func(i int) {
		if i == len(srcs) {
			call()
			return
		}
		if doc.Call("querySelector", `script[src="`+srcs[i]+`"]`).Truthy() {
			next(i + 1)
			return
		}
		s := doc.Call("createElement", "script")
		s.Set("src", srcs[i])
		var loaded app.Func
		loaded = app.FuncOf(func(app.Value, []app.Value) any {
			loaded.Release()
			next(i + 1)
			return nil
		})
		s.Call("addEventListener", "load", loaded)
		doc.Get("head").Call("appendChild", s)
	}
	next(0)
}

// replaceQuery makes the address's query q (encoded, "" for none), in the
// same history entry.
func replaceQuery(q string) {
	loc := app.Window().Get("location")
	if q != "" {
		q = "?" + q
	}
	// The entry's state (the check's step, check_history.go) stays.
	history := app.Window().Get("history")
	history.Call("replaceState", history.Get("state"), "", loc.Get("pathname").String()+q+loc.Get("hash").String())
}
