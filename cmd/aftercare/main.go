// Command aftercare is Aftercare in one program, built twice: for the browser
// (GOOS=js GOARCH=wasm, into web/app.wasm), where it runs the app, and for the
// server, where its CLI serves the site (package cmd/internal/site, with the
// assets built in), exports it as static files, compresses the assets,
// checks, compiles and searches the clinical rules, writes the rules book
// and gives the advice for a set of answers (triage).
//
// The program is one Main, run by main with the process's arguments and
// streams, and by the tests with their own. Its Run for the server sits in
// files behind the !wasm build tag (cli.go), so net/http's server and
// go-app's Handler are not linked into app.wasm; run_wasm.go's starts the
// app.
package main

import (
	"context"
	"io"
	"os"
)

// Main is the program, with the streams its commands read and write.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

func main() {
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	os.Exit(m.Run(context.Background(), os.Args[1:]))
}
