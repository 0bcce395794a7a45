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
		days      []DiaryDay
		level     Level
		reasons   []string
		recovered bool
	}{
		{"no entries yet", nil, SelfCare, nil, false},
		{"one entry, mild, day 1", []d{{1, 3, nil}}, SelfCare, nil, false},
		{"easing as expected", []d{{1, 6, nil}, {3, 4, nil}, {4, 3, nil}}, SelfCare, nil, false},
		{"not easing at day 3", []d{{1, 6, nil}, {3, 6, nil}}, Doctor, []string{"not_improving"}, false},
		{"a 2-point drop counts as better", []d{{1, 6, nil}, {4, 4, nil}}, SelfCare, nil, false},
		{"30% counts as better from a low start", []d{{0, 3, nil}, {3, 2, nil}}, SelfCare, nil, false},
		{"pain 1 not easing is not a reason to book", []d{{0, 1, nil}, {3, 1, nil}, {4, 1, nil}}, SelfCare, nil, true},
		{"mild pain not easing after 3 days", []d{{0, 2, nil}, {3, 2, nil}}, Doctor, []string{"not_improving"}, false},
		{"easing but still 5 at day 6", []d{{1, 8, nil}, {6, 5, nil}}, Doctor, []string{"still_strong"}, false},
		{"still there after 2 weeks", []d{{1, 5, nil}, {15, 1, nil}}, Doctor, []string{"past_two_weeks"}, false},
		{"8 on the day after is urgent", []d{{1, 8, nil}}, Urgent, []string{"severe_pain"}, false},
		{"7 and rising is urgent, any day", []d{{0, 4, nil}, {1, 7, nil}}, Urgent, []string{"worse_and_severe", "strong_not_easing"}, false},
		{"7 unchanged on day 1 is a doctor", []d{{0, 7, nil}, {1, 7, nil}}, Doctor, []string{"strong_not_easing"}, false},
		{"rising to 5 on day 1 is the usual peak", []d{{0, 3, nil}, {1, 5, nil}}, SelfCare, nil, false},
		{"rising after day 3", []d{{1, 3, nil}, {4, 5, nil}}, Doctor, []string{"not_improving", "getting_worse"}, false},
		{"a fever on any day", []d{{1, 2, nil}, {2, 1, []string{"fever"}}}, Urgent, []string{"fever"}, false},
		{"chest pain on any day", []d{{1, 2, []string{"heart"}}, {2, 1, nil}}, Emergency, []string{"heart"}, false},
		{"recovered: low two days running", []d{{1, 5, nil}, {2, 3, nil}, {3, 1, nil}, {4, 0, nil}}, SelfCare, nil, true},
		{"not recovered: a gap between the low days", []d{{1, 5, nil}, {3, 1, nil}, {5, 1, nil}}, SelfCare, nil, false},
		{"entries in any order", []d{{4, 5, nil}, {1, 6, nil}}, Doctor, []string{"not_improving"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adv := s.AdviseDiary(tt.days)
			var ids []string
			for _, r := range adv.Reasons {
				ids = append(ids, r.ID)
			}
			if adv.Level != tt.level || !equal(ids, tt.reasons) || adv.Recovered != tt.recovered {
				t.Errorf("%s: got %s %v recovered=%v, want %s %v recovered=%v", tt.name, adv.Level, ids, adv.Recovered, tt.level, tt.reasons, tt.recovered)
			}
		})
	}
}

