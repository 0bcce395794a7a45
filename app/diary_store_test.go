package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// failingKV is storage that refuses: blocked reads, or a full disk.
type failingKV struct {
	memoryKV
	getErr, setErr error
}

func (f failingKV) Get(k string) (string, bool, error) {
	if f.getErr != nil {
		return "", false, f.getErr
	}
	return f.memoryKV.Get(k)
}

func (f failingKV) Set(k, v string) error {
	if f.setErr != nil {
		return f.setErr
	}
	return f.memoryKV.Set(k, v)
}

// testToday is "today" for the diary's tests, so they do not depend on the
// day they run.
const testToday = "2026-12-15"

func newDiary(t *testing.T, store kv) *diaryStore {
	t.Helper()
	s := openDiaryOn(en, store, ruleSet(), testToday)
	if err := s.start(diaryInfo{MassageDate: "2026-11-20", Tier: "moderate", Level: "selfcare", Started: "2026-11-20"}); err != nil {
		t.Fatal(err)
	}
	return s
}

func day(date string, pain int) diaryItem {
	return diaryItem{Date: date, Pain: pain, Stiffness: "mild", RedFlags: []string{}, Helped: []string{"heat"}}
}

func TestDiarySurvivesReopening(t *testing.T) {
	store := memoryKV{}
	s := newDiary(t, store)
	for _, e := range []diaryItem{day("2026-11-21", 6), day("2026-11-22", 5), day("2026-11-21", 7)} {
		if err := s.put(e); err != nil {
			t.Fatal(err)
		}
	}
	again := openDiaryOn(en, store, ruleSet(), testToday)
	if len(again.doc.Entries) != 2 || again.doc.Entries[0].Pain != 7 || again.doc.Diary.Tier != "moderate" {
		t.Fatalf("reopened: %+v", again.doc)
	}
	if len(again.aside) != 0 || again.problem != "" {
		t.Errorf("nothing should be aside or wrong: %v %q", again.aside, again.problem)
	}
}

func TestDiaryRejectsBadEntries(t *testing.T) {
	s := newDiary(t, memoryKV{})
	for _, e := range []diaryItem{
		{Date: "yesterday", Pain: 3, Stiffness: "mild"},
		{Date: "2026-11-19", Pain: 3, Stiffness: "mild"},
		{Date: "2026-11-21", Pain: 11, Stiffness: "mild"},
		{Date: "2026-11-21", Pain: 3, Stiffness: "stiff"},
		{Date: "2026-11-21", Pain: 3, Stiffness: "mild", RedFlags: []string{"nosebleed"}},
		{Date: "2026-11-21", Pain: 3, Stiffness: "mild", Note: strings.Repeat("x", maxNote+1)},
	} {
		if err := s.put(e); err == nil {
			t.Errorf("accepted %+v", e)
		}
	}
}

func TestCorruptDiaryIsKeptAsideNotDropped(t *testing.T) {
	for name, raw := range map[string]string{
		"not JSON":       `{"version":1,"diary":{"massage_date":"2026-11-20"`,
		"newer version":  `{"version":9,"diary":{"massage_date":"2026-11-20","tier":"moderate"},"entries":[]}`,
		"bad start":      `{"version":1,"diary":{"massage_date":"soon","tier":"moderate"},"entries":[]}`,
		"entries object": `{"version":1,"diary":{"massage_date":"2026-11-20","tier":"moderate"},"entries":{"a":1}}`,
	} {
		t.Run(name, func(t *testing.T) {
			store := memoryKV{diaryKey: raw}
			s := openDiaryOn(en, store, ruleSet(), testToday)
			if s.doc.Diary != nil || len(s.aside) != 1 {
				t.Fatalf("diary %+v, aside %v", s.doc.Diary, s.aside)
			}
			if !strings.Contains(string(s.asideData()), strings.ReplaceAll(raw, `"`, `\"`)) {
				t.Errorf("the data kept aside is not the original:\n%s", s.asideData())
			}
			if _, ok := store[diaryKey]; ok {
				t.Error("the unreadable diary is still where the app would trip on it")
			}
			// The app goes on: a new diary can start and save.
			if err := s.start(diaryInfo{MassageDate: "2026-11-23", Tier: "minor"}); err != nil {
				t.Fatal(err)
			}
			if len(openDiaryOn(en, store, ruleSet(), testToday).aside) != 1 {
				t.Error("the kept-aside data was lost when the new diary saved")
			}
		})
	}
}

