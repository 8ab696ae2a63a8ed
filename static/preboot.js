// Runs before the page paints (a classic script in <head>; no inline script, for a strict CSP).
// - The reader's stored theme, so a dark page never flashes light.
// - Whether this visit shows the default article the build prerendered into #lede: not with
//   ?src=, ?open= or ?embed, nor when a document is stored (the reader's own, or the default
//   article with corrections), nor on the retry after a failed hydration. Then <html> gets
//   `lede-fresh`, the stylesheet hides the prerendered markup and the viewer renders afresh.
// - The default article's analysis (articles/default.json, see src/web.js defaultAnalysis) is
//   fetched now, while the app's module and Wasm load, when the page will show it: no ?src=,
//   nothing stored (an embedded view stores nothing).
(function () {
  var html = document.documentElement;
  function get(store, key) {
    try { return window[store].getItem(key); } catch (e) { return null; }
  }
  var theme = get('localStorage', 'lede-theme');
  if (theme === 'light' || theme === 'dark') html.setAttribute('data-theme', theme);
  var q = new URLSearchParams(location.search);
  var stored = get('localStorage', 'lede.current');
  if (q.has('src') || q.has('open') || q.has('embed') || stored || get('sessionStorage', 'lede-fresh')) {
    html.classList.add('lede-fresh');
  }
  if (!q.has('src') && (q.has('embed') || !stored) && window.fetch) {
    window.LEDE_DEFAULT = fetch('articles/default.json').then(function (r) { return r.ok ? r.text() : null; }, function () { return null; });
  }
})();
