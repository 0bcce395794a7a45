// Package app holds Aftercare's go-app components: the pages a person sees and
// the frame around them. It renders what package rules says and reacts to what
// the person does; it decides nothing clinical itself.
//
// The same components run in two places: on the server, which prerenders each
// route so the page is readable before the WebAssembly arrives, and in the
// browser, where they take over once app.wasm has loaded. Code that touches
// the browser directly lives in *_wasm.go files so the rest tests natively.
//
// go-app's own package is also called app; inside this package the name app
// refers to go-app.
package app
