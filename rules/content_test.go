package rules

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"aftercare/rules/readability"
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

	// The article's "when to see a doctor", and the published red flags of
	// clinical.md, each a group a person can name.
	for _, id := range []string{
		"heart", "heart_signs", "lungs", "aorta", "stroke", "spine", "sepsis", "muscle_damage", "pregnancy", "fainting", "serious_injury",
		"fever", "breath_pain", "clot", "neck_artery", "arm_nerve", "dark_pee", "skin", "shingles", "bleeding", "fracture", "serious_cause", "risk_history", "severe_pain",
		"slow_recovery", "getting_worse", "not_settling",
	} {
		if s.group(id) == nil {
			t.Errorf("no group %q", id)
		}
	}

	// The inputs the advice needs.
	for _, id := range []string{"age", "health", "days", "pain_now", "trend", "where", "massage_type", "pressure", "health", "injury", "symptoms"} {
		if s.Question(id) == nil {
			t.Errorf("no question %q", id)
		}
	}
	if q := s.Question("days"); q == nil || q.Kind != KindScale || q.Min != 0 || q.Max < 30 {
		t.Errorf("days since the massage must be a number of days, 0 to 30 or more")
	}
	if q := s.Question("pain_now"); q == nil || len(q.Anchors) < 4 {
		t.Errorf("the pain scale needs its word anchors (0, 4, 7, 10)")
	}
	health := s.Question("health")
	for _, o := range []string{"cancer", "thin_bones", "steroids", "weak_immune", "blood_thinner", "disc", "arthritis", "fibro"} {
		if health.option(o) < 0 {
			t.Errorf("health lacks %q", o)
		}
	}
}

// TestQuestionsMostSeriousFirst: the questions an emergency flag uses come
// first (after age and pregnancy, which several flags depend on), then the
// urgent ones, then the doctor ones, so the check can stop early.
func TestQuestionsMostSeriousFirst(t *testing.T) {
	s := defaultSet(t)
	lastUse := map[Level]int{}
	firstOnly := map[Level]int{Emergency: len(s.Questions), Urgent: len(s.Questions), Doctor: len(s.Questions)}
	mostUrgent := map[int]Level{} // question → the most urgent level that uses it
	for _, f := range s.Flags {
		for _, c := range f.when {
			lastUse[f.Level] = max(lastUse[f.Level], c.q)
			if l, ok := mostUrgent[c.q]; !ok || f.Level.MoreUrgent(l) {
				mostUrgent[c.q] = f.Level
			}
		}
	}
	for q, l := range mostUrgent {
		firstOnly[l] = min(firstOnly[l], q)
	}
	if firstOnly[Emergency] > 1 {
		t.Errorf("the first emergency question is question %d", firstOnly[Emergency]+1)
	}
	// Every question used only by doctor flags comes after every emergency one.
	if firstOnly[Doctor] < lastUse[Emergency] {
		t.Errorf("%s (doctor only) comes before %s (emergency)", s.Questions[firstOnly[Doctor]].ID, s.Questions[lastUse[Emergency]].ID)
	}
	// Questions that only rank causes come after every flag's question but
	// the doctor ones.
	for i, q := range s.Questions {
		if _, used := mostUrgent[i]; !used && i < lastUse[Urgent] {
			t.Errorf("%s ranks causes only, yet comes before the urgent signs end", q.ID)
		}
	}
	for _, id := range []string{"age", "health"} {
		if i := s.index[id]; i > 2 {
			t.Errorf("%s is question %d; ask it near the start", id, i+1)
		}
	}
}

// TestEveryGuidePageSaysEnough: each guide page has enough words to act on.
func TestEveryGuidePageSaysEnough(t *testing.T) {
	s := defaultSet(t)
	for _, sec := range s.Guide {
		name := "guide " + sec.ID
		texts := []Text{sec.Title, sec.Intro}
		for _, it := range sec.Items {
			texts = append(texts, it.Title, it.Body)
		}
		texts = append(texts, sec.More...)
		words := 0
		for _, tx := range texts {
			words += len(readability.Words(tx["en"]))
		}
		if len(sec.Include) == 0 && words < 150 {
			t.Errorf("%s has %d words of its own and includes nothing: too little to act on", name, words)
		}
		if len(sec.Include) > 0 && slices.Contains(sec.Include, "prevention") && words+len(s.Plan.Prevention)*20 < 150 {
			t.Errorf("%s is too short to act on", name)
		}
	}
}

