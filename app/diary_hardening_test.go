package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// backupWith is a backup whose diary start has the given "started".
func backupWith(started string) []byte {
	b, _ := json.Marshal(map[string]any{"version": 2,
		"diary":   map[string]string{"massage_date": "2026-11-20", "tier": "minor", "started": started},
		"entries": []diaryItem{day("2026-11-21", 4)}})
	return b
}

// TestImportChecksWhenTheDiaryStarted: a backup's "started" must be a real
// date from the massage to today; a megabyte of text there is refused in a
// short message, and nothing changes.
func TestImportChecksWhenTheDiaryStarted(t *testing.T) {
	for name, started := range map[string]string{
		"a megabyte of text": strings.Repeat("x", maxBackupBytes-300),
		"no such day":        "2026-02-30",
		"before the massage": "2026-11-19",
		"after today":        "2026-12-25",
	} {
		store := memoryKV{}
		s := openDiaryOn(en, store, ruleSet(), testToday)
		_, _, err := s.importJSON(backupWith(started))
		if err == nil || !strings.Contains(err.Error(), "the day the diary started") || len(err.Error()) > 300 {
			t.Errorf("%s: %.300v", name, err)
		}
		if s.doc.Diary != nil || len(s.doc.Entries) > 0 || len(store) > 0 {
			t.Errorf("%s: a refused import changed the diary", name)
		}
	}
	s := openDiaryOn(en, memoryKV{}, ruleSet(), testToday)
	if added, _, err := s.importJSON(backupWith("2026-11-22")); err != nil || added != 1 {
		t.Errorf("a good backup: %d added, %v", added, err)
	}
}

// TestImportTheDeviceCannotKeepChangesNothing: when the browser will not
// save the imported diary, the page does not hold it either, and the
// person reads plain words, not the browser's.
func TestImportTheDeviceCannotKeepChangesNothing(t *testing.T) {
	full := failingKV{memoryKV: memoryKV{}, setErr: errors.New("QuotaExceededError: Failed to execute 'setItem' on 'Storage'")}
	s := openDiaryOn(en, full, ruleSet(), testToday)
	added, kept, err := s.importJSON(backupWith("2026-11-20"))
	if err == nil || added+kept > 0 {
		t.Fatalf("import on full storage: %d added, %d kept, %v", added, kept, err)
	}
	if s.doc.Diary != nil || len(s.doc.Entries) > 0 {
		t.Errorf("the page holds what the device did not keep: %+v", s.doc)
	}
	if msg := en.say("import_failed", "why", en.plainWords(err)); strings.Contains(msg, "Quota") || !strings.Contains(msg, "could not save it") {
		t.Errorf("message: %q", msg)
	}
	// A diary already here is left as it was.
	store := memoryKV{}
	s = newDiary(t, store)
	s.put(day("2026-11-21", 6))
	before := store[diaryKey]
	s.kv = failingKV{memoryKV: store, setErr: errors.New("QuotaExceededError")}
	if _, _, err := s.importJSON([]byte(`{"version":2,"diary":null,"entries":[{"date":"2026-11-22","pain":3,"stiffness":"none"}]}`)); err == nil {
		t.Error("imported on full storage")
	}
	if len(s.doc.Entries) != 1 || store[diaryKey] != before {
		t.Errorf("a failed import changed the diary: %+v", s.doc.Entries)
	}
}

// TestBrowserErrorsAreNotShown: an error of the browser's goes to the
// console; the person reads words of the rules, in their language.
func TestBrowserErrorsAreNotShown(t *testing.T) {
	raw := errors.New("browser storage: SecurityError: The operation is insecure.")
	for _, l := range []lang{en, "es"} {
		if got := l.plainWords(raw); strings.Contains(got, "insecure") || got != l.say("storage_error") {
			t.Errorf("%s: %q", l, got)
		}
	}
	// The store speaks the page's language.
	s := openDiaryOn("es", memoryKV{}, ruleSet(), testToday)
	if _, _, err := s.importJSON([]byte("pain,6\n")); err == nil || err.Error() != lang("es").say("not_a_backup") {
		t.Errorf("a Spanish page: %v", err)
	}
}

// TestTamperedStoredDiaryIsKeptAside: stored data is checked as a backup
// is: entries without a start, a start that is not a date, a field no
// version wrote are kept aside whole, unchanged, and the person told.
func TestTamperedStoredDiaryIsKeptAside(t *testing.T) {
	entry := `{"date":"2026-11-21","pain":9,"stiffness":"mild","red_flags":["heart"],"helped":[]}`
	for name, raw := range map[string]string{
		"entries without a start": `{"version":2,"diary":null,"entries":[` + entry + `]}`,
		"started is not a date":   `{"version":2,"diary":{"massage_date":"2026-11-20","tier":"minor","started":"` + strings.Repeat("x", 5000) + `"},"entries":[]}`,
		"started on no real day":  `{"version":2,"diary":{"massage_date":"2026-11-20","tier":"minor","started":"2026-11-31"},"entries":[]}`,
		"a field no version had":  `{"version":2,"diary":{"massage_date":"2026-11-20","tier":"minor"},"entries":[],"admin":true}`,
		"a start with more":       `{"version":2,"diary":{"massage_date":"2026-11-20","tier":"minor","x":1},"entries":[]}`,
	} {
		store := memoryKV{diaryKey: raw}
		s := openDiaryOn(en, store, ruleSet(), testToday)
		if s.doc.Diary != nil || len(s.doc.Entries) > 0 || len(s.aside) != 1 || !s.unreadable {
			t.Errorf("%s: diary %.80v, %d entries, aside %v", name, fmt.Sprint(s.doc.Diary), len(s.doc.Entries), s.aside)
			continue
		}
		if !strings.Contains(string(s.asideData()), strings.ReplaceAll(raw, `"`, `\"`)) {
			t.Errorf("%s: the data kept aside is not the original", name)
		}
	}
	// A bad entry among good ones: only it is aside, and its fields too.
	store := memoryKV{diaryKey: `{"version":2,"diary":{"massage_date":"2026-11-20","tier":"minor"},"entries":[` + entry +
		`,{"date":"2026-11-22","pain":1,"stiffness":"none","red_flags":["heart","heart"]},{"date":"2026-11-23","pain":1,"stiffness":"none","x":1}]}`}
	if s := openDiaryOn(en, store, ruleSet(), testToday); len(s.doc.Entries) != 1 || len(s.aside) != 1 {
		t.Errorf("entries %+v, aside %v", s.doc.Entries, s.aside)
	}
}

