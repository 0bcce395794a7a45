package app

import (
	"net/url"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A first visit waits for app.wasm. So that it waits for less, "/check?start=1"
// (the home page's "Start a check") is prerendered with the first question
// on screen, and its answers work without the app: they are buttons of a
// plain form that asks for "/check?start=1&a=OPTION". The app, once ready,
// takes that answer from the address (answerFromURL), so a tap before it
// was ready is not lost.

// startQuery, answerQuery and forQuery are the address's parts the check
// reads; forQuery ("check-for=for-other") is who the check is for, sent
// by the radio buttons with the intro's Start or the first question's
// answer, or written alone by web/early-taps.js.
const (
	startQuery  = "start"
	answerQuery = "a"
	forQuery    = "check-for"
)

// firstAnswersForm is the id of the prerendered first question's form.
const firstAnswersForm = "first-answers"

// OnNav, on the server, prerenders "/check?start=1" with the first question,
// for someone else if the address says so.
func (p *checkPage) OnNav(ctx app.Context) {
	p.pageBase.OnNav(ctx)
	if q := ctx.Page().URL().Query(); !app.IsClient && q.Get(startQuery) == "1" {
		p.st = checkState{Started: true, Other: q.Get(forQuery) == "for-other"}
		p.reevaluate(ruleSet())
	}
}

// urlAnswer is the answer the address gives to question q ("a=OPTION", or
// "a=unsure" where q offers it), if it gives one that fits: a choice's
// option, never a list's or a scale's.
func urlAnswer(q url.Values, question *rules.Question) (rules.Answer, bool) {
	a := q.Get(answerQuery)
	if question == nil || a == "" || question.Kind == rules.KindMulti || question.Kind == rules.KindScale {
		return rules.Answer{}, false
	}
	if a == "unsure" {
		return rules.Answer{Unsure: true}, question.Unsure != ""
	}
	for _, o := range question.Options {
		if o.ID == a {
			return rules.Answer{Option: a}, true
		}
	}
	return rules.Answer{}, false
}

// answerFromURL takes the answer tapped on the prerendered first question
// before the app was ready, and who the check is for (the intro's Start
// sends it alone), if the check was fresh (not one kept on the
// device, which goes on where it was), and takes it off the address, so a
// reload or a new check does not give it again.
func (p *checkPage) answerFromURL(ctx app.Context, fresh bool) {
	q := ctx.Page().URL().Query()
	if q.Get(answerQuery) == "" && q.Get(forQuery) == "" {
		return
	}
	a, ok := urlAnswer(q, ruleSet().Question(p.pr.current))
	other := q.Get(forQuery) == "for-other"
	q.Del(answerQuery)
	q.Del(forQuery)
	replaceQuery(q.Encode())
	if !fresh || len(p.st.Asked) > 0 {
		return
	}
	p.st.Other = other
	if ok {
		p.step(ctx, a)
	} else {
		p.refresh(ctx)
	}
}

// forFromURL takes who the check is for, ticked on the intro before the
// app was ready (web/early-taps.js writes it into the address), if no
// check is under way, and takes it off the address.
func (p *checkPage) forFromURL(ctx app.Context) {
	q := ctx.Page().URL().Query()
	if q.Get(forQuery) == "" {
		return
	}
	other := q.Get(forQuery) == "for-other"
	q.Del(forQuery)
	replaceQuery(q.Encode())
	if !p.st.Started {
		p.st.Other = other
		p.refresh(ctx)
	}
}

// prerenderedForm is what works before the app runs, the intro's Start or
// a choice's answers: the buttons of a form that asks for this page,
// started, with the answer (if any) and who the check is for in the
// address.
func (p *checkPage) prerenderedForm(group app.UI) app.UI {
	return app.Elem("form").ID(firstAnswersForm).Attr("method", "get").Attr("action", p.l.path("/check")).Body(
		app.ElemSelfClosing("input").Attr("type", "hidden").Attr("name", startQuery).Attr("value", "1"),
		group,
	)
}
