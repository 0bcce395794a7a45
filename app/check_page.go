package app

import (
	"sort"
	"strconv"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// checkPage is "/check": the intro, then one question per screen in the
// rules' order until nothing left can make the advice more urgent, then the
// emergency screen or the result, and after it, if the person wants, the
// questions that only rank the likely causes. It renders what the rules
// decide and decides nothing clinical itself.
type checkPage struct {
	pageBase

	st       checkState
	pr       progress
	draft    map[string]bool // multi: the boxes ticked on this screen
	previous *rules.Answer   // the answer given before going back, if any
	help     bool            // "what does this mean?" is open
	notice   string          // told once: e.g. answers could not be restored
	failed   string          // set after a panic: the error screen shows
	loaded   bool            // the saved check is read: the start button works
	confirm  bool            // "start over?" is asked on the advice screen
	query    string          // what is typed in the search box
	found    *sayFound       // the last search on this screen, if any
	dayPick  int             // the days question: the day chosen in the list (0: none yet)
	dayDate  string          // the days question: the date picked (YYYY-MM-DD)

	stopBack func() // stops listening to the phone's Back button
}

func (p *checkPage) OnMount(ctx app.Context) {
	p.restore(ctx)
	// From the home page's "Start a check" (?start=1) the first question
	// comes at once: that page already said what the check is.
	// An answer tapped there before the app was ready comes in the
	// address (check_prerender.go).
	if ctx.Page().URL().Query().Get(startQuery) == "1" {
		fresh := !p.st.Started
		if fresh {
			p.start(ctx, app.Event{})
		}
		p.answerFromURL(ctx, fresh)
	} else {
		p.forFromURL(ctx)
	}
	// The phone's Back button goes to the previous screen: see
	// check_history.go.
	p.syncHistory()
	p.stopBack = onHistoryBack(func(s historyStep) {
		ctx.Dispatch(func(ctx app.Context) { p.popped(ctx, s) })
	})
	p.pageBase.OnMount(ctx)
}

func (p *checkPage) OnDismount() {
	if p.stopBack != nil {
		p.stopBack()
	}
}

// backTo steps the check back until step questions are answered (-1: the
// intro), with the questions about the causes asked for or not (more), as
// the phone's Back button asks.
func (p *checkPage) backTo(ctx app.Context, step int, more bool) {
	if !p.st.Started || step > len(p.st.Asked) {
		return
	}
	p.previous = nil
	for p.st.Started && len(p.st.Asked) > max(step, 0) {
		_, p.previous = p.st.back()
	}
	if step < 0 {
		p.st.back() // to the intro
		p.previous = nil
		clearCheck(deviceStorage())
	}
	p.st.More = more && p.st.Started
	p.help, p.confirm = false, false
	p.refresh(ctx)
	focusHeadingSoon(p.screenKey())
}

// restore picks up the check kept on the device (saveCheck), from this
// visit or an earlier one, until the person starts over or deletes it.
func (p *checkPage) restore(ctx app.Context) {
	l := p.l
	st, err := loadCheck(deviceStorage())
	if err != nil {
		p.notice = l.say("check_not_restored")
		clearCheck(deviceStorage())
		st = checkState{}
	}
	p.st = st
	p.loaded = true
	p.refresh(ctx)
}

// refresh asks the rules where the check stands and keeps it on the device.
func (p *checkPage) refresh(ctx app.Context) {
	l := p.l
	set := ruleSet()
	p.reevaluate(set)
	if p.st.Started && saveCheck(deviceStorage(), p.st) != nil {
		p.notice = l.say("check_not_saved")
	}
	ctx.Page().SetTitle("%s", pageTitle(l, p.screenTitle(set)))
}

// reevaluate asks the rules where the check stands. A list comes with the
// ticks given before going back and the signs typed for it.
func (p *checkPage) reevaluate(set *rules.Set) {
	pr, err := p.st.evaluate(set)
	if err != nil {
		p.notice = p.l.say("check_answers_changed")
		p.st = checkState{}
		pr, _ = p.st.evaluate(set)
	}
	if pr.current != p.pr.current {
		p.found, p.query = nil, ""
	}
	p.pr = pr
	p.confirm = false
	p.draft = map[string]bool{}
	if q := set.Question(pr.current); q != nil && q.Kind == rules.KindMulti {
		if p.previous != nil {
			for _, o := range p.previous.Options {
				p.draft[o] = true
			}
		}
		for _, t := range p.st.typedFor(q.ID) {
			p.draft[t.Option] = true
		}
		if d := p.st.Draft; d != nil && d.Question == q.ID {
			for _, o := range d.Options {
				p.draft[o] = true
			}
		}
	}
}

// screenTitle names the screen on show, for the tab and for screen readers.
func (p *checkPage) screenTitle(set *rules.Set) string {
	l := p.l
	switch {
	case !p.st.Started:
		return RouteFor(p.l.path("/check")).Title
	case p.pr.current != "":
		q := set.Question(p.pr.current)
		return l.say("question_title", "n", strconv.Itoa(len(p.st.Asked)+1), "question", l.in(p.st.them(q.Text, q.TextThem)))
	}
	info := set.Level(p.pr.result.Level)
	return l.in(p.st.them(info.Title, info.TitleThem))
}

// step records an answer to the question on screen and moves on.
func (p *checkPage) step(ctx app.Context, a rules.Answer) {
	p.st.answer(ruleSet(), p.pr.current, a)
	p.previous, p.help = nil, false
	p.refresh(ctx)
	pushStep(p.here())
	focusHeadingSoon(p.screenKey())
}

func (p *checkPage) start(ctx app.Context, e app.Event) {
	l := p.l
	p.st = checkState{Started: true, Date: localToday(), Run: newRun(), Other: p.st.Other}
	p.notice, p.previous = "", nil
	p.dayPick, p.dayDate = 0, ""
	set := ruleSet()
	if c, ok := currentCard(deviceStorage(), set, p.st.Date); ok && p.st.useCard(set, c) {
		p.notice = l.say("check_from_card")
	}
	p.refresh(ctx)
	pushStep(p.here())
	focusHeadingSoon(p.screenKey())
}

// restart starts a new check. On the advice screen it asks first: the
// answers and the advice would be gone.
func (p *checkPage) restart(ctx app.Context, e app.Event) {
	if p.pr.current == "" && p.st.Started && !p.confirm {
		p.confirm = true
		focusOn("#confirm-restart")
		return
	}
	clearCheck(deviceStorage())
	p.start(ctx, e)
}

func (p *checkPage) keep(ctx app.Context, e app.Event) { p.confirm = false }

// back steps the check back one screen, here (goBack is the in-app Back).
func (p *checkPage) back(ctx app.Context, e app.Event) {
	_, p.previous = p.st.back()
	p.help = false
	if !p.st.Started {
		clearCheck(deviceStorage())
	}
	p.refresh(ctx)
	focusHeadingSoon(p.screenKey())
}

// more goes on, after the advice, with the questions that only rank the
// likely causes.
func (p *checkPage) more(ctx app.Context, e app.Event) {
	p.st.More = true
	p.refresh(ctx)
	pushStep(p.here())
	focusHeadingSoon(p.screenKey())
}

// askCardQuestions takes back what a clinic's card answered: the check asks
// those questions like any other.
func (p *checkPage) askCardQuestions(ctx app.Context, e app.Event) {
	p.st.dropCard()
	p.notice = ""
	p.refresh(ctx)
	focusHeadingSoon(p.screenKey())
}

func (p *checkPage) toggleHelp(ctx app.Context, e app.Event) { p.help = !p.help }

func (p *checkPage) choose(option string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.step(ctx, rules.Answer{Option: option}) }
}

