package app

import (
	"strconv"
	"strings"
	"time"
)

// showDate writes a stored date (YYYY-MM-DD) for people, in the page's
// language: "24 Nov 2026", "24 nov 2026". The order and the month names are
// words of the rules (date_format, months), so each language writes its own; a
// date that does not parse is shown as it is.
func (l lang) showDate(ymd string) string {
	t, err := time.Parse(dateLayout, ymd)
	months := strings.Fields(l.say("months"))
	if err != nil || len(months) != 12 {
		return ymd
	}
	return l.say("date_format", "day", strconv.Itoa(t.Day()), "month", months[t.Month()-1], "year", strconv.Itoa(t.Year()))
}

// daysBefore is the stored date n days before ymd, or "".
func daysBefore(ymd string, n int) string {
	t, err := time.Parse(dateLayout, ymd)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, -n).Format(dateLayout)
}

// dayCount says "1 day" or "n days".
func dayCount(l lang, n int) string {
	if n == 1 {
		return l.say("one_day")
	}
	return l.say("n_days", "n", strconv.Itoa(n))
}
