package app

import (
	"slices"
	"strconv"
	"strings"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// summaryPage is "/check/summary": the check on one page to show or send a
// doctor or therapist: the date, the answers, the advice and why. It is
// made on the device from the saved check; nothing is sent anywhere unless
// the person shares it.
type summaryPage struct {
	pageBase
	pr       *progress
	asked    []string
	fromCard []string    // answered by a clinic's card
	card     *rules.Card // that card, while it is kept on the device
	date     string      // YYYY-MM-DD: the day of the check
	status   string      // after Share or Copy
	failed   string
	confirm  bool        // "delete this check?" is asked
	typed    []typedSign // signs typed in the person's words, and confirmed
	wrote    []string    // typed words that matched no sign
	other    bool        // the check was done for someone else
}

func (p *summaryPage) OnMount(ctx app.Context) {
	if st, err := loadCheck(deviceStorage()); err == nil && st.Started {
		if pr, err := st.evaluate(ruleSet()); err == nil && pr.current == "" {
			p.pr, p.asked, p.fromCard, p.date = &pr, st.Asked, st.FromCard, st.Date
			p.typed, p.wrote, p.other = st.Typed, st.Wrote, st.Other
		}
	}
	if c, ok := currentCard(deviceStorage(), ruleSet(), localToday()); ok && len(p.fromCard) > 0 {
		p.card = &c
	}
	if p.date == "" {
		p.date = localToday()
	}
	p.pageBase.OnMount(ctx)
}

// row is one line of the answers: the question, what was answered, and for
// a list, what was not ticked.
type row struct{ question, answer, not, typed string }

// rows lists every question asked with its answer, and after them the
// danger questions that were not asked (the advice was already clear).
func (p *summaryPage) rows(set *rules.Set) []row {
	l := p.l
	them := func(x, y rules.Text) string { return l.in(rules.Them(x, y, p.other)) }
	var out []row
	ids := append(append([]string{}, p.asked...), p.fromCard...)
	for _, t := range p.typed { // typed for a list not asked
		if !slices.Contains(ids, t.Question) {
			ids = append(ids, t.Question)
		}
	}
	for _, id := range ids {
		q := set.Question(id)
		if q == nil {
			continue
		}
		a := p.pr.answers[id]
		r := row{question: them(q.Text, q.TextThem), answer: set.AnswerLabelThem(id, a, string(l), p.other)}
		switch {
		case q.Kind == rules.KindMulti:
			var yes, no []string
			for _, o := range q.Options {
				if slices.Contains(a.Options, o.ID) {
					yes = append(yes, them(o.Label, o.LabelThem))
				} else {
					no = append(no, them(o.Label, o.LabelThem))
				}
			}
			// Nothing ticked is one line naming each sign ruled out, not
			// an empty "Yes" over a "No".
			r.answer = l.say("ticked", "list", strings.Join(yes, "; "))
			r.not = l.say("not_ticked", "list", strings.Join(no, "; "))
			if len(yes) == 0 {
				r.answer, r.not = l.say("ticked_none", "list", strings.Join(no, "; ")), ""
			}
		case id == rules.QuestionDays && !a.Unsure:
			r.answer = l.say("massage_on", "date", l.showDate(daysBefore(p.date, a.Number)), "n", strconv.Itoa(a.Number))
		}
		r.typed = p.typedLine(id)
		if slices.Contains(p.fromCard, id) {
			r.answer = l.say("from_card", "answer", r.answer)
		}
		out = append(out, r)
	}
	for _, q := range set.Questions {
		if _, answered := p.pr.answers[q.ID]; answered || !set.FlagReads(q.ID) || q.Gated() {
			continue
		}
		out = append(out, row{question: them(q.Text, q.TextThem), answer: l.say("not_asked")})
	}
	return out
}

// typedLine is what the person typed for the signs of a question, or "".
func (p *summaryPage) typedLine(id string) string {
	var texts []string
	for _, t := range p.typed {
		if t.Question == id && t.Text != "" && !slices.Contains(texts, t.Text) {
			texts = append(texts, t.Text)
		}
	}
	if len(texts) == 0 {
		return ""
	}
	return p.l.say("say_you_typed", "text", strings.Join(texts, "; "))
}

func (p *summaryPage) Render() app.UI {
	l := p.l
	if p.pr == nil {
		return p.layout("/check",
			heading(l.say("summary_for_your_doctor")),
			tagText("p", l.say("check_summary_empty")),
			app.Elem("p").Body(tagClass("a", "button primary").Attr("href", l.path("/check")).Text(l.say("go_to_the_check"))),
		)
	}
	set := ruleSet()
	t := func(x rules.Text) string { return l.in(x) }
	info := set.Level(p.pr.result.Level)

	return p.layout("/check",
		heading(l.say("summary_for_your_doctor")),
		tagText("p", l.say("made_on", "date", l.showDate(p.date))),
		p.forOther(),
		app.If(set.Began(p.pr.answers, string(l)) != "", func() app.UI {
			return tagClass("p", "pain-began").Text(set.Began(p.pr.answers, string(l)))
		}),
		tagClass("p", "not-diagnosis").Text(t(set.Common.NotADiagnosis)),
		tagText("h2", l.say("advice_given")),
		tagClass("p", "summary-level").Text(l.in(rules.Them(info.Title, info.TitleThem, p.other))),
		tagText("h2", l.say("why")),
		p.whyList(),
		tagText("h2", l.say("answers")),
		p.answersTable(set),
		p.wrotePart(),
		p.cardPart(set),
		tagClass("div", "result-actions no-print").Body(
			tagClass("button", "button primary").Attr("type", "button").ID("print").OnClick(guard(&p.failed, p.print), app.EventScope("print")).Text(l.say("print")),
			tagClass("button", "button").Attr("type", "button").ID("share").OnClick(guard(&p.failed, p.share), app.EventScope("share")).Text(l.say("share_or_copy")),
			p.forTheDoctor(),
			tagClass("a", "link-button").Attr("href", l.path("/check")).Text(l.say("back_to_my_advice")),
		),
		tagClass("div", "no-print").Body(p.deletePart()),
		tagClass("p", "status no-print").Role("status").Text(p.status),
	)
}

// whyList is each reason for the advice, once, in plain words.
func (p *summaryPage) whyList() app.UI {
	l := p.l
	var why []app.UI
	for _, r := range p.pr.result.Reasons {
		why = append(why, tagText("li", l.reason(r)))
	}
	if len(why) == 0 {
		why = append(why, tagText("li", l.say("no_warning_signs")))
	}
	return app.Elem("ul").Body(why...)
}

// answersTable is every answer given, a row per question.
func (p *summaryPage) answersTable(set *rules.Set) app.UI {
	l := p.l
	var rows []app.UI
	for _, r := range p.rows(set) {
		cell := []app.UI{app.Text(r.answer)}
		if r.not != "" {
			cell = append(cell, app.ElemSelfClosing("br"), tagClass("span", "not-ticked").Text(r.not))
		}
		if r.typed != "" {
			cell = append(cell, app.ElemSelfClosing("br"), tagClass("span", "typed").Text(r.typed))
		}
		rows = append(rows, app.Elem("tr").Body(
			app.Elem("th").Attr("scope", "row").Text(r.question),
			app.Elem("td").Body(cell...),
		))
	}
	return tagClass("table", "answers-table").Body(
		app.Elem("thead").Body(app.Elem("tr").Body(app.Elem("th").Attr("scope", "col").Text(l.say("question")), app.Elem("th").Attr("scope", "col").Text(l.say("answer")))),
		app.Elem("tbody").Body(rows...),
	)
}

// deletePart offers to forget the check, then asks once to be sure.
func (p *summaryPage) deletePart() app.UI {
	l := p.l
	var del app.UI = tagClass("button", "link-button").Attr("type", "button").ID("delete-check").OnClick(guard(&p.failed, p.deleteCheck), app.EventScope("delete")).Text(l.say("delete_this_check_from_this"))
	if p.confirm {
		del = tagClass("div", "notice confirm").ID("confirm-delete").Role("alertdialog").Body(
			tagText("p", l.say("delete_this_check_and_its")),
			tagClass("button", "button").Attr("type", "button").ID("confirm-delete-yes").OnClick(guard(&p.failed, p.deleteCheck), app.EventScope("delete-yes")).Text(l.say("yes_delete_it")),
			tagClass("button", "button primary").Attr("type", "button").ID("confirm-delete-no").OnClick(guard(&p.failed, func(app.Context, app.Event) { p.confirm = false }), app.EventScope("delete-no")).Text(l.say("no_keep_it")),
		)
	}
	return del
}

// deleteCheck forgets the check, after asking once.
func (p *summaryPage) deleteCheck(ctx app.Context, e app.Event) {
	if !p.confirm {
		p.confirm = true
		return
	}
	clearCheck(deviceStorage())
	p.pr, p.asked, p.confirm = nil, nil, false
}

func (p *summaryPage) print(ctx app.Context, e app.Event) { printPage() }

func (p *summaryPage) share(ctx app.Context, e app.Event) {
	l := p.l
	shareText(l.say("share_title"), p.text(), func(outcome string) {
		ctx.Dispatch(func(app.Context) { p.status = sharedStatus(l, outcome) })
	})
}

// sharedStatus says how sharing or copying went ("shared", "copied" or
// "" when it did not).
func sharedStatus(l lang, outcome string) string {
	switch outcome {
	case "shared":
		return l.say("shared")
	case "copied":
		return l.say("copied")
	}
	return l.say("not_shared")
}

// text is the summary as plain text, for sharing.
func (p *summaryPage) text() string {
	l := p.l
	set := ruleSet()
	t := func(x rules.Text) string { return l.in(x) }
	var b strings.Builder
	b.WriteString(l.say("share_heading", "date", l.showDate(p.date)) + "\n")
	if p.other {
		b.WriteString(l.say("summary_for_other") + "\n")
	}
	if began := set.Began(p.pr.answers, string(l)); began != "" {
		b.WriteString(began + "\n")
	}
	b.WriteString(t(set.Common.NotADiagnosis) + "\n\n")
	info := set.Level(p.pr.result.Level)
	b.WriteString(l.say("advice_is", "advice", l.in(rules.Them(info.Title, info.TitleThem, p.other))) + "\n")
	for _, r := range p.pr.result.Reasons {
		b.WriteString("- " + l.reason(r) + "\n")
	}
	b.WriteString("\n" + l.say("answers_heading") + "\n")
	for _, r := range p.rows(set) {
		b.WriteString("- " + r.question + " " + r.answer + "\n")
		if r.not != "" {
			b.WriteString("  " + r.not + "\n")
		}
		if r.typed != "" {
			b.WriteString("  " + r.typed + "\n")
		}
	}
	for _, w := range p.wrote {
		b.WriteString("\n" + p.l.say("say_also_wrote", "text", w))
	}
	return b.String()
}

// forOther says the check was done for someone else; nothing if not.
func (p *summaryPage) forOther() app.UI {
	if !p.other {
		return nil
	}
	return tagClass("p", "for-other").Text(p.l.say("summary_for_other"))
}

// wrotePart is what the person typed that matched no sign, for the doctor.
func (p *summaryPage) wrotePart() app.UI {
	if len(p.wrote) == 0 {
		return nil
	}
	var li []app.UI
	for _, w := range p.wrote {
		li = append(li, tagText("li", p.l.say("say_also_wrote", "text", w)))
	}
	return tagClass("ul", "wrote").Body(li...)
}

// cardPart is the clinic's card the check used: the session, the areas
// worked and the therapist's note; nothing without a card.
func (p *summaryPage) cardPart(set *rules.Set) app.UI {
	if p.card == nil {
		return nil
	}
	return cardDetails(p.l, set, *p.card, "summary-card")
}
