package app

import (
	"slices"
	"strings"
	"testing"
)

// TestCheckForSomeoneElse: the intro and the first question ask who the
// check is for, with no screen of its own; for someone else the questions,
// their help, the options and the advice's title are said of them, in
// Spanish the usted form where it reads the same, and the summary for the
// doctor says so. A check for oneself is worded as before.
func TestCheckForSomeoneElse(t *testing.T) {
	intro := render(t, &checkPage{})
	if !hasTag(intro, "input", `id="for-me"`, "checked") || !hasTag(intro, "input", `id="for-other"`) || !strings.Contains(intro, "Who is this check for?") {
		t.Errorf("the intro does not ask who the check is for:\n%s", intro)
	}
	first := checkAt(t, nil)
	first.st.Other = true
	html := renderCheck(t, first)
	if !strings.Contains(html, ">How old are they?<") || !hasTag(html, "input", `id="for-other"`, "checked") {
		t.Errorf("first question for someone else:\n%s", shownText(html))
	}
	first.l = "es"
	if html := render(t, &checkPage{pageBase: first.pageBase, st: first.st, pr: first.pr}); !strings.Contains(html, ">¿Cuántos años tiene?<") || !strings.Contains(html, "Para otra persona") {
		t.Errorf("Spanish first question for someone else:\n%s", shownText(html))
	}
	if later := renderCheck(t, checkAt(t, map[string]any{"age": "age_16_49"}, "age")); strings.Contains(later, `id="for-me"`) {
		t.Error("the choice shows after the first question")
	}

	chest := checkAt(t, map[string]any{"age": "age_16_49", "health": []any{}, "where": []any{"chest"}}, "age", "health", "where")
	chest.st.Other = true
	for _, want := range []string{"have they had any pain, pressure or tightness in their chest", "Only a sore spot on their chest where they were pressed."} {
		if html := renderCheck(t, chest); !strings.Contains(html, want) {
			t.Errorf("chest for someone else lacks %q:\n%s", want, shownText(html))
		}
	}

	body := atBodySigns(t)
	body.st.Other = true
	body.search(ruleSet(), "sore chest where she pressed")
	if html := renderCheck(t, body); !strings.Contains(html, "Only a sore spot on their chest where they were pressed.") || !strings.Contains(html, "have they had any pain") {
		t.Errorf("a search for someone else:\n%s", shownText(html))
	}

	calm := checkAt(t, calmWith(map[string]any{"pain_now": 3.0, "days": 1.0, "trend": "better"}))
	calm.st.Other = true
	if html := renderCheck(t, calm); !strings.Contains(html, ">They can look after this at home.<") {
		t.Errorf("advice for someone else:\n%s", shownText(html))
	}
	s := &summaryPage{pr: &calm.pr, asked: []string{"days"}, date: "2026-11-24", other: true}
	html = render(t, s)
	for _, want := range []string{"This check was done for someone else", "How many days ago was their massage?", "They can look after this at home."} {
		if !strings.Contains(html, want) || !strings.Contains(s.text(), want) {
			t.Errorf("summary for someone else lacks %q:\n%s\n%s", want, shownText(html), s.text())
		}
	}
	s = &summaryPage{pr: &calm.pr, asked: []string{"days"}, date: "2026-11-24"}
	if html := render(t, s); strings.Contains(html, "someone else") || !strings.Contains(html, "How many days ago was your massage?") {
		t.Errorf("summary for oneself:\n%s", shownText(html))
	}
}

// TestSavedCheckKeepsWhoItIsFor: who the check is for is kept on the
// device; a check saved by version 4 loads as one for oneself, with every
// answer and typed sign kept.
func TestSavedCheckKeepsWhoItIsFor(t *testing.T) {
	set := ruleSet()
	raw, err := jsonMarshal(checkState{Version: checkStateVersion, Started: true, Other: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := decodeCheck(raw, set); err != nil || !got.Other {
		t.Errorf("round trip: %+v, %v", got, err)
	}
	old, err := decodeCheck([]byte(`{"v":4,"started":true,"date":"2026-02-03","answers":{"age":{"option":"age_16_49"}},"asked":["age"],"typed":[{"question":"nerve_signs","option":"one_arm_weak","text":"arm floppy"}]}`), set)
	if err != nil || old.Version != checkStateVersion || old.Other || old.Answers["age"].Option != "age_16_49" || !slices.Equal(old.Typed, []typedSign{{"nerve_signs", "one_arm_weak", "arm floppy"}}) {
		t.Errorf("version 4: %+v, %v", old, err)
	}
}

// TestSummarySaysWhenThePainBegan: the summary for the doctor says in one
// line when the pain began, on the page and in the shared text.
func TestSummarySaysWhenThePainBegan(t *testing.T) {
	p := checkAt(t, calmWith(map[string]any{"pain_pattern": []any{"before"}, "began": "weeks", "pain_now": 3.0, "days": 1.0, "trend": "better"}))
	s := &summaryPage{pr: &p.pr, asked: []string{"pain_pattern", "began"}, date: "2026-11-24"}
	want := "Pain began: 1 to 4 weeks before the massage"
	if html := render(t, s); !hasTag(html, "p", `class="pain-began"`) || !strings.Contains(html, want) || !strings.Contains(s.text(), want+"\n") {
		t.Errorf("summary lacks %q:\n%s\n%s", want, shownText(html), s.text())
	}
	p = checkAt(t, calmWith(map[string]any{"pain_now": 3.0, "days": 1.0, "trend": "better"}))
	s = &summaryPage{pr: &p.pr, date: "2026-11-24"}
	if !strings.Contains(s.text(), "Pain began: after the massage\n") {
		t.Errorf("share text:\n%s", s.text())
	}
}
