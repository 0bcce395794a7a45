package app

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// sayFound is the last search typed in the person's own words ("Type what
// you feel"): the words, the signs they may mean, and which of those the
// person confirmed.
type sayFound struct {
	text    string
	matches []rules.Match
	added   map[int]bool
}

// sayScreen reports whether a question gets the search box: a checklist
// that a red flag reads.
func sayScreen(set *rules.Set, q *rules.Question) bool {
	return q != nil && q.Kind == rules.KindMulti && set.FlagReads(q.ID)
}

// saySign reports whether the search may offer a question's signs: a
// checklist or a question whose answers run from mild to severe (chest
// pain), that a red flag reads, and that is asked on these answers (a
// follow-up whose gate is closed counts for nothing, but one a body map
// opens is offered: typing "chest pain" points at the chest).
func (p *checkPage) saySign(set *rules.Set, q *rules.Question) bool {
	if q == nil || !set.FlagReads(q.ID) || !(q.Kind == rules.KindMulti || q.Kind == rules.KindChoice && q.Ordered) {
		return false
	}
	if _, answered := p.pr.answers[q.ID]; answered || !q.Gated() {
		return true
	}
	return slices.Contains(p.pr.result.Pending, q.ID) || set.OpenedByPointing(q.ID)
}

// capText trims typed words and keeps at most rules.SearchLimit characters.
func capText(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > rules.SearchLimit {
		s = strings.TrimSpace(string(r[:rules.SearchLimit]))
	}
	return s
}

// search looks up typed words. Only signs of the checklists a red flag
// reads are offered. Words that find nothing are kept for the doctor; words
// with no letter at all (empty, or only signs) change nothing.
func (p *checkPage) search(set *rules.Set, text string) {
	text = capText(text)
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		p.found = nil
		return
	}
	f := &sayFound{text: text, added: map[int]bool{}}
	f.matches = set.SearchWhere(text, string(p.l), func(question, option string) bool {
		q := set.Question(question)
		return p.saySign(set, q) && (q.Kind == rules.KindMulti || option != q.Options[0].ID) // "No" is no sign
	})
	if len(f.matches) == 0 {
		p.st.wrote(text)
	}
	p.found = f
}

// addSign counts the i-th match as ticked. On the list on screen it is
// ticked there too, with what was ticked before.
func (p *checkPage) addSign(set *rules.Set, i int) {
	f := p.found
	if f == nil || i < 0 || i >= len(f.matches) {
		return
	}
	m := f.matches[i]
	draft, current := p.draft, p.pr.current
	p.st.confirm(m.Question, m.Option, f.text)
	p.reevaluate(set)
	if p.pr.current == current {
		for o, on := range draft {
			p.draft[o] = p.draft[o] || on
		}
		p.found = f
	}
	f.added[i] = true
}

// has reports whether the sign of a match is ticked or answered already.
func (p *checkPage) has(m rules.Match) bool {
	if m.Question == p.pr.current {
		return p.draft[m.Option]
	}
	a := p.pr.answers[m.Question]
	return a.Option == m.Option || slices.Contains(a.Options, m.Option)
}

// typing keeps what is typed as it is (spaces too: the field shows it
// back), at most rules.SearchLimit characters.
func (p *checkPage) typing(ctx app.Context, e app.Event) {
	p.query = ctx.JSSrc().Get("value").String()
	if r := []rune(p.query); len(r) > rules.SearchLimit {
		p.query = string(r[:rules.SearchLimit])
	}
}

func (p *checkPage) submitSearch(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.search(ruleSet(), p.query)
	// Words kept for the doctor are saved at once; the ticks on screen
	// stay as they are.
	if p.st.Started && saveCheck(deviceStorage(), p.st) != nil {
		p.notice = p.l.say("check_not_saved")
	}
	if p.found != nil {
		focusOn("#say-result")
	}
}

func (p *checkPage) confirmSign(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.addSign(ruleSet(), i)
		p.refresh(ctx)
		if p.found != nil {
			focusOn("#say-result")
		} else {
			focusHeadingSoon(p.screenKey())
		}
	}
}

// sayBox is the search box, with what the last search found under it.
func (p *checkPage) sayBox(set *rules.Set, label string) app.UI {
	l := p.l
	form := tagClass("form", "say-search").Role("search").OnSubmit(p.on("say", p.submitSearch)).Body(
		app.Elem("label").Attr("for", "say-text").Text(label),
		tagClass("div", "say-row").Body(
			app.ElemSelfClosing("input").Attr("type", "search").ID("say-text").Attr("name", "say").Attr("maxlength", rules.SearchLimit).
				Attr("autocomplete", "off").Attr("value", p.query).OnInput(p.on("say-input", p.typing)),
			tagClass("button", "button").Attr("type", "submit").ID("say-go").Text(l.say("say_search")),
		),
	)
	return tagClass("div", "say").Body(form, p.sayResult(set))
}

// sayResult shows the signs a search found, each to confirm, or says that
// it found none. The typed words are only ever text, never markup.
func (p *checkPage) sayResult(set *rules.Set) app.UI {
	l := p.l
	f := p.found
	if f == nil {
		return nil
	}
	typed := tagClass("p", "say-typed").Text(l.say("say_you_typed", "text", f.text))
	if len(f.matches) == 0 {
		return tagClass("div", "say-result notice").ID("say-result").TabIndex(-1).Role("status").Body(
			typed,
			tagText("p", l.say("say_not_found")),
			tagText("p", l.say("say_if_serious")),
		)
	}
	var items []app.UI
	for i, m := range f.matches {
		q := set.Question(m.Question)
		body := []app.UI{tagClass("strong", "say-label").Text(p.matchLabel(q, m))}
		if m.Question != p.pr.current {
			body = append(body, tagClass("span", "say-question").Text(l.say("say_from_question", "question", l.in(p.st.them(q.Text, q.TextThem)))))
		}
		if f.added[i] || p.has(m) {
			body = append(body, tagClass("span", "say-added").Text(l.say("say_added")))
		} else {
			body = append(body, tagClass("button", "button").Attr("type", "button").DataSet("say-option", m.Option).
				OnClick(p.on("say-yes/"+strconv.Itoa(i), p.confirmSign(i))).Text(l.say("say_yes")))
		}
		items = append(items, tagClass("li", "say-match").Body(body...))
	}
	return tagClass("div", "say-result").ID("say-result").TabIndex(-1).Role("region").Aria("labelledby", "say-found").Body(
		app.Elem("h2").ID("say-found").Text(l.say("say_found")),
		typed,
		tagClass("ul", "say-matches").Body(items...),
	)
}
