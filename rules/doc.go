// Package rules is Aftercare's clinical logic: the questions, the red flags
// and their groups, the four levels of advice, the likely causes, the
// recovery plans, the guide, the diary's lists and trend, the aftercare
// card, the emergency numbers by region, the search over typed words and
// every word the app shows, as data, and a pure engine that evaluates
// answers against them. Its Problem is the one shape of a problem with an
// input in Aftercare (problem.go).
//
// The data is written by people in YAML under rules/data (read by package
// rules/source, which reports every problem as file:line:col) and compiled
// by the set itself (Set.JSON, Set.BrowserJSON; `aftercare rules build`, run
// by go generate) into rules.json, which this package embeds for the server
// side, and browser.json, the same without the words, which it embeds for
// app.wasm. This package imports neither go-app, syscall/js, net/http nor a
// YAML parser, so the same code serves the WebAssembly app, the server, the
// CLI and the tests.
//
// Evaluation order: every flag whose conditions all hold applies; the most
// urgent level among them wins, and with none the level is selfcare. A flag
// may only test questions whose answers run from mild to severe, and a
// condition may only accept an answer together with every worse one, so a
// worse answer or an added symptom can never lower the level.
package rules
