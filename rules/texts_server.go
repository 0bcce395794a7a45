//go:build !wasm

package rules

import (
	"bytes"
	"encoding/json"
	"sort"
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
	return compact(c)
}

// compact is the set's JSON form, as rules.json holds it.
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
	s.eachText(func(_ string, t Text) {
		for l := range t {
			if l != locale {
				delete(t, l)
			}
		}
	})
}

// eachText calls fn with a name and the value of every Text of the set, in
// a fixed order: the types' fields as declared, lists in order, the words by
// key. It is written out, not reflected, to keep app.wasm small (reflect's
// walk costs 7 KB after brotli); TestEachTextSeesEveryText checks it
// against a reflected walk, so a new Text field cannot be missed.
func (s *Set) eachText(fn func(name string, t Text)) {
	c := &s.Common
	for _, t := range []Text{c.Yes, c.No, c.Unsure, c.NoneOfThe, c.NotADiagnosis, c.StartCheck} {
		fn("common", t)
	}
	options := func(name string, os []Option) {
		for _, o := range os {
			fn(name+"."+o.ID, o.Label)
		}
	}
	items := func(name string, is []Item) {
		for _, it := range is {
			fn(name, it.Title)
			fn(name, it.Body)
		}
	}
	for _, q := range s.Questions {
		fn(q.ID, q.Text)
		fn(q.ID, q.Help)
		options(q.ID, q.Options)
		fn(q.ID, q.Value)
		for _, a := range q.Anchors {
			fn(q.ID, a.Label)
		}
	}
	for _, g := range s.Groups {
		fn(g.ID, g.Label)
		fn(g.ID, g.Short)
	}
	for _, f := range s.Flags {
		fn(f.ID, f.Reason)
	}
	for _, l := range s.Levels {
		for _, t := range []Text{l.Title, l.DoNow, l.SafetyNet, l.SignsIntro} {
			fn(string(l.ID), t)
		}
	}
	for _, c := range s.Causes {
		fn(c.ID, c.Title)
		fn(c.ID, c.Explain)
		for _, p := range c.Points {
			fn(c.ID, p.Reason)
		}
	}
	p := &s.Plan
	for _, t := range p.Tiers {
		fn(t.ID, t.Title)
		fn(t.ID, t.Timeline)
	}
	items("tips", p.Tips)
	items("conventional", p.Treatments.Conventional)
	items("alternative", p.Treatments.Alternative)
	items("home", p.Treatments.Home)
	for _, t := range p.Complications {
		fn("complications", t)
	}
	items("prevention", p.Prevention)
	for _, sec := range s.Guide {
		fn(sec.ID, sec.Title)
		fn(sec.ID, sec.Intro)
		items(sec.ID, sec.Items)
		for _, t := range sec.More {
			fn(sec.ID, t)
		}
	}
	fn("diary", s.Diary.RecoveredNote)
	options("stiffness", s.Diary.Stiffness)
	options("helped", s.Diary.Helped)
	options("areas", s.Card.Areas)
	keys := make([]string, 0, len(s.Words))
	for k := range s.Words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fn(k, s.Words[k])
	}
}
