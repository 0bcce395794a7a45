package rules

import (
	"fmt"
	"strings"
)

// Region is where a person is, for the number to call (regions.yaml): one
// country, named in every locale, with its emergency number and, where
// one exists, a service that helps the same day when it is not an
// emergency (NHS 111 in the UK). With no clinic profile number, the app
// takes the region from the person's choice or the phone's languages.
type Region struct {
	Countries   []string `json:"countries"`               // ISO 3166 codes, upper case: "GB"
	Name        Text     `json:"name"`                    // the country's name
	Emergency   string   `json:"emergency"`               // the number to dial in an emergency
	SameDay     string   `json:"same_day,omitempty"`      // a number for help today, not an emergency
	SameDayName Text     `json:"same_day_name,omitempty"` // what that service is called
}

// Code is the region's first country code: the one the person's choice keeps.
func (r *Region) Code() string { return r.Countries[0] }

// Region is the region of a country code ("gb" or "GB"), or nil.
func (s *Set) Region(code string) *Region {
	code = strings.ToUpper(code)
	for i := range s.Regions {
		for _, c := range s.Regions[i].Countries {
			if c == code {
				return &s.Regions[i]
			}
		}
	}
	return nil
}

// DefaultRegion is the table's first region, whose number is
// DefaultEmergencyNumber: the one used when nothing says where the phone
// is. Nil for a set without regions.
func (s *Set) DefaultRegion() *Region {
	if len(s.Regions) == 0 {
		return nil
	}
	return &s.Regions[0]
}

// ValidEmergencyNumber reports whether n is written as an emergency number
// is: 2 to 4 digits (911, 999, 112, 000, 111).
func ValidEmergencyNumber(n string) bool { return Digits(n, 2, 4) }

// validCountry: ^[A-Z]{2}$, a country code.
func validCountry(c string) bool { return len(c) == 2 && isUpper(c[0]) && isUpper(c[1]) }

// checkRegions: a set may have no regions (911 everywhere); else every
// region has country codes, each listed once in the
// whole table, a number to dial, and a same-day service only with its name;
// the first region dials DefaultEmergencyNumber, as the prerendered pages
// do before the app knows the region.
func (s *Set) checkRegions(ps *Problems) {
	if len(s.Regions) > 0 && s.Regions[0].Emergency != DefaultEmergencyNumber {
		ps.add("regions[0].emergency", "the first region is the default: its number must be %s, as the pages show before the app knows the region", DefaultEmergencyNumber)
	}
	seen := map[string]string{}
	for i, r := range s.Regions {
		path := fmt.Sprintf("regions[%d]", i)
		if len(r.Countries) == 0 {
			ps.add(path+".countries", "no country codes: list at least one, such as [GB]")
		}
		for j, c := range r.Countries {
			switch at := fmt.Sprintf("%s.countries[%d]", path, j); {
			case !validCountry(c):
				ps.add(at, "country code %q: want two capital letters, such as GB", c)
			case seen[c] != "":
				ps.add(at, "country code %q is already listed at %s", c, seen[c])
			default:
				seen[c] = at
			}
		}
		if !ValidEmergencyNumber(r.Emergency) {
			ps.add(path+".emergency", "emergency %q: want the number to dial, 2 to 4 digits (such as 911, 999, 112, 000)", r.Emergency)
		}
		if r.SameDay != "" && !ValidPhone(r.SameDay) && !ValidEmergencyNumber(r.SameDay) {
			ps.add(path+".same_day", "same_day %q: want a phone number (digits and spaces, such as \"0800 611 116\") or a short one (such as 111)", r.SameDay)
		}
		if (r.SameDay == "") != (len(r.SameDayName) == 0) {
			ps.add(path+".same_day_name", "same_day and same_day_name go together: give both or neither")
		}
	}
}
