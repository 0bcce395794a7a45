package site

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	ui "aftercare/app"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserEveryRoute walks every route as a phone would: each page mounts
// with no console error, no request to another origin and no axe violation
// in light or dark mode; the app is installable; and, with the server gone,
// every route (with or without a query string) loads and mounts again.
func TestBrowserEveryRoute(t *testing.T) {
	s, srv, tb := appTab(t)

	for _, r := range ui.AllRoutes() {
		tb.open(t, r.Path)
		if title := eval[string](t, tb, "document.title"); title != r.Title {
			t.Errorf("%s: title %q, want %q", r.Path, title, r.Title)
		}
		for _, scheme := range []string{"light", "dark"} {
			tb.colorScheme(t, scheme)
			tb.axe(t, r.Path+" ("+scheme+")")
		}
		tb.colorScheme(t, "")
		tb.fitsAt200(t, r.Path)
	}
	for _, e := range tb.takeErrors() {
		t.Errorf("console: %s", e)
	}
	if f := tb.foreignRequests(); len(f) > 0 {
		t.Errorf("requests left the origin: %v", f)
	}

	tb.waitControlled(t)
	inst := call(t, tb, page.GetInstallabilityErrors, cdp.Empty{})
	for _, e := range inst.InstallabilityErrors {
		t.Errorf("not installable: %s %v", e.ErrorID, e.ErrorArguments)
	}
	if keys := eval[[]string](t, tb, "caches.keys()"); len(keys) != 1 || keys[0] != "aftercare-"+s.Version() {
		t.Errorf("Cache Storage holds %v, want only aftercare-%s", keys, s.Version())
	}

	srv.Stop()
	if got := eval[string](t, tb, `fetch("/healthz", {cache: "no-store"}).then(() => "up", () => "down")`); got != "down" {
		t.Fatalf("the server still answers after Stop (%s): the offline part would prove nothing", got)
	}
	tb.takeErrors() // the failed probe above
	for _, r := range ui.AllRoutes() {
		for _, target := range []string{r.Path, r.Path + "?utm_source=clinic&x=1"} {
			tb.open(t, target)
			if title := eval[string](t, tb, "document.title"); title != r.Title {
				t.Errorf("offline %s: title %q, want %q", target, title, r.Title)
			}
		}
		tb.do(t, chromedp.Reload(), waitReady())
		if h1 := eval[string](t, tb, `document.getElementById("main-heading").textContent`); h1 == "" {
			t.Errorf("offline reload of %s: no heading", r.Path)
		}
	}
	for _, e := range tb.takeErrors() {
		t.Errorf("offline console: %s", e)
	}
}

// TestBrowserWasmStartsWithThePage: app.wasm and the page's words are
// preloaded from the page's head, so their download starts with the
// stylesheets rather than after the scripts, and app.js takes the
// preloaded response: each is fetched once, by the preload.
func TestBrowserWasmStartsWithThePage(t *testing.T) {
	needE2E(t)
	srv := startServer(t, realSite(t, Config{}).Handler(quietLogger))
	tb := newTab(t, srv.URL)
	for _, path := range []string{"/check", "/es/guide"} {
		tb.open(t, path)
		got := eval[string](t, tb, `["/web/app.wasm", "/web/lang/"+document.documentElement.lang+".json"].map(p =>
			p + ": " + performance.getEntriesByName(location.origin + p).map(e => e.initiatorType).join(" ")).join(", ")`)
		if want := "/web/app.wasm: link, /web/lang/" + map[string]string{"/check": "en", "/es/guide": "es"}[path] + ".json: link"; got != want {
			t.Errorf("%s: fetched %s; want %s", path, got, want)
		}
	}
}

