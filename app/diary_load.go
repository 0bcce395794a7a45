package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Reading the diary back from the device. What is stored is checked as a
// backup is (it may have been changed by hand, or the clock moved): what
// does not check out is kept aside, unchanged, never dropped or trusted.

// laterWhat marks entries kept aside because they are dated after the
// device's date (and a day): they come back on a later load, once their
// day has come, if that day has no entry by then.
const laterWhat = "diary entries dated after this device's date"

// asideRecord is one piece of data kept aside.
type asideRecord struct {
	What string `json:"what"`
	Data string `json:"data"`
	Kept string `json:"kept"`
}

// diaryFields are the fields of a stored diary (diaryDoc).
var diaryFields = []string{"version", "diary", "entries"}

// load reads a stored diary, migrating old versions and keeping aside
// whatever does not check out.
func (s *diaryStore) load(raw string) {
	fields, why := s.readFields(raw)
	if why != "" {
		s.putAside(why, raw, true)
		return
	}
	var info *diaryInfo
	if strictJSON(fields["diary"], &info) != nil || (info != nil && s.checkInfo(*info) != nil) {
		s.putAside("diary with an unreadable start", raw, true)
		return
	}
	var items []json.RawMessage
	if len(fields["entries"]) > 0 && json.Unmarshal(fields["entries"], &items) != nil {
		s.putAside("diary with unreadable entries", raw, true)
		return
	}
	if info == nil && len(items) > 0 {
		s.putAside("diary entries without a diary start", raw, true)
		return
	}
	doc := diaryDoc{Version: diaryVersion, Diary: info}
	var bad, later []json.RawMessage
	for _, it := range items {
		var e diaryItem
		switch {
		case strictJSON(it, &e) != nil || s.checkItemTo(e, info, "") != nil || doc.find(e.Date) >= 0 || len(doc.Entries) >= maxEntries:
			bad = append(bad, it)
		case s.checkItem(e, info) != nil: // a valid entry, on a day still to come
			later = append(later, it)
		default:
			doc.Entries = append(doc.Entries, e)
		}
	}
	doc.sort()
	s.doc = doc
	kept := s.putAsideList("diary entries that could not be read", bad) && s.putAsideList(laterWhat, later)
	if kept && len(bad)+len(later) > 0 {
		s.save() // the readable part, now that the rest is safe aside
	}
}

// readFields parses a stored diary and brings it up to this version; why
// it cannot be read, or "".
func (s *diaryStore) readFields(raw string) (fields map[string]json.RawMessage, why string) {
	if err := json.Unmarshal([]byte(raw), &fields); err != nil || fields == nil {
		return nil, "unreadable diary"
	}
	for k := range fields {
		if !slices.Contains(diaryFields, k) {
			return nil, "diary with a field this app does not know"
		}
	}
	var v int
	json.Unmarshal(fields["version"], &v)
	if v < 1 || v > diaryVersion {
		return nil, fmt.Sprintf("diary of unknown version %d", v)
	}
	for ; v < diaryVersion; v++ {
		if err := migrations[v](s.set, fields); err != nil {
			return nil, fmt.Sprintf("diary that could not be updated from version %d", v)
		}
	}
	return fields, ""
}

// strictJSON decodes one JSON value that has only the fields of v.
func strictJSON(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one value")
	}
	return nil
}

// putAsideList keeps a list of entries aside, if there is any; it
// reports whether they are safe.
func (s *diaryStore) putAsideList(what string, items []json.RawMessage) bool {
	if len(items) == 0 {
		return true
	}
	b, _ := json.Marshal(items)
	return s.putAside(what, string(b), false)
}

// putAside keeps data the store cannot use under a key of its own; whole
// when it is the stored diary itself, which then leaves its place. It
// reports whether the data is safe aside.
func (s *diaryStore) putAside(what, raw string, whole bool) bool {
	now := time.Now()
	key := fmt.Sprintf("%s%d", asidePrefix, now.UnixNano())
	for n := 1; ; n++ { // two in the same tick of a coarse clock
		if _, ok, _ := s.kv.Get(key); !ok {
			break
		}
		key = fmt.Sprintf("%s%d.%d", asidePrefix, now.UnixNano(), n)
	}
	body, _ := json.Marshal(asideRecord{What: what, Data: raw, Kept: now.UTC().Format(time.RFC3339)})
	if err := s.kv.Set(key, string(body)); err != nil {
		// Cannot write it aside: leave the original where it is.
		s.problem = s.l.say("aside_failed")
		return false
	}
	if whole {
		s.kv.Del(diaryKey) // kept aside now: the next load must not keep it again
	}
	return true
}

// bringBack returns entries kept aside for a day still to come, once it
// has come, and their day has no entry; the diary is saved with them
// before they leave their place aside.
func (s *diaryStore) bringBack() {
	if s.doc.Diary == nil {
		return
	}
	for _, k := range s.asideKeys() {
		rec, items, ok := s.laterRecord(k)
		if !ok {
			continue
		}
		next := s.doc
		next.Entries = slices.Clone(s.doc.Entries)
		var left []json.RawMessage
		for _, it := range items {
			var e diaryItem
			if strictJSON(it, &e) != nil || s.checkItem(e, next.Diary) != nil || next.find(e.Date) >= 0 || len(next.Entries) >= maxEntries {
				left = append(left, it)
				continue
			}
			next.Entries = append(next.Entries, e)
		}
		if len(left) == len(items) {
			continue
		}
		next.sort()
		if s.saveDoc(next) != nil {
			return // the entries stay aside, safe
		}
		s.doc = next
		if len(left) == 0 {
			s.kv.Del(k)
			continue
		}
		b, _ := json.Marshal(left)
		rec.Data = string(b)
		body, _ := json.Marshal(rec)
		s.kv.Set(k, string(body))
	}
}

// laterRecord reads a record of entries kept aside for a day to come.
func (s *diaryStore) laterRecord(key string) (rec asideRecord, items []json.RawMessage, ok bool) {
	v, found, err := s.kv.Get(key)
	if err != nil || !found || json.Unmarshal([]byte(v), &rec) != nil || rec.What != laterWhat {
		return rec, nil, false
	}
	if json.Unmarshal([]byte(rec.Data), &items) != nil {
		return rec, nil, false
	}
	return rec, items, true
}

func (s *diaryStore) asideKeys() []string {
	keys, err := s.kv.Keys()
	if err != nil {
		return nil
	}
	var aside []string
	for _, k := range keys {
		if strings.HasPrefix(k, asidePrefix) {
			aside = append(aside, k)
		}
	}
	sort.Strings(aside)
	return aside
}

// findAside lists the keys kept aside, and counts the entries among them
// that wait for a day still to come (later); unreadable is set when any
// other data is aside.
func (s *diaryStore) findAside() {
	s.aside, s.later, s.unreadable = s.asideKeys(), 0, false
	for _, k := range s.aside {
		_, items, ok := s.laterRecord(k)
		waiting := 0
		for _, it := range items {
			var e struct{ Date string }
			if json.Unmarshal(it, &e) == nil && e.Date > s.latest() {
				waiting++
			}
		}
		if !ok || waiting < len(items) {
			s.unreadable = true
		}
		s.later += waiting
	}
}

// asideData returns everything kept aside, for the person to download.
func (s *diaryStore) asideData() []byte {
	var all []json.RawMessage
	for _, k := range s.aside {
		if v, ok, err := s.kv.Get(k); err == nil && ok {
			all = append(all, json.RawMessage(v))
		}
	}
	b, _ := json.MarshalIndent(all, "", "  ")
	return b
}
