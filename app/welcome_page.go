package app

import (
	"strings"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// welcomePage is where the link on a clinic's aftercare card opens: it
// reads the session from the link's fragment, keeps it on the device, and
// greets the person with the clinic and the session, from which the check
// and the diary start already knowing the massage.
type welcomePage struct {
	pageBase
	card    *rules.Card
	problem string // why the link could not be used
	notice  string // told once, after "something here is wrong"
	failed  string // set after a panic
	loaded  bool
}

func (p *welcomePage) OnMount(ctx app.Context) {
	l := p.l
	set, store, today := ruleSet(), deviceStorage(), localToday()
	if h := locationHash(); h != "" {
		if c, err := keepCard(store, set, h, today); err != nil {
			app.Log("aftercare: card:", err)
			p.problem = l.say("card_damaged")
		} else {
			p.card = &c
		}
		clearHash()
	} else if c, ok := currentCard(store, set, today); ok {
		p.card = &c
	}
	p.loaded = true
	p.pageBase.OnMount(ctx)
}

// wrong forgets the card: the check and the diary ask instead.
func (p *welcomePage) wrong(ctx app.Context, e app.Event) {
	l := p.l
	forgetCard(deviceStorage())
	p.card, p.notice = nil, l.say("card_forgotten")
	focusOn("#card-notice")
}

func (p *welcomePage) Render() app.UI {
	l := p.l
	title, lead, leadID := l.say("card_title"), "", ""
	var details app.UI
	switch {
	case p.failed != "":
		title, lead = l.say("something_went_wrong"), l.say("card_damaged")
	case !p.loaded:
		lead = l.say("card_loading")
	case p.problem != "":
		lead, leadID = p.problem, "card-problem"
	case p.card == nil && p.notice != "":
		lead, leadID = p.notice, "card-notice"
	case p.card == nil:
		lead = l.say("card_none")
	default:
		title, details = l.say("card_welcome", "clinic", profile().Name), cardDetails(l, ruleSet(), *p.card, "card-details")
	}
	body := []app.UI{heading(title)}
	if lead != "" {
		para := tagClass("p", "lead").Text(lead)
		if leadID != "" {
			para = para.ID(leadID).Role("status").TabIndex(-1)
		}
		body = append(body, para)
	}
	actions := []app.UI{tagClass("a", "button primary wide").ID("card-check").Attr("href", l.path("/check?start=1")).Text(l.say("check_your_symptoms"))}
	if p.card != nil {
		actions = append(actions,
			tagClass("a", "button wide").ID("card-diary").Attr("href", l.path("/diary?from=card")).Text(l.say("card_start_diary")),
			tagClass("button", "link-button").Attr("type", "button").ID("card-wrong").OnClick(guard(&p.failed, p.wrong), app.EventScope("wrong")).Text(l.say("card_wrong")),
		)
	}
	return p.layout("/welcome", append(body, details, tagClass("div", "result-actions").Body(actions...))...)
}

// cardDetails shows what a card says: the date, its answers, the areas
// worked, the therapist's note and the clinic's phone.
func cardDetails(l lang, set *rules.Set, c rules.Card, id string) app.UI {
	var items []app.UI
	items = append(items, tagText("li", l.say("card_date", "date", l.showDate(c.Date))))
	for _, qid := range set.Card.Answers {
		if o, ok := c.Answers[qid]; ok {
			if q := set.Question(qid); q != nil {
				items = append(items, tagText("li", l.say("card_answer", "question", l.in(q.Text), "answer", set.AnswerLabel(qid, rules.Answer{Option: o}, string(l)))))
			}
		}
	}
	if len(c.Areas) > 0 {
		var names []string
		for _, a := range c.Areas {
			names = append(names, l.optionLabel(set.Card.Areas, a))
		}
		items = append(items, tagText("li", l.say("card_areas", "areas", strings.Join(names, ", "))))
	}
	body := []app.UI{tagText("h2", l.say("card_session")), app.Elem("ul").Body(items...)}
	if c.Note != "" {
		body = append(body, tagText("h2", l.say("card_note")), tagClass("blockquote", "therapist-note").Text(c.Note))
	}
	if c.Phone != "" {
		body = append(body, app.Elem("p").Body(tagClass("a", "button").ID("card-call").Attr("href", "tel:"+strings.ReplaceAll(c.Phone, " ", "")).Text(l.say("card_call", "phone", c.Phone))))
	}
	return tagClass("section", "card-details").ID(id).Body(body...)
}
