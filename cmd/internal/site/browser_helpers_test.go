package site

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser tests run when AFTERCARE_E2E=1, as `make test` sets after it
// has built web/app.wasm and made sure Chromium is installed. Without it they
// skip, so `go test ./...` stays quick and needs no browser.
const e2eEnv = "AFTERCARE_E2E"

func needE2E(t *testing.T) {
	t.Helper()
	if os.Getenv(e2eEnv) == "" {
		t.Skipf("browser test: set %s=1 (make test does)", e2eEnv)
	}
}

// realSite serves the real web/ folder with the app.wasm make built.
func realSite(t *testing.T, cfg Config) *Site {
	t.Helper()
	if cfg.WebDir == "" {
		cfg.WebDir = filepath.Join("..", "..", "..", "web")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = testBaseURL
	}
	if _, err := os.Stat(filepath.Join(cfg.WebDir, wasmName)); err != nil {
		t.Fatalf("%s is missing: run make wasm (make test does)", filepath.Join(cfg.WebDir, wasmName))
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// appTab serves the real site (neutral profile) on a loopback port and
// opens a phone-sized tab on it.
func appTab(t *testing.T) (*Site, *testServer, *tab) {
	t.Helper()
	needE2E(t)
	s := realSite(t, Config{})
	srv := startServer(t, s.Handler(quietLogger))
	return s, srv, newTab(t, srv.URL)
}

// startCheck opens the check and starts it.
func (tb *tab) startCheck(t *testing.T) {
	t.Helper()
	tb.open(t, "/check")
	tb.clickStart(t)
}

// clickStart taps "Start the check" once it is the app's button (until the
// app is ready it asks the server for the first question), and waits for
// the first question.
func (tb *tab) clickStart(t *testing.T) {
	t.Helper()
	tb.waitFor(t, screenWait, `(b => !!b && b.type === "button")(document.getElementById("start-check"))`)
	tb.tapAndWait(t, "#start-check", `!!document.querySelector("[data-question]")`)
}

// screenWait bounds the wait for the screen an action leads to. It is long
// because the machine may be busy; a wait that succeeds returns at once.
const screenWait = 30 * time.Second

// tapAndWait taps the element sel and waits for cond, a JavaScript
// condition that holds once the screen the tap leads to is there. Every
// action in the browser tests that changes the screen goes through it (or
// through doAndWait, for actions other than a tap), so no test reads a
// screen before it has come. cond must be false before the tap.
func (tb *tab) tapAndWait(t *testing.T, sel, cond string) {
	t.Helper()
	tb.doAndWait(t, cond, tb.tap(sel))
}

// doAndWait runs steps that change the screen (a tap, a key, a navigation)
// and waits, screenWait at most, for cond, the screen they lead to.
func (tb *tab) doAndWait(t *testing.T, cond string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	tb.do(t, steps...)
	tb.waitFor(t, screenWait, cond)
}

// tap is a tap on the element sel: a click, or, in a tab on a cross-origin
// frame (scriptTaps), element.click(), as mouse events do not reach it.
func (tb *tab) tap(sel string) chromedp.Action[chromedp.Void] {
	if !tb.scriptTaps {
		return chromedp.Click(chromedp.CSS(sel))
	}
	return scriptClick(sel)
}

// scriptClick clicks the element sel with element.click().
func scriptClick(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		ok, err := chromedp.Evaluate[bool](`(el => !!el && (el.click(), true))(document.querySelector(`+jsonString(sel)+`))`)(ctx, tg)
		if err == nil && !ok {
			err = fmt.Errorf("nothing to click at %s", sel)
		}
		return err
	})
}

// tapTo taps the element sel once the screen has settled and waits for
// cond. A tap that lands while the page is still moving misses; then it
// taps once more, as a person would. Use it only where a second tap cannot
// do harm (a button that leaves the screen).
func (tb *tab) tapTo(t *testing.T, sel, cond string) {
	t.Helper()
	for try := 0; ; try++ {
		tb.settle(t)
		tb.do(t, tb.tap(sel))
		if try == 1 {
			tb.waitFor(t, screenWait, cond)
			return
		}
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool]("Boolean("+cond+")")); err == nil && ok {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		if !eval[bool](t, tb, `!!document.querySelector(`+jsonString(sel)+`)`) {
			// The tap did land (the control is gone); what follows is slow.
			tb.waitFor(t, screenWait, cond)
			return
		}
		t.Logf("tapped %s but still not true after 10 s, tapping again: %s", sel, cond)
	}
}

