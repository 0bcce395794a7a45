//go:build !wasm

package app

// markReady, afterNav and focusHeadingSoon touch the browser's DOM; on the
// server, which only prerenders, there is nothing to do.
func markReady() {}

func afterNav() {}

func focusHeadingSoon(string) {}

func printPage() {}

func shareText(title, text string, done func(string)) { done("") }

func canShare() bool { return false }

func copyText(text string, done func(string)) { done("") }

func pushStep(int) {}

func onHistoryBack(func(int)) func() { return func() {} }

func focusOn(string) {}

func locationHash() string { return "" }

func clearHash() {}

func loadScripts([]string, string, string, string) {}
