package rules

import (
	"strings"
	"testing"
)

// TestRegionTable: the regions clinical.md names ("Emergency numbers by
// region") dial their number, with the same-day service where one exists;
// every number is one to dial and every country is named in every locale.
func TestRegionTable(t *testing.T) {
	set := defaultSet(t)
	want := map[string]struct{ emergency, sameDay string }{
		"US": {"911", ""}, "CA": {"911", "811"}, "MX": {"911", ""}, "PR": {"911", ""},
		"AR": {"107", ""}, "BR": {"192", ""}, "CL": {"131", ""}, "CO": {"123", ""}, "PE": {"106", ""},
		"EC": {"911", ""}, "UY": {"911", ""}, "VE": {"911", ""}, "CR": {"911", ""},
		"GB": {"999", "111"}, "UK": {"999", "111"}, "IE": {"112", ""}, "ES": {"112", ""},
		"AU": {"000", "1800 022 222"}, "NZ": {"111", "0800 611 116"},
	}
	// The rest of the EU: 112.
	for _, c := range strings.Fields("AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU MT NL PL PT RO SK SI SE") {
		want[c] = struct{ emergency, sameDay string }{"112", ""}
	}
	for code, w := range want {
		r := set.Region(strings.ToLower(code))
		if r == nil {
			t.Errorf("%s: not in the table", code)
			continue
		}
		if r.Emergency != w.emergency || r.SameDay != w.sameDay {
			t.Errorf("%s: dials %q, same day %q; want %q, %q", code, r.Emergency, r.SameDay, w.emergency, w.sameDay)
		}
	}
	if d := set.DefaultRegion(); d == nil || d.Code() != "US" || d.Emergency != DefaultEmergencyNumber {
		t.Errorf("the default region is %+v, want the United States, %s", d, DefaultEmergencyNumber)
	}
	for i, r := range set.Regions {
		if !ValidEmergencyNumber(r.Emergency) {
			t.Errorf("regions[%d] (%s): %q is not a number to dial", i, r.Code(), r.Emergency)
		}
		if r.SameDay != "" && !ValidPhone(r.SameDay) && !ValidEmergencyNumber(r.SameDay) {
			t.Errorf("regions[%d] (%s): same day %q is not a number to dial", i, r.Code(), r.SameDay)
		}
		for _, l := range set.Locales {
			if r.Name[l] == "" || (r.SameDay != "" && r.SameDayName[l] == "") {
				t.Errorf("regions[%d] (%s): no name in %s", i, r.Code(), l)
			}
		}
	}
	if set.Region("ZZ") != nil || set.Region("") != nil {
		t.Error("an unknown or empty code found a region")
	}
}

// TestRegionProblems: a broken table is refused, every problem at its place.
func TestRegionProblems(t *testing.T) {
	name := Text{"en": "X"}
	s := &Set{Regions: []Region{
		{Countries: []string{"GB"}, Name: name, Emergency: "999"},
		{Countries: []string{"gb", "GB"}, Name: name, Emergency: "0800 999", SameDay: "111"},
		{Countries: nil, Name: name, Emergency: "112", SameDay: "call us", SameDayName: name},
	}}
	var ps Problems
	s.checkRegions(&ps)
	got := ps.Error()
	for _, want := range []string{
		"regions[0].emergency: the first region is the default: its number must be 911",
		`regions[1].countries[0]: country code "gb": want two capital letters`,
		`regions[1].countries[1]: country code "GB" is already listed at regions[0].countries[0]`,
		`regions[1].emergency: emergency "0800 999": want the number to dial`,
		"regions[1].same_day_name: same_day and same_day_name go together",
		"regions[2].countries: no country codes",
		`regions[2].same_day: same_day "call us": want a phone number`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if len(ps) != 7 {
		t.Errorf("%d problems, want 7:\n%s", len(ps), got)
	}
}
