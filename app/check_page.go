package app

import (
	"fmt"
	"sort"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// checkPage is "/check": the intro, then one question per screen in the
// rules' order, then the emergency screen or the result. It renders what the
// rules decide and decides nothing clinical itself.
type checkPage struct {
	pageBase

	st       checkState
	pr       progress
	draft    map[string]bool // multi: the boxes ticked on this screen
	previous any             // the answer given before going back, if any
	help     bool            // "what does this mean?" is open
	notice   string          // told once: e.g. answers could not be restored
	failed   string          // set after a panic: the error screen shows
	loaded   bool
}

func (p *checkPage) OnMount(ctx app.Context) {
	p.restore(ctx)
	p.pageBase.OnMount(ctx)
}

// restore picks up a check saved earlier in this session.
func (p *checkPage) restore(ctx app.Context) {
	st, err := loadCheck(ctx)
	if err != nil {
		p.notice = "We could not bring back your earlier answers, so the check starts again."
		clearCheck(ctx)
		st = checkState{}
	}
	p.st = st
	p.loaded = true
	p.refresh(ctx)
}

// refresh asks the rules where the check stands and keeps it on the device.
func (p *checkPage) refresh(ctx app.Context) {
	set := ruleSet()
	pr, err := p.st.evaluate(set)
	if err != nil {
		p.notice = "Some saved answers no longer fit the check, so it starts again."
		p.st = checkState{}
		pr, _ = p.st.evaluate(set)
	}
	p.pr = pr
	p.draft = map[string]bool{}
	if q := set.Question(pr.current); q != nil && q.Kind == rules.KindMulti {
		if list, ok := normalizeJSON(p.previous).([]any); ok {
			for _, o := range list {
				p.draft[fmt.Sprint(o)] = true
			}
		}
	}
	if p.st.Started && !saveCheck(ctx, p.st) {
		p.notice = "This browser is not letting Aftercare save your answers. The check still works, but a reload will start it again."
	}
}

// step records an answer to the question on screen and moves on.
func (p *checkPage) step(ctx app.Context, a rules.Answer) {
	p.st.answer(ruleSet(), p.pr.current, a)
	p.previous, p.help = nil, false
	p.refresh(ctx)
	focusHeadingSoon(p.screenKey())
}

func (p *checkPage) start(ctx app.Context, e app.Event) {
	p.st = checkState{Started: true}
	p.notice, p.previous = "", nil
	p.refresh(ctx)
	focusHeadingSoon(p.screenKey())
}

func (p *checkPage) restart(ctx app.Context, e app.Event) {
	clearCheck(ctx)
	p.start(ctx, e)
}

func (p *checkPage) back(ctx app.Context, e app.Event) {
	_, p.previous = p.st.back()
	p.help = false
	if !p.st.Started {
		clearCheck(ctx)
	}
	p.refresh(ctx)
	focusHeadingSoon(p.screenKey())
}

// finish shows the advice before the last questions, which only refine the
// likely causes. The rules say when that is safe (Result.Certain).
func (p *checkPage) finish(ctx app.Context, e app.Event) {
	if !p.pr.result.Certain {
		return
	}
	p.st.Finished = true
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
	}
}

func (p *checkPage) submitTicked(ctx app.Context, e app.Event) {
	var opts []string
	for o, on := range p.draft {
		if on {
			opts = append(opts, o)
		}
	}
	sort.Strings(opts)
	p.step(ctx, rules.Answer{Options: append([]string{}, opts...)})
}

func (p *checkPage) noneOfThese(ctx app.Context, e app.Event) {
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
	return layout("/check", app.Div().DataSet("screen", p.screenKey()).Body(screen))
}
