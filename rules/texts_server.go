//go:build !wasm

package rules

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// What `aftercare rules build` makes (see Build): behind !wasm, since
// app.wasm keeps every exported method of a type it uses, whether it calls
// it or not.

// WordsJSON is the words file of a locale: the set as the browser
// carries it (BrowserJSON) with that locale's texts.
func (s *Set) WordsJSON(locale string) ([]byte, error) {
	c, err := s.browserForm()
	if err != nil {
		return nil, err
	}
	c.keepOnly(locale)
	return compact(c)
}

// BrowserJSON is the set as the browser carries it (browser.json), with
// every text empty: each words file is it with one locale's texts.
func (s *Set) BrowserJSON() ([]byte, error) {
	c, err := s.browserForm()
	if err != nil {
		return nil, err
	}
	c.keepOnly("")
	return compact(c)
}

// browserForm is a copy of the set as the browser has it, every locale
// kept: no flag's source (for the clinician, not the browser), and the
// conditions parsed (Cond), so that app.wasm needs no parser.
func (s *Set) browserForm() (*Set, error) {
	c, err := s.clone()
	if err != nil {
		return nil, err
	}
	for i := range c.Flags {
		c.Flags[i].Source = ""
	}
	s.eachConds(c, func(written *[]string, parsed *[]Cond, compiled []cond) {
		*written, *parsed = nil, nil
		for _, cd := range compiled {
			*parsed = append(*parsed, cd.parsed())
		}
	})
	return c, nil
}

// eachConds calls fn with each list of conditions of c, a copy of s: as
// written, as parsed, and as s compiled them.
func (s *Set) eachConds(c *Set, fn func(written *[]string, parsed *[]Cond, compiled []cond)) {
	for i := range c.Questions {
		fn(&c.Questions[i].AskIf, &c.Questions[i].AskIfParsed, s.Questions[i].askIf)
	}
	for i := range c.Flags {
		fn(&c.Flags[i].When, &c.Flags[i].WhenParsed, s.Flags[i].when)
	}
	for i := range c.Causes {
		for j := range c.Causes[i].Points {
			fn(&c.Causes[i].Points[j].When, &c.Causes[i].Points[j].WhenParsed, s.Causes[i].Points[j].when)
		}
	}
	for i := range c.Plan.Tiers {
		fn(&c.Plan.Tiers[i].When, &c.Plan.Tiers[i].WhenParsed, s.Plan.Tiers[i].when)
	}
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
