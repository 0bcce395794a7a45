package site

import (
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
