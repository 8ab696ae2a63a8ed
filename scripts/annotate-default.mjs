// After the engine module is built: analyse <dist>/articles/default.txt with it and write
// <dist>/articles/default.json (lede/1), which the viewer shows without loading the engine.
// The same Wasm analyses any article a reader brings, in the browser; the end-to-end suite
// checks that this file equals what the engine in Chromium makes of default.txt.
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] || 'dist';
const engine = await import(path.resolve(dist, 'engine/lede.js'));
await engine.default({ module_or_path: fs.readFileSync(path.join(dist, 'engine/lede_bg.wasm')) });
const txt = path.join(dist, 'articles/default.txt');
const json = engine.annotateFile('article.txt', fs.readFileSync(txt), {});
fs.writeFileSync(path.join(dist, 'articles/default.json'), json);
console.log(`annotate-default: wrote ${path.join(dist, 'articles/default.json')} (${(json.length / 1024).toFixed(0)} KB)`);
