package site

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// headingReadable holds when the page's h1 is on screen and nothing covers
// it (the loader, for one).
const headingReadable = `(() => { const h = document.querySelector("h1"); if (!h) return false;
	const r = h.getBoundingClientRect(); const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
	return !!e && (e === h || h.contains(e)); })()`

// TestBrowserFirstQuestionWithoutTheApp: with app.wasm refused by the server,
// "/check?start=1" shows the first question, readable, and its answers
// work: a tap asks for the page with the answer in the address.
func TestBrowserFirstQuestionWithoutTheApp(t *testing.T) {
	needE2E(t)
	site := realSite(t, Config{}).Handler(quietLogger)
	srv := startServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/"+wasmName {
			http.Error(w, "blocked", http.StatusServiceUnavailable)
			return
		}
		site.ServeHTTP(w, r)
	}))
	tb := newTab(t, srv.URL)
	tb.doAndWait(t, `document.readyState === "complete" && !!document.querySelector("[data-question=age]")`, chromedp.Navigate(srv.URL+"/check?start=1"))
	if !eval[bool](t, tb, headingReadable) || !strings.Contains(eval[string](t, tb, `document.querySelector("h1").innerText`), "How old") {
		t.Errorf("the first question is not readable without the app: %q", eval[string](t, tb, `document.querySelector("main").innerText`))
	}
	tb.tapAndWait(t, `[data-option="age_50_59"]`, `location.search.includes("a=age_50_59") && document.readyState === "complete" && !!document.querySelector("[data-question=age]")`)
	if eval[bool](t, tb, `document.documentElement.hasAttribute("data-app-ready")`) {
		t.Error("the app ran with app.wasm blocked")
	}
	tb.takeErrors() // the blocked app.wasm
}

// TestBrowserAnswerTappedBeforeTheAppIsReady: on a slow connection a tap
// on the prerendered first question, before the app is ready, is the
// answer once it is (with "someone else" ticked before it): the check goes on to the second question, the answer
// kept, and the address no longer carries it (a reload asks nothing
// twice).
func TestBrowserAnswerTappedBeforeTheAppIsReady(t *testing.T) {
	_, srv, tb := appTab(t)
	call(t, tb, network.Enable, network.EnableParams{})
	throttle(tb.ctx, network.Conditions{Latency: 200, DownloadThroughput: 400 * 1024 / 8, UploadThroughput: 400 * 1024 / 8})
	go chromedp.Run(tb.ctx, chromedp.Navigate(srv.URL+"/check?start=1"))
	tb.waitFor(t, 30*time.Second, `!!document.querySelector('[data-option="age_50_59"]')`)
	tb.do(t, tb.tap(`#for-other`), tb.tap(`[data-option="age_50_59"]`))
	tb.waitFor(t, 30*time.Second, `location.search.includes("a=age_50_59") && !!document.querySelector("[data-question=age]")`)
	if eval[bool](t, tb, `document.documentElement.hasAttribute("data-app-ready")`) {
		t.Fatal("the app was ready before the tap: the connection was not slow")
	}
	throttle(tb.ctx, network.Conditions{DownloadThroughput: -1, UploadThroughput: -1})
	tb.waitFor(t, 60*time.Second, `document.documentElement.hasAttribute("data-app-ready") && !!document.querySelector("[data-question]") && !document.querySelector("[data-question=age]")`)
	tb.firstAnswerTaken(t, "age_50_59")
	if !eval[bool](t, tb, `JSON.parse(localStorage.getItem("aftercare.check")).other === true`) {
		t.Error("the check is not for someone else, as tapped before the app was ready")
	}
	second := tb.screen(t).Question
	tb.do(t, chromedp.Reload(), waitReady())
	tb.waitFor(t, screenWait, `!!document.querySelector("[data-question=`+second+`]")`)
	if n := eval[int](t, tb, `JSON.parse(localStorage.getItem("aftercare.check")).asked.length`); n != 1 {
		t.Errorf("after a reload, %d questions answered", n)
	}
	tb.noErrors(t)
}

