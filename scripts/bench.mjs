// `make bench`: Lede against its peers, measured in the same run on the same machine.
// Prints one table (what, Lede, peer, ratio) and writes it to target/bench.json.
//
//   engine   words per second of Lede's Wasm engine (dist/engine, under Node.js) against
//            compromise + compromise-dates, chrono-node and wink-nlp, same text, after warm-up,
//            median of several runs; the native figure comes from criterion (cargo bench).
//   bundle   gzip bytes a reader downloads for the default article against TimelineJS (JS+CSS)
//            plus compromise + compromise-dates, from their npm builds.
//   page     first contentful paint, and navigation start to html[data-ready] (hydrated, live), in
//            headless Chromium over loopback (median of 10 loads) against navigation to ready of
//            a page showing Lede's TimelineJS export of the same article.
//   scale    engine time and memory, browser time to ready and memory, at 10 KB .. 5 MB.
//   shapes   the engine (Wasm, Node.js) on seven shapes of text at 10 KB .. 5 MB: ordinary
//            paragraphs, one sentence a line, one paragraph with no line breaks, no full stops
//            at all, dense names, dense dates, the same names repeated; cost per KB at each size.
//   interact select an entity / an event, zoom, on the 1 MB article (tests/e2e/bench-ui.mjs).
//
// BENCH_ONLY=engine,bundle,page,scale,shapes,interact runs some sections only (the JSON then holds
// only those rows); the default is all.
//
// Text: the MEANTIME corpus (../shared/data/meantime, read at run time, never copied) when
// present, repeated to 1 MB; else the default article repeated.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { article } from '../tests/e2e/article.mjs';
import { readerFiles } from './reader-files.mjs';

const only = (process.env.BENCH_ONLY || '').split(',').map((x) => x.trim()).filter(Boolean);
const want = (section) => !only.length || only.includes(section);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const require = createRequire(import.meta.url);
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const rows = [];
const row = (what, lede, peer, unit, better, note = '') => {
  // Only rows that compare Lede with a peer have a ratio (the scale rows pair two Lede figures).
  const ratio = better && typeof lede === 'number' && typeof peer === 'number' && peer > 0 && lede > 0 ? (better === 'higher' ? lede / peer : peer / lede) : null;
  rows.push({ what, lede, peer, unit, ratio, note });
};

// ---------------------------------------------------------------- text
function meantimeText() {
  const dir = process.env.MEANTIME || path.join(root, '../shared/data/meantime');
  if (!fs.existsSync(dir)) return null;
  const files = [];
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.xml') && files.push(path.join(d, e.name))));
  walk(dir);
  const docs = files.sort().map((f) => {
    const xml = fs.readFileSync(f, 'utf8');
    let out = '', last = null;
    for (const m of xml.matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
      if (last !== null && m[1] !== last) out += '\n';
      out += m[2].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'") + ' ';
      last = m[1];
    }
    return out.trim();
  }).filter(Boolean);
  return docs.length ? docs.join('\n\n') : null;
}
const corpus = meantimeText();
const source = corpus ? 'MEANTIME (120 news articles)' : 'the default article';
const seed = corpus || fs.readFileSync(path.join(root, 'static/articles/default.txt'), 'utf8');
let text = seed;
while (text.length < 1 << 20) text += '\n\n' + seed;
text = text.slice(0, 1 << 20);
const words = text.split(/\s+/).filter(Boolean).length;
console.log(`text: ${source}, ${(text.length / 1024).toFixed(0)} KB, ${words} words`);

// ---------------------------------------------------------------- engine (Node.js)
const lede = await import(pathToFileURL(path.join(dist, 'engine/lede.js')).href);
const engineWasm = await lede.default({ module_or_path: fs.readFileSync(path.join(dist, 'engine/lede_bg.wasm')) });
const nlp = require('compromise');
nlp.plugin(require('compromise-dates'));
const chrono = require('chrono-node');
const winkNLP = require('wink-nlp');
const wink = winkNLP(require('wink-eng-lite-web-model'));

