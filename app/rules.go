package app

import (
	"aftercare/rules"
)

// builtinRules returns the rules: on the server the built-in ones, in the
// browser those of the words file LoadLanguage read before anything
// renders. They are checked by the tests and by `make rules`, so a failure
// here is a broken build: it panics, and the panic names the problems.
func builtinRules() *rules.Set {
	s, err := rules.Default()
	if err != nil {
		panic("aftercare: built-in rules: " + err.Error())
	}
	return s
}

// ruleSet returns the built-in rules, saying and dialling the emergency
// number for this clinic or this phone's region (region.go).
func ruleSet() *rules.Set { return builtinRules().WithEmergencyNumber(emergencyNumber()) }

// emergencyNumber is the number the app dials in an emergency.
func emergencyNumber() string { return currentEmergency().number }
