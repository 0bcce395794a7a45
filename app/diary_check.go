package app

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"aftercare/rules"
)

// The diary's checks, the same for what the person types, what a backup
// brings and what is read back from the device: every date real and in
// range, every id one the rules know, every string within its limit.

// futureDays is how far after the device's date an entry may be: a day,
// for a diary kept across time zones or a clock set back by one.
const futureDays = 1

// maxShown is how much of a bad value a message repeats.
const maxShown = 40

// realDate parses a date (YYYY-MM-DD) that exists: not "2026-02-30".
func realDate(ymd string) (time.Time, bool) {
	t, err := time.Parse(dateLayout, ymd)
	return t, err == nil
}

// shown is a bad value as a message repeats it: cut short, so a file of
// one huge string does not become a huge message.
func shown(v string) string {
	if r := []rune(v); len(r) > maxShown {
		return string(r[:maxShown]) + "…"
	}
	return v
}

// latest is the last date an entry or a massage may have: the device's
// date and a day (futureDays); "" when the device's date is unknown.
func (s *diaryStore) latest() string {
	t, ok := realDate(s.today)
	if !ok {
		return ""
	}
	return t.AddDate(0, 0, futureDays).Format(dateLayout)
}

func (s *diaryStore) checkInfo(in diaryInfo) error {
	m, ok := realDate(in.MassageDate)
	if !ok {
		return s.l.problemAt("massage_date", "massage_date_bad", "date", shown(in.MassageDate))
	}
	if today, ok := realDate(s.today); ok {
		switch {
		case in.MassageDate > s.latest():
			return s.l.problemAt("massage_date", "massage_date_future", "date", in.MassageDate)
		case m.Before(today.AddDate(0, 0, -maxDiaryDays)):
			return s.l.problemAt("massage_date", "massage_date_old", "date", in.MassageDate)
		}
	}
	// The day the diary started: none in a diary kept before it was noted.
	if _, ok := realDate(in.Started); in.Started != "" && (!ok || in.Started < in.MassageDate || (s.latest() != "" && in.Started > s.latest())) {
		return s.l.problemAt("started", "started_bad", "date", shown(in.Started))
	}
	// No tier: the person was not sure, and the first check-in says it.
	if in.Tier != "" && s.set.Tier(in.Tier) == nil {
		var tiers []string
		for _, t := range s.set.Plan.Tiers {
			tiers = append(tiers, t.ID)
		}
		return s.l.problemAt("tier", "tier_bad", "tier", shown(in.Tier), "list", strings.Join(tiers, ", "))
	}
	if bad, ok := s.unknownIn(in.Areas, func(id string) bool { return hasOption(s.set.Card.Areas, id) }); !ok {
		return s.l.problemAt("areas", "area_bad", "value", shown(bad))
	}
	if len([]rune(in.Note)) > s.set.Card.NoteMax {
		return s.l.problemAt("card_note", "note_too_long", "n", strconv.Itoa(s.set.Card.NoteMax))
	}
	if in.Level != "" && rules.Level(in.Level).Rank() < 0 {
		return s.l.problemAt("level", "level_bad", "level", shown(in.Level))
	}
	return nil
}

// checkItem checks an entry for a diary that started with start (nil: no
// start yet): its date is on or after the massage and no later than
// latest.
func (s *diaryStore) checkItem(e diaryItem, start *diaryInfo) error {
	return s.checkItemTo(e, start, s.latest())
}

// checkItemTo checks an entry dated up to last ("": any date after the
// massage).
func (s *diaryStore) checkItemTo(e diaryItem, start *diaryInfo, last string) error {
	if _, ok := realDate(e.Date); !ok {
		return s.l.problemAt("date", "date_bad", "date", shown(e.Date))
	}
	if start != nil && e.Date < start.MassageDate {
		return s.l.problemAt("date", "date_before_massage", "date", e.Date)
	}
	if last != "" && e.Date > last {
		return s.l.problemAt("date", "date_future", "date", e.Date)
	}
	if lo, hi := s.set.PainScale(); e.Pain < lo || e.Pain > hi {
		return s.l.problemAt("pain", "pain_bad", "n", strconv.Itoa(e.Pain), "lo", strconv.Itoa(lo), "hi", strconv.Itoa(hi))
	}
	if !hasOption(s.set.Diary.Stiffness, e.Stiffness) {
		return s.l.problemAt("stiffness", "stiffness_bad", "value", shown(e.Stiffness))
	}
	if bad, ok := s.unknownIn(e.RedFlags, func(id string) bool { return s.set.DiaryFlag(id) != nil }); !ok {
		return s.l.problemAt("red_flags", "sign_bad", "value", shown(bad))
	}
	if bad, ok := s.unknownIn(e.Helped, func(id string) bool { return hasOption(s.set.Diary.Helped, id) }); !ok {
		return s.l.problemAt("helped", "helper_bad", "value", shown(bad))
	}
	if len([]rune(e.Note)) > maxNote {
		return s.l.problemAt("note", "note_too_long", "n", strconv.Itoa(maxNote))
	}
	return nil
}

// unknownIn finds the first id of a list that is not known, or is there
// twice; ok when there is none.
func (s *diaryStore) unknownIn(ids []string, known func(string) bool) (bad string, ok bool) {
	for i, id := range ids {
		if !known(id) || slices.Contains(ids[:i], id) {
			return id, false
		}
	}
	return "", true
}
