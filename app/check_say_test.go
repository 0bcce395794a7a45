package app

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"aftercare/rules"
)

// withSay checks that the built-in rules' words for the search find the
// option from these words, in English and in Spanish, so a test that types
// them tests the box, not the word lists.
func withSay(t *testing.T, question, option, en, es string) {
	t.Helper()
	for l, text := range map[string]string{"en": en, "es": es} {
		ms := ruleSet().Search(text, l)
		if !slices.ContainsFunc(ms, func(m rules.Match) bool { return m.Question == question && m.Option == option }) {
			t.Fatalf("%q (%s) does not find %s.%s: %+v", text, l, question, option, ms)
		}
	}
}

// atBodySigns is the check on the body's danger signs, calm so far.
func atBodySigns(t *testing.T) *checkPage {
	p := checkAt(t, map[string]any{"age": "age_16_49", "health": []any{}, "where": []any{}}, "age", "health", "where")
	p.reevaluate(ruleSet())
	if p.pr.current != "body_signs" {
		t.Fatalf("on %q, want body_signs", p.pr.current)
	}
	return p
}

// TestSayBoxOnEveryDangerList: every checklist a red flag reads has the
// search box (a label, a search field of at most 200 characters, a Search
// button that submits), and so has the advice; other screens have none.
func TestSayBoxOnEveryDangerList(t *testing.T) {
	set := ruleSet()
	var lists []string
	for _, q := range set.Questions {
		if sayScreen(set, &q) {
			lists = append(lists, q.ID)
		}
	}
	for _, id := range []string{"body_signs", "stroke_signs", "nerve_signs", "other_signs", "more_signs", "pregnancy_signs", "sepsis_signs", "muscle_signs", "injury", "pain_pattern", "health"} {
		if !slices.Contains(lists, id) {
			t.Errorf("%s has no search box (lists with one: %v)", id, lists)
		}
	}
	html := render(t, atBodySigns(t))
	if !hasTag(html, "label", `for="say-text"`) || !hasTag(html, "input", `type="search"`, `id="say-text"`, `maxlength="200"`) ||
		!hasTag(html, "button", `type="submit"`, `id="say-go"`) || !strings.Contains(html, "Something else? Type it in your own words") {
		t.Errorf("the danger list lacks the search box:\n%s", html)
	}
	if html := render(t, checkAt(t, map[string]any{"age": "age_16_49"}, "age")); strings.Contains(html, `id="say-text"`) && !sayScreen(set, set.Question("health")) {
		t.Error("a screen that is no danger list has the search box")
	}
	if html := render(t, checkAt(t, map[string]any{}, "")); strings.Contains(html, `id="say-text"`) {
		t.Error("the age question has the search box")
	}
	calm := checkAt(t, calmWith(map[string]any{"pain_now": 3.0, "days": 1.0}))
	if html := render(t, calm); !strings.Contains(html, "Anything else you feel? Type it in your own words") || !hasTag(html, "input", `type="search"`) {
		t.Error("the advice lacks the search box")
	}
}

