// Runs before the app. Until app.wasm is ready, the check's answers and
// its Start are plain forms the server answers, and two taps need help:
// - "Who is this check for?" sends nothing by itself: a choice there is
//   written into the address (check-for=for-other), which the app reads
//   once it is ready, so the tap is not lost when the app redraws the page.
// - On a static host (the page says so: aftercare-static), "?start=1"
//   would only bring the intro back: Start writes it into the address for
//   the app instead, and shows the page's own "still loading" line.
// This script holds no words.
(function () {
  const ready = () => document.documentElement.hasAttribute("data-app-ready");
  const keep = (params) => {
    const url = new URL(location.href);
    for (const [k, v] of params) url.searchParams.set(k, v);
    history.replaceState(history.state, "", url);
  };
  document.addEventListener("change", (e) => {
    const input = e.target;
    if (ready() || !input || input.name !== "check-for") return;
    keep([["check-for", input.value]]);
  });
  if (!document.querySelector('meta[name="aftercare-static"]')) return;
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (ready() || !form || form.id !== "first-answers" || !document.getElementById("start-wait")) return;
    e.preventDefault();
    let data;
    try {
      data = new FormData(form, e.submitter); // the tapped answer too
    } catch (ignored) {
      data = new FormData(form); // browsers without the submitter argument: Start has none
    }
    keep(data);
    document.getElementById("start-wait").hidden = false;
    if (e.submitter) e.submitter.disabled = true;
  });
})();
