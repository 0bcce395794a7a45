package app

import (
	"aftercare/rules"
)

// ruleSet returns the built-in rules. They are checked by the tests and by
// `make rules`, so a failure here is a broken build: it panics, and the
// panic names the problems.
func ruleSet() *rules.Set {
	s, err := rules.Default()
	if err != nil {
		panic("aftercare: built-in rules: " + err.Error())
	}
	return s.WithEmergencyNumber(profile().EmergencyNumber)
}

// emergencyNumber is the number the app dials in an emergency.
func emergencyNumber() string { return profile().EmergencyNumber }
