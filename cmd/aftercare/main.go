// Command aftercare is Aftercare in one program, built twice: for the browser
// (GOOS=js GOARCH=wasm, into web/app.wasm), where it runs the app, and for the
// server, where it serves the app and its assets and exports a static site.
//
// Server and CLI code sit in files behind the !wasm build tag, so net/http's
// server and go-app's Handler are not linked into app.wasm.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:]))
}
