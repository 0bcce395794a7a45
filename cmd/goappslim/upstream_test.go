//go:build !wasm

package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "write upstream.patch anew from goappslim's edits")

// upstreamHeader opens upstream.patch; git apply reads past it.
const upstreamHeader = `A patch to go-app v10.1.11 (github.com/maxence-charriere/go-app), from
the root of its module: ` + "`git apply upstream.patch`" + `. It is what cmd/goappslim
does to its copy of go-app for this project's browser build, as one change
that could be proposed upstream:

1. http.go and the server's resource resolvers in resource.go get
   //go:build !wasm, the client's resolver moves to resource_client.go, and
   wasm.go loses its stub of GenerateStaticWebsite (which names *Handler):
   app.wasm then links no net/http, crypto/tls, x509 or math/big.
2. The router matches a RouteWithRegexp pattern as a literal prefix
   ("^/es/"), without regexp, and refuses any other pattern.
3. Context's Encrypt and Decrypt fail (no AES), and ids are version 4 UUIDs
   from math/rand/v2 rather than github.com/google/uuid.

The first is a fix any go-app user gains from; the other two take features
away, so upstream they would sit behind a build tag or an option. Written
by ` + "`go test ./cmd/goappslim -run TestUpstreamPatch -args -update`" + `.

`

// TestUpstreamPatch: upstream.patch, applied to go-app as published with
// git apply, gives the very files goappslim writes.
func TestUpstreamPatch(t *testing.T) {
	src, _, err := download("go", module)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	old, slimmed := filepath.Join(tmp, "old"), filepath.Join(tmp, "new")
	for _, dir := range []string{old, slimmed} {
		if err := copyModule(src, dir); err != nil {
			t.Fatal(err)
		}
	}
	if err := slim(filepath.Join(slimmed, "pkg", "app")); err != nil {
		t.Fatal(err)
	}
	if *update {
		writePatch(t, tmp)
	}
	apply := exec.Command("git", "apply", upstreamPatch(t))
	apply.Dir = old
	if out, err := apply.CombinedOutput(); err != nil {
		t.Fatalf("git apply upstream.patch: %v\n%s(go test ./cmd/goappslim -run TestUpstreamPatch -args -update writes it anew)", err, out)
	}
	diff := exec.Command("git", "diff", "--no-index", "--stat", "old", "new")
	diff.Dir = tmp
	if out, err := diff.CombinedOutput(); err != nil {
		t.Errorf("upstream.patch does not make goappslim's edits: %v\n%s(go test ./cmd/goappslim -run TestUpstreamPatch -args -update writes it anew)", err, out)
	}
}

// writePatch writes upstream.patch: the difference of tmp/old and tmp/new,
// with paths from the module's root.
func writePatch(t *testing.T, tmp string) {
	cmd := exec.Command("git", "diff", "--no-index", "--src-prefix=a/", "--dst-prefix=b/", "old", "new")
	cmd.Dir = tmp
	out, err := cmd.Output()
	if ee := (*exec.ExitError)(nil); err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		t.Fatalf("git diff: %v", err)
	}
	for _, dir := range []string{" a/old/", " a/new/", " b/new/"} {
		out = bytes.ReplaceAll(out, []byte(dir), []byte(dir[:3]))
	}
	if !bytes.Contains(out, []byte("+++ b/pkg/app/http.go")) {
		t.Fatalf("the patch does not hold http.go:\n%s", out)
	}
	if err := os.WriteFile(upstreamPatch(t), append([]byte(upstreamHeader), out...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// upstreamPatch is the patch file's path.
func upstreamPatch(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs("upstream.patch")
	if err != nil {
		t.Fatal(err)
	}
	return path
}
