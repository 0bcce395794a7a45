// Command aftercare is Aftercare in one program, built twice: for the browser
// (GOOS=js GOARCH=wasm, into web/app.wasm), where it runs the app, and for the
// server, where its CLI serves the site (package cmd/internal/site, with the
// assets built in), exports it as static files, and checks and compiles the
// clinical rules.
//
// The CLI sits in files behind the !wasm build tag, so net/http's server and
// go-app's Handler are not linked into app.wasm.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:]))
}
