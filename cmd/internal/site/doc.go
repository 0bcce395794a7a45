// Package site is Aftercare's web site, for the server: the configuration,
// the HTTP handler (every page prerendered once and served from memory,
// compressed, with strict security headers), the assets (built in from
// package web, or a folder; each language's words among them, served as
// `aftercare rules build` wrote them), the manifest, sitemap and service worker, the
// static export for any host, and the server's run loop with its graceful
// shutdown. The browser never imports it: app.wasm is package app.
package site
