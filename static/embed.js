// Lede embed script. On a page that includes it, each
//   <div data-lede-src="https://example.org/article.txt"></div>
// becomes an iframe of the Lede viewer (the copy this script was loaded from) showing that
// article in its compact embedded view, and the iframe follows the height the viewer reports.
// Optional attributes: data-lede-title (the iframe's accessible name), data-lede-height
// (initial height in pixels). It reacts only to {"lede-height": <number>} messages sent by its
// own iframes; it reads nothing else from the page.
(() => {
  const here = document.currentScript && document.currentScript.src;
  const viewer = new URL('./', here || location.href);
  const frames = new Set();

  function mount(div) {
    if (div.querySelector(':scope > iframe.lede-frame')) return;
    const url = new URL(viewer.href);
    url.searchParams.set('embed', '');
    const src = div.getAttribute('data-lede-src');
    if (src) url.searchParams.set('src', new URL(src, location.href).href);
    const frame = document.createElement('iframe');
    frame.className = 'lede-frame';
    frame.src = url.href;
    frame.title = div.getAttribute('data-lede-title') || 'Article with its timeline and the people, places and organisations it names (Lede)';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads');
    frame.setAttribute('loading', 'lazy');
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = `${Number(div.getAttribute('data-lede-height')) || 640}px`;
    div.replaceChildren(frame);
    frames.add(frame);
  }

  addEventListener('message', (e) => {
    const frame = [...frames].find((f) => f.contentWindow === e.source);
    const h = frame && e.data && typeof e.data === 'object' ? e.data['lede-height'] : undefined;
    if (typeof h !== 'number' || !Number.isFinite(h)) return;
    frame.style.height = `${Math.min(Math.max(Math.round(h), 80), 100000)}px`;
  });

  const all = () => document.querySelectorAll('[data-lede-src]').forEach(mount);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all); else all();
})();
