package app

import (
	"strings"

	"aftercare/app/clinic"
	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// face is how a result looks and what it offers first, by its level: a
// mark (a symbol and words; colour only as a second cue) and the level's
// own actions, the first of them the main one:
//
//   - emergency: call the emergency number;
//   - urgent: call the clinic, the region's same-day service, find urgent
//     care (the clinic's link), and what to bring and say (the summary);
//   - doctor: book with the clinic (only where no red flag fired), call
//     it, and the summary for the doctor;
//   - self-care: start a recovery diary, then the clinic as for doctor.
type face struct {
	level   rules.Level
	icon    string
	mark    string
	actions []faceAction
}

// faceAction is one thing to tap: a call (tel:), a page of the app, or a
// page of the clinic's (out, opened in a new tab).
type faceAction struct {
	id, href, text string
	out            bool
}

// faceFacts are what a face is made from, besides the rules.
type faceFacts struct {
	result  rules.Result
	book    bool // the clinic's booking may be offered (rules.Advice.Guide: no red flag fired)
	profile clinic.Profile
	call    emergencyChoice // the number to dial, and its region
	diary   string          // the address that starts a diary from this check
}

// faceOf is the face of a result: the level's mark from the rules, and
// actions from the clinic's profile, the emergency number and its region.
func faceOf(l lang, set *rules.Set, x faceFacts) face {
	r, pr, e, book := x.result, x.profile, x.call, x.book
	info := set.Level(r.Level)
	f := face{level: r.Level, icon: info.Icon, mark: l.in(info.Mark)}
	add := func(id, href, text string) { f.actions = append(f.actions, faceAction{id: id, href: href, text: text}) }
	callClinic := func() {
		if pr.Phone != "" {
			add("call-clinic", "tel:"+dialable(pr.Phone), l.say("call_clinic", "clinic", pr.ShortName, "phone", unbroken(pr.Phone)))
		}
	}
	bookClinic := func() {
		if book && pr.BookingURL != "" {
			f.actions = append(f.actions, faceAction{id: "book-clinic", href: pr.BookingURL, out: true, text: l.say("book_clinic", "clinic", pr.ShortName)})
		}
	}
	switch r.Level {
	case rules.Emergency:
		add("call", "tel:"+e.number, l.say("call_now", "number", e.number))
	case rules.Urgent:
		callClinic()
		if e.region != nil && e.region.SameDay != "" {
			add("call-same-day", "tel:"+dialable(e.region.SameDay), l.say("call_same_day", "service", l.in(e.region.SameDayName), "number", e.region.SameDay))
		}
		if pr.UrgentCareURL != "" {
			f.actions = append(f.actions, faceAction{id: "find-urgent-care", href: pr.UrgentCareURL, out: true, text: l.say("find_urgent_care")})
		}
		add("summary", l.path("/check/summary"), l.say("what_to_bring_and_say"))
	case rules.Doctor:
		bookClinic()
		callClinic()
		add("summary", l.path("/check/summary"), l.say("summary_for_your_doctor"))
	default:
		add("start-diary", x.diary, l.say("start_a_recovery_diary"))
		bookClinic()
		callClinic()
	}
	return f
}

// has reports whether the face offers the action id.
func (f face) has(id string) bool {
	for _, a := range f.actions {
		if a.id == id {
			return true
		}
	}
	return false
}

// dialable is a phone number as a tel: link takes it: no spaces.
func dialable(number string) string { return strings.ReplaceAll(number, " ", "") }

// unbroken is a phone number as shown: its spaces do not break the line.
func unbroken(number string) string { return strings.ReplaceAll(number, " ", "\u00a0") }

// markUI is the level's mark: the symbol (hidden from screen readers:
// the words say it) and the words.
func (f face) markUI() app.UI {
	return tagClass("p", "level-mark mark-"+string(f.level)).ID("level-mark").Body(
		tagClass("span", "mark-icon").Aria("hidden", "true").Text(f.icon),
		tagText("span", f.mark),
	)
}

// actionsUI are the face's actions, the first as the main button (the
// emergency call in the emergency colour).
func (f face) actionsUI() app.UI {
	links := make([]app.UI, 0, len(f.actions))
	for i, a := range f.actions {
		link := tagClass("a", "button").ID(a.id).Attr("href", a.href).Text(a.text)
		switch {
		case f.level == rules.Emergency:
			link = link.Class("emergency", "call")
		case i == 0:
			link = link.Class("primary")
		}
		if a.out {
			link = link.Attr("rel", "noopener").Attr("target", "_blank")
		}
		links = append(links, link)
	}
	return tagClass("div", "face-actions").Body(links...)
}
