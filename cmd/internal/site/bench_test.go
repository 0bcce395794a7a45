package site

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The benchmarks behind `make bench`. They need the built app.wasm and
// Chromium, like the browser tests, and report their figures as metrics.

func benchSite(b *testing.B) *Site {
	b.Helper()
	if os.Getenv(e2eEnv) == "" {
		b.Skipf("set %s=1 (make bench does)", e2eEnv)
	}
	s, err := New(Config{WebDir: filepath.Join("..", "..", "..", "web"), BaseURL: testBaseURL})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// helloBuild builds the go-app hello world the same way as the app, both
// halves, into a folder laid out as go-app's defaults expect; the wasm half
// against go-app as published.
func helloBuild(t testing.TB) (dir string, wasm []byte) {
	t.Helper()
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "web", "app.wasm"), "./testdata/hello")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if out, err := exec.Command("go", "build", "-trimpath", "-o", filepath.Join(dir, "hello"), "./testdata/hello").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	wasm, _ = os.ReadFile(filepath.Join(dir, "web", "app.wasm"))
	return dir, wasm
}

// TestBenchReport is the size and cold-load half of `make bench` (it runs
// only with AFTERCARE_BENCH=1): in one run it prints, side by side, app.wasm
// raw, gzip and brotli as shipped (slim go-app) and as it would be with
// go-app as published, beside the hello world built both ways; then the cold
// load on the phone profile (Slow 4G, 4x slower CPU) of the app before and
// after the patch and of the hello world, and whether each reloads offline.
func TestBenchReport(t *testing.T) {
	if os.Getenv("AFTERCARE_BENCH") == "" {
		t.Skip("set AFTERCARE_BENCH=1 (make bench does)")
	}
	needE2E(t)
	web := filepath.Join("..", "..", "..", "web")
	slim, err := os.ReadFile(filepath.Join(web, wasmName))
	if err != nil {
		t.Fatalf("web/app.wasm: %v (make wasm builds it)", err)
	}
	tmp := t.TempDir()
	modfile := slimModfile(t)
	published := buildWasm(t, "../../aftercare", filepath.Join(tmp, "published.wasm"), "-s -w", "")
	helloDir, hello := helloBuild(t)
	helloSlim := buildWasm(t, "./testdata/hello", filepath.Join(tmp, "hello-slim.wasm"), "-s -w", modfile)
	helloSame := buildWasm(t, "./testdata/hello", filepath.Join(tmp, "hello-same.wasm"), "-s -w", modfile, wasmGCFlags...)

	helloBr := len(brotliBytes(hello))
	fmt.Printf("\n| app.wasm | raw | gzip | brotli | brotli / hello world |\n|---|---|---|---|---|\n")
	for _, row := range []struct {
		name string
		b    []byte
	}{
		{"Aftercare, slim go-app (shipped)", slim},
		{"Aftercare, go-app as published", published},
		{"hello world, go-app as published", hello},
		{"hello world, slim go-app", helloSlim},
		{"hello world, slim go-app, the app's compiler flags", helloSame},
	} {
		br := len(brotliBytes(row.b))
		fmt.Printf("| %s | %.2f MB | %.2f MB | %.2f MB | %.2f |\n", row.name, mb(len(row.b)), mb(len(gzipBytes(row.b))), mb(br), float64(br)/float64(helloBr))
	}

	// The same site twice: once with the shipped app.wasm, once with the
	// published-go-app build, each with its brotli file.
	before := copyDir(t, web)
	writeFile(t, filepath.Join(before, wasmName), published)
	writeFile(t, filepath.Join(before, wasmName+brotliExt), brotliBytes(published))
	fmt.Printf("\n| cold load, Slow 4G, 4x slower CPU | text readable | app ready | reload offline |\n|---|---|---|---|\n")
	for _, row := range []struct{ name, dir string }{{"Aftercare, slim go-app (shipped)", web}, {"Aftercare, go-app as published", before}} {
		s := realSite(t, Config{WebDir: row.dir})
		srv := startServer(t, s.Handler(quietLogger))
		c := coldLoad(t, srv.URL+"/check", appReady, srv.Stop)
		fmt.Printf("| %s | %.1f s | %.1f s | %s |\n", row.name, c.readable.Seconds(), c.ready.Seconds(), yesNo(c.offline))
	}
	c := coldLoadHello(t, helloDir)
	fmt.Printf("| hello world, go-app as published | %.1f s | %.1f s | %s |\n", c.readable.Seconds(), c.ready.Seconds(), yesNo(c.offline))
}

// slow4G is DevTools' Slow 4G download rate, in bytes per second.
const slow4G = 1.6 * 1024 * 1024 / 8

// appReady holds once Aftercare's app has mounted the page.
const appReady = `document.documentElement.hasAttribute("data-app-ready")`

func mb(n int) float64 { return float64(n) / 1e6 }

func yesNo(v bool) string {
	if v {
		return "yes"
	}
	return "no"
}