// Every engine gets the text one article at a time (as a newsroom would use it), each call
// guarded: a peer that throws on an article is counted, not allowed to stop the run.
const articles = text.split(/\n\n+/).filter((a) => a.trim());
function timeRuns(fn, runs) {
  const guarded = (a) => { try { fn(a); return 0; } catch { return 1; } };
  articles.slice(0, 5).forEach(guarded); // warm-up
  const ms = [];
  let failed = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    failed = articles.reduce((n, a) => n + guarded(a), 0);
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), failed };
}
const wps = (ms) => Math.round(words / (ms / 1000));
if (want('engine')) {
const { ms: ledeMs, failed: ledeFailed } = timeRuns((t) => lede.annotate(t, { date: '2021-03-24' }), 5);
const peers = [
  ['compromise + compromise-dates (people, places, organisations, dates)', (t) => { const d = nlp(t); d.people().out('array'); d.places().out('array'); d.organizations().out('array'); d.dates().json(); }, 3],
  ['chrono-node (dates only)', (t) => chrono.parse(t, new Date(2021, 2, 24)), 3],
  ['wink-nlp (entities)', (t) => wink.readDoc(t).entities().out(), 3],
];
row('engine throughput: Lede Wasm (Node.js), entities + dates + events', wps(ledeMs), null, 'words/s', 'higher', `${ledeMs.toFixed(0)} ms for ${articles.length} articles (1 MB)${ledeFailed ? `, ${ledeFailed} threw` : ''}`);
for (const [name, fn, runs] of peers) {
  const { ms, failed } = timeRuns(fn, runs);
  row(`engine throughput vs ${name}`, wps(ledeMs), wps(ms), 'words/s', 'higher', `peer ${ms.toFixed(0)} ms${failed ? `; threw on ${failed} of ${articles.length} articles` : ''}`);
}
// Native (criterion, `cargo bench`): MB/s on the same corpus, in words per second.
const est = path.join(root, `target/criterion/annotate/${corpus ? 'meantime' : 'default-article'}/new`);
if (fs.existsSync(path.join(est, 'estimates.json'))) {
  const ns = JSON.parse(fs.readFileSync(path.join(est, 'estimates.json'), 'utf8')).median.point_estimate;
  const bytes = JSON.parse(fs.readFileSync(path.join(est, 'benchmark.json'), 'utf8')).throughput?.Bytes;
  if (bytes) row('engine throughput: Lede native (criterion)', Math.round((bytes / (ns / 1e9)) * (words / Buffer.byteLength(text))), null, 'words/s', 'higher', `${(bytes / (ns / 1e9) / 1048576).toFixed(2)} MB/s`);
}
}

// ---------------------------------------------------------------- bundle
// The default article comes analysed (articles/default.json, written by the engine at build);
// the worker and the engine's module load only when a reader opens another article.
const sum = (files) => files.reduce((n, f) => n + gz(fs.readFileSync(f)), 0);
const ledeBytes = sum(readerFiles(dist, 'reader'));
const engineBytes = sum(readerFiles(dist, 'engine'));
const tl = path.join(root, 'node_modules/@knight-lab/timelinejs/dist');
const nm = path.join(root, 'node_modules');
const peerFiles = [path.join(tl, 'js/timeline.js'), path.join(tl, 'css/timeline.css'), path.join(nm, 'compromise/builds/compromise.js'), path.join(nm, 'compromise-dates/builds/compromise-dates.min.js')];
const peerBytes = sum(peerFiles);
if (want('bundle')) row('bundle: what a reader downloads (gzip)', Math.round(ledeBytes / 1024), Math.round(peerBytes / 1024), 'KB', 'lower', `target 150 KB; peers = TimelineJS JS+CSS + compromise + compromise-dates; another article adds the engine: ${Math.round(engineBytes / 1024)} KB, ${Math.round((ledeBytes + engineBytes) / 1024)} KB in all`);

