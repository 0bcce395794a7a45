package app

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// diaryPage is "/diary": start a diary (from a check result or from
// scratch), a 30-second daily check-in, the trend, and what to do when
// recovery goes off track. Everything stays on the device.
type diaryPage struct {
	pageBase
	store *diaryStore
	today string

	start         diaryInfo // the start form
	fromCheck     bool
	form          diaryItem // the check-in form; Pain -1 until chosen
	message       string
	confirmDelete bool
	failed        string
}

// helperLabels name what helped, in the check-in's order.
var helperLabels = map[string]string{
	"heat": "Heat", "cold": "Cold", "stretching": "Stretching", "rest": "Rest",
	"water": "Water", "walking": "Walking", "pain_reliever": "Pain reliever", "other": "Other",
}

var stiffnessLabels = map[string]string{"none": "None", "mild": "Mild", "moderate": "Moderate", "severe": "Severe"}

func (p *diaryPage) OnMount(ctx app.Context) {
	p.store = openDiary(deviceStorage(), ruleSet())
	if storageFull() && p.store.problem == "" {
		p.store.problem = "This device's storage is full. Your saved entries are safe, but new ones may not be saved. Free some space, or download a backup."
	}
	if problem := storageProblem(); problem != "" && p.store.problem == "" {
		p.store.problem = "This browser is not letting Aftercare save anything here (" + problem + "). The diary works, but entries will be lost when you close the page."
	}
	p.today = localToday()
	// A new diary starts on today's date, which the person sees and can
	// change; how bad the pain was is theirs to say. From a check, only
	// what the check was told is carried over.
	p.start = diaryInfo{MassageDate: p.today}
	q := ctx.Page().URL().Query()
	if q.Get("from") == "check" {
		p.fromCheck = true
		p.start.MassageDate = ""
		if lvl := rules.Level(q.Get("level")); lvl.Rank() >= 0 {
			p.start.Level = string(lvl)
		}
		if tier := q.Get("tier"); tier != "" {
			p.start.Tier = tier
		}
		if n, err := strconv.Atoi(q.Get("days")); err == nil && n >= 0 && n <= 366 {
			t, _ := time.Parse(dateLayout, p.today)
			p.start.MassageDate = t.AddDate(0, 0, -n).Format(dateLayout)
		}
	}
	p.loadForm(p.today)
	p.pageBase.OnMount(ctx)
}

// loadForm fills the check-in form for a date: that day's entry if there is
// one, else a blank one.
func (p *diaryPage) loadForm(date string) {
	p.form = diaryItem{Date: date, Pain: -1, Stiffness: "none", RedFlags: []string{}, Helped: []string{}}
	if i := p.store.doc.find(date); i >= 0 {
		e := p.store.doc.Entries[i]
		p.form = e
		p.form.RedFlags = append([]string{}, e.RedFlags...)
		p.form.Helped = append([]string{}, e.Helped...)
	}
}

func (p *diaryPage) on(scope string, h app.EventHandler) (app.EventHandler, app.EventOption) {
	return guard(&p.failed, h), app.EventScope("diary/" + scope)
}

