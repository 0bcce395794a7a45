package site

import (
	"bytes"
	"fmt"
	"html"
	"sort"

	ui "aftercare/app"
)

// finishPage adds to a prerendered page what go-app cannot: the
// addresses of the same page in the other languages (hreflang alternates,
// x-default being the default language's), a preload of its language's
// words for app.wasm and of app.wasm itself, and, on a page in another
// language than the default, the manifest of that language, so the
// installed app starts and names itself in the language it was installed
// from, and no boolean attribute written "false" (dropFalseBooleans).
// go-app's app.js registers the worker later (workerLater); its
// other files come back as they are.
func (s *Site) finishPage(path string, body []byte) []byte {
	if path == "/app.js" {
		return workerLater(body)
	}
	r := ui.RouteFor(path)
	if r.Path != path {
		return body
	}
	body = dropFalseBooleans(body)
	alt := ui.Alternates(r.Page)
	locales := make([]string, 0, len(alt))
	for l := range alt {
		locales = append(locales, l)
	}
	sort.Strings(locales)
	var links bytes.Buffer
	for _, l := range locales {
		fmt.Fprintf(&links, `<link rel="alternate" hreflang="%s" href="%s">`, l, html.EscapeString(s.cfg.BaseURL+alt[l]))
	}
	fmt.Fprintf(&links, `<link rel="alternate" hreflang="x-default" href="%s">`, html.EscapeString(s.cfg.BaseURL+r.Page))
	// app.wasm fetches the words of the page's language before it starts:
	// they download beside it. app.wasm itself is fetched by app.js only
	// once the deferred scripts have run; preloaded, it starts with them.
	fmt.Fprintf(&links, `<link rel="preload" href="%s" as="fetch" crossorigin="anonymous">`, ui.BundlePath(r.Lang))
	fmt.Fprintf(&links, `<link rel="preload" href="%s" as="fetch" crossorigin="anonymous">`, webResolver{}.Resolve("/web/"+wasmName))
	body = bytes.Replace(body, []byte("</head>"), append(links.Bytes(), "</head>"...), 1)
	if m := manifestPath(r.Lang); m != defaultManifest {
		body = bytes.Replace(body, []byte(`href="`+defaultManifest+`"`), []byte(`href="`+m+`"`), 1)
	}
	return body
}

const defaultManifest = "/manifest.webmanifest"

// manifestPath is where the manifest of a language is served: the default
// language's at go-app's address, the others' under their prefix.
func manifestPath(lang string) string {
	if lang == ui.DefaultLang() {
		return defaultManifest
	}
	return "/" + lang + defaultManifest
}
