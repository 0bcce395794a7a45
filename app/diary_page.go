package app

import (
	"errors"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

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
	fromCard      bool      // the massage date and areas come from a clinic's card
	checkDay      string    // the day of the check the diary started from
	checkPain     int       // the pain the check was told, or -1
	form          diaryItem // the check-in form; Pain -1 until chosen
	message       string
	confirmDelete bool
	failed        string
}

func (p *diaryPage) OnMount(ctx app.Context) {
	l := p.l
	p.store = openDiary(p.l, deviceStorage(), ruleSet())
	if storageFull() && p.store.problem == "" {
		p.store.problem = l.say("storage_full")
	}
	if problem := storageProblem(); problem != "" && p.store.problem == "" {
		p.store.problem = l.say("storage_blocked", "why", problem)
	}
	p.today = localToday()
	// A new diary starts on today's date, which the person sees and can
	// change; how bad the pain was is theirs to say. From a check, only
	// what the check was told is carried over.
	p.start = diaryInfo{MassageDate: p.today}
	p.checkPain = -1
	if q := ctx.Page().URL().Query(); q.Get("from") == "check" {
		p.fromCheck = true
		p.carryCheck(q)
	}
	// A clinic's card knows the massage: its date, the areas worked and the
	// therapist's note; how bad the pain is comes from the first check-in.
	if c, ok := currentCard(deviceStorage(), ruleSet(), p.today); ok && p.store.doc.Diary == nil {
		p.fromCard = true
		p.start.MassageDate, p.start.Areas, p.start.Note = c.Date, c.Areas, c.Note
	}
	p.loadForm(p.today)
	p.pageBase.OnMount(ctx)
}

// carryCheck takes what a check result's link says: its level and tier,
// the massage date (from the days since it, counted from the check's day),
// and the pain the check was told, for that day's check-in. Anything that
// does not read is left for the person to say.
func (p *diaryPage) carryCheck(q url.Values) {
	p.start.MassageDate = ""
	if lvl := rules.Level(q.Get("level")); lvl.Rank() >= 0 {
		p.start.Level = string(lvl)
	}
	if tier := ruleSet().Tier(q.Get("tier")); tier != nil {
		p.start.Tier = tier.ID
	}
	p.checkDay = p.today
	if on, ok := realDate(q.Get("on")); ok && q.Get("on") <= p.today {
		p.checkDay = on.Format(dateLayout)
	}
	if n, err := strconv.Atoi(q.Get(rules.QuestionDays)); err == nil && n >= 0 && n <= 366 {
		p.start.MassageDate = daysBefore(p.checkDay, n)
	}
	lo, hi := ruleSet().PainScale()
	if n, err := strconv.Atoi(q.Get(rules.QuestionPain)); err == nil && n >= lo && n <= hi {
		p.checkPain = n
	}
}

// loadForm fills the check-in form for a date: that day's entry if there is
// one, else a blank one.
func (p *diaryPage) loadForm(date string) {
	if i := p.store.doc.find(date); i >= 0 {
		e := p.store.doc.Entries[i]
		p.form = e
		p.form.RedFlags = append([]string{}, e.RedFlags...)
		p.form.Helped = append([]string{}, e.Helped...)
		return
	}
	// Nothing is preset: the person picks each answer. The pain the check
	// was told is the answer already given for the check's day.
	p.form = diaryItem{Date: date, Pain: -1, RedFlags: []string{}, Helped: []string{}}
	if date == p.checkDay && p.checkPain >= 0 {
		p.form.Pain = p.checkPain
	}
}

