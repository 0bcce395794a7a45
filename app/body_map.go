package app

import (
	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// bodyMap draws a body map question (rules.Question.BodyMap): the body
// from the front and from the back, each region a shape from the rules.
// Tapping a region marks it, tapping it again clears it, the same as its
// box on the list under the drawing. The list is the control for keyboards
// and screen readers; to them each drawing is one picture with its name (an
// img's parts are not read), which repeats the list for the eye and the
// finger.
func (p *checkPage) bodyMap(q *rules.Question) app.UI {
	l := p.l
	var views []app.UI
	for _, view := range rules.BodyViews {
		var regions []app.UI
		for _, o := range q.Options {
			d, ok := o.Shape[view]
			if !ok {
				continue
			}
			class := "body-region"
			if p.draft[o.ID] {
				class += " marked"
			}
			regions = append(regions, svg("path").Class(class).Attr("data-region", o.ID).Attr("d", d).
				OnClick(p.on("map/"+view+"/"+o.ID, p.toggle(o.ID))).Body(svg("title").Text(l.in(o.Label))))
		}
		views = append(views, tagClass("div", "body-view").DataSet("view", view).Body(
			svg("svg").Class("body-drawing").Attr("viewBox", rules.BodyBox).Attr("role", "img").
				Attr("aria-label", viewName(l, view)).Body(regions...),
			tagClass("p", "body-caption").Text(viewName(l, view)),
		))
	}
	return tagClass("div", "body-map").Body(views...)
}

// viewName names a view of the body map.
func viewName(l lang, view string) string {
	if view == "back" {
		return l.say("body_back")
	}
	return l.say("body_front")
}
