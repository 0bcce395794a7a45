//go:build !wasm

package main

import (
	"net/http"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func serve() {
	http.Handle("/", &app.Handler{Name: "Hello"})
	http.ListenAndServe(":8000", nil)
}
