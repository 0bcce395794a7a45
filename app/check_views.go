package app

import (
	"net/url"
	"strconv"
	"strings"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (p *checkPage) renderIntro() app.UI {
	l := p.l
	body := []app.UI{
		heading(l.say("check_your_symptoms")),
		app.P().Class("lead").Text(l.say("answer_short_questions_one_at")),
		app.P().Text(l.say("if_you_feel_fine_it")),
	}
	if p.notice != "" {
		body = append(body, app.P().Class("notice").Role("status").Text(p.notice))
	}
	// Until the app has loaded, the button cannot work: it says so rather
	// than swallow a tap.
	start := app.Button().Type("button").Class("button primary wide").ID("start-check").
		OnClick(guard(&p.failed, p.start)).Text(l.say("start_the_check"))
	if !p.loaded {
		start = app.Button().Type("button").Class("button primary wide").ID("start-check").
			Disabled(true).Aria("describedby", "start-wait").Text(l.say("start_the_check"))
	}
	body = append(body, app.P().Body(start))
	if !p.loaded {
		body = append(body, app.P().ID("start-wait").Class("notice").Role("status").Text(l.say("the_check_is_still_loading")))
	}
	body = append(body,
		app.P().Text(l.say("if_you_feel_very_unwell")),
		helpNow(l),
	)
	return app.Div().Class("check-intro").Body(body...)
}

func (p *checkPage) renderQuestion(set *rules.Set, q *rules.Question) app.UI {
	l := p.l
	asked := len(p.st.Asked)
	total := asked + len(p.pr.result.Pending)
	t := func(x rules.Text) string { return l.in(x) }

	body := []app.UI{
		app.P().Class("progress-text").Text(l.say("progress", "n", strconv.Itoa(asked+1), "total", strconv.Itoa(total))),
		app.Progress().Class("progress").Max(total).Value(asked).Aria("label", l.say("progress_through_the_check")),
		heading(t(q.Text)),
	}
	if p.notice != "" {
		body = append(body, app.P().Class("notice").Role("status").Text(p.notice))
	}
	if len(p.st.FromCard) > 0 && len(p.st.Asked) == 0 {
		// The card's answers can be taken back: the check then asks them.
		body = append(body, app.P().Body(app.Button().Type("button").Class("link-button").ID("card-ask").
			OnClick(p.on("card-ask", p.askCardQuestions)).Text(l.say("card_ask_instead"))))
	}
	if len(q.Help) > 0 {
		body = append(body, app.Button().Type("button").Class("help-toggle").Aria("expanded", strconv.FormatBool(p.help)).
			OnClick(p.on("help", p.toggleHelp)).Text(l.say("what_does_this_mean")))
		if p.help {
			body = append(body, app.P().Class("help-text").Text(t(q.Help)))
		}
	}
	if p.previous != nil {
		body = append(body, app.P().Class("previous").Text(l.say("answer_before", "answer", set.AnswerLabel(q.ID, *p.previous, string(l)))))
	}

	var options []app.UI
	switch q.Kind {
	case rules.KindScale:
		for n := q.Min; n <= q.Max; n++ {
			options = append(options, app.Button().Type("button").Class("option score").DataSet("value", n).
				OnClick(p.on("n"+strconv.Itoa(n), p.score(n))).Text(n))
		}
		body = append(body,
			app.Div().Class("options scale").Role("group").Aria("labelledby", mainHeadingID).Aria("describedby", "scale-ends").Body(options...),
			scaleAnchors(l, set, q))
	case rules.KindMulti:
		ticked := len(p.ticked()) > 0
		for _, o := range q.Options {
			options = append(options, app.Label().Class("option check").Body(
				app.Input().Type("checkbox").DataSet("option", o.ID).Checked(p.draft[o.ID]).
					OnChange(p.on("tick/"+o.ID, p.tick(o.ID))),
				app.Span().Text(t(o.Label)),
			))
		}
		if q.BodyMap {
			body = append(body, p.bodyMap(q))
		}
		body = append(body,
			app.Div().Class("options").Role("group").Aria("labelledby", mainHeadingID).Body(options...),
			app.Div().Class("options-actions").Body(
				// None of these is off while anything is ticked, and
				// Continue while nothing is: no tick is thrown away, and an
				// empty list is never taken for an answer.
				offIf(ticked, app.Button().Type("button").Class("option none").DataSet("option", "none")).
					OnClick(p.on("none", p.noneOfThese)).Text(t(set.Common.NoneOfThe)),
				offIf(!ticked, app.Button().Type("button").Class("button primary").ID("continue")).
					OnClick(p.on("continue", p.submitTicked)).Text(l.say("continue_with_what_i_ticked")),
			))
		if sayScreen(set, q) {
			body = append(body, p.sayBox(set, l.say("say_something_else")))
		}
	default:
		for _, o := range q.Options {
			options = append(options, app.Button().Type("button").Class("option").DataSet("option", o.ID).
				OnClick(p.on("o/"+o.ID, p.choose(o.ID))).Text(t(o.Label)))
		}
		if q.Unsure != "" {
			options = append(options, app.Button().Type("button").Class("option unsure").DataSet("option", "unsure").
				OnClick(p.on("unsure", p.unsure)).Text(t(set.Common.Unsure)))
		}
		body = append(body, app.Div().Class("options").Role("group").Aria("labelledby", mainHeadingID).Body(options...))
	}

	nav := []app.UI{
		app.Button().Type("button").Class("link-button").ID("back").OnClick(p.on("back", p.back)).Text(l.say("back")),
		app.Button().Type("button").Class("link-button").ID("restart").OnClick(p.on("restart", p.restart)).Text(l.say("start_over")),
	}
	body = append(body, app.Div().Class("question-nav").Body(nav...))
	return app.Section().Class("question").DataSet("question", q.ID).Aria("labelledby", mainHeadingID).Body(body...)
}

// renderEmergency is the one thing on screen once any answer means an
// emergency: call now, and what to do while waiting.
func (p *checkPage) renderEmergency(set *rules.Set) app.UI {
	l := p.l
	info := set.Level(rules.Emergency)
	t := func(x rules.Text) string { return l.in(x) }
	var why []app.UI
	for _, r := range p.pr.result.Reasons {
		if r.Flag.Level == rules.Emergency {
			why = append(why, app.Li().Text(t(r.Flag.Reason)))
		}
	}
	return app.Section().Class("result emergency-screen").DataSet("level", string(rules.Emergency)).Aria("labelledby", mainHeadingID).Body(
		heading(t(info.Title)),
		app.A().Class("button emergency call").Href("tel:"+emergencyNumber()).Text(l.say("call_now", "number", emergencyNumber())),
		p.regionChoice(),
		app.H2().Text(l.say("while_you_wait")),
		app.P().Text(t(info.DoNow)),
		app.P().Text(t(info.SafetyNet)),
		app.H2().Text(l.say("why_we_say_this")),
		app.Ul().Body(why...),
		app.P().Class("not-diagnosis").Text(t(set.Common.NotADiagnosis)),
		app.P().Class("secondary-actions").Body(
			app.Button().Type("button").Class("link-button").ID("back").OnClick(p.on("back", p.back)).Text(l.say("i_answered_by_mistake_go")),
		),
	)
}

// renderResult is the advice: one main message, the safety net, why, the
// likely causes, and what fits the level (rules.Advise): the plan for
// doctor and self-care, what to do until seen for urgent.
func (p *checkPage) renderResult(set *rules.Set) app.UI {
	l := p.l
	r := p.pr.result
	info := set.Level(r.Level)
	adv := set.Advise(r)
	body := []app.UI{
		heading(l.in(info.Title)),
		app.P().Class("lead").Text(l.in(info.DoNow)),
		app.P().Class("not-diagnosis").Text(l.in(set.Common.NotADiagnosis)),
		p.sayBox(set, l.say("say_anything_else")),
		p.safetyNet(info, adv),
		app.H2().Text(l.say("why_we_give_this_advice")),
		app.Ul().Class("reasons").Body(p.reasons(set)...),
	}
	if c := clinicContact(l, r.Level, adv.Guide); c != nil {
		body = append(body, c)
	}
	if causes := p.causes(); len(causes) > 0 {
		body = append(body, app.H2().Text(l.say("likely_causes")), app.Ol().Class("causes").Body(causes...))
	}
	if n := p.pr.causeQuestions(); n > 0 {
		body = append(body, app.Div().Class("more-questions").Body(
			app.P().Text(l.say("more_questions_offer", "n", strconv.Itoa(n))),
			app.Button().Type("button").Class("button").ID("more-questions").OnClick(p.on("more", p.more)).Text(l.say("answer_more_questions")),
		))
	}
	body = append(body, p.fitting(r, adv)...)
	body = append(body, p.resultActions(r))
	if p.confirm {
		body = append(body, app.Div().Class("notice confirm").ID("confirm-restart").TabIndex(-1).Role("alertdialog").Aria("labelledby", "confirm-text").Body(
			app.P().ID("confirm-text").Text(l.say("start_over_your_answers_and")),
			app.Button().Type("button").Class("button").ID("confirm-yes").OnClick(p.on("restart-yes", p.restart)).Text(l.say("yes_start_over")),
			app.Button().Type("button").Class("button primary").ID("confirm-no").OnClick(p.on("restart-no", p.keep)).Text(l.say("no_keep_my_advice")),
		))
	}
	return app.Section().Class("result level-"+string(r.Level)).DataSet("level", string(r.Level)).Aria("labelledby", mainHeadingID).Body(body...)
}

// safetyNet opens with what would make this person's situation worse (the
// fired groups' watch), then the level's own net.
func (p *checkPage) safetyNet(info *rules.LevelInfo, adv rules.Advice) app.UI {
	l := p.l
	body := []app.UI{app.H2().Text(l.say("when_to_get_help"))}
	if len(adv.Watch) > 0 {
		var watch []app.UI
		for _, w := range adv.Watch {
			watch = append(watch, app.Li().Text(l.in(w)))
		}
		body = append(body, app.Ul().Class("watch").Body(watch...))
	}
	return app.Div().Class("safety-net").Body(append(body, app.P().Text(l.in(info.SafetyNet)))...)
}

// reasons are the flags that fired, each with the answers behind it.
func (p *checkPage) reasons(set *rules.Set) []app.UI {
	l := p.l
	var why []app.UI
	for _, reason := range p.pr.result.Reasons {
		var answers []app.UI
		for _, id := range reason.Answers {
			answers = append(answers, app.Li().Text(l.in(set.Question(id).Text)+" "+set.AnswerLabel(id, p.pr.answers[id], string(l))))
		}
		why = append(why, app.Li().Body(app.Text(l.in(reason.Flag.Reason)), app.Ul().Class("answers").Body(answers...)))
	}
	if len(why) == 0 {
		why = append(why, app.Li().Text(l.say("no_warning_signs_apply_to_you")))
	}
	return why
}

// causes are the likely causes, best first, each with why.
func (p *checkPage) causes() []app.UI {
	l := p.l
	var causes []app.UI
	for _, c := range p.pr.result.Causes {
		var because []app.UI
		for _, reason := range c.Reasons {
			because = append(because, app.Li().Text(l.in(reason)))
		}
		causes = append(causes, app.Li().Class("cause").Body(
			app.H3().Text(l.in(c.Cause.Title)),
			app.P().Text(l.in(c.Cause.Explain)),
			app.P().Class("because").Text(l.say("why_we_think_so")),
			app.Ul().Body(because...),
		))
	}
	return causes
}

// fitting is the advice that fits the level: until seen and what to tell
// the doctor for urgent; the plan, less what the reasons rule out, for
// doctor and self-care, with the guide's treatments only when no flag fired.
func (p *checkPage) fitting(r rules.Result, adv rules.Advice) []app.UI {
	l := p.l
	items := func(list []rules.Item) app.UI {
		var li []app.UI
		for _, it := range list {
			li = append(li, app.Li().Body(app.Strong().Text(l.in(it.Title)+". "), app.Text(l.in(it.Body))))
		}
		return app.Ul().Class("tips").Body(li...)
	}
	if r.Level == rules.Urgent {
		return []app.UI{
			app.H2().Text(l.say("until_you_are_seen")), items(adv.UntilSeen),
			app.H2().Text(l.say("what_to_tell_the_doctor")), app.P().Class("tell-doctor").Text(l.in(adv.TellDoctor)),
		}
	}
	out := []app.UI{app.H2().Text(l.say("your_recovery_plan"))}
	if r.Tier != nil {
		out = append(out, app.P().Text(l.in(r.Tier.Timeline)))
	}
	out = append(out, items(adv.Tips), app.H2().Text(l.say("what_helps_at_home")), items(adv.Home))
	if adv.Guide {
		out = append(out, app.P().Body(app.A().Href(l.path("/guide/treatments")).Text(l.say("more_treatments_in_the_guide"))))
	}
	return out
}

// resultActions start the diary from what was answered, nothing else, and
// lead to the summary.
func (p *checkPage) resultActions(r rules.Result) app.UI {
	l := p.l
	diary := url.Values{"from": {"check"}, "level": {string(r.Level)}}
	if r.Tier != nil {
		diary.Set("tier", r.Tier.ID)
	}
	if a, ok := p.pr.answers[rules.QuestionDays]; ok && !a.Unsure {
		diary.Set(rules.QuestionDays, strconv.Itoa(a.Number))
	}
	return app.Div().Class("result-actions").Body(
		app.A().Class("button primary").ID("start-diary").Href(l.path("/diary?"+diary.Encode())).Text(l.say("start_a_recovery_diary")),
		app.A().Class("button").ID("summary").Href(l.path("/check/summary")).Text(l.say("summary_for_your_doctor")),
		app.Button().Type("button").Class("link-button").ID("back").OnClick(p.on("back", p.back)).Text(l.say("back")),
		app.Button().Type("button").Class("link-button").ID("restart").OnClick(p.on("restart", p.restart)).Text(l.say("start_over")),
	)
}

// offIf disables a button when off is true. (go-app writes Disabled(false)
// as disabled="false" in prerendered HTML, which browsers read as disabled.)
func offIf(off bool, b app.HTMLButton) app.HTMLButton {
	if off {
		return b.Disabled(true)
	}
	return b
}

// scaleAnchors lists the words the rules give some numbers of a scale.
func scaleAnchors(l lang, set *rules.Set, q *rules.Question) app.UI {
	var li []app.UI
	for _, a := range q.Anchors {
		li = append(li, app.Li().Body(app.Strong().Text(strconv.Itoa(a.Value)+": "), app.Text(l.in(a.Label))))
	}
	return app.Ul().ID("scale-ends").Class("scale-ends").Body(li...)
}

func (p *checkPage) renderFailed() app.UI {
	l := p.l
	return app.Section().Class("error-screen").Aria("labelledby", mainHeadingID).Body(
		heading(l.say("something_went_wrong")),
		app.P().Text(l.say("check_failed")),
		app.P().Body(
			app.Button().Type("button").Class("button primary").ID("try-again").OnClick(p.tryAgain, app.EventScope("failed")).Text(l.say("try_again")),
		),
		app.P().Body(app.A().Href(l.path("/")).Text(l.say("go_to_the_home_page"))),
		app.P().Text(l.say("emergency_call", "number", emergencyNumber())),
	)
}

// clinicContact offers the clinic's phone and booking link, when its
// profile gives them.
//
// On urgent advice it offers nothing: the person needs a doctor today, not
// the clinic's next free slot. Where a red flag fired (book is false) it
// offers the phone only, never the booking of a massage.
func clinicContact(l lang, level rules.Level, book bool) app.UI {
	pr := profile()
	if level.MoreUrgent(rules.Doctor) {
		return nil
	}
	if !book {
		pr.BookingURL = "" // a red flag fired: no booking of a massage
	}
	if pr.Phone == "" && pr.BookingURL == "" {
		return nil
	}
	var actions []app.UI
	if pr.Phone != "" {
		actions = append(actions, app.A().Class("button").ID("call-clinic").Href("tel:"+strings.ReplaceAll(pr.Phone, " ", "")).Text(l.say("call_clinic", "clinic", pr.ShortName, "phone", pr.Phone)))
	}
	if pr.BookingURL != "" {
		actions = append(actions, app.A().Class("button").ID("book-clinic").Href(pr.BookingURL).Rel("noopener").Target("_blank").Text(l.say("book_clinic", "clinic", pr.ShortName)))
	}
	return app.Div().Class("clinic-contact").Body(
		app.H2().Text(l.say("your_clinic")),
		app.P().Text(l.say("clinic_can_help", "clinic", pr.Name)),
		app.Div().Class("result-actions").Body(actions...),
	)
}
