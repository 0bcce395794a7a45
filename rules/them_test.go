package rules

import (
	"strconv"
	"strings"
	"testing"
)

// TestThemFallsBack: a check for someone else says each text in the form
// said of them where a locale has one, and the text itself where it has
// not (Spanish "usted" reads the same of a third person); a check for
// oneself is never changed.
func TestThemFallsBack(t *testing.T) {
	set := defaultSet(t)
	age := set.Question("age")
	if got := set.In(Them(age.Text, age.TextThem, true), "en"); got != "How old are they?" {
		t.Errorf("en for someone else: %q", got)
	}
	if got := set.In(Them(age.Text, age.TextThem, true), "es"); got != "¿Cuántos años tiene?" || age.TextThem["es"] != "" {
		t.Errorf("es for someone else: %q (its own form %q), want the usted text as it is", got, age.TextThem["es"])
	}
	if got := set.In(Them(age.Text, age.TextThem, false), "en"); got != "How old are you?" {
		t.Errorf("en for oneself: %q", got)
	}
	chest := set.Question("chest")
	o := chest.Options[chest.option("tender_spot")]
	if got := set.In(Them(o.Label, o.LabelThem, true), "es"); strings.Contains(got, "me ") || !strings.Contains(got, "le duele") {
		t.Errorf("es label for someone else: %q", got)
	}
	if got := set.AnswerLabelThem("chest", Answer{Option: "tender_spot"}, "en", true); !strings.Contains(got, "their chest") {
		t.Errorf("answer label for someone else: %q", got)
	}
	if got := set.AnswerLabel("chest", Answer{Option: "tender_spot"}, "en"); !strings.Contains(got, "my chest") {
		t.Errorf("answer label for oneself: %q", got)
	}
}

// TestThemRequired: a text that says "you" or "I" (or a Spanish "me", "mi",
// "usted") with no form said of someone else is refused, and so is such a
// form that still speaks to the person; the built-in rules need no more.
func TestThemRequired(t *testing.T) {
	set := defaultSet(t)
	var ps Problems
	set.checkThem(&ps)
	if len(ps) > 0 {
		t.Fatalf("built-in rules: %v", ps)
	}
	q := &set.Questions[set.index["age"]]
	q.TextThem = nil
	q.Help = Text{"en": "Answer for them.", "es": "Responda por mí."}
	o := &set.Questions[set.index["chest"]].Options[1]
	o.LabelThem = Text{"en": "A sore spot on my chest", "es": ""}
	set.Levels[0].Title = Text{"en": "I call now.", "es": "Llame ahora."}
	set.checkThem(&ps)
	got := ps.Error()
	for _, want := range []string{
		`questions[` + strconv.Itoa(set.index["age"]) + `].text.en: "How old are you?" says "you": give text_them.en`,
		`].help.es: "Responda por mí." says "mí": give help_them.es`,
		`].options[1].label_them.en: "A sore spot on my chest" says "my": say it of someone else`,
		`].options[1].label.es: "Solo un punto que me duele en el pecho, donde me apretaron. Me duele al tocarlo." says "me": give label_them.es`,
		`].options[1].label_them.es: an empty text`,
		`levels[0].title.en: "I call now." says "I"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	}
	if len(ps) != 6 {
		t.Errorf("want 6 problems, got %d:\n%s", len(ps), got)
	}
}
