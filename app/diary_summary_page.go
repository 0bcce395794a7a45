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
	p.store = openDiary(deviceStorage(), ruleSet())
	p.pageBase.OnMount(ctx)
}

func (p *diarySummaryPage) Render() app.UI {
	if p.store == nil || p.store.doc.Diary == nil {
		return layout("/diary",
			heading(say("diary_summary_for_your_doctor")),
			app.P().Text(say("diary_summary_empty")),
			app.P().Body(app.A().Class("button primary").Href("/diary").Text(say("go_to_the_diary"))),
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
			notes = append(notes, app.Li().Text(showDate(e.Date)+": "+e.Note))
		}
	}
	var helped []string
	for h, n := range counts {
		helped = append(helped, say("helped_days", "what", optionLabel(set, set.Diary.Helped, h), "days", dayCount(n)))
	}
	sort.Strings(helped)
	if len(helped) == 0 {
		helped = []string{say("nothing_noted")}
	}
	check := say("no_check_carried")
	if d.Level != "" {
		check = say("advice_from_check", "advice", set.In(set.Level(rules.Level(d.Level)).Title, locale))
	}
	adv := p.store.advice()
	var why []app.UI
	for _, r := range adv.Reasons {
		why = append(why, app.Li().Text(say("day_reason", "day", strconv.Itoa(r.Day), "reason", set.In(r.Reason, locale))))
	}
	if len(why) == 0 {
		why = append(why, app.Li().Text(say("no_warning_signs")))
	}
	// One row a day: the day's pain, stiffness and the warning signs ticked.
	var days []app.UI
	for _, e := range p.store.doc.Entries {
		var signs []string
		for _, id := range e.RedFlags {
			if f := set.DiaryFlag(id); f != nil {
				signs = append(signs, set.In(f.Label, locale))
			}
		}
		if len(signs) == 0 {
			signs = []string{say("no_signs")}
		}
		days = append(days, app.Tr().Body(
			app.Th().Scope("row").Text(showDate(e.Date)),
			app.Td().DataSet("label", say("day")).Text(strconv.Itoa(p.store.dayOf(e.Date))),
			app.Td().DataSet("label", say("pain")).Text(strconv.Itoa(e.Pain)),
			app.Td().DataSet("label", say("stiffness")).Text(optionLabel(set, set.Diary.Stiffness, e.Stiffness)),
			app.Td().DataSet("label", say("warning_signs")).Text(strings.Join(signs, "; ")),
		))
	}
	body := []app.UI{
		heading(say("diary_summary_for_your_doctor")),
		app.P().Class("not-diagnosis").Text(set.In(set.Common.NotADiagnosis, locale)),
		app.Ul().Body(append([]app.UI{
			app.Li().Text(say("massage_date_is", "date", showDate(d.MassageDate))),
			app.Li().Text(check),
			app.Li().Text(say("pain_at_first", "tier", strings.ToLower(tierTitle(set, d.Tier)))),
		}, cardLines(set, d)...)...),
		app.H2().Text(say("diary_advice_now", "advice", set.In(set.Level(adv.Level).Title, locale))),
		app.Ul().Class("reasons").Body(why...),
		app.H2().Text(say("pain_by_day")),
		painChart(p.store, set),
		app.P().Text(trendSummary(p.store, set)),
		app.Table().Class("answers-table days-table").Body(
			app.Caption().Text(say("each_day_of_the_diary")),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(say("date")), app.Th().Scope("col").Text(say("day")), app.Th().Scope("col").Text(say("pain")),
				app.Th().Scope("col").Text(say("stiffness")), app.Th().Scope("col").Text(say("warning_signs")),
			)),
			app.TBody().Body(days...),
		),
		app.H2().Text(say("what_helped_heading")),
		app.P().Text(strings.Join(helped, ", ")),
	}
	if len(notes) > 0 {
		body = append(body, app.H2().Text(say("notes")), app.Ul().Body(notes...))
	}
	body = append(body, app.Div().Class("result-actions no-print").Body(
		app.Button().Type("button").Class("button primary").ID("print").OnClick(guard(&p.failed, func(app.Context, app.Event) { printPage() }), app.EventScope("print")).Text(say("print")),
		app.A().Class("link-button").Href("/diary").Text(say("back_to_the_diary")),
	))
	return layout("/diary", body...)
}

func tierTitle(set *rules.Set, id string) string {
	if t := set.Tier(id); t != nil {
		return set.In(t.Title, locale)
	}
	return id
}

// cardLines are what a clinic's card added to the diary: the areas worked
// and the therapist's note.
func cardLines(set *rules.Set, d *diaryInfo) []app.UI {
	var names []string
	for _, a := range d.Areas {
		names = append(names, optionLabel(set, set.Card.Areas, a))
	}
	var lines []app.UI
	if len(names) > 0 {
		lines = append(lines, app.Li().ID("diary-areas").Text(say("areas_worked", "areas", strings.Join(names, ", "))))
	}
	if d.Note != "" {
		lines = append(lines, app.Li().ID("diary-card-note").Text(say("therapist_note", "note", d.Note)))
	}
	return lines
}