func TestBadEntriesAreKeptAsideTheRestKept(t *testing.T) {
	store := memoryKV{diaryKey: `{"version":1,"diary":{"massage_date":"2026-11-20","tier":"moderate","started":"2026-11-20"},
		"entries":[{"date":"2026-11-21","pain":5,"stiffness":"mild","red_flags":[],"helped":[]},
		           {"date":"2026-11-22","pain":"high"},
		           {"date":"2026-11-23","pain":3,"stiffness":"none","red_flags":["bogus"],"helped":[]}]}`}
	s := openDiaryOn(en, store, ruleSet(), testToday)
	if len(s.doc.Entries) != 1 || s.doc.Entries[0].Date != "2026-11-21" {
		t.Fatalf("kept %+v", s.doc.Entries)
	}
	aside := string(s.asideData())
	if len(s.aside) != 1 || !strings.Contains(aside, `high`) || !strings.Contains(aside, `bogus`) {
		t.Errorf("aside %v:\n%s", s.aside, aside)
	}
	if again := openDiaryOn(en, store, ruleSet(), testToday); len(again.doc.Entries) != 1 || len(again.aside) != 1 {
		t.Errorf("after reopening: %d entries, %d aside", len(again.doc.Entries), len(again.aside))
	}
}

func TestBlockedOrFullStorageKeepsTheAppWorking(t *testing.T) {
	blocked := openDiary(en, failingKV{memoryKV: memoryKV{}, getErr: errors.New("SecurityError")}, ruleSet())
	if blocked.problem == "" {
		t.Error("blocked storage: no message for the person")
	}
	full := failingKV{memoryKV: memoryKV{}, setErr: errors.New("QuotaExceededError")}
	s := openDiaryOn(en, full, ruleSet(), testToday)
	if err := s.start(diaryInfo{MassageDate: "2026-11-20", Tier: "minor"}); err == nil {
		t.Error("a full store reported a save")
	}
	if !strings.Contains(s.problem, "could not be saved") {
		t.Errorf("full storage: message %q", s.problem)
	}
	if s.doc.Diary == nil {
		t.Error("the diary is gone from memory too: the person loses what they typed")
	}
	// An entry is kept on screen and reported as not saved; a bad entry
	// is refused as such, and changes nothing.
	if err := s.put(day("2026-11-21", 5)); !errors.Is(err, errNotSaved) || s.doc.find("2026-11-21") < 0 {
		t.Errorf("put on full storage: %v, entry kept: %v", err, s.doc.find("2026-11-21") >= 0)
	}
	bad := day("2026-11-21", 5)
	bad.Stiffness = "rigid"
	if err := s.put(bad); err == nil || errors.Is(err, errNotSaved) || s.doc.Entries[0].Stiffness != "mild" {
		t.Errorf("a bad edit: %v, entry now %+v", err, s.doc.Entries[0])
	}
}

func TestExportDeleteImportGivesTheSameEntries(t *testing.T) {
	store := memoryKV{}
	s := newDiary(t, store)
	for i, p := range []int{6, 5, 5, 4} {
		s.put(day("2026-11-2"+string(rune('1'+i)), p))
	}
	backup := s.exportJSON()
	want, _ := json.Marshal(s.doc)
	if err := s.deleteAll(); err != nil {
		t.Fatal(err)
	}
	if len(store) != 0 {
		t.Fatalf("delete all left %v", store)
	}
	added, kept, err := s.importJSON(backup)
	if err != nil || added != 4 || kept != 0 {
		t.Fatalf("import: %d added, %d kept, %v", added, kept, err)
	}
	got, _ := json.Marshal(openDiaryOn(en, store, ruleSet(), testToday).doc)
	if string(got) != string(want) {
		t.Errorf("after export, delete, import:\n%s\nwant\n%s", got, want)
	}
	// Importing again adds nothing: no duplicates.
	if added, kept, _ := s.importJSON(backup); added != 0 || kept != 4 {
		t.Errorf("second import: %d added, %d kept", added, kept)
	}
}

