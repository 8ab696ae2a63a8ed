// The viewer's JavaScript helpers, bound from src/web.rs. A module file rather than inline
// script, so the page runs under a CSP without 'unsafe-inline'.

/** Save `text` as a file named `name`. */
export function download(name, type, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: type + ';charset=utf-8' }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

// Marks by entity id, built when the page is idle after a document renders; a selection then
// touches only its own marks. Null until built (or after a new document).
let byEntity = null;
let marked = [];

function build() {
  byEntity = new Map();
  for (const el of document.querySelectorAll('mark[data-entity]')) {
    const id = el.dataset.entity;
    const list = byEntity.get(id);
    if (list) list.push(el); else byEntity.set(id, [el]);
  }
}

/** The article's marks changed: rebuild the index when the page is idle. */
export function indexMarks() {
  for (const el of marked) el.removeAttribute('data-selected');
  marked = [];
  current = null;
  byEntity = null;
  (window.requestIdleCallback || setTimeout)(() => { if (!byEntity) build(); });
}

let current = null;

/** Put `data-selected` on the marks of entity `id` (none when null) and take it off the others. */
export function markSelected(id) {
  if (id === current) return;
  current = id;
  for (const el of marked) el.removeAttribute('data-selected');
  let list = id && byEntity ? byEntity.get(id) || [] : null;
  // A mark re-created since the index was built: search afresh for this entity.
  if (id && (!list || !list.every((el) => el.isConnected))) {
    list = Array.from(document.querySelectorAll(`mark[data-entity="${CSS.escape(id)}"]`));
    if (byEntity) byEntity.set(id, list);
  }
  marked = list || [];
  for (const el of marked) el.setAttribute('data-selected', '');
}

/**
 * The reader chose entity `id`: mark it now, in the input's own task, so the marks show in the
 * very next frame (choosing the marked entity again clears, as the selection reducer does).
 */
export function toggleMarked(id) {
  markSelected(id === current ? null : id);
}

// The URL fragment follows the selection, written after the frame that shows the selection has
// painted (pushState is slow enough to delay that frame). Back/forward drops a pending write.
let pendingHash = null;
addEventListener('popstate', () => { pendingHash = null; }, true);

function writeHash() {
  const hash = pendingHash;
  pendingHash = null;
  if (hash === null || hash === location.hash) return;
  history.pushState(null, '', hash || location.pathname + location.search);
}

/** Set the URL fragment to `hash` ('' for none) once the next frame has painted. */
export function setHashSoon(hash) {
  const scheduled = pendingHash !== null;
  pendingHash = hash;
  if (!scheduled) requestAnimationFrame(() => setTimeout(writeHash, 0));
}

// Analysis runs in a Web Worker (worker.js) that loads the engine's module (engine/lede.js, from
// crates/lede-wasm) on first use: the viewer's own Wasm carries no analysis. Where no worker can
// start (a standalone file opened from disk, a browser without module workers), the same
// analysis (analysis.js) runs on the page instead: slower to stay responsive, but nothing is lost.
let worker = null;
let nextId = 1;
const waiting = new Map();
let pageAnalyser = null;

function engineUrl(file) {
  return new URL(file, document.baseURI).href;
}

function startWorker() {
  if (worker !== null) return worker;
  if (globalThis.LEDE_STANDALONE) return (worker = undefined);
  try {
    worker = new Worker(engineUrl('worker.js'), { type: 'module' });
  } catch {
    return (worker = undefined);
  }
  worker.onmessage = ({ data }) => {
    const job = waiting.get(data.id);
    if (!job) return;
    if ('progress' in data) return job.progress(data.progress);
    waiting.delete(data.id);
    if ('error' in data) job.reject(new Error(data.error)); else job.resolve(data.ok);
  };
  // The worker could not load: finish what it was given on the main thread.
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    worker = undefined;
    const jobs = [...waiting.values()];
    waiting.clear();
    for (const job of jobs) onMainThread(job.message, job.progress).then(job.resolve, job.reject);
  };
  return worker;
}

/** The analysis on this page (a standalone file brings its own copies of the modules). */
async function onMainThread(message, progress) {
  pageAnalyser ||= import(globalThis.LEDE_ANALYSIS || engineUrl('analysis.js')).then((m) => m.analyser({
    engine: globalThis.LEDE_ENGINE || m.moduleLoader(engineUrl('engine/lede.js')),
    // A standalone file carries no page reader: its pages go to the engine's own HTML import.
    pages: globalThis.LEDE_STANDALONE ? () => Promise.reject(new Error('no page reader here')) : m.moduleLoader(engineUrl('engine/html.js')),
  })).catch((e) => {
    pageAnalyser = null;
    throw new Error(`The analysis engine could not be loaded (${(e && e.message) || e}). Check your connection and try again.`);
  });
  return (await pageAnalyser)(message, progress);
}

function ask(message, progress = () => {}) {
  const w = startWorker();
  if (!w) return onMainThread(message, progress);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject, progress, message });
    w.postMessage({ ...message, id });
  });
}

/**
 * The default article's analysis from the build (lede/1 JSON text), or null: the fetch the boot
 * script started early (scripts/externalize-boot.mjs) when there is one, else a new one.
 */
