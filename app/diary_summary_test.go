package app

import (
	"strings"
	"testing"
)

// TestDiarySummaryEachReasonOnce: a warning sign ticked on two days is one
// line naming both days; a diary with no help or notes has no empty lines
// ("Nothing noted", "No check result was carried over").
func TestDiarySummaryEachReasonOnce(t *testing.T) {
	store := memoryKV{}
	s := openDiaryOn(en, store, ruleSet(), testToday)
	if err := s.start(diaryInfo{MassageDate: "2026-11-20", Started: "2026-11-20"}); err != nil {
		t.Fatalf("a diary without the pain at first: %v", err)
	}
	sign := ruleSet().Diary.RedFlags[0].ID
	for _, e := range []diaryItem{
		{Date: "2026-11-21", Pain: 5, Stiffness: "mild", RedFlags: []string{sign}, Helped: []string{}},
		{Date: "2026-11-22", Pain: 5, Stiffness: "mild", RedFlags: []string{sign}, Helped: []string{}},
	} {
		if err := s.put(e); err != nil {
			t.Fatal(err)
		}
	}
	sum := summarize(en, s, ruleSet())
	n := 0
	for _, r := range sum.reasons {
		if strings.HasPrefix(r, "Days 1, 2: ") {
			n++
		}
		if strings.HasPrefix(r, "Day 1: ") || strings.HasPrefix(r, "Day 2: ") {
			t.Errorf("the sign's reason is repeated a day at a time: %q", sum.reasons)
		}
	}
	if n != 1 {
		t.Errorf("reasons %q, want the sign's once, for days 1 and 2", sum.reasons)
	}
	// The pain at first comes from the first check-in: 5 is moderate.
	if !strings.Contains(strings.Join(sum.facts, "\n"), "Pain at first: moderate") {
		t.Errorf("facts %q", sum.facts)
	}
	text := sum.text(en, ruleSet())
	for _, unwanted := range []string{"Nothing noted", "No check result", "Yes: none", "\n\n\n"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("the shared text has %q:\n%s", unwanted, text)
		}
	}
	for _, want := range []string{"Diary summary for your doctor", "Date of the massage: 20 Nov 2026", "- 22 Nov 2026, Day 2, Pain 5, Stiffness Mild, "} {
		if !strings.Contains(text, want) {
			t.Errorf("the shared text lacks %q:\n%s", want, text)
		}
	}
}
