package app

import (
	"sync"

	"aftercare/app/clinic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// lastProfile remembers the last profile read, by the JSON it came from: a
// page reads the profile many times while it renders.
var lastProfile struct {
	sync.Mutex
	raw string
	p   clinic.Profile
	err error
	ok  bool
}

// readProfile is the clinic's profile as the server hands it over in
// go-app's Env: read by the server for its prerender, and by the browser
// from the page. A profile that cannot be read gives the neutral one and an
// error, which the page shows (profileNotice) and the console logs: the
// emergency number must never change without a word.
func readProfile() (clinic.Profile, error) {
	raw := app.Getenv(clinic.EnvKey)
	lastProfile.Lock()
	defer lastProfile.Unlock()
	if !lastProfile.ok || lastProfile.raw != raw {
		lastProfile.p, lastProfile.err = clinic.Decode(raw)
		lastProfile.raw, lastProfile.ok = raw, true
	}
	return lastProfile.p, lastProfile.err
}

// profile is the clinic's profile, or the neutral one.
func profile() clinic.Profile {
	p, _ := readProfile()
	return p
}

// profileNotice says on the page that the clinic's settings could not be
// read, and logs why; nothing when they were read.
func profileNotice(l lang) app.UI {
	_, err := readProfile()
	if err == nil {
		return nil
	}
	app.Log("aftercare:", err)
	return tagClass("p", "notice").ID("profile-problem").Role("alert").Text(l.say("profile_unreadable", "number", emergencyNumber()))
}