// TestDiaryAndCheckAgree: the same day gives the same level in the diary
// and in the check. Every day from 0 to 30, every pain score and every trend
// (made by a first entry above, at or below the day's pain) go through
// both; and every daily warning sign, ticked in the diary, gives the level
// that the check gives to the answers that set off its group's flags.
func TestDiaryAndCheckAgree(t *testing.T) {
	s := defaultSet(t)
	compared := 0
	for day := 1; day <= 30; day++ {
		for pain := 0; pain <= 10; pain++ {
			for _, first := range []int{-1, pain, pain - 2, pain + 2, pain - 5} {
				days := []DiaryDay{{Day: day, Pain: pain}}
				answers := Answers{"days": {Number: day}, "pain_now": {Number: pain}}
				if first >= 0 && first <= 10 {
					days = []DiaryDay{{Day: 0, Pain: first}, {Day: day, Pain: pain}}
					answers["trend"] = Answer{Option: s.DiaryTrend(days)}
				} else if first != -1 {
					continue
				}
				check, err := s.Evaluate(answers)
				if err != nil {
					t.Fatal(err)
				}
				if diary := s.AdviseDiary(days); diary.Level != check.Level {
					t.Errorf("day %d, pain %d, first %d: the diary says %s, the check %s", day, pain, first, diary.Level, check.Level)
				}
				compared++
			}
		}
	}
	for _, f := range s.Diary.RedFlags {
		g := s.group(f.ID)
		for _, fl := range g.flags {
			st := calm(s)
			for _, c := range fl.when {
				raiseToMeet(s, st, c)
			}
			check := s.evaluate(st).Level
			diary := s.AdviseDiary([]DiaryDay{{Day: 1, Pain: 0, RedFlags: []string{f.ID}}}).Level
			if check != g.Level || diary != g.Level {
				t.Errorf("sign %s (flag %s): the check says %s, the diary %s, the group %s", f.ID, fl.ID, check, diary, g.Level)
			}
			compared++
		}
	}
	t.Logf("%d days compared", compared)
}

// TestDiaryWorseNeverCalmer: more pain on the latest day, or a warning sign
// added on any day, never gives calmer advice.
func TestDiaryWorseNeverCalmer(t *testing.T) {
	s := defaultSet(t)
	rng := rand.New(rand.NewSource(5))
	for range 20000 {
		n := 1 + rng.Intn(8)
		days := make([]DiaryDay, n)
		day := rng.Intn(3)
		for i := range days {
			days[i] = DiaryDay{Day: day, Pain: rng.Intn(11)}
			day += 1 + rng.Intn(3)
			if rng.Intn(10) == 0 {
				days[i].RedFlags = []string{s.Diary.RedFlags[rng.Intn(len(s.Diary.RedFlags))].ID}
			}
		}
		before := s.AdviseDiary(days).Level
		worse := append([]DiaryDay(nil), days...)
		if last := n - 1; rng.Intn(2) == 0 && worse[last].Pain < 10 {
			worse[last].Pain++
		} else {
			i := rng.Intn(n)
			worse[i].RedFlags = append(append([]string(nil), worse[i].RedFlags...), s.Diary.RedFlags[rng.Intn(len(s.Diary.RedFlags))].ID)
		}
		if after := s.AdviseDiary(worse).Level; after.Rank() < before.Rank() {
			t.Fatalf("%v gives %s, but the worse %v gives %s", days, before, worse, after)
		}
	}
}

func TestEveryDiaryRedFlagAloneGivesItsLevel(t *testing.T) {
	s := defaultSet(t)
	for _, f := range s.Diary.RedFlags {
		adv := s.AdviseDiary([]DiaryDay{{Day: 1, Pain: 0, RedFlags: []string{f.ID}}})
		if adv.Level.Rank() < f.Level.Rank() || adv.Recovered {
			t.Errorf("diary flag %s (%s) alone gives %s, recovered=%v", f.ID, f.Level, adv.Level, adv.Recovered)
		}
	}
}

// TestDiaryPlateauReachesTheCheckLevel: 7 on day 1 and then 4 every day to
// day 14 is a plateau, not recovery (clinical.md, "The diary's trend"): from
// day 5 the diary gives doctor, as the check gives for pain 4, not better,
// on that day. Judged from the first entry, it read "better" to the end.
func TestDiaryPlateauReachesTheCheckLevel(t *testing.T) {
	s := defaultSet(t)
	days := []DiaryDay{{Day: 1, Pain: 7}}
	for day := 2; day <= 14; day++ {
		days = append(days, DiaryDay{Day: day, Pain: 4})
		got := s.AdviseDiary(days).Level
		check, err := s.Evaluate(Answers{"pain_now": {Number: 4}, "days": {Number: day}, "trend": {Option: "same"}})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case day >= 5 && (got != Doctor || check.Level != Doctor):
			t.Errorf("day %d of a plateau at 4: the diary says %s, the check %s; want doctor", day, got, check.Level)
		case day == 2 && got != SelfCare:
			t.Errorf("day 2, down from 7 to 4: the diary says %s, want selfcare (better)", got)
		}
	}
}
