// Aftercare embed. A clinic's page includes
//   <script src="https://AFTERCARE-HOST/embed.js" async></script>
//   <div data-aftercare data-start="/check" data-height="640"></div>
// and gets Aftercare in an iframe: compact layout, an accessible title, lazy
// loading, and a height that follows the content, up and down. Messages are
// taken only from the Aftercare origin and from that iframe. If the frame
// loads but Aftercare does not say hello (the site is not allowed to embed
// it), a link to open Aftercare replaces the empty box.
//
// The frame shows the app in a language of its own: data-lang, else the
// language of data-start's address (/es/check), else the clinic's page's
// own (<html lang="es">), else the default. The server writes the title
// and the link's words in every language below; this file holds none.
(function () {
  const script = document.currentScript;
  const origin = new URL(script ? script.src : "/", location.href).origin;
  const frames = new Map();
  const waitForHelloMs = 4000;
  const words = /* the server puts the words here */ {};
  const langs = Object.keys(words.by || {});
  const supported = (l) => (langs.includes(l) ? l : "");

  // language picks the frame's language and gives its start address in it.
  function language(el, start) {
    const first = start.split("/")[1] || "";
    const prefixed = first !== words.fallback ? supported(first) : "";
    const l = supported(el.dataset.lang || "") || prefixed ||
      supported((document.documentElement.lang || "").toLowerCase().split("-")[0]) || words.fallback;
    if (l !== words.fallback && !prefixed) {
      start = "/" + l + (start === "/" ? "" : start);
    }
    return { lang: l, start: start };
  }

  function mount(el) {
    if (el.dataset.aftercareMounted) {
      return;
    }
    el.dataset.aftercareMounted = "1";
    const picked = language(el, el.dataset.start && el.dataset.start.startsWith("/") ? el.dataset.start : "/");
    const start = picked.start;
    const said = words.by[picked.lang] || {};
    const frame = document.createElement("iframe");
    frame.src = origin + start + (start.includes("?") ? "&" : "?") + "embed=1";
    frame.title = el.dataset.title || said.title || "Aftercare";
    frame.lang = picked.lang;
    frame.loading = "lazy";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms allow-downloads");
    frame.setAttribute("allow", "clipboard-write; web-share");
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = (parseInt(el.dataset.height, 10) || 640) + "px";
    frame.addEventListener("load", function () {
      setTimeout(function () {
        if (!frame.dataset.aftercareHello && frame.isConnected) {
          fallback(el, frame, origin + start, said, picked.lang);
        }
      }, waitForHelloMs);
    });
    el.appendChild(frame);
    frames.set(frame.contentWindow, frame);
  }

  // fallback puts a plain link where a frame the browser would not show
  // was.
  function fallback(el, frame, href, said, lang) {
    const p = document.createElement("p");
    p.className = "aftercare-fallback";
    const a = document.createElement("a");
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener";
    a.lang = lang;
    a.textContent = el.dataset.linkText || said.link || "Aftercare";
    p.appendChild(a);
    frame.replaceWith(p);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) {
      return;
    }
    const data = event.data;
    for (const frame of frames.values()) {
      if (frame.contentWindow !== event.source || !data) {
        continue;
      }
      if (data.type === "aftercare:hello") {
        frame.dataset.aftercareHello = "1";
      } else if (data.type === "aftercare:height" && typeof data.height === "number") {
        frame.dataset.aftercareHello = "1";
        frame.style.height = Math.max(200, Math.min(20000, Math.ceil(data.height))) + "px";
      }
    }
  });

  function mountAll() {
    document.querySelectorAll("[data-aftercare]").forEach(mount);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
