//go:build wasm

package clinic

// checkInFull: in the browser, Decode checks that the profile reads and
// that its emergency number is one to dial; the server checked the rest.
const checkInFull = false
