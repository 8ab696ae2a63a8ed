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
// The page compiles its Wasm once and keeps the module, so the analysis worker (static/worker.js,
// via src/web.js) is handed the compiled module instead of compiling the same file again.
const body = m[1].trim().replace(
  /await init\(\{ module_or_path: '([^']+)' \}\)/,
  // (A server that does not send application/wasm gets the non-streaming compile.)
  (_, wasm) => `await init({ module_or_path: (globalThis.LEDE_WASM_MODULE = await WebAssembly.compileStreaming(fetch('${wasm}'))
  .catch(() => fetch('${wasm}').then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)))) })`,
) + '\n';
if (!body.includes('LEDE_WASM_MODULE')) console.warn('externalize-boot: Trunk\'s boot script changed shape; the worker will compile the Wasm itself');
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
