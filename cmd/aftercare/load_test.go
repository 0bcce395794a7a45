//go:build !wasm

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"aftercare/cmd/internal/site"
)

// startBinary builds and starts the real server on a loopback port and
// returns its URL and process.
func startBinary(t *testing.T) (string, *exec.Cmd, *bufio.Scanner) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "aftercare")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0", "-web", filepath.Join("..", "..", "web"))
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(stderr)
	lines.Buffer(make([]byte, 1<<20), 1<<20)
	for lines.Scan() {
		var rec struct{ Msg, URL string }
		if json.Unmarshal(lines.Bytes(), &rec) == nil && rec.Msg == "serving" {
			go func() { // keep the pipe drained
				for lines.Scan() {
				}
			}()
			return rec.URL, cmd, lines
		}
	}
	t.Fatal("the server never said it was serving")
	return "", nil, nil
}

// rssKB is the resident memory of process pid in KB, from /proc.
func rssKB(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strconv.Atoi(strings.Fields(rest)[0])
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

// fetch gets a URL and reads the whole body; a body shorter than its
// Content-Length is an error (a lost response).
func fetch(ctx context.Context, c *http.Client, url string) (int, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	req.Header.Set("Accept-Encoding", "br, gzip")
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return int(n), fmt.Errorf("body cut after %d bytes: %w", n, errTruncated)
	}
	if resp.StatusCode != 200 || (resp.ContentLength >= 0 && n != resp.ContentLength) {
		return int(n), fmt.Errorf("status %d, %d of %d bytes: %w", resp.StatusCode, n, resp.ContentLength, errTruncated)
	}
	return int(n), nil
}

var errTruncated = errors.New("truncated")

func TestLoad(t *testing.T) {
	if os.Getenv("AFTERCARE_E2E") == "" {
		t.Skip("load test: set AFTERCARE_E2E=1 (make test does)")
	}
	url, cmd, _ := startBinary(t)
	if _, err := rssKB(cmd.Process.Pid); err != nil {
		t.Skipf("no memory figures here: %v", err)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 250, DisableCompression: true}}
	paths := []string{"/web/app.wasm", "/", "/check", "/guide/recovery", "/app.js"}

	// 200 concurrent connections for 10 seconds.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var done, failed, bytes atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	for w := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; ctx.Err() == nil; i++ {
				n, err := fetch(ctx, client, url+paths[i%len(paths)])
				switch {
				case err == nil:
					done.Add(1)
					bytes.Add(int64(n))
				case ctx.Err() == nil:
					failed.Add(1)
					firstErr.CompareAndSwap(nil, err)
				}
			}
		}()
	}
	// The memory at 2 s, read here on the test's goroutine while the load
	// runs, and at the end.
	select {
	case <-time.After(2 * time.Second):
	case <-ctx.Done():
	}
	rssStart, errStart := rssKB(cmd.Process.Pid)
	wg.Wait()
	rssEnd, errEnd := rssKB(cmd.Process.Pid)
	if err := errors.Join(errStart, errEnd); err != nil {
		t.Fatalf("reading the server's memory: %v", err)
	}
	t.Logf("load: %d requests (%.0f/s), %d MB, %d failed; RSS %d MB at 2 s, %d MB at 10 s",
		done.Load(), float64(done.Load())/10, bytes.Load()>>20, failed.Load(), rssStart>>10, rssEnd>>10)
	if failed.Load() > 0 {
		t.Errorf("%d requests failed under load, first: %v", failed.Load(), firstErr.Load())
	}
	if done.Load() < 200 {
		t.Errorf("only %d requests in 10 s", done.Load())
	}
	if rssStart > 0 && rssEnd > rssStart*3/2+50<<10 {
		t.Errorf("memory grew under steady load: %d MB to %d MB", rssStart>>10, rssEnd>>10)
	}

	// A client that never finishes its headers is cut off by the timeout.
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n")
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(site.ReadHeaderTimeout + 5*time.Second))
	_, err = io.ReadAll(conn)
	conn.Close()
	if took := time.Since(start); err != nil || took > site.ReadHeaderTimeout+2*time.Second {
		t.Errorf("a slow-header client was held %v (%v); the timeout is %v", took, err, site.ReadHeaderTimeout)
	}
}

// TestSIGTERMUnderLoad: SIGTERM while 100 clients download app.wasm: every
// response already started completes, the server exits 0.
func TestSIGTERMUnderLoad(t *testing.T) {
	if os.Getenv("AFTERCARE_E2E") == "" {
		t.Skip("load test: set AFTERCARE_E2E=1 (make test does)")
	}
	url, cmd, _ := startBinary(t)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 150, DisableCompression: true}}
	var done, refused, truncated atomic.Int64
	var firstCut atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				_, err := fetch(context.Background(), client, url+"/web/app.wasm")
				switch {
				case err == nil:
					done.Add(1)
				case errors.Is(err, errTruncated):
					truncated.Add(1)
					firstCut.CompareAndSwap(nil, err)
				default: // refused or closed before a response: not started
					refused.Add(1)
					time.Sleep(20 * time.Millisecond)
				}
			}
		}()
	}
	// The signal comes once responses are completing (some have started).
	for deadline := time.Now().Add(30 * time.Second); done.Load() == 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	before := done.Load()
	cmd.Process.Signal(syscall.SIGTERM)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit: %v, want 0", err)
		}
	case <-time.After(site.ShutdownTimeout + 5*time.Second):
		t.Fatal("still running past the shutdown deadline")
	}
	close(stop)
	wg.Wait()
	t.Logf("SIGTERM under load: %d complete before, %d after the signal; %d not started; %d cut", before, done.Load()-before, refused.Load(), truncated.Load())
	if truncated.Load() > 0 {
		t.Errorf("%d responses were cut by the shutdown, first: %v", truncated.Load(), firstCut.Load())
	}
	if before == 0 {
		t.Error("no request completed before the signal: the test proves nothing")
	}
}
