// Lede's analysis worker: reads and analyses documents off the page's main thread, so
// scrolling and typing stay smooth while a long article is analysed. It loads the viewer's own
// module and Wasm (the same files the page loaded, so from the cache) and calls its exports
// workerAnalyze and workerDateline (src/bin/app.rs).
// The page hands over its compiled module (app.module) when it has one, so nothing is compiled
// twice. Messages in: {id, app: {glue, wasm, module}, op: 'annotate', name, bytes, date} or {id, app, op:
// 'dateline', text}. Messages out: {id, progress}, then {id, ok} or {id, error}.
let app = null;

self.onmessage = async ({ data }) => {
  const { id, op } = data || {};
  try {
    app ||= import(data.app.glue).then(async (m) => {
      await m.default({ module_or_path: data.app.module || data.app.wasm });
      return m;
    });
    const m = await app;
    if (op === 'dateline') {
      self.postMessage({ id, ok: m.workerDateline(String(data.text)) ?? null });
    } else if (op === 'annotate') {
      const json = m.workerAnalyze(String(data.name), data.bytes, data.date || '', (progress) => self.postMessage({ id, progress }));
      self.postMessage({ id, ok: json });
    }
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
