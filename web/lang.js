// The page's language, chosen before the app loads, in this order: the
// person's own choice (the switch on every page, kept on this device), the
// clinic's language, the browser's languages. A page in a language's own
// address (/es/check) keeps its language unless the person chose another;
// the default language's addresses (/check) follow the clinic and the
// browser. When the page is in another language than the one chosen, the
// same page in that language replaces it, so what shows at once is
// already in the right language. The languages and the clinic's come from
// the page's meta tags; this script holds no words.
(function () {
  const KEY = "aftercare.lang";
  const meta = (name) => {
    const m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.content : "";
  };
  const langs = meta("aftercare-languages").split(" ").filter(Boolean);
  if (langs.length < 2) return;
  const fallback = langs[0];
  const supported = (l) => (langs.includes(l) ? l : "");

  // A link to a page in another language (the switch, the summary for the
  // doctor) loads that page in full, as app.wasm holds one language's
  // words at a time, so the app's own link handling is not asked. The
  // switch keeps the choice.
  document.addEventListener("click", (e) => {
    const a = e.target && e.target.closest && e.target.closest("a[hreflang]");
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey || a.hreflang === document.documentElement.lang) return;
    if (a.dataset.langChoice) {
      try { localStorage.setItem(KEY, a.dataset.langChoice); } catch (ignored) {}
    }
    e.stopPropagation();
  }, true);

  // A summary shown in the clinic's language for the doctor (?doctor=1)
  // stays in it, and the person's choice stays as it was.
  if (new URLSearchParams(location.search).has("doctor")) return;

  let chosen = "";
  try { chosen = supported(localStorage.getItem(KEY) || ""); } catch (ignored) {}
  let browser = "";
  for (const l of navigator.languages || [navigator.language || ""]) {
    browser = supported(String(l).toLowerCase().split("-")[0]);
    if (browser) break;
  }
  // The page's own language and its address without the prefix.
  const path = location.pathname;
  const first = path.split("/")[1] || "";
  const here = langs.includes(first) && first !== fallback ? first : fallback;
  const prefixed = here !== fallback;
  const want = chosen || (prefixed ? here : supported(meta("aftercare-clinic-language")) || browser || fallback);
  if (want === here) return;
  // One leading slash: "/es//evil.example/x" must not become the
  // address "//evil.example/x", which is another site.
  let page = "/" + (here === fallback ? path : path.slice(here.length + 1)).replace(/^[\/\\]+/, "");
  if (want !== fallback) page = "/" + want + (page === "/" ? "" : page);
  const target = new URL(page + location.search + location.hash, location.origin);
  if (target.origin === location.origin) location.replace(target.href);
})();

// For the app: the text of a file of this origin, or a rejection that says
// why (an HTTP error too). The app fetches its language's texts with it.
window.aftercareFetchText = (url) =>
  fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(url + ": HTTP " + r.status))));
