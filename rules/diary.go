package rules

import "sort"

// DiaryDay is one day of the recovery diary, as the escalation rules see it.
type DiaryDay struct {
	Day      int      // days since the massage (0: the day of it)
	Pain     int      // 0 to 10
	RedFlags []string // diary red flag ids ticked that day
}

// DiaryAdvice is what the diary says after the latest check-in.
type DiaryAdvice struct {
	Level     Level // selfcare when nothing calls for more
	Reasons   []DiaryReason
	Recovered bool // pain low for long enough: the diary ends
}

// DiaryReason is one rule that applies, with the day it applied.
type DiaryReason struct {
	ID     string // an escalation or a diary red flag id
	Level  Level
	Reason Text
	Day    int
}

// AdviseDiary applies the diary rules to the days so far (any order; one
// entry per day) for a plan of the given severity tier. It is pure.
func (s *Set) AdviseDiary(days []DiaryDay, tier string) DiaryAdvice {
	adv := DiaryAdvice{Level: SelfCare}
	if len(days) == 0 {
		return adv
	}
	ds := append([]DiaryDay(nil), days...)
	sort.Slice(ds, func(i, j int) bool { return ds[i].Day < ds[j].Day })
	d := &s.Diary
	add := func(id string, l Level, reason Text, day int) {
		adv.Reasons = append(adv.Reasons, DiaryReason{id, l, reason, day})
		if l.MoreUrgent(adv.Level) {
			adv.Level = l
		}
	}

	// A red flag on any day.
	for _, day := range ds {
		for _, f := range d.RedFlags {
			if contains(day.RedFlags, f.ID) {
				add(f.ID, f.Level, f.Reason, day.Day)
			}
		}
	}

	first, last := ds[0], ds[len(ds)-1]
	esc := func(id string) *Escalation {
		for i := range d.Escalations {
			if d.Escalations[i].ID == id {
				return &d.Escalations[i]
			}
		}
		return nil
	}
	// Pain up from the first entry, once past the usual peak.
	for _, day := range ds {
		if day.Day >= d.RiseFromDay && day.Pain-first.Pain >= d.RisePoints {
			e := esc("pain_up")
			add(e.ID, e.Level, e.Reason, day.Day)
			break
		}
	}
	// No real improvement by the end of the tier's expected time.
	expected := 0
	for _, t := range s.Plan.Tiers {
		if t.ID == tier {
			expected = t.ExpectedDays
		}
	}
	if expected == 0 && len(s.Plan.Tiers) > 0 {
		expected = s.Plan.Tiers[len(s.Plan.Tiers)-1].ExpectedDays
	}
	drop := first.Pain - last.Pain
	real := drop >= d.ImprovementPoints || drop*100 >= d.ImprovementPercent*first.Pain
	if last.Day >= expected && !real && last.Pain > d.RecoveredMaxPain {
		e := esc("no_improvement")
		add(e.ID, e.Level, e.Reason, last.Day)
	}

	// Recovered: low pain on the last days in a row, and nothing else.
	if adv.Level == SelfCare && len(ds) >= d.RecoveredDays {
		tail := ds[len(ds)-d.RecoveredDays:]
		ok := true
		for i, day := range tail {
			ok = ok && day.Pain <= d.RecoveredMaxPain && (i == 0 || day.Day == tail[i-1].Day+1)
		}
		adv.Recovered = ok
	}
	return adv
}

// DiaryFlag returns the diary red flag with that id, or nil.
func (s *Set) DiaryFlag(id string) *DiaryFlag {
	for i := range s.Diary.RedFlags {
		if s.Diary.RedFlags[i].ID == id {
			return &s.Diary.RedFlags[i]
		}
	}
	return nil
}
