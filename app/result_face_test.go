package app

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"aftercare/app/clinic"
)

// harbour is a clinic that gives every contact: phone, booking, urgent care.
var harbour = clinic.Profile{Name: "Harbour Street", ShortName: "Harbour St", ThemeColor: "#1d4e89", Phone: "+44 20 7946 0000",
	BookingURL: "https://harbour.example/book", UrgentCareURL: "https://nhs.example/urgent", Language: "en"}

// faceCases end at each level; doctorFlag is doctor advice a red flag
// (not about how the soreness is going) led to.
var faceCases = map[string]string{
	"emergency":  `{"stroke_signs": ["dizzy", "double_vision"]}`,
	"urgent":     `{"other_signs": ["fever"], "sepsis_signs": []}`,
	"doctor":     `{"pain_now": 4, "days": 6, "trend": "same"}`,
	"doctorFlag": `{"health": ["cancer"], "pain_now": 2, "days": 2, "trend": "better"}`,
	"selfcare":   `{"pain_now": 2, "days": 1, "trend": "better"}`,
}

func faceAt(t *testing.T, name string, pr clinic.Profile, region string) face {
	t.Helper()
	var raw map[string]any
	if err := json.Unmarshal([]byte(faceCases[name]), &raw); err != nil {
		t.Fatal(err)
	}
	p := checkAt(t, calmWith(raw))
	if p.pr.current != "" {
		t.Fatalf("%s: still asking %s", name, p.pr.current)
	}
	set := ruleSet()
	call := pickEmergency(set, pr.EmergencyNumber, region, nil)
	return faceOf(lang("en"), set, faceFacts{result: p.pr.result, book: set.Advise(p.pr.result).Guide, profile: pr, call: call, diary: "/diary?from=check"})
}

func (f face) ids() []string {
	var ids []string
	for _, a := range f.actions {
		ids = append(ids, a.id+" "+a.href)
	}
	return ids
}

// TestEachLevelHasItsFace: each level has its own mark (words and a
// symbol from the rules) and its own first action.
func TestEachLevelHasItsFace(t *testing.T) {
	for _, c := range []struct {
		name, level, mark, icon string
		want                    []string // the actions, id and address, in order
	}{
		{"emergency", "emergency", "Emergency", "\u26a0\ufe0e", []string{"call tel:999"}},
		{"urgent", "urgent", "Urgent: today", "\u25f7", []string{"call-clinic tel:+442079460000", "call-same-day tel:111", "find-urgent-care https://nhs.example/urgent", "summary /check/summary"}},
		{"doctor", "doctor", "Doctor in a few days", "\u2695\ufe0e", []string{"book-clinic https://harbour.example/book", "call-clinic tel:+442079460000", "summary /check/summary"}},
		{"doctorFlag", "doctor", "Doctor in a few days", "\u2695\ufe0e", []string{"call-clinic tel:+442079460000", "summary /check/summary"}},
		{"selfcare", "selfcare", "Care at home", "\u2302", []string{"start-diary /diary?from=check", "book-clinic https://harbour.example/book", "call-clinic tel:+442079460000"}},
	} {
		f := faceAt(t, c.name, harbour, "GB")
		if string(f.level) != c.level || f.mark != c.mark || f.icon != c.icon {
			t.Errorf("%s: level %s, mark %q %q; want %s, %q %q", c.name, f.level, f.icon, f.mark, c.level, c.icon, c.mark)
		}
		if got := f.ids(); !slices.Equal(got, c.want) {
			t.Errorf("%s: actions\n\t%v\nwant\n\t%v", c.name, got, c.want)
		}
	}
}

// TestFaceWithoutAClinic: with no clinic and a region without a same-day
// service, urgent still offers what to bring and say, and nothing of a
// clinic shows on any level.
func TestFaceWithoutAClinic(t *testing.T) {
	for name, want := range map[string][]string{
		"emergency": {"call tel:911"},
		"urgent":    {"summary /check/summary"},
		"doctor":    {"summary /check/summary"},
		"selfcare":  {"start-diary /diary?from=check"},
	} {
		if got := faceAt(t, name, clinic.DefaultProfile(), "US").ids(); !slices.Equal(got, want) {
			t.Errorf("%s: actions %v, want %v", name, got, want)
		}
	}
}

// TestResultShowsItsFace: the rendered result carries the mark and the
// face's actions, and no action twice.
func TestResultShowsItsFace(t *testing.T) {
	useProfile(t, harbour)
	for _, name := range []string{"urgent", "doctor", "selfcare"} {
		var raw map[string]any
		json.Unmarshal([]byte(faceCases[name]), &raw)
		html := render(t, checkAt(t, calmWith(raw)))
		if !strings.Contains(html, `id="level-mark"`) || !strings.Contains(html, "mark-"+name) {
			t.Errorf("%s: no level mark", name)
		}
		for _, id := range []string{"start-diary", "summary", "call-clinic"} {
			if n := strings.Count(html, `id="`+id+`"`); n != 1 {
				t.Errorf("%s: #%s shows %d times, want once", name, id, n)
			}
		}
	}
}

// TestSelfCareSafetyNetIsAList: self-care's safety net is a list, every
// emergency sign a line of its own under the one marked line, with no
// semicolons.
func TestSelfCareSafetyNetIsAList(t *testing.T) {
	var raw map[string]any
	json.Unmarshal([]byte(faceCases["selfcare"]), &raw)
	html := render(t, checkAt(t, calmWith(raw)))
	_, net, _ := strings.Cut(html, `class="safety-net"`)
	net, _, _ = strings.Cut(net, "</div>")
	if strings.Contains(net, ";") {
		t.Errorf("the safety net has semicolons:\n%s", net)
	}
	if strings.Count(net, `id="net-call"`) != 1 {
		t.Errorf("the call for an emergency is not marked once:\n%s", net)
	}
	for _, s := range ruleSet().CallSigns() {
		if !strings.Contains(net, "<li>"+htmlEscape(s["en"])+"</li>") {
			t.Errorf("the safety net does not list %q on a line of its own", s["en"])
		}
	}
	if n := len(ruleSet().CallSigns()); n < 10 {
		t.Errorf("only %d emergency signs", n)
	}
}
