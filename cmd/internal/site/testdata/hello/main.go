// Command hello is the smallest go-app v10 app, built exactly as Aftercare
// is (server behind a build tag, same flags): the yardstick for app.wasm's
// size in TestWasmSize.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello, world!") }

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
	serve()
}
