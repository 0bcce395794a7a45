package app

import (
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
	pr      *progress
	asked   []string
	date    string // YYYY-MM-DD: the day of the check
	status  string // after Share or Copy
	failed  string
	confirm bool // "delete this check?" is asked
}

func (p *summaryPage) OnMount(ctx app.Context) {
	if st, err := loadCheck(ctx); err == nil && st.Started {
		if pr, err := st.evaluate(ruleSet()); err == nil && pr.current == "" {
			p.pr, p.asked, p.date = &pr, st.Asked, st.Date
		}
	}
	if p.date == "" {
		p.date = localToday()
	}
	p.pageBase.OnMount(ctx)
}

// row is one line of the answers: the question, what was answered, and for
// a list, what was not ticked.
type row struct{ question, answer, not string }

// rows lists every question asked with its answer, and after them the
// danger questions that were not asked (the advice was already clear).
func (p *summaryPage) rows(set *rules.Set) []row {
	t := func(x rules.Text) string { return set.In(x, locale) }
	var out []row
	for _, id := range p.asked {
		q := set.Question(id)
		if q == nil {
			continue
		}
		a := p.pr.answers[id]
		r := row{question: t(q.Text), answer: set.AnswerLabel(id, a, locale)}
		switch {
		case q.Kind == rules.KindMulti:
			var yes, no []string
			for _, o := range q.Options {
				if contains(a.Options, o.ID) {
					yes = append(yes, t(o.Label))
				} else {
					no = append(no, t(o.Label))
				}
			}
			r.answer = "Yes: " + strings.Join(yes, "; ")
			if len(yes) == 0 {
				r.answer = "Yes: none"
			}
			r.not = "No: " + strings.Join(no, "; ")
		case id == "days" && !a.Unsure:
			r.answer = "Massage on " + showDate(daysBefore(p.date, a.Number)) + ", day " + strconv.Itoa(a.Number) + " at the time of the check"
		}
		out = append(out, r)
	}
	for _, q := range set.Questions {
		if _, answered := p.pr.answers[q.ID]; answered || !usedByAFlag(set, q.ID) || len(q.AskIf) > 0 {
			continue
		}
		out = append(out, row{question: t(q.Text), answer: "Not asked: the advice was clear without it"})
	}
	return out
}

// usedByAFlag reports whether any red flag reads the question.
func usedByAFlag(set *rules.Set, id string) bool {
	for _, f := range set.Flags {
		for _, w := range f.When {
			if strings.HasPrefix(w, id+" ") {
				return true
			}
		}
	}
	return false
}

func (p *summaryPage) Render() app.UI {
	if p.pr == nil {
		return layout("/check",
			heading("Summary for your doctor"),
			app.P().Text("Your summary appears here once you have finished a check on this device."),
			app.P().Body(app.A().Class("button primary").Href("/check").Text("Go to the check")),
		)
	}
	set := ruleSet()
	t := func(x rules.Text) string { return set.In(x, locale) }
	info := set.Level(p.pr.result.Level)

	var why []app.UI
	for _, r := range p.pr.result.Reasons {
		why = append(why, app.Li().Text(t(r.Flag.Reason)))
	}
	if len(why) == 0 {
		why = append(why, app.Li().Text("None of the warning signs apply."))
	}
	var rows []app.UI
	for _, r := range p.rows(set) {
		cell := []app.UI{app.Text(r.answer)}
		if r.not != "" {
			cell = append(cell, app.Br(), app.Span().Class("not-ticked").Text(r.not))
		}
		rows = append(rows, app.Tr().Body(
			app.Th().Scope("row").Text(r.question),
			app.Td().Body(cell...),
		))
	}
	var del app.UI = app.Button().Type("button").Class("link-button").ID("delete-check").OnClick(guard(&p.failed, p.deleteCheck), app.EventScope("delete")).Text("Delete this check from this device")
	if p.confirm {
		del = app.Div().Class("notice confirm").ID("confirm-delete").Role("alertdialog").Body(
			app.P().Text("Delete this check and its advice from this device? This cannot be undone."),
			app.Button().Type("button").Class("button").ID("confirm-delete-yes").OnClick(guard(&p.failed, p.deleteCheck), app.EventScope("delete-yes")).Text("Yes, delete it"),
			app.Button().Type("button").Class("button primary").ID("confirm-delete-no").OnClick(guard(&p.failed, func(app.Context, app.Event) { p.confirm = false }), app.EventScope("delete-no")).Text("No, keep it"),
		)
	}
	return layout("/check",
		heading("Summary for your doctor"),
		app.P().Textf("Made with Aftercare on %s, from the answers below.", showDate(p.date)),
		app.P().Class("not-diagnosis").Text(t(set.Common.NotADiagnosis)),
		app.H2().Text("Advice given"),
		app.P().Class("summary-level").Text(t(info.Title)),
		app.H2().Text("Why"),
		app.Ul().Body(why...),
		app.H2().Text("Answers"),
		app.Table().Class("answers-table").Body(
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Question"), app.Th().Scope("col").Text("Answer"))),
			app.TBody().Body(rows...),
		),
		app.Div().Class("result-actions no-print").Body(
			app.Button().Type("button").Class("button primary").ID("print").OnClick(guard(&p.failed, p.print), app.EventScope("print")).Text("Print"),
			app.Button().Type("button").Class("button").ID("share").OnClick(guard(&p.failed, p.share), app.EventScope("share")).Text("Share or copy"),
			app.A().Class("link-button").Href("/check").Text("Back to my advice"),
		),
		app.Div().Class("no-print").Body(del),
		app.P().Class("status no-print").Role("status").Text(p.status),
	)
}

// deleteCheck forgets the check, after asking once.
func (p *summaryPage) deleteCheck(ctx app.Context, e app.Event) {
	if !p.confirm {
		p.confirm = true
		return
	}
	clearCheck(ctx)
	p.pr, p.asked, p.confirm = nil, nil, false
}

func (p *summaryPage) print(ctx app.Context, e app.Event) { printPage() }

func (p *summaryPage) share(ctx app.Context, e app.Event) {
	shareText("Aftercare summary", p.text(), func(outcome string) {
		ctx.Dispatch(func(app.Context) {
			switch outcome {
			case "shared":
				p.status = "Shared."
			case "copied":
				p.status = "Copied the summary. You can paste it into a message or email."
			default:
				p.status = "The summary was not shared. You can print it instead."
			}
		})
	})
}

// text is the summary as plain text, for sharing.
func (p *summaryPage) text() string {
	set := ruleSet()
	t := func(x rules.Text) string { return set.In(x, locale) }
	var b strings.Builder
	b.WriteString("Aftercare summary, " + showDate(p.date) + "\n")
	b.WriteString(t(set.Common.NotADiagnosis) + "\n\n")
	b.WriteString("Advice: " + t(set.Level(p.pr.result.Level).Title) + "\n")
	for _, r := range p.pr.result.Reasons {
		b.WriteString("- " + t(r.Flag.Reason) + "\n")
	}
	b.WriteString("\nAnswers:\n")
	for _, r := range p.rows(set) {
		b.WriteString("- " + r.question + " " + r.answer + "\n")
		if r.not != "" {
			b.WriteString("  " + r.not + "\n")
		}
	}
	return b.String()
}