// ---------------------------------------------------------------- browser
const server = await startServer(root, { mounts: ['/'] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const READY = `new MutationObserver((_, o) => { if (document.documentElement?.hasAttribute('data-ready')) { window.__ready = performance.now(); o.disconnect(); } }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });`;

/**
 * Median over `runs` fresh loads of `url` of the page clock at which `global` is set, and of
 * its first contentful paint.
 */
async function loadTimes(url, global, runs) {
  const ms = [], fcp = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(READY);
    await page.goto(url);
    await page.waitForFunction((g) => window[g] !== undefined, global, { timeout: 120000 });
    ms.push(await page.evaluate((g) => window[g], global));
    fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    await context.close();
  }
  return { ready: median(ms), fcp: median(fcp) };
}

// Lede's TimelineJS export of the default article, shown by TimelineJS from its npm build.
const tlJson = execFileSync(path.join(root, 'target/release/lede'), ['annotate', '--to', 'timelinejs', path.join(root, 'static/articles/default.txt')], { encoding: 'utf8' });
fs.mkdirSync(path.join(root, 'target/bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'target/bench/timelinejs.json'), tlJson);
fs.writeFileSync(path.join(root, 'target/bench/timelinejs.html'), `<!doctype html><html><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="/node_modules/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"></script></head>
<body><div id="tl" style="width:100%;height:600px"></div>
<script>fetch('timelinejs.json').then((r) => r.json()).then((d) => { const t = new TL.Timeline('tl', d); t.on('loaded', () => { window.__tlReady = performance.now(); }); });</script></body></html>`);
if (want('page')) {
const ledePage = await loadTimes(`${server.origin}/dist/`, '__ready', 10);
const tlPage = await loadTimes(`${server.origin}/target/bench/timelinejs.html`, '__tlReady', 10);
// The default article is prerendered into index.html: it paints before the Wasm arrives, and
// the viewer is ready (interactive) once it has hydrated that markup.
row('page: first contentful paint of the article vs TimelineJS navigation → ready (median of 10)', Math.round(ledePage.fcp), Math.round(tlPage.ready), 'ms', 'lower', 'target: Lede ≤ half');
row('page: navigation → interactive (hydrated), default article (median of 10)', Math.round(ledePage.ready), Math.round(tlPage.ready), 'ms', 'lower', 'peer: TimelineJS showing Lede\'s TimelineJS export, navigation → ready; target: Lede ≤ peer');
}

// Scale: engine in Node.js; in the browser, time to ready and the page's memory (JS heaps of
// the page and its worker, Wasm memories, DOM) by performance.measureUserAgentSpecificMemory(),
// which needs a cross-origin-isolated page: a second server sends COOP and COEP.
const isolated = await startServer(root, { mounts: ['/'], headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } });
for (const kb of want('scale') ? [10, 100, 1024, 5120] : []) {
  const t = article(kb * 1024);
  const runs = [];
  for (let i = 0; i < (kb > 1024 ? 1 : 3); i++) {
    const s = performance.now();
    lede.annotate(t, {});
    runs.push(performance.now() - s);
  }
  const engineMs = median(runs);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // The generated article stands in for the default one, analysed in the browser (no build-time analysis).
  await page.route('**/articles/default.json', (r) => r.fulfill({ status: 404, body: '' }));
  await page.route('**/articles/default.txt', (r) => r.fulfill({ body: t, contentType: 'text/plain; charset=utf-8', headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } }));
  await page.addInitScript(READY);
  await page.goto(`${isolated.origin}/dist/`);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 600000 });
  const ready = await page.evaluate(() => window.__ready);
  const memory = await page.evaluate(async () => (self.crossOriginIsolated && performance.measureUserAgentSpecificMemory ? (await performance.measureUserAgentSpecificMemory()).bytes : null));
  await context.close();
  const mb = memory === null ? 'not measurable' : `${(memory / 1048576).toFixed(0)} MB`;
  row(`scale ${kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`}: engine (Node.js) / browser to ready`, Math.round(engineMs), Math.round(ready), 'ms', null,
    `engine ${(engineMs / kb).toFixed(2)} ms/KB (Wasm memory ${(engineWasm.memory.buffer.byteLength / 1048576).toFixed(0)} MB), browser ${(ready / kb).toFixed(2)} ms/KB, page memory ${mb}${kb === 5120 ? ' (limit 200 MB)' : ''}`);
}
isolated.close();

// Shapes: is the engine linear on every shape of text? The per-KB cost at 5 MB against 100 KB.
if (want('shapes')) {
  const sentences = seed.split(/(?<=[.!?])\s+/).filter((x) => x.length > 20);
  const rng = (() => { let x = 7; return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648; })();
  const pick = (a) => a[Math.floor(rng() * a.length)];
  const fill = (n, next, sep) => { const out = []; let len = 0; while (len < n) { const s = next(); out.push(s); len += s.length + sep.length; } return out.join(sep).slice(0, n); };
  const FIRST = ['Ana', 'Rui', 'Omar', 'Ines', 'Li', 'Sam', 'Jane', 'Kofi', 'Amina', 'Tomas'];
  const LAST = ['Lima', 'Costa', 'Haddad', 'Duarte', 'Wei', 'Roe', 'Doe', 'Mensah', 'Okafor', 'Varga'];
  const ORGS = ['Harrow Dynamics', 'Kestrel Holdings', 'the United Nations', 'Brannock Motors'];
  const MONTHS = ['January', 'March', 'May', 'July', 'October'];
  const shapes = {
    paragraphs: (n) => fill(n, () => [pick(sentences), pick(sentences), pick(sentences), pick(sentences)].join(' '), '\n\n'),
    'one sentence a line': (n) => fill(n, () => pick(sentences), '\n'),
    'no line breaks': (n) => fill(n, () => pick(sentences), ' '),
    'no full stops': (n) => fill(n, () => pick(sentences).replace(/[.!?]/g, ''), ' '),
    'dense names': (n) => fill(n, () => `${pick(FIRST)} ${pick(LAST)}, ${pick(ORGS)},`, ' '),
    'dense dates': (n) => fill(n, () => `On ${pick(MONTHS)} ${1 + Math.floor(rng() * 28)}, ${1990 + Math.floor(rng() * 32)} and last Monday,`, ' '),
    'same names repeated': (n) => fill(n, () => 'Lavrov met Wang.', ' '),
  };
  for (const [name, make] of Object.entries(shapes)) {
    const perKb = {};
    for (const kb of [10, 100, 1024, 5120]) {
      const t = make(kb * 1024);
      const runs = [];
      for (let i = 0; i < (kb >= 1024 ? 1 : 3); i++) {
        const s = performance.now();
        lede.annotate(t, {});
        runs.push(performance.now() - s);
      }
      perKb[kb] = median(runs) / kb;
    }
    const growth = perKb[5120] / perKb[100];
    row(`shape "${name}": engine ms/KB at 10 KB / 100 KB / 1 MB / 5 MB`, Number(perKb[100].toFixed(2)), null, 'ms/KB', null,
      `${[10, 100, 1024, 5120].map((kb) => perKb[kb].toFixed(2)).join(' / ')}; 5 MB costs ${growth.toFixed(2)}× the per-KB cost of 100 KB (target ≤ 1.5×)`);
  }
}
await browser.close();
server.close();

// ---------------------------------------------------------------- interaction (bench-ui)
const ui = want('interact') ? execFileSync('node', [path.join(root, 'tests/e2e/bench-ui.mjs')], { encoding: 'utf8' }) : '';
for (const [label, key] of [['select an entity', 'select an entity'], ['select an event', 'select an event'], ['zoom the timeline', 'zoom the timeline']]) {
  const m = ui.match(new RegExp(`${key} → paint\\s+([\\d.]+) ms`));
  if (m) row(`interaction, 1 MB article: ${label} → paint (median)`, Number(m[1]), null, 'ms', null, 'target < 50 ms');
}

// ---------------------------------------------------------------- report
const fmt = (v) => (v === null || v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en-US') : v);
const lines = ['| what | Lede | peer | unit | ratio | note |', '|---|---:|---:|---|---:|---|'];
for (const r of rows) lines.push(`| ${r.what} | ${fmt(r.lede)} | ${fmt(r.peer)} | ${r.unit} | ${r.ratio ? `${r.ratio.toFixed(1)}×` : '—'} | ${r.note} |`);
console.log(lines.join('\n'));
fs.writeFileSync(path.join(root, 'target/bench.json'), JSON.stringify({ date: new Date().toISOString(), text: source, words, rows }, null, 2));
console.log('\nwritten: target/bench.json (ratio: how many times Lede is better; above 1 means Lede wins)');
