package rules

// HelpNow is the short list of warning signs shown on the home page, readable
// before the app has loaded and with JavaScript off. Each group says what to
// do and lists the signs that call for it, most urgent first.
type HelpNow struct {
	Level Level
	Do    string   // what to do, one short sentence
	Signs []string // the signs, each short enough for one line on a phone
}

// GetHelpNow returns the warning signs by level: emergency first, then urgent.
func GetHelpNow() []HelpNow {
	return []HelpNow{
		{
			Level: Emergency,
			Do:    "Call " + DefaultEmergencyNumber + " now if you have any of these:",
			Signs: []string{
				"Chest pain, pressure or tightness, or pain that spreads to your arm or jaw.",
				"Trouble breathing, or sharp pain when you breathe in.",
				"A sudden, very bad, tearing pain between your shoulder blades.",
				"A sudden very bad headache, double vision, slurred speech, a drooping face, or weakness on one side.",
				"Weakness or numbness in both legs, or you cannot control your bladder or bowels.",
				"You fainted or collapsed.",
			},
		},
		{
			Level: Urgent,
			Do:    "See a doctor today if you have any of these:",
			Signs: []string{
				"A fever or chills.",
				"Numbness, tingling or weakness in an arm or hand.",
				"Pain that is very bad or keeps getting worse.",
			},
		},
	}
}
