// Lede as one HTML file: the viewer (its CSS, JavaScript and Wasm) and a document, inlined, so
// the file opens from disk (file://) with no network. Used by the viewer's "Download standalone
// HTML" (in the browser) and by `make standalone` (scripts/standalone.mjs, in Node.js).
//
// A payload holds every file as text or base64; a small inline module script turns the
// JavaScript files back into modules (Blob URLs, with the glue's relative imports pointed at
// them) and starts the app with the Wasm bytes. The engine's module rides along for analysis. The document travels as a `Source` (see
// src/docs.rs) and is analysed again when the file opens.

/** The viewer's files as named by index.html: stylesheets, module scripts and the app's Wasm. */
export function assetsOf(indexHtml) {
  const hrefs = (rel) => [...indexHtml.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => new RegExp(`\\brel="${rel}"`).test(tag))
    .map((tag) => (tag.match(/\bhref="([^"]+)"/) || [])[1])
    .filter(Boolean);
  const modules = hrefs('modulepreload');
  const wasm = [...indexHtml.matchAll(/<link\b[^>]*\brel="preload"[^>]*>/g)]
    .map((m) => (m[0].match(/\bhref="([^"]+\.wasm)"/) || [])[1])
    .find(Boolean);
  const glue = modules.find((p) => !p.includes('/snippets/'));
  if (!glue || !wasm) throw new Error('index.html does not name the app module and its Wasm (was it built by Trunk?)');
  return { css: hrefs('stylesheet'), glue, snippets: modules.filter((p) => p.includes('/snippets/')), wasm };
}

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Gather the payload: `read(path, binary)` returns a file of the viewer (text, or a Uint8Array
 * when `binary`), `indexHtml` names them, `builder` is this module's own source.
 */
export async function collect(read, indexHtml, builder) {
  const a = assetsOf(indexHtml);
  const files = {};
  for (const p of [a.glue, ...a.snippets]) files[p] = await read(p, false);
  const css = (await Promise.all(a.css.map((p) => read(p, false)))).join('\n');
  return {
    css,
    glue: a.glue,
    snippets: a.snippets,
    files,
    builder,
    wasm: toBase64(await read(a.wasm, true)),
    // The engine's module, for a document that must be analysed when the file opens.
    engineGlue: await read('engine/lede.js', false),
    // The analysis the page runs the engine with (shared with the worker).
    analysis: await read('analysis.js', false),
    engineWasm: toBase64(await read('engine/lede_bg.wasm', true)),
  };
}

const escapeScript = (s) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\u0021--');
const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// Runs inside the standalone file.
const BOOT = `
const data = JSON.parse(document.getElementById('lede-standalone').textContent);
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const url = (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
let glue = data.files[data.glue];
// Point the glue's imports of its snippets (from './snippets/…') at in-page copies; the same
// path also names the Wasm's import module, which must stay as it is.
for (const p of data.snippets) {
  const u = url(data.files[p]);
  for (const q of ["'", '"']) glue = glue.split('from ' + q + p + q).join('from ' + q + u + q).split('from' + q + p + q).join('from' + q + u + q);
}
globalThis.LEDE_STANDALONE = { payload: data, source: data.source, builder: url(data.builder) };
// The viewer analyses on this thread here (no worker from a file), with the engine inlined below.
globalThis.LEDE_ANALYSIS = url(data.analysis);
globalThis.LEDE_ENGINE = async () => {
  const m = await import(url(data.engineGlue));
  await m.default({ module_or_path: bytes(data.engineWasm) });
  return m;
};
const app = await import(url(glue));
await app.default({ module_or_path: bytes(data.wasm) });
`;

/** The standalone HTML of `payload` showing `source` (a Source object), titled `title`. */
export function assemble(payload, source, title) {
  // The glue imports its snippets relative to itself ('./snippets/…'); the payload keys them
  // by their path in index.html (also './snippets/…'), so the boot script can point them home.
  const data = { ...payload, source };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)} · Lede</title>
<style>${payload.css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
<noscript><p class="status">Lede needs JavaScript and WebAssembly to analyse the article.</p></noscript>
<script type="application/json" id="lede-standalone">${escapeScript(JSON.stringify(data))}</script>
<script type="module">${BOOT}</script>
</body>
</html>
`;
}
