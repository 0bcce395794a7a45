package site

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// testServer is the real HTTP server (same timeouts, same handler) on a
// loopback port. Its handler can be swapped, as a deploy would, and it can be
// stopped to cut the browser off from the network.
type testServer struct {
	URL, Addr string
	handler   atomic.Pointer[http.Handler]
	srv       *http.Server
	stopped   bool
}

func startServer(t testing.TB, h http.Handler) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &testServer{Addr: ln.Addr().String(), URL: "http://" + ln.Addr().String()}
	s.handler.Store(&h)
	s.srv = newHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		(*s.handler.Load()).ServeHTTP(w, r)
	}), quietLogger)
	go s.srv.Serve(ln)
	t.Cleanup(s.Stop)
	return s
}

// Swap makes every later request go to h.
func (s *testServer) Swap(h http.Handler) { s.handler.Store(&h) }

// Stop closes the listener and every connection: from now on the browser
// finds nothing at this address, as with the network cut.
func (s *testServer) Stop() {
	if s.stopped {
		return
	}
	s.stopped = true
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if s.srv.Shutdown(ctx) != nil {
		s.srv.Close()
	}
}
