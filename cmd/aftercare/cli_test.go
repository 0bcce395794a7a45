//go:build !wasm

package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyWebDir is a web folder with only a stand-in app.wasm and the words
// files (lang/): enough for the server to start.
func tinyWebDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "lang"), os.DirFS(filepath.Join("..", "..", "web", "lang"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestServeRefusesATakenPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var stderr strings.Builder
	code := runCLI([]string{"serve", "-addr", ln.Addr().String(), "-web", tinyWebDir(t)}, &strings.Builder{}, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "address already in use") {
		t.Errorf("exit %d, stderr %q; want 1 and the bind error", code, stderr.String())
	}
}

func TestCommandLine(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStderr string
	}{
		{nil, 2, "Usage:"},
		{[]string{"nope"}, 2, `unknown command "nope" (known: serve, static, rules, triage, compress, version, help)`},
		{[]string{"serve", "-bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "-addr", "127.0.0.1:0", "-web", "/does/not/exist"}, 1, "aftercare: reading assets"},
		{[]string{"serve", "-addr", "127.0.0.1:0", "-base-url", "example.org"}, 1, `base URL "example.org": want an absolute http or https URL`},
		{[]string{"help"}, 0, ""},
		// Every command reads its flags the same way (Main.flags).
		{[]string{"triage", "-bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"compress", "-bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"rules", "questions", "-bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"rules", "questions", "extra"}, 2, `aftercare rules questions: unexpected argument "extra"`},
		{[]string{"triage", "-h"}, 0, "-lang string"},
		{[]string{"compress", "-h"}, 0, "Usage of compress"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr strings.Builder
			code := runCLI(tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.inStderr) {
				t.Errorf("aftercare %v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr.String(), tt.code, tt.inStderr)
			}
		})
	}
}

func TestAddrFromEnvironment(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	t.Setenv("ADDR", ln.Addr().String())
	var stderr strings.Builder
	// The port from ADDR is taken, so serve must fail on exactly that address.
	if code := runCLI([]string{"serve", "-web", tinyWebDir(t)}, &strings.Builder{}, &stderr); code != 1 || !strings.Contains(stderr.String(), ln.Addr().String()) {
		t.Errorf("exit %d, stderr %q; want a bind error on %s", code, stderr.String(), ln.Addr())
	}
}

func TestDisplayAddr(t *testing.T) {
	for _, tt := range []struct{ asked, bound, want string }{
		{"localhost:8080", "127.0.0.1:8080", "localhost:8080"},
		{"127.0.0.1:0", "127.0.0.1:41234", "127.0.0.1:41234"},
		{":8080", "[::]:8080", "localhost:8080"},
		{"0.0.0.0:80", "0.0.0.0:80", "localhost:80"},
		{"[::1]:8080", "[::1]:8080", "[::1]:8080"},
	} {
		t.Run(tt.asked+" "+tt.bound, func(t *testing.T) {
			if got := displayAddr(tt.asked, tt.bound); got != tt.want {
				t.Errorf("displayAddr(%q, %q) = %q, want %q", tt.asked, tt.bound, got, tt.want)
			}
		})
	}
}

// TestRulesBuildWritesEveryFile: `aftercare rules build` writes rules.json,
// browser.json beside it and each language's words file, the very files
// `go generate ./rules` wrote into the repository (the server serves the
// words files as they are); run again, it says they are up to date.
func TestRulesBuildWritesEveryFile(t *testing.T) {
	dir := t.TempDir()
	args := []string{"rules", "build", "-o", filepath.Join(dir, "rules.json"), "-words", filepath.Join(dir, "lang")}
	for _, want := range []string{"wrote ", "is up to date with rules/data"} {
		var stdout, stderr strings.Builder
		if code := runCLI(args, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), want) {
			t.Fatalf("exit %d, stdout %q, stderr %q; want %q", code, stdout.String(), stderr.String(), want)
		}
	}
	for built, repo := range map[string]string{
		"rules.json":   "rules/rules.json",
		"browser.json": "rules/browser.json",
		"lang/en.json": "web/lang/en.json",
		"lang/es.json": "web/lang/es.json",
	} {
		got, err := os.ReadFile(filepath.Join(dir, built))
		want, _ := os.ReadFile(filepath.Join("..", "..", repo))
		if err != nil || len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("%s: not what go generate ./rules wrote into %s (%v)", built, repo, err)
		}
	}
}

// runCLI runs the program as a test: no stdin, these streams.
func runCLI(args []string, stdout, stderr *strings.Builder) int {
	m := &Main{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr}
	return m.Run(context.Background(), args)
}
