import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
const server = await startServer('/work/main', { mounts: ['/'] });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (let i = 0; i < 3; i++) {
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: process.env.NOJS ? false : true });
const page = await context.newPage();
await page.goto(server.origin + '/dist/');
if (!process.env.NOJS) await page.waitForSelector('html[data-ready]'); else await page.waitForTimeout(1000);
const r = await page.evaluate(() => {
  const out = performance.getEntriesByType('resource').map((e) => `${e.name.split('/').pop().slice(0,30)} start ${e.startTime.toFixed(0)} end ${e.responseEnd.toFixed(0)} ${e.renderBlockingStatus}`);
  const n = performance.getEntriesByType('navigation')[0];
  out.unshift(`nav responseEnd ${n.responseEnd.toFixed(0)} domInteractive ${n.domInteractive.toFixed(0)} dcl ${n.domContentLoadedEventEnd.toFixed(0)}`);
  out.push('paint ' + performance.getEntriesByType('paint').map((p) => `${p.name} ${p.startTime.toFixed(0)}`).join(', '));
  return out.join('\n');
});
console.log(r + '\n');
await context.close();
}
await browser.close(); server.close();
