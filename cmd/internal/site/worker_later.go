package site

import "bytes"

// go-app's app.js registers the service worker first thing, and the
// worker's install downloads every page and file, app.wasm too: on a
// first visit over a slow link the two downloads of app.wasm share it, and
// the app is ready far later. workerLater edits app.js so that the worker
// is registered once the app is ready (data-app-ready on <html>), or 30
// seconds after the page has loaded if the app never is; the worker's
// install then finds app.wasm in the HTTP cache (app-worker.js revalidates
// rather than reloads), so it is downloaded once. A new version the
// browser found on this load, before the page listened, is told to go-app
// (goappOnUpdate) once it is active.
func workerLater(appJS []byte) []byte {
	return bytes.Replace(appJS, []byte(registerNow), []byte(registerLater), 1)
}

// registerNow is go-app's call, alone on its line near the top of app.js.
const registerNow = "\ngoappInitServiceWorker();\n"

const registerLater = `
aftercareRegisterWorkerWhenReady();

// Aftercare: see cmd/internal/site/worker_later.go.
function aftercareRegisterWorkerWhenReady() {
  let done = false;
  const register = async () => {
    if (done) {
      return;
    }
    done = true;
    await goappInitServiceWorker();
    // A new version found since the page loaded (the browser checks on
    // each load) was found before go-app listened: tell it now.
    const r = goappServiceWorkerRegistration;
    const controller = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!r || !controller) {
      return;
    }
    const pending = r.installing || r.waiting;
    if (pending) {
      pending.addEventListener("statechange", () => {
        if (pending.state === "activated") {
          goappOnUpdate();
        }
      });
    } else if (r.active && r.active !== controller) {
      goappOnUpdate();
    }
  };
  const root = document.documentElement;
  if (root.hasAttribute("data-app-ready")) {
    register();
    return;
  }
  new MutationObserver((_, observer) => {
    if (root.hasAttribute("data-app-ready")) {
      observer.disconnect();
      register();
    }
  }).observe(root, { attributes: true, attributeFilter: ["data-app-ready"] });
  addEventListener("load", () => setTimeout(register, 30000));
}
`
