package rules

// Level is one of the four levels of advice. The names are fixed: other
// tools read them.
type Level string

const (
	Emergency Level = "emergency" // call the emergency number now
	Urgent    Level = "urgent"    // see a doctor today
	Doctor    Level = "doctor"    // book a doctor or physio in the next few days
	SelfCare  Level = "selfcare"  // look after it at home, with a safety net
)

// Levels lists the four levels, most urgent first.
var Levels = []Level{Emergency, Urgent, Doctor, SelfCare}

// Rank orders levels: 0 for selfcare up to 3 for emergency, -1 if unknown.
func (l Level) Rank() int {
	for i, x := range Levels {
		if x == l {
			return len(Levels) - 1 - i
		}
	}
	return -1
}

// MoreUrgent reports whether l calls for quicker action than m.
func (l Level) MoreUrgent(m Level) bool { return l.Rank() > m.Rank() }

func (l Level) valid() bool { return l.Rank() >= 0 }

// DefaultEmergencyNumber is dialled when neither a clinic profile nor the
// phone's region gives the local number: the first region's (regions.yaml).
const DefaultEmergencyNumber = "911"
