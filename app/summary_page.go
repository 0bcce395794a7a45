package app

import (
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
	pr     *progress
	asked  []string
	date   string
	status string // after Share or Copy
	failed string
}

func (p *summaryPage) OnMount(ctx app.Context) {
	if st, err := loadCheck(ctx); err == nil && st.Started {
		if pr, err := st.evaluate(ruleSet()); err == nil && pr.current == "" {
			p.pr, p.asked = &pr, st.Asked
		}
	}
	p.date = today()
	p.pageBase.OnMount(ctx)
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
	for _, id := range p.asked {
		q := set.Question(id)
		if q == nil {
			continue
		}
		rows = append(rows, app.Tr().Body(
			app.Th().Scope("row").Text(t(q.Text)),
			app.Td().Text(set.AnswerLabel(id, p.pr.answers[id], locale)),
		))
	}
	return layout("/check",
		heading("Summary for your doctor"),
		app.P().Textf("Made with Aftercare on %s, from the answers below.", p.date),
		app.P().Class("not-diagnosis").Text(t(set.Common.NotAdvice)),
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
		app.P().Class("status no-print").Role("status").Text(p.status),
	)
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
	b.WriteString("Aftercare summary, " + p.date + "\n")
	b.WriteString(t(set.Common.NotAdvice) + "\n\n")
	b.WriteString("Advice: " + t(set.Level(p.pr.result.Level).Title) + "\n")
	for _, r := range p.pr.result.Reasons {
		b.WriteString("- " + t(r.Flag.Reason) + "\n")
	}
	b.WriteString("\nAnswers:\n")
	for _, id := range p.asked {
		if q := set.Question(id); q != nil {
			b.WriteString("- " + t(q.Text) + " " + set.AnswerLabel(id, p.pr.answers[id], locale) + "\n")
		}
	}
	return b.String()
}