func (p *diaryPage) value(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

func (p *diaryPage) checked(ctx app.Context) bool { return ctx.JSSrc().Get("checked").Bool() }

// toggle adds or removes an item of a list, as a checkbox does.
func toggle(list []string, item string, on bool) []string {
	out := []string{}
	for _, x := range list {
		if x != item {
			out = append(out, x)
		}
	}
	if on {
		out = append(out, item)
		sort.Strings(out)
	}
	return out
}

func (p *diaryPage) startDiary(ctx app.Context, e app.Event) {
	if p.start.MassageDate == "" || p.start.Tier == "" {
		p.message = "Choose the date of your massage and how bad the pain was at first, then start."
		return
	}
	p.start.Started = p.today
	err := p.store.start(p.start)
	switch {
	case errors.Is(err, errNotSaved):
		p.message = "Your diary has started, but this device is not keeping it (see above)."
	case err != nil:
		p.message = "Could not start the diary: " + err.Error()
		return
	default:
		p.message = "Your diary has started. Add how you feel today."
	}
	p.loadForm(p.today)
}

func (p *diaryPage) save(ctx app.Context, e app.Event) {
	if p.form.Pain < 0 {
		p.message = "Choose how bad the pain is, from 0 to 10, then save."
		return
	}
	before := p.store.advice().Level
	switch err := p.store.put(p.form); {
	case errors.Is(err, errNotSaved):
		p.message = "Added your entry for " + showDate(p.form.Date) + " to the page, but this device could not save it (see above)."
	case err != nil:
		p.message = "Could not save: " + err.Error() + ". Nothing was changed."
		return
	default:
		p.message = "Saved your entry for " + showDate(p.form.Date) + "."
	}
	if after := p.store.advice().Level; after.MoreUrgent(before) {
		p.message += " Please read the advice at the top of the page."
		if after.MoreUrgent(rules.Doctor) {
			// Urgent or emergency: the advice, not the Save button, is
			// where the person must be.
			focusOn(`#diary-advice[data-level="` + string(after) + `"]`)
		}
	}
}

func (p *diaryPage) exportJSON(ctx app.Context, e app.Event) {
	download("aftercare-diary-"+p.today+".json", "application/json", p.store.exportJSON())
}

func (p *diaryPage) exportCSV(ctx app.Context, e app.Event) {
	download("aftercare-diary-"+p.today+".csv", "text/csv", p.store.exportCSV())
}

func (p *diaryPage) exportAside(ctx app.Context, e app.Event) {
	download("aftercare-kept-aside-"+p.today+".json", "application/json", p.store.asideData())
}

func (p *diaryPage) importFile(ctx app.Context, e app.Event) {
	readFile(ctx.JSSrc(), func(data []byte, err error) {
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				p.message = "Import failed: " + err.Error() + ". Nothing was changed."
				return
			}
			added, kept, err := p.store.importJSON(data)
			switch {
			case err != nil && added == 0 && kept == 0:
				p.message = "Import failed: " + err.Error() + ". Nothing was changed."
			default:
				p.message = fmt.Sprintf("Imported %d entries. %d days were already in your diary and were kept as they are.", added, kept)
				p.loadForm(p.form.Date)
			}
		})
	})
}

func (p *diaryPage) reminder(ctx app.Context, e app.Event) {
	download("aftercare-reminder.ics", "text/calendar", reminderICS(p.today))
	p.message = "A calendar file with a daily reminder at 8 pm for 2 weeks was saved. Open it to add it to your calendar."
}

func (p *diaryPage) deleteAll(ctx app.Context, e app.Event) {
	if err := p.store.deleteAll(); err != nil {
		p.message = "Could not delete everything: " + err.Error()
		return
	}
	clearCheck(ctx)
	p.confirmDelete = false
	p.loadForm(p.today)
	p.message = "Everything Aftercare kept on this device is deleted."
}

func (p *diaryPage) Render() app.UI {
	body := []app.UI{heading("Recovery diary")}
	if p.store == nil { // prerendered, before the app runs
		return layout("/diary", append(body,
			app.P().Class("lead").Text("Note how your back feels once a day. It takes less than a minute."),
			app.P().Text("Your diary stays on this device. Nobody else can see it unless you share it."),
			app.P().Text("If your pain is not getting better, or it gets worse, the diary will tell you to get help."),
		)...)
	}
	if p.failed != "" {
		return layout("/diary", append(body,
			app.P().Text("Sorry, the app hit a problem. Your saved entries are safe on this device."),
			app.P().Body(app.A().Href("/diary").Text("Open the diary again")),
		)...)
	}
	set := ruleSet()
	if p.store.problem != "" {
		body = append(body, app.P().Class("notice warning").ID("storage-problem").Role("alert").Text(p.store.problem))
	}
	if len(p.store.aside) > 0 {
		body = append(body, app.Div().Class("notice").ID("kept-aside").Role("alert").Body(
			app.P().Text("Some diary data saved on this device could not be read. It has been kept aside, unchanged, and nothing was deleted."),
			app.Button().Type("button").Class("button").OnClick(p.on("aside", p.exportAside)).Text("Download the kept-aside data"),
		))
	}
	if p.message != "" {
		body = append(body, app.P().Class("notice").ID("diary-message").Role("status").Text(p.message))
	}
	if p.store.doc.Diary == nil {
		body = append(body, p.renderStart(set))
	} else {
		body = append(body, p.renderAdvice(set), p.renderForm(set), p.renderTrend(set), p.renderActions())
	}
	return layout("/diary", body...)
}

