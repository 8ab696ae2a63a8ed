// The files of dist/ a reader's browser fetches, in two groups, for `make size` and `make bench`:
//   first   what the prerendered default article needs to be on screen, before any Wasm: the
//           page (the article rendered into it at build), static/preboot.js and the stylesheet;
//   reader  what showing the default article takes: the page, its boot scripts, the app's module,
//           the snippets index.html loads and the app's Wasm, the stylesheet, the icon and the
//           article's analysis written at build (articles/default.json);
//   engine  what opening an article of one's own adds: the worker, analysis.js and the engine's module;
//   pages   what opening a web page adds besides: the page reader's module.
// Not fetched by a reader of the page: lede.html (the standalone file), embed.js (for host
// pages), standalone.js (when a reader asks for a standalone file), the article's raw text.
//
//   node scripts/reader-files.mjs [dist] first|reader|engine|pages   prints the paths, one per line
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths (joined to `dist`) of the group `which` ('reader' or 'engine'). */
export function readerFiles(dist, which = 'reader') {
  if (which === 'engine') return ['worker.js', 'analysis.js', 'engine/lede.js', 'engine/lede_bg.wasm'].map((f) => path.join(dist, f));
  if (which === 'pages') return ['engine/html.js', 'engine/html_bg.wasm'].map((f) => path.join(dist, f));
  const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  if (which === 'first') return fs.readdirSync(dist).filter((f) => /^(index\.html|preboot\.js|style-.*\.css)$/.test(f)).map((f) => path.join(dist, f));
  const top = fs.readdirSync(dist).filter((f) => /^(index\.html|preboot\.js|boot-.*\.js|lede-app-.*|style-.*\.css|favicon\.svg)$/.test(f));
  // Only the snippets index.html names (wasm-bindgen can leave older ones in the folder).
  const snippets = [...index.matchAll(/snippets\/[^"]*/g)].map((m) => m[0]);
  return [...top, ...snippets, 'articles/default.json'].map((f) => path.join(dist, f));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist = 'dist', which = 'reader'] = process.argv.slice(2);
  for (const f of readerFiles(dist, which)) console.log(f);
}
