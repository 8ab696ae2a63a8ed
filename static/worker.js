// Lede's analysis worker: reads and analyses documents off the page's main thread, so
// scrolling and typing stay smooth while a long article is analysed. The analysis itself is
// analysis.js (shared with the page, for where no worker can run): it loads the engine's module
// (engine/lede.js and its Wasm, built from crates/lede-wasm) the first time it is asked for
// anything, and the page reader (engine/html.js, from crates/lede-html) only when a web page
// arrives. The viewer's own Wasm carries no analysis, so a reader who only reads the default
// article (analysed when the site was built) never downloads the engine.
// Messages in: {id, op: 'annotate', name, bytes, date} or {id, op: 'dateline', text} or
// {id, op: 'warm'}. Messages out: {id, progress}, then {id, ok} or {id, error}.
import { analyser, moduleLoader } from './analysis.js';

const load = (file) => moduleLoader(new URL(file, self.location.href).href);
const handle = analyser({ engine: load('engine/lede.js'), pages: load('engine/html.js') });

self.onmessage = async ({ data }) => {
  const { id } = data || {};
  try {
    self.postMessage({ id, ok: await handle(data || {}, (progress) => self.postMessage({ id, progress })) });
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