// moveForm changes the day of the check-in: that day's entry if it has
// one, else what is on the form so far, now for that day; nothing typed
// is lost by picking another day.
func (p *diaryPage) moveForm(date string) {
	if p.store.doc.find(date) >= 0 || p.store.doc.find(p.form.Date) >= 0 {
		p.loadForm(date)
		return
	}
	p.form.Date = date
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
	l := p.l
	if p.start.MassageDate == "" {
		p.message = l.say("diary_start_needs")
		return
	}
	p.start.Started = p.today
	err := p.store.start(p.start)
	switch {
	case errors.Is(err, errNotSaved):
		p.message = l.say("diary_started_not_kept")
	case err != nil:
		p.message = l.say("diary_not_started", "why", l.plainWords(err))
		return
	default:
		p.message = l.say("diary_started")
	}
	p.loadForm(p.today)
}

func (p *diaryPage) save(ctx app.Context, e app.Event) {
	l := p.l
	if missing := p.missing(); missing != "" {
		p.message = missing
		return
	}
	before := p.store.advice().Level
	switch err := p.store.put(p.form); {
	case errors.Is(err, errNotSaved):
		p.message = l.say("entry_not_kept", "date", l.showDate(p.form.Date))
	case err != nil:
		p.message = l.say("entry_not_saved", "why", l.plainWords(err))
		return
	default:
		p.message = l.say("entry_saved", "date", l.showDate(p.form.Date))
	}
	if after := p.store.advice().Level; after.MoreUrgent(before) {
		p.message += " " + l.say("read_the_advice")
		if after.MoreUrgent(rules.Doctor) {
			// Urgent or emergency: the advice, not the Save button, is
			// where the person must be.
			focusOn(`#diary-advice[data-level="` + string(after) + `"]`)
		}
	}
}

// missing says what the check-in still needs before it is saved ("" when
// nothing): each answer the person has not picked yet, by name.
func (p *diaryPage) missing() string {
	l := p.l
	switch pain, stiff := p.form.Pain < 0, p.form.Stiffness == ""; {
	case pain && stiff:
		return l.say("choose_pain_and_stiffness")
	case pain:
		return l.say("choose_pain")
	case stiff:
		return l.say("choose_stiffness")
	}
	return ""
}

// saveLabel names the day the button saves: today's, yesterday's or a
// date's check-in; "update" for a day already kept.
func (p *diaryPage) saveLabel() string {
	l, date := p.l, p.form.Date
	kept, yesterday := p.store.doc.find(date) >= 0, daysBefore(p.today, 1)
	switch {
	case date == p.today && kept:
		return l.say("update_today")
	case date == p.today:
		return l.say("save_today")
	case date == yesterday && kept:
		return l.say("update_yesterday")
	case date == yesterday:
		return l.say("save_yesterday")
	case kept:
		return l.say("update_date", "date", l.showDate(date))
	}
	return l.say("save_date", "date", l.showDate(date))
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
	l := p.l
	readFile(l, ctx.JSSrc(), func(data []byte, err error) {
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				p.message = l.say("import_failed", "why", l.plainWords(err))
				return
			}
			added, kept, err := p.store.importJSON(data)
			switch {
			case err != nil:
				p.message = l.say("import_failed", "why", l.plainWords(err))
			default:
				p.message = l.say("imported", "added", strconv.Itoa(added), "kept", strconv.Itoa(kept))
				p.loadForm(p.form.Date)
			}
		})
	})
}

func (p *diaryPage) reminder(ctx app.Context, e app.Event) {
	l := p.l
	download("aftercare-reminder.ics", "text/calendar", reminderICS(p.today, l.say("reminder_title"), l.say("reminder_text")))
	p.message = l.say("reminder_saved")
}

func (p *diaryPage) deleteAll(ctx app.Context, e app.Event) {
	l := p.l
	if err := p.store.deleteAll(); err != nil {
		p.message = l.say("not_deleted", "why", l.plainWords(err))
		return
	}
	clearCheck(deviceStorage())
	p.confirmDelete = false
	p.loadForm(p.today)
	p.message = l.say("all_deleted")
}

