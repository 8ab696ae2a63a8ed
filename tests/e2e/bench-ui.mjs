// UI benchmark (make bench-ui): a generated article of about 1 MB (our own template sentences)
// is served in place of the default article; the figures are the time from an interaction to
// the next paint that shows its result, median of several runs, in headless Chromium.

import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { article } from './article.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SIZE = Number(process.env.BENCH_BYTES || 1 << 20);
const RUNS = 9;

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const text = article(SIZE);
const server = await startServer(path.join(root, 'dist'), { mounts: ['/'] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.route('**/articles/default.json', (r) => r.fulfill({ status: 404, body: '' }));
await page.route('**/articles/default.txt', (r) => r.fulfill({ body: text, contentType: 'text/plain; charset=utf-8' }));
const t0 = Date.now();
await page.goto(server.origin + '/');
await page.waitForSelector('html[data-ready]', { timeout: 600000 });
const ready = Date.now() - t0;
const counts = await page.evaluate(() => ({
  marks: document.querySelectorAll('mark[data-entity]').length,
  events: document.querySelectorAll('[data-event]').length,
}));

/**
 * Time from a click to the paint that shows its result, in the page's clock: at each animation
 * frame (which runs before that frame's style, layout and paint) check `done()`; once it holds,
 * a task queued from that frame runs after the frame has painted, and that is the end mark.
 */
async function timed(click, done) {
  return page.evaluate(async ([clickSel, doneFn]) => {
    const ok = new Function(`return (${doneFn})()`);
    performance.mark('lede-input');
    document.querySelector(clickSel).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => {
      const frame = () => requestAnimationFrame(() => (ok() ? setTimeout(resolve, 0) : frame()));
      frame();
    });
    performance.mark('lede-painted');
    return performance.measure('lede-interaction', 'lede-input', 'lede-painted').duration;
  }, [click, done.toString()]);
}

const select = [], event = [], zoom = [];
for (let i = 0; i < RUNS; i++) {
  const id = await page.locator('.entities button.entity').nth(i % 3).getAttribute('data-entity');
  select.push(await timed(`.entities button[data-entity="${id}"]`, new Function(`return () => document.querySelector('.entities button[data-entity="${id}"]').getAttribute('aria-pressed') === 'true' && getComputedStyle(document.querySelector('mark[data-entity="${id}"]')).outlineStyle === 'solid'`)()));
  await page.locator(`.entities button[data-entity="${id}"]`).click(); // clear
  const ev = await page.locator('svg.tl g.ev').nth(i % counts.events).getAttribute('data-event');
  // Done when the chart and the article show the selection (the URL fragment is written after that frame).
  event.push(await timed(`svg.tl g.ev[data-event="${ev}"]`, new Function(`return () => document.querySelector('svg.tl g.ev[data-event="${ev}"]').classList.contains('selected') && !!document.querySelector('.event-stepper')`)()));
  const w = await page.locator('svg.tl').getAttribute('width');
  zoom.push(await timed('.tl-toolbar button[aria-label="Zoom in"]', new Function(`return () => document.querySelector('svg.tl').getAttribute('width') !== '${w}'`)()));
  await page.click('.tl-toolbar button:has-text("Fit all")');
}
await browser.close();
server.close();
const rows = [
  ['article size', `${(text.length / 1024).toFixed(0)} KB`, `${counts.marks} marks, ${counts.events} events`],
  ['load → html[data-ready]', `${ready} ms`, '(analysis + first render)'],
  ['select an entity → paint', `${median(select).toFixed(1)} ms`, 'median of ' + RUNS],
  ['select an event → paint', `${median(event).toFixed(1)} ms`, 'median of ' + RUNS],
  ['zoom the timeline → paint', `${median(zoom).toFixed(1)} ms`, 'median of ' + RUNS],
];
for (const r of rows) console.log(r[0].padEnd(28), r[1].padStart(12), ' ', r[2]);
