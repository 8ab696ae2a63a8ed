// Lede's analysis worker: reads and analyses documents off the page's main thread with the
// engine's JavaScript module (engine/lede.js), so scrolling and typing stay smooth while a long
// article is analysed. Messages in: {id, op: 'annotate', name, bytes, date} or
// {id, op: 'dateline', text}. Messages out: {id, progress}, then {id, ok} or {id, error}.
import init, { annotateFile, dateline } from './engine/lede.js';

const ready = init();

self.onmessage = async ({ data }) => {
  const { id, op } = data || {};
  try {
    await ready;
    if (op === 'dateline') {
      self.postMessage({ id, ok: dateline(String(data.text)) ?? null });
    } else if (op === 'annotate') {
      const json = annotateFile(String(data.name), data.bytes, { date: data.date || undefined },
        (progress) => self.postMessage({ id, progress }));
      self.postMessage({ id, ok: json });
    }
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