func (p *diaryPage) Render() app.UI {
	l := p.l
	body := []app.UI{heading(l.say("recovery_diary"))}
	if p.store == nil { // prerendered, before the app runs
		return p.layout("/diary", append(body,
			tagClass("p", "lead").Text(l.say("note_how_your_back_feels")),
			tagText("p", l.say("your_diary_stays_on_this")),
			tagText("p", l.say("if_your_pain_is_not")),
		)...)
	}
	if p.failed != "" {
		return p.layout("/diary", append(body,
			tagText("p", l.say("diary_failed")),
			app.Elem("p").Body(app.Elem("a").Attr("href", l.path("/diary")).Text(l.say("open_the_diary_again"))),
		)...)
	}
	set := ruleSet()
	if p.store.problem != "" {
		body = append(body, tagClass("p", "notice warning").ID("storage-problem").Role("alert").Text(p.store.problem))
	}
	if len(p.store.aside) > 0 {
		body = append(body, p.renderAside())
	}
	if p.message != "" {
		body = append(body, tagClass("p", "notice").ID("diary-message").Role("status").Text(p.message))
	}
	if p.store.doc.Diary == nil {
		body = append(body, p.renderStart(set))
	} else {
		body = append(body, p.renderAdvice(set), p.renderForm(set), p.renderTrend(set), p.renderActions())
	}
	return p.layout("/diary", body...)
}

// renderAside says what is kept aside, and why: data that could not be
// read, or check-ins dated after the device's date, which come back on
// their day.
func (p *diaryPage) renderAside() app.UI {
	l := p.l
	var says []app.UI
	if p.store.unreadable {
		says = append(says, tagText("p", l.say("some_diary_data_saved_on")))
	}
	if p.store.later > 0 {
		says = append(says, app.Elem("p").ID("kept-for-later").Text(l.say("diary_later_aside", "n", strconv.Itoa(p.store.later))))
	}
	return tagClass("div", "notice").ID("kept-aside").Role("alert").Body(append(says,
		tagClass("button", "button").Attr("type", "button").OnClick(p.on("aside", p.exportAside)).Text(l.say("download_the_kept_aside_data")),
	)...)
}

func (p *diaryPage) renderStart(set *rules.Set) app.UI {
	l := p.l
	tiers := []app.UI{app.Elem("option").Attr("value", "").Attr("selected", p.start.Tier == "").Text(l.say("tier_from_check_in"))}
	for _, t := range set.Plan.Tiers {
		tiers = append(tiers, app.Elem("option").Attr("value", t.ID).Attr("selected", t.ID == p.start.Tier).Text(l.in(t.Title)))
	}
	intro := l.say("diary_intro")
	switch {
	case p.fromCard:
		intro = l.say("diary_intro_from_card")
	case p.fromCheck:
		intro = l.say("diary_intro_from_check")
	}
	return tagClass("section", "diary-start").Aria("labelledby", "start-title").Body(
		app.Elem("h2").ID("start-title").Text(l.say("start_your_diary")),
		tagText("p", intro),
		app.Elem("label").Attr("for", "massage-date").Text(l.say("date_of_your_massage")),
		app.ElemSelfClosing("input").Attr("type", "date").ID("massage-date").Class("field").Attr("value", p.start.MassageDate).Attr("max", p.today).
			OnChange(p.on("massage-date", func(ctx app.Context, e app.Event) { p.start.MassageDate = p.value(ctx) })),
		app.Elem("label").Attr("for", "tier").Text(l.say("how_bad_was_the_pain")),
		tagClass("select", "field").ID("tier").Body(tiers...).
			OnChange(p.on("tier", func(ctx app.Context, e app.Event) { p.start.Tier = p.value(ctx) })),
		app.Elem("p").Body(tagClass("button", "button primary wide").Attr("type", "button").ID("start-diary").
			OnClick(p.on("start", p.startDiary)).Text(l.say("start_the_diary"))),
		tagText("h3", l.say("have_a_backup")),
		tagText("p", l.say("if_you_saved_a_backup")),
		p.importControl(),
	)
}