// coldLoadHello serves the hello world with its own server binary and loads
// it cold.
func coldLoadHello(t testing.TB, dir string) coldResult {
	addr, stop := serveBinary(t, dir, filepath.Join(dir, "hello"))
	defer stop()
	return coldLoad(t, "http://"+addr+"/", `!document.getElementById("app-wasm-loader")`, stop)
}

// serveBinary runs a server program in dir, with its address in $ADDR,
// and waits until it listens.
func serveBinary(t testing.TB, dir, exe string, args ...string) (addr string, stop func()) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr = ln.Addr().String()
	ln.Close()
	cmd := exec.Command(exe, args...)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "ADDR="+addr)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for range 50 {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return addr, func() { cmd.Process.Kill(); cmd.Wait() }
}

// BenchmarkServe: requests per second on loopback, this server beside the
// standard library's http.FileServer serving the same exported files.
func BenchmarkServe(b *testing.B) {
	s := benchSite(b)
	out := b.TempDir()
	if err := s.ExportStatic(out); err != nil {
		b.Fatal(err)
	}
	servers := map[string]http.Handler{"aftercare": s.Handler(quietLogger), "fileserver": http.FileServer(http.Dir(out))}
	for _, path := range []string{"/web/app.wasm", "/index.html"} {
		for _, name := range []string{"aftercare", "fileserver"} {
			b.Run(fmt.Sprintf("%s/%s", path, name), func(b *testing.B) {
				srv := startServer(b, servers[name])
				target := srv.URL + path
				if name == "aftercare" && path == "/index.html" {
					target = srv.URL + "/"
				}
				client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
				b.SetParallelism(4)
				b.ResetTimer()
				var total atomic.Int64
				b.RunParallel(func(pb *testing.PB) {
					var n int64
					defer func() { total.Add(n) }()
					for pb.Next() {
						req, _ := http.NewRequest("GET", target, nil)
						req.Header.Set("Accept-Encoding", "br, gzip")
						resp, err := client.Do(req)
						if err != nil {
							b.Error(err)
							return
						}
						c, _ := io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						n += c
					}
				})
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
				b.ReportMetric(float64(total.Load())/float64(b.N), "B/req")
			})
		}
	}
}

// coldLoad opens url in a fresh phone-sized Chromium on Slow 4G with a 4x
// slower CPU and measures when the heading is readable (on screen, not
// covered) and when the app is ready; then, after the worker has
// installed, stops the server and reloads.
func coldLoad(t testing.TB, url, ready string, stop func()) (c coldResult) {
	exe := findChromium()
	if exe == "" {
		t.Fatal("Chromium not found")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true))
	actx, cancelT := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancelT()
	actx, cancelA := chromedp.NewExecAllocator(actx, opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	chromedp.Call(ctx, network.Enable, network.EnableParams{})
	throttle(ctx, network.Conditions{Latency: 150, DownloadThroughput: slow4G, UploadThroughput: 750 * 1024 / 8})
	chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4})

	start := time.Now()
	go chromedp.Do(ctx, chromedp.Navigate(url))
	here := "location.href.startsWith(" + jsonString(url) + ") && document.readyState !== 'loading' && "
	ready = here + "(" + ready + ")"
	isReadable := here + `performance.getEntriesByName("first-contentful-paint").length > 0 &&
		document.styleSheets.length >= document.querySelectorAll("link[rel=stylesheet]").length && ` + headingReadable
	for time.Since(start) < 90*time.Second {
		ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](isReadable))
		if ok && c.readable == 0 {
			c.readable = time.Since(start)
		}
		done, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](ready))
		if q, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](isReadable+` && !!document.querySelector("[data-question]")`)); q && c.question == 0 {
			c.question = time.Since(start)
		}
		if done {
			c.ready = time.Since(start)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	// First paint as the browser timed it, from the navigation's start.
	paint, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`(performance.getEntriesByName("first-contentful-paint")[0] || {startTime: 0}).startTime`))
	c.paint = time.Duration(paint * float64(time.Millisecond))
	// Offline: give the worker time to install, cut the server, reload.
	throttle(ctx, network.Conditions{DownloadThroughput: -1, UploadThroughput: -1})
	chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => { navigator.serviceWorker.ready.then(() => r(true)); setTimeout(() => r(false), 15000); })`, chromedp.EvalAwaitPromise))
	stop()
	rctx, rcancel := context.WithTimeout(ctx, 20*time.Second)
	defer rcancel()
	if chromedp.Do(rctx, chromedp.Reload()) == nil {
		for range 100 {
			if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector("h1") && document.body.innerText.length > 10`)); ok {
				c.offline = true
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	return c
}

// coldResult is one cold load: when the first paint came (as the browser
// timed it), when the heading was readable, a question of the check was
// (0: none came) and the app ready (as the test saw them), and whether a
// reload worked offline afterwards.
type coldResult struct {
	paint, readable, question, ready time.Duration
	offline                          bool
}

// throttle sets the page's network conditions (Slow 4G as DevTools defines
// it, or none).
func throttle(ctx context.Context, c network.Conditions) {
	chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{&c}})
}