// TestSayConfirmTicksTheSignOnScreen: a typed phrase shows the sign it
// may mean, with a button to confirm; confirmed, the sign is ticked with
// what was ticked before, and answered, it counts as ticked.
func TestSayConfirmTicksTheSignOnScreen(t *testing.T) {
	withSay(t, "body_signs", "sharp_breath", "stabbing when I breathe in", "punzada al respirar")
	set := ruleSet()
	p := atBodySigns(t)
	p.draft["calf"] = true
	p.search(set, "it stabs when I breathe")
	html := renderCheck(t, p)
	label := set.In(set.Question("body_signs").Options[slices.IndexFunc(set.Question("body_signs").Options, func(o rules.Option) bool { return o.ID == "sharp_breath" })].Label, "en")
	for _, want := range []string{"Is it one of these?", "You typed: it stabs when I breathe", htmlEscape(label), ">Yes, I have this</button>"} {
		if !strings.Contains(html, want) {
			t.Errorf("the matches lack %q:\n%s", want, html)
		}
	}
	item := html[strings.Index(html, htmlEscape(label)):]
	if end := strings.Index(item, "</li>"); end < 0 || strings.Contains(item[:end], "From the question") {
		t.Error("a sign of the list on screen names its question")
	}
	i := slices.IndexFunc(p.found.matches, func(m rules.Match) bool { return m.Option == "sharp_breath" })
	p.addSign(set, i)
	if !p.draft["sharp_breath"] || !p.draft["calf"] {
		t.Errorf("confirmed: ticks %v, want sharp_breath and calf", p.draft)
	}
	if html := renderCheck(t, p); !strings.Contains(html, "Added to your answers.") {
		t.Error("the confirmed sign does not say it was added")
	}
	p.st.untick(p.pr.current, p.ticked())
	p.st.answer(set, p.pr.current, rules.Answer{Options: p.ticked()})
	p.reevaluate(set)
	if p.pr.result.Level != rules.Emergency { // sharp breath with a calf: a clot
		t.Errorf("level %s, want emergency", p.pr.result.Level)
	}
	if len(p.st.Typed) != 1 || p.st.Typed[0].Text != "it stabs when I breathe" {
		t.Errorf("typed signs kept: %+v", p.st.Typed)
	}
}

// TestSayLaterListIsKept: a sign of a list still to come counts at once
// (the level rises), and that list comes with it ticked; the other signs
// of that list are still asked.
func TestSayLaterListIsKept(t *testing.T) {
	withSay(t, "nerve_signs", "one_arm_weak", "my arm went weak", "el brazo se me quedó débil")
	set := ruleSet()
	p := atBodySigns(t)
	p.search(set, "my arm went weak")
	i := slices.IndexFunc(p.found.matches, func(m rules.Match) bool { return m.Option == "one_arm_weak" })
	if i < 0 {
		t.Fatalf("no match: %+v", p.found.matches)
	}
	if html := renderCheck(t, p); !strings.Contains(html, "From the question: "+htmlEscape(set.In(set.Question("nerve_signs").Text, "en"))) {
		t.Error("a sign of another list does not name its question")
	}
	p.addSign(set, i)
	if p.pr.current != "body_signs" || p.pr.result.Level != rules.Urgent {
		t.Fatalf("on %q at %s, want body_signs at urgent", p.pr.current, p.pr.result.Level)
	}
	for _, id := range []string{"body_signs", "stroke_signs"} {
		if p.pr.current != id {
			t.Fatalf("on %q, want %s", p.pr.current, id)
		}
		p.st.answer(set, id, rules.Answer{Options: []string{}})
		p.reevaluate(set)
	}
	if p.pr.current != "nerve_signs" || !p.draft["one_arm_weak"] || p.pr.result.Level != rules.Urgent {
		t.Errorf("on %q with ticks %v at %s, want nerve_signs, one_arm_weak ticked, urgent", p.pr.current, p.draft, p.pr.result.Level)
	}
}

// TestSayOnTheAdviceRaisesTheLevel: a sign typed on the advice joins an
// answered list: the level rises, never falls, and the summary says what
// was typed.
func TestSayOnTheAdviceRaisesTheLevel(t *testing.T) {
	withSay(t, "other_signs", "burning_pee", "it stings when I pee", "me arde al orinar")
	set := ruleSet()
	p := checkAt(t, calmWith(map[string]any{"pain_now": 3.0, "days": 1.0}), "age", "health", "where", "body_signs", "stroke_signs", "nerve_signs", "other_signs", "more_signs", "injury", "pain_pattern", "pain_now", "days")
	if p.pr.current != "" || p.pr.result.Level != rules.SelfCare {
		t.Fatalf("not the calm advice: %q %s", p.pr.current, p.pr.result.Level)
	}
	p.search(set, "Stings when I pee")
	i := slices.IndexFunc(p.found.matches, func(m rules.Match) bool { return m.Option == "burning_pee" })
	if i < 0 {
		t.Fatalf("no match: %+v", p.found.matches)
	}
	p.addSign(set, i)
	if p.pr.result.Level != rules.Urgent || !slices.Contains(p.pr.answers["other_signs"].Options, "burning_pee") {
		t.Fatalf("level %s, answer %+v", p.pr.result.Level, p.pr.answers["other_signs"])
	}
	s := &summaryPage{pr: &p.pr, asked: p.st.Asked, date: "2026-11-24", typed: p.st.Typed}
	html := render(t, s)
	if !strings.Contains(html, "You typed: Stings when I pee") || !strings.Contains(s.text(), "You typed: Stings when I pee") {
		t.Errorf("the summary lacks what was typed:\n%s", html)
	}
}

