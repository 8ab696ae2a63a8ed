// `make standalone`: write dist/lede.html, the viewer and the default article in one HTML file
// that opens from disk (file://) with no network. Same builder as the viewer's "Download
// standalone HTML" (static/standalone.js), reading the files from dist/ instead of fetching.
import fs from 'node:fs';
import path from 'node:path';
import { collect, assemble } from '../static/standalone.js';

const dist = process.argv[2] || 'dist';
const read = async (p, binary) => {
  const file = path.join(dist, p);
  return binary ? new Uint8Array(fs.readFileSync(file)) : fs.readFileSync(file, 'utf8');
};
const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const payload = await collect(read, index, fs.readFileSync(path.join(dist, 'standalone.js'), 'utf8'));
const content = fs.readFileSync(path.join(dist, 'articles/default.txt'), 'utf8');
const source = { name: 'article.txt', origin: 'default', url: null, content, date: null, corrections: [] };
// The page title is the article's headline, as the engine reads it.
const engine = await import(path.resolve(dist, 'engine/lede.js'));
await engine.default({ module_or_path: fs.readFileSync(path.join(dist, 'engine/lede_bg.wasm')) });
const title = engine.annotate(content, {}).meta.title || 'Lede';
const out = path.join(dist, 'lede.html');
fs.writeFileSync(out, assemble(payload, source, title));
console.log(`standalone: wrote ${out} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