// TestBrowserWasmDownloadedOnce: on a first visit the service worker is
// registered only once the app is ready, and its install takes app.wasm
// from the HTTP cache (a 304 from the server), so the server sends
// app.wasm once; the worker still precaches it, and the page works
// offline.
func TestBrowserWasmDownloadedOnce(t *testing.T) {
	needE2E(t)
	h := realSite(t, Config{}).Handler(quietLogger)
	var mu sync.Mutex
	sent := map[int]int{}
	srv := startServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/app.wasm" {
			sw := &statusWriter{ResponseWriter: w}
			h.ServeHTTP(sw, r)
			mu.Lock()
			sent[sw.status]++
			mu.Unlock()
			return
		}
		h.ServeHTTP(w, r)
	}))
	tb := newTab(t, srv.URL)
	call(t, tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__registeredBeforeReady = null;
		if (navigator.serviceWorker) {
			const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
			navigator.serviceWorker.register = (...args) => {
				window.__registeredBeforeReady = !document.documentElement.hasAttribute("data-app-ready");
				return register(...args);
			};
		}`})
	tb.open(t, "/check")
	if !eval[bool](t, tb, `navigator.serviceWorker.ready.then(r => !!r.active)`) {
		t.Fatal("no active worker")
	}
	if before := eval[any](t, tb, `window.__registeredBeforeReady`); before != false {
		t.Errorf("the worker was registered before the app was ready: %v", before)
	}
	if !eval[bool](t, tb, `caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.match("/web/app.wasm"))))).then(ms => ms.some(m => !!m))`) {
		t.Error("the worker did not precache app.wasm")
	}
	mu.Lock()
	defer mu.Unlock()
	if sent[http.StatusOK] != 1 {
		t.Errorf("app.wasm sent %d times in full (by status: %v), want once", sent[http.StatusOK], sent)
	}
}

// holdWasm serves h, but holds each request for app.wasm until release
// is closed: the page as a slow link shows it before the app is ready.
func holdWasm(h http.Handler, release <-chan struct{}) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/app.wasm" {
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// TestBrowserReadableBeforeWasm holds app.wasm back and checks what a person
// on a slow link sees meanwhile: the page's text, not covered by the loader,
// which is a thin bar whose percentage never passes 100 even though app.wasm
// arrives compressed.
func TestBrowserReadableBeforeWasm(t *testing.T) {
	needE2E(t)
	s := realSite(t, Config{})
	release := make(chan struct{})
	srv := startServer(t, holdWasm(s.Handler(quietLogger), release))
	tb := newTab(t, srv.URL)
	call(t, tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__progress = [];
		new MutationObserver(() => {
			const l = document.getElementById("app-wasm-loader-label");
			const m = l && /(\d+)%/.exec(l.textContent);
			if (m) window.__progress.push(Number(m[1]));
		}).observe(document, {subtree: true, childList: true, characterData: true});`})

	tb.do(t, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("main-heading")))
	type view struct {
		Ready         bool    `json:"ready"`
		Covered       string  `json:"covered"`
		LoaderTop     float64 `json:"loaderTop"`
		LoaderHeight  float64 `json:"loaderHeight"`
		ViewHeight    float64 `json:"viewHeight"`
		PointerEvents string  `json:"pointerEvents"`
		Label         string  `json:"label"`
	}
	v := eval[view](t, tb, `(() => {
		const covered = [];
		for (const el of [document.getElementById("main-heading"), document.querySelector(".lead"), document.querySelector(".actions a")]) {
			const r = el.getBoundingClientRect();
			const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
			if (!hit || !(hit === el || el.contains(hit))) covered.push(el.tagName + " under " + (hit ? hit.id || hit.tagName : "nothing"));
		}
		const loader = document.getElementById("app-wasm-loader");
		const lr = loader.getBoundingClientRect();
		return {
			ready: document.documentElement.hasAttribute("data-app-ready"),
			covered: covered.join(", "),
			loaderTop: lr.top, loaderHeight: lr.height, viewHeight: innerHeight,
			pointerEvents: getComputedStyle(loader).pointerEvents,
			label: document.getElementById("app-wasm-loader-label").textContent,
		};
	})()`)
	if v.Ready {
		t.Fatal("the app mounted while app.wasm was held back: this test proves nothing")
	}
	if v.Covered != "" {
		t.Errorf("text is covered while app.wasm loads: %s", v.Covered)
	}
	if v.LoaderHeight > 48 || v.LoaderTop < v.ViewHeight-48 || v.PointerEvents != "none" {
		t.Errorf("loader is not a thin bar at the bottom that lets clicks through: %+v", v)
	}
	// A number needs no words, so the loader reads the same in every
	// language (go-app writes one label into app.js for all pages).
	if !strings.HasSuffix(v.Label, "%") || strings.ContainsFunc(v.Label, unicode.IsLetter) {
		t.Errorf("loader label = %q, want a percentage", v.Label)
	}

	close(release)
	tb.do(t, waitReady())
	if enc := tb.encoding(srv.URL + "/web/app.wasm"); enc != "gzip" && enc != "br" {
		t.Errorf("app.wasm came with Content-Encoding %q, want br or gzip (the progress check needs it compressed)", enc)
	}
	t.Logf("app.wasm arrived with Content-Encoding %s", tb.encoding(srv.URL+"/web/app.wasm"))
	progress := eval[[]int](t, tb, "window.__progress")
	if len(progress) < 2 || progress[len(progress)-1] != 100 {
		t.Errorf("loader progress %v: want it to end at 100", progress)
	}
	for _, p := range progress {
		if p > 100 {
			t.Fatalf("loader progress went to %d%% (%v): it divides by the compressed size", p, progress)
		}
	}
}