export function defaultAnalysis(url) {
  const early = globalThis.LEDE_DEFAULT;
  globalThis.LEDE_DEFAULT = undefined;
  return early || fetch(url).then((r) => (r.ok ? r.text() : null), () => null);
}

// Prerendered markup (the build's `lede-prerender` writes the default article into #lede with
// `data-prerendered`). static/preboot.js, before the page paints, puts `lede-fresh` on <html>
// when this visit shows something else (?src=, ?open=, ?embed, a stored document, or a retry
// after a failed hydration); the stylesheet then hides that markup.
let hydratingNow = false;

/** The prerender's key on `root` when this visit hydrates the markup, else null. */
export function prerendered(root) {
  if (!root.hasAttribute('data-prerendered') || document.documentElement.classList.contains('lede-fresh')) return null;
  return root.getAttribute('data-prerendered');
}

/** Empty `root` of prerendered markup this visit does not show, before a fresh render. */
export function clearPrerendered(root) {
  if (root.hasAttribute('data-prerendered')) {
    root.replaceChildren();
    root.removeAttribute('data-prerendered');
  }
  document.documentElement.classList.remove('lede-fresh');
  try { sessionStorage.removeItem('lede-fresh'); } catch {}
}

export function hydrating(on) {
  hydratingNow = on;
  if (on) performance.mark('lede-hydrate-start');
}

/** Resolves once the page has painted (the prerendered article shows before hydration's work). */
export function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function hydrationDone() {
  hydratingNow = false;
  document.documentElement.setAttribute('data-hydrated', '');
  try { performance.measure('lede-hydrate', 'lede-hydrate-start'); } catch {}
}

/**
 * Called by the panic hook. A panic while hydrating means the markup and the first render
 * differ: reload once with a flag that makes the next visit render afresh (true). A second
 * failure, or any other panic, shows the error panel instead (false).
 */
export function retryWithoutHydration(detail) {
  if (!hydratingNow) return false;
  hydratingNow = false;
  console.warn(`Lede: the prerendered page could not be hydrated (${detail}); rendering it afresh.`);
  try {
    if (sessionStorage.getItem('lede-fresh')) return false;
    sessionStorage.setItem('lede-fresh', '1');
  } catch {
    return false;
  }
  location.reload();
  return true;
}

/** Start loading the engine before it is needed (the reader opened the Open dialog). */
export function warmEngine() {
  ask({ op: 'warm' }).catch(() => {});
}

/**
 * Read and analyse a document: `bytes` of a file named `name`, dates resolved against `date`
 * (YYYY-MM-DD, or empty for the document's own dateline). Resolves to the lede/1 JSON text;
 * rejects with an Error whose message is for the reader. `progress(share)` reports the work done.
 */
export function analyze(name, bytes, date, corrections, progress) {
  return ask({ op: 'annotate', name, bytes: bytes.slice(), date, corrections }, progress);
}

/**
 * The lede/1 JSON text `json` with `corrections` (a JSON list) applied by the engine; with
 * `strict`, rejects with an Error saying why a new correction cannot be made.
 */
export function correct(json, corrections, strict) {
  return ask({ op: 'correct', json, corrections, strict });
}

/** The lede/1 JSON text `json` as `format` (a name in the engine's export registry). */
export function exportDocument(json, format, source, docid) {
  return ask({ op: 'export', json, format, source, docid });
}

/** The publication date a text gives itself (YYYY-MM-DD), or null. */
export function findDateline(text) {
  return ask({ op: 'dateline', text });
}

/** Put `src` in the page's query (`?src=`), or take it out, without a new history entry. */
export function setQuerySrc(src) {
  const u = new URL(location.href);
  if (src) u.searchParams.set('src', src); else u.searchParams.delete('src');
  if (u.href !== location.href) history.replaceState(history.state, '', u.href);
}

/** This page's address without `embed`: the full viewer on the same document. */
export function fullViewUrl() {
  const u = new URL(location.href);
  u.searchParams.delete('embed');
  return u.href;
}

/**
 * In an iframe: tell the parent page this page's height, now and after every change, in each
 * format embedders listen for (Pym.js, Datawrapper, Flourish, AMP, and Lede's own).
 */
export function postHeightOnResize() {
  if (window.parent === window) return;
  const params = new URLSearchParams(location.search);
  const pymId = params.get('childId');
  let last = -1;
  const post = () => {
    const app = document.querySelector('.app') || document.body;
    const height = Math.ceil(app.getBoundingClientRect().height);
    if (height === last || height === 0) return;
    last = height;
    const p = window.parent;
    p.postMessage({ 'lede-height': height }, '*');
    p.postMessage({ 'datawrapper-height': { [params.get('id') || 'lede']: height } }, '*');
    p.postMessage({ sender: 'Flourish', context: 'iframe.resize', method: 'resize', height, src: location.href }, '*');
    p.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    if (pymId) p.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*');
  };
  new ResizeObserver(post).observe(document.querySelector('.app') || document.body);
  addEventListener('load', post);
  post();
}

