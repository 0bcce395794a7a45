// Package rules is Aftercare's clinical logic: the questions, the red flags
// and their groups, the four levels of advice, the likely causes, the
// recovery plans, the guide, the diary's lists and trend, the aftercare
// card, the emergency numbers by region, the search over typed words and
// every word the app shows, as data, and a pure engine that evaluates
// answers against them. Its Problem is the one shape of a problem with an
// input in Aftercare (problem.go).
//
// The data is written by people in YAML under rules/data (read by package
// rules/source, which reports every problem as file:line:col) and built by
// `aftercare rules build` or `go generate ./rules` (Set.Build) into
// rules.json, which this package embeds for the server, the CLI and the
// tests; browser.json, the rules as the browser has them (no flag sources,
// no words, their conditions parsed: Cond); and one words file per
// language (web/lang/LANG.json): browser.json with that language's texts,
// which the server serves as it is and app.wasm reads (ParseWords), so
// app.wasm carries no rules of its own. This package imports neither
// go-app, syscall/js, net/http nor a YAML parser, so the same code serves the
// WebAssembly app, the server, the CLI and the tests.
//
// Evaluation order: every flag whose conditions all hold applies; the most
// urgent level among them wins, and with none the level is selfcare. A flag
// may only test questions whose answers run from mild to severe, and a
// condition may only accept an answer together with every worse one, so a
// worse answer or an added symptom can never lower the level.
package rules
