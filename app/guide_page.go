package app

import (
	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guidePage is "/guide": the contents of the recovery guide, each section
// with its summary and a link to its own page.
type guidePage struct {
	pageBase
}

func (p *guidePage) Render() app.UI {
	set := ruleSet()
	items := make([]app.UI, 0, len(set.Guide))
	for _, sec := range set.Guide {
		items = append(items, app.Li().Class("guide-entry").Body(
			app.A().Href(guidePath(sec.ID)).Text(set.In(sec.Title, locale)),
			app.P().Text(set.In(sec.Intro, locale)),
		))
	}
	return layout("/guide",
		heading(say("recovery_guide")),
		app.P().Class("lead").Text(say("back_pain_after_a_massage")),
		app.Ul().Class("guide-list").Body(items...),
	)
}

// guideSectionPage is "/guide/ID": one section of the guide, prerendered so
// it reads before the app has loaded.
type guideSectionPage struct {
	pageBase
	// ID is the section. The route sets it; OnNav keeps it right when go-app
	// reuses the component for another section's route.
	ID string
}

func (p *guideSectionPage) OnNav(ctx app.Context) {
	if id := sectionID(ctx.Page().URL().Path); id != "" {
		p.ID = id
	}
	p.pageBase.OnNav(ctx)
}

func (p *guideSectionPage) Render() app.UI {
	set := ruleSet()
	sec := section(set, p.ID)
	if sec == nil {
		return layout("/guide", heading(say("page_not_found")), app.P().Body(app.A().Href("/guide").Text(say("back_to_the_guide"))))
	}
	body := []app.UI{
		heading(set.In(sec.Title, locale)),
		app.P().Class("lead").Text(set.In(sec.Intro, locale)),
	}
	body = append(body, items(set, sec.Items, 2)...)
	for _, part := range sec.Include {
		body = append(body, included(set, part)...)
	}
	for _, m := range sec.More {
		body = append(body, app.P().Text(set.In(m, locale)))
	}
	body = append(body, app.P().Body(app.A().Class("button primary").ID("guide-check").Href("/check").Text(set.In(set.Common.StartCheck, locale))))
	body = append(body, app.Nav().Class("guide-pager").Aria("label", say("guide")).Body(
		app.A().Href("/guide").Text(say("all_guide_topics")),
	))
	return layout("/guide", body...)
}

// included renders a part of the plan (or the causes) that a section shows.
func included(set *rules.Set, part string) []app.UI {
	t := func(x rules.Text) string { return set.In(x, locale) }
	switch part {
	case "causes":
		var out []app.UI
		for _, c := range set.Causes {
			out = append(out, app.H2().Text(t(c.Title)), app.P().Text(t(c.Explain)))
		}
		return out
	case "tiers":
		var li []app.UI
		for _, tier := range set.Plan.Tiers {
			li = append(li, app.Li().Body(app.Strong().Text(t(tier.Title)+": "), app.Text(t(tier.Timeline))))
		}
		return []app.UI{app.H2().Text(say("how_long_it_takes")), app.Ul().Body(li...)}
	case "tips":
		return append([]app.UI{app.H2().Text(say("tips_for_a_smooth_recovery"))}, items(set, set.Plan.Tips, 3)...)
	case "treatments":
		out := []app.UI{app.H2().Text(say("at_home"))}
		out = append(out, items(set, set.Plan.Treatments.Home, 3)...)
		out = append(out, app.H2().Text(say("from_a_doctor_or_therapist")))
		out = append(out, items(set, set.Plan.Treatments.Conventional, 3)...)
		out = append(out, app.H2().Text(say("other_things_people_try")))
		return append(out, items(set, set.Plan.Treatments.Alternative, 3)...)
	case "complications":
		var li []app.UI
		for _, c := range set.Plan.Complications {
			li = append(li, app.Li().Text(t(c)))
		}
		return []app.UI{app.H2().Text(say("what_can_slow_it_down")), app.Ul().Body(li...)}
	case "prevention":
		return items(set, set.Plan.Prevention, 2)
	case "signs":
		var out []app.UI
		for _, l := range rules.Levels {
			info := set.Level(l)
			if info == nil || len(info.Signs) == 0 {
				continue
			}
			li := make([]app.UI, len(info.Signs))
			for i, s := range info.Signs {
				li[i] = app.Li().Text(t(s))
			}
			out = append(out, app.H2().Text(t(info.SignsIntro)), app.Ul().Class("signs level-"+string(l)).Body(li...))
		}
		return out
	}
	return nil
}

// items renders titled advice, each title an h2 or, under a heading of
// its own, an h3.
func items(set *rules.Set, list []rules.Item, level int) []app.UI {
	var out []app.UI
	for _, it := range list {
		var title app.UI = app.H2().Text(set.In(it.Title, locale))
		if level == 3 {
			title = app.H3().Text(set.In(it.Title, locale))
		}
		out = append(out, app.Div().Class("guide-item").Body(title, app.P().Text(set.In(it.Body, locale))))
	}
	return out
}

func guidePath(id string) string { return "/guide/" + id }

func sectionID(path string) string {
	if len(path) > len("/guide/") {
		return path[len("/guide/"):]
	}
	return ""
}

func section(set *rules.Set, id string) *rules.Section {
	for i := range set.Guide {
		if set.Guide[i].ID == id {
			return &set.Guide[i]
		}
	}
	return nil
}
