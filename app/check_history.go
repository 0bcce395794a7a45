package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Each screen of the check is one browser history entry (#step-N, with the
// screen in the entry's state), so the phone's Back and Forward and the
// in-app Back stay in step: the in-app Back is history.back() where the
// entry before is the screen before, and a popstate steps the check back
// to the entry's screen (backTo).

// historyStep names a screen of the check: the questions answered, whether
// the questions about the causes were asked for, and the check it belongs
// to (its run, set when it starts). Step -1 is the intro.
type historyStep struct {
	step int
	more bool
	run  int64
}

// here is the screen on show.
func (p *checkPage) here() historyStep {
	if !p.st.Started {
		return historyStep{step: -1}
	}
	return historyStep{step: len(p.st.Asked), more: p.st.More, run: p.st.Run}
}

// newRun marks a check as a new one: its history entries are its own.
func newRun() int64 { return time.Now().UnixMilli() }

// syncHistory makes the current history entry the screen on show, when a
// check is restored on a page whose entry says otherwise (a new visit).
func (p *checkPage) syncHistory() {
	if !p.st.Started {
		return
	}
	if p.st.Run == 0 { // saved before checks had runs
		p.st.Run = newRun()
	}
	if here, _ := atStep(p.here()); !here {
		replaceStep(p.here())
	}
}

// popped follows the browser to the entry of screen s: back to an earlier
// screen of this check steps the check back; an entry of an older check is
// passed over; Forward to a screen whose answer was taken back is undone.
func (p *checkPage) popped(ctx app.Context, s historyStep) {
	cur := p.here()
	switch {
	case s == cur:
	case s.step < 0:
		p.backTo(ctx, -1, false)
	case !p.st.Started || s.run != p.st.Run || s.step > cur.step:
		historyBack()
	default:
		p.backTo(ctx, s.step, s.more)
	}
}

// goBack is the in-app Back: history.back() where the entry before is the
// screen before, so the phone's Back stays in step; else the check steps
// back here and the entry becomes that screen.
func (p *checkPage) goBack(ctx app.Context, e app.Event) {
	if here, prev := atStep(p.here()); here && prev {
		historyBack()
		return
	}
	p.back(ctx, e)
	replaceStep(p.here())
}
