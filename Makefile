SHELL := /bin/bash

# Aftercare. The two commands: `make run` serves the app at
# http://localhost:8080, `make test` checks everything CI checks.

GO      ?= go
ADDR    ?= localhost:8080
WASM    := web/app.wasm
BIN     := bin/aftercare
# The race detector needs cgo; use it where a C compiler is present.
RACE    := $(shell $(GO) env CGO_ENABLED | grep -q 1 && command -v gcc >/dev/null && echo -race)

.PHONY: all build wasm server compress run static test fmt vet lint unit e2e chromium nginx clean rules bench

all: build

build: server

# The app, for the browser. Our server code sits behind //go:build !wasm;
# go-app's sits behind it in a copy of the pinned module that only this
# build uses (cmd/goappslim writes it, checked against go.sum, and the
# wasm.mod that points to it, then fails if the browser build of go-app or
# of the app holds a server package). The server build uses go.mod as it is.
SLIM    := .cache/wasm/wasm.mod

$(SLIM): go.mod go.sum $(wildcard cmd/goappslim/*.go)
	$(GO) run ./cmd/goappslim -go $(GO) -out .cache/wasm ./cmd/aftercare

# Inlining is off for all but the runtime: the page-building code is long
# chains of small calls that gain nothing from it at run time, and the file
# is smaller after brotli (make bench shows the figures).
WASMGC  := -gcflags=all=-l -gcflags=runtime=

wasm: $(SLIM)
	GOOS=js GOARCH=wasm $(GO) build -modfile $(SLIM) -trimpath $(WASMGC) -ldflags="-s -w" -o $(WASM) ./cmd/aftercare

# The same program, for the server, built with the same toolchain (it serves
# that toolchain's wasm_exec.js). It carries web/ (package web embeds it),
# so app.wasm and the brotli files beside the assets come first: these are
# made at the best (slow) quality, and only what changed is compressed
# again. The server serves them where they match.
server: wasm
	$(GO) run ./cmd/aftercare compress web
	$(GO) build -trimpath -buildvcs=auto -o $(BIN) ./cmd/aftercare

compress: server

run: build
	$(BIN) serve -addr $(ADDR)

# Every route and asset as files for a static host, in dist/.
static: build
	rm -rf dist
	$(BIN) static -out dist

test: fmt vet lint unit wasm compress chromium nginx e2e

fmt:
	@out=$$(gofmt -l app rules cmd); if [ -n "$$out" ]; then echo "gofmt: these files need gofmt -w:"; echo "$$out"; exit 1; fi
	$(GO) mod tidy -diff

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./rules/... ./cmd/aftercare ./web

# staticcheck, pinned by go.mod's tool directive (go get -tool) and run
# with go tool, for the server and for the browser build. For the browser
# build the tool is built for this machine (go tool -n names it) and run
# with GOOS=js GOARCH=wasm: go tool would build it for WebAssembly.
lint:
	$(GO) tool staticcheck ./...
	GOOS=js GOARCH=wasm $$($(GO) tool -n staticcheck) ./app/... ./rules/... ./cmd/aftercare ./web

# The safety sweep over the answer space is pure computation: the race
# detector finds nothing there and makes it ten times slower, so it runs
# once without it.
SWEEP   := ^TestWorseAnswersNeverLowerTheLevel$$

unit:
	$(GO) test $(RACE) -count=1 -timeout 20m -skip '$(SWEEP)' ./...
	$(GO) test -count=1 -run '$(SWEEP)' ./rules

# Browser tests (Chromium through chromedp), the load tests against the real
# binary and the size checks of the built app.wasm. They skip unless
# AFTERCARE_E2E=1, so this runs, with it set and no -run pattern, every test
# of the packages whose tests read it: no test is left out for its name. The
# unit tests of those packages run here again (about half a minute).
# axe-core is fetched from the npm registry into .cache/ by the tests.
E2E_PKGS = $(sort $(patsubst %/,./%,$(dir $(shell grep -rl --include='*_test.go' AFTERCARE_E2E app rules cmd web))))

e2e:
	AFTERCARE_E2E=1 $(GO) test -count=1 -timeout 20m -v $(E2E_PKGS) 2>&1 | \
		grep -v '^=== \(RUN\|PAUSE\|CONT\)'; exit $${PIPESTATUS[0]}

# Chromium for the browser tests: installed with apt-get when missing and
# allowed (root), otherwise one line saying what to install.
chromium:
	@if [ -n "$$CHROMIUM" ] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null; then \
		exit 0; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "make: installing Chromium for the browser tests (apt-get install chromium)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "make test needs Chromium for its browser tests: install it (sudo apt-get install chromium) or set CHROMIUM=/path/to/chrome" >&2; \
		exit 1; \
	fi

# nginx with the brotli_static module, for the test that serves the static
# export with the shipped nginx example: installed with apt-get when missing
# and allowed (root; the service is not started), otherwise one line saying
# what to install.
NGINX_BROTLI := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so

nginx:
	@if { [ -n "$$NGINX" ] || command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; } && [ -e $(NGINX_BROTLI) ]; then \
		exit 0; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "make: installing nginx for the static-export test (apt-get install nginx libnginx-mod-http-brotli-static)"; \
		made=""; if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made=1; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null; status=$$?; \
		if [ -n "$$made" ]; then rm -f /usr/sbin/policy-rc.d; fi; exit $$status; \
	else \
		echo "make test needs nginx with the brotli_static module for its static-export test: install it (sudo apt-get install nginx libnginx-mod-http-brotli-static) or set NGINX=/path/to/nginx" >&2; \
		exit 1; \
	fi

# Measurements, not tests, in one run: app.wasm raw, gzip and brotli as
# shipped and with go-app as published, beside the hello world built both
# ways; cold load on Slow 4G with a 4x slower CPU, and offline reload, for
# the app before and after the patch and the hello world (two tables); the
# code of each Go package in app.wasm (from its name section); then
# requests per second beside http.FileServer; the search box's time on the
# phone profile. The README has the tables.
# BASELINE=DIR (a checkout of an earlier commit after `make server`) adds
# the cold load of its build beside this one's.
bench: wasm compress chromium
	@AFTERCARE_E2E=1 AFTERCARE_BENCH=1 AFTERCARE_BASELINE=$(BASELINE) $(GO) test -count=1 -timeout 30m -run '^TestBench(Report|WasmPackages|Baseline)$$' -v ./cmd/internal/site | grep -v '^\(=== RUN\|--- PASS\|PASS\|ok \)'
	AFTERCARE_E2E=1 $(GO) test -run '^$$' -bench 'Serve' -benchtime 3s ./cmd/internal/site
	AFTERCARE_E2E=1 $(GO) test -run '^$$' -bench 'SearchInBrowser' -benchtime 40x ./cmd/internal/site

clean:
	rm -rf bin dist $(WASM) web/*.br web/lang/*.br .cache

# The rules built from the YAML in rules/data: rules/rules.json (the
# server's), rules/browser.json (app.wasm's) and web/lang/*.json (each
# language's words, served as they are). The tests fail when any is out of
# date.
rules:
	$(GO) generate ./rules
