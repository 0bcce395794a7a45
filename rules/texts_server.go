//go:build !wasm

package rules

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// What makes the bundles, on the server and for `aftercare rules build`:
// behind !wasm, since app.wasm keeps every exported method of a type it
// uses, whether it calls it or not.

// Bundle returns every text of the set in a locale, for the browser's set
// that BrowserJSON gives.
func (s *Set) Bundle(locale string) (Bundle, error) {
	browser, err := s.BrowserJSON()
	if err != nil {
		return Bundle{}, err
	}
	c, err := s.clone()
	if err != nil {
		return Bundle{}, err
	}
	c.keepOnly(locale)
	b := Bundle{Locale: locale, Sum: sumOf(browser), Words: map[string]string{}}
	for k, t := range c.Words {
		b.Words[k] = t[locale]
	}
	c.Words = nil
	var fields map[string]json.RawMessage
	if b.Set, err = compact(c); err == nil {
		err = json.Unmarshal(b.Set, &fields)
	}
	if err != nil {
		return Bundle{}, err
	}
	delete(fields, "words") // null: it would wipe the browser's words
	b.Set, err = compact(fields)
	return b, err
}

// BrowserJSON is the set as the browser carries it (browser.json): every
// text empty, for a Bundle to fill.
func (s *Set) BrowserJSON() ([]byte, error) {
	c, err := s.clone()
	if err != nil {
		return nil, err
	}
	c.keepOnly("")
	for i := range c.Flags {
		c.Flags[i].Source = "" // for the clinician, not the browser
	}
	return compact(c)
}

// JSON is the set's compact form, as rules.json holds it (`aftercare rules
// build` writes it from the YAML).
func (s *Set) JSON() ([]byte, error) { return compact(s) }

// compact is a value as rules.json writes it: no HTML escapes.
func compact(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return b.Bytes(), err
}

// clone is a deep copy of the set's data, through its JSON form.
func (s *Set) clone() (*Set, error) {
	b, err := compact(s)
	if err != nil {
		return nil, err
	}
	var c Set
	return &c, json.Unmarshal(b, &c)
}

// keepOnly drops every locale but one from each text ("": all of them).
func (s *Set) keepOnly(locale string) {
	s.eachText(func(t Text) {
		for l := range t {
			if l != locale {
				delete(t, l)
			}
		}
	})
}

// eachText calls fn with every Text of the set: its fields, lists and the
// words, but the languages' names (Names), which every set keeps whole.
func (s *Set) eachText(fn func(t Text)) {
	walkTexts(reflect.ValueOf(s).Elem(), fn)
}

func walkTexts(v reflect.Value, fn func(Text)) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() && f.Tag.Get("json") != "-" && f.Name != "Names" {
				walkTexts(v.Field(i), fn)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), fn)
		}
	case reflect.Map:
		if t, ok := v.Interface().(Text); ok {
			fn(t)
			return
		}
		for it := v.MapRange(); it.Next(); {
			walkTexts(it.Value(), fn)
		}
	}
}
