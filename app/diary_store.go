package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"aftercare/rules"
)

// kv is the browser's localStorage as the diary uses it. The browser one
// lives in storage_wasm.go; tests use a map.
type kv interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Del(key string) error
	Keys() ([]string, error)
}

const (
	diaryKey     = "aftercare.diary"
	asidePrefix  = "aftercare.aside."
	diaryVersion = 2 // the version of diaryDoc; see migrations
	maxNote      = 280
	dateLayout   = "2006-01-02"
)

// migrations turn a stored diary of version v into version v+1; a store of
// version v > 1 must add migrations[v-1], and TestDiaryMigrations checks
// that every earlier version has one.
var migrations = map[int]func(set *rules.Set, doc map[string]json.RawMessage) error{
	1: migrateRedFlags,
}

// migrateRedFlags renames the ticked signs of every entry, from version 1's
// own daily warning signs to the groups of the check's red flags that
// replaced them (the rules' diary.v1_signs); an unknown one is left as it
// is, so the entry is kept aside rather than changed.
func migrateRedFlags(set *rules.Set, doc map[string]json.RawMessage) error {
	if len(doc["entries"]) == 0 {
		return nil
	}
	var entries []map[string]json.RawMessage
	if err := json.Unmarshal(doc["entries"], &entries); err != nil {
		return err
	}
	for _, e := range entries {
		var old []string
		if len(e["red_flags"]) == 0 || json.Unmarshal(e["red_flags"], &old) != nil {
			continue
		}
		renamed := []string{}
		for _, id := range old {
			if ids, ok := set.Diary.V1Signs[id]; ok {
				renamed = append(renamed, ids...)
			} else {
				renamed = append(renamed, id)
			}
		}
		b, _ := json.Marshal(renamed)
		e["red_flags"] = b
	}
	b, err := json.Marshal(entries)
	if err != nil {
		return err
	}
	doc["entries"] = b
	return nil
}

// diaryDoc is everything the diary keeps on the device, in one JSON value.
type diaryDoc struct {
	Version int         `json:"version"`
	Diary   *diaryInfo  `json:"diary"`
	Entries []diaryItem `json:"entries"`
}

// diaryInfo is the diary's start: carried over from a check, or entered.
type diaryInfo struct {
	MassageDate string `json:"massage_date"` // YYYY-MM-DD
	Tier        string `json:"tier"`         // the rules' severity tier
	Level       string `json:"level,omitempty"`
	Started     string `json:"started"`
	// From a clinic's aftercare card: the areas worked and the therapist's
	// note, kept with the diary and printed on its summary.
	Areas []string `json:"areas,omitempty"`
	Note  string   `json:"card_note,omitempty"`
}

// diaryItem is one day's check-in.
type diaryItem struct {
	Date      string   `json:"date"` // YYYY-MM-DD, one entry per day
	Pain      int      `json:"pain"`
	Stiffness string   `json:"stiffness"`
	RedFlags  []string `json:"red_flags"`
	Helped    []string `json:"helped"`
	Note      string   `json:"note,omitempty"`
}

// diaryStore loads, checks and saves the diary. Nothing is ever dropped:
// data it cannot read is kept aside, unchanged, under its own key, and the
// person is told and can download it.
type diaryStore struct {
	l       lang // the language of its messages
	kv      kv
	set     *rules.Set
	doc     diaryDoc
	aside   []string // keys of data kept aside
	problem string   // why saving fails: "", or a sentence for the person
	today   string   // YYYY-MM-DD on the device: no entry or massage after it
}

// Limits that keep a hostile or broken file from freezing the page: a
// year of daily entries, and the size of a backup.
const (
	maxEntries     = 400
	maxBackupBytes = 1 << 20
	maxDiaryDays   = 366 // a massage this many days ago or less
)

func openDiary(l lang, store kv, set *rules.Set) *diaryStore {
	return openDiaryOn(l, store, set, localToday())
}

// openDiaryOn opens the diary as it stands on a given day (YYYY-MM-DD).
func openDiaryOn(l lang, store kv, set *rules.Set, today string) *diaryStore {
	s := &diaryStore{kv: store, set: set, doc: diaryDoc{Version: diaryVersion}, today: today}
	raw, ok, err := store.Get(diaryKey)
	switch {
	case err != nil:
		s.problem = l.say("diary_unreadable")
	case ok:
		s.load(raw)
	}
	s.findAside()
	return s
}

