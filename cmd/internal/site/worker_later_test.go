package site

import (
	"strings"
	"testing"
)

// TestAppJSRegistersTheWorkerLater: the app.js served (and exported)
// starts app.wasm at once but registers the worker only through
// aftercareRegisterWorkerWhenReady, so a go-app whose app.js no longer has
// the call workerLater edits fails here.
func TestAppJSRegistersTheWorkerLater(t *testing.T) {
	js := get(t, newTestSite(t, fakeWebDir(t)).Handler(quietLogger), "GET", "/app.js", nil).Body.String()
	if strings.Contains(js, registerNow) || !strings.Contains(js, "\naftercareRegisterWorkerWhenReady();\n") || !strings.Contains(js, "\ngoappInitWebAssembly();\n") {
		t.Errorf("app.js still registers the worker first thing:\n%s", js[:min(len(js), 1200)])
	}
}
