package app

import (
	"slices"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// regionLine says which number the app dials and for which country, and
// lets the person choose another country from the rules' regions (the
// choice stays on the device). Nothing when the clinic set the number: it
// always wins.
func regionLine(l lang, onChange app.EventHandler, options ...app.EventOption) app.UI {
	e := currentEmergency()
	if e.region == nil {
		return nil
	}
	regions := slices.Clone(builtinRules().Regions)
	// sort, not slices: its code is in app.wasm already, and a generic sort
	// of Regions would add its own copy.
	sort.SliceStable(regions, func(i, j int) bool { return l.in(regions[i].Name) < l.in(regions[j].Name) })
	choices := make([]app.UI, 0, len(regions))
	for _, r := range regions {
		choices = append(choices, app.Elem("option").Attr("value", r.Code()).Attr("selected", r.Code() == e.region.Code()).Text(l.in(r.Name)))
	}
	return tagClass("div", "region").ID("region").Body(
		app.Elem("p").ID("region-number").Text(l.say("region_number", "number", e.number, "country", l.in(e.region.Name))),
		app.Elem("label").Attr("for", "region-choice").Text(l.say("region_change")),
		app.Elem("select").ID("region-choice").OnChange(onChange, options...).Body(choices...),
	)
}

// sameDayLine offers the region's service for help today, when it is not
// an emergency (NHS 111 in the UK), where there is one and the number is
// the region's, not the clinic's.
func sameDayLine(l lang) app.UI {
	r := currentEmergency().region
	if r == nil || r.SameDay == "" {
		return nil
	}
	call := app.Elem("a").ID("same-day-call").Attr("href", "tel:"+strings.ReplaceAll(r.SameDay, " ", "")).Text(r.SameDay)
	return app.Elem("p").ID("same-day").Body(l.sayAround("same_day_line", "number", call, "service", l.in(r.SameDayName))...)
}

// regionChoice is regionLine on the check's screens.
func (p *checkPage) regionChoice() app.UI {
	h, scope := p.on("region", func(ctx app.Context, e app.Event) {
		chooseRegion(ctx.JSSrc().Get("value").String())
	})
	return regionLine(p.l, h, scope)
}