// load reads a stored diary, migrating old versions and keeping aside
// whatever does not check out.
func (s *diaryStore) load(raw string) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &fields); err != nil {
		s.putAside("unreadable diary", raw)
		return
	}
	var v int
	json.Unmarshal(fields["version"], &v)
	if v < 1 || v > diaryVersion {
		s.putAside(fmt.Sprintf("diary of unknown version %d", v), raw)
		return
	}
	for ; v < diaryVersion; v++ {
		if err := migrations[v](s.set, fields); err != nil {
			s.putAside(fmt.Sprintf("diary that could not be updated from version %d", v), raw)
			return
		}
	}
	var info *diaryInfo
	if err := json.Unmarshal(fields["diary"], &info); err != nil || (info != nil && s.checkInfo(*info) != nil) {
		s.putAside("diary with an unreadable start", raw)
		return
	}
	var items []json.RawMessage
	if len(fields["entries"]) > 0 && json.Unmarshal(fields["entries"], &items) != nil {
		s.putAside("diary with unreadable entries", raw)
		return
	}
	doc := diaryDoc{Version: diaryVersion, Diary: info}
	var bad []json.RawMessage
	seen := map[string]bool{}
	for _, it := range items {
		var e diaryItem
		if json.Unmarshal(it, &e) != nil || s.checkItem(e, info) != nil || seen[e.Date] || len(doc.Entries) >= maxEntries {
			bad = append(bad, it)
			continue
		}
		seen[e.Date] = true
		doc.Entries = append(doc.Entries, e)
	}
	if len(bad) > 0 {
		b, _ := json.Marshal(bad)
		s.putAside("diary entries that could not be read", string(b))
	}
	doc.sort()
	s.doc = doc
	if len(bad) > 0 {
		s.save() // the readable part, now that the rest is safe aside
	}
}

// putAside keeps data the store cannot use under a key of its own.
func (s *diaryStore) putAside(what, raw string) {
	l := s.l
	key := fmt.Sprintf("%s%d", asidePrefix, time.Now().UnixNano())
	body, _ := json.Marshal(map[string]string{"what": what, "data": raw, "kept": time.Now().UTC().Format(time.RFC3339)})
	if err := s.kv.Set(key, string(body)); err != nil {
		// Cannot write it aside: leave the original where it is.
		s.problem = l.say("aside_failed")
		return
	}
	s.kv.Del(diaryKey) // kept aside now: the next load must not keep it again
}

func (s *diaryStore) findAside() {
	keys, err := s.kv.Keys()
	if err != nil {
		return
	}
	s.aside = nil
	for _, k := range keys {
		if strings.HasPrefix(k, asidePrefix) {
			s.aside = append(s.aside, k)
		}
	}
	sort.Strings(s.aside)
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

// errNotSaved means the change is made, in memory, but the device would
// not keep it (storage full or blocked); other errors mean nothing changed.
var errNotSaved = errors.New("not saved on this device")

func (s *diaryStore) save() error {
	l := s.l
	b, err := json.Marshal(s.doc)
	if err != nil {
		return err
	}
	if err := s.kv.Set(diaryKey, string(b)); err != nil {
		s.problem = l.say("diary_not_saved")
		return fmt.Errorf("%w: %v", errNotSaved, err)
	}
	s.problem = ""
	return nil
}

func (s *diaryStore) start(info diaryInfo) error {
	if err := s.checkInfo(info); err != nil {
		return err
	}
	s.doc.Diary = &info
	return s.save()
}

// put adds the day's entry, or replaces the entry of that day.
func (s *diaryStore) put(e diaryItem) error {
	if s.doc.Diary == nil {
		return s.l.problemAt("diary", "start_first")
	}
	if err := s.checkItem(e, s.doc.Diary); err != nil {
		return err
	}
	if i := s.doc.find(e.Date); i >= 0 {
		s.doc.Entries[i] = e
	} else if len(s.doc.Entries) >= maxEntries {
		return s.l.problemAt("entries", "diary_full", "n", strconv.Itoa(maxEntries))
	} else {
		s.doc.Entries = append(s.doc.Entries, e)
	}
	s.doc.sort()
	return s.save()
}

// deleteAll removes everything Aftercare stored on the device.
func (s *diaryStore) deleteAll() error {
	keys, err := s.kv.Keys()
	if err != nil {
		return err
	}
	for _, k := range keys {
		if strings.HasPrefix(k, "aftercare.") {
			if err := s.kv.Del(k); err != nil {
				return err
			}
		}
	}
	s.doc, s.aside = diaryDoc{Version: diaryVersion}, nil
	return nil
}

// exportJSON is a full backup.
func (s *diaryStore) exportJSON() []byte {
	b, _ := json.MarshalIndent(s.doc, "", "  ")
	return append(b, '\n')
}

// exportCSV is the entries as a table.
func (s *diaryStore) exportCSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"date", "days_since_massage", "pain", "stiffness", "new_red_flags", "helped", "note"})
	for _, e := range s.doc.Entries {
		w.Write([]string{e.Date, strconv.Itoa(s.dayOf(e.Date)), strconv.Itoa(e.Pain), e.Stiffness,
			strings.Join(e.RedFlags, ";"), strings.Join(e.Helped, ";"), csvText(e.Note)})
	}
	w.Flush()
	return b.Bytes()
}

