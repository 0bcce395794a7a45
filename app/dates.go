package app

import (
	"strconv"
	"time"
)

// The one way dates are written for people: "24 Nov 2026" (day 1 is the
// day after the massage). Stored dates are YYYY-MM-DD.
const shownDate = "2 Jan 2006"

// showDate writes a stored date for people; a date that does not parse is
// shown as it is.
func showDate(ymd string) string {
	t, err := time.Parse(dateLayout, ymd)
	if err != nil {
		return ymd
	}
	return t.Format(shownDate)
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
func dayCount(n int) string {
	if n == 1 {
		return say("one_day")
	}
	return say("n_days", "n", strconv.Itoa(n))
}
