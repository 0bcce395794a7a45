package rules

import (
	"reflect"
	"strings"
	"testing"
)

// The content must carry every fact of the source article (and the
// published red flags); these tests pin the parts a later edit could lose.

func TestContentCoversTheArticle(t *testing.T) {
	s := defaultSet(t)

	var causes []string
	for _, c := range s.Causes {
		causes = append(causes, c.ID)
	}
	wantCauses := []string{"trigger_points", "posture", "too_much_pressure", "no_warm_up", "existing_condition", "fluids", "emotional_release", "technique"}
	if !reflect.DeepEqual(causes, wantCauses) {
		t.Errorf("causes = %v, want the article's eight: %v", causes, wantCauses)
	}

	days := map[string]int{}
	for _, tier := range s.Plan.Tiers {
		days[tier.ID] = tier.ExpectedDays
	}
	if !reflect.DeepEqual(days, map[string]int{"minor": 3, "moderate": 7, "severe": 14}) {
		t.Errorf("tiers = %v, want minor 1-3 days, moderate a week, severe 2 weeks", days)
	}
	for name, n := range map[string][2]int{
		"tips":                    {len(s.Plan.Tips), 6},
		"conventional treatments": {len(s.Plan.Treatments.Conventional), 3},
		"alternative treatments":  {len(s.Plan.Treatments.Alternative), 3},
		"home remedies":           {len(s.Plan.Treatments.Home), 4},
		"complications":           {len(s.Plan.Complications), 3},
	} {
		if n[0] != n[1] {
			t.Errorf("%d %s, want the article's %d", n[0], name, n[1])
		}
	}
	if len(s.Plan.Prevention) < 3 {
		t.Errorf("only %d prevention tips", len(s.Plan.Prevention))
	}

	var sections []string
	for _, sec := range s.Guide {
		sections = append(sections, sec.ID)
	}
	if want := []string{"causes", "symptoms", "when-to-see-a-doctor", "treatments", "recovery", "prevention"}; !reflect.DeepEqual(sections, want) {
		t.Errorf("guide sections = %v, want %v", sections, want)
	}
	if n := len(s.Guide[1].Items); n != 8 {
		t.Errorf("symptoms section has %d items, want the 4 common and 4 less common", n)
	}

	// The article's "when to see a doctor", and the published emergencies.
	for _, id := range []string{"not_improving", "severe_pain", "nerve", "lungs", "infection", "recent_injury",
		"heart", "tearing_pain", "stroke", "spinal_cord", "fainting", "muscle_breakdown", "serious_injury",
		"risk_history", "serious_cause", "getting_worse", "known_condition", "spreading", "spasms", "every_massage"} {
		found := false
		for _, f := range s.Flags {
			found = found || f.ID == id
		}
		if !found {
			t.Errorf("no flag %q", id)
		}
	}

	// The inputs the advice needs.
	for _, id := range []string{"days", "pain_now", "trend", "where", "spreads", "massage_type", "pressure", "history", "injury", "symptoms"} {
		if s.Question(id) == nil {
			t.Errorf("no question %q", id)
		}
	}
	history := s.Question("history")
	for _, o := range []string{"cancer", "weak_bones", "steroids", "weak_immune", "disc", "arthritis", "fibro"} {
		if history.option(o) < 0 {
			t.Errorf("history lacks %q", o)
		}
	}
}

// TestToxinClaimIsNotStatedAsFact: the article says massage releases toxins
// that water flushes out. There is no good evidence; any text that mentions
// toxins must say so.
func TestToxinClaimIsNotStatedAsFact(t *testing.T) {
	texts := map[string]string{}
	englishTexts(reflect.ValueOf(defaultSet(t)).Elem(), "", texts)
	mentions := 0
	for path, text := range texts {
		if strings.Contains(strings.ToLower(text), "toxin") {
			mentions++
			if !strings.Contains(text, "no good proof") {
				t.Errorf("%s states the toxin claim without saying it is unproven: %q", path, text)
			}
		}
	}
	if mentions == 0 {
		t.Error("the toxin claim is not addressed at all (people will have heard it)")
	}
}

// TestQuestionsMostSeriousFirst: the red-flag screens come before the rest,
// emergency signs first, so the check can stop early.
func TestQuestionsMostSeriousFirst(t *testing.T) {
	s := defaultSet(t)
	firstUse := map[Level]int{}
	for _, l := range Levels[:3] {
		firstUse[l] = len(s.Questions)
	}
	for _, f := range s.Flags {
		for _, c := range f.when {
			firstUse[f.Level] = min(firstUse[f.Level], c.q)
		}
	}
	if firstUse[Emergency] != 0 || firstUse[Emergency] > firstUse[Urgent] || firstUse[Urgent] > firstUse[Doctor] {
		t.Errorf("first question used by each level: %v; want emergency from the first question, then urgent, then doctor", firstUse)
	}
	// Every emergency question comes before the first question that only
	// matters for causes.
	lastEmergency := 0
	for _, f := range s.Flags {
		if f.Level == Emergency {
			for _, c := range f.when {
				lastEmergency = max(lastEmergency, c.q)
			}
		}
	}
	if got := s.Questions[lastEmergency].ID; lastEmergency > 5 {
		t.Errorf("an emergency sign is asked only at question %d (%s)", lastEmergency+1, got)
	}
}
