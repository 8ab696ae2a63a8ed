import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
function article(bytes) {
  const people = ['Jane Doe', 'Rui Costa', 'Amina Okafor', 'Li Wei', 'Sam Roe', 'Maria Chen', 'Omar Haddad', 'Ines Duarte'];
  const places = ['Santos', 'Lagos', 'Geneva', 'Osaka', 'Denver', 'Lisbon'];
  const dates = ['on March 2', 'last year', 'in February', 'on Friday', 'in 2019', 'three days ago', 'on January 14, 2020'];
  let out = 'Harbour talks continue\nUpdated 10:00, 24-Mar-2021\nBy Jane Doe\n';
  for (let i = 0; out.length < bytes; i++) {
    const p = people[i % people.length], q = people[(i * 7 + 3) % people.length];
    out += `${p} met ${q} in ${places[i % places.length]} ${dates[(i * 5) % dates.length]}, officials said. ` +
      `The talks covered trade, ports and a two-day visit starting March 22. Mr. ${q.split(' ')[1]} said the U.S. and the United Nations would follow up.\n`;
  }
  return out;
}
const text = article(1 << 20);
const server = await startServer(path.join(root, 'dist'), { mounts: ['/'] });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.route('**/articles/default.txt', (r) => r.fulfill({ body: text, contentType: 'text/plain; charset=utf-8' }));
await page.goto(server.origin + '/');
await page.waitForSelector('html[data-ready]', { timeout: 600000 });
const cdp = await page.context().newCDPSession(page);
const id = await page.locator('.entities button.entity').nth(1).getAttribute('data-entity');
await page.waitForTimeout(500);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval',{interval:100}); await cdp.send('Profiler.start');
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
const ms = await page.evaluate(async (id) => {
  const t = performance.now();
  document.querySelector(`.entities button[data-entity="${id}"]`).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await new Promise((resolve) => { const frame = () => requestAnimationFrame(() => (document.querySelector('mark[data-selected]') ? setTimeout(resolve, 0) : frame())); frame(); });
  return performance.now() - t;
}, id);
await page.waitForTimeout(300);
const {profile} = await cdp.send('Profiler.stop');
{ const self = {}; const byId = new Map(profile.nodes.map(n=>[n.id,n]));
  const dt = profile.timeDeltas; const counts = {};
  profile.samples.forEach((s,i)=>{ const n = byId.get(s); const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop()+':'+n.callFrame.lineNumber; counts[k]=(counts[k]||0)+(dt[i]||0)/1000; });
  for (const [k,v] of Object.entries(counts).sort((a,b)=>b[1]-a[1]).slice(0,25)) console.log('cpu', v.toFixed(1).padStart(6), k); }
await cdp.send('Tracing.end');
await done;
console.log('measured', ms.toFixed(1));
const agg = {};
for (const e of events) if (e.ph === 'X' && e.dur) { agg[e.name] = (agg[e.name] || 0) + e.dur / 1000; }
const t0 = Math.min(...events.filter(e=>e.name==='EventDispatch').map(e=>e.ts));
for (const e of events.filter(e=>e.ph==='X' && e.dur>300 && e.ts>=t0 && e.ts < t0+200000).sort((a,b)=>a.ts-b.ts)) console.log(((e.ts-t0)/1000).toFixed(1).padStart(7), (e.dur/1000).toFixed(1).padStart(6), e.name, JSON.stringify(e.args?.beginData||e.args?.data||{}).slice(0,150));
for (const [k, v] of Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(k.padEnd(40), v.toFixed(1));
await browser.close(); server.close();
