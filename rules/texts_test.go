//go:build !wasm

package rules

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestBundleRoundTrip: the browser's set (no words) with every locale's
// bundle laid over it is the full set again; a bundle of other
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
	small.source, full.source = "", ""
	if !small.Has("es") || !reflect.DeepEqual(&small, full) {
		t.Error("the browser's set with the Spanish bundle is not the full set")
	}
}

// TestEachTextSeesEveryText: the written-out walk sees every Text of the
// set that a reflected walk finds, as often (a yes/no option shares the
// common Yes and No), but the languages' names, which stay in every set.
func TestEachTextSeesEveryText(t *testing.T) {
	set := defaultSet(t)
	seen := map[uintptr]int{}
	set.eachText(func(_ string, tx Text) {
		if tx != nil {
			seen[reflect.ValueOf(tx).Pointer()]++
		}
	})
	found := map[uintptr]int{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if f := v.Type().Field(i); f.IsExported() && f.Tag.Get("json") != "-" && f.Name != "Names" {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			if v.Type() == reflect.TypeFor[Text]() {
				if !v.IsNil() {
					found[v.Pointer()]++
				}
				return
			}
			if v.Type().Elem() == reflect.TypeFor[Text]() {
				for _, k := range v.MapKeys() {
					walk(v.MapIndex(k))
				}
			}
		}
	}
	walk(reflect.ValueOf(set).Elem())
	if len(found) < 600 || !reflect.DeepEqual(seen, found) {
		t.Errorf("eachText sees %d texts, the set has %d", len(seen), len(found))
	}
}
