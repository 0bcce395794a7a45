package app

import (
	"html"
	"regexp"
	"sort"
	"strings"
	"testing"

	"aftercare/rules"
	"aftercare/rules/readability"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// screen renders one piece of a page on its own.
type screen struct {
	app.Compo
	ui func() app.UI
}

func (s *screen) Render() app.UI { return s.ui() }

var (
	hiddenRe = regexp.MustCompile(`(?s)<(script|style|svg)\b.*?</(script|style|svg)>`)
	tagRe    = regexp.MustCompile(`<[^>]*>`)
)

// shownText is the text of rendered HTML as a person reads it: each run of
// text between tags is a label or a sentence of its own.
func shownText(page string) string {
	var parts []string
	for _, run := range tagRe.Split(hiddenRe.ReplaceAllString(page, ""), -1) {
		s := strings.TrimSpace(html.UnescapeString(run))
		if s == "" || len(readability.Words(s)) == 0 {
			continue
		}
		if !strings.ContainsAny(s[len(s)-1:], ".!?:") {
			s += "." // a label ends a sentence on screen
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// screensIn renders every screen a person can meet in one language: each
// page as prerendered, each question of the check, each advice, the diary
// and the summaries.
func screensIn(t *testing.T, l lang) map[string]app.Composer {
	t.Helper()
	set := ruleSet()
	screens := map[string]app.Composer{}
	for _, r := range AllRoutes() {
		if r.Lang == string(l) {
			screens["page "+r.Page] = r.New()
		}
	}
	intro := checkAt(t, nil)
	intro.l = l
	for i := range set.Questions {
		q := &set.Questions[i]
		screens["question "+q.ID] = &screen{ui: func() app.UI { return intro.renderQuestion(set, q) }}
	}
	results := map[rules.Level]map[string]any{
		rules.Emergency: {"where": []any{"chest"}, "chest": "yes"},
		rules.Urgent:    calmWith(map[string]any{"other_signs": []any{"fever"}, "sepsis_signs": []any{}}),
		rules.Doctor:    calmWith(map[string]any{"pain_now": 4.0, "days": 6.0, "trend": "same", "symptoms": []any{"soreness"}, "posture": "yes"}),
		rules.SelfCare:  calmWith(map[string]any{"pain_now": 3.0, "days": 1.0, "trend": "better"}),
	}
	for level, answers := range results {
		p := checkAt(t, answers)
		p.l = l
		if p.pr.current != "" || p.pr.result.Level != level {
			t.Fatalf("%s: the answers lead to %q (asking %q)", level, p.pr.result.Level, p.pr.current)
		}
		screens["advice "+string(level)] = p
		screens["summary "+string(level)] = &summaryPage{pageBase: pageBase{l: l}, pr: &p.pr, asked: p.st.Asked, date: "2026-11-24"}
	}
	withEntries, recovered := diaryAt(t, 6, 5, 4), diaryAt(t, 6, 1, 0)
	withEntries.l, recovered.l = l, l
	withEntries.store.l, recovered.store.l = l, l
	screens["diary with entries"] = withEntries
	screens["diary summary"] = &diarySummaryPage{pageBase: pageBase{l: l}, store: withEntries.store}
	screens["diary recovered"] = recovered
	if len(screens) < len(set.Questions)+10 {
		t.Fatalf("only %d screens", len(screens))
	}
	return screens
}

// TestEveryScreenReadsAtGrade8 scores the words on every English screen as
// a whole, on the Flesch-Kincaid grade scale: US grade 8 at most.
func TestEveryScreenReadsAtGrade8(t *testing.T) {
	// The scoring must see a hard screen as hard.
	jargon := &screen{ui: func() app.UI {
		return app.Div().Body(app.H1().Text("Musculoskeletal sequelae"), app.P().Text("Persistent postprocedural symptomatology necessitates comprehensive multidisciplinary evaluation."))
	}}
	if g := readability.Grade(shownText(render(t, jargon))); g <= readability.MaxGrade {
		t.Fatalf("a screen of jargon scores grade %.1f: the scoring cannot fail", g)
	}
	screens := screensIn(t, "en")
	hardest, top := "", 0.0
	for name, c := range screens {
		text := shownText(render(t, c))
		if n := len(readability.Words(text)); n < 3 {
			t.Errorf("%s: only %d words on screen: %q", name, n, text)
			continue
		}
		g := readability.Grade(text)
		if g > readability.MaxGrade {
			t.Errorf("%s: grade %.1f as a whole:\n%s", name, g, text)
		}
		if g > top {
			hardest, top = name, g
		}
	}
	t.Logf("%d screens; the hardest to read is %s, at grade %.1f", len(screens), hardest, top)
}

// TestEveryScreenReadsEasilyInSpanish scores every Spanish screen as a
// whole on the Fernández-Huerta scale (readability.EaseES names the formula
// and its source): 70 or above, "algo fácil". It logs the five longest.
func TestEveryScreenReadsEasilyInSpanish(t *testing.T) {
	jargon := &screen{ui: func() app.UI {
		return app.Div().Body(app.H1().Text("Secuelas musculoesqueléticas"), app.P().Text("La sintomatología postprocedimental persistente requiere evaluación multidisciplinaria."))
	}}
	if e := readability.EaseES(shownText(render(t, jargon))); e >= readability.MinEaseES {
		t.Fatalf("a screen of jargon scores %.1f: the scoring cannot fail", e)
	}
	screens := screensIn(t, "es")
	type scored struct {
		name  string
		words int
		ease  float64
	}
	var all []scored
	english := regexp.MustCompile(`\b(the|and|your|you|with|this|what)\b`)
	for name, c := range screens {
		text := shownText(render(t, c))
		words := len(readability.WordsES(text))
		if words < 3 {
			t.Errorf("%s: only %d words on screen: %q", name, words, text)
			continue
		}
		if m := english.FindString(text); m != "" {
			t.Errorf("%s: English on a Spanish screen (%q):\n%s", name, m, text)
		}
		e := readability.EaseES(text)
		if e < readability.MinEaseES {
			t.Errorf("%s: Fernández-Huerta %.1f as a whole:\n%s", name, e, text)
		}
		all = append(all, scored{name, words, e})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].words > all[j].words })
	for _, s := range all[:min(5, len(all))] {
		t.Logf("%s: %d words, Fernández-Huerta %.1f", s.name, s.words, s.ease)
	}
}
