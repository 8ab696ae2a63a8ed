import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
const server = await startServer('/work/main', { mounts: ['/'] });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: false });
const page = await context.newPage();
await page.goto(server.origin + (process.env.URL || '/dist/'));
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'loading', 'cc', 'viz', 'gpu'] });
await page.goto(server.origin + (process.env.URL || '/dist/') + '?x=1');
await page.waitForTimeout(800);
const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const nav = ev.filter((e) => /navigationStart|NavigationStart|CommitNavigation/.test(e.name)).sort((a,b)=>a.ts-b.ts)[0]; console.log('t0 from', nav?.name);
const t0 = nav.ts;
const fcp = ev.find((e) => e.name === 'firstContentfulPaint');
console.log('fcp at', fcp ? ((fcp.ts - t0) / 1000).toFixed(1) : '?');
const names = new Set(['ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Commit', 'RasterTask', 'BeginMainThreadFrame', 'BeginFrame', 'ScheduleStyleRecalculation', 'ResourceFinish', 'ResourceReceiveResponse', 'MarkDOMContent', 'firstPaint', 'firstContentfulPaint', 'Layerize', 'UpdateLayer', 'HitTest', 'ProxyMain::BeginMainFrame', 'Scheduler::BeginFrame', 'PipelineReporter', 'LocalFrameView::RunPostLifecycleSteps','DrawFrame','Screenshot','Display::DrawAndSwap','SwapBuffers']);
const main = ev.find((e) => e.name === 'ParseHTML')?.tid; for (const e of ev.filter((e) => e.tid === main && e.ts >= t0 && e.ts - t0 < 400000 && (names.has(e.name) || (e.dur > 1500 && e.name !== 'RunTask') || /Resource|first/i.test(e.name))).sort((a, b) => a.ts - b.ts)) {
  console.log(((e.ts - t0) / 1000).toFixed(1).padStart(7), (e.dur ? (e.dur / 1000).toFixed(1) : '').padStart(6), e.name, e.tid, e.args?.data?.url?.split('/').pop() || '');
}
await browser.close(); server.close();
