package app

import (
	"slices"
	"strings"
	"testing"

	"aftercare/rules"
)

// TestCardAnswersTheCheck: a clinic's card answers the days since the
// massage and its own questions; they are not asked, and the summary says
// where they came from.
func TestCardAnswersTheCheck(t *testing.T) {
	set := ruleSet()
	card := rules.Card{Date: "2026-11-20", Answers: map[string]string{"massage_type": "deep", "pressure": "firm"}, Areas: []string{"neck"}, Note: "Drink water."}
	st := checkState{Started: true, Date: "2026-11-24"}
	if !st.useCard(set, card) {
		t.Fatal("the card answered nothing")
	}
	if got := strings.Join(st.FromCard, " "); got != "days massage_type pressure" {
		t.Errorf("from the card: %s", got)
	}
	pr, err := st.evaluate(set)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range st.FromCard {
		if slices.Contains(pr.result.Pending, id) || pr.current == id {
			t.Errorf("%s is still asked", id)
		}
	}
	page := &checkPage{st: st, pr: pr}
	if html := render(t, page); !strings.Contains(html, `id="card-ask"`) {
		t.Error("the first question offers no way to answer the card's questions oneself")
	}
	asked := st
	asked.FromCard = append([]string{}, st.FromCard...)
	asked.Answers = rules.Answers{}
	for k, v := range st.Answers {
		asked.Answers[k] = v
	}
	asked.dropCard()
	if again, _ := asked.evaluate(set); len(asked.FromCard) > 0 || !slices.Contains(again.result.Pending, "days") {
		t.Errorf("after taking the card back, days is not asked: %v", again.result.Pending)
	}
	p := &summaryPage{pr: &pr, fromCard: st.FromCard, card: &card, date: st.Date}
	html := render(t, p)
	for _, want := range []string{"Massage on 20 Nov 2026, day 4 at the time of the check (from your clinic&#39;s card)", "Deep tissue (from your clinic&#39;s card)", "Drink water.", "Areas worked on: Neck"} {
		if !strings.Contains(html, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
}

// TestWelcomeShowsTheSession: the page a card's link opens greets the
// person with the clinic and the session, and offers the check, the diary
// and a way to say the card is wrong.
func TestWelcomeShowsTheSession(t *testing.T) {
	card := rules.Card{Date: "2026-11-20", Answers: map[string]string{"pressure": "firm"}, Areas: []string{"neck", "upper_back"}, Note: "Deep work on the left side.", Phone: "+44 20 7946 0000"}
	html := render(t, &welcomePage{card: &card, loaded: true})
	for _, want := range []string{"Welcome from Aftercare", "Your massage: 20 Nov 2026", "How firm was the pressure? Firm", "Areas worked on: Neck, Upper back",
		"Deep work on the left side.", `href="tel:+442079460000"`, `id="card-check"`, `id="card-diary"`, `id="card-wrong"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the welcome lacks %q", want)
		}
	}
	html = render(t, &welcomePage{problem: en.say("card_damaged"), loaded: true})
	if !strings.Contains(html, `id="card-problem"`) || strings.Contains(html, `id="card-diary"`) || !strings.Contains(html, `id="card-check"`) {
		t.Errorf("a damaged link:\n%s", html)
	}
}

// TestCardKeptAndForgotten: a good link's card is kept for the check and the
// diary; a damaged link keeps nothing and forgets the card kept before, so
// an older session's date is never used for a new one.
func TestCardKeptAndForgotten(t *testing.T) {
	set, store := ruleSet(), memoryKV{}
	first := rules.Card{Date: "2026-11-10", Answers: map[string]string{"pressure": "light"}}
	if _, err := keepCard(store, set, first.Encode(), "2026-11-24"); err != nil {
		t.Fatal(err)
	}
	if c, ok := currentCard(store, set, "2026-11-24"); !ok || c.Date != first.Date {
		t.Fatalf("the kept card: %+v, %v", c, ok)
	}
	if _, ok := currentCard(store, set, "2027-01-30"); ok {
		t.Error("a card past the days question's range is still used")
	}
	damaged := strings.Replace(rules.Card{Date: "2026-11-23"}.Encode(), "20261123", "20261122", 1)
	if _, err := keepCard(store, set, damaged, "2026-11-24"); err == nil {
		t.Fatal("a damaged link was read")
	}
	if c, ok := currentCard(store, set, "2026-11-24"); ok {
		t.Errorf("after a damaged link, the older card (%s) is still used", c.Date)
	}
}