// TestBrowserWithoutJavaScript: with scripts off the home page still shows
// the "get help now" advice, and no loading bar that would never finish.
func TestBrowserWithoutJavaScript(t *testing.T) {
	_, srv, tb := appTab(t)
	call(t, tb, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	tb.do(t, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("help-now")))

	type state struct {
		Ready  bool   `json:"ready"`
		Loader string `json:"loader"`
		Text   string `json:"text"`
	}
	st := eval[state](t, tb, `({
		ready: document.documentElement.hasAttribute("data-app-ready"),
		loader: getComputedStyle(document.getElementById("app-wasm-loader")).display,
		text: document.body.innerText,
	})`)
	if st.Ready {
		t.Fatal("the app mounted with JavaScript off: this test proves nothing")
	}
	if st.Loader != "none" {
		t.Errorf("loader display = %q with JavaScript off, want none", st.Loader)
	}
	for _, want := range []string{"Get help now", "Call 911 now if you have any of these, even if it has gone:", "See a doctor today", "Short of breath"} {
		if !strings.Contains(st.Text, want) {
			t.Errorf("visible text lacks %q", want)
		}
	}
}

// TestBrowserUpdateNotice deploys a new version under a running app: the app
// finds it on its own timer, shows the notice, and its button loads it.
func TestBrowserUpdateNotice(t *testing.T) {
	needE2E(t)
	web := copyDir(t, filepath.Join("..", "..", "..", "web"))
	cfg := Config{WebDir: web, UpdateInterval: 300 * time.Millisecond}
	v1 := realSite(t, cfg)
	srv := startServer(t, v1.Handler(quietLogger))
	tb := newTab(t, srv.URL)
	tb.open(t, "/guide")
	tb.waitControlled(t)
	if n := eval[int](t, tb, `document.querySelectorAll(".update-box").length`); n != 0 {
		t.Fatal("update notice shown before any update")
	}

	css, err := os.ReadFile(filepath.Join(web, "aftercare.css"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(web, "aftercare.css"), append(css, "\n/* v2 */\n"...))
	v2 := realSite(t, cfg)
	if v2.version == v1.version {
		t.Fatal("the changed site kept its version")
	}
	srv.Swap(v2.Handler(quietLogger))

	tb.do(t, chromedp.WaitVisible(chromedp.CSS(".update-box button")))
	if got := eval[string](t, tb, `goappGetenv("GOAPP_VERSION")`); got != v1.version {
		t.Fatalf("running version %s before reload, want %s", got, v1.version)
	}
	tb.tapAndWait(t, ".update-box button", `document.documentElement.hasAttribute("data-app-ready") &&
		goappGetenv("GOAPP_VERSION") === `+strconv.Quote(v2.version))
	if n := eval[int](t, tb, `document.querySelectorAll(".update-box").length`); n != 0 {
		t.Error("update notice still shown after the reload")
	}
}

// TestBrowserUpdateNoticeFoundOnLoad: a new version already on the server
// when a page that an older worker controls loads is found by the
// browser before the page registers the worker (workerLater): the page
// still offers the update.
func TestBrowserUpdateNoticeFoundOnLoad(t *testing.T) {
	needE2E(t)
	web := copyDir(t, filepath.Join("..", "..", "..", "web"))
	cfg := Config{WebDir: web, UpdateInterval: time.Hour}
	v1 := realSite(t, cfg)
	srv := startServer(t, v1.Handler(quietLogger))
	tb := newTab(t, srv.URL)
	tb.open(t, "/guide")
	tb.waitControlled(t)
	css, err := os.ReadFile(filepath.Join(web, "aftercare.css"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(web, "aftercare.css"), append(css, "\n/* v2 */\n"...))
	v2 := realSite(t, cfg)
	srv.Swap(v2.Handler(quietLogger))
	tb.open(t, "/guide")
	tb.do(t, chromedp.WaitVisible(chromedp.CSS(".update-box button")))
	if got := eval[string](t, tb, `goappGetenv("GOAPP_VERSION")`); got != v1.version {
		t.Errorf("running version %s before reload, want %s", got, v1.version)
	}
}
