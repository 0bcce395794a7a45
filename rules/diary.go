package rules

import (
	"slices"
	"sort"
)

// The check's questions the diary answers from its entries, and the app
// reads by name: the day's pain, the days since the massage, and the trend.
// The rules refuse to load without them.
const (
	QuestionPain  = "pain_now"
	QuestionDays  = "days"
	QuestionTrend = "trend"
)

var diaryQuestions = []string{QuestionPain, QuestionDays, QuestionTrend}

// DiaryDay is one day of the recovery diary, as the escalation rules see it.
type DiaryDay struct {
	Day      int      // days since the massage (0: the day of it)
	Pain     int      // 0 to 10
	RedFlags []string // group ids (diary red flags) ticked that day
}

// DiaryAdvice is what the diary says after the latest check-in.
type DiaryAdvice struct {
	Level     Level // selfcare when nothing calls for more
	Reasons   []DiaryReason
	Recovered bool // pain low for long enough: the diary ends
}

// DiaryReason is one rule that applies, with the day it applied.
type DiaryReason struct {
	ID     string // a check flag id, or a group id for a sign ticked that day
	Level  Level
	Reason Text
	Day    int
}

// AdviseDiary applies the check's own rules to the days so far (any order;
// one entry per day), so the diary and the check agree on the same day:
// a warning sign ticked on any day gives its group's level, and the latest
// day's pain, days since the massage and trend (read from the entries, see
// DiaryTrend) go through the check's flags that use only those answers. It
// is pure.
func (s *Set) AdviseDiary(days []DiaryDay) DiaryAdvice {
	adv := DiaryAdvice{Level: SelfCare}
	if len(days) == 0 {
		return adv
	}
	ds := append([]DiaryDay(nil), days...)
	sort.Slice(ds, func(i, j int) bool { return ds[i].Day < ds[j].Day })
	add := func(id string, l Level, reason Text, day int) {
		adv.Reasons = append(adv.Reasons, DiaryReason{id, l, reason, day})
		if l.MoreUrgent(adv.Level) {
			adv.Level = l
		}
	}

	// A warning sign on any day.
	for _, day := range ds {
		for _, f := range s.Diary.RedFlags {
			if slices.Contains(day.RedFlags, f.ID) {
				add(f.ID, f.Level, f.Reason, day.Day)
			}
		}
	}

	// The latest day, as the check would see it.
	last := ds[len(ds)-1]
	if r, err := s.Evaluate(s.DiaryAnswers(ds)); err == nil {
		for _, reason := range r.Reasons {
			if s.onlyDiaryQuestions(reason.Flag) {
				add(reason.Flag.ID, reason.Flag.Level, reason.Flag.Reason, last.Day)
			}
		}
	}
	sort.SliceStable(adv.Reasons, func(i, j int) bool { return adv.Reasons[i].Level.MoreUrgent(adv.Reasons[j].Level) })

	// Recovered: low pain on the last days in a row, and nothing else.
	d := &s.Diary
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

// DiaryAnswers are the check's answers for the latest of the days (sorted
// by day): its pain, its day since the massage, and, with two entries or
// more, the trend.
func (s *Set) DiaryAnswers(sorted []DiaryDay) Answers {
	last := sorted[len(sorted)-1]
	as := Answers{}
	if q := s.Question(QuestionPain); q != nil {
		as[QuestionPain] = Answer{Number: min(max(last.Pain, q.Min), q.Max)}
	}
	if q := s.Question(QuestionDays); q != nil {
		as[QuestionDays] = Answer{Number: min(max(last.Day, q.Min), q.Max)}
	}
	if t := s.DiaryTrend(sorted); t != "" {
		as[QuestionTrend] = Answer{Option: t}
	}
	return as
}

// DiaryTrend reads the trend the check asks for from the entries (sorted by
// day), judged over the last few days, not from the first entry
// (clinical.md, "The diary's trend"): "worse" when the latest pain is at
// least rise_points above the lowest earlier entry; "better" when it is down
// by improvement_points or improvement_percent from the earliest entry of
// the last trend_days days before it (or, with none there, from the entry
// before it); else "same". "" with fewer than two entries. So 7 on day 1
// and then 4 every day is "better" on day 2 and "same" from day 5: a
// plateau, not recovery.
func (s *Set) DiaryTrend(sorted []DiaryDay) string {
	if len(sorted) < 2 {
		return ""
	}
	d := &s.Diary
	last := sorted[len(sorted)-1]
	earlier := sorted[:len(sorted)-1]
	lowest := earlier[0].Pain
	for _, day := range earlier {
		lowest = min(lowest, day.Pain)
	}
	from := earlier[len(earlier)-1]
	for _, day := range earlier {
		if day.Day >= last.Day-d.TrendDays {
			from = day
			break
		}
	}
	drop := from.Pain - last.Pain
	switch {
	case last.Pain-lowest >= d.RisePoints:
		return "worse"
	case drop > 0 && (drop >= d.ImprovementPoints || drop*100 >= d.ImprovementPercent*from.Pain):
		return "better"
	}
	return "same"
}

// onlyDiaryQuestions reports whether a flag uses only what the diary knows.
func (s *Set) onlyDiaryQuestions(f *Flag) bool {
	for _, c := range f.when {
		if !slices.Contains(diaryQuestions, s.Questions[c.q].ID) {
			return false
		}
	}
	return true
}

// PainScale is the pain question's scale, which the diary's daily check-in
// uses too. A set that loaded has the question (compile checks it).
func (s *Set) PainScale() (lo, hi int) {
	q := s.Question(QuestionPain)
	return q.Min, q.Max
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