func TestBadImportChangesNothing(t *testing.T) {
	store := memoryKV{}
	s := newDiary(t, store)
	s.put(day("2026-11-21", 6))
	before := store[diaryKey]
	for name, file := range map[string]string{
		"not JSON":      "pain,6\n",
		"unknown field": `{"version":1,"diary":null,"entries":[],"extra":1}`,
		"bad entry":     `{"version":1,"diary":null,"entries":[{"date":"2026-11-22","pain":4,"stiffness":"mild"},{"date":"2026-11-23","pain":40,"stiffness":"mild"}]}`,
		"duplicate day": `{"version":1,"diary":null,"entries":[{"date":"2026-11-22","pain":4,"stiffness":"mild"},{"date":"2026-11-22","pain":3,"stiffness":"mild"}]}`,
		"newer version": `{"version":3,"diary":null,"entries":[]}`,
	} {
		if _, _, err := s.importJSON([]byte(file)); err == nil {
			t.Errorf("%s: imported", name)
		}
		if store[diaryKey] != before || len(s.doc.Entries) != 1 {
			t.Errorf("%s: a bad import changed the diary", name)
		}
	}
}

// TestImportSaysPlainlyWhatIsWrong: a file that is not a backup gets one
// plain sentence, never a Go error; a backup with data after its end is
// refused; a version 1 backup is brought up to date.
func TestImportSaysPlainlyWhatIsWrong(t *testing.T) {
	s := newDiary(t, memoryKV{})
	for _, file := range []string{"pain,6\n", `{"version":2,"diary":null,"entries":[]} trailing`, `{"version":2,"diary":null,"entries":[]}{"version":2}`} {
		_, _, err := s.importJSON([]byte(file))
		if err == nil || err.Error() != "this file is not an Aftercare backup. Choose the .json file that Aftercare saved" {
			t.Errorf("%q: %v", file, err)
		}
	}
	added, _, err := s.importJSON([]byte(`{"version":1,"diary":null,"entries":[{"date":"2026-11-21","pain":5,"stiffness":"mild","red_flags":["chest_breathing"],"helped":[]}]}`))
	if err != nil || added != 1 || strings.Join(s.doc.Entries[0].RedFlags, ",") != "heart,lungs" {
		t.Errorf("a version 1 backup: added %d, %v, %v", added, err, s.doc.Entries)
	}
}

func TestDiaryMigrations(t *testing.T) {
	for v := 1; v < diaryVersion; v++ {
		if migrations[v] == nil {
			t.Errorf("no migration from version %d to %d", v, v+1)
		}
	}
}

// TestDiaryFromVersion1: a diary kept before the warning signs became the
// check's groups loads with every tick renamed, none lost.
func TestDiaryFromVersion1(t *testing.T) {
	store := memoryKV{diaryKey: `{"version":1,"diary":{"massage_date":"2026-11-20","tier":"moderate","started":"2026-11-20"},"entries":[` +
		`{"date":"2026-11-21","pain":5,"stiffness":"mild","red_flags":["chest_breathing","arm_numb"],"helped":[]},` +
		`{"date":"2026-11-22","pain":4,"stiffness":"mild","red_flags":["legs_bladder","stroke","fever"],"helped":[]}]}`}
	s := newDiary(t, store)
	if s.problem != "" || len(s.doc.Entries) != 2 {
		t.Fatalf("version 1 diary: problem %q, %d entries", s.problem, len(s.doc.Entries))
	}
	got := append(append([]string{}, s.doc.Entries[0].RedFlags...), s.doc.Entries[1].RedFlags...)
	want := []string{"heart", "lungs", "arm_nerve", "spine", "stroke", "fever"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("ticks after the update: %v, want %v", got, want)
	}
	if adv := s.advice(); adv.Level != "emergency" {
		t.Errorf("a chest pain tick kept from version 1 gives %s", adv.Level)
	}
}

