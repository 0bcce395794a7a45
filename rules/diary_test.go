package rules

import (
	"math/rand"
	"testing"
)

func TestAdviseDiary(t *testing.T) {
	s := defaultSet(t)
	type d = DiaryDay
	tests := []struct {
		name      string
		tier      string
		days      []DiaryDay
		level     Level
		reasons   []string
		recovered bool
	}{
		{"no entries yet", "moderate", nil, SelfCare, nil, false},
		{"easing as expected", "moderate", []d{{1, 6, nil}, {3, 4, nil}, {7, 3, nil}}, SelfCare, nil, false},
		{"not easing by the end of a week (moderate)", "moderate", []d{{1, 6, nil}, {4, 6, nil}, {7, 5, nil}}, Doctor, []string{"no_improvement"}, false},
		{"a 2-point drop counts as real", "moderate", []d{{1, 6, nil}, {7, 4, nil}}, SelfCare, nil, false},
		{"30% counts as real from a low start", "minor", []d{{0, 3, nil}, {3, 2, nil}}, SelfCare, nil, false},
		{"mild pain not easing after 3 days", "minor", []d{{0, 2, nil}, {3, 2, nil}}, Doctor, []string{"no_improvement"}, false},
		{"severe gets 2 weeks", "severe", []d{{1, 8, nil}, {10, 8, nil}}, SelfCare, nil, false},
		{"severe not easing at 2 weeks", "severe", []d{{1, 8, nil}, {14, 7, nil}}, Doctor, []string{"no_improvement"}, false},
		{"pain up 2 points after the usual peak", "moderate", []d{{1, 4, nil}, {3, 6, nil}}, Urgent, []string{"pain_up"}, false},
		{"worse on day 1 is the usual peak", "moderate", []d{{0, 3, nil}, {1, 5, nil}}, SelfCare, nil, false},
		{"a fever on any day", "minor", []d{{1, 2, nil}, {2, 1, []string{"fever"}}}, Urgent, []string{"fever"}, false},
		{"chest pain on any day", "minor", []d{{1, 2, []string{"chest_breathing"}}, {2, 1, nil}}, Emergency, []string{"chest_breathing"}, false},
		{"recovered: low two days running", "moderate", []d{{1, 5, nil}, {2, 3, nil}, {3, 1, nil}, {4, 0, nil}}, SelfCare, nil, true},
		{"not recovered: a gap between the low days", "moderate", []d{{1, 5, nil}, {3, 1, nil}, {5, 1, nil}}, SelfCare, nil, false},
		{"entries in any order", "moderate", []d{{7, 5, nil}, {1, 6, nil}}, Doctor, []string{"no_improvement"}, false},
	}
	for _, tt := range tests {
		adv := s.AdviseDiary(tt.days, tt.tier)
		var ids []string
		for _, r := range adv.Reasons {
			ids = append(ids, r.ID)
		}
		if adv.Level != tt.level || !equal(ids, tt.reasons) || adv.Recovered != tt.recovered {
			t.Errorf("%s: got %s %v recovered=%v, want %s %v recovered=%v", tt.name, adv.Level, ids, adv.Recovered, tt.level, tt.reasons, tt.recovered)
		}
	}
}

// TestDiaryWorseNeverCalmer: more pain on a later day, or a red flag added
// on any day, never gives calmer advice.
func TestDiaryWorseNeverCalmer(t *testing.T) {
	s := defaultSet(t)
	rng := rand.New(rand.NewSource(5))
	tiers := []string{"minor", "moderate", "severe"}
	for range 20000 {
		n := 1 + rng.Intn(8)
		days := make([]DiaryDay, n)
		for i := range days {
			days[i] = DiaryDay{Day: i * (1 + rng.Intn(3)), Pain: rng.Intn(11)}
			if rng.Intn(10) == 0 {
				days[i].RedFlags = []string{s.Diary.RedFlags[rng.Intn(len(s.Diary.RedFlags))].ID}
			}
		}
		tier := tiers[rng.Intn(3)]
		before := s.AdviseDiary(days, tier).Level
		i := 1 + rng.Intn(max(n-1, 1))
		if i >= n {
			continue
		}
		worse := append([]DiaryDay(nil), days...)
		if rng.Intn(2) == 0 && worse[i].Pain < 10 {
			worse[i].Pain++
		} else {
			worse[i].RedFlags = append(append([]string(nil), worse[i].RedFlags...), s.Diary.RedFlags[rng.Intn(len(s.Diary.RedFlags))].ID)
		}
		if after := s.AdviseDiary(worse, tier).Level; after.Rank() < before.Rank() {
			t.Fatalf("tier %s: %v gives %s, but the worse %v gives %s", tier, days, before, worse, after)
		}
	}
}

func TestEveryDiaryRedFlagAloneGivesItsLevel(t *testing.T) {
	s := defaultSet(t)
	for _, f := range s.Diary.RedFlags {
		adv := s.AdviseDiary([]DiaryDay{{Day: 1, Pain: 0, RedFlags: []string{f.ID}}}, "minor")
		if adv.Level.Rank() < f.Level.Rank() || adv.Recovered {
			t.Errorf("diary flag %s (%s) alone gives %s, recovered=%v", f.ID, f.Level, adv.Level, adv.Recovered)
		}
	}
}
