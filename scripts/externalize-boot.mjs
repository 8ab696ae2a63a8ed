// After `trunk build`: move Trunk's inline boot script out of dist/index.html into a file,
// so dist/ runs under a strict Content-Security-Policy (script-src 'self', no inline script).
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';

const dist = process.argv[2] || 'dist';
const index = path.join(dist, 'index.html');
let html = fs.readFileSync(index, 'utf8');
const re = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(re);
if (!m) {
  console.log('externalize-boot: no inline script (already external)');
  process.exit(0);
}
// The default article's analysis (articles/default.json, see src/web.js defaultAnalysis) is
// fetched while the app's module and Wasm load, when the page will show it: no ?src=, nothing
// stored (an embedded view stores nothing). For that the boot imports the app dynamically, so
// this runs at once instead of after the imports (index.html's modulepreload already fetches them).
const PREFETCH = `{
  const q = new URLSearchParams(location.search);
  let stored = null;
  try { stored = localStorage.getItem('lede.current'); } catch {}
  if (!q.has('src') && (q.has('embed') || !stored)) globalThis.LEDE_DEFAULT = fetch('articles/default.json').then((r) => (r.ok ? r.text() : null), () => null);
}
`;
const staticImport = /^import init, \* as bindings from '([^']+)';/m;
let boot = m[1].trim();
if (staticImport.test(boot)) {
  boot = PREFETCH + boot.replace(staticImport, (_, glue) => `const bindings = await import('${glue}');\nconst init = bindings.default;`);
} else {
  console.warn('externalize-boot: Trunk\'s boot script changed shape; the default article is fetched when the app asks');
}
const body = boot + '\n';
const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
fs.writeFileSync(path.join(dist, name), body);
html = html.replace(re, `<script type="module" src="./${name}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle="/.test(html)) {
  console.error('externalize-boot: inline script or style left in index.html');
  process.exit(1);
}
fs.writeFileSync(index, html);
console.log(`externalize-boot: wrote ${name}`);