func (p *diaryPage) renderStart(set *rules.Set) app.UI {
	tiers := []app.UI{app.Option().Value("").Selected(p.start.Tier == "").Text("Choose")}
	for _, t := range set.Plan.Tiers {
		tiers = append(tiers, app.Option().Value(t.ID).Selected(t.ID == p.start.Tier).Text(set.In(t.Title, locale)))
	}
	intro := "Start a diary to see how your back heals, day by day."
	if p.fromCheck {
		intro = "Your check result is carried over. Check the date of your massage and how bad the pain was, then start."
	}
	return app.Section().Class("diary-start").Aria("labelledby", "start-title").Body(
		app.H2().ID("start-title").Text("Start your diary"),
		app.P().Text(intro),
		app.Label().For("massage-date").Text("Date of your massage"),
		app.Input().Type("date").ID("massage-date").Class("field").Value(p.start.MassageDate).Max(p.today).
			OnChange(p.on("massage-date", func(ctx app.Context, e app.Event) { p.start.MassageDate = p.value(ctx) })),
		app.Label().For("tier").Text("How bad was the pain at first?"),
		app.Select().ID("tier").Class("field").Body(tiers...).
			OnChange(p.on("tier", func(ctx app.Context, e app.Event) { p.start.Tier = p.value(ctx) })),
		app.P().Body(app.Button().Type("button").ID("start-diary").Class("button primary wide").
			OnClick(p.on("start", p.startDiary)).Text("Start the diary")),
		app.H3().Text("Have a backup?"),
		app.P().Text("If you saved a backup of your diary, you can bring it back here."),
		p.importControl(),
	)
}

// importControl picks a backup file to bring back.
func (p *diaryPage) importControl() app.UI {
	return app.Div().Class("import").Body(
		app.Label().For("import-file").Class("file-label").Text("Bring back a backup"),
		app.Input().Type("file").ID("import-file").Class("field").Accept(".json,application/json").OnChange(p.on("import", p.importFile)),
	)
}

func (p *diaryPage) renderAdvice(set *rules.Set) app.UI {
	adv := p.store.advice()
	t := func(x rules.Text) string { return set.In(x, locale) }
	if adv.Level != rules.SelfCare {
		info := set.Level(adv.Level)
		var why []app.UI
		for _, r := range adv.Reasons {
			why = append(why, app.Li().Textf("Day %d: %s", r.Day, t(r.Reason)))
		}
		box := []app.UI{
			app.H2().ID("advice-title").Text(t(info.Title)),
			app.Ul().Body(why...),
			app.P().Text(t(info.DoNow)),
		}
		if adv.Level == rules.Emergency {
			box = append(box, app.A().Class("button emergency call").Href("tel:"+emergencyNumber()).Text("Call "+emergencyNumber()+" now"))
		}
		return app.Section().Class("diary-advice level-"+string(adv.Level)).ID("diary-advice").TabIndex(-1).DataSet("level", string(adv.Level)).
			Aria("labelledby", "advice-title").Body(box...)
	}
	if adv.Recovered {
		return app.Section().Class("diary-advice recovered").ID("diary-advice").DataSet("level", "recovered").Aria("labelledby", "advice-title").Body(
			app.H2().ID("advice-title").Text("You have recovered"),
			app.P().Text(t(set.Diary.RecoveredNote)),
			app.P().Body(app.A().Href("/guide/prevention").Text("How to avoid soreness next time")),
		)
	}
	return app.Section().Class("diary-advice").ID("diary-advice").DataSet("level", "selfcare").Aria("labelledby", "advice-title").Body(
		app.H2().ID("advice-title").Text("On track so far"),
		app.P().Text("Nothing in your diary needs a doctor right now. Keep adding a check-in each day."),
	)
}

