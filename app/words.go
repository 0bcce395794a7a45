package app

import (
	"strings"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// say returns the app's words under key, in the app's language, with the
// blanks filled in from args (name, value pairs). Every word the app shows
// comes from the rules' data (rules/data/words.yaml), never a Go literal.
func say(key string, args ...string) string {
	return ruleSet().Say(key, locale, args...)
}

// sayAround returns the words under key with the blank named blank
// replaced by a UI element, such as a link inside a sentence.
func sayAround(key, blank string, ui app.UI, args ...string) []app.UI {
	const mark = "\x00"
	before, after, found := strings.Cut(say(key, append([]string{blank, mark}, args...)...), mark)
	if !found {
		return []app.UI{app.Text(before)}
	}
	return []app.UI{app.Text(before), ui, app.Text(after)}
}

// optionLabel is the label of the option id in a list of the rules (the
// diary's stiffness or what helped), or the id itself if the list lacks it.
func optionLabel(set *rules.Set, list []rules.Option, id string) string {
	for _, o := range list {
		if o.ID == id {
			return set.In(o.Label, locale)
		}
	}
	return id
}
