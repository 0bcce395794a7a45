package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guard runs an event handler so that a panic in it shows an error screen
// (through failed) and is logged, instead of killing the app: in go-app a
// panic that escapes freezes the page.
func guard(failed *string, h app.EventHandler) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		defer func() {
			if r := recover(); r != nil {
				*failed = fmt.Sprint(r)
				app.Logf("aftercare: recovered from a panic in an event handler: %v", r)
			}
		}()
		h(ctx, e)
	}
}