// TestClockMovedBackLosesNothing: an entry a day after the device's date
// (another time zone) stays; later ones are kept aside, the person told,
// and they come back once their day has come.
func TestClockMovedBackLosesNothing(t *testing.T) {
	store := memoryKV{diaryKey: `{"version":2,"diary":{"massage_date":"2026-12-10","tier":"minor","started":"2026-12-10"},"entries":[` +
		`{"date":"2026-12-15","pain":4,"stiffness":"mild","red_flags":[],"helped":[]},` +
		`{"date":"2026-12-16","pain":3,"stiffness":"mild","red_flags":[],"helped":[]},` +
		`{"date":"2026-12-18","pain":2,"stiffness":"none","red_flags":[],"helped":[]},` +
		`{"date":"2026-12-19","pain":2,"stiffness":"none","red_flags":[],"helped":[]}]}`}
	s := openDiaryOn(en, store, ruleSet(), testToday) // 2026-12-15
	if len(s.doc.Entries) != 2 || s.doc.Entries[1].Date != "2026-12-16" {
		t.Fatalf("kept %+v", s.doc.Entries)
	}
	if len(s.aside) != 1 || s.later != 2 || s.unreadable {
		t.Fatalf("aside %v, later %d, unreadable %v", s.aside, s.later, s.unreadable)
	}
	// The clock is right again: on 18 December, the 18th is back and the
	// 19th still waits (a day ahead is allowed, so it comes back too).
	s = openDiaryOn(en, store, ruleSet(), "2026-12-17")
	if len(s.doc.Entries) != 3 || s.later != 1 {
		t.Errorf("on the 17th: %d entries, %d later", len(s.doc.Entries), s.later)
	}
	s = openDiaryOn(en, store, ruleSet(), "2026-12-18")
	if len(s.doc.Entries) != 4 || len(s.aside) != 0 {
		t.Errorf("on the 18th: %d entries, aside %v", len(s.doc.Entries), s.aside)
	}
	if again := openDiaryOn(en, store, ruleSet(), "2026-12-18"); len(again.doc.Entries) != 4 {
		t.Errorf("after reopening: %d entries", len(again.doc.Entries))
	}
}

// TestEntryTakenMeanwhileStaysAside: an entry kept aside for a day that
// got its own entry in the meantime is not merged over it, nor lost.
func TestEntryTakenMeanwhileStaysAside(t *testing.T) {
	store := memoryKV{diaryKey: `{"version":2,"diary":{"massage_date":"2026-12-10","tier":"minor"},"entries":[` +
		`{"date":"2026-12-20","pain":2,"stiffness":"none","red_flags":[],"helped":[]}]}`}
	s := openDiaryOn(en, store, ruleSet(), testToday)
	if len(s.doc.Entries) != 0 || s.later != 1 {
		t.Fatalf("%d entries, %d later", len(s.doc.Entries), s.later)
	}
	s.today = "2026-12-20" // the person checks in on the 20th, before a reload
	if err := s.put(day("2026-12-20", 6)); err != nil {
		t.Fatal(err)
	}
	s = openDiaryOn(en, store, ruleSet(), "2026-12-20")
	if i := s.doc.find("2026-12-20"); i < 0 || s.doc.Entries[i].Pain != 6 || len(s.aside) != 1 || !s.unreadable {
		t.Errorf("entries %+v, aside %v", s.doc.Entries, s.aside)
	}
	if !strings.Contains(string(s.asideData()), `\"pain\":2`) {
		t.Errorf("the entry kept aside is lost:\n%s", s.asideData())
	}
}

// TestImpossibleDatesAreRefused: no check-in, massage or saved check has a
// day that does not exist.
func TestImpossibleDatesAreRefused(t *testing.T) {
	s := newDiary(t, memoryKV{})
	if err := s.put(day("2026-11-31", 3)); err == nil {
		t.Error("a check-in on 31 November")
	}
	if err := s.start(diaryInfo{MassageDate: "2026-02-30", Tier: "minor"}); err == nil {
		t.Error("a massage on 30 February")
	}
	if _, err := decodeCheck([]byte(`{"v":3,"started":true,"date":"2026-02-30","answers":{},"asked":[]}`), ruleSet()); err == nil {
		t.Error("a saved check dated 30 February")
	}
}