// copyDir copies a flat folder such as web/ so a test can change a file.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755)
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func findChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab is one page in a fresh headless Chromium with its own persistent
// profile on disk, sized as a phone. It records console errors, requests to
// other origins and the response headers of every request.
type tab struct {
	ctx        context.Context
	origin     string
	scriptTaps bool // taps are element.click(): a cross-origin frame's tab

	mu        sync.Mutex
	errors    []string
	foreign   []string
	encodings map[string]string // URL → Content-Encoding
}

// newTab opens a phone-sized tab on origin in a fresh browser; extra are
// more of the browser's options (its languages, say).
func newTab(t *testing.T, origin string, extra ...chromedp.ExecAllocatorOption) *tab {
	t.Helper()
	needE2E(t)
	exe := findChromium()
	if exe == "" {
		t.Fatal("Chromium not found: install it (apt-get install chromium) or set CHROMIUM")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.WindowSize(390, 844),
	)
	opts = append(opts, extra...)
	// A time limit on the whole browser, set before the first Do, bounds
	// every step of a test that hangs.
	actx, cancelTime := context.WithTimeout(context.Background(), 4*time.Minute)
	actx, cancelAlloc := chromedp.NewExecAllocator(actx, opts...)
	tb := &tab{origin: origin, encodings: map[string]string{}}
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithListener(tb.record))
	tb.ctx = ctx
	t.Cleanup(func() { cancelTab(); cancelAlloc(); cancelTime() })
	tb.do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
	return tb
}

func (tb *tab) record(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			tb.errors = append(tb.errors, "console.error: "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tb.errors = append(tb.errors, "exception: "+msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			tb.errors = append(tb.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if !strings.HasPrefix(u, tb.origin+"/") && u != tb.origin &&
			!strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			tb.foreign = append(tb.foreign, u)
		}
	case *network.EventResponseReceived:
		for k, v := range ev.Response.Headers {
			if strings.EqualFold(k, "Content-Encoding") {
				tb.encodings[ev.Response.URL] = fmt.Sprint(v)
			}
		}
	}
}

// takeErrors returns the console errors seen since the last call.
func (tb *tab) takeErrors() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	errs := tb.errors
	tb.errors = nil
	return errs
}

func (tb *tab) foreignRequests() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.foreign...)
}

func (tb *tab) encoding(url string) string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return tb.encodings[url]
}

// do runs steps in the tab and fails the test on the first error.
func (tb *tab) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression, awaiting it if it is a promise,
// and returns its value as T.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%v\nin: %s", err, expr)
	}
	return v
}

// call sends one DevTools command to the tab.
func call[P, R any](t *testing.T, tb *tab, cmd cdp.Command[P, R], params P) R {
	t.Helper()
	r, err := chromedp.Call(tb.ctx, cmd, params)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// waitFor evaluates a JavaScript condition until it is true, through page
// loads (which make single evaluations fail), or fails the test at timeout.
func (tb *tab) waitFor(t *testing.T, timeout time.Duration, cond string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool]("Boolean("+cond+")"))
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("still not true after %v (last error %v): %s", timeout, last, cond)
}

// open loads a path and waits until the WASM app has mounted.
func (tb *tab) open(t *testing.T, path string) {
	t.Helper()
	tb.do(t, chromedp.Navigate(tb.origin+path), waitReady())
}

func waitReady() chromedp.Action[chromedp.Void] {
	return chromedp.WaitReady(chromedp.CSS("html[data-app-ready]"))
}

// waitControlled waits until the service worker is active, which means it
// has precached everything, reloads the page if the worker does not
// control it yet (the worker claims no page it did not load), and waits
// until the page has registered it again.
func (tb *tab) waitControlled(t *testing.T) {
	t.Helper()
	eval[bool](t, tb, `navigator.serviceWorker.ready.then(r => !!r.active)`)
	if !eval[bool](t, tb, `!!navigator.serviceWorker.controller`) {
		tb.do(t, chromedp.Reload(), waitReady())
	}
	if !eval[bool](t, tb, `!!navigator.serviceWorker.controller`) {
		t.Fatal("the service worker does not control the page after a reload")
	}
	// The page registers the worker once the app is ready (workerLater),
	// and only then hears of updates.
	tb.waitFor(t, screenWait, `typeof goappServiceWorkerRegistration === "object" && !!goappServiceWorkerRegistration`)
}

