package site

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRangesAreReadStrictly: a Range header that is not digits-only
// ("bytes=-+0", "bytes=- 0", "bytes=-\t0", a sign, a space inside a
// number) gets 416 with "bytes */SIZE", never a 206 with an impossible
// Content-Range; the ranges RFC 9110 allows still get 206, on an asset and
// on a page.
func TestRangesAreReadStrictly(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	for _, path := range []string{"/web/aftercare.css", "/check"} {
		size := get(t, h, "GET", path, nil).Body.Len()
		for _, bad := range []string{"bytes=-+0", "bytes=- 0", "bytes=-\t0", "bytes=-0", "bytes=+0-9", "bytes=0-+9", "bytes=0x1-9", "bytes=1 0-20", "bytes=-", "bytes=", "bytes=0-9,-+0", "items=0-9"} {
			w := get(t, h, "GET", path, map[string]string{"Range": bad})
			if w.Code != http.StatusRequestedRangeNotSatisfiable || w.Header().Get("Content-Range") != "bytes */"+strconv.Itoa(size) {
				t.Errorf("%s Range %q: %d %q, want 416 bytes */%d", path, bad, w.Code, w.Header().Get("Content-Range"), size)
			}
		}
		for good, n := range map[string]int{"bytes=0-9": 10, "bytes=-5": 5, "bytes= 2-4 ": 3, "bytes=0-0, -1": -1, "bytes=10-": size - 10} {
			w := get(t, h, "GET", path, map[string]string{"Range": good})
			if w.Code != http.StatusPartialContent || n >= 0 && w.Body.Len() != n {
				t.Errorf("%s Range %q: %d, %d bytes (%q)", path, good, w.Code, w.Body.Len(), w.Header().Get("Content-Range"))
			}
			if cr := w.Header().Get("Content-Range"); n >= 0 && !strings.HasSuffix(cr, "/"+strconv.Itoa(size)) {
				t.Errorf("%s Range %q: Content-Range %q", path, good, cr)
			}
		}
	}
}

// TestUnknownAssetsGetThePageNotFound: below /web/, an unknown name, the
// folder itself and a name that is not plain get the "page not found"
// page with 404 and the headers, as any other unknown address does (they
// got a plain-text 404 and a 400).
func TestUnknownAssetsGetThePageNotFound(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	h := s.Handler(quietLogger)
	for _, path := range []string{"/web/nope.css", "/web/", "/web/.hidden", "/web/clinic/nope.svg"} {
		w := get(t, h, "GET", path, nil)
		if w.Code != http.StatusNotFound || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") || !strings.Contains(w.Body.String(), "Page not found") {
			t.Errorf("GET %s: %d %q, want 404 with the page not found", path, w.Code, w.Header().Get("Content-Type"))
		}
		if w.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s: no Content-Security-Policy", path)
		}
	}
}

// TestReadmeSaysWhichErrorsLackTheHeaders: the errors Go's HTTP server
// writes itself never reach the handler and carry no security headers;
// the README says so, naming each, instead of promising the headers on
// every response.
func TestReadmeSaysWhichErrorsLackTheHeaders(t *testing.T) {
	s := newTestSite(t, fakeWebDir(t))
	srv := startServer(t, s.Handler(quietLogger))
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(readme)), " ")
	if strings.Contains(text, "`Cache-Control: no-cache` on every response,") {
		t.Error("the README still promises the headers on every response of the server")
	}
	big := "X-Big: " + strings.Repeat("a", 64<<10) + "\r\n"
	for _, tt := range []struct{ request, status, readme string }{
		{"GET /%zz HTTP/1.1\r\nHost: x\r\n", "400", "400 for a request it cannot read (`GET /%zz`, no `Host`)"},
		{"GET / HTTP/1.1\r\n", "400", "no `Host`"},
		{"GET / HTTP/1.1\r\nHost: x\r\n" + big, "431", "431 for headers that are too large"},
		{"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: zip\r\n", "501", "501 for an unknown transfer coding"},
		{"GET / HTTP/2.0\r\nHost: x\r\n", "505", "505 for an HTTP version it does not speak"},
		{"OPTIONS * HTTP/1.1\r\nHost: x\r\n", "200", "its answer to `OPTIONS *`"},
	} {
		resp := rawRequest(t, srv.Addr, tt.request+"Connection: close\r\n\r\n")
		if got := strconv.Itoa(resp.StatusCode); got != tt.status || resp.Header.Get("Content-Security-Policy") != "" {
			t.Errorf("%q: %s, CSP %q; the README says %s without the headers", strings.SplitN(tt.request, "\r\n", 2)[0], got, resp.Header.Get("Content-Security-Policy"), tt.status)
		}
		if !strings.Contains(text, tt.readme) {
			t.Errorf("the README does not say %q", tt.readme)
		}
	}
}

// rawRequest sends one request as written to addr and reads the response.
func rawRequest(t *testing.T, addr, request string) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(conn, request)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%q: %v", request, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}
