package site

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMakeE2ERunsEveryTest: make e2e picks the browser tests by the
// environment, not by their names: it sets AFTERCARE_E2E=1 and passes no
// -run pattern, for every package whose tests read it (this one too), so a
// new browser test runs whatever it is called.
func TestMakeE2ERunsEveryTest(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make here")
	}
	cmd := exec.Command("make", "-s", "-n", "e2e")
	cmd.Dir = filepath.Join("..", "..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("make -n e2e: %v", err)
	}
	recipe := string(out)
	if !strings.Contains(recipe, e2eEnv+"=1 ") || strings.Contains(recipe, "-run") {
		t.Errorf("make e2e does not run every test with %s=1:\n%s", e2eEnv, recipe)
	}
	for _, pkg := range []string{"./cmd/internal/site", "./cmd/aftercare"} {
		if !strings.Contains(recipe, " "+pkg+" ") {
			t.Errorf("make e2e leaves out %s:\n%s", pkg, recipe)
		}
	}
}

// TestLintUsesThePinnedTool: staticcheck is pinned by go.mod's tool
// directive and make lint runs that one (go tool), for the server and, built
// for this machine, for the browser build.
func TestLintUsesThePinnedTool(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make here")
	}
	root := filepath.Join("..", "..", "..")
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mod), "\ntool honnef.co/go/tools/cmd/staticcheck\n") {
		t.Error("go.mod does not pin staticcheck with a tool directive")
	}
	cmd := exec.Command("make", "-s", "-n", "lint")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("make -n lint: %v", err)
	}
	recipe := string(out)
	if !strings.Contains(recipe, "go tool staticcheck ./...") || !strings.Contains(recipe, "GOOS=js GOARCH=wasm $(go tool -n staticcheck) ") {
		t.Errorf("make lint does not run the pinned staticcheck for both builds:\n%s", recipe)
	}
}
