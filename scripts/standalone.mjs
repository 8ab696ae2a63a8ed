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
// The page title is the article's headline, as the engine read it when the site was built
// (articles/default.json, by scripts/annotate-default.mjs).
const title = JSON.parse(fs.readFileSync(path.join(dist, 'articles/default.json'), 'utf8')).meta?.title || 'Lede';
const out = path.join(dist, 'lede.html');
fs.writeFileSync(out, assemble(payload, source, title));
console.log(`standalone: wrote ${out} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