// TestSayNoMatchKeepsTheWords: words that find nothing say so, point to
// the emergency number, change no answer and are kept for the summary;
// empty words or only signs change nothing at all.
func TestSayNoMatchKeepsTheWords(t *testing.T) {
	set := ruleSet()
	p := atBodySigns(t)
	before := p.pr.result.Level
	p.search(set, "zebra quantum banjo")
	html := renderCheck(t, p)
	for _, want := range []string{"We did not find this in our list of signs.", "call 911 or a doctor now", "You typed: zebra quantum banjo"} {
		if !strings.Contains(html, want) {
			t.Errorf("no match lacks %q:\n%s", want, html)
		}
	}
	if p.pr.result.Level != before || len(p.st.Typed) != 0 || !slices.Equal(p.st.Wrote, []string{"zebra quantum banjo"}) {
		t.Errorf("no match changed the check: %s %+v %v", p.pr.result.Level, p.st.Typed, p.st.Wrote)
	}
	calm := checkAt(t, calmWith(map[string]any{"pain_now": 3.0, "days": 1.0}))
	s := &summaryPage{pr: &calm.pr, asked: []string{"pain_now"}, date: "2026-11-24", wrote: p.st.Wrote}
	if html := render(t, s); !strings.Contains(html, "You also wrote: zebra quantum banjo") || !strings.Contains(s.text(), "You also wrote: zebra quantum banjo") {
		t.Error("the summary lacks the words that matched nothing")
	}
	for _, nothing := range []string{"", "   ", "!!! ???", "123"} {
		q := atBodySigns(t)
		q.search(set, nothing)
		if q.found != nil || len(q.st.Wrote) != 0 {
			t.Errorf("%q changed something: %+v %v", nothing, q.found, q.st.Wrote)
		}
	}
}

// TestSayTextIsNeverMarkupAndIsCapped: typed markup shows as text, and
// more than 200 characters are cut to 200.
func TestSayTextIsNeverMarkupAndIsCapped(t *testing.T) {
	set := ruleSet()
	p := atBodySigns(t)
	p.search(set, `<img src=x onerror=alert(1)><b>zebra</b>`)
	html := renderCheck(t, p)
	if strings.Contains(html, "<img src=x") || strings.Contains(html, "<b>zebra") || !strings.Contains(html, "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;zebra&lt;/b&gt;") {
		t.Errorf("typed markup is rendered as markup:\n%s", html)
	}
	long := strings.Repeat("é", 201)
	p = atBodySigns(t)
	p.search(set, long)
	if n := utf8.RuneCountInString(p.found.text); n != rules.SearchLimit {
		t.Errorf("kept %d characters, want %d", n, rules.SearchLimit)
	}
	if n := utf8.RuneCountInString(p.st.Wrote[0]); n != rules.SearchLimit {
		t.Errorf("kept %d characters for the doctor, want %d", n, rules.SearchLimit)
	}
}