func (p *diaryPage) renderForm(set *rules.Set) app.UI {
	f := p.form
	var pain []app.UI
	for n := 0; n <= 10; n++ {
		id := "pain-" + strconv.Itoa(n)
		pain = append(pain, app.Label().Class("choice-box").For(id).Body(
			app.Input().Type("radio").Name("pain").ID(id).Value(n).Checked(f.Pain == n).
				OnChange(p.on(id, func(ctx app.Context, e app.Event) { p.form.Pain = n })),
			app.Span().Text(n),
		))
	}
	var stiff []app.UI
	for _, s := range stiffnessLevels {
		id := "stiff-" + s
		stiff = append(stiff, app.Label().Class("choice-box wide").For(id).Body(
			app.Input().Type("radio").Name("stiffness").ID(id).Value(s).Checked(f.Stiffness == s).
				OnChange(p.on(id, func(ctx app.Context, e app.Event) { p.form.Stiffness = s })),
			app.Span().Text(stiffnessLabels[s]),
		))
	}
	var flags []app.UI
	for _, fl := range set.Diary.RedFlags {
		id := "flag-" + fl.ID
		flags = append(flags, app.Label().Class("option check").For(id).Body(
			app.Input().Type("checkbox").ID(id).Checked(contains(f.RedFlags, fl.ID)).
				OnChange(p.on(id, func(ctx app.Context, e app.Event) { p.form.RedFlags = toggle(p.form.RedFlags, fl.ID, p.checked(ctx)) })),
			app.Span().Text(set.In(fl.Label, locale)),
		))
	}
	var helped []app.UI
	for _, h := range helpers {
		id := "helped-" + h
		helped = append(helped, app.Label().Class("choice-box wide").For(id).Body(
			app.Input().Type("checkbox").ID(id).Checked(contains(f.Helped, h)).
				OnChange(p.on(id, func(ctx app.Context, e app.Event) { p.form.Helped = toggle(p.form.Helped, h, p.checked(ctx)) })),
			app.Span().Text(helperLabels[h]),
		))
	}
	verb := "Save today's check-in"
	if p.store.doc.find(f.Date) >= 0 {
		verb = "Update this day's check-in"
	}
	return app.Section().Class("diary-form").Aria("labelledby", "form-title").Body(
		app.H2().ID("form-title").Text("Daily check-in"),
		app.Label().For("entry-date").Text("Day"),
		app.Input().Type("date").ID("entry-date").Class("field").Value(f.Date).Min(p.store.doc.Diary.MassageDate).Max(p.today).
			OnChange(p.on("entry-date", func(ctx app.Context, e app.Event) { p.loadForm(p.value(ctx)) })),
		app.FieldSet().Body(
			app.Legend().Text("How bad is the pain now? 0 is none, 10 is the worst."),
			app.Div().Class("choice-row").Body(pain...),
		),
		app.FieldSet().Body(
			app.Legend().Text("How stiff is your back?"),
			app.Div().Class("choice-row").Body(stiff...),
		),
		app.FieldSet().Body(
			app.Legend().Text("Any of these new since yesterday?"),
			app.Div().Class("options").Body(flags...),
		),
		app.FieldSet().Body(
			app.Legend().Text("What helped?"),
			app.Div().Class("choice-row").Body(helped...),
		),
		app.Label().For("note").Text("Note (optional)"),
		app.Textarea().ID("note").Class("field").MaxLength(maxNote).Rows(2).Text(f.Note).
			OnChange(p.on("note", func(ctx app.Context, e app.Event) { p.form.Note = p.value(ctx) })),
		app.P().Body(app.Button().Type("button").ID("save-entry").Class("button primary wide").OnClick(p.on("save", p.save)).Text(verb)),
	)
}

