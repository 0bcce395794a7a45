package site

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// nginxBrotli is where Debian's libnginx-mod-http-brotli-static puts the
// module (make test installs it).
const nginxBrotli = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

func findNginx() string {
	if p := os.Getenv("NGINX"); p != "" {
		return p
	}
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	return ""
}

// startNginx serves dir with the export's own nginx.conf.example, changed
// only in listen, server_name and root, inside a minimal nginx.conf of its
// own (pid, logs and temp files in a temporary folder). It returns the
// origin and a function that stops nginx.
func startNginx(t *testing.T, dir string) (string, func()) {
	t.Helper()
	bin := findNginx()
	if bin == "" {
		t.Fatal("nginx not found: make test installs it (apt-get install nginx libnginx-mod-http-brotli-static), or set NGINX")
	}
	if _, err := os.Stat(nginxBrotli); err != nil {
		t.Fatalf("nginx's brotli_static module is missing (%s): apt-get install libnginx-mod-http-brotli-static", nginxBrotli)
	}
	example, err := os.ReadFile(filepath.Join(dir, "nginx.conf.example"))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	server := string(example)
	for old, new := range map[string]string{
		"listen 443 ssl;":                    "listen " + addr + ";",
		"server_name aftercare.example.org;": "server_name localhost;",
		"root /srv/aftercare;":               "root " + dir + ";",
	} {
		if !strings.Contains(server, old) {
			t.Fatalf("nginx.conf.example has no %q", old)
		}
		server = strings.Replace(server, old, new, 1)
	}
	tmp := t.TempDir()
	user := ""
	if os.Getuid() == 0 {
		user = "user root;" // the export sits in a folder only root can read
	}
	conf := fmt.Sprintf(`load_module %[1]s;
%[2]s
daemon off;
master_process off;
pid %[3]s/nginx.pid;
error_log %[3]s/error.log;
events {}
http {
    access_log off;
    client_body_temp_path %[3]s/body;
    proxy_temp_path %[3]s/proxy;
    fastcgi_temp_path %[3]s/fastcgi;
    uwsgi_temp_path %[3]s/uwsgi;
    scgi_temp_path %[3]s/scgi;
%[4]s
}
`, nginxBrotli, user, tmp, server)
	confFile := filepath.Join(tmp, "nginx.conf")
	writeFile(t, confFile, []byte(conf))
	// One process (master_process off), its output in a file: killing it
	// leaves nothing behind holding a pipe open.
	outFile := filepath.Join(tmp, "stdout.log")
	out, err := os.Create(outFile)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cmd := exec.Command(bin, "-c", confFile, "-p", tmp, "-e", filepath.Join(tmp, "error.log"))
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cmd.Process.Kill()
			cmd.Wait()
		}
	}
	t.Cleanup(stop)
	for range 100 {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return "http://" + addr, stop
		}
		time.Sleep(50 * time.Millisecond)
	}
	logs, _ := os.ReadFile(filepath.Join(tmp, "error.log"))
	printed, _ := os.ReadFile(outFile)
	t.Fatalf("nginx did not start: %s\n%s", printed, logs)
	return "", nil
}

// TestBrowserStaticNginx serves the static export behind a real nginx with
// the shipped example config: the home page and every route, brotli, the
// security headers on every kind of response, the manifest's type, none of
// the export's own files, the "not found" page; then, in Chromium, a deep
// link reloads offline.
func TestBrowserStaticNginx(t *testing.T) {
	needE2E(t)
	s := realSite(t, Config{})
	dir := t.TempDir()
	if err := s.ExportStatic(dir); err != nil {
		t.Fatal(err)
	}
	origin, stop := startNginx(t, dir)

	fetch := func(path string, header map[string]string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", origin+path, nil)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	for _, route := range routePaths() {
		resp, body := fetch(route, nil)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !strings.Contains(body, `id="main-heading"`) {
			t.Errorf("GET %s: %d %s", route, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	if resp, _ := fetch("/", map[string]string{"Accept-Encoding": "br, gzip"}); resp.Header.Get("Content-Encoding") != "br" {
		t.Errorf("GET / with br: Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	if resp, _ := fetch("/web/app.wasm", map[string]string{"Accept-Encoding": "br"}); resp.Header.Get("Content-Encoding") != "br" || resp.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("app.wasm: %q %q", resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"))
	}
	for _, path := range []string{"/", "/check", "/app.js", "/app-worker.js", "/web/app.wasm", "/web/aftercare.css", "/manifest.json", "/manifest.webmanifest", "/embed.js", "/no/such/page"} {
		resp, _ := fetch(path, nil)
		for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security", "Cache-Control", "Cross-Origin-Resource-Policy"} {
			if resp.Header.Get(h) == "" {
				t.Errorf("%s: no %s", path, h)
			}
		}
	}
	if resp, _ := fetch("/embed.js", nil); resp.Header.Get("Cross-Origin-Resource-Policy") != "cross-origin" {
		t.Errorf("/embed.js: CORP %q", resp.Header.Get("Cross-Origin-Resource-Policy"))
	}
	if resp, _ := fetch("/manifest.json", nil); resp.Header.Get("Content-Type") != "application/manifest+json" {
		t.Errorf("/manifest.json: %q", resp.Header.Get("Content-Type"))
	}
	for _, path := range []string{"/nginx.conf.example", "/_headers", "/index.html.br", "/index.html.gz", "/web/app.wasm.br"} {
		if resp, _ := fetch(path, nil); resp.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
	if resp, body := fetch("/no/such/page", nil); resp.StatusCode != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("an unknown page: %d", resp.StatusCode)
	}
	if resp, body := fetch("/es/no/such/page", nil); resp.StatusCode != 404 || !strings.Contains(body, `<html lang="es"`) || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("an unknown page under /es/: %d, want 404 in Spanish with the headers", resp.StatusCode)
	}
	if resp, body := fetch("/es/check", nil); resp.StatusCode != 200 || !strings.Contains(body, `<html lang="es"`) || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("/es/check: %d, want the Spanish page with the headers", resp.StatusCode)
	}

	// A deep link, reloaded with nginx gone.
	tb := newTab(t, origin)
	tb.open(t, "/")
	tb.waitControlled(t)
	stop()
	tb.doAndWait(t, `!!document.querySelector("h1") && document.querySelector("h1").textContent.startsWith("Why your back")`,
		chromedp.Navigate(origin+"/guide/causes"))
}
