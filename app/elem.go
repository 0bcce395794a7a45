package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The app builds every element with app.Elem (app.ElemSelfClosing for
// input, img and br) rather than go-app's constructor of each kind
// (app.Div, app.P ...): each kind is its own Go type whose methods
// (Class, Text, Body ...) are linked into app.wasm once per kind, so one
// type for all of them makes the file smaller (README: app.wasm). The tag
// is the same, so the page and its meaning are too. Attributes go-app has
// a method for on one kind only (href, type, for ...) are set with Attr,
// which is what those methods do.

// tagText is an element holding the text v.
func tagText(tag string, v any) app.HTMLElem { return app.Elem(tag).Text(v) }

// tagClass is an element of the class.
func tagClass(tag, class string) app.HTMLElem { return app.Elem(tag).Class(class) }
