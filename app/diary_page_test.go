package app

import (
	"regexp"
	"strings"
	"testing"
)

func diaryAt(t *testing.T, pains ...int) *diaryPage {
	t.Helper()
	s := newDiary(t, memoryKV{})
	for i, p := range pains {
		if err := s.put(day("2026-11-2"+itoa(1+i*2), p)); err != nil {
			t.Fatal(err)
		}
	}
	p := &diaryPage{store: s, today: "2026-11-30"}
	p.loadForm(p.today)
	return p
}

func TestDiaryPrerenderedWithoutData(t *testing.T) {
	html := render(t, &diaryPage{})
	if !strings.Contains(html, "Your diary stays on this device.") {
		t.Errorf("prerendered diary:\n%s", html)
	}
}

func TestDiaryStartScreen(t *testing.T) {
	p := &diaryPage{store: openDiaryOn(en, memoryKV{}, ruleSet(), testToday), today: "2026-11-30", fromCheck: true,
		start: diaryInfo{MassageDate: "2026-11-29", Tier: "severe", Level: "urgent"}}
	html := render(t, p)
	for _, want := range []string{"Your check result is carried over, with the pain you gave.", `id="massage-date"`, `value="2026-11-29"`, `id="start-diary"`, `id="import-file"`} {
		if !strings.Contains(html, want) {
			t.Errorf("start screen lacks %s", want)
		}
	}
	if !hasTag(html, "option", `value="severe"`, `selected`) {
		t.Error("the severity from the check is not selected")
	}
}

// TestDiaryCheckInPresetsNothing: a new check-in has nothing picked but
// the pain the check was told, on the check's day; a save names what is
// missing and keeps what was picked; the button names the day.
func TestDiaryCheckInPresetsNothing(t *testing.T) {
	p := diaryAt(t)
	p.checkDay, p.checkPain = "2026-11-30", 5
	p.loadForm("2026-11-30")
	if p.form.Pain != 5 || p.form.Stiffness != "" {
		t.Errorf("new check-in on the check's day: pain %d, stiffness %q; want 5 and nothing", p.form.Pain, p.form.Stiffness)
	}
	html := render(t, p)
	// (In the test engine's HTML an unticked radio reads checked="false".)
	picked := func(attr string) bool {
		for _, m := range regexp.MustCompile(`<input\b[^>]*>`).FindAllString(html, -1) {
			if strings.Contains(m, attr) && strings.Contains(m, "checked") && !strings.Contains(m, `checked="false"`) {
				return true
			}
		}
		return false
	}
	if picked(`name="stiffness"`) || !picked(`id="pain-5"`) {
		t.Error("a stiffness is picked for the person, or the check's pain is not")
	}
	if got := p.missing(); got != "Not saved yet. Choose how stiff your back is, then save." {
		t.Errorf("missing: %q", got)
	}
	for date, want := range map[string]string{"2026-11-30": "Save today's check-in", "2026-11-29": "Save yesterday's check-in", "2026-11-27": "Save the check-in for 27 Nov 2026"} {
		p.moveForm(date)
		if got := p.saveLabel(); got != want || p.form.Pain != 5 {
			t.Errorf("on %s: button %q (want %q), pain %d (want 5, kept)", date, got, want, p.form.Pain)
		}
	}
	p.loadForm("2026-11-28")
	if p.form.Pain != -1 {
		t.Errorf("another day has the check's pain: %d", p.form.Pain)
	}
}

func TestDiaryWithEntries(t *testing.T) {
	html := render(t, diaryAt(t, 6, 6, 6, 6))
	for _, want := range []string{
		`data-level="doctor"`, "Your pain has not got better in 3 or more days.",
		`role="img"`, `aria-labelledby="chart-title chart-desc"`, "<title", "class=\"chart-band\"",
		"The shaded area is how pain like yours usually eases.",
		"Pain went from 6 on day 1 to 6 on day 7, over 4 check-ins.",
		">Your check-ins</caption>", `id="export-json"`, `id="export-csv"`, `id="delete-all"`, `href="/diary/summary"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("diary lacks %s", want)
		}
	}
	if n := strings.Count(html, "<circle"); n != 4 {
		t.Errorf("%d points in the chart, want 4", n)
	}
	if strings.Contains(html, `id="confirm-delete"`) {
		t.Error("asks to confirm a deletion nobody asked for")
	}
}

func TestDiaryRecovered(t *testing.T) {
	s := newDiary(t, memoryKV{})
	for _, e := range []diaryItem{day("2026-11-21", 4), day("2026-11-22", 1), day("2026-11-23", 0)} {
		s.put(e)
	}
	html := render(t, &diaryPage{store: s, today: "2026-11-23", form: diaryItem{Date: "2026-11-23", Pain: -1}})
	if !strings.Contains(html, "You have recovered") || !strings.Contains(html, `href="/guide/prevention"`) {
		t.Errorf("recovered diary:\n%s", html)
	}
}

func TestReminderCalendarFile(t *testing.T) {
	ics := string(reminderICS("2026-11-30", en.say("reminder_title"), "Open it; add today, then close."))
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "SUMMARY:Aftercare: how is your back today?\r\n", "DESCRIPTION:Open it\\; add today\\, then close.\r\n", "DTSTART:20261130T200000\r\n", "RRULE:FREQ=DAILY;COUNT=14\r\n",
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\n", "TRIGGER:PT0M\r\nEND:VALARM\r\nEND:VEVENT\r\n", "END:VCALENDAR\r\n"} {
		if !strings.Contains(ics, want) {
			t.Errorf("ics lacks %q", want)
		}
	}
}
