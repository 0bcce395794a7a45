//go:build wasm

package app

import (
	"errors"
	"strconv"
	"time"

	"aftercare/rules"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// RunInBrowser starts the app in the browser and checks for a new version on
// a timer, since go-app never checks by itself. It does not return.
func RunInBrowser() {
	keepAddressReadable()
	startEmbedded()
	applyAccents()
	go checkForUpdates(updateInterval())
	app.RunWhenOnBrowser()
}

func updateInterval() time.Duration {
	ms, err := strconv.Atoi(app.Getenv(UpdateIntervalEnvKey))
	if err != nil || ms <= 0 {
		return time.Hour
	}
	return time.Duration(ms) * time.Millisecond
}

func checkForUpdates(every time.Duration) {
	for range time.Tick(every) {
		app.TryUpdate()
	}
}

// LoadLanguage reads the rules in the page's language before anything
// renders: app.wasm carries neither rules nor words (each page preloads
// its language's words file beside app.wasm, and the worker precaches them
// all). If they cannot be had, it says why in the console and reports
// false: the app is then not started, and the prerendered page, which has
// every word, stays as it is, its links plain links.
func LoadLanguage() bool {
	// The rules name the languages, so the page's own is read from the
	// page: the server renders each address in its language.
	l := app.Window().Get("document").Get("documentElement").Get("lang").String()
	body, err := fetchText(BundlePath(l))
	if err == nil {
		err = rules.UseWords([]byte(body), l)
	}
	if err != nil {
		app.Log("aftercare:", BundlePath(l), err)
		if loader := app.Window().Get("document").Call("getElementById", "app-wasm-loader"); loader.Truthy() {
			loader.Call("remove")
		}
		return false
	}
	return true
}

// fetchText fetches a file of this origin and waits for its text.
func fetchText(url string) (string, error) {
	type result struct {
		text string
		err  error
	}
	done := make(chan result, 1)
	var ok, failed app.Func
	ok = app.FuncOf(func(_ app.Value, args []app.Value) any {
		done <- result{text: args[0].String()}
		return nil
	})
	failed = app.FuncOf(func(_ app.Value, args []app.Value) any {
		done <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer ok.Release()
	defer failed.Release()
	fetch := app.Window().Get("aftercareFetchText")
	if fetch.Type() != app.TypeFunction {
		return "", errors.New("web/lang.js did not load")
	}
	fetch.Invoke(url).Call("then", ok, failed)
	r := <-done
	return r.text, r.err
}
