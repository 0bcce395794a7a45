package app

import (
	"html"
	"regexp"
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

// TestEveryScreenReadsAtGrade8 renders every screen a person can meet
// (each page as prerendered, each question of the check, each advice, the
// diary and the summaries) and scores the words on it as a whole, on the
// Flesch-Kincaid grade scale: US grade 8 at most.
func TestEveryScreenReadsAtGrade8(t *testing.T) {
	set := ruleSet()
	screens := map[string]app.Composer{}
	for _, r := range AllRoutes() {
		screens["page "+r.Path] = r.New()
	}
	intro := checkAt(t, nil)
	for i := range set.Questions {
		q := &set.Questions[i]
		screens["question "+q.ID] = &screen{ui: func() app.UI { return intro.renderQuestion(set, q) }}
	}
	results := map[rules.Level]map[string]any{
		rules.Emergency: {"chest": "yes"},
		rules.Urgent:    calmWith(map[string]any{"other_signs": []any{"fever"}, "sepsis_signs": []any{}}),
		rules.Doctor:    calmWith(map[string]any{"pain_now": 4.0, "days": 6.0, "trend": "same", "symptoms": []any{"soreness"}, "posture": "yes"}),
		rules.SelfCare:  calmWith(map[string]any{"pain_now": 3.0, "days": 1.0, "trend": "better"}),
	}
	for level, answers := range results {
		p := checkAt(t, answers)
		if p.pr.current != "" || p.pr.result.Level != level {
			t.Fatalf("%s: the answers lead to %q (asking %q)", level, p.pr.result.Level, p.pr.current)
		}
		screens["advice "+string(level)] = p
		screens["summary "+string(level)] = &summaryPage{pr: &p.pr, asked: p.st.Asked, date: "2026-11-24"}
	}
	screens["diary with entries"] = diaryAt(t, 6, 5, 4)
	screens["diary summary"] = &diarySummaryPage{store: diaryAt(t, 6, 5, 4).store}
	screens["diary recovered"] = diaryAt(t, 6, 1, 0)

	// The scoring must see a hard screen as hard.
	jargon := &screen{ui: func() app.UI {
		return app.Div().Body(app.H1().Text("Musculoskeletal sequelae"), app.P().Text("Persistent postprocedural symptomatology necessitates comprehensive multidisciplinary evaluation."))
	}}
	if g := readability.Grade(shownText(render(t, jargon))); g <= readability.MaxGrade {
		t.Fatalf("a screen of jargon scores grade %.1f: the scoring cannot fail", g)
	}
	if len(screens) < len(set.Questions)+10 {
		t.Fatalf("only %d screens", len(screens))
	}
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
