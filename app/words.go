package app

// say returns the app's words under key, in the app's language, with the
// blanks filled in from args (name, value pairs). Every word the app shows
// comes from the rules' data (rules/data/words.yaml), never a Go literal.
func say(key string, args ...string) string {
	return ruleSet().Say(key, locale, args...)
}