// TestSavedCheckKeepsTypedSigns: the typed signs and words are saved with
// the check, and a check of version 3 still loads.
func TestSavedCheckKeepsTypedSigns(t *testing.T) {
	set := ruleSet()
	st := checkState{Version: checkStateVersion, Started: true, Answers: rules.Answers{}, Typed: []typedSign{{"nerve_signs", "one_arm_weak", "arm floppy"}}, Wrote: []string{"zebra"}}
	raw, err := jsonMarshal(st)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeCheck(raw, set)
	if err != nil || !slices.Equal(got.Typed, st.Typed) || !slices.Equal(got.Wrote, st.Wrote) {
		t.Errorf("round trip: %+v, %v", got, err)
	}
	old, err := decodeCheck([]byte(`{"v":3,"started":true,"date":"2026-02-03","answers":{"age":{"option":"age_16_49"}},"asked":["age"]}`), set)
	if err != nil || old.Version != checkStateVersion || old.Answers["age"].Option != "age_16_49" {
		t.Errorf("version 3: %+v, %v", old, err)
	}
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

// renderCheck renders the check as it stands, on a fresh page (a page
// renders once).
func renderCheck(t *testing.T, p *checkPage) string {
	return render(t, &checkPage{st: p.st, pr: p.pr, draft: p.draft, found: p.found, query: p.query})
}

// TestSayOffersChestPainAndRaisesIt: chest pain typed after "No" to the
// chest question is offered (a question whose answers run from mild to
// severe), and confirming it gives emergency advice; a follow-up whose gate
// is closed (pregnancy signs for someone not pregnant) is never offered.
func TestSayOffersChestPainAndRaisesIt(t *testing.T) {
	set := ruleSet()
	p := atBodySigns(t)
	p.search(set, "my chest feels tight and heavy")
	i := slices.IndexFunc(p.found.matches, func(m rules.Match) bool { return m.Question == "chest" && m.Option == "yes" })
	if i < 0 {
		t.Fatalf("chest pain not offered: %+v", p.found.matches)
	}
	p.addSign(set, i)
	if p.pr.result.Level != rules.Emergency {
		t.Errorf("confirmed chest pain gives %s, want emergency", p.pr.result.Level)
	}
	q := atBodySigns(t)
	q.search(set, "blurred vision")
	for _, m := range q.found.matches {
		if m.Question == "pregnancy_signs" {
			t.Errorf("offered %s.%s to someone not pregnant", m.Question, m.Option)
		}
	}
	if !slices.ContainsFunc(q.found.matches, func(m rules.Match) bool { return m.Question == "stroke_signs" }) {
		t.Errorf("blurred vision does not offer the stroke sign: %+v", q.found.matches)
	}
}

// TestCheckSavedUnderOlderRulesKeepsItsTicks: a check saved before rules
// v3 (pregnancy a question of its own, the age band "under_60") is not
// thrown away: the yes to pregnancy stays a tick of health, and only the
// age band that changed is asked again.
func TestCheckSavedUnderOlderRulesKeepsItsTicks(t *testing.T) {
	set := ruleSet()
	raw := `{"v": 3, "started": true, "date": "2026-11-20", "answers": {"age": {"option": "under_60"}, "pregnant": {"option": "yes"}, "chest": {"option": "no"}, "health": {"options": ["diabetes", "gone"]}}, "asked": ["age", "pregnant", "chest", "health"]}`
	st, err := decodeCheck([]byte(raw), set)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := st.evaluate(set)
	if err != nil {
		t.Fatalf("the upgraded check does not fit the rules: %v", err)
	}
	if !slices.Contains(pr.answers["health"].Options, "pregnant") || !slices.Contains(pr.answers["health"].Options, "diabetes") {
		t.Errorf("health is %+v, want pregnant and diabetes kept", pr.answers["health"])
	}
	if _, ok := st.Answers["age"]; ok || pr.current != "age" {
		t.Errorf("the changed age band is not asked again: answers %v, asking %q", st.Answers, pr.current)
	}
	if _, ok := st.Answers["chest"]; !ok {
		t.Error("the chest answer was lost")
	}
}

// TestDraftTicksComeBack: ticks kept as a draft come back on their list and
// on no other; an answer ends the draft.
func TestDraftTicksComeBack(t *testing.T) {
	set := ruleSet()
	p := atBodySigns(t)
	p.st.Draft = &draftTicks{Question: "body_signs", Options: []string{"sweat"}}
	p.reevaluate(set)
	if !p.draft["sweat"] {
		t.Fatalf("the draft tick did not come back: %v", p.draft)
	}
	p.st.Draft = &draftTicks{Question: "stroke_signs", Options: []string{"face"}}
	p.reevaluate(set)
	if p.draft["face"] {
		t.Error("a draft of another list was ticked here")
	}
	p.st.answer(set, "body_signs", rules.Answer{Options: []string{}})
	if p.st.Draft != nil {
		t.Error("an answer kept the draft")
	}
}