// importControl picks a backup file to bring back.
func (p *diaryPage) importControl() app.UI {
	l := p.l
	return tagClass("div", "import").Body(
		tagClass("label", "file-label").Attr("for", "import-file").Text(l.say("bring_back_a_backup")),
		app.ElemSelfClosing("input").Attr("type", "file").ID("import-file").Class("field").Attr("accept", ".json,application/json").OnChange(p.on("import", p.importFile)),
	)
}

func (p *diaryPage) renderAdvice(set *rules.Set) app.UI {
	l := p.l
	adv := p.store.advice()
	t := func(x rules.Text) string { return l.in(x) }
	if adv.Level != rules.SelfCare {
		info := set.Level(adv.Level)
		var why []app.UI
		for _, r := range reasonLines(l, adv.Reasons) {
			why = append(why, tagText("li", r))
		}
		box := []app.UI{
			app.Elem("h2").ID("advice-title").Text(t(info.Title)),
			app.Elem("ul").Body(why...),
			tagText("p", t(info.DoNow)),
		}
		if adv.Level == rules.Emergency {
			box = append(box, tagClass("a", "button emergency call").Attr("href", "tel:"+emergencyNumber()).Text(l.say("call_now", "number", emergencyNumber())))
		}
		return tagClass("section", "diary-advice level-"+string(adv.Level)).ID("diary-advice").TabIndex(-1).DataSet("level", string(adv.Level)).
			Aria("labelledby", "advice-title").Body(box...)
	}
	if adv.Recovered {
		return tagClass("section", "diary-advice recovered").ID("diary-advice").DataSet("level", "recovered").Aria("labelledby", "advice-title").Body(
			app.Elem("h2").ID("advice-title").Text(l.say("you_have_recovered")),
			tagText("p", t(set.Diary.RecoveredNote)),
			app.Elem("p").Body(app.Elem("a").Attr("href", l.path("/guide/prevention")).Text(l.say("how_to_avoid_soreness_next"))),
		)
	}
	return tagClass("section", "diary-advice").ID("diary-advice").DataSet("level", "selfcare").Aria("labelledby", "advice-title").Body(
		app.Elem("h2").ID("advice-title").Text(l.say("on_track_so_far")),
		tagText("p", l.say("nothing_in_your_diary_needs")),
	)
}

// formChoices are the check-in's choices: the pain, the stiffness, the
// warning signs and what helped, each ticked as the form has it.
func (p *diaryPage) formChoices(set *rules.Set) (pain, stiff, flags, helped []app.UI) {
	l := p.l
	f := p.form
	lo, hi := set.PainScale()
	for n := lo; n <= hi; n++ {
		id := "pain-" + strconv.Itoa(n)
		pain = append(pain, tagClass("label", "choice-box").Attr("for", id).Body(
			app.ElemSelfClosing("input").Attr("type", "radio").Attr("name", "pain").ID(id).Attr("value", n).Attr("checked", f.Pain == n).
				OnChange(p.on(id, func(ctx app.Context, e app.Event) { p.form.Pain = n })),
			tagText("span", n),
		))
	}
	for _, o := range set.Diary.Stiffness {
		s := o.ID
		id := "stiff-" + s
		stiff = append(stiff, tagClass("label", "choice-box wide").Attr("for", id).Body(
			app.ElemSelfClosing("input").Attr("type", "radio").Attr("name", "stiffness").ID(id).Attr("value", s).Attr("checked", f.Stiffness == s).
				OnChange(p.on(id, func(ctx app.Context, e app.Event) { p.form.Stiffness = s })),
			tagText("span", l.in(o.Label)),
		))
	}
	for _, fl := range set.Diary.RedFlags {
		id := "flag-" + fl.ID
		flags = append(flags, tagClass("label", "option check").Attr("for", id).Body(
			app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Attr("checked", slices.Contains(f.RedFlags, fl.ID)).
				OnChange(p.on(id, func(ctx app.Context, e app.Event) { p.form.RedFlags = toggle(p.form.RedFlags, fl.ID, p.checked(ctx)) })),
			tagText("span", l.in(fl.Label)),
		))
	}
	for _, o := range set.Diary.Helped {
		h := o.ID
		id := "helped-" + h
		helped = append(helped, tagClass("label", "choice-box wide").Attr("for", id).Body(
			app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Attr("checked", slices.Contains(f.Helped, h)).
				OnChange(p.on(id, func(ctx app.Context, e app.Event) { p.form.Helped = toggle(p.form.Helped, h, p.checked(ctx)) })),
			tagText("span", l.in(o.Label)),
		))
	}
	return pain, stiff, flags, helped
}

