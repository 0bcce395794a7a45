//go:build !wasm

package app

import "net/http"

// Handler is the server half.
type Handler struct{ http.Handler }
