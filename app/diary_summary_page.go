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
// the notes; to print, share or copy as text. Nothing leaves the device
// unless the person shares or pastes it.
type diarySummaryPage struct {
	pageBase
	store  *diaryStore
	status string // after Share or Copy
	failed string
}

func (p *diarySummaryPage) OnMount(ctx app.Context) {
	p.store = openDiary(p.l, deviceStorage(), ruleSet())
	p.pageBase.OnMount(ctx)
}

// diarySummary is what the summary says, in words, once: the page and the
// shared text are both made from it.
type diarySummary struct {
	facts   []string // the massage date, the check's advice, the pain at first, the card's lines
	advice  string   // the diary's advice now
	reasons []string // each reason once, with the days it applied
	trend   string
	days    []diaryDayRow
	helped  string
	notes   []string
}

// diaryDayRow is one day of the diary: its pain, stiffness and the
// warning signs ticked ("" when none).
type diaryDayRow struct{ date, day, pain, stiffness, signs string }

// summarize gathers the summary from the diary.
func summarize(l lang, s *diaryStore, set *rules.Set) diarySummary {
	d := s.doc.Diary
	sum := diarySummary{facts: []string{l.say("massage_date_is", "date", l.showDate(d.MassageDate))}}
	if d.Level != "" {
		sum.facts = append(sum.facts, l.say("advice_from_check", "advice", l.in(set.Level(rules.Level(d.Level)).Title)))
	}
	if d.Tier != "" || len(s.doc.Entries) > 0 {
		sum.facts = append(sum.facts, l.say("pain_at_first", "tier", strings.ToLower(l.in(diaryTier(s, set).Title))))
	}
	sum.facts = append(sum.facts, cardFacts(l, set, d)...)
	adv := s.advice()
	sum.advice = l.say("diary_advice_now", "advice", l.in(set.Level(adv.Level).Title))
	sum.reasons = reasonLines(l, adv.Reasons)
	sum.trend = trendSummary(l, s, set)
	counts := map[string]int{}
	for _, e := range s.doc.Entries {
		var signs []string
		for _, id := range e.RedFlags {
			if f := set.DiaryFlag(id); f != nil {
				signs = append(signs, l.in(f.Label))
			}
		}
		sum.days = append(sum.days, diaryDayRow{l.showDate(e.Date), strconv.Itoa(s.dayOf(e.Date)), strconv.Itoa(e.Pain),
			l.optionLabel(set.Diary.Stiffness, e.Stiffness), strings.Join(signs, "; ")})
		for _, h := range e.Helped {
			counts[h]++
		}
		if e.Note != "" {
			sum.notes = append(sum.notes, l.showDate(e.Date)+": "+e.Note)
		}
	}
	var helped []string
	for h, n := range counts {
		helped = append(helped, l.say("helped_days", "what", l.optionLabel(set.Diary.Helped, h), "days", dayCount(l, n)))
	}
	sort.Strings(helped)
	sum.helped = strings.Join(helped, ", ")
	return sum
}

// reasonLines says each reason of the diary's advice once, with the days
// it applied ("Days 2, 3: ..."), most urgent first.
func reasonLines(l lang, reasons []rules.DiaryReason) []string {
	var order []string
	days := map[string][]string{}
	text := map[string]rules.Text{}
	for _, r := range reasons {
		if _, seen := days[r.ID]; !seen {
			order, text[r.ID] = append(order, r.ID), r.Reason
		}
		if d := strconv.Itoa(r.Day); !strings.Contains(","+strings.Join(days[r.ID], ",")+",", ","+d+",") {
			days[r.ID] = append(days[r.ID], d)
		}
	}
	var out []string
	for _, id := range order {
		line := l.say("day_reason", "day", days[id][0], "reason", l.in(text[id]))
		if len(days[id]) > 1 {
			line = l.say("days_reason", "day", strings.Join(days[id], ", "), "reason", l.in(text[id]))
		}
		out = append(out, line)
	}
	return out
}

// text is the summary as plain text, to share or paste.
func (sum diarySummary) text(l lang, set *rules.Set) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(l.say("diary_summary_for_your_doctor"))
	line(l.in(set.Common.NotADiagnosis))
	for _, f := range sum.facts {
		line("- " + f)
	}
	line("\n" + sum.advice)
	for _, r := range sum.reasons {
		line("- " + r)
	}
	line("\n" + sum.trend)
	for _, d := range sum.days {
		cells := []string{d.date, l.say("day") + " " + d.day, l.say("pain") + " " + d.pain, l.say("stiffness") + " " + d.stiffness}
		if d.signs != "" {
			cells = append(cells, d.signs)
		}
		line("- " + strings.Join(cells, ", "))
	}
	if sum.helped != "" {
		line("\n" + l.say("what_helped_heading") + ": " + sum.helped)
	}
	if len(sum.notes) > 0 {
		line("\n" + l.say("notes") + ":")
		for _, n := range sum.notes {
			line("- " + n)
		}
	}
	return b.String()
}

