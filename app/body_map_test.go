package app

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestBodyMapHasEveryRegionAsANamedControl: the body map screen draws each
// region in its views, and every region is a checkbox named by its label
// on the list (the control for keyboards and screen readers); tapping a
// region marks it and tapping it again clears it, on the list too.
func TestBodyMapHasEveryRegionAsANamedControl(t *testing.T) {
	set := ruleSet()
	q := set.Question("where")
	if q == nil || !q.BodyMap {
		t.Fatal("no body map question \"where\"")
	}
	p := checkAt(t, map[string]any{"age": "age_16_49", "health": []any{}}, "age", "health")
	if p.pr.current != "where" {
		t.Fatalf("on %q, want the body map after who you are", p.pr.current)
	}
	html := render(t, p)
	for _, o := range q.Options {
		if !hasTag(html, "input", `type="checkbox"`, `data-option="`+o.ID+`"`) || !strings.Contains(html, "<span>"+htmlEscape(o.Label["en"])+"</span>") {
			t.Errorf("region %s is not a checkbox named %q", o.ID, o.Label["en"])
		}
		for view, d := range o.Shape {
			if strings.Count(html, `data-region="`+o.ID+`"`) < len(o.Shape) || !strings.Contains(html, `d="`+d+`"`) {
				t.Errorf("region %s is not drawn in the %s view", o.ID, view)
			}
		}
	}
	if !hasTag(html, "svg", `role="img"`, `aria-label="Seen from the front"`) || !hasTag(html, "svg", `role="img"`, `aria-label="Seen from the back"`) {
		t.Error("each view is not one picture named for screen readers (its regions are on the list)")
	}
	if p.draft == nil {
		p.draft = map[string]bool{}
	}
	p.toggle("chest")(app.Context{}, app.Event{})
	p.toggle("arm_left")(app.Context{}, app.Event{})
	p.toggle("arm_left")(app.Context{}, app.Event{})
	if got := p.ticked(); len(got) != 1 || got[0] != "chest" {
		t.Fatalf("after chest, and the left arm twice: %v, want only the chest", got)
	}
	html = render(t, &checkPage{st: p.st, pr: p.pr, draft: p.draft})
	if !hasTag(html, "path", `class="body-region marked"`, `data-region="chest"`) || !hasTag(html, "input", `data-option="chest"`, "checked") {
		t.Error("the marked chest is not shown marked on the drawing and on the list")
	}
}
