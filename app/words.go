package app

import (
	"strings"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// lang is the language a page shows: a locale of the rules ("en", "es"; ""
// is the default). Each page has its own address in each language (/check,
// /es/check), so a page knows its language from its route.
type lang string

// say returns the app's words under key in this language, with the blanks
// filled in from args (name, value pairs). Every word the app shows comes
// from the rules' data (rules/data/words.yaml), never a Go literal.
func (l lang) say(key string, args ...string) string {
	return ruleSet().Say(key, string(l), args...)
}

// in returns a text of the rules in this language.
func (l lang) in(t rules.Text) string { return ruleSet().In(t, string(l)) }

// sayAround returns the words under key with the blank named blank
// replaced by a UI element, such as a link inside a sentence.
func (l lang) sayAround(key, blank string, ui app.UI, args ...string) []app.UI {
	const mark = "\x00"
	before, after, found := strings.Cut(l.say(key, append([]string{blank, mark}, args...)...), mark)
	if !found {
		return []app.UI{app.Text(before)}
	}
	return []app.UI{app.Text(before), ui, app.Text(after)}
}

// optionLabel is the label of the option id in a list of the rules (the
// diary's stiffness or what helped), or the id itself if the list lacks it.
func (l lang) optionLabel(list []rules.Option, id string) string {
	for _, o := range list {
		if o.ID == id {
			return l.in(o.Label)
		}
	}
	return id
}