func (p *diarySummaryPage) Render() app.UI {
	l := p.l
	if p.store == nil || p.store.doc.Diary == nil {
		return p.layout("/diary",
			heading(l.say("diary_summary_for_your_doctor")),
			tagText("p", l.say("diary_summary_empty")),
			app.Elem("p").Body(tagClass("a", "button primary").Attr("href", l.path("/diary")).Text(l.say("go_to_the_diary"))),
		)
	}
	set := ruleSet()
	sum := summarize(l, p.store, set)
	body := []app.UI{
		heading(l.say("diary_summary_for_your_doctor")),
		tagClass("p", "not-diagnosis").Text(l.in(set.Common.NotADiagnosis)),
		listOf(sum.facts, "facts"),
		tagText("h2", sum.advice),
		listOf(sum.reasons, "reasons"),
		tagText("h2", l.say("pain_by_day")),
		painChart(l, p.store, set),
		tagText("p", sum.trend),
		p.daysTable(sum.days),
	}
	if sum.helped != "" {
		body = append(body, tagText("h2", l.say("what_helped_heading")), app.Elem("p").ID("diary-helped").Text(sum.helped))
	}
	if len(sum.notes) > 0 {
		body = append(body, tagText("h2", l.say("notes")), listOf(sum.notes, "notes"))
	}
	body = append(body, p.actions(), tagClass("p", "status no-print").ID("share-status").Role("status").Text(p.status))
	return p.layout("/diary", body...)
}

// listOf is a list of lines; nothing when there are none.
func listOf(lines []string, class string) app.UI {
	if len(lines) == 0 {
		return nil
	}
	var li []app.UI
	for _, s := range lines {
		li = append(li, tagText("li", s))
	}
	return tagClass("ul", class).Body(li...)
}

// daysTable is one row a day: the day's pain, stiffness and the warning
// signs ticked.
func (p *diarySummaryPage) daysTable(days []diaryDayRow) app.UI {
	l := p.l
	var rows []app.UI
	for _, d := range days {
		signs := d.signs
		if signs == "" {
			signs = l.say("no_signs")
		}
		rows = append(rows, app.Elem("tr").Body(
			app.Elem("th").Attr("scope", "row").Text(d.date),
			app.Elem("td").DataSet("label", l.say("day")).Text(d.day),
			app.Elem("td").DataSet("label", l.say("pain")).Text(d.pain),
			app.Elem("td").DataSet("label", l.say("stiffness")).Text(d.stiffness),
			app.Elem("td").DataSet("label", l.say("warning_signs")).Text(signs),
		))
	}
	return tagClass("table", "answers-table days-table").Body(
		tagText("caption", l.say("each_day_of_the_diary")),
		app.Elem("thead").Body(app.Elem("tr").Body(
			app.Elem("th").Attr("scope", "col").Text(l.say("date")), app.Elem("th").Attr("scope", "col").Text(l.say("day")), app.Elem("th").Attr("scope", "col").Text(l.say("pain")),
			app.Elem("th").Attr("scope", "col").Text(l.say("stiffness")), app.Elem("th").Attr("scope", "col").Text(l.say("warning_signs")),
		)),
		app.Elem("tbody").Body(rows...),
	)
}

// actions print, share (where the browser has a share sheet) and copy the
// summary.
func (p *diarySummaryPage) actions() app.UI {
	l := p.l
	on := func(scope string, h app.EventHandler) (app.EventHandler, app.EventOption) {
		return guard(&p.failed, h), app.EventScope(scope)
	}
	var share app.UI
	if canShare() {
		share = tagClass("button", "button").Attr("type", "button").ID("share").OnClick(on("share", p.share)).Text(l.say("share"))
	}
	return tagClass("div", "result-actions no-print").Body(
		tagClass("button", "button primary").Attr("type", "button").ID("print").OnClick(on("print", func(app.Context, app.Event) { printPage() })).Text(l.say("print")),
		share,
		tagClass("button", "button").Attr("type", "button").ID("copy").OnClick(on("copy", p.copy)).Text(l.say("copy")),
		p.forTheDoctor(),
		tagClass("a", "link-button").Attr("href", l.path("/diary")).Text(l.say("back_to_the_diary")),
	)
}

func (p *diarySummaryPage) text() string {
	set := ruleSet()
	return summarize(p.l, p.store, set).text(p.l, set)
}

func (p *diarySummaryPage) share(ctx app.Context, e app.Event) {
	shareText(p.l.say("diary_summary_for_your_doctor"), p.text(), p.told(ctx))
}

func (p *diarySummaryPage) copy(ctx app.Context, e app.Event) { copyText(p.text(), p.told(ctx)) }

// told shows how sharing or copying went.
func (p *diarySummaryPage) told(ctx app.Context) func(string) {
	return func(outcome string) {
		ctx.Dispatch(func(app.Context) { p.status = sharedStatus(p.l, outcome) })
	}
}

// cardFacts are what a clinic's card added to the diary: the areas worked
// and the therapist's note.
func cardFacts(l lang, set *rules.Set, d *diaryInfo) []string {
	var names []string
	for _, a := range d.Areas {
		names = append(names, l.optionLabel(set.Card.Areas, a))
	}
	var lines []string
	if len(names) > 0 {
		lines = append(lines, l.say("areas_worked", "areas", strings.Join(names, ", ")))
	}
	if d.Note != "" {
		lines = append(lines, l.say("therapist_note", "note", d.Note))
	}
	return lines
}