func (p *checkPage) unsure(ctx app.Context, e app.Event) {
	p.step(ctx, rules.Answer{Unsure: true})
}

func (p *checkPage) score(n int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.step(ctx, rules.Answer{Number: n}) }
}

func (p *checkPage) tick(option string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.draft[option] = ctx.JSSrc().Get("checked").Bool()
		p.notice = ""
		p.keepDraft(ctx)
	}
}

// toggle marks a region of a body map, or clears it if it was marked: the
// same as its box on the list.
func (p *checkPage) toggle(option string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.draft[option] = !p.draft[option]
		p.notice = ""
		p.keepDraft(ctx)
	}
}

// keepDraft keeps the ticks on screen on the device as they change, so a
// reload loses none; a device that cannot keep them says so.
func (p *checkPage) keepDraft(ctx app.Context) {
	p.st.Draft = &draftTicks{Question: p.pr.current, Options: p.ticked()}
	if saveCheck(deviceStorage(), p.st) != nil {
		p.notice = p.l.say("check_not_saved")
	}
}

// ticked lists the boxes ticked on this screen.
func (p *checkPage) ticked() []string {
	var opts []string
	for o, on := range p.draft {
		if on {
			opts = append(opts, o)
		}
	}
	sort.Strings(opts)
	return opts
}

// submitTicked goes on with what is ticked. Nothing ticked is not an
// answer: "None of these" is.
func (p *checkPage) submitTicked(ctx app.Context, e app.Event) {
	l := p.l
	opts := p.ticked()
	if len(opts) == 0 {
		p.notice = l.say("tick_or_none")
		return
	}
	p.notice = ""
	p.st.untick(p.pr.current, opts)
	p.step(ctx, rules.Answer{Options: append([]string{}, opts...)})
}

// noneOfThese never throws ticks away: with anything ticked it is off, and
// if it is reached anyway it says so and waits.
func (p *checkPage) noneOfThese(ctx app.Context, e app.Event) {
	l := p.l
	if len(p.ticked()) > 0 {
		p.notice = l.say("none_is_off")
		return
	}
	p.notice = ""
	p.st.untick(p.pr.current, nil)
	p.step(ctx, rules.Answer{Options: []string{}})
}

func (p *checkPage) tryAgain(ctx app.Context, e app.Event) {
	p.failed = ""
	p.restore(ctx)
}

// on wires an event handler with the panic guard and a scope, so a list of
// buttons never runs a handler captured for another item (go-app compares
// handlers by code, not by what they captured).
func (p *checkPage) on(scope string, h app.EventHandler) (app.EventHandler, app.EventOption) {
	return guard(&p.failed, h), app.EventScope(p.pr.current + "/" + scope)
}

// screenKey names the screen on show, for focus and for tests.
func (p *checkPage) screenKey() string {
	switch {
	case p.failed != "":
		return "failed"
	case !p.st.Started:
		return "intro"
	case p.pr.result.Level == rules.Emergency:
		return "emergency"
	case p.pr.current != "":
		return "q-" + p.pr.current
	}
	return "result"
}

func (p *checkPage) Render() app.UI {
	set := ruleSet()
	var screen app.UI
	switch {
	case p.failed != "":
		screen = p.renderFailed()
	case !p.st.Started:
		screen = p.renderIntro()
	case p.pr.result.Level == rules.Emergency:
		screen = p.renderEmergency(set)
	case p.pr.current != "":
		screen = p.renderQuestion(set, set.Question(p.pr.current))
	default:
		screen = p.renderResult(set)
	}
	return p.layout("/check", app.Elem("div").DataSet("screen", p.screenKey()).Body(screen))
}