func (p *diaryPage) renderForm(set *rules.Set) app.UI {
	l := p.l
	f := p.form
	pain, stiff, flags, helped := p.formChoices(set)
	verb := p.saveLabel()
	return tagClass("section", "diary-form").Aria("labelledby", "form-title").Body(
		app.Elem("h2").ID("form-title").Text(l.say("daily_check_in")),
		app.Elem("label").Attr("for", "entry-date").Text(l.say("day")),
		app.ElemSelfClosing("input").Attr("type", "date").ID("entry-date").Class("field").Attr("value", f.Date).Attr("min", p.store.doc.Diary.MassageDate).Attr("max", p.today).
			OnChange(p.on("entry-date", func(ctx app.Context, e app.Event) { p.moveForm(p.value(ctx)) })),
		app.Elem("fieldset").Body(
			tagText("legend", l.say("how_bad_is_the_pain")),
			tagClass("div", "choice-row").Body(pain...),
		),
		app.Elem("fieldset").Body(
			tagText("legend", l.say("how_stiff_is_your_back")),
			tagClass("div", "choice-row").Body(stiff...),
		),
		app.Elem("fieldset").Body(
			tagText("legend", l.say("any_of_these_new_since")),
			tagClass("div", "options").Body(flags...),
		),
		app.Elem("fieldset").Body(
			tagText("legend", l.say("what_helped_question")),
			tagClass("div", "choice-row").Body(helped...),
		),
		app.Elem("label").Attr("for", "note").Text(l.say("note_optional")),
		tagClass("textarea", "field").ID("note").Attr("maxlength", maxNote).Attr("rows", 2).Text(f.Note).
			OnChange(p.on("note", func(ctx app.Context, e app.Event) { p.form.Note = p.value(ctx) })),
		app.Elem("p").Body(tagClass("button", "button primary wide").Attr("type", "button").ID("save-entry").OnClick(p.on("save", p.save)).Text(verb)),
	)
}

func (p *diaryPage) renderTrend(set *rules.Set) app.UI {
	l := p.l
	entries := p.store.doc.Entries
	if len(entries) == 0 {
		return tagClass("section", "diary-trend").Aria("labelledby", "trend-title").Body(
			app.Elem("h2").ID("trend-title").Text(l.say("your_trend")),
			tagText("p", l.say("your_chart_appears_after_your")),
		)
	}
	var rows []app.UI
	for _, e := range entries {
		var helped []string
		for _, h := range e.Helped {
			helped = append(helped, l.optionLabel(set.Diary.Helped, h))
		}
		// data-label names each cell where a narrow screen stacks them.
		rows = append(rows, app.Elem("tr").Body(
			app.Elem("th").Attr("scope", "row").Text(l.showDate(e.Date)),
			app.Elem("td").DataSet("label", l.say("day")).Text(p.store.dayOf(e.Date)),
			app.Elem("td").DataSet("label", l.say("pain")).Text(e.Pain),
			app.Elem("td").DataSet("label", l.say("stiffness")).Text(l.optionLabel(set.Diary.Stiffness, e.Stiffness)),
			app.Elem("td").DataSet("label", l.say("helped")).Text(strings.Join(helped, ", ")),
			app.Elem("td").DataSet("label", l.say("note")).Class("note").Text(e.Note),
		))
	}
	return tagClass("section", "diary-trend").Aria("labelledby", "trend-title").Body(
		app.Elem("h2").ID("trend-title").Text(l.say("your_trend")),
		painChart(l, p.store, set),
		app.Elem("p").ID("trend-summary").Text(trendSummary(l, p.store, set)),
		tagClass("div", "table-scroll").Role("region").Aria("label", l.say("your_check_ins_scrollable")).TabIndex(0).Body(tagClass("table", "answers-table entries-table").Body(
			tagText("caption", l.say("your_check_ins")),
			app.Elem("thead").Body(app.Elem("tr").Body(
				app.Elem("th").Attr("scope", "col").Text(l.say("date")), app.Elem("th").Attr("scope", "col").Text(l.say("day")), app.Elem("th").Attr("scope", "col").Text(l.say("pain")),
				app.Elem("th").Attr("scope", "col").Text(l.say("stiffness")), app.Elem("th").Attr("scope", "col").Text(l.say("helped")), app.Elem("th").Attr("scope", "col").Text(l.say("note")),
			)),
			app.Elem("tbody").Body(rows...),
		)),
	)
}

