package app

import (
	"strings"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guidePage is "/guide": the contents of the recovery guide, each section
// with its summary and a link to its own page.
type guidePage struct {
	pageBase
}

func (p *guidePage) Render() app.UI {
	l := p.l
	set := ruleSet()
	items := make([]app.UI, 0, len(set.Guide))
	for _, sec := range set.Guide {
		items = append(items, tagClass("li", "guide-entry").Body(
			app.Elem("a").Attr("href", l.path(guidePath(sec.ID))).Text(l.in(sec.Title)),
			tagText("p", l.in(sec.Intro)),
		))
	}
	return p.layout("/guide",
		heading(l.say("recovery_guide")),
		tagClass("p", "lead").Text(l.say("back_pain_after_a_massage")),
		tagClass("ul", "guide-list").Body(items...),
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
	l := p.l
	set := ruleSet()
	sec := section(set, p.ID)
	if sec == nil {
		return p.layout("/guide", heading(l.say("page_not_found")), app.Elem("p").Body(app.Elem("a").Attr("href", l.path("/guide")).Text(l.say("back_to_the_guide"))))
	}
	body := []app.UI{
		heading(l.in(sec.Title)),
		tagClass("p", "lead").Text(l.in(sec.Intro)),
	}
	body = append(body, items(l, set, sec.Items, 2)...)
	for _, part := range sec.Include {
		body = append(body, included(l, set, part)...)
	}
	for _, m := range sec.More {
		body = append(body, tagText("p", l.in(m)))
	}
	body = append(body, app.Elem("p").Body(tagClass("a", "button primary").ID("guide-check").Attr("href", l.path("/check")).Text(l.in(set.Common.StartCheck))))
	body = append(body, tagClass("nav", "guide-pager").Aria("label", l.say("guide")).Body(
		app.Elem("a").Attr("href", l.path("/guide")).Text(l.say("all_guide_topics")),
	))
	return p.layout("/guide", body...)
}

// included renders a part of the plan (or the causes) that a section shows.
func included(l lang, set *rules.Set, part string) []app.UI {
	t := func(x rules.Text) string { return l.in(x) }
	switch part {
	case "causes":
		var out []app.UI
		for _, c := range set.Causes {
			out = append(out, tagText("h2", t(c.Title)), tagText("p", t(c.Explain)))
		}
		return out
	case "tiers":
		var li []app.UI
		for _, tier := range set.Plan.Tiers {
			li = append(li, app.Elem("li").Body(tagText("strong", t(tier.Title)+": "), app.Text(t(tier.Timeline))))
		}
		return []app.UI{tagText("h2", l.say("how_long_it_takes")), app.Elem("ul").Body(li...)}
	case "tips":
		return append([]app.UI{tagText("h2", l.say("tips_for_a_smooth_recovery"))}, items(l, set, set.Plan.Tips, 3)...)
	case "treatments":
		out := []app.UI{tagText("h2", l.say("at_home"))}
		out = append(out, items(l, set, set.Plan.Treatments.Home, 3)...)
		out = append(out, tagText("h2", l.say("from_a_doctor_or_therapist")))
		out = append(out, items(l, set, set.Plan.Treatments.Conventional, 3)...)
		out = append(out, tagText("h2", l.say("other_things_people_try")))
		return append(out, items(l, set, set.Plan.Treatments.Alternative, 3)...)
	case "complications":
		var li []app.UI
		for _, c := range set.Plan.Complications {
			li = append(li, tagText("li", t(c)))
		}
		return []app.UI{tagText("h2", l.say("what_can_slow_it_down")), app.Elem("ul").Body(li...)}
	case "prevention":
		return items(l, set, set.Plan.Prevention, 2)
	case "signs":
		var out []app.UI
		for _, l := range rules.Levels {
			info := set.Level(l)
			if info == nil || len(info.Signs) == 0 {
				continue
			}
			li := make([]app.UI, len(info.Signs))
			for i, s := range info.Signs {
				li[i] = tagText("li", t(s))
			}
			out = append(out, tagText("h2", t(info.SignsIntro)), tagClass("ul", "signs level-"+string(l)).Body(li...))
		}
		return out
	}
	return nil
}

// items renders titled advice, each title an h2 or, under a heading of
// its own, an h3.
func items(l lang, set *rules.Set, list []rules.Item, level int) []app.UI {
	var out []app.UI
	for _, it := range list {
		var title app.UI = tagText("h2", l.in(it.Title))
		if level == 3 {
			title = tagText("h3", l.in(it.Title))
		}
		out = append(out, tagClass("div", "guide-item").Body(title, tagText("p", l.in(it.Body))))
	}
	return out
}

func guidePath(id string) string { return "/guide/" + id }

// sectionID is the guide section of an address in any language, or "".
func sectionID(path string) string {
	id, _ := strings.CutPrefix(pageOf(path), "/guide/")
	if id == pageOf(path) {
		return ""
	}
	return id
}

func section(set *rules.Set, id string) *rules.Section {
	for i := range set.Guide {
		if set.Guide[i].ID == id {
			return &set.Guide[i]
		}
	}
	return nil
}
