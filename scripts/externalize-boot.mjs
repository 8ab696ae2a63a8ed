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
// (The default article's analysis, articles/default.json, is fetched early by static/preboot.js.)
// The boot imports the app dynamically (index.html's modulepreload already fetches it).
const staticImport = /^import init, \* as bindings from '([^']+)';/m;
let boot = m[1].trim();
if (staticImport.test(boot)) {
  boot = boot.replace(staticImport, (_, glue) => `const bindings = await import('${glue}');\nconst init = bindings.default;`);
} else {
  console.warn('externalize-boot: Trunk\'s boot script changed shape; kept as it is');
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
