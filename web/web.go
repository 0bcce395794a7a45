// Package web holds Aftercare's static assets (the stylesheet, icons and
// scripts, and app.wasm with the .br files once `make` has built them) so the
// server binary carries them: `aftercare serve` needs no folder beside it.
// `aftercare serve -web DIR` serves a folder instead.
package web

import "embed"

// FS is every file of this folder, this Go file aside (the server skips
// .go files).
//
//go:embed *
var FS embed.FS
