package rules

import (
	"strings"
	"testing"
)

// flagResult is the result of the calm baseline raised just enough to set
// off the flag.
func flagResult(set *Set, f *Flag) Result {
	st := calm(set)
	for _, c := range f.when {
		raiseToMeet(set, st, c)
	}
	return set.evaluate(st)
}

// TestAdviceFitsTheLevel: no plan on emergency; on urgent what to do until
// seen and what to tell the doctor, never the plan; at doctor and
// self-care the plan less what the fired groups rule out (clinical.md,
// "Advice that fits the level").
func TestAdviceFitsTheLevel(t *testing.T) {
	set := defaultSet(t)
	for i := range set.Flags {
		f := &set.Flags[i]
		r := flagResult(set, f)
		a := set.Advise(r)
		switch r.Level {
		case Emergency:
			if len(a.Tips)+len(a.Home)+len(a.UntilSeen) > 0 {
				t.Errorf("%s: emergency advice carries a plan", f.ID)
			}
		case Urgent:
			if len(a.Tips)+len(a.Home) > 0 || len(a.UntilSeen) == 0 || len(a.TellDoctor) == 0 {
				t.Errorf("%s: urgent advice has %d tips, %d home, %d until seen", f.ID, len(a.Tips), len(a.Home), len(a.UntilSeen))
			}
		default:
			if len(a.Tips) == 0 {
				t.Errorf("%s: %s advice has no plan", f.ID, r.Level)
			}
			for _, it := range append(append([]Item{}, a.Tips...), a.Home...) {
				for _, g := range it.NotWith {
					for _, x := range r.Reasons {
						if x.Flag.Group == g {
							t.Errorf("%s: the plan keeps %q, which %s rules out", f.ID, it.Title["en"], g)
						}
					}
				}
			}
		}
		if a.Guide && r.Level.MoreUrgent(Doctor) {
			t.Errorf("%s: %s advice points to the guide's treatments or the booking", f.ID, r.Level)
		}
	}
}

// TestFeverWithRedSkinGetsNoWarmth is the case that showed the plan did not
// fit: a fever with spreading red skin was told to use warmth, stretch and
// swim, and its safety net named no sign of sepsis.
func TestFeverWithRedSkinGetsNoWarmth(t *testing.T) {
	set := defaultSet(t)
	r, err := set.Evaluate(Answers{"other_signs": {Options: []string{"fever", "red_skin"}}, "sepsis_signs": {Options: []string{}}, "pain_now": {Number: 4}, "days": {Number: 1}})
	if err != nil {
		t.Fatal(err)
	}
	rep := set.Report(r, "en")
	if r.Level != Urgent {
		t.Fatalf("level %s, want urgent", r.Level)
	}
	all := strings.ToLower(strings.Join(append(append(rep.Plan.Tips, rep.Plan.Home...), rep.Plan.UntilSeen...), " "))
	for _, bad := range []string{"warm pack", "stretch gently", "walk or swim"} {
		if strings.Contains(all, bad) {
			t.Errorf("the advice says %q", bad)
		}
	}
	for _, want := range []string{"do not put heat", "confused", "blotchy", "stiff neck", "do not fade under a glass"} {
		if !strings.Contains(strings.ToLower(rep.SafetyNet+" "+all), want) {
			t.Errorf("the advice does not say %q: %s", want, rep.SafetyNet)
		}
	}
	if rep.Plan.TellDoctor == "" {
		t.Error("no word on what to tell the doctor")
	}
}

// TestSafetyNetsFollowTheReasons: every urgent group says what would make
// it worse, and a result's net opens with the fired groups' words, in
// every language.
func TestSafetyNetsFollowTheReasons(t *testing.T) {
	inEachLanguage(t, func(t *testing.T, s *Set, l string) {
		for _, g := range s.Groups {
			if g.Level == Urgent && g.Watch[l] == "" {
				t.Errorf("urgent group %s says nothing of what would make it worse", g.ID)
			}
		}
		for i := range s.Flags {
			f := &s.Flags[i]
			r := flagResult(s, f)
			g := s.group(f.Group)
			if r.Level != f.Level || len(g.Watch) == 0 {
				continue
			}
			if net := s.Report(r, l).SafetyNet; !strings.Contains(net, s.In(g.Watch, l)) {
				t.Errorf("%s: the safety net leaves out %q", f.ID, s.In(g.Watch, l))
			}
		}
	})
}

// TestReportShowsTheFittingAdvice: aftercare triage prints exactly this
// advice.
func TestReportShowsTheFittingAdvice(t *testing.T) {
	set := defaultSet(t)
	for _, c := range []struct {
		answers       Answers
		level         Level
		tips, seen    bool
		timelineGiven bool
	}{
		{Answers{"chest": {Option: "yes"}}, Emergency, false, false, false},
		{Answers{"other_signs": {Options: []string{"burning_pee"}}, "pain_now": {Number: 3}}, Urgent, false, true, false},
		{Answers{"pain_now": {Number: 4}, "days": {Number: 6}, "trend": {Option: "same"}}, Doctor, true, false, true},
		{Answers{"pain_now": {Number: 3}, "days": {Number: 1}, "trend": {Option: "better"}}, SelfCare, true, false, true},
	} {
		r, err := set.Evaluate(c.answers)
		if err != nil {
			t.Fatal(err)
		}
		rep := set.Report(r, "en")
		if rep.Level != c.level || (len(rep.Plan.Tips) > 0) != c.tips || (len(rep.Plan.UntilSeen) > 0) != c.seen || (rep.Plan.Timeline != "") != c.timelineGiven {
			t.Errorf("%v: %s with %d tips, %d until seen, timeline %q; want %s, tips %v, until seen %v", c.answers, rep.Level, len(rep.Plan.Tips), len(rep.Plan.UntilSeen), rep.Plan.Timeline, c.level, c.tips, c.seen)
		}
	}
}
