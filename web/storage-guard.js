// Runs before the app. When the browser blocks storage (a sandboxed or
// privacy-mode frame), touching localStorage throws, and go-app reads it at
// start-up: the app would die. Here each blocked storage is replaced by one
// in memory, and the reason is left for the app to tell the person that
// nothing can be saved. Storage that is only full stays: what is saved can
// still be read, and the app says that new entries may not be saved.
(function () {
  for (const name of ["localStorage", "sessionStorage"]) {
    let store = null;
    try {
      store = window[name];
      const probe = "aftercare.probe";
      store.setItem(probe, probe);
      store.removeItem(probe);
    } catch (err) {
      let readable = false;
      try {
        readable = !!store && (store.getItem("aftercare.probe"), true);
      } catch (ignored) {}
      if (readable && err && err.name === "QuotaExceededError") {
        window["aftercare_" + name + "_full"] = true;
        continue;
      }
      window["aftercare_" + name + "_problem"] = (err && err.name) || String(err);
      const items = new Map();
      const memory = {
        getItem: (k) => (items.has(String(k)) ? items.get(String(k)) : null),
        setItem: (k, v) => { items.set(String(k), String(v)); },
        removeItem: (k) => { items.delete(String(k)); },
        clear: () => { items.clear(); },
        key: (i) => Array.from(items.keys())[i] ?? null,
        get length() { return items.size; },
      };
      try {
        Object.defineProperty(window, name, { value: memory, configurable: true });
      } catch (ignored) {
        // Nothing more can be done; the app reports the problem.
      }
    }
  }
})();
