// Lede's analysis worker: reads and analyses documents off the page's main thread, so
// scrolling and typing stay smooth while a long article is analysed. It loads the engine's
// module (engine/lede.js and its Wasm, built from crates/lede-wasm) the first time it is asked
// for anything; the viewer's own Wasm carries no analysis, so a reader who only reads the
// default article (analysed when the site was built) never downloads the engine.
// Messages in: {id, op: 'annotate', name, bytes, date} or {id, op: 'dateline', text} or
// {id, op: 'warm'}. Messages out: {id, progress}, then {id, ok} or {id, error}.
let engine = null;

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
      const json = m.annotateFile(String(data.name), data.bytes, { date: data.date || null }, (progress) => self.postMessage({ id, progress }));
      self.postMessage({ id, ok: json });
    } else {
      self.postMessage({ id, ok: null });
    }
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
