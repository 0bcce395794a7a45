package site

import (
	"io"
	"net"
	"sync"
	"testing"
	"time"
)

// sharedLink is a TCP proxy in front of addr whose downloads, on every
// connection together, go no faster than bytesPerSec: a phone's one link.
// DevTools' network emulation slows the page's own requests only, not
// those of its service worker, whose install downloads every file while
// the page loads; through a shared link they compete, as they do on a
// phone. It returns the proxy's address.
func sharedLink(t testing.TB, addr string, bytesPerSec float64) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	link := &linkClock{rate: bytesPerSec}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go link.carry(c, addr)
		}
	}()
	return ln.Addr().String()
}

// linkClock hands out the link's time: each chunk sent waits for its turn.
type linkClock struct {
	mu   sync.Mutex
	next time.Time
	rate float64
}

// wait blocks until n more bytes may go down the link.
func (l *linkClock) wait(n int) {
	l.mu.Lock()
	now := time.Now()
	if l.next.Before(now) {
		l.next = now
	}
	l.next = l.next.Add(time.Duration(float64(n) / l.rate * float64(time.Second)))
	at := l.next
	l.mu.Unlock()
	time.Sleep(time.Until(at))
}

// carry joins a client to the server: up as fast as it goes, down at the
// link's pace, in small chunks so that connections take turns.
func (l *linkClock) carry(client net.Conn, addr string) {
	defer client.Close()
	server, err := net.Dial("tcp", addr)
	if err != nil {
		return
	}
	defer server.Close()
	go func() {
		io.Copy(server, client)
		server.(*net.TCPConn).CloseWrite()
	}()
	buf := make([]byte, 4096)
	for {
		n, err := server.Read(buf)
		if n > 0 {
			l.wait(n)
			if _, werr := client.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// TestSharedLinkSharesItsRate: two downloads at once through the link take
// as long together as their bytes at its rate, not as long as one.
func TestSharedLinkSharesItsRate(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	const size = 100 << 10
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { c.Write(make([]byte, size)); c.Close() }()
		}
	}()
	addr := sharedLink(t, ln.Addr().String(), 1<<20) // 1 MiB/s: 200 KiB takes 0.2 s
	start := time.Now()
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("tcp", addr)
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close()
			if n, _ := io.Copy(io.Discard, c); n != size {
				t.Errorf("got %d bytes, want %d", n, size)
			}
		}()
	}
	wg.Wait()
	if took := time.Since(start); took < 180*time.Millisecond {
		t.Errorf("two downloads of 100 KiB at 1 MiB/s took %v: the link is not shared", took)
	}
}
