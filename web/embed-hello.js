// Runs before the app. Inside a clinic's iframe, it tells the embedding
// page that Aftercare has loaded (nothing more), so embed.js can tell a
// working frame from one the browser refused to show, and offer a link
// instead of a broken box. The page's height follows from the app itself,
// and only to the origins the clinic's profile allows.
(function () {
  if (window.parent !== window) {
    window.parent.postMessage({ type: "aftercare:hello" }, "*");
  }
})();
