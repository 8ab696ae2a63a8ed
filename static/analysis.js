// The analysis of a document, shared by the analysis worker (worker.js) and, where no worker
// can run (a standalone file opened from disk, a browser without module workers), the page
// itself (src/web.js): one place that loads the engine and the page reader and runs them.
//
// `analyser({ engine, pages })` takes two loaders (each returns a promise of an initialised
// module: the engine, engine/lede.js from crates/lede-wasm, and the page reader, engine/html.js
// from crates/lede-html) and returns `handle(message, progress)`, which answers
// {op: 'annotate', name, bytes, date} with the lede/1 JSON text, {op: 'dateline', text} with
// YYYY-MM-DD or null, {op: 'correct', json, corrections, strict} with the lede/1 JSON text
// corrected (the viewer's Wasm carries no analysis, and corrections rebuild events),
// {op: 'export', json, format, source, docid} with the document in another format, and
// {op: 'warm'} (load the engine now) with null. An 'annotate' message may carry
// `corrections` (a JSON list) to replay on the analysis. Each module is loaded
// on first use; a failed load is tried again next time. A web page is first read by the page
// reader: its article and metadata become the text the engine reads, its publication date the
// reference date unless the reader gave one; a page the reader cannot read goes to the
// engine's own HTML import, so something is always shown.

/** Whether a document is a web page, by its name or its first bytes. */
export function isPage(name, bytes) {
  if (/\.html?$/i.test(name)) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** A page's characters, in the encoding its <meta charset> declares (UTF-8 otherwise). */
export function pageText(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an unknown label: read as UTF-8
  }
}

/** A loader for a wasm-bindgen module at `href`: imports it and initialises its Wasm. */
export function moduleLoader(href) {
  return () => import(href).then(async (m) => {
    await m.default();
    return m;
  });
}

export function analyser({ engine, pages }) {
  let engineModule = null;
  let pagesModule = null;

  const loadEngine = () => (engineModule ||= engine().catch((e) => {
    engineModule = null; // asked again, try again (the network may be back)
    throw new Error(`The analysis engine could not be loaded (${(e && e.message) || e}). Check your connection and try again.`);
  }));

  /** The page's article as {text, date, ...}, or null when the page reader cannot read it. */
  async function readPage(bytes) {
    try {
      pagesModule ||= pages();
      const m = await pagesModule;
      return m.extract(pageText(bytes), null);
    } catch {
      pagesModule = null; // a failed load or a trapped instance: start afresh next time
      return null;
    }
  }

  return async function handle(message, progress = () => {}) {
    const m = await loadEngine();
    if (message.op === 'dateline') return m.dateline(String(message.text)) ?? null;
    if (message.op === 'correct') return m.correct(String(message.json), String(message.corrections), !!message.strict);
    if (message.op === 'export') return m.exportDocument(String(message.json), String(message.format), message.source || undefined, String(message.docid || 'article'));
    if (message.op !== 'annotate') return null;
    let [name, bytes, date, page] = [String(message.name), message.bytes, message.date || null, null];
    if (isPage(name, bytes) && bytes.length <= 64 * 1048576) {
      page = await readPage(bytes);
      if (page && page.text) {
        bytes = new TextEncoder().encode(page.text);
        date ||= page.date || null;
        name = `${name}.txt`;
      }
    }
    let json = m.annotateFile(name, bytes, { date }, progress);
    if (page && page.text && (page.lang || page.siteName)) {
      // The page's language and site name, which its text does not carry.
      const doc = JSON.parse(json);
      if (page.lang) doc.meta.language = String(page.lang).slice(0, 35);
      if (page.siteName) doc.meta.site = String(page.siteName).slice(0, 200);
      json = JSON.stringify(doc);
    }
    if (message.corrections) json = m.correct(json, String(message.corrections), false);
    return json;
  };
}