// fitsAt200 sets the text to 200% and checks that nothing then needs
// scrolling sideways, as with a phone's largest text setting.
func (tb *tab) fitsAt200(t *testing.T, label string) {
	t.Helper()
	over := eval[string](t, tb, `(() => {
		const html = document.documentElement;
		html.style.fontSize = "200%";
		const wide = [...document.querySelectorAll("main *, header *")]
			.filter(el => el.getBoundingClientRect().right > html.clientWidth + 1)
			.map(el => el.tagName + (el.id ? "#" + el.id : "") + (el.className ? "." + el.className : ""));
		const result = html.scrollWidth > html.clientWidth ? "page " + html.scrollWidth + "px > " + html.clientWidth + "px: " + wide.slice(0, 5).join(", ") : "";
		html.style.fontSize = "";
		return result;
	})()`)
	if over != "" {
		t.Errorf("%s at 200%% text: %s", label, over)
	}
}

// colorScheme emulates the person's light or dark preference.
func (tb *tab) colorScheme(t *testing.T, scheme string) {
	t.Helper()
	call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
}

// axe runs axe-core in the page and fails the test on any violation.
func (tb *tab) axe(t *testing.T, label string) {
	t.Helper()
	eval[chromedp.Void](t, tb, axeScript(t)+";0")
	type violation struct {
		ID    string   `json:"id"`
		Help  string   `json:"help"`
		Nodes []string `json:"nodes"`
	}
	violations := eval[[]violation](t, tb, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
		id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)})))`)
	for _, v := range violations {
		t.Errorf("%s: axe %s: %s\n\t%s", label, v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// axe-core comes from the npm registry, pinned and checked against the
// registry's integrity hash, into the ignored .cache folder. Nothing of it is
// committed, and no npm client is needed.
const (
	axeVersion   = "4.14.1"
	axeIntegrity = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
)

var axeOnce struct {
	sync.Once
	src string
	err error
}

func axeScript(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() { axeOnce.src, axeOnce.err = loadAxe() })
	if axeOnce.err != nil {
		t.Fatalf("axe-core %s: %v", axeVersion, axeOnce.err)
	}
	return axeOnce.src
}

func loadAxe() (string, error) {
	cached := filepath.Join("..", "..", "..", ".cache", "npm", "axe-core-"+axeVersion, "axe.min.js")
	if b, err := os.ReadFile(cached); err == nil {
		return string(b), nil
	}
	url := "https://registry.npmjs.org/axe-core/-/axe-core-" + axeVersion + ".tgz"
	client := &http.Client{Timeout: 2 * time.Minute}
	resp, err := client.Get(url)
	if err != nil {
		return "", fmt.Errorf("fetching %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return "", fmt.Errorf("fetching %s: %s", url, resp.Status)
	}
	tgz, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	sum := sha512.Sum512(tgz)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != axeIntegrity {
		return "", fmt.Errorf("%s: integrity %s, want %s", url, got, axeIntegrity)
	}
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return "", err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err != nil {
			return "", fmt.Errorf("no package/axe.min.js in %s: %v", url, err)
		}
		if h.Name != "package/axe.min.js" {
			continue
		}
		src, err := io.ReadAll(tr)
		if err != nil {
			return "", err
		}
		if err := os.MkdirAll(filepath.Dir(cached), 0o755); err == nil {
			os.WriteFile(cached, src, 0o644)
		}
		return string(src), nil
	}
}

// jsonString is a JavaScript string literal for s.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// printedPages prints the page to PDF on paper of that size (inches) and
// counts the pages.
func (tb *tab) printedPages(t *testing.T, w, h float64) int {
	t.Helper()
	call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	defer call(t, tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	pdf := call(t, tb, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: w, PaperHeight: h})
	if dir := os.Getenv("AFTERCARE_SCREENSHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("print-%.1fx%.1f.pdf", w, h)), pdf.Data, 0o644)
	}
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf.Data, -1))
}
