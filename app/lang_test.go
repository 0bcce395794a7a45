package app

import (
	"strings"
	"testing"

	"aftercare/app/clinic"
)

// TestAddressesInEachLanguage: each page has its own address in each
// language, and the language and the page are read back from it.
func TestAddressesInEachLanguage(t *testing.T) {
	for _, tt := range []struct {
		l          lang
		page, path string
	}{
		{"en", "/", "/"}, {"en", "/check", "/check"}, {"es", "/", "/es"},
		{"es", "/check", "/es/check"}, {"es", "/guide/causes", "/es/guide/causes"},
	} {
		if got := tt.l.path(tt.page); got != tt.path {
			t.Errorf("%s.path(%s) = %s, want %s", tt.l, tt.page, got, tt.path)
		}
		if LangOf(tt.path) != tt.l || pageOf(tt.path) != tt.page {
			t.Errorf("%s reads back as %s %s", tt.path, LangOf(tt.path), pageOf(tt.path))
		}
	}
	// Not a language: a page of the default one.
	if LangOf("/esx") != "en" || LangOf("/fr/check") != "en" || sectionID("/es/guide/causes") != "causes" || sectionID("/es/check") != "" {
		t.Error("an address that is not a language's is read as one")
	}
}

// TestEveryPageSwitchesLanguage: every page, in every language, links the
// same page in the other one, named in that language, marked for
// web/lang.js to keep the choice.
func TestEveryPageSwitchesLanguage(t *testing.T) {
	for _, r := range AllRoutes() {
		html := render(t, r.New())
		other, name := "es", "Español"
		if r.Lang == "es" {
			other, name = "en", "English"
		}
		if !hasTag(html, "a", `href="`+lang(other).path(r.Page)+`"`, `lang="`+other+`"`, `hreflang="`+other+`"`, `data-lang-choice="`+other+`"`) || !strings.Contains(html, ">"+name+"</a>") {
			t.Errorf("%s: no switch to %s at %s", r.Path, other, lang(other).path(r.Page))
		}
		if strings.Count(html, "data-lang-choice=") != 1 {
			t.Errorf("%s: want one switch", r.Path)
		}
	}
}

// TestSummaryForTheDoctorInTheClinicsLanguage: a summary in Spanish offers
// the same summary in the clinic's language, English by default; in the
// clinic's own language it offers nothing more.
func TestSummaryForTheDoctorInTheClinicsLanguage(t *testing.T) {
	p := checkAt(t, calmWith(map[string]any{"pain_now": 3.0, "days": 1.0, "trend": "better"}))
	summary := func(l lang) string {
		return render(t, &summaryPage{pageBase: pageBase{l: l, page: "/check/summary"}, pr: &p.pr, asked: p.st.Asked, date: "2026-11-24"})
	}
	diary := func(l lang) string {
		d := diaryAt(t, 5, 4)
		d.store.l = l
		return render(t, &diarySummaryPage{pageBase: pageBase{l: l, page: "/diary/summary"}, store: d.store})
	}
	for name, page := range map[string]func(lang) string{"/check/summary": summary, "/diary/summary": diary} {
		es := page("es")
		if !hasTag(es, "a", `id="clinic-language"`, `href="`+name+`?doctor=1"`, `hreflang="en"`) || !strings.Contains(es, "en inglés para el médico") {
			t.Errorf("%s in Spanish does not offer it in English for the doctor", name)
		}
		if strings.Contains(page("en"), `id="clinic-language"`) {
			t.Errorf("%s in English offers another language", name)
		}
		pr := clinic.DefaultProfile()
		pr.Language = "es"
		useProfile(t, pr)
		if en := page("en"); !hasTag(en, "a", `id="clinic-language"`, `href="/es`+name+`?doctor=1"`) || !strings.Contains(en, "in Spanish for the doctor") {
			t.Errorf("%s in English does not offer it in the clinic's Spanish", name)
		}
		if strings.Contains(page("es"), `id="clinic-language"`) {
			t.Errorf("%s in the clinic's Spanish offers another language", name)
		}
		useProfile(t, clinic.DefaultProfile())
	}
}