// cautions are, for each language, the words the tests below look for: the
// English texts and their Spanish must both carry the published cautions
// (clinical.md, "What the advice must never say").
var cautions = map[string]struct {
	since            string   // every danger question asks about the time since the massage
	toxin            string   // a text that names toxins ...
	unproven         []string // ... says one of these
	flush            string   // a claim that something flushes toxins out
	antiInflammatory []string // a text that names these ...
	painCautions     []string // ... names each of these
	manipulation     string   // a treatment that moves the spine ...
	notWith          string   // ... is ruled out with these
	needles, lung    string   // acupuncture and its lung caution
	darkPee          string   // the guide says dark pee is a warning sign
	invites          []string // what urgent or emergency advice never says
}{
	"en": {
		since: "since the massage", toxin: "toxin", unproven: []string{"no good proof", "not toxins"}, flush: "flush",
		antiInflammatory: []string{"ibuprofen", "naproxen"},
		painCautions:     []string{"paracetamol", "pregnant", "asthma", "ulcer", "kidney", "heart", "blood thinner", "over 65"},
		manipulation:     "chiropract", notWith: "neck pain or a headache", needles: "needles", lung: "lung",
		darkPee: "pee", invites: []string{"massage", "book"},
	},
	"es": {
		since: "desde el masaje", toxin: "toxina", unproven: []string{"no hay buena prueba", "no es por toxinas"}, flush: "limpia",
		antiInflammatory: []string{"ibuprofeno", "naproxeno"},
		painCautions:     []string{"paracetamol", "embarazada", "asma", "úlcera", "riñón", "corazón", "anticoagulante", "65"},
		manipulation:     "quiropr", notWith: "dolor nuevo en el cuello o dolor de cabeza", needles: "agujas", lung: "pulmón",
		darkPee: "orina", invites: []string{"masaje", "cita"},
	},
}

// inEachLanguage runs a test once per locale of the rules, each of which
// must have its words in cautions.
func inEachLanguage(t *testing.T, test func(t *testing.T, s *Set, l string)) {
	s := defaultSet(t)
	for _, l := range s.Locales {
		t.Run(l, func(t *testing.T) {
			if _, ok := cautions[l]; !ok {
				t.Fatalf("no caution words for %s: add them to cautions", l)
			}
			test(t, s, l)
		})
	}
}

// TestToxinClaimIsNotStatedAsFact: the article says massage releases toxins
// that water flushes out. There is no good evidence; any text that mentions
// toxins, in any language, must say so.
func TestToxinClaimIsNotStatedAsFact(t *testing.T) {
	inEachLanguage(t, func(t *testing.T, s *Set, l string) {
		c := cautions[l]
		texts := map[string]string{}
		localeTexts(reflect.ValueOf(s).Elem(), "", l, texts)
		mentions := 0
		for path, text := range texts {
			lower := strings.ToLower(text)
			if !strings.Contains(lower, c.toxin) {
				continue
			}
			mentions++
			if !slices.ContainsFunc(c.unproven, func(u string) bool { return strings.Contains(lower, u) }) {
				t.Errorf("%s states the toxin claim without saying it is unproven: %q", path, text)
			}
		}
		if mentions == 0 {
			t.Error("the toxin claim is not addressed at all (people will have heard it)")
		}
	})
}

// TestSelfCareSafetyNetNamesEveryEmergency: the self-care safety net says,
// in a few words, every emergency group a person might still get.
func TestSelfCareSafetyNetNamesEveryEmergency(t *testing.T) {
	inEachLanguage(t, func(t *testing.T, s *Set, l string) {
		net := strings.ToLower(s.Report(Result{Level: SelfCare}, l).SafetyNet)
		for _, g := range s.Groups {
			if g.Level == Emergency && !strings.Contains(net, strings.ToLower(g.Short[l])) {
				t.Errorf("the self-care safety net does not name %s (%q)", g.ID, g.Short[l])
			}
		}
	})
}

