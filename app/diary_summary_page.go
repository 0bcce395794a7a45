package app

import (
	"sort"
	"strconv"
	"strings"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// diarySummaryPage is "/diary/summary": the diary on one printable page for
// a doctor: the massage date, the check result, the chart, what helped and
// the notes.
type diarySummaryPage struct {
	pageBase
	store  *diaryStore
	failed string
}

func (p *diarySummaryPage) OnMount(ctx app.Context) {
	p.store = openDiary(p.l, deviceStorage(), ruleSet())
	p.pageBase.OnMount(ctx)
}

func (p *diarySummaryPage) Render() app.UI {
	l := p.l
	if p.store == nil || p.store.doc.Diary == nil {
		return p.layout("/diary",
			heading(l.say("diary_summary_for_your_doctor")),
			app.P().Text(l.say("diary_summary_empty")),
			app.P().Body(app.A().Class("button primary").Href(l.path("/diary")).Text(l.say("go_to_the_diary"))),
		)
	}
	set := ruleSet()
	d := p.store.doc.Diary
	counts := map[string]int{}
	var notes []app.UI
	for _, e := range p.store.doc.Entries {
		for _, h := range e.Helped {
			counts[h]++
		}
		if e.Note != "" {
			notes = append(notes, app.Li().Text(l.showDate(e.Date)+": "+e.Note))
		}
	}
	var helped []string
	for h, n := range counts {
		helped = append(helped, l.say("helped_days", "what", l.optionLabel(set.Diary.Helped, h), "days", dayCount(l, n)))
	}
	sort.Strings(helped)
	if len(helped) == 0 {
		helped = []string{l.say("nothing_noted")}
	}
	check := l.say("no_check_carried")
	if d.Level != "" {
		check = l.say("advice_from_check", "advice", set.In(set.Level(rules.Level(d.Level)).Title, string(l)))
	}
	adv := p.store.advice()
	var why []app.UI
	for _, r := range adv.Reasons {
		why = append(why, app.Li().Text(l.say("day_reason", "day", strconv.Itoa(r.Day), "reason", l.in(r.Reason))))
	}
	if len(why) == 0 {
		why = append(why, app.Li().Text(l.say("no_warning_signs")))
	}
	// One row a day: the day's pain, stiffness and the warning signs ticked.
	var days []app.UI
	for _, e := range p.store.doc.Entries {
		var signs []string
		for _, id := range e.RedFlags {
			if f := set.DiaryFlag(id); f != nil {
				signs = append(signs, l.in(f.Label))
			}
		}
		if len(signs) == 0 {
			signs = []string{l.say("no_signs")}
		}
		days = append(days, app.Tr().Body(
			app.Th().Scope("row").Text(l.showDate(e.Date)),
			app.Td().DataSet("label", l.say("day")).Text(strconv.Itoa(p.store.dayOf(e.Date))),
			app.Td().DataSet("label", l.say("pain")).Text(strconv.Itoa(e.Pain)),
			app.Td().DataSet("label", l.say("stiffness")).Text(l.optionLabel(set.Diary.Stiffness, e.Stiffness)),
			app.Td().DataSet("label", l.say("warning_signs")).Text(strings.Join(signs, "; ")),
		))
	}
	body := []app.UI{
		heading(l.say("diary_summary_for_your_doctor")),
		app.P().Class("not-diagnosis").Text(l.in(set.Common.NotADiagnosis)),
		app.Ul().Body(append([]app.UI{
			app.Li().Text(l.say("massage_date_is", "date", l.showDate(d.MassageDate))),
			app.Li().Text(check),
			app.Li().Text(l.say("pain_at_first", "tier", strings.ToLower(tierTitle(l, set, d.Tier)))),
		}, cardLines(l, set, d)...)...),
		app.H2().Text(l.say("diary_advice_now", "advice", l.in(set.Level(adv.Level).Title))),
		app.Ul().Class("reasons").Body(why...),
		app.H2().Text(l.say("pain_by_day")),
		painChart(l, p.store, set),
		app.P().Text(trendSummary(l, p.store, set)),
		app.Table().Class("answers-table days-table").Body(
			app.Caption().Text(l.say("each_day_of_the_diary")),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(l.say("date")), app.Th().Scope("col").Text(l.say("day")), app.Th().Scope("col").Text(l.say("pain")),
				app.Th().Scope("col").Text(l.say("stiffness")), app.Th().Scope("col").Text(l.say("warning_signs")),
			)),
			app.TBody().Body(days...),
		),
		app.H2().Text(l.say("what_helped_heading")),
		app.P().Text(strings.Join(helped, ", ")),
	}
	if len(notes) > 0 {
		body = append(body, app.H2().Text(l.say("notes")), app.Ul().Body(notes...))
	}
	body = append(body, app.Div().Class("result-actions no-print").Body(
		app.Button().Type("button").Class("button primary").ID("print").OnClick(guard(&p.failed, func(app.Context, app.Event) { printPage() }), app.EventScope("print")).Text(l.say("print")),
		p.forTheDoctor(),
		app.A().Class("link-button").Href(l.path("/diary")).Text(l.say("back_to_the_diary")),
	))
	return p.layout("/diary", body...)
}

func tierTitle(l lang, set *rules.Set, id string) string {
	if t := set.Tier(id); t != nil {
		return l.in(t.Title)
	}
	return id
}

// cardLines are what a clinic's card added to the diary: the areas worked
// and the therapist's note.
func cardLines(l lang, set *rules.Set, d *diaryInfo) []app.UI {
	var names []string
	for _, a := range d.Areas {
		names = append(names, l.optionLabel(set.Card.Areas, a))
	}
	var lines []app.UI
	if len(names) > 0 {
		lines = append(lines, app.Li().ID("diary-areas").Text(l.say("areas_worked", "areas", strings.Join(names, ", "))))
	}
	if d.Note != "" {
		lines = append(lines, app.Li().ID("diary-card-note").Text(l.say("therapist_note", "note", d.Note)))
	}
	return lines
}
