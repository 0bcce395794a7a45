// Package app is a stand-in for go-app's pkg/app in the tests of
// cmd/goappslim: a client half and a server half behind //go:build !wasm.
package app

import "strings"

// Shout is the client half.
func Shout(s string) string { return strings.ToUpper(s) }
