// Aftercare embed. A clinic's page includes
//   <script src="https://AFTERCARE-HOST/embed.js" async></script>
//   <div data-aftercare data-start="/check" data-height="640"></div>
// and gets Aftercare in an iframe: compact layout, an accessible title, lazy
// loading, and a height that follows the content, up and down. Messages are
// taken only from the Aftercare origin and from that iframe. If the frame
// loads but Aftercare does not say hello (the site is not allowed to embed
// it), a link to open Aftercare replaces the empty box.
(function () {
  const script = document.currentScript;
  const origin = new URL(script ? script.src : "/", location.href).origin;
  const frames = new Map();
  const waitForHelloMs = 4000;

  function mount(el) {
    if (el.dataset.aftercareMounted) {
      return;
    }
    el.dataset.aftercareMounted = "1";
    const start = el.dataset.start && el.dataset.start.startsWith("/") ? el.dataset.start : "/";
    const frame = document.createElement("iframe");
    frame.src = origin + start + (start.includes("?") ? "&" : "?") + "embed=1";
    frame.title = el.dataset.title || "Aftercare: a check for back pain after a massage";
    frame.loading = "lazy";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms allow-downloads");
    frame.setAttribute("allow", "clipboard-write; web-share");
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = (parseInt(el.dataset.height, 10) || 640) + "px";
    frame.addEventListener("load", function () {
      setTimeout(function () {
        if (!frame.dataset.aftercareHello && frame.isConnected) {
          fallback(el, frame, origin + start);
        }
      }, waitForHelloMs);
    });
    el.appendChild(frame);
    frames.set(frame.contentWindow, frame);
  }

  // fallback puts a plain link where a frame the browser would not show
  // was.
  function fallback(el, frame, href) {
    const p = document.createElement("p");
    p.className = "aftercare-fallback";
    const a = document.createElement("a");
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener";
    a.textContent = el.dataset.linkText || "Open Aftercare: check your back pain after a massage";
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
