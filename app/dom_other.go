//go:build !wasm

package app

// These touch the browser (dom_wasm.go): its DOM and focus, the history the
// phone's Back button walks, printing, sharing, the URL's fragment and the
// scripts a page loads. On the server, which only prerenders, there is
// nothing to do.
func markReady() {}

func afterNav() {}

func focusHeadingSoon(string) {}

func printPage() {}

func shareText(title, text string, done func(string)) { done("") }

func canShare() bool { return false }

func copyText(text string, done func(string)) { done("") }

func pushStep(historyStep) {}

func replaceStep(historyStep) {}

func atStep(historyStep) (here, prev bool) { return false, false }

func historyBack() {}

func onHistoryBack(func(historyStep)) func() { return func() {} }

func focusOn(string) {}

func locationHash() string { return "" }

func clearHash() {}

func replaceQuery(string) {}

func loadScripts([]string, string, string, string) {}
