package app

import (
	"strings"
	"testing"
)

// TestProgressIsHonest: the check never promises a count it will not
// reach. Its words come from how many questions can still change the
// advice: pain of 7 on day 1 is one question (trend) from the advice, and once the
// advice is known the questions about the causes are counted exactly.
func TestProgressIsHonest(t *testing.T) {
	for _, c := range []struct {
		name    string
		answers map[string]any
		more    bool
		want    string
	}{
		{"start", nil, false, "Some more questions about your signs"},
		{"days next", calmWith(map[string]any{"pain_now": 3.0}), false, "A few more questions"},
		{"trend last", calmWith(map[string]any{"pain_now": 7.0, "days": 1.0}), false, "Almost done"},
		{"causes", calmWith(map[string]any{"pain_now": 3.0, "days": 1.0}), true, "Questions about the causes still to go: 9"},
	} {
		p := checkAt(t, c.answers)
		if c.more {
			p.st.More = true
			pr, err := p.st.evaluate(ruleSet())
			if err != nil {
				t.Fatal(err)
			}
			p.pr = pr
		}
		html := render(t, p)
		if !strings.Contains(html, `class="progress-text">`+c.want+"</p>") {
			t.Errorf("%s: progress is not %q:\n%s", c.name, c.want, html)
		}
		if strings.Contains(html, "of up to") {
			t.Errorf("%s: still counts questions that may never come", c.name)
		}
	}
	for left, want := range map[int]string{1: "Almost done", 2: "Almost done", 3: "A few more questions", 6: "A few more questions", 7: "Some more questions about your signs"} {
		if got := progressWords(lang("en"), left, false); got != want {
			t.Errorf("%d left: %q, want %q", left, got, want)
		}
	}
}

// TestDontKnowIsNotTakenAsSaid: a reason set off by "I don't know" says the
// person was not sure, not that they said it: on the advice, the summary
// and the text shared.
func TestDontKnowIsNotTakenAsSaid(t *testing.T) {
	const reason = "Your pain has not got better in 3 or more days."
	for trend, unsure := range map[string]bool{"unsure": true, "same": false} {
		p := checkAt(t, calmWith(map[string]any{"pain_now": 2.0, "days": 3.0, "trend": trend}))
		summary := &summaryPage{pr: &p.pr, asked: []string{"trend"}, date: "2026-11-24"}
		for name, text := range map[string]string{"advice": render(t, p), "summary": render(t, summary), "shared": summary.text()} {
			said := strings.Contains(text, "You were not sure, so to be safe we count it as if: "+reason)
			if !strings.Contains(text, reason) || said != unsure {
				t.Errorf("trend %s, %s: says it was not sure: %v, want %v:\n%s", trend, name, said, unsure, text)
			}
		}
	}
}

// TestDaysIsACompactPicker: the days question is Today, Yesterday, a list
// of the days of the last two weeks by name, and a date for longer ago,
// not 31 number buttons.
func TestDaysIsACompactPicker(t *testing.T) {
	p := checkAt(t, calmWith(map[string]any{"pain_now": 3.0}))
	p.st.Date = "2026-11-26" // a Thursday
	html := render(t, p)
	if !strings.Contains(html, `data-question="days"`) {
		t.Fatalf("not on the days question:\n%s", html)
	}
	for _, want := range []string{
		">Today</button>", ">Yesterday</button>",
		">Tuesday 24 Nov 2026, 2 days ago</option>",
		`>Thursday 12 Nov 2026, 14 days ago</option>`,
		`<label for="days-date">`, `max="2026-11-26"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the days picker lacks %s:\n%s", want, html)
		}
	}
	if !hasTag(html, "option", "selected", `value="2"`) {
		t.Error("two days ago is not the day first chosen in the list")
	}
	if !hasTag(html, "button", `data-value="0"`) || !hasTag(html, "button", `data-value="1"`) {
		t.Error("Today and Yesterday are not the answers 0 and 1")
	}
	if !hasTag(html, "input", `type="date"`, `id="days-date"`) || strings.Count(html, "selected") != 1 {
		t.Error("no date field, or not one day selected in the list")
	}
	if strings.Contains(html, `data-value="2"`) || strings.Contains(html, `data-value="30"`) {
		t.Error("the days question still has a button per number")
	}
	if n := strings.Count(html, "<option "); n != daysListed-1 {
		t.Errorf("%d days in the list, want %d", n, daysListed-1)
	}
	for date, want := range map[string]int{"2026-11-26": 0, "2026-11-25": 1, "2026-10-27": 30, "2026-03-29": 242, "2026-11-27": -1} {
		if n, ok := daysSince(date, "2026-11-26"); !ok || n != want {
			t.Errorf("days since %s: %d, want %d", date, n, want)
		}
	}
	if _, ok := daysSince("", "2026-11-26"); ok {
		t.Error("no date counted as a date")
	}
}
