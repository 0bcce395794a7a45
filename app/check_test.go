package app

import (
	"encoding/json"
	"errors"
	stdhtml "html"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// checkAt builds the check page as it stands after the given answers,
// written as the CLI reads them (JSON values).
func checkAt(t *testing.T, answers map[string]any, asked ...string) *checkPage {
	t.Helper()
	set := ruleSet()
	as := rules.Answers{}
	for id, v := range answers {
		a, err := set.AnswerFromJSON(id, v)
		if err != nil {
			t.Fatal(err)
		}
		as[id] = a
	}
	p := &checkPage{st: checkState{Started: true, Answers: as, Asked: asked}}
	pr, err := p.st.evaluate(set)
	if err != nil {
		t.Fatal(err)
	}
	p.pr = pr
	return p
}

// calmWith is every danger question answered calmly, plus the answers given.
func calmWith(answers map[string]any) map[string]any {
	out := map[string]any{"age": "age_16_49", "health": []any{}, "where": []any{}, "body_signs": []any{}, "stroke_signs": []any{},
		"nerve_signs": []any{}, "other_signs": []any{}, "more_signs": []any{}, "injury": []any{}, "pain_pattern": []any{}}
	for k, v := range answers {
		out[k] = v
	}
	return out
}

func TestCheckIntro(t *testing.T) {
	html := render(t, &checkPage{})
	for _, want := range []string{">Start the check</button>", "Get help now", `data-screen="intro"`} {
		if !strings.Contains(html, want) {
			t.Errorf("intro lacks %s", want)
		}
	}
}

// TestCheckFirstQuestions: the check starts with age, then the body
// systems' danger signs as checklists, each with "None of these".
func TestCheckFirstQuestions(t *testing.T) {
	html := render(t, checkAt(t, nil))
	set := ruleSet()
	q := set.Questions[0]
	total := ">Some more questions about your signs</p>"
	if q.ID != "age" || !strings.Contains(html, `data-question="age"`) || !strings.Contains(html, total) {
		t.Fatalf("first screen is not age, %s:\n%s", total, html)
	}
	for _, o := range q.Options {
		if !hasTag(html, "button", `data-option="`+o.ID+`"`) {
			t.Errorf("no button for %s", o.ID)
		}
	}
	for _, want := range []string{">What does this mean?</button>", `aria-expanded="false"`, ">Back</button>", ">Start over</button>"} {
		if !strings.Contains(html, want) {
			t.Errorf("first question lacks %s", want)
		}
	}
	if strings.Contains(html, "Skip the rest") {
		t.Error("offers to skip before anything is certain")
	}

	html = render(t, checkAt(t, map[string]any{"age": "age_16_49", "health": []any{}, "where": []any{}}, "age", "health", "where"))
	body := set.Question("body_signs")
	if !strings.Contains(html, `data-question="body_signs"`) {
		t.Fatalf("the fourth screen is not body_signs:\n%s", html)
	}
	for _, o := range body.Options {
		if !hasTag(html, "input", `type="checkbox"`, `data-option="`+o.ID+`"`) {
			t.Errorf("no checkbox for %s", o.ID)
		}
	}
	for _, want := range []string{`data-option="none"`, ">None of these</button>"} {
		if !strings.Contains(html, want) {
			t.Errorf("a checklist lacks %s", want)
		}
	}
}

func TestCheckScaleAndUnsure(t *testing.T) {
	calm := map[string]any{"age": "age_16_49", "health": []any{}, "where": []any{}, "body_signs": []any{}, "stroke_signs": []any{}, "nerve_signs": []any{}, "other_signs": []any{}, "more_signs": []any{}, "injury": []any{}, "pain_pattern": []any{}}
	html := render(t, checkAt(t, calm, "age", "health", "where", "body_signs", "stroke_signs", "nerve_signs", "other_signs", "more_signs", "injury", "pain_pattern"))
	if !strings.Contains(html, `data-question="pain_now"`) {
		t.Fatalf("11th screen is not pain_now:\n%s", html)
	}
	for _, want := range []string{"Hard to sleep or dress", "The worst pain you can think of"} {
		if !strings.Contains(html, want) {
			t.Errorf("the pain scale lacks its words %q", want)
		}
	}
	for n := 0; n <= 10; n++ {
		if !hasTag(html, "button", `data-value="`+itoa(n)+`"`) {
			t.Errorf("no button for %d", n)
		}
	}
	calm["pain_now"], calm["days"] = 2.0, 4.0
	html = render(t, checkAt(t, calm))
	if !strings.Contains(html, `data-question="trend"`) || !hasTag(html, "button", `data-option="unsure"`) || !strings.Contains(html, ">"+htmlEscape("I don't know")+"</button>") {
		t.Errorf("trend offers no \"I don't know\":\n%s", html)
	}
}

func TestCheckEmergencyComesFirstAndAlone(t *testing.T) {
	p := checkAt(t, map[string]any{"where": []any{}, "stroke_signs": []any{"dizzy"}}, "where", "stroke_signs")
	if len(p.pr.result.Pending) != 0 {
		t.Fatalf("still %d questions to ask on an emergency", len(p.pr.result.Pending))
	}
	html := render(t, p)
	for _, want := range []string{`data-level="emergency"`, `href="tel:911"`, ">Call 911 now</a>", ">While you wait</h2>", "You have signs of a stroke", "This is not a diagnosis."} {
		if !strings.Contains(html, want) {
			t.Errorf("emergency screen lacks %s", want)
		}
	}
	for _, unwanted := range []string{"Likely causes", "Your recovery plan", "Start a recovery diary", `class="option`} {
		if strings.Contains(html, unwanted) {
			t.Errorf("emergency screen also shows %q", unwanted)
		}
	}
}

func TestCheckResult(t *testing.T) {
	p := checkAt(t, calmWith(map[string]any{"pain_now": 4.0, "days": 6.0, "trend": "same", "symptoms": []any{"soreness"}, "posture": "yes"}))
	html := render(t, p)
	for _, want := range []string{
		`data-level="doctor"`,
		"Book a visit with a doctor or physio in the next few days.",
		"This is not a diagnosis.",
		">When to get help</h2>",
		"Your pain has not got better in 3 or more days.",
		"How many days ago was your massage? day 6 after the massage",
		">Likely causes</h2>", ">Tight knots that were worked on</h3>", ">Your posture</h3>",
		"Moderate pain can take up to a week to get better.",
		`href="/diary?days=6&from=check&level=doctor&pain_now=4&tier=moderate"`,
		`href="/check/summary"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("result lacks %s", want)
		}
	}
	if strings.Index(html, "Tight knots") > strings.Index(html, "Your posture") {
		t.Error("causes are not ranked by weight (knots 5, posture 3)")
	}
}

func TestCheckErrorScreen(t *testing.T) {
	p := checkAt(t, nil)
	p.failed = "boom"
	html := render(t, p)
	if !strings.Contains(html, ">Something went wrong</h1>") || !strings.Contains(html, ">Try again</button>") || !strings.Contains(html, `href="/"`) {
		t.Errorf("error screen:\n%s", html)
	}
}

func TestGuardTurnsAPanicIntoTheErrorScreen(t *testing.T) {
	var failed string
	ran := false
	guard(&failed, func(app.Context, app.Event) { ran = true })(app.Context{}, app.Event{})
	if !ran || failed != "" {
		t.Fatalf("a calm handler: ran %v, failed %q", ran, failed)
	}
	guard(&failed, func(app.Context, app.Event) { panic("index out of range") })(app.Context{}, app.Event{})
	if failed != "index out of range" {
		t.Errorf("failed = %q after a panic", failed)
	}
}

func TestCheckStateBackAndBadAnswers(t *testing.T) {
	set := ruleSet()
	var st checkState
	st.Started = true
	st.answer(set, "age", rules.Answer{Option: set.Question("age").Options[0].ID})
	st.answer(set, "health", rules.Answer{Options: []string{}})
	st.answer(set, "where", rules.Answer{Options: []string{}})
	st.answer(set, "body_signs", rules.Answer{Options: []string{}})
	st.answer(set, "stroke_signs", rules.Answer{Options: []string{"face"}})
	pr, err := st.evaluate(set)
	if err != nil || pr.result.Level != rules.Emergency {
		t.Fatalf("level %s, %v", pr.result.Level, err)
	}
	id, prev := st.back()
	if id != "stroke_signs" || len(st.Asked) != 4 {
		t.Fatalf("back() = %s, asked %v", id, st.Asked)
	}
	if prev == nil || !slices.Equal(prev.Options, []string{"face"}) {
		t.Errorf("back() gave the earlier answer %v", prev)
	}
	pr, _ = st.evaluate(set)
	if pr.current != "stroke_signs" || pr.result.Level != rules.SelfCare {
		t.Errorf("after back: on %s at %s, want stroke_signs again", pr.current, pr.result.Level)
	}

	st.Answers["trend"] = rules.Answer{Option: "sideways"}
	st.Answers["pain_now"] = rules.Answer{Number: 11}
	_, err = st.evaluate(set)
	var ps rules.Problems
	if !errors.As(err, &ps) || len(ps) != 2 || ps[0].Path != "pain_now" || ps[1].Path != "trend" || !strings.Contains(ps[1].Msg, `"sideways" is not an option`) {
		t.Errorf("saved answers that no longer fit gave %v, want a problem for each", err)
	}
}

// TestSavedCheckOfVersion2: a check saved by the version before, with its
// answers as JSON values, comes back the same; one that no longer fits the
// rules is an error (the page says so and starts again).
func TestSavedCheckOfVersion2(t *testing.T) {
	set := ruleSet()
	st, err := decodeCheck([]byte(`{"v": 2, "started": true, "date": "2026-11-20", "answers": {"chest": "no", "body_signs": ["sweat"], "pain_now": 9}, "asked": ["chest", "body_signs", "pain_now"]}`), set)
	if err != nil {
		t.Fatal(err)
	}
	want := rules.Answers{"chest": {Option: "no"}, "body_signs": {Options: []string{"sweat"}}, "pain_now": {Number: 9}}
	if st.Version != checkStateVersion || st.Date != "2026-11-20" || !reflect.DeepEqual(st.Answers, want) || len(st.Asked) != 3 {
		t.Errorf("upgraded to %+v", st)
	}
	b, _ := json.Marshal(st)
	if again, err := decodeCheck(b, set); err != nil || !reflect.DeepEqual(again, st) {
		t.Errorf("saved and read back: %+v, %v", again, err)
	}
	for _, bad := range []string{`{"v": 2, "answers": {"chest": "sideways"}}`, `{"v": 1}`, `{"v": 9}`, `[`} {
		if _, err := decodeCheck([]byte(bad), set); err == nil {
			t.Errorf("%s was read", bad)
		}
	}
}

// TestSummary: the papers a doctor can read: a real date, each sign asked
// about with its answer (ticked and not ticked), the massage as a date, the
// danger questions not asked shown as such, the level and its reasons.
func TestSummary(t *testing.T) {
	if html := render(t, &summaryPage{}); !strings.Contains(html, "Your summary appears here once you have finished a check") {
		t.Errorf("empty summary:\n%s", html)
	}
	p := checkAt(t, map[string]any{"where": []any{"between_blades", "arm_left"}, "body_signs": []any{"faint_feeling"}, "pain_now": 9.0, "days": 1.0}, "where", "body_signs")
	s := &summaryPage{pr: &p.pr, asked: p.st.Asked, date: "2026-11-24"}
	html := render(t, s)
	for _, want := range []string{
		"Made with Aftercare on 24 Nov 2026", "Call 911 now.", "Feeling faint or light-headed with the pain can be a heart attack",
		"Since the massage, where have you had pain, pressure or tightness, even if it has gone?", "Yes: Left arm; Between the shoulder blades", // the body map, in words
		"Yes: Feeling faint or light-headed with the pain", "No: A new ache, pressure or tightness in your arm, jaw, neck, throat or upper back, unlike the massage soreness;",
		"Not asked: the advice was clear without it",
		">Print</button>", ">Share or copy</button>", `id="delete-check"`,
	} {
		if !strings.Contains(html, htmlEscape(want)) && !strings.Contains(html, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if strings.Count(html, "None of these") > 0 {
		t.Error("the summary says None of these, which names no sign")
	}
	// Nothing ticked is one line that names what was ruled out: no empty
	// "Yes: none" line.
	for _, r := range s.rows(ruleSet()) {
		if strings.Contains(r.answer, "Yes: none") || strings.TrimSpace(strings.TrimPrefix(r.answer, "Yes:")) == "" || strings.HasPrefix(r.answer, "No to each") && r.not != "" {
			t.Errorf("summary row %q: %q / %q", r.question, r.answer, r.not)
		}
	}

	p = checkAt(t, calmWith(map[string]any{"pain_now": 3.0, "days": 1.0}))
	s = &summaryPage{pr: &p.pr, asked: []string{"pain_now", "days"}, date: "2026-11-24"}
	if text := s.text(); !strings.Contains(text, "Advice: You can look after this at home.") || !strings.Contains(text, "- How many days ago was your massage? Massage on 23 Nov 2026, day 1 at the time of the check") {
		t.Errorf("share text:\n%s", text)
	}
	calm := &summaryPage{pr: &p.pr, asked: []string{"stroke_signs", "pain_now"}, date: "2026-11-24"}
	if text := calm.text(); !strings.Contains(text, "- Since the massage, have you had any of these, even for a short time? No to each of these: One side of your face drooping;") ||
		strings.Contains(text, "Yes: none") || strings.Contains(text, "\n  No: ") {
		t.Errorf("signs ruled out are not one line naming them:\n%s", text)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestListsNeverDropTicks: with a tick, None of these is off (and its
// handler refuses); with none, Continue is off (and its handler refuses).
func TestListsNeverDropTicks(t *testing.T) {
	p := checkAt(t, map[string]any{"age": "age_16_49", "health": []any{}, "where": []any{}}, "age", "health", "where")
	html := render(t, p)
	if !hasTag(html, "button", `id="continue"`, `disabled`) || hasTag(html, "button", `data-option="none"`, `disabled`) {
		t.Errorf("nothing ticked: Continue must be off and None of these on:\n%s", html)
	}
	p = checkAt(t, map[string]any{"age": "age_16_49", "health": []any{}, "where": []any{}}, "age", "health", "where")
	p.draft = map[string]bool{"breathless_rest": true}
	html = render(t, p)
	if hasTag(html, "button", `id="continue"`, `disabled`) || !hasTag(html, "button", `data-option="none"`, `disabled`) {
		t.Errorf("a tick: Continue must be on and None of these off")
	}
	p.noneOfThese(app.Context{}, app.Event{})
	if p.pr.current != "body_signs" || p.notice == "" || !p.draft["breathless_rest"] {
		t.Errorf("None of these with a tick: on %q, notice %q, ticks %v", p.pr.current, p.notice, p.draft)
	}
}

// TestAdviceWhenKnownThenCausesOnOffer: once certain, the advice shows with
// an offer of the cause questions, and no timeline is made up without a
// pain score.
func TestAdviceWhenKnownThenCausesOnOffer(t *testing.T) {
	p := checkAt(t, calmWith(map[string]any{"pain_now": 3.0, "days": 1.0}))
	if p.pr.current != "" || p.pr.result.Level != rules.SelfCare {
		t.Fatalf("a calm case, certain: still asking %q (%s)", p.pr.current, p.pr.result.Level)
	}
	html := render(t, p)
	if !hasTag(html, "button", `id="more-questions"`) || strings.Contains(html, "Likely causes") {
		t.Error("the advice does not offer the cause questions, or shows causes before them")
	}
	p.st.More = true
	if pr, _ := p.st.evaluate(ruleSet()); pr.current == "" {
		t.Error("choosing more questions asks none")
	}

	fever := checkAt(t, calmWith(map[string]any{"other_signs": []any{"fever"}, "sepsis_signs": []any{}}))
	html = render(t, fever)
	if fever.pr.result.Tier != nil || strings.Contains(html, "may take") || strings.Contains(html, "tier=") {
		t.Errorf("without a pain score the plan guessed a tier: %v", fever.pr.result.Tier)
	}
	if strings.Contains(html, "days=") {
		t.Error("the diary link carries a massage date that was never asked")
	}
}

// TestStartButtonWorksBeforeTheApp: prerendered (not yet loaded), Start
// submits a form asking for "/check?start=1" (the page the server renders
// with the first question), with the "someone else" radio sent by it;
// loaded, it is the app's button.
func TestStartButtonWorksBeforeTheApp(t *testing.T) {
	html := render(t, &checkPage{})
	for _, want := range [][]string{
		{"form", `id="first-answers"`, `method="get"`, `action="/check"`},
		{"input", `type="hidden"`, `name="start"`, `value="1"`},
		{"button", `id="start-check"`, `type="submit"`},
		{"input", `id="for-other"`, `form="first-answers"`, `name="check-for"`},
	} {
		if !hasTag(html, want[0], want[1:]...) {
			t.Errorf("before loading, no <%s %s>:\n%s", want[0], strings.Join(want[1:], " "), html)
		}
	}
	if hasTag(html, "button", `id="start-check"`, `disabled`) {
		t.Error("before loading the start button is off")
	}
	html = render(t, &checkPage{loaded: true})
	if !hasTag(html, "button", `id="start-check"`, `type="button"`) || strings.Contains(html, `id="first-answers"`) {
		t.Error("after loading the start button is not the app's")
	}
}

// TestStartOverAsksOnTheAdvice: on the advice, Start over first asks.
func TestStartOverAsksOnTheAdvice(t *testing.T) {
	p := checkAt(t, calmWith(map[string]any{"pain_now": 3.0, "days": 1.0}))
	p.confirm = true
	html := render(t, p)
	for _, want := range []string{`id="confirm-restart"`, `id="confirm-yes"`, `id="confirm-no"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the confirmation lacks %s", want)
		}
	}
}

// TestEveryCheckScreenInBothLanguages: each screen of the check (the
// intro, every question, every advice) exists in every language with the
// same controls, in that language's words, and the same answers lead to the
// same advice and reasons whatever the language.
func TestEveryCheckScreenInBothLanguages(t *testing.T) {
	set := ruleSet()
	controls := regexp.MustCompile(`<(button|input|a)\b`)
	shape := func(html string) string {
		return strings.Join(controls.FindAllString(html, -1), " ") + " " + regexp.MustCompile(`data-screen="[^"]*"`).FindString(html)
	}
	screens := map[string]func(l lang) app.Composer{
		"intro": func(l lang) app.Composer { return &checkPage{pageBase: pageBase{l: l}} },
	}
	for i := range set.Questions {
		q := &set.Questions[i]
		screens["question "+q.ID] = func(l lang) app.Composer {
			p := checkAt(t, nil)
			p.l = l
			return &screen{ui: func() app.UI { return p.renderQuestion(set, q) }}
		}
	}
	for _, answers := range []map[string]any{
		{"where": []any{"chest"}, "chest": "yes"},
		calmWith(map[string]any{"other_signs": []any{"fever"}, "sepsis_signs": []any{}}),
		calmWith(map[string]any{"pain_now": 4.0, "days": 6.0, "trend": "same"}),
		calmWith(map[string]any{"pain_now": 3.0, "days": 1.0, "trend": "better"}),
	} {
		p := checkAt(t, answers)
		screens["advice "+string(p.pr.result.Level)] = func(l lang) app.Composer {
			q := checkAt(t, answers)
			q.l = l
			return q
		}
	}
	for name, make := range screens {
		en, es := render(t, make("en")), render(t, make("es"))
		if shape(en) != shape(es) {
			t.Errorf("%s: the screens differ:\n en %s\n es %s", name, shape(en), shape(es))
		}
		if shownText(en) == shownText(es) || strings.Contains(es, ">[") {
			t.Errorf("%s: the Spanish screen is not in Spanish:\n%s", name, shownText(es))
		}
	}
}

// TestEveryVignetteOnScreenInBothLanguages runs every vignette's answers
// through the check page in each language: the same screen (the same
// question next, or the same level), and on the advice every reason shown,
// each in that language's words.
func TestEveryVignetteOnScreenInBothLanguages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "rules", "testdata", "vignettes", "*.json"))
	if len(files) < 120 {
		t.Fatalf("only %d vignettes", len(files))
	}
	set := ruleSet()
	screenRe := regexp.MustCompile(`data-(?:level|question)="[^"]*"`)
	advice := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Answers map[string]any `json:"answers"`
		}
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		screens := map[lang]string{}
		for _, loc := range set.Locales {
			p := checkAt(t, v.Answers)
			p.l = lang(loc)
			html := render(t, p)
			screens[p.l] = screenRe.FindString(html)
			if p.pr.current != "" {
				continue
			}
			for _, r := range p.pr.result.Reasons {
				if r.Flag.Level == p.pr.result.Level || p.pr.result.Level != rules.Emergency {
					if want := stdhtml.EscapeString(set.In(r.Flag.Reason, loc)); !strings.Contains(html, want) {
						t.Errorf("%s in %s: the reason %s is not shown: %q", filepath.Base(file), loc, r.Flag.ID, want)
					}
				}
			}
		}
		if screens["en"] == "" || screens["en"] != screens["es"] {
			t.Errorf("%s: English shows %s, Spanish %s", filepath.Base(file), screens["en"], screens["es"])
		}
		if strings.HasPrefix(screens["en"], "data-level") {
			advice++
		}
	}
	if advice < 100 {
		t.Errorf("only %d vignettes reach the advice: the reasons are barely checked", advice)
	}
}
