// Package rules holds Aftercare's clinical content and the pure-Go logic that
// reads it: the four levels of advice and, for now, the short "get help now"
// list the home page shows before any check is run.
//
// The package imports neither go-app, syscall/js nor net/http, so the same
// code serves the WebAssembly app, the server, the CLI and the tests.
package rules
