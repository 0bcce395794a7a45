//go:build !wasm

package clinic

// checkInFull: outside the browser, Decode runs every check of the profile.
const checkInFull = true
