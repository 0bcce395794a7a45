//go:build !wasm

package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"aftercare/cmd/internal/site"
)

// TestBinaryDrainsOnSignal builds the real program, serves, and sends it
// SIGTERM and SIGINT: each time it must stop within the deadline and exit 0.
func TestBinaryDrainsOnSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "aftercare")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	web := tinyWebDir(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0", "-web", web)
		stderr, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stderr)
		var url string
		for url == "" && lines.Scan() {
			var rec struct{ Msg, URL string }
			if json.Unmarshal(lines.Bytes(), &rec) == nil && rec.Msg == "serving" {
				url = rec.URL
			}
		}
		if url == "" {
			cmd.Process.Kill()
			t.Fatal("no structured \"serving\" log line")
		}
		resp, err := http.Get(url + "/healthz")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET /healthz: %v %v", resp, err)
		}
		resp.Body.Close()

		cmd.Process.Signal(sig)
		stopped := make(chan bool, 1)
		go func() {
			seen := false
			for lines.Scan() {
				var rec struct{ Msg string }
				if json.Unmarshal(lines.Bytes(), &rec) == nil && rec.Msg == "stopped" {
					seen = true
				}
			}
			stopped <- seen
		}()
		select {
		case seen := <-stopped: // stderr closed: the process has exited
			if err := cmd.Wait(); err != nil {
				t.Errorf("%v: exit %v, want 0", sig, err)
			}
			if !seen {
				t.Errorf("%v: no \"stopped\" log line", sig)
			}
		case <-time.After(site.ShutdownTimeout + 5*time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v: still running past the shutdown deadline", sig)
		}
	}
}
