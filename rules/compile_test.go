//go:build !wasm

package rules

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestBrowserCompileIsTheSame: the set the browser prepares (compile
// without the checks that only look) is the set the full compile gives, so
// leaving those checks out of app.wasm changes nothing it evaluates.
func TestBrowserCompileIsTheSame(t *testing.T) {
	var full, browser Set
	for _, s := range []*Set{&full, &browser} {
		if err := json.Unmarshal(compiled, s); err != nil {
			t.Fatal(err)
		}
	}
	if ps := full.prepare(); len(ps) > 0 {
		t.Fatal(ps)
	}
	if ps := full.checkOnly(); len(ps) > 0 {
		t.Fatal(ps)
	}
	if ps := browser.prepare(); len(ps) > 0 {
		t.Fatal(ps)
	}
	if !reflect.DeepEqual(full, browser) {
		t.Error("the checks the browser leaves out changed the set")
	}
	if len(browser.Diary.RedFlags) == 0 || browser.Question(QuestionPain) == nil {
		t.Error("the browser's set is not prepared")
	}
}
