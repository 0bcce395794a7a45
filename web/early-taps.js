// Runs before the app. Until app.wasm is ready, the check's answers and
// its Start are plain forms the server answers; the only control that
// sends nothing by itself is "Who is this check for?". A choice there is
// written into the address (check-for=for-other), which the app reads
// once it is ready, so the tap is not lost when the app redraws the page.
// This script holds no words.
(function () {
  document.addEventListener("change", (e) => {
    const input = e.target;
    if (document.documentElement.hasAttribute("data-app-ready") || !input || input.name !== "check-for") return;
    const url = new URL(location.href);
    url.searchParams.set("check-for", input.value);
    history.replaceState(history.state, "", url);
  });
})();
