package app

import (
	"net/url"
	"strconv"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (p *checkPage) renderIntro() app.UI {
	l := p.l
	body := []app.UI{
		heading(l.say("check_your_symptoms")),
		tagClass("p", "lead").Text(l.say("answer_short_questions_one_at")),
		tagText("p", l.say("if_you_feel_fine_it")),
		p.forChoice(),
	}
	if p.notice != "" {
		body = append(body, tagClass("p", "notice").Role("status").Text(p.notice))
	}
	// Until the app has loaded, Start asks for "/check?start=1", which the
	// server renders with the first question (check_prerender.go), with
	// who the check is for: a tap is never swallowed.
	start := tagClass("button", "button primary wide").ID("start-check").Text(l.say("start_the_check"))
	if p.loaded {
		body = append(body, app.Elem("p").Body(start.Attr("type", "button").OnClick(guard(&p.failed, p.start))))
	} else {
		// On a static host, which cannot answer "?start=1" with the first
		// question, web/early-taps.js keeps the tap for the app and shows
		// this.
		body = append(body, p.prerenderedForm(app.Elem("p").Body(start.Attr("type", "submit"))),
			tagClass("p", "notice").ID("start-wait").Role("status").Attr("hidden", true).Text(l.say("the_check_is_still_loading")))
	}
	body = append(body,
		tagText("p", l.say("if_you_feel_very_unwell")),
		helpNow(l),
	)
	return tagClass("div", "check-intro").Body(body...)
}

func (p *checkPage) renderQuestion(set *rules.Set, q *rules.Question) app.UI {
	body := p.questionTop(set, q)
	switch q.Kind {
	case rules.KindScale:
		body = append(body, p.scaleAnswers(set, q)...)
	case rules.KindMulti:
		body = append(body, p.multiAnswers(set, q)...)
	default:
		body = append(body, p.choiceAnswers(set, q))
	}
	l := p.l
	body = append(body, tagClass("div", "question-nav").Body(
		tagClass("button", "link-button").Attr("type", "button").ID("back").OnClick(p.on("back", p.goBack)).Text(l.say("back")),
		tagClass("button", "link-button").Attr("type", "button").ID("restart").OnClick(p.on("restart", p.restart)).Text(l.say("start_over")),
	))
	return tagClass("section", "question").DataSet("question", q.ID).Aria("labelledby", mainHeadingID).Body(body...)
}

// questionTop is what comes over a question's answers: how far the advice
// is, the question, any notice, who the check is for (first question),
// the card's answers, the help and the answer given before.
func (p *checkPage) questionTop(set *rules.Set, q *rules.Question) []app.UI {
	l := p.l
	asked := len(p.st.Asked)
	left := p.pr.left()
	body := []app.UI{
		tagClass("p", "progress-text").Text(progressWords(l, left, p.pr.result.Certain)),
		tagClass("progress", "progress").Attr("max", asked+left).Attr("value", asked).Aria("label", l.say("progress_through_the_check")),
		heading(l.in(p.st.them(q.Text, q.TextThem))),
	}
	if p.notice != "" {
		body = append(body, tagClass("p", "notice").Role("status").Text(p.notice))
	}
	if asked == 0 {
		body = append(body, p.forChoice())
	}
	if len(p.st.FromCard) > 0 && asked == 0 {
		// The card's answers can be taken back: the check then asks them.
		body = append(body, app.Elem("p").Body(tagClass("button", "link-button").Attr("type", "button").ID("card-ask").
			OnClick(p.on("card-ask", p.askCardQuestions)).Text(l.say("card_ask_instead"))))
	}
	if len(q.Help) > 0 {
		body = append(body, tagClass("button", "help-toggle").Attr("type", "button").Aria("expanded", strconv.FormatBool(p.help)).
			OnClick(p.on("help", p.toggleHelp)).Text(l.say("what_does_this_mean")))
		if p.help {
			body = append(body, tagClass("p", "help-text").Text(l.in(p.st.them(q.Help, q.HelpThem))))
		}
	}
	if p.previous != nil {
		body = append(body, tagClass("p", "previous").Text(l.say("answer_before", "answer", set.AnswerLabelThem(q.ID, *p.previous, string(l), p.st.Other))))
	}
	return body
}

// multiAnswers is a checklist (drawn on a body map too, where it is one):
// a box per sign, then None of these and Continue, then the search box.
func (p *checkPage) multiAnswers(set *rules.Set, q *rules.Question) []app.UI {
	l := p.l
	ticked := len(p.ticked()) > 0
	var options, body []app.UI
	for _, o := range q.Options {
		options = append(options, tagClass("label", "option check").Body(
			app.ElemSelfClosing("input").Attr("type", "checkbox").DataSet("option", o.ID).Attr("checked", p.draft[o.ID]).
				OnChange(p.on("tick/"+o.ID, p.tick(o.ID))),
			tagText("span", l.in(p.st.them(o.Label, o.LabelThem))),
		))
	}
	if q.BodyMap {
		body = append(body, p.bodyMap(q))
	}
	body = append(body,
		tagClass("div", "options").Role("group").Aria("labelledby", mainHeadingID).Body(options...),
		tagClass("div", "options-actions").Body(
			// None of these is off while anything is ticked, and
			// Continue while nothing is: no tick is thrown away, and an
			// empty list is never taken for an answer.
			offIf(ticked, tagClass("button", "option none").Attr("type", "button").DataSet("option", "none")).
				OnClick(p.on("none", p.noneOfThese)).Text(l.in(set.Common.NoneOfThe)),
			offIf(!ticked, tagClass("button", "button primary").Attr("type", "button").ID("continue")).
				OnClick(p.on("continue", p.submitTicked)).Text(l.say("continue_with_what_i_ticked")),
		))
	if sayScreen(set, q) {
		body = append(body, p.sayBox(set, l.say("say_something_else")))
	}
	return body
}

// choiceAnswers is one button per answer, and "don't know" where offered.
func (p *checkPage) choiceAnswers(set *rules.Set, q *rules.Question) app.UI {
	l := p.l
	var options []app.UI
	for _, o := range q.Options {
		options = append(options, p.choiceButton(tagClass("button", "option"), o.ID, "o/"+o.ID, p.choose(o.ID)).Text(l.in(p.st.them(o.Label, o.LabelThem))))
	}
	if q.Unsure != "" {
		options = append(options, p.choiceButton(tagClass("button", "option unsure"), "unsure", "unsure", p.unsure).Text(l.in(set.Common.Unsure)))
	}
	group := tagClass("div", "options").Role("group").Aria("labelledby", mainHeadingID).Body(options...)
	if !p.loaded {
		return p.prerenderedForm(group)
	}
	return group
}

// choiceButton is one answer of a choice. Before the app runs it submits
// the prerendered form (prerenderedForm) with the answer in the address.
func (p *checkPage) choiceButton(b app.HTMLElem, option, scope string, h app.EventHandler) app.HTMLElem {
	b = b.DataSet("option", option)
	if !p.loaded {
		return b.Attr("type", "submit").Attr("name", answerQuery).Attr("value", option)
	}
	return b.Attr("type", "button").OnClick(p.on(scope, h))
}

// progressWords says honestly how far the advice is: the rules know how
// many questions, at most, can still change it (rules.Result.Left). Once the
// advice is known, the questions about the causes are counted exactly.
func progressWords(l lang, left int, certain bool) string {
	switch {
	case certain:
		return l.say("progress_causes", "n", strconv.Itoa(left))
	case left <= 2:
		return l.say("progress_almost_done")
	case left <= 6:
		return l.say("progress_a_few_more")
	}
	return l.say("progress_some_more")
}

// scaleAnswers are a scale's numbers, with the words of some; the days
// question is a picker of days (renderDays).
func (p *checkPage) scaleAnswers(set *rules.Set, q *rules.Question) []app.UI {
	if q.ID == rules.QuestionDays {
		return []app.UI{p.renderDays(q)}
	}
	var options []app.UI
	for n := q.Min; n <= q.Max; n++ {
		options = append(options, tagClass("button", "option score").Attr("type", "button").DataSet("value", n).
			OnClick(p.on("n"+strconv.Itoa(n), p.score(n))).Text(n))
	}
	return []app.UI{
		tagClass("div", "options scale").Role("group").Aria("labelledby", mainHeadingID).Aria("describedby", "scale-ends").Body(options...),
		scaleAnchors(p.l, q, p.st.Other),
	}
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
			why = append(why, tagText("li", t(r.Flag.Reason)))
		}
	}
	f := p.face(set)
	return tagClass("section", "result emergency-screen").DataSet("level", string(rules.Emergency)).Aria("labelledby", mainHeadingID).Body(
		f.markUI(),
		heading(t(info.Title)),
		f.actionsUI(),
		p.regionChoice(),
		tagText("h2", l.say("while_you_wait")),
		tagText("p", t(info.DoNow)),
		tagText("p", t(info.SafetyNet)),
		tagText("h2", l.say("why_we_say_this")),
		app.Elem("ul").Body(why...),
		tagClass("p", "not-diagnosis").Text(t(set.Common.NotADiagnosis)),
		tagClass("p", "secondary-actions").Body(
			tagClass("button", "link-button").Attr("type", "button").ID("back").OnClick(p.on("back", p.goBack)).Text(l.say("i_answered_by_mistake_go")),
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
	f := p.face(set)
	body := []app.UI{
		f.markUI(),
		heading(l.in(p.st.them(info.Title, info.TitleThem))),
		tagClass("p", "lead").Text(l.in(info.DoNow)),
		f.actionsUI(),
		p.safetyNet(set, info, adv),
		tagClass("p", "not-diagnosis").Text(l.in(set.Common.NotADiagnosis)),
		p.sayBox(set, l.say("say_anything_else")),
		tagText("h2", l.say("why_we_give_this_advice")),
		tagClass("ul", "reasons").Body(p.reasons(set)...),
	}
	if causes := p.causes(); len(causes) > 0 {
		body = append(body, tagText("h2", l.say("likely_causes")), tagClass("ol", "causes").Body(causes...))
	}
	if n := p.pr.causeQuestions(); n > 0 {
		body = append(body, tagClass("div", "more-questions").Body(
			tagText("p", l.say("more_questions_offer", "n", strconv.Itoa(n))),
			tagClass("button", "button").Attr("type", "button").ID("more-questions").OnClick(p.on("more", p.more)).Text(l.say("answer_more_questions")),
		))
	}
	body = append(body, p.fitting(r, adv)...)
	body = append(body, p.resultActions(f))
	if p.confirm {
		body = append(body, tagClass("div", "notice confirm").ID("confirm-restart").TabIndex(-1).Role("alertdialog").Aria("labelledby", "confirm-text").Body(
			app.Elem("p").ID("confirm-text").Text(l.say("start_over_your_answers_and")),
			tagClass("button", "button").Attr("type", "button").ID("confirm-yes").OnClick(p.on("restart-yes", p.restart)).Text(l.say("yes_start_over")),
			tagClass("button", "button primary").Attr("type", "button").ID("confirm-no").OnClick(p.on("restart-no", p.keep)).Text(l.say("no_keep_my_advice")),
		))
	}
	return tagClass("section", "result level-"+string(r.Level)).DataSet("level", string(r.Level)).Aria("labelledby", mainHeadingID).Body(body...)
}

// safetyNet is a short, calm list: what would make this person's
// situation worse (each fired group's watch), the level's own net, and,
// where the level has one (self-care), the call for an emergency with
// every emergency sign, one to a line: the one line marked.
func (p *checkPage) safetyNet(set *rules.Set, info *rules.LevelInfo, adv rules.Advice) app.UI {
	l := p.l
	var items []app.UI
	for _, w := range adv.Watch {
		items = append(items, tagClass("li", "watch").Text(l.in(w)))
	}
	items = append(items, tagText("li", l.in(info.SafetyNet)))
	if len(info.CallFor) > 0 {
		var signs []app.UI
		for _, s := range set.CallSigns() {
			signs = append(signs, tagText("li", l.in(s)))
		}
		items = append(items, tagClass("li", "call").ID("net-call").Body(tagClass("strong", "call-line").Text(l.in(info.CallFor)), app.Elem("ul").Body(signs...)))
	}
	return tagClass("div", "safety-net").Body(tagText("h2", l.say("when_to_get_help")), tagClass("ul", "net").Body(items...))
}

// reasons are the flags that fired, each with the answers behind it.
func (p *checkPage) reasons(set *rules.Set) []app.UI {
	l := p.l
	var why []app.UI
	for _, reason := range p.pr.result.Reasons {
		var answers []app.UI
		for _, id := range reason.Answers {
			q := set.Question(id)
			answers = append(answers, tagText("li", l.in(p.st.them(q.Text, q.TextThem))+" "+set.AnswerLabelThem(id, p.pr.answers[id], string(l), p.st.Other)))
		}
		why = append(why, app.Elem("li").Body(app.Text(l.reason(reason)), tagClass("ul", "answers").Body(answers...)))
	}
	if len(why) == 0 {
		why = append(why, tagText("li", l.say("no_warning_signs_apply_to_you")))
	}
	return why
}

// reason is a flag's reason as the person reads it: set off by "I don't
// know" counted as the worse answer, it says they were not sure.
func (l lang) reason(r rules.Reason) string {
	if len(r.Unsure) > 0 {
		return l.say("unsure_counted", "reason", l.in(r.Flag.Reason))
	}
	return l.in(r.Flag.Reason)
}

// causes are the likely causes, best first, each with why.
func (p *checkPage) causes() []app.UI {
	l := p.l
	var causes []app.UI
	for _, c := range p.pr.result.Causes {
		var because []app.UI
		for _, reason := range c.Reasons {
			because = append(because, tagText("li", l.in(reason)))
		}
		causes = append(causes, tagClass("li", "cause").Body(
			tagText("h3", l.in(c.Cause.Title)),
			tagText("p", l.in(c.Cause.Explain)),
			tagClass("p", "because").Text(l.say("why_we_think_so")),
			app.Elem("ul").Body(because...),
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
			li = append(li, app.Elem("li").Body(tagText("strong", l.in(it.Title)+". "), app.Text(l.in(it.Body))))
		}
		return tagClass("ul", "tips").Body(li...)
	}
	if r.Level == rules.Urgent {
		return []app.UI{
			tagText("h2", l.say("until_you_are_seen")), items(adv.UntilSeen),
			tagText("h2", l.say("what_to_tell_the_doctor")), tagClass("p", "tell-doctor").Text(l.in(adv.TellDoctor)),
		}
	}
	out := []app.UI{tagText("h2", l.say("your_recovery_plan"))}
	if r.Tier != nil {
		out = append(out, tagText("p", l.in(r.Tier.Timeline)))
	}
	out = append(out, items(adv.Tips), tagText("h2", l.say("what_helps_at_home")), items(adv.Home))
	if adv.Guide {
		out = append(out, app.Elem("p").Body(app.Elem("a").Attr("href", l.path("/guide/treatments")).Text(l.say("more_treatments_in_the_guide"))))
	}
	return out
}

// face is this result's face (faceOf) with what the page knows.
func (p *checkPage) face(set *rules.Set) face {
	r := p.pr.result
	return faceOf(p.l, set, faceFacts{result: r, book: set.Advise(r).Guide, profile: profile(), call: currentEmergency(), diary: p.diaryLink()})
}

// diaryLink starts the diary from what was answered, nothing else.
func (p *checkPage) diaryLink() string {
	r := p.pr.result
	diary := url.Values{"from": {"check"}, "level": {string(r.Level)}}
	if r.Tier != nil {
		diary.Set("tier", r.Tier.ID)
	}
	if a, ok := p.pr.answers[rules.QuestionDays]; ok && !a.Unsure {
		diary.Set(rules.QuestionDays, strconv.Itoa(a.Number))
	}
	// The check's pain, on the check's day, is the diary's first check-in
	// (still to be saved by the person).
	if a, ok := p.pr.answers[rules.QuestionPain]; ok && !a.Unsure {
		diary.Set(rules.QuestionPain, strconv.Itoa(a.Number))
	}
	if p.st.Date != "" {
		diary.Set("on", p.st.Date)
	}
	return p.l.path("/diary?" + diary.Encode())
}

// resultActions are the diary and the summary, where the face does not
// already offer them, then Back and Start over.
func (p *checkPage) resultActions(f face) app.UI {
	l := p.l
	var actions []app.UI
	if !f.has("start-diary") {
		actions = append(actions, tagClass("a", "button").ID("start-diary").Attr("href", p.diaryLink()).Text(l.say("start_a_recovery_diary")))
	}
	if !f.has("summary") {
		actions = append(actions, tagClass("a", "button").ID("summary").Attr("href", l.path("/check/summary")).Text(l.say("summary_for_your_doctor")))
	}
	return tagClass("div", "result-actions").Body(append(actions,
		tagClass("button", "link-button").Attr("type", "button").ID("back").OnClick(p.on("back", p.goBack)).Text(l.say("back")),
		tagClass("button", "link-button").Attr("type", "button").ID("restart").OnClick(p.on("restart", p.restart)).Text(l.say("start_over")),
	)...)
}

// offIf disables a button when off is true. (go-app writes Disabled(false)
// as disabled="false" in prerendered HTML, which browsers read as disabled.)
func offIf(off bool, b app.HTMLElem) app.HTMLElem {
	if off {
		return b.Attr("disabled", true)
	}
	return b
}

// scaleAnchors lists the words the rules give some numbers of a scale.
func scaleAnchors(l lang, q *rules.Question, other bool) app.UI {
	var li []app.UI
	for _, a := range q.Anchors {
		li = append(li, app.Elem("li").Body(tagText("strong", strconv.Itoa(a.Value)+": "), app.Text(l.in(rules.Them(a.Label, a.LabelThem, other)))))
	}
	return tagClass("ul", "scale-ends").ID("scale-ends").Body(li...)
}

func (p *checkPage) renderFailed() app.UI {
	l := p.l
	return tagClass("section", "error-screen").Aria("labelledby", mainHeadingID).Body(
		heading(l.say("something_went_wrong")),
		tagText("p", l.say("check_failed")),
		app.Elem("p").Body(
			tagClass("button", "button primary").Attr("type", "button").ID("try-again").OnClick(p.tryAgain, app.EventScope("failed")).Text(l.say("try_again")),
		),
		app.Elem("p").Body(app.Elem("a").Attr("href", l.path("/")).Text(l.say("go_to_the_home_page"))),
		tagText("p", l.say("emergency_call", "number", emergencyNumber())),
	)
}
