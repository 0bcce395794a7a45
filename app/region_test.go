package app

import (
	"strings"
	"testing"

	"aftercare/app/clinic"
)

// TestEmergencyChoiceOrder: the clinic's number wins; then the person's
// choice of country; then the region of the browser's languages; then the
// default, 911 for the United States.
func TestEmergencyChoiceOrder(t *testing.T) {
	set := builtinRules()
	for _, c := range []struct {
		clinic, chosen string
		langs          []string
		number, region string // region "": the clinic's number
	}{
		{"999", "ES", []string{"en-AU"}, "999", ""},
		{"", "ES", []string{"en-AU"}, "112", "ES"},
		{"", "", []string{"en-AU", "en"}, "000", "AU"},
		{"", "", []string{"en", "en-GB"}, "999", "GB"}, // the first language with a region
		{"", "", []string{"es-MX"}, "911", "MX"},
		{"", "", []string{"es_ES"}, "112", "ES"},
		{"", "", []string{"zh-Hant-NZ"}, "111", "NZ"},
		{"", "ZZ", []string{"en-GB"}, "999", "GB"},         // a choice the table lost: the browser's
		{"", "", []string{"es-419", "fr-XX"}, "911", "US"}, // no region the table knows
		{"", "", []string{"en"}, "911", "US"},
		{"", "", nil, "911", "US"},
	} {
		got := pickEmergency(set, c.clinic, c.chosen, c.langs)
		region := ""
		if got.region != nil {
			region = got.region.Code()
		}
		if got.number != c.number || region != c.region {
			t.Errorf("clinic %q, chosen %q, languages %q: %s (%s), want %s (%s)", c.clinic, c.chosen, c.langs, got.number, region, c.number, c.region)
		}
	}
}

// onDevice sets what the device says (a choice of country, the browser's
// languages) for one test.
func onDevice(t *testing.T, chosen string, langs ...string) {
	t.Helper()
	device.Lock()
	device.read, device.chosen, device.langs = true, chosen, langs
	device.Unlock()
	t.Cleanup(func() {
		device.Lock()
		device.read, device.chosen, device.langs = false, "", nil
		device.Unlock()
	})
}

// TestEmergencyScreenNamesTheCountry: the emergency screen dials the
// region's number, names the country and offers the others; the footer
// offers the same-day service where there is one; a clinic's number hides
// the choice.
func TestEmergencyScreenNamesTheCountry(t *testing.T) {
	emergency := func() string {
		return render(t, checkAt(t, map[string]any{"where": []any{}, "stroke_signs": []any{"dizzy"}}, "where", "stroke_signs"))
	}
	onDevice(t, "", "en-GB", "en")
	html := emergency()
	for _, want := range []string{`href="tel:999"`, ">Call 999 now</a>", "Emergency number: 999 (United Kingdom).", `id="region-choice"`,
		">Change the country</label>", ">Australia</option>", `href="tel:111"`, "Call NHS 111: "} {
		if !strings.Contains(html, want) {
			t.Errorf("en-GB: the emergency screen lacks %s", want)
		}
	}
	if !hasTag(html, "option", `value="GB"`, "selected") || strings.Contains(html, "911") {
		t.Errorf("en-GB: United Kingdom is not the one selected, or 911 shows:\n%s", html)
	}
	onDevice(t, "AU", "en-GB")
	if html := emergency(); !strings.Contains(html, ">Call 000 now</a>") || !strings.Contains(html, `href="tel:1800022222"`) {
		t.Error("the person's choice of Australia does not dial 000 or offer healthdirect")
	}
	useProfile(t, clinic.Profile{Name: "Harbour Street", ShortName: "Harbour St", ThemeColor: "#1d4e89", EmergencyNumber: "999"})
	onDevice(t, "AU", "en-AU")
	html = emergency()
	if !strings.Contains(html, ">Call 999 now</a>") || strings.Contains(html, `id="region"`) || strings.Contains(html, "000") || strings.Contains(html, `id="same-day"`) {
		t.Errorf("the clinic's 999 does not win over the person's Australia:\n%s", html)
	}
}
