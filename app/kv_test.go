package app

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"aftercare/rules"
)

// TestCheckKeptThroughKV: the saved check goes through kv like the diary
// and the card, in the form and under the key it always had, so a check
// saved before comes back with every answer and tick.
func TestCheckKeptThroughKV(t *testing.T) {
	store := memoryKV{}
	if st, err := loadCheck(store); err != nil || st.Started {
		t.Fatalf("nothing saved read as %+v, %v", st, err)
	}
	st := checkState{Started: true, Date: "2026-11-20", Answers: rules.Answers{"chest": {Option: "no"}}, Asked: []string{"chest"},
		Draft: &draftTicks{Question: "body_signs", Options: []string{"sweat"}}}
	if err := saveCheck(store, st); err != nil {
		t.Fatal(err)
	}
	raw := store[checkKey]
	if !strings.HasPrefix(raw, `{"v":5,"started":true,"date":"2026-11-20","answers":{"chest":`) || !strings.Contains(raw, `"draft":{"question":"body_signs","options":["sweat"]}`) {
		t.Errorf("saved as %s", raw)
	}
	st.Version = checkStateVersion
	if again, err := loadCheck(store); err != nil || !reflect.DeepEqual(again, st) {
		t.Errorf("read back %+v, %v; want %+v", again, err, st)
	}
	// As go-app's LocalStorage wrote it before: the same JSON text.
	store[checkKey] = `{"v":4,"started":true,"date":"2026-11-20","answers":{"chest":{"option":"no"}},"asked":["chest"],"draft":{"question":"body_signs","options":["sweat"]}}`
	if again, err := loadCheck(store); err != nil || !reflect.DeepEqual(again, st) {
		t.Errorf("a check saved before read as %+v, %v", again, err)
	}
	clearCheck(store)
	if _, ok := store[checkKey]; ok {
		t.Error("the check is still kept after clearCheck")
	}
}

// TestCheckStorageFails: storage that is full or blocked is an error the
// page can tell the person about, the same one the diary gives (its notice
// says the check goes on but a reload starts it again), never a panic.
func TestCheckStorageFails(t *testing.T) {
	st := checkState{Started: true, Answers: rules.Answers{"chest": {Option: "no"}}, Asked: []string{"chest"}}
	full := failingKV{memoryKV: memoryKV{}, setErr: errors.New("QuotaExceededError: Failed to execute 'setItem' on 'Storage'")}
	if err := saveCheck(full, st); !errors.Is(err, errNotSaved) {
		t.Errorf("a full storage gave %v, want errNotSaved", err)
	}
	if len(st.Answers) != 1 {
		t.Error("the check in memory lost its answers")
	}
	blocked := failingKV{memoryKV: memoryKV{checkKey: `{"v":4,"started":true}`}, getErr: errors.New("SecurityError")}
	if _, err := loadCheck(blocked); err == nil {
		t.Error("storage that cannot be read gave no error")
	}
}
