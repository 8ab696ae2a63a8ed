// Runs before the page paints (a classic script in <head>; no inline script, for a strict CSP).
// - The reader's stored theme, so a dark page never flashes light.
// - Whether this visit shows the default article the build prerendered into #lede: not with
//   ?src=, ?open= or ?embed, nor when a document is stored (the reader's own, or the default
//   article with corrections), nor on the retry after a failed hydration. Then <html> gets
//   `lede-fresh`, the stylesheet hides the prerendered markup and the viewer renders afresh.
(function () {
  var html = document.documentElement;
  function get(store, key) {
    try { return window[store].getItem(key); } catch (e) { return null; }
  }
  var theme = get('localStorage', 'lede-theme');
  if (theme === 'light' || theme === 'dark') html.setAttribute('data-theme', theme);
  var q = new URLSearchParams(location.search);
  if (q.has('src') || q.has('open') || q.has('embed') || get('localStorage', 'lede.current') || get('sessionStorage', 'lede-fresh')) {
    html.classList.add('lede-fresh');
  }
})();
