//go:build !wasm

package main

import (
	"net/http"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serve runs go-app's own handler with its defaults, as a hello world does,
// on ADDR (default :8000), serving web/app.wasm from the working directory.
func serve() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8000"
	}
	http.Handle("/", &app.Handler{Name: "Hello"})
	http.ListenAndServe(addr, nil)
}
