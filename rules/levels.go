package rules

// Level is one of the four levels of advice, most urgent first. The names are
// fixed: other tools read them.
type Level string

const (
	Emergency Level = "emergency" // call the emergency number now
	Urgent    Level = "urgent"    // see a doctor today
	Doctor    Level = "doctor"    // book a doctor or physio in the next few days
	SelfCare  Level = "selfcare"  // look after it at home, with a safety net
)

// Levels lists the four levels, most urgent first.
var Levels = []Level{Emergency, Urgent, Doctor, SelfCare}

// DefaultEmergencyNumber is dialled by the emergency button until a clinic
// profile sets its local number.
const DefaultEmergencyNumber = "911"