// TestDangerQuestionsAskSinceTheMassage: a sign that came and went counts,
// so every question an emergency flag uses (but who the person is, the
// follow-ups and the pain score) asks "since the massage", in every
// language.
func TestDangerQuestionsAskSinceTheMassage(t *testing.T) {
	inEachLanguage(t, func(t *testing.T, s *Set, l string) {
		for _, f := range s.Flags {
			if f.Level != Emergency {
				continue
			}
			for _, c := range f.when {
				q := &s.Questions[c.q]
				if len(q.AskIf) > 0 || q.ID == "health" || q.ID == "age" || q.Kind == KindScale {
					continue
				}
				if !strings.Contains(strings.ToLower(q.Text[l]), cautions[l].since) {
					t.Errorf("%s (used by %s) does not ask about the time since the massage: %q", q.ID, f.ID, q.Text[l])
				}
			}
		}
	})
	// One idea per option: no option joins two conditions with "and". (In
	// English only: Spanish "y" also joins the words of one idea, "hinchada,
	// caliente y le duele", so a word test there would mislead.)
	for _, q := range defaultSet(t).Questions {
		for _, o := range q.Options {
			label := strings.NewReplacer("pins and needles", "", "hot and shivery", "").Replace(strings.ToLower(o.Label["en"]))
			if strings.Contains(" "+label+" ", " and ") {
				t.Errorf("%s.%s joins two things with \"and\": %q", q.ID, o.ID, o.Label["en"])
			}
		}
	}
}

// TestAdviceCannotHurt: what the plan and the guide say carries the
// published cautions (clinical.md, "What the advice must never say"), in
// every language.
func TestAdviceCannotHurt(t *testing.T) {
	inEachLanguage(t, func(t *testing.T, s *Set, l string) {
		c := cautions[l]
		texts := map[string]string{}
		localeTexts(reflect.ValueOf(s).Elem(), "", l, texts)
		for path, text := range texts {
			lower := strings.ToLower(text)
			if slices.ContainsFunc(c.antiInflammatory, func(a string) bool { return strings.Contains(lower, a) }) {
				for _, caution := range c.painCautions {
					if !strings.Contains(lower, caution) {
						t.Errorf("%s names an anti-inflammatory without the caution %q", path, caution)
					}
				}
			}
			if strings.HasSuffix(path, ".body") && strings.Contains(lower, c.manipulation) && !strings.Contains(lower, c.notWith) {
				t.Errorf("%s suggests spinal manipulation without ruling it out for new neck pain or headache", path)
			}
			if strings.Contains(lower, c.needles) && strings.Contains(path, "treatments") && !strings.Contains(lower, c.lung) {
				t.Errorf("%s suggests acupuncture without its lung caution", path)
			}
			if strings.Contains(lower, c.flush) && !strings.Contains(lower, c.unproven[0]) {
				t.Errorf("%s says something flushes: %q", path, text)
			}
		}
		// The guide says dark pee is a warning sign, not toxins.
		found := false
		for _, sec := range s.Guide {
			for _, m := range sec.More {
				lower := strings.ToLower(m[l])
				found = found || (strings.Contains(lower, c.darkPee) && strings.Contains(lower, c.unproven[1]))
			}
		}
		if !found {
			t.Error("the guide does not say that dark pee is a warning sign, not toxins")
		}
		// Urgent and emergency advice never invites a massage or the clinic.
		for _, lv := range []Level{Emergency, Urgent} {
			info := s.Level(lv)
			for _, tx := range []Text{info.Title, info.DoNow, info.SafetyNet} {
				lower := strings.ToLower(tx[l])
				for _, w := range c.invites {
					if strings.Contains(lower, w) {
						t.Errorf("%s advice invites a massage or a booking (%q): %q", lv, w, tx[l])
					}
				}
			}
		}
	})
}

// TestEveryScreenHasItsOwnHeading: no two questions share their words, in
// any language, so the next screen never looks like the tap did nothing.
func TestEveryScreenHasItsOwnHeading(t *testing.T) {
	inEachLanguage(t, func(t *testing.T, s *Set, l string) {
		seen := map[string]string{}
		for _, q := range s.Questions {
			if other, dup := seen[q.Text[l]]; dup {
				t.Errorf("%s and %s share the heading %q", other, q.ID, q.Text[l])
			}
			seen[q.Text[l]] = q.ID
		}
	})
}
