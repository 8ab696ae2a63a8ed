// Profiling aid (not a test): load the generated 1 MB article as bench-ui does, then record
// Chromium's performance trace of one entity selection and print where the main thread's time
// went. `node tests/e2e/trace-click.mjs [entity|event]`; the raw trace is target/trace-click.json.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { article } from './article.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const what = process.argv[2] || 'entity';
const server = await startServer(path.join(root, 'dist'), { mounts: ['/'] });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const text = article(Number(process.env.BENCH_BYTES || 1 << 20));
await page.route('**/articles/default.json', (r) => r.fulfill({ status: 404, body: '' }));
await page.route('**/articles/default.txt', (r) => r.fulfill({ body: text, contentType: 'text/plain; charset=utf-8' }));
await page.goto(server.origin + '/');
await page.waitForSelector('html[data-ready]', { timeout: 600000 });
await page.waitForTimeout(1500);
const sel = what === 'event' ? 'svg.tl g.ev' : '.entities button.entity';
const file = path.join(root, 'target/trace-click.json');
await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'] });
const CLICKS = 6;
const ms = await page.evaluate(async ([sel, n]) => {
  const times = [];
  for (let i = 0; i < n; i++) {
    const el = document.querySelectorAll(sel)[i % 3];
    const t = performance.now();
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    times.push(performance.now() - t);
    el.dispatchEvent(new MouseEvent('click', { bubbles: true })); // clear
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await new Promise((r) => setTimeout(r, 100));
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}, [sel, CLICKS]);
await browser.stopTracing();
await browser.close();
server.close();
const events = JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents.filter((e) => e.ph === 'X');
const fc = events.filter((e) => e.name === 'EventDispatch' || e.name === 'FunctionCall').sort((a, b) => b.dur - a.dur)[0];
const main = events.filter((e) => e.tid === fc.tid && e.dur > 300);
// Time per click (select and clear) by kind of work, top-level and nested names alike.
const names = ['EventDispatch', 'RunMicrotasks', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'IntersectionObserverController::computeIntersections', 'MinorGC', 'MajorGC', 'V8.GCScavenger', 'ParseHTML'];
const all = events.filter((e) => e.tid === fc.tid);
console.log(`median click → painted frame (tracing on): ${ms.toFixed(1)} ms; per select+clear pair, ms:`);
for (const n of names) {
  const t = all.filter((e) => e.name === n).reduce((x, e) => x + e.dur / 1000, 0);
  if (t > 0.05) console.log(`${(t / CLICKS).toFixed(2).padStart(8)}  ${n}`);
}
