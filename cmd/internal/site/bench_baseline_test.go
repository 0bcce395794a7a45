package site

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestBenchBaseline is the cold-load comparison of `make bench
// BASELINE=DIR`: DIR is a checkout of an earlier build (say this morning's
// main: `git worktree add DIR COMMIT && make -C DIR server`), and its
// bin/aftercare serves beside this one's, each loaded cold on the phone
// profile (Slow 4G, 4x slower CPU) in turns (each first in turn), a few
// rounds, in one run, first with DevTools' network emulation alone, then
// through a link the page and its service worker share (sharedLink). It
// prints the medians and the app-ready time as a share of the baseline's.
func TestBenchBaseline(t *testing.T) {
	base := os.Getenv("AFTERCARE_BASELINE")
	if os.Getenv("AFTERCARE_BENCH") == "" || base == "" {
		t.Skip("set AFTERCARE_BENCH=1 and AFTERCARE_BASELINE=DIR (make bench BASELINE=DIR does)")
	}
	needE2E(t)
	here, _ := filepath.Abs(filepath.Join("..", "..", ".."))
	base, _ = filepath.Abs(base)
	builds := []struct{ name, dir string }{{"baseline", base}, {"this build", here}}
	for _, b := range builds {
		if _, err := os.Stat(filepath.Join(b.dir, "bin", "aftercare")); err != nil {
			t.Fatalf("%s: %v (make server builds it)", b.name, err)
		}
	}
	const rounds = 3
	// Two ways of slowing the network: DevTools' emulation alone, which
	// leaves the service worker's downloads at full speed, and a link the
	// page and its worker share (sharedLink), as on a phone; there the
	// page's requests keep the emulation too (its latency, the same rate).
	for _, link := range []string{"DevTools emulation", "shared link"} {
		for _, page := range []string{"/check", "/check?start=1"} {
			baselineRun(t, builds, page, link, rounds)
		}
	}
}

// baselineRun loads page cold from each build rounds times, through the
// link, and prints the medians.
func baselineRun(t *testing.T, builds []struct{ name, dir string }, page, link string, rounds int) {
	got := make([][]coldResult, len(builds))
	for r := range rounds {
		for k := range builds {
			i := (k + r) % len(builds) // each goes first in turn
			b := builds[i]
			addr, stop := serveBinary(t, b.dir, filepath.Join(b.dir, "bin", "aftercare"), "serve")
			if link == "shared link" {
				addr = sharedLink(t, addr, slow4G)
			}
			got[i] = append(got[i], coldLoad(t, "http://"+addr+page, appReady, stop))
			stop()
		}
	}
	fmt.Printf("\n| cold load of %s, Slow 4G (%s), 4x slower CPU, median of %d | first paint | text readable | a question readable | app ready |\n|---|---|---|---|---|\n", page, link, rounds)
	var ready [2]time.Duration
	for i, b := range builds {
		at := func(f func(c coldResult) time.Duration) string {
			if d := median(got[i], f); d > 0 {
				return fmt.Sprintf("%.2f s", d.Seconds())
			}
			return "none"
		}
		ready[i] = median(got[i], func(c coldResult) time.Duration { return c.ready })
		fmt.Printf("| %s | %s | %s | %s | %.2f s |\n", b.name, at(func(c coldResult) time.Duration { return c.paint }),
			at(func(c coldResult) time.Duration { return c.readable }), at(func(c coldResult) time.Duration { return c.question }), ready[i].Seconds())
	}
	fmt.Printf("\napp ready, this build / baseline: %.2fx\n", ready[1].Seconds()/ready[0].Seconds())
}

// median is the middle of the loads' figure f (a load that never got
// there counts as 0).
func median(cs []coldResult, f func(coldResult) time.Duration) time.Duration {
	ds := make([]time.Duration, len(cs))
	for i, c := range cs {
		ds[i] = f(c)
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}
