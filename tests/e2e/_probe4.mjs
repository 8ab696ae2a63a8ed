import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
const server = await startServer('/work/main', { mounts: ['/'] });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: (process.env.ARGS || '--headless --no-sandbox --disable-gpu').split(' ') });
for (const url of (process.env.URLS || '/target/bench/trivial.html /dist/').split(' ')) {
  const xs = [];
  for (let i = 0; i < (+process.env.N || 5); i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: !process.env.NOJS });
    const page = await context.newPage();
    await page.goto(server.origin + url);
    await page.waitForTimeout(1500);
    xs.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime.toFixed(0)));
    await context.close();
  }
  console.log(url, xs.join(' '));
}
await browser.close(); server.close();