func TestDiaryCSVAndAdvice(t *testing.T) {
	s := newDiary(t, memoryKV{})
	s.put(day("2026-11-21", 6))
	e := day("2026-11-27", 6)
	e.Note = `stiff, "sore"`
	s.put(e)
	csv := string(s.exportCSV())
	if !strings.HasPrefix(csv, "date,days_since_massage,pain,stiffness,new_red_flags,helped,note\n") ||
		!strings.Contains(csv, `2026-11-27,7,6,mild,,heat,"stiff, ""sore"""`) {
		t.Errorf("csv:\n%s", csv)
	}
	if adv := s.advice(); adv.Level != "doctor" || adv.Reasons[0].ID != "not_improving" {
		t.Errorf("a week of moderate pain with no change: %+v", adv)
	}
}

// TestImportTrustsNoDate: what the outside attack imported, each refused
// whole with a plain reason, the diary unchanged.
func TestImportTrustsNoDate(t *testing.T) {
	store := memoryKV{}
	s := newDiary(t, store) // massage on 2026-11-20, today 2026-12-15
	s.put(day("2026-11-21", 6))
	before := store[diaryKey]
	for name, file := range map[string]string{
		"entries in the future":       `{"version":2,"diary":null,"entries":[{"date":"2100-01-01","pain":0,"stiffness":"none"},{"date":"2100-01-02","pain":0,"stiffness":"none"}]}`,
		"an entry before the massage": `{"version":2,"diary":null,"entries":[{"date":"2026-10-21","pain":3,"stiffness":"none"}]}`,
	} {
		if _, _, err := s.importJSON([]byte(file)); err == nil {
			t.Errorf("%s: imported", name)
		}
		if store[diaryKey] != before {
			t.Errorf("%s: the diary changed", name)
		}
	}
	fresh := openDiaryOn(en, memoryKV{}, ruleSet(), testToday)
	for name, file := range map[string]string{
		"a massage in 2999":          `{"version":2,"diary":{"massage_date":"2999-01-01","tier":"minor","started":"2026-12-01"},"entries":[]}`,
		"a massage in year 1":        `{"version":2,"diary":{"massage_date":"0001-01-01","tier":"minor","started":"2026-12-01"},"entries":[]}`,
		"entries before the massage": `{"version":2,"diary":{"massage_date":"2026-12-01","tier":"minor","started":"2026-12-01"},"entries":[{"date":"2026-11-01","pain":3,"stiffness":"none"}]}`,
	} {
		if _, _, err := fresh.importJSON([]byte(file)); err == nil || fresh.doc.Diary != nil {
			t.Errorf("%s: imported (%v)", name, fresh.doc.Diary)
		}
	}
	if err := fresh.start(diaryInfo{MassageDate: "2999-01-01", Tier: "minor"}); err == nil {
		t.Error("a diary started in 2999")
	}
}