/** The address of the viewer's folder (where index.html is). */
export function viewerBase() {
  return new URL('./', location.href).href;
}

/** The document a standalone file carries (a Source as JSON), if this page is one. */
export function standaloneSource() {
  const s = globalThis.LEDE_STANDALONE;
  return s && s.source ? JSON.stringify(s.source) : undefined;
}

/**
 * Save the viewer with the document `sourceJson` as one HTML file named `name`. In a
 * standalone file the viewer's files are already in the page; otherwise they are fetched.
 */
export async function downloadStandalone(sourceJson, title, name) {
  const s = globalThis.LEDE_STANDALONE;
  let builder, payload;
  if (s) {
    builder = await import(s.builder);
    payload = s.payload;
  } else {
    const builderUrl = engineUrl('standalone.js');
    builder = await import(builderUrl);
    const read = async (path, binary) => {
      const r = await fetch(engineUrl(path));
      if (!r.ok) throw new Error(`${path} answered HTTP ${r.status}`);
      return binary ? new Uint8Array(await r.arrayBuffer()) : r.text();
    };
    payload = await builder.collect(read, document.head.outerHTML, await read('standalone.js', false));
  }
  download(name, 'text/html', builder.assemble(payload, JSON.parse(sourceJson), title));
}

/** Focus the first element matching `selector` (SVG marks included); whether it took focus. */
export function focusFirst(selector) {
  const el = document.querySelector(selector);
  if (!el) return false;
  el.focus();
  return document.activeElement === el;
}

/** Call `f` when Escape is pressed anywhere outside an open dialog (which Escape closes);
 *  returns the function that removes the listener. */
export function onEscape(f) {
  const h = (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) f();
  };
  document.addEventListener('keydown', h);
  return () => document.removeEventListener('keydown', h);
}

/** Call `f(key)` for a plain key pressed outside text fields and open dialogs (no modifier);
 *  returns the function that removes the listener. */
export function onPlainKey(f) {
  const h = (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) return;
    const t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    f(e.key);
  };
  document.addEventListener('keydown', h);
  return () => document.removeEventListener('keydown', h);
}

/** Scroll the timeline chart sideways so that the element `selector` inside it is in view
 *  (the page itself does not move). `toStart` scrolls the chart back to its start instead. */
export function scrollChart(selector, toStart) {
  const pane = document.querySelector('.tl-scroll');
  if (!pane) return;
  if (toStart) { pane.scrollLeft = 0; return; }
  const el = pane.querySelector(selector);
  if (!el) return;
  const p = pane.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (r.left < p.left || r.left + 40 > p.right) pane.scrollLeft += r.left - (p.left + p.width / 3);
}

/** In a window the "Open in Lede" bookmarklet opened (`?open=page`): tell the page that opened
 *  it that Lede is ready, then call `got(url, html)` once with the page it sends. Only a message
 *  from that window (window.opener), in the one expected shape ({type: 'lede:page', html, url}
 *  with an http(s) address), is taken; anything else is ignored. Without an opener, or with no
 *  page after 15 s, `none()` is called instead. */
export function receiveOpenerPage(got, none) {
  const opener = window.opener;
  if (!opener) return none();
  let done = false;
  const h = (e) => {
    const d = e.data;
    if (done || e.source !== opener || !d || typeof d !== 'object' || Object.keys(d).length !== 3) return;
    if (d.type !== 'lede:page' || typeof d.html !== 'string' || typeof d.url !== 'string') return;
    if (d.html.length > 64 * 1048576 || !/^https?:\/\/[^\s]+$/i.test(d.url)) return;
    done = true;
    removeEventListener('message', h);
    got(d.url, d.html);
  };
  addEventListener('message', h);
  setTimeout(() => {
    if (!done) {
      done = true;
      removeEventListener('message', h);
      none();
    }
  }, 15000);
  opener.postMessage({ type: 'lede:ready' }, '*');
}

/** Call `f(text)` when the reader's selection in the article changes: the selected text when
 *  it lies inside the article and is one line of 1 to 100 characters, else ''. Returns the
 *  function that removes the listener. */
export function onSelectionText(f) {
  let timer = 0;
  let last = '';
  const h = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const sel = document.getSelection();
      const article = document.querySelector('article.article');
      let text = '';
      if (sel && !sel.isCollapsed && article && article.contains(sel.anchorNode) && article.contains(sel.focusNode)) {
        const t = sel.toString().trim();
        if (t.length >= 1 && t.length <= 100 && !/[\n\r]/.test(t)) text = t;
      }
      // A click elsewhere (the form itself) clears the selection: keep the offer until it is
      // used or dismissed; selecting the same text again offers it again.
      if (!text) last = '';
      else if (text !== last) {
        last = text;
        f(text);
      }
    }, 200);
  };
  document.addEventListener('selectionchange', h);
  return () => {
    clearTimeout(timer);
    document.removeEventListener('selectionchange', h);
  };
}

/** Put `text` on the clipboard (the async API, else a hidden selection and the copy command);
 *  whether it was handed over. */
export function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).catch(() => {});
    return true;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch { ok = false; }
  area.remove();
  return ok;
}
