//go:build wasm

package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// RunInBrowser starts the app in the browser and checks for a new version on
// a timer, since go-app never checks by itself. It does not return.
func RunInBrowser() {
	startEmbedded()
	go checkForUpdates(updateInterval())
	app.RunWhenOnBrowser()
}

func updateInterval() time.Duration {
	d, err := time.ParseDuration(app.Getenv(UpdateIntervalEnvKey))
	if err != nil || d <= 0 {
		return time.Hour
	}
	return d
}

func checkForUpdates(every time.Duration) {
	for range time.Tick(every) {
		app.TryUpdate()
	}
}