// TestLargeDiariesAreBounded: 10,000 entries are refused, not imported; a
// stored diary keeps at most a year of entries and puts the rest aside.
// (How fast is BenchmarkLargeDiary's to say, not a timed test's.)
func TestLargeDiariesAreBounded(t *testing.T) {
	b := largeDiary()
	b.WriteString(`{"version":2,"diary":{"massage_date":"2026-01-01","tier":"minor","started":"2026-01-01"},"entries":[`)
	s := openDiaryOn(en, memoryKV{}, ruleSet(), testToday)
	if _, _, err := s.importJSON([]byte(b.String())); err == nil {
		t.Error("10,000 entries imported")
	}
	store := memoryKV{diaryKey: b.String()}
	s = openDiaryOn(en, store, ruleSet(), testToday)
	if len(s.doc.Entries) > maxEntries || len(s.aside) != 1 {
		t.Errorf("a stored diary of 10,000 entries: %d kept, %d aside", len(s.doc.Entries), len(s.aside))
	}
	big := strings.Repeat(" ", maxBackupBytes+1)
	if _, _, err := s.importJSON([]byte(big)); err == nil || !strings.Contains(err.Error(), "more than an Aftercare backup can be") {
		t.Errorf("a file over the size limit: %v", err)
	}
}

// largeDiary is a backup of 10,000 entries.
func largeDiary() *strings.Builder {
	var b strings.Builder
	b.WriteString(`{"version":2,"diary":{"massage_date":"2026-01-01","tier":"minor","started":"2026-01-01"},"entries":[`)
	for i := range 10000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"date":"%s","pain":1,"stiffness":"none"}`, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%340).Format(dateLayout))
	}
	b.WriteString("]}")
	return &b
}

// BenchmarkLargeDiary opens a stored diary of 10,000 entries.
func BenchmarkLargeDiary(b *testing.B) {
	raw := largeDiary().String()
	for b.Loop() {
		openDiaryOn(en, memoryKV{diaryKey: raw}, ruleSet(), testToday)
	}
}

// TestCSVHasNoFormulas: a note a spreadsheet would run as a formula goes out
// as text.
func TestCSVHasNoFormulas(t *testing.T) {
	s := newDiary(t, memoryKV{})
	for i, note := range []string{"=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "fine"} {
		e := day(fmt.Sprintf("2026-11-%02d", 21+i), 3)
		e.Note = note
		if err := s.put(e); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(s.exportCSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if note := r[len(r)-1]; note != "fine" && !strings.HasPrefix(note, "'") {
			t.Errorf("note %q goes out as a formula", note)
		}
	}
}

// TestEmptyStoredDiaryIsKeptAsideOnce: a stored value of "" is kept aside
// once, not again on every load.
func TestEmptyStoredDiaryIsKeptAsideOnce(t *testing.T) {
	store := memoryKV{diaryKey: ""}
	openDiaryOn(en, store, ruleSet(), testToday)
	openDiaryOn(en, store, ruleSet(), testToday)
	if s := openDiaryOn(en, store, ruleSet(), testToday); len(s.aside) != 1 {
		t.Errorf("%d keys kept aside after three loads", len(s.aside))
	}
}

// FuzzImport: any file imports whole or is refused whole, never a panic,
// never an entry after today or before the massage.
func FuzzImport(f *testing.F) {
	f.Add([]byte(`{"version":2,"diary":{"massage_date":"2026-11-20","tier":"minor","started":"2026-11-20"},"entries":[{"date":"2026-11-21","pain":3,"stiffness":"none"}]}`))
	f.Add([]byte(`{"version":1,"diary":null,"entries":[{"date":"2026-11-21","pain":5,"stiffness":"mild","red_flags":["chest_breathing"],"helped":[]}]}`))
	f.Add([]byte(`{"version":2,"diary":null,"entries":[{"date":"2100-01-01","pain":0,"stiffness":"none"}]}`))
	f.Add([]byte("pain,6\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := openDiaryOn(en, memoryKV{}, ruleSet(), testToday)
		if _, _, err := s.importJSON(data); err != nil {
			if s.doc.Diary != nil || len(s.doc.Entries) > 0 {
				t.Fatalf("a refused import changed the diary: %v", s.doc)
			}
			return
		}
		for _, e := range s.doc.Entries {
			if e.Date > s.latest() || (s.doc.Diary != nil && e.Date < s.doc.Diary.MassageDate) {
				t.Fatalf("imported an entry dated %s (massage %v)", e.Date, s.doc.Diary)
			}
		}
	})
}