// csvText keeps a spreadsheet from reading free text as a formula: a cell
// that starts with = + - @, a tab or a carriage return gets a ' first.
func csvText(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

// importJSON merges a backup: the whole file is checked first, and a bad
// file changes nothing. Days already in the diary keep what is here.
func (s *diaryStore) importJSON(data []byte) (added, kept int, err error) {
	notBackup := s.l.problemAt("", "not_a_backup")
	if len(data) > maxBackupBytes {
		return 0, 0, s.l.problemAt("", "backup_too_big", "kb", strconv.Itoa(len(data)>>10))
	}
	// A backup from an older version is brought up to date first, as a
	// stored diary is.
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return 0, 0, notBackup
	}
	var v int
	if json.Unmarshal(fields["version"], &v) != nil || v < 1 || v > diaryVersion {
		return 0, 0, s.l.problemAt("version", "backup_version", "v", strconv.Itoa(v))
	}
	for ; v < diaryVersion; v++ {
		if migrations[v](s.set, fields) != nil {
			return 0, 0, notBackup
		}
		fields["version"] = json.RawMessage(strconv.Itoa(v + 1))
	}
	if data, err = json.Marshal(fields); err != nil {
		return 0, 0, notBackup
	}
	var doc diaryDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if dec.Decode(&doc) != nil || dec.More() {
		return 0, 0, notBackup
	}
	if doc.Diary != nil {
		if err := s.checkInfo(*doc.Diary); err != nil {
			return 0, 0, s.l.problemAt("diary", "backup_start_bad", "why", plainWords(err))
		}
	}
	// The entries must fit the diary they will join: this one, or the
	// backup's own start when there is none here yet.
	start := s.doc.Diary
	if start == nil {
		start = doc.Diary
	}
	if len(doc.Entries)+len(s.doc.Entries) > maxEntries {
		return 0, 0, s.l.problemAt("entries", "backup_too_many", "n", strconv.Itoa(len(doc.Entries)), "max", strconv.Itoa(maxEntries))
	}
	seen := map[string]bool{}
	for i, e := range doc.Entries {
		if err := s.checkItem(e, start); err != nil {
			return 0, 0, s.l.problemAt(fmt.Sprintf("entries[%d]", i), "backup_entry_bad", "n", strconv.Itoa(i+1), "why", plainWords(err))
		}
		if seen[e.Date] {
			return 0, 0, s.l.problemAt(fmt.Sprintf("entries[%d].date", i), "backup_two_entries", "date", e.Date)
		}
		seen[e.Date] = true
	}
	if s.doc.Diary == nil && doc.Diary != nil {
		s.doc.Diary = doc.Diary
	}
	if s.doc.Diary == nil && len(doc.Entries) > 0 {
		return 0, 0, s.l.problemAt("diary", "backup_no_start")
	}
	here := map[string]bool{}
	for _, e := range s.doc.Entries {
		here[e.Date] = true
	}
	for _, e := range doc.Entries {
		if here[e.Date] {
			kept++
			continue
		}
		s.doc.Entries = append(s.doc.Entries, e)
		added++
	}
	s.doc.sort()
	return added, kept, s.save()
}

func (s *diaryStore) checkInfo(in diaryInfo) error {
	m, err := time.Parse(dateLayout, in.MassageDate)
	if err != nil {
		return s.l.problemAt("massage_date", "massage_date_bad", "date", in.MassageDate)
	}
	if today, err := time.Parse(dateLayout, s.today); err == nil {
		switch {
		case m.After(today):
			return s.l.problemAt("massage_date", "massage_date_future", "date", in.MassageDate)
		case m.Before(today.AddDate(0, 0, -maxDiaryDays)):
			return s.l.problemAt("massage_date", "massage_date_old", "date", in.MassageDate)
		}
	}
	if s.set.Tier(in.Tier) == nil {
		var tiers []string
		for _, t := range s.set.Plan.Tiers {
			tiers = append(tiers, t.ID)
		}
		return s.l.problemAt("tier", "tier_bad", "tier", in.Tier, "list", strings.Join(tiers, ", "))
	}
	for _, a := range in.Areas {
		if !hasOption(s.set.Card.Areas, a) {
			return s.l.problemAt("areas", "area_bad", "value", a)
		}
	}
	if len([]rune(in.Note)) > s.set.Card.NoteMax {
		return s.l.problemAt("card_note", "note_too_long", "n", strconv.Itoa(s.set.Card.NoteMax))
	}
	if in.Level != "" && rules.Level(in.Level).Rank() < 0 {
		return s.l.problemAt("level", "level_bad", "level", in.Level)
	}
	return nil
}

