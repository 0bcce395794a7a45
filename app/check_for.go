package app

import (
	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A check may be done for someone else: a relative reading the questions
// from the phone. The choice sits on the check's first screen (the intro,
// and the first question when the home page starts the check at once), so
// it adds no screen, and it is kept with the check. The questions, the
// answers and the advice's title are then said of them (rules.Them).

// them is a text as this check says it: of someone else, if it is for them.
func (st *checkState) them(t, them rules.Text) rules.Text {
	return rules.Them(t, them, st.Other)
}

// forChoice asks who the check is for, as two radio buttons.
func (p *checkPage) forChoice() app.UI {
	l := p.l
	radio := func(id string, other bool, label string) app.UI {
		h, scope := p.on(id, func(ctx app.Context, e app.Event) { p.setFor(ctx, other) })
		in := app.ElemSelfClosing("input").Attr("type", "radio").Attr("name", forQuery).ID(id).Attr("value", id).Attr("checked", p.st.Other == other).OnChange(h, scope)
		if !p.loaded { // sent with the prerendered Start or answers (check_prerender.go)
			in = in.Attr("form", firstAnswersForm)
		}
		return tagClass("label", "choice-box wide").Attr("for", id).Body(
			in,
			tagText("span", label),
		)
	}
	return tagClass("fieldset", "check-for").Body(
		tagText("legend", l.say("check_for")),
		tagClass("div", "choice-row").Body(
			radio("for-me", false, l.say("check_for_me")),
			radio("for-other", true, l.say("check_for_other")),
		),
	)
}

// setFor says who the check is for, and keeps it with the check.
func (p *checkPage) setFor(ctx app.Context, other bool) {
	p.st.Other = other
	p.refresh(ctx)
}

// matchLabel is a search's match as this check says it: its option's
// label, of someone else if the check is for them.
func (p *checkPage) matchLabel(q *rules.Question, m rules.Match) string {
	for _, o := range q.Options {
		if o.ID == m.Option {
			return p.l.in(p.st.them(o.Label, o.LabelThem))
		}
	}
	return m.Label
}
