import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
const server = await startServer('/work/main', { mounts: ['/'] });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (let i = 0; i < (+process.env.N || 5); i++) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(`new MutationObserver((_, o) => { if (document.documentElement?.hasAttribute('data-ready')) { window.__ready = performance.now(); o.disconnect(); } }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });`);
  await page.goto(server.origin + (process.env.URL || '/dist/'));
  await page.waitForFunction(() => window.__ready);
  console.log(await page.evaluate(() => {
    const m = performance.getEntriesByName('lede-hydrate')[0];
    const s = performance.getEntriesByName('lede-hydrate-start')[0];
    const w = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    const f = performance.getEntriesByName('first-contentful-paint')[0];
    return `fcp ${f?.startTime.toFixed(0)} wasm end ${w?.responseEnd.toFixed(0)} hydrate start ${s?.startTime.toFixed(0)} dur ${m?.duration.toFixed(0)} ready ${window.__ready.toFixed(0)}`;
  }));
  await context.close();
}
await browser.close(); server.close();
