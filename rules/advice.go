package rules

import "slices"

// Advice is what a result says after its level, built only from the level
// and the flags that fired (clinical.md, "Advice that fits the level"):
//
//   - emergency: nothing but what to do now (the level's own words);
//   - urgent: what to do until seen, and what to tell the doctor;
//   - doctor and self-care: the recovery plan, less what the reasons rule
//     out (an item's not_with).
//
// Every safety net but the emergency one opens with what would make this
// person's situation worse (each fired group's watch), then the level's
// own net.
type Advice struct {
	Tips       []Item // the plan's tips
	Home       []Item // what helps at home
	UntilSeen  []Item // urgent only
	TellDoctor Text   // urgent only
	Watch      []Text // the fired groups' watch, in the order of the reasons
	// Guide is whether to point to the guide's treatments (massage and
	// manipulation among them) and the clinic's booking: only when no
	// flag fired but those about how the soreness is going (a group's
	// recovery).
	Guide bool
}

// Advise gives the advice that fits a result.
func (s *Set) Advise(r Result) Advice {
	a := Advice{Guide: true}
	fired := map[string]bool{}
	for _, x := range r.Reasons {
		if fired[x.Flag.Group] {
			continue
		}
		fired[x.Flag.Group] = true
		g := s.group(x.Flag.Group)
		if g == nil || !g.Recovery {
			a.Guide = false
		}
		if g != nil && len(g.Watch) > 0 {
			a.Watch = append(a.Watch, g.Watch)
		}
	}
	switch r.Level {
	case Emergency:
		a.Watch = nil // only what to do now: no "call if it gets worse"
	case Urgent:
		a.UntilSeen = s.Plan.UntilSeen
		a.TellDoctor = s.Plan.TellDoctor
	default:
		a.Tips = allowed(s.Plan.Tips, fired)
		a.Home = allowed(s.Plan.Treatments.Home, fired)
	}
	return a
}

// CallSigns is every emergency sign in a few words (each emergency group's
// short), in the order of the groups: the lines after a level's CallFor.
func (s *Set) CallSigns() []Text {
	var out []Text
	for _, g := range s.Groups {
		if g.Level == Emergency {
			out = append(out, g.Short)
		}
	}
	return out
}

// allowed is the items that no fired group rules out.
func allowed(items []Item, fired map[string]bool) []Item {
	var out []Item
	for _, it := range items {
		if !slices.ContainsFunc(it.NotWith, func(g string) bool { return fired[g] }) {
			out = append(out, it)
		}
	}
	return out
}
