package site

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
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
