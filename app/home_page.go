package app

import (
	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// homePage is "/": what Aftercare does, the three ways in, and the warning
// signs that need help now. The warning signs are prerendered, so they show
// before the app loads and with JavaScript off.
type homePage struct {
	pageBase
}

func (p *homePage) Render() app.UI {
	l := p.l
	return p.layout("/",
		heading(l.say("sore_after_a_massage")),
		tagClass("p", "lead").Text(l.say("most_aches_after_a_massage")),
		tagClass("ul", "actions").Body(
			app.Elem("li").Body(tagClass("a", "button primary").ID("home-start").Attr("href", l.path("/check?start=1")).Text(l.say("start_a_check"))),
			app.Elem("li").Body(tagClass("a", "button").Attr("href", l.path("/guide")).Text(l.say("read_the_recovery_guide"))),
			app.Elem("li").Body(tagClass("a", "button").Attr("href", l.path("/diary")).Text(l.say("open_my_diary"))),
		),
		helpNow(l),
	)
}

// helpNow renders the short warning signs of the levels that have them,
// most urgent first, as the rules give them.
func helpNow(l lang) app.UI {
	set := ruleSet()
	body := []app.UI{app.Elem("h2").ID("help-now").Text(l.say("get_help_now"))}
	for _, lv := range rules.Levels {
		info := set.Level(lv)
		if info == nil || len(info.Signs) == 0 || !lv.MoreUrgent(rules.Doctor) {
			continue
		}
		signs := make([]app.UI, len(info.Signs))
		for i, s := range info.Signs {
			signs[i] = tagText("li", l.in(s))
		}
		body = append(body,
			tagClass("div", "help-group level-"+string(lv)).Body(
				tagClass("p", "help-do").Text(l.in(info.SignsIntro)),
				app.Elem("ul").Body(signs...),
			),
		)
		if lv == rules.Emergency {
			body = append(body, app.Elem("p").Body(
				tagClass("a", "button emergency").Attr("href", "tel:"+emergencyNumber()).Text(l.say("call", "number", emergencyNumber())),
			))
		}
	}
	return tagClass("section", "help-now").Aria("labelledby", "help-now").Body(body...)
}
