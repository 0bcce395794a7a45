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
			heading("Diary summary for your doctor"),
			app.P().Text("Your summary appears here once you have started a diary on this device."),
			app.P().Body(app.A().Class("button primary").Href("/diary").Text("Go to the diary")),
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
		helped = append(helped, helperLabels[h]+": "+dayCount(n))
	}
	sort.Strings(helped)
	if len(helped) == 0 {
		helped = []string{"Nothing noted"}
	}
	check := "No check result was carried over."
	if d.Level != "" {
		check = "Advice from the check: " + set.In(set.Level(rules.Level(d.Level)).Title, locale)
	}
	adv := p.store.advice()
	var why []app.UI
	for _, r := range adv.Reasons {
		why = append(why, app.Li().Textf("Day %d: %s", r.Day, set.In(r.Reason, locale)))
	}
	if len(why) == 0 {
		why = append(why, app.Li().Text("None of the warning signs apply."))
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
			signs = []string{"None"}
		}
		days = append(days, app.Tr().Body(
			app.Th().Scope("row").Text(showDate(e.Date)),
			app.Td().DataSet("label", "Day").Text(strconv.Itoa(p.store.dayOf(e.Date))),
			app.Td().DataSet("label", "Pain").Text(strconv.Itoa(e.Pain)),
			app.Td().DataSet("label", "Stiffness").Text(stiffnessLabels[e.Stiffness]),
			app.Td().DataSet("label", "Warning signs").Text(strings.Join(signs, "; ")),
		))
	}
	body := []app.UI{
		heading("Diary summary for your doctor"),
		app.P().Class("not-diagnosis").Text(set.In(set.Common.NotADiagnosis, locale)),
		app.Ul().Body(
			app.Li().Text("Date of the massage: "+showDate(d.MassageDate)),
			app.Li().Text(check),
			app.Li().Text("Pain at first: "+strings.ToLower(tierTitle(set, d.Tier))),
		),
		app.H2().Text("Diary advice now: " + set.In(set.Level(adv.Level).Title, locale)),
		app.Ul().Class("reasons").Body(why...),
		app.H2().Text("Pain by day"),
		painChart(p.store, set),
		app.P().Text(trendSummary(p.store, set)),
		app.Table().Class("answers-table days-table").Body(
			app.Caption().Text("Each day of the diary"),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Date"), app.Th().Scope("col").Text("Day"), app.Th().Scope("col").Text("Pain"),
				app.Th().Scope("col").Text("Stiffness"), app.Th().Scope("col").Text("Warning signs"),
			)),
			app.TBody().Body(days...),
		),
		app.H2().Text("What helped"),
		app.P().Text(strings.Join(helped, ", ")),
	}
	if len(notes) > 0 {
		body = append(body, app.H2().Text("Notes"), app.Ul().Body(notes...))
	}
	body = append(body, app.Div().Class("result-actions no-print").Body(
		app.Button().Type("button").Class("button primary").ID("print").OnClick(guard(&p.failed, func(app.Context, app.Event) { printPage() }), app.EventScope("print")).Text("Print"),
		app.A().Class("link-button").Href("/diary").Text("Back to the diary"),
	))
	return layout("/diary", body...)
}

func tierTitle(set *rules.Set, id string) string {
	if t := set.Tier(id); t != nil {
		return set.In(t.Title, locale)
	}
	return id
}
