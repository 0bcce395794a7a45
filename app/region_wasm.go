//go:build wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// browserLanguages are navigator.languages, best first (navigator.language
// where the list is missing).
func browserLanguages() []string {
	nav := app.Window().Get("navigator")
	var out []string
	if ls := nav.Get("languages"); ls.Truthy() {
		for i := 0; i < ls.Length(); i++ {
			out = append(out, ls.Index(i).String())
		}
	}
	if l := nav.Get("language"); len(out) == 0 && l.Truthy() {
		out = append(out, l.String())
	}
	return out
}