// firstAnswerTaken checks the check kept option as its first answer and
// took it off the address.
func (tb *tab) firstAnswerTaken(t *testing.T, option string) {
	t.Helper()
	kept := `JSON.parse(localStorage.getItem("aftercare.check")).answers.age.option`
	if got := eval[string](t, tb, kept); got != option {
		t.Errorf("the answer kept is %q, want %q", got, option)
	}
	if s := eval[string](t, tb, `location.search`); s != "?start=1" {
		t.Errorf("the address still says %q", s)
	}
}

// TestBrowserAnswerInTheAddressOffline: with the server gone, the worker
// serves "/check?start=1&a=OPTION" (the page cached for "/check") and the
// app takes the answer.
func TestBrowserAnswerInTheAddressOffline(t *testing.T) {
	_, srv, tb := appTab(t)
	tb.open(t, "/")
	tb.waitControlled(t)
	srv.Stop()
	tb.doAndWait(t, `!!document.querySelector("[data-question]") && !document.querySelector("[data-question=age]")`,
		chromedp.Navigate(srv.URL+"/check?start=1&a=age_60_64"), waitReady())
	tb.firstAnswerTaken(t, "age_60_64")
	tb.noErrors(t)
}

// TestBrowserAnswerInTheAddressKeepsACheckInProgress: a check kept on the
// device goes on where it was; an answer in the address, meant for a new
// check's first question, changes nothing and leaves the address.
func TestBrowserAnswerInTheAddressKeepsACheckInProgress(t *testing.T) {
	_, _, tb := appTab(t)
	tb.startCheck(t)
	tb.tapAndWait(t, `[data-option="age_50_59"]`, screenAfter("age"))
	second := tb.screen(t).Question
	tb.open(t, "/check?start=1&a=age_65_up")
	tb.waitFor(t, screenWait, `!!document.querySelector("[data-question=`+second+`]")`)
	tb.firstAnswerTaken(t, "age_50_59")
	tb.noErrors(t)
}

// TestBrowserSomeoneElseTickedBeforeReady: on a slow connection, "Someone
// else" ticked alone before the app is ready, on the intro or on the first
// question, is still ticked once the app is (web/early-taps.js keeps it
// in the address, the app takes it from there), and the address is clean.
func TestBrowserSomeoneElseTickedBeforeReady(t *testing.T) {
	for _, path := range []string{"/check", "/check?start=1"} {
		t.Run(path, func(t *testing.T) {
			_, srv, tb := appTab(t)
			call(t, tb, network.Enable, network.EnableParams{})
			throttle(tb.ctx, network.Conditions{Latency: 200, DownloadThroughput: 400 * 1024 / 8, UploadThroughput: 400 * 1024 / 8})
			go chromedp.Run(tb.ctx, chromedp.Navigate(srv.URL+path))
			// The deferred scripts have run once the page has loaded.
			tb.waitFor(t, 30*time.Second, `!!document.getElementById("for-other") && document.readyState === "complete"`)
			tb.do(t, tb.tap("#for-other"))
			tb.waitFor(t, 10*time.Second, `location.search.includes("check-for=for-other")`)
			if eval[bool](t, tb, `document.documentElement.hasAttribute("data-app-ready")`) {
				t.Fatal("the app was ready before the tap: the connection was not slow")
			}
			throttle(tb.ctx, network.Conditions{DownloadThroughput: -1, UploadThroughput: -1})
			tb.waitFor(t, 60*time.Second, `document.documentElement.hasAttribute("data-app-ready") && !!document.getElementById("for-other")`)
			tb.waitFor(t, screenWait, `!location.search.includes("check-for")`)
			if !eval[bool](t, tb, `document.getElementById("for-other").checked`) {
				t.Error("Someone else, ticked before the app was ready, is not ticked once it is")
			}
			if path != "/check" && !strings.Contains(eval[string](t, tb, `document.querySelector("h1").innerText`), "they") {
				t.Errorf("the first question is not for someone else: %q", eval[string](t, tb, `document.querySelector("h1").innerText`))
			}
			tb.noErrors(t)
		})
	}
}
