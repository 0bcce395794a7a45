package app

import (
	"strings"
	"sync"

	"aftercare/rules"
)

// The number the app dials in an emergency, and where it comes from, in
// this order: the clinic's profile (a clinic's number always wins); the
// person's own choice of country, kept on the device; the region of the
// browser's languages (en-GB: GB, es-MX: MX); the rules' default region
// (911, United States), which the prerendered pages show.

// regionKey keeps the person's choice of country on the device, as
// web/lang.js keeps the language.
const regionKey = "aftercare.region"

// emergencyChoice is the number to dial and the region it is for: nil when
// it is the clinic's number, or when the rules have no regions.
type emergencyChoice struct {
	number string
	region *rules.Region
}

// pickEmergency chooses the number: the clinic's, then the region the
// person chose (a country code), then the browser's, then the default.
func pickEmergency(set *rules.Set, clinicNumber, chosen string, languages []string) emergencyChoice {
	if clinicNumber != "" {
		return emergencyChoice{number: clinicNumber}
	}
	r := set.Region(chosen)
	if r == nil {
		r = regionOfLanguages(set, languages)
	}
	if r == nil {
		r = set.DefaultRegion()
	}
	if r == nil {
		return emergencyChoice{number: rules.DefaultEmergencyNumber}
	}
	return emergencyChoice{number: r.Emergency, region: r}
}

// regionOfLanguages is the region of the first of the browser's languages
// (BCP 47 tags, such as "en-GB" or "zh-Hant-TW") whose region subtag the
// rules know; nil when none has one ("en").
func regionOfLanguages(set *rules.Set, languages []string) *rules.Region {
	for _, tag := range languages {
		parts := strings.FieldsFunc(tag, func(r rune) bool { return r == '-' || r == '_' })
		for i := 1; i < len(parts); i++ {
			if len(parts[i]) != 2 {
				continue
			}
			if r := set.Region(parts[i]); r != nil {
				return r
			}
		}
	}
	return nil
}

// device is what this device says about where the person is: their
// choice of country and the browser's languages, read once. On the server,
// which only prerenders, both are empty.
var device struct {
	sync.Mutex
	read   bool
	chosen string
	langs  []string
}

func devicePlace() (chosen string, languages []string) {
	device.Lock()
	defer device.Unlock()
	if !device.read {
		device.chosen, _, _ = deviceStorage().Get(regionKey)
		device.langs, device.read = browserLanguages(), true
	}
	return device.chosen, device.langs
}

// chooseRegion keeps the person's choice of country (a code of the
// rules' regions) on the device; the next render uses it.
func chooseRegion(code string) {
	devicePlace()
	device.Lock()
	defer device.Unlock()
	device.chosen = code
	deviceStorage().Set(regionKey, code) // not kept (storage blocked): it still holds until the page closes
}

// currentEmergency is the number to dial now, and its region.
func currentEmergency() emergencyChoice {
	chosen, langs := devicePlace()
	return pickEmergency(builtinRules(), profile().EmergencyNumber, chosen, langs)
}
