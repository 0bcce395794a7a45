//go:build !wasm

package rules

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestBundleRoundTrip: the browser's set (no words) with every locale's
// bundle laid over it is the full set again, as the browser has it (no
// sources, the conditions parsed); a bundle of other
// rules, of a locale the set does not list, or lacking a word changes
// nothing.
func TestBundleRoundTrip(t *testing.T) {
	full, err := Parse(compiled)
	if err != nil {
		t.Fatal(err)
	}
	es, err := full.Bundle("es")
	if err != nil {
		t.Fatal(err)
	}
	browser, err := full.BrowserJSON()
	if err != nil {
		t.Fatal(err)
	}
	// As the browser parses it: prepared, without the checks that only
	// look (they would ask for every locale).
	var small Set
	if err := json.Unmarshal(browser, &small); err != nil {
		t.Fatal(err)
	}
	if ps := small.prepare(); len(ps) > 0 {
		t.Fatal(ps)
	}
	small.source = sumOf(browser)
	if small.Has("es") || small.Has("en") {
		t.Fatal("the browser's set holds words")
	}
	other := es
	other.Sum = "0"
	if err := small.AddBundle(other); err == nil {
		t.Error("a bundle of other rules was laid over the set")
	}
	fr := es
	fr.Locale = "fr"
	if err := small.AddBundle(fr); err == nil {
		t.Error("a bundle of an unlisted locale was accepted")
	}
	short := es
	short.Words = map[string]string{"back": "Atrás"}
	if err := small.AddBundle(short); err == nil {
		t.Error("a bundle lacking words was accepted")
	}
	broken := es
	broken.Set = es.Set[:len(es.Set)/2]
	if err := small.AddBundle(broken); err == nil {
		t.Error("a bundle cut in half was accepted")
	}
	if small.Has("es") {
		t.Fatal("a refused bundle changed the set")
	}
	for _, l := range full.Locales {
		b, err := full.Bundle(l)
		if err != nil {
			t.Fatal(err)
		}
		if err := small.AddBundle(b); err != nil {
			t.Fatal(err)
		}
	}
	want, err := full.browserForm()
	if err != nil {
		t.Fatal(err)
	}
	got, err := compact(&small)
	if err != nil {
		t.Fatal(err)
	}
	if wantJSON, _ := compact(want); !small.Has("es") || !bytes.Equal(got, wantJSON) {
		t.Error("the browser's set with every bundle is not the full set as the browser has it")
	}
}