func (p *diaryPage) renderActions() app.UI {
	l := p.l
	del := []app.UI{tagClass("button", "button danger").Attr("type", "button").ID("delete-all").
		OnClick(p.on("ask-delete", func(ctx app.Context, e app.Event) { p.confirmDelete = true })).Text(l.say("delete_all_my_data"))}
	if p.confirmDelete {
		del = []app.UI{
			app.Elem("p").Role("alert").Text(l.say("this_deletes_your_diary_your")),
			tagClass("button", "button danger").Attr("type", "button").ID("confirm-delete").OnClick(p.on("delete", p.deleteAll)).Text(l.say("yes_delete_everything")),
			tagClass("button", "link-button").Attr("type", "button").ID("cancel-delete").
				OnClick(p.on("cancel-delete", func(ctx app.Context, e app.Event) { p.confirmDelete = false })).Text(l.say("cancel")),
		}
	}
	return tagClass("section", "diary-actions").Aria("labelledby", "actions-title").Body(
		app.Elem("h2").ID("actions-title").Text(l.say("keep_share_or_remove")),
		tagClass("div", "result-actions").Body(
			tagClass("a", "button").ID("diary-summary").Attr("href", l.path("/diary/summary")).Text(l.say("summary_for_your_doctor")),
			tagClass("button", "button").Attr("type", "button").ID("export-json").OnClick(p.on("json", p.exportJSON)).Text(l.say("download_a_backup_json")),
			tagClass("button", "button").Attr("type", "button").ID("export-csv").OnClick(p.on("csv", p.exportCSV)).Text(l.say("download_the_entries_csv")),
			p.importControl(),
			tagClass("button", "button").Attr("type", "button").ID("reminder").OnClick(p.on("reminder", p.reminder)).Text(l.say("add_a_daily_reminder_to")),
		),
		tagClass("div", "danger-zone").Body(del...),
	)
}

// reminderICS is a calendar file with a daily reminder at 8 pm for two
// weeks from today: the browser needs no server and no account for it.
func reminderICS(today, title, text string) []byte {
	d := strings.ReplaceAll(today, "-", "")
	lines := []string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Aftercare//Diary reminder//EN",
		"BEGIN:VEVENT",
		"UID:aftercare-diary-" + d,
		"DTSTAMP:" + d + "T000000Z",
		"DTSTART:" + d + "T200000",
		"DURATION:PT5M",
		"RRULE:FREQ=DAILY;COUNT=14",
		"SUMMARY:" + icsText(title),
		"DESCRIPTION:" + icsText(text),
		// The alert itself, at the time of the event.
		"BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + icsText(title), "TRIGGER:PT0M", "END:VALARM",
		"END:VEVENT", "END:VCALENDAR", "",
	}
	return []byte(strings.Join(lines, "\r\n"))
}

// icsText escapes words for a calendar file (RFC 5545, 3.3.11).
func icsText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