func (p *diaryPage) renderTrend(set *rules.Set) app.UI {
	entries := p.store.doc.Entries
	if len(entries) == 0 {
		return app.Section().Class("diary-trend").Aria("labelledby", "trend-title").Body(
			app.H2().ID("trend-title").Text("Your trend"),
			app.P().Text("Your chart appears after your first check-in."),
		)
	}
	var rows []app.UI
	for _, e := range entries {
		var helped []string
		for _, h := range e.Helped {
			helped = append(helped, helperLabels[h])
		}
		// data-label names each cell where a narrow screen stacks them.
		rows = append(rows, app.Tr().Body(
			app.Th().Scope("row").Text(showDate(e.Date)),
			app.Td().DataSet("label", "Day").Text(p.store.dayOf(e.Date)),
			app.Td().DataSet("label", "Pain").Text(e.Pain),
			app.Td().DataSet("label", "Stiffness").Text(stiffnessLabels[e.Stiffness]),
			app.Td().DataSet("label", "Helped").Text(strings.Join(helped, ", ")),
			app.Td().DataSet("label", "Note").Class("note").Text(e.Note),
		))
	}
	return app.Section().Class("diary-trend").Aria("labelledby", "trend-title").Body(
		app.H2().ID("trend-title").Text("Your trend"),
		painChart(p.store, set),
		app.P().ID("trend-summary").Text(trendSummary(p.store, set)),
		app.Div().Class("table-scroll").Role("region").Aria("label", "Your check-ins, scrollable").TabIndex(0).Body(app.Table().Class("answers-table entries-table").Body(
			app.Caption().Text("Your check-ins"),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Date"), app.Th().Scope("col").Text("Day"), app.Th().Scope("col").Text("Pain"),
				app.Th().Scope("col").Text("Stiffness"), app.Th().Scope("col").Text("Helped"), app.Th().Scope("col").Text("Note"),
			)),
			app.TBody().Body(rows...),
		)),
	)
}

func (p *diaryPage) renderActions() app.UI {
	del := []app.UI{app.Button().Type("button").ID("delete-all").Class("button danger").
		OnClick(p.on("ask-delete", func(ctx app.Context, e app.Event) { p.confirmDelete = true })).Text("Delete all my data")}
	if p.confirmDelete {
		del = []app.UI{
			app.P().Role("alert").Text("This deletes your diary, your saved check and everything else Aftercare keeps on this device. It cannot be undone. Export a backup first if you want to keep it."),
			app.Button().Type("button").ID("confirm-delete").Class("button danger").OnClick(p.on("delete", p.deleteAll)).Text("Yes, delete everything"),
			app.Button().Type("button").ID("cancel-delete").Class("link-button").
				OnClick(p.on("cancel-delete", func(ctx app.Context, e app.Event) { p.confirmDelete = false })).Text("Cancel"),
		}
	}
	return app.Section().Class("diary-actions").Aria("labelledby", "actions-title").Body(
		app.H2().ID("actions-title").Text("Keep, share or remove"),
		app.Div().Class("result-actions").Body(
			app.A().Class("button").ID("diary-summary").Href("/diary/summary").Text("Summary for your doctor"),
			app.Button().Type("button").ID("export-json").Class("button").OnClick(p.on("json", p.exportJSON)).Text("Download a backup (JSON)"),
			app.Button().Type("button").ID("export-csv").Class("button").OnClick(p.on("csv", p.exportCSV)).Text("Download the entries (CSV)"),
			p.importControl(),
			app.Button().Type("button").ID("reminder").Class("button").OnClick(p.on("reminder", p.reminder)).Text("Add a daily reminder to my calendar"),
		),
		app.Div().Class("danger-zone").Body(del...),
	)
}

// reminderICS is a calendar file with a daily reminder at 8 pm for two
// weeks from today: the browser needs no server and no account for it.
func reminderICS(today string) []byte {
	d := strings.ReplaceAll(today, "-", "")
	lines := []string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Aftercare//Diary reminder//EN",
		"BEGIN:VEVENT",
		"UID:aftercare-diary-" + d,
		"DTSTAMP:" + d + "T000000Z",
		"DTSTART:" + d + "T200000",
		"DURATION:PT5M",
		"RRULE:FREQ=DAILY;COUNT=14",
		"SUMMARY:Aftercare: how is your back today?",
		"DESCRIPTION:Open Aftercare and add today's check-in. It takes 30 seconds.",
		// The alert itself, at the time of the event.
		"BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Aftercare: how is your back today?", "TRIGGER:PT0M", "END:VALARM",
		"END:VEVENT", "END:VCALENDAR", "",
	}
	return []byte(strings.Join(lines, "\r\n"))
}
