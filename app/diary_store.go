package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

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
			ids, ok := set.Diary.V1Signs[id]
			if !ok {
				ids = []string{id}
			}
			for _, id := range ids {
				if !slices.Contains(renamed, id) {
					renamed = append(renamed, id)
				}
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
	l     lang // the language of its messages
	kv    kv
	set   *rules.Set
	doc   diaryDoc
	aside []string // keys of data kept aside
	// Of what is aside: entries waiting for a day still to come (later),
	// and whether anything else is there (unreadable).
	later      int
	unreadable bool
	problem    string // why saving fails: "", or a sentence for the person
	today      string // YYYY-MM-DD on the device: no entry or massage after it
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
	s := &diaryStore{l: l, kv: store, set: set, doc: diaryDoc{Version: diaryVersion}, today: today}
	raw, ok, err := store.Get(diaryKey)
	switch {
	case err != nil:
		s.problem = l.say("diary_unreadable")
	case ok:
		s.load(raw)
	}
	s.bringBack()
	s.findAside()
	return s
}

func (s *diaryStore) save() error {
	err := s.saveDoc(s.doc)
	if err != nil {
		s.problem = s.l.say("diary_not_saved")
	}
	return err
}

// saveDoc keeps a diary on the device; nothing in memory changes.
func (s *diaryStore) saveDoc(doc diaryDoc) error {
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	if err := s.kv.Set(diaryKey, string(b)); err != nil {
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
	s.doc, s.aside, s.later, s.unreadable = diaryDoc{Version: diaryVersion}, nil, 0, false
	return nil
}

// exportJSON is a full backup.
func (s *diaryStore) exportJSON() []byte {
	b, _ := json.MarshalIndent(s.doc, "", "  ")
	return append(b, '\n')
}

// exportCSV is the entries as a table.
func (s *diaryStore) exportCSV() []byte {
	b := appendCSV(nil, "date", "days_since_massage", "pain", "stiffness", "new_red_flags", "helped", "note")
	for _, e := range s.doc.Entries {
		b = appendCSV(b, e.Date, strconv.Itoa(s.dayOf(e.Date)), strconv.Itoa(e.Pain), e.Stiffness,
			strings.Join(e.RedFlags, ";"), strings.Join(e.Helped, ";"), csvText(e.Note))
	}
	return b
}

// csvText keeps a spreadsheet from reading free text as a formula: a cell
// that starts with = + - @, a tab or a carriage return gets a ' first.
func csvText(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
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

// problemAt is a problem with the diary at a path of its file ("entries[3]",
// "pain"), in the person's words.
func (l lang) problemAt(path, key string, args ...string) rules.Problem {
	return rules.Problem{Path: path, Msg: l.say(key, args...)}
}

// plainWords is what a person reads of an error: a problem's words without
// its path. Any other error is the browser's or Go's, not for the person:
// it goes to the console, and the person reads that storage did not work.
func (l lang) plainWords(err error) string {
	// A type assertion, not errors.As, which would add reflection to app.wasm.
	if p, ok := err.(rules.Problem); ok {
		return p.Msg
	}
	app.Log("aftercare:", err.Error()) // a string: logged as info, not an app error
	return l.say("storage_error")
}

// hasOption reports whether a list of the rules has the option id.
func hasOption(list []rules.Option, id string) bool {
	return slices.ContainsFunc(list, func(o rules.Option) bool { return o.ID == id })
}