// checkItem checks an entry for a diary that started with start (nil: no
// start yet): its date is on or after the massage and not after today.
func (s *diaryStore) checkItem(e diaryItem, start *diaryInfo) error {
	d, err := time.Parse(dateLayout, e.Date)
	if err != nil {
		return s.l.problemAt("date", "date_bad", "date", e.Date)
	}
	if start != nil {
		if m, _ := time.Parse(dateLayout, start.MassageDate); d.Before(m) {
			return s.l.problemAt("date", "date_before_massage", "date", e.Date)
		}
	}
	if today, err := time.Parse(dateLayout, s.today); err == nil && d.After(today) {
		return s.l.problemAt("date", "date_future", "date", e.Date)
	}
	if lo, hi := s.set.PainScale(); e.Pain < lo || e.Pain > hi {
		return s.l.problemAt("pain", "pain_bad", "n", strconv.Itoa(e.Pain), "lo", strconv.Itoa(lo), "hi", strconv.Itoa(hi))
	}
	if !hasOption(s.set.Diary.Stiffness, e.Stiffness) {
		return s.l.problemAt("stiffness", "stiffness_bad", "value", e.Stiffness)
	}
	for _, f := range e.RedFlags {
		if s.set.DiaryFlag(f) == nil {
			return s.l.problemAt("red_flags", "sign_bad", "value", f)
		}
	}
	for _, h := range e.Helped {
		if !hasOption(s.set.Diary.Helped, h) {
			return s.l.problemAt("helped", "helper_bad", "value", h)
		}
	}
	if len([]rune(e.Note)) > maxNote {
		return s.l.problemAt("note", "note_too_long", "n", strconv.Itoa(maxNote))
	}
	return nil
}

// dayOf is the number of days from the massage to a date.
func (s *diaryStore) dayOf(date string) int {
	if s.doc.Diary == nil {
		return 0
	}
	m, _ := time.Parse(dateLayout, s.doc.Diary.MassageDate)
	d, _ := time.Parse(dateLayout, date)
	return int(d.Sub(m).Hours() / 24)
}

// advice applies the rules' diary escalations to the entries.
func (s *diaryStore) advice() rules.DiaryAdvice {
	if s.doc.Diary == nil {
		return rules.DiaryAdvice{Level: rules.SelfCare}
	}
	days := make([]rules.DiaryDay, len(s.doc.Entries))
	for i, e := range s.doc.Entries {
		days[i] = rules.DiaryDay{Day: s.dayOf(e.Date), Pain: e.Pain, RedFlags: e.RedFlags}
	}
	return s.set.AdviseDiary(days)
}

func (d *diaryDoc) find(date string) int {
	for i, e := range d.Entries {
		if e.Date == date {
			return i
		}
	}
	return -1
}

func (d *diaryDoc) sort() {
	sort.Slice(d.Entries, func(i, j int) bool { return d.Entries[i].Date < d.Entries[j].Date })
}

// memoryKV keeps storage in memory: on the server, and where the browser
// offers none.
type memoryKV map[string]string

func (m memoryKV) Get(k string) (string, bool, error) { v, ok := m[k]; return v, ok, nil }
func (m memoryKV) Set(k, v string) error              { m[k] = v; return nil }
func (m memoryKV) Del(k string) error                 { delete(m, k); return nil }
func (m memoryKV) Keys() ([]string, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys, nil
}

// problemAt is a problem with the diary at a path of its file ("entries[3]",
// "pain"), in the person's words.
func (l lang) problemAt(path, key string, args ...string) rules.Problem {
	return rules.Problem{Path: path, Msg: l.say(key, args...)}
}

// plainWords is what a person reads of an error: a problem's words without
// its path.
func plainWords(err error) string {
	// A type assertion, not errors.As, which would add reflection to app.wasm.
	if p, ok := err.(rules.Problem); ok {
		return p.Msg
	}
	return err.Error()
}

// hasOption reports whether a list of the rules has the option id.
func hasOption(list []rules.Option, id string) bool {
	return slices.ContainsFunc(list, func(o rules.Option) bool { return o.ID == id })
}
