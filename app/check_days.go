package app

import (
	"math"
	"strconv"
	"strings"
	"time"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The days question (rules.QuestionDays) as a compact picker: Today and
// Yesterday as buttons, each day of the last two weeks by its name in a
// list, and a date field for longer ago. Each gives the same answer, the
// number of days, so the rules see no difference.

// daysListed is the oldest day the list names; older ones take the date.
const daysListed = 14

// renderDays is the days question's answers.
func (p *checkPage) renderDays(q *rules.Question) app.UI {
	l := p.l
	today := p.today()
	var quick []app.UI
	for _, a := range q.Anchors {
		if a.Value <= 1 { // Today, Yesterday
			quick = append(quick, tagClass("button", "option").Attr("type", "button").DataSet("value", a.Value).
				OnClick(p.on("n"+strconv.Itoa(a.Value), p.score(a.Value))).Text(l.in(a.Label)))
		}
	}
	pick := p.dayPicked()
	var days []app.UI
	for n := 2; n <= daysListed; n++ {
		o := app.Elem("option").Attr("value", n).Text(dayName(l, today, n))
		if n == pick { // never selected="false": a browser reads that as selected
			o = o.Attr("selected", true)
		}
		days = append(days, o)
	}
	return tagClass("div", "days-picker").Body(
		tagClass("div", "options").Role("group").Aria("labelledby", mainHeadingID).Body(quick...),
		app.Elem("label").Attr("for", "days-pick").Text(l.say("days_pick_label")),
		tagClass("div", "days-row").Body(
			tagClass("select", "field").ID("days-pick").OnChange(p.on("days-pick", p.setDay)).Body(days...),
			tagClass("button", "button").Attr("type", "button").ID("days-pick-go").
				OnClick(p.on("days-pick-go", p.useDay)).Text(l.say("days_use_this_day")),
		),
		app.Elem("label").Attr("for", "days-date").Text(l.say("days_date_label")),
		tagClass("div", "days-row").Body(
			app.ElemSelfClosing("input").Attr("type", "date").ID("days-date").Class("field").Attr("max", today).Attr("value", p.dayDate).
				OnChange(p.on("days-date", p.setDate)).OnInput(p.on("days-date-in", p.setDate)),
			tagClass("button", "button").Attr("type", "button").ID("days-date-go").
				OnClick(p.on("days-date-go", p.useDate)).Text(l.say("days_use_this_date")),
		),
	)
}

// today is the day the check was started, from which days are counted.
func (p *checkPage) today() string {
	if p.st.Date != "" {
		return p.st.Date
	}
	return localToday()
}

// dayPicked is the day chosen in the list: the one answered before going
// back, else two days ago.
func (p *checkPage) dayPicked() int {
	if p.dayPick == 0 && p.previous != nil && p.previous.Number >= 2 && p.previous.Number <= daysListed {
		return p.previous.Number
	}
	return max(p.dayPick, 2)
}

// dayName names the day n days before today: "Tuesday 24 Nov 2026, 2 days ago".
func dayName(l lang, today string, n int) string {
	day := daysBefore(today, n)
	t, err := time.Parse(dateLayout, day)
	names := strings.Fields(l.say("weekdays"))
	if err != nil || len(names) != 7 {
		return dayCount(l, n)
	}
	return l.say("days_ago_option", "weekday", names[t.Weekday()], "date", l.showDate(day), "n", strconv.Itoa(n))
}

func (p *checkPage) setDay(ctx app.Context, e app.Event) {
	if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && n >= 2 && n <= daysListed {
		p.dayPick = n
	}
}

func (p *checkPage) setDate(ctx app.Context, e app.Event) {
	p.dayDate = ctx.JSSrc().Get("value").String()
}

func (p *checkPage) useDay(ctx app.Context, e app.Event) {
	p.step(ctx, rules.Answer{Number: p.dayPicked()})
}

// useDate answers with the days from the date picked to today; a date older
// than the question's last number counts as that number. No date, or one
// still to come, is told and waits.
func (p *checkPage) useDate(ctx app.Context, e app.Event) {
	n, ok := daysSince(p.dayDate, p.today())
	switch {
	case !ok:
		p.notice = p.l.say("days_date_missing")
		focusOn("#days-date")
		return
	case n < 0:
		p.notice = p.l.say("days_date_future")
		focusOn("#days-date")
		return
	}
	q := ruleSet().Question(rules.QuestionDays)
	p.notice = ""
	p.step(ctx, rules.Answer{Number: min(n, q.Max)})
}

// daysSince counts the days from the date to today (negative if it is
// later); ok is false when either is not a date.
func daysSince(date, today string) (int, bool) {
	d, err1 := time.Parse(dateLayout, date)
	t, err2 := time.Parse(dateLayout, today)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return int(math.Round(t.Sub(d).Hours() / 24)), true
}
