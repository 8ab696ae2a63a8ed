// Lede's analysis worker: reads and analyses documents off the page's main thread, so
// scrolling and typing stay smooth while a long article is analysed. It loads the engine's
// module (engine/lede.js and its Wasm, built from crates/lede-wasm) the first time it is asked
// for anything; the viewer's own Wasm carries no analysis, so a reader who only reads the
// default article (analysed when the site was built) never downloads the engine.
// A web page is first read by the page reader (engine/html.js, built from crates/lede-html),
// loaded only when a page arrives: its article and metadata become the text the engine reads,
// its publication date the reference date unless the reader gave one. A page the reader
// cannot read goes to the engine's own HTML import, so something is always shown.
// Messages in: {id, op: 'annotate', name, bytes, date} or {id, op: 'dateline', text} or
// {id, op: 'warm'}. Messages out: {id, progress}, then {id, ok} or {id, error}.
let engine = null;
let pages = null;

/** Whether a document is a web page, by its name or its first bytes. */
function isPage(name, bytes) {
  if (/\.html?$/i.test(name)) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** A page's characters, in the encoding its <meta charset> declares (UTF-8 otherwise). */
function pageText(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an unknown label: read as UTF-8
  }
}

/** The page's article as {text, date, ...}, or null when the page reader cannot read it. */
async function readPage(bytes) {
  try {
    pages ||= import(new URL('engine/html.js', self.location.href).href).then(async (m) => {
      await m.default();
      return m;
    });
    const m = await pages;
    return m.extract(pageText(bytes), null);
  } catch {
    pages = null; // a failed load or a trapped instance: start afresh next time
    return null;
  }
}

self.onmessage = async ({ data }) => {
  const { id, op } = data || {};
  try {
    engine ||= import(new URL('engine/lede.js', self.location.href).href)
      .then(async (m) => {
        await m.default();
        return m;
      })
      .catch((e) => {
        engine = null; // asked again, try again (the network may be back)
        throw new Error(`The analysis engine could not be loaded (${(e && e.message) || e}). Check your connection and try again.`);
      });
    const m = await engine;
    if (op === 'dateline') {
      self.postMessage({ id, ok: m.dateline(String(data.text)) ?? null });
    } else if (op === 'annotate') {
      let [name, bytes, date, page] = [String(data.name), data.bytes, data.date || null, null];
      if (isPage(name, bytes) && bytes.length <= 64 * 1048576) {
        page = await readPage(bytes);
        if (page && page.text) {
          bytes = new TextEncoder().encode(page.text);
          date ||= page.date || null;
          name = `${name}.txt`;
        }
      }
      let json = m.annotateFile(name, bytes, { date }, (progress) => self.postMessage({ id, progress }));
      if (page && page.text && (page.lang || page.siteName)) {
        // The page's language and site name, which its text does not carry.
        const doc = JSON.parse(json);
        if (page.lang) doc.meta.language = String(page.lang).slice(0, 35);
        if (page.siteName) doc.meta.site = String(page.siteName).slice(0, 200);
        json = JSON.stringify(doc);
      }
      self.postMessage({ id, ok: json });
    } else {
      self.postMessage({ id, ok: null });
    }
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
