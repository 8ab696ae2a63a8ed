// End-to-end tests of the reader's own documents: paste, file, ?src=, what is kept across
// reloads, corrections, embedding, the standalone file and the engine's JavaScript module.
// Registered by run.mjs, which serves dist/ and drives Chromium.

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { article } from './article.mjs';

const STORY = `Harbour deal signed in Santos
Updated 10:00, 5-May-2022
By Ana Lima
The mayor of Santos, Rui Costa, met Omar Haddad on Monday to sign the harbour deal.
Costa said the port, built in 1998, would double its traffic by 2030.
Haddad flew back to Lisbon on Tuesday.
`;

/** A second origin: fixture articles (with and without CORS) and a page that embeds Lede. */
function fixtureServer(viewer) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const cors = { 'access-control-allow-origin': '*' };
    if (url.pathname === '/story.txt') return res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...cors }).end(STORY);
    if (url.pathname === '/story') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...cors })
      .end(`<html><head><title>x</title></head><body><nav>Home News</nav><article><h1>Harbour deal signed in Santos</h1><p>Updated 10:00, 5-May-2022</p><p>The mayor of Santos, Rui Costa, met Omar Haddad on Monday.</p><script>alert(1)</script></article><footer>Contact us</footer></body></html>`);
    if (url.pathname === '/nocors.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end(STORY);
    // A news page that lets no other page read it (no CORS): only the bookmarklet can bring it.
    if (url.pathname === '/news/harbour-deal') {
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head>
<title>Harbour deal signed after months of talks | Coast Times</title>
<meta property="article:published_time" content="2022-05-05T10:00:00Z"><meta name="author" content="Ana Lima"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport section</a></nav><article><h1>Harbour deal signed after months of talks</h1>
<p>The mayor of Santos, Rui Costa, met Omar Haddad on Monday to sign the harbour deal after months of talks.</p>
<p>Costa said the port, built in 1998, would double its traffic by 2030, and Haddad flew back to Lisbon on Tuesday.</p>
<p>Dock workers welcomed the deal, though their union said it would watch how the new jobs are shared.</p></article>
<footer>Contact us</footer></body></html>`);
    }
    if (url.pathname === '/parent.html') {
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Parent</title>
<h1>A newsroom page</h1>
<script>window.messages = []; addEventListener('message', (e) => window.messages.push(e.data));</script>
<div data-lede-src="/story.txt" data-lede-height="300"></div>
<script src="${viewer}embed.js" async></script>`);
    }
    res.writeHead(404, { 'content-type': 'text/plain', ...cors }).end('not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

/** Does the URL fragment become `hash` soon (it is written after the selection paints)? */
function hashBecomes(page, hash) {
  return page.waitForFunction((h) => location.hash === h, hash, { timeout: 5000 }).then(() => true, () => false);
}

export function register(test, { assert, open, ready, axe, BASE, dist, shots }) {
  let fixtures;
  const fixture = async (origin) => (fixtures ||= await fixtureServer(origin + BASE));
  const title = (page) => page.locator('article h1').innerText();
  const waitTitle = (page, t) => page.waitForFunction((t) => document.querySelector('article h1')?.textContent.trim() === t, t, { timeout: 20000 });
  const problem = (page) => page.locator('.notice.problem, .status.error').first();

  async function paste(page, text, date) {
    await page.click('button.open-button');
    await page.fill('#paste-text', text);
    if (date !== undefined) await page.fill('#paste-date', date);
    await page.click('form.paste button[type=submit]');
  }

  test('pasted text is analysed; its dateline fills the date, and another date re-normalises', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE);
    await ready(page);
    await page.click('button.open-button');
    assert(await page.locator('dialog.open-dialog[open]').isVisible(), 'the Open dialog is modal and open');
    await page.fill('#paste-text', STORY);
    await page.waitForFunction(() => document.querySelector('#paste-date').value === '2022-05-05', null, { timeout: 5000 })
      .catch(() => { throw new Error('the dateline fills the publication date'); });
    await page.fill('#paste-date', '2023-01-10');
    await page.click('form.paste button[type=submit]');
    await waitTitle(page, 'Harbour deal signed in Santos');
    await page.locator('mark[data-entity]').first().waitFor();
    await page.click('button.list-toggle');
    const dates = await page.locator('table.event-table:not(.print-only) tbody tr td:first-child').allInnerTexts();
    // "on Monday" against Tuesday 10 January 2023 is Monday 9 January 2023, not a day of May 2022.
    assert(dates.some((d) => /9 January 2023/.test(d)), `Monday resolved against the chosen date: ${dates.join(' | ')}`);
    // Re-date from the facts panel: back to the article's own date.
    await page.click('form.redate button.link');
    await page.waitForFunction(() => [...document.querySelectorAll('table.event-table:not(.print-only) td:first-child')].some((td) => /2 May 2022/.test(td.textContent)), null, { timeout: 20000 })
      .catch(() => { throw new Error('using the dateline resolves Monday to 2 May 2022'); });
    await context.close();
  });

  test('the default article re-dated from the facts panel is analysed again against that date', async ({ browser, origin }) => {
    const { context, page, errors } = await open(browser, origin + BASE);
    await ready(page);
    await page.click('button.list-toggle');
    const dates = () => page.locator('table.event-table:not(.print-only) tbody tr td:first-child').allInnerTexts();
    const before = await dates();
    // Its dateline is 24 March 2021: "March 22", written without a year, is then 22 March 2021.
    assert(before.some((d) => /^22 March 2021/.test(d)), `a year-less date against the dateline: ${before.join(' | ')}`);
    await page.fill('#ref-date', '2022-05-05');
    await page.click('form.redate button[type=submit]');
    await page.waitForFunction(() => [...document.querySelectorAll('table.event-table:not(.print-only) td:first-child')].some((td) => /^22 March 2022/.test(td.textContent)), null, { timeout: 20000 })
      .catch(() => { throw new Error('re-dated to 5 May 2022, "March 22" is 22 March 2022 (not the analysis from the build)'); });
    await page.click('form.redate button.link');
    await page.waitForFunction(() => [...document.querySelectorAll('table.event-table:not(.print-only) td:first-child')].some((td) => /^22 March 2021/.test(td.textContent)), null, { timeout: 20000 })
      .catch(() => { throw new Error('the article\'s own date brings 22 March 2021 back'); });
    assert(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  test('a 1 MB article is analysed in a Web Worker while the page stays responsive', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE);
    await ready(page);
    const big = article(1 << 20);
    await page.click('button.open-button');
    await page.locator('#paste-text').evaluate((el, text) => { el.value = text; el.dispatchEvent(new InputEvent('input', { bubbles: true })); }, big);
    // While the worker analyses: the frames the main thread draws (gaps between them) and the
    // values the progress bar shows, recorded in the page until the busy notice goes.
    await page.evaluate(() => {
      const seen = (window.seen = []);
      const gaps = (window.gaps = []);
      let last = performance.now();
      const tick = (t) => {
        const bar = document.querySelector('.notice.busy progress');
        if (bar) {
          gaps.push(t - last);
          if (seen[seen.length - 1] !== bar.getAttribute('value')) seen.push(bar.getAttribute('value'));
        }
        last = t;
        if (bar || !seen.length) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.click('form.paste button[type=submit]');
    await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Harbour talks continue' && document.documentElement.hasAttribute('data-ready'), null, { timeout: 60000 });
    const { seen, gaps } = await page.evaluate(() => ({ seen: window.seen, gaps: window.gaps }));
    assert(await page.locator('article h1').innerText() === 'Harbour talks continue', 'the big article is shown');
    assert(page.workers().some((w) => w.url().endsWith('/worker.js')), 'the analysis worker ran');
    assert(seen.length >= 2 && Number(seen[seen.length - 1]) > Number(seen[0]), `the progress bar moves: ${seen.join(', ')}`);
    // The last gap holds reading the result into the page; the ones before are the analysis.
    const during = gaps.slice(1, -1);
    const worst = Math.max(...during);
    console.log(`     while the worker analysed: ${during.length} frames, longest gap ${worst.toFixed(0)} ms; progress ${seen.join(' → ')}`);
    assert(during.length > 10 && worst < 250, `the page kept drawing frames while the worker analysed (${during.length} frames, longest gap ${worst.toFixed(0)} ms)`);
    await context.close();
  });

  test('a chosen file opens (Markdown) and one that is not text is refused, keeping the page', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE);
    await ready(page);
    const before = await title(page);
    await page.click('button.open-button');
    await page.setInputFiles('#open-file', { name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]) });
    await problem(page).waitFor({ timeout: 10000 });
    const msg = await problem(page).innerText();
    assert(/bad\.txt/.test(msg) && /not a text file|binary/i.test(msg), `says what is wrong: ${msg}`);
    assert(await title(page) === before, 'the document on screen stays');
    await page.click('button.open-button');
    await page.setInputFiles('#open-file', { name: 'story.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Port of Santos expands\n\n*5 May 2022*\n\nThe mayor, **Rui Costa**, met [Omar Haddad](https://example.org) on Monday.\n`) });
    await waitTitle(page, 'Port of Santos expands');
    assert(!(await page.locator('article').innerText()).includes('**'), 'Markdown syntax is not shown');
    assert(await page.locator('mark[data-entity]').count() >= 2, 'entities found in the file');
    await context.close();
  });

  test('a saved web page opens through the page reader, loaded only then: its article, byline and date, without the site around it', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE);
    await ready(page);
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.click('button.open-button');
    await page.setInputFiles('#open-file', { name: 'story.txt', mimeType: 'text/plain', buffer: Buffer.from('Port talks resume\n\nThe mayor of Santos met Omar Haddad on Monday, officials said.\n') });
    await waitTitle(page, 'Port talks resume');
    assert(!fetched.some((f) => f.endsWith('/html_bg.wasm')), 'a plain-text article does not load the page reader');
    // Windows-1252 bytes, as its <meta charset> says: "Café" must read right.
    const html = `<!doctype html><html lang="en"><head><meta charset="windows-1252"><title>Harbour deal signed after months of talks | The Coast Times</title>
      <meta property="article:published_time" content="2021-03-24T15:18:00Z"><meta name="author" content="Ana Lima"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport section</a></nav>
      <article><h1>Harbour deal signed after months of talks</h1>
      <p>The port of Santos signed a deal with Omar Haddad's shipping line on Monday, officials said, after months of talks at the Caf\xe9 Central.</p>
      <p>The agreement runs until 2030 and covers two new quays, the mayor told reporters at the harbour on Tuesday.</p>
      <p>Dock workers welcomed the news, though their union said it would watch how the new jobs are shared.</p></article>
      <footer>\xa9 2021 The Coast Times. All rights reserved.</footer></body></html>`;
    await page.click('button.open-button');
    await page.setInputFiles('#open-file', { name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(html, 'latin1') });
    await waitTitle(page, 'Harbour deal signed after months of talks');
    assert(fetched.some((f) => f.endsWith('/html_bg.wasm')), 'the page reader was loaded for the page');
    const text = await page.locator('article').innerText();
    assert(text.includes('Café Central'), 'the declared charset is honoured');
    assert(!/Sport section|rights reserved/.test(text), `no site navigation or footer: ${text}`);
    assert(/Ana Lima/.test(text), 'the byline is shown');
    assert(await page.locator('mark[data-entity]').count() >= 2, 'entities found in the page');
    // Relative dates resolve against the page's own publication date (Monday before 24 March 2021).
    const days = await page.locator('svg.tl g.ev').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
    assert(days.some((d) => /22 March 2021/.test(d)), `Monday is read against the page's date: ${days.join(' | ')}`);
    await context.close();
  });

  test('spaCy, TimelineJS and Lede JSON files open, and an exported document reopens the same', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE, { acceptDownloads: true });
    await ready(page);
    const choose = async (name, json) => {
      await page.click('button.open-button');
      await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
    };
    const text = 'Ana Lima met the Harbour Board in Santos on March 2, 2022.';
    await choose('ents.json', { text, ents: [{ start: 0, end: 8, label: 'PERSON' }, { start: 17, end: 30, label: 'ORG' }, { start: 34, end: 40, label: 'GPE' }] });
    await page.waitForFunction(() => document.querySelectorAll('mark[data-entity]').length === 3 && document.querySelector('mark.t-organization')?.textContent === 'Harbour Board', null, { timeout: 20000 })
      .catch(() => { throw new Error('spaCy entities become the marks, with their types'); });
    assert(await page.locator('svg.tl g.ev').count() >= 1, 'Lede adds the dates to spaCy entities');
    await choose('timeline.json', { title: { text: { headline: 'Port timeline' } }, events: [
      { start_date: { year: 1998, month: 6 }, text: { headline: 'The port opens', text: 'Santos opens its new port.' } },
      { start_date: { year: 2019, month: 3, day: 4 }, text: { headline: 'Expansion', text: 'The <b>Harbour Board</b> approves a second terminal.' } },
    ] });
    await waitTitle(page, 'Port timeline');
    assert(await page.locator('svg.tl g.ev').count() >= 2, 'TimelineJS slides become dated events');
    const before = await page.locator('mark[data-entity]').count();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="lede"]')]);
    await page.click('button.open-button');
    await page.setInputFiles('#open-file', await dl.path().then((p) => ({ name: 'port.lede.json', mimeType: 'application/json', buffer: fs.readFileSync(p) })));
    await page.waitForFunction((n) => document.querySelector('.notice') === null && document.querySelectorAll('mark[data-entity]').length === n, before, { timeout: 20000 })
      .catch(() => { throw new Error('the exported lede/1 file reopens with the same marks'); });
    await context.close();
  });

  test('bad files get a message naming the problem; the page and what is stored stay', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE);
    await ready(page);
    await paste(page, STORY);
    await waitTitle(page, 'Harbour deal signed in Santos');
    const stored = await page.evaluate(() => JSON.stringify(localStorage));
    const cases = [
      ['huge.txt', Buffer.alloc(9 * 1024 * 1024, 'a'), /9\.0 MB.*up to 8 MB/],
      ['latin1.txt', Buffer.from('Caf\xe9 in S\xe3o Paulo on Monday.', 'latin1'), /not UTF-8/],
      ['broken.json', Buffer.from('{"schema": "lede/1", "text": "abc", '), /not valid JSON.*line 1/],
      ['future.json', Buffer.from('{"schema": "lede/2", "text": "abc"}'), /lede\/2/],
      ['spans.json', Buffer.from('{"schema": "lede/1", "meta": {}, "text": "abc", "entities": [{"id": "x", "name": "X", "type": "person", "mentions": [{"start": 2, "end": 9}]}]}'), /out of range/],
      ['deep.json', Buffer.from('['.repeat(10000) + ']'.repeat(10000)), /JSON/],
      ['absurd.json', Buffer.from('{"schema": "lede/1", "meta": {"published": "20210-99-99"}, "text": "abc"}'), /not a valid date/],
      ['badevent.json', Buffer.from('{"schema": "lede/1", "meta": {}, "text": "abc", "events": [{"id": "e1", "timex": "t1", "value": "2021-13-45", "granularity": "day", "label": "x", "sentence": {"start": 0, "end": 3}}]}'), /not a calendar date/],
    ];
    for (const [name, buffer, expect] of cases) {
      await page.click('button.open-button');
      await page.setInputFiles('#open-file', { name, mimeType: 'application/octet-stream', buffer });
      await page.locator('.notice.problem').waitFor({ timeout: 15000 });
      const msg = await page.locator('.notice.problem').innerText();
      assert(msg.includes(name) && expect.test(msg.replace(/\n/g, ' ')), `${name}: ${msg}`);
      assert(await title(page) === 'Harbour deal signed in Santos', `${name}: the document on screen stays`);
      assert(await page.evaluate(() => JSON.stringify(localStorage)) === stored, `${name}: nothing stored changed`);
      await page.click('.notice.problem button.dismiss');
    }
    await context.close();
  });

  test('the Open and Share dialogs pass axe and work by keyboard', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE);
    await ready(page);
    await page.focus('button.open-button');
    await page.keyboard.press('Enter');
    await page.locator('dialog.open-dialog[open]').waitFor();
    assert(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), 'focus moves into the dialog');
    let v = await axe(page);
    assert(v.length === 0, `Open dialog:\n${v.join('\n')}`);
    if (shots) await page.screenshot({ path: path.join(shots, 'open-dialog.png') });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    await page.click('button.share-button');
    await page.locator('dialog.share-dialog[open]').waitFor();
    v = await axe(page);
    assert(v.length === 0, `Share dialog:\n${v.join('\n')}`);
    if (shots) await page.screenshot({ path: path.join(shots, 'share-dialog.png') });
    await page.keyboard.press('Escape');
    await context.close();
  });

  test('each Share snippet has a Copy button that puts it on the clipboard and says so', async ({ browser, origin }) => {
    const { context, page, errors } = await open(browser, origin + BASE);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await ready(page);
    await page.click('button.share-button');
    await page.locator('dialog.share-dialog[open]').waitFor();
    const snippets = page.locator('dialog.share-dialog .snippet');
    const n = await snippets.count();
    assert(n === 3, `three snippets: ${n}`);
    for (let i = 0; i < n; i++) {
      const s = snippets.nth(i);
      await s.locator('button.copy').click();
      await s.locator('.copied', { hasText: 'Copied' }).waitFor({ timeout: 3000 });
      const want = await s.locator('textarea').inputValue();
      const got = await page.evaluate(() => navigator.clipboard.readText());
      assert(got === want, `snippet ${i} copied as shown (${got.slice(0, 40)}… vs ${want.slice(0, 40)}…)`);
      assert(await page.locator('dialog.share-dialog .copied', { hasText: 'Copied' }).count() === 1, 'only the last copied snippet says so');
    }
    assert(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  test('dist/ served by python3 -m http.server works: the default article without the engine, a pasted one in the worker', async ({ browser }) => {
    const { spawn } = await import('node:child_process');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const py = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist], { stdio: 'ignore' });
    try {
      let up = false;
      for (let i = 0; i < 50 && !up; i++) {
        up = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
        if (!up) await new Promise((r) => setTimeout(r, 100));
      }
      assert(up, 'python3 -m http.server started');
      const { context, page, errors } = await open(browser, `http://127.0.0.1:${port}/`);
      await ready(page);
      assert(await page.locator('mark[data-entity]').count() > 0, 'the article is analysed');
      assert(!page.workers().some((w) => w.url().endsWith('/worker.js')), 'the default article needs no worker');
      await paste(page, STORY);
      await waitTitle(page, 'Harbour deal signed in Santos');
      assert(page.workers().some((w) => w.url().endsWith('/worker.js')), 'the worker runs');
      assert(await page.locator('mark[data-entity]', { hasText: 'Rui Costa' }).count() > 0, 'the pasted article is analysed');
      assert(errors.length === 0, errors.join('\n'));
      await context.close();
    } finally {
      py.kill();
    }
  });

  test('?src= opens an article from another site; 404 and CORS failures say what to do', async ({ browser, origin }) => {
    const fx = await fixture(origin);
    const { context, page } = await open(browser, `${origin}${BASE}?src=${encodeURIComponent(fx.origin + '/story.txt')}`);
    await ready(page);
    await waitTitle(page, 'Harbour deal signed in Santos');
    const html = await open(browser, `${origin}${BASE}?src=${encodeURIComponent(fx.origin + '/story')}`);
    await waitTitle(html.page, 'Harbour deal signed in Santos');
    assert(!(await html.page.locator('article').innerText()).includes('Contact us'), 'HTML page furniture is dropped');
    // An address relative to the viewer, as a site hosting Lede beside its articles writes it.
    const rel = await open(browser, `${origin}${BASE}?src=articles/default.txt`);
    await waitTitle(rel.page, 'China-Russia relations: An example to follow');
    // The prerendered page already carries the default article's title: wait for the worker
    // that analyses the fetched text (it never starts for the default article).
    const analysed = async () => {
      for (let i = 0; i < 100; i++) {
        if (rel.page.workers().some((w) => w.url().endsWith('/worker.js'))) return true;
        await rel.page.waitForTimeout(100);
      }
      return false;
    };
    assert(await analysed(), 'the relative address was fetched and analysed, not taken for the default');
    await rel.context.close();
    for (const [file, expect] of [['/gone.txt', /404/], ['/nocors.txt', /CORS/]]) {
      const p = await open(browser, `${origin}${BASE}?src=${encodeURIComponent(fx.origin + file)}`);
      await problem(p.page).waitFor({ timeout: 10000 });
      const msg = await problem(p.page).innerText();
      assert(expect.test(msg), `${file}: ${msg}`);
      assert(await p.page.locator('html[data-error]').count() === 1, `${file}: the page says it failed`);
      await p.context.close();
    }
    const bad = await open(browser, `${origin}${BASE}?src=javascript:alert(1)`);
    await problem(bad.page).waitFor({ timeout: 10000 });
    assert(/only http and https/i.test(await problem(bad.page).innerText()), 'a javascript: address is refused');
    await bad.context.close();
    await html.context.close();
    await context.close();
  });

  test('"Open in Lede": the bookmarklet from the Open dialog brings a page from another site, and no other window can send one', async ({ browser, origin }) => {
    const fx = await fixture(origin);
    const { context, page } = await open(browser, origin + BASE);
    await ready(page);
    await page.click('button.open-button');
    const href = await page.locator('a.bookmarklet-link').getAttribute('href');
    assert(href.startsWith('javascript:') && href.includes(JSON.stringify(origin + BASE)), `the bookmarklet names this viewer: ${href.slice(0, 120)}`);
    await page.keyboard.press('Escape');
    // On the news page (another origin, no CORS), run the bookmarklet as a bookmark would.
    const news = await context.newPage();
    await news.goto(fx.origin + '/news/harbour-deal');
    const [lede] = await Promise.all([context.waitForEvent('page'), news.evaluate((code) => (0, eval)(decodeURIComponent(code)), href.slice('javascript:'.length))]);
    await lede.waitForFunction(() => document.querySelector('article h1')?.textContent.trim() === 'Harbour deal signed after months of talks', null, { timeout: 20000 });
    const text = await lede.locator('article').innerText();
    assert(!/Sport section|Contact us/.test(text), `the site around the article stays out: ${text}`);
    assert(await lede.locator('mark[data-entity]', { hasText: 'Rui Costa' }).count() > 0, 'entities found');
    await lede.click('button.share-button');
    const shared = (await lede.locator('dialog[open]').evaluate((d) => [...d.querySelectorAll('input, textarea, code, pre')].map((e) => e.value ?? e.textContent).join('\n')));
    assert(shared.includes(fx.origin + '/news/harbour-deal'), `the page address is the source: ${shared.slice(0, 600)}`);
    await lede.keyboard.press('Escape');
    // A message from any other window (here: the Lede window itself) is ignored.
    await lede.evaluate(() => window.postMessage({ type: 'lede:page', html: '<html><body><article><h1>Forged</h1><p>Forged text here.</p></article></body></html>', url: 'https://evil.example/' }, '*'));
    await lede.waitForTimeout(500);
    assert((await lede.locator('article h1').innerText()).trim() === 'Harbour deal signed after months of talks', 'a forged message changes nothing');
    // Without an opener, ?open=page shows the viewer as usual.
    const alone = await open(browser, origin + BASE + '?open=page');
    await alone.page.waitForSelector('html[data-ready]', { timeout: 30000 });
    await alone.context.close();
    await context.close();
  });

  test('reload keeps the document; recent documents reopen and can be deleted', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE);
    await ready(page);
    await paste(page, STORY);
    await waitTitle(page, 'Harbour deal signed in Santos');
    await page.reload();
    await waitTitle(page, 'Harbour deal signed in Santos');
    await page.click('button.open-button');
    await page.click('button.reopen-default');
    await page.waitForFunction(() => document.querySelector('article h1')?.textContent.trim() !== 'Harbour deal signed in Santos', null, { timeout: 20000 });
    await page.reload();
    await ready(page);
    assert(await title(page) !== 'Harbour deal signed in Santos', 'after opening the sample, a reload shows the sample');
    await page.click('button.open-button');
    const entry = page.locator('.recent li[data-doc]', { hasText: 'Harbour deal signed in Santos' });
    assert(await entry.count() === 1, 'the pasted document is in the recent list once');
    await entry.locator('button.reopen').click();
    await waitTitle(page, 'Harbour deal signed in Santos');
    await page.click('button.open-button');
    await page.locator('.recent li[data-doc] button.delete').first().click();
    assert(await page.locator('.recent li[data-doc]').count() === 0, 'deleted from the list');
    assert(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lede.doc.')).length) === 0, 'and from storage');
    await context.close();
  });

  test('a correction is shown, survives reload and is exported', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE, { acceptDownloads: true });
    await ready(page);
    await paste(page, STORY);
    await waitTitle(page, 'Harbour deal signed in Santos');
    const id = await page.locator('.entities button.entity.t-person').first().getAttribute('data-entity');
    await page.click(`.entities button[data-entity="${id}"]`);
    await page.click('details.correct summary');
    await page.fill(`#fix-name-${id}`, 'Rui Costa Filho');
    await page.click(`#fix-name-${id} ~ button`);
    await page.waitForFunction((id) => document.querySelector(`.entities button.entity[data-entity="${id}"] .name`)?.textContent === 'Rui Costa Filho', id, { timeout: 10000 })
      .catch(() => { throw new Error('the sidebar shows the new name'); });
    assert(await page.locator(`.entities button.entity[data-entity="${id}"] .corrected`).count() === 1, 'marked as corrected');
    assert(await page.locator('ol.fixes li').count() === 1, 'listed under Your corrections');
    await page.reload();
    await page.waitForFunction((id) => document.querySelector(`.entities button.entity[data-entity="${id}"] .name`)?.textContent === 'Rui Costa Filho', id, { timeout: 20000 })
      .catch(() => { throw new Error('the correction survives a reload'); });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="lede"]')]);
    const doc = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
    assert(doc.entities.some((e) => e.id === id && e.name === 'Rui Costa Filho'), 'exported with the new name');
    assert(doc.corrections?.length === 1 && doc.corrections[0].op === 'rename', `exported corrections: ${JSON.stringify(doc.corrections)}`);
    // A date: the 2030 event becomes 2031, then the 1998 one is not a date.
    await page.click('button.list-toggle');
    const row = (year) => page.locator('table.event-table:not(.print-only) tbody tr', { has: page.locator('td:first-child', { hasText: year }) });
    await row('2030').locator('button[data-event]').click();
    await page.fill('#fix-date', '2031');
    await page.click('.date-fix form:not(.relabel) button[type=submit]');
    await row('2031').first().waitFor({ timeout: 10000 });
    assert(await row('2031').locator('.corrected').count() + await row('2031').locator('.date-fix').count() >= 1, 'the fixed date is marked');
    await row('1998').locator('button[data-event]').click();
    await page.click('.date-fix button.undate');
    await page.waitForFunction(() => ![...document.querySelectorAll('table.event-table:not(.print-only) tbody td:first-child')].some((td) => td.textContent.includes('1998')), null, { timeout: 10000 })
      .catch(() => { throw new Error('"Not a date" removes the event'); });
    assert(await page.locator('ol.fixes li').count() === 3, 'three corrections listed');
    for (let i = 0; i < 3; i++) await page.locator('ol.fixes button.undo').first().click().then(() => page.waitForFunction((n) => document.querySelectorAll('ol.fixes li').length === n, 2 - i, { timeout: 20000 }));
    await context.close();
  });

  test('a missed name is added by selecting it in the article; an overlap is refused; an event label is edited; all undo and export', async ({ browser, origin }) => {
    const { context, page, errors } = await open(browser, origin + BASE, { acceptDownloads: true });
    await ready(page);
    await paste(page, `Quay works begin\nUpdated 10:00, 5-May-2022\nBy Ana Lima\nWork on the old quay began on Monday, the mayor of Santos, Rui Costa, said.\nThe old quay will reopen in 2024.\n`);
    await waitTitle(page, 'Quay works begin');
    const select = (text) => page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('article.article'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent.indexOf(text);
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + text.length);
          document.getSelection().removeAllRanges();
          document.getSelection().addRange(r);
          return true;
        }
      }
      return false;
    }, text);
    assert(await select('old quay'), 'text selected');
    await page.locator('form.add-name').waitFor({ timeout: 5000 });
    assert((await page.locator('form.add-name q').innerText()) === 'old quay', 'the form offers the selected text');
    await page.selectOption('form.add-name select', 'place');
    await page.click('form.add-name button[type=submit]');
    await page.locator('.entities button.entity.t-place', { hasText: 'old quay' }).waitFor({ timeout: 10000 });
    assert(await page.locator('article mark[data-entity]', { hasText: 'old quay' }).count() === 2, 'both mentions are marked');
    // Inside a marked name: refused with a message naming it.
    assert(await select('Costa'), 'text inside a name selected');
    await page.locator('form.add-name').waitFor({ timeout: 5000 });
    await page.click('form.add-name button[type=submit]');
    await problem(page).waitFor({ timeout: 10000 });
    assert(/overlaps/.test(await problem(page).innerText()), `refused: ${await problem(page).innerText()}`);
    // An event's label.
    await page.click('button.list-toggle');
    const row = page.locator('table.event-table:not(.print-only) tbody tr', { has: page.locator('td:first-child', { hasText: '2024' }) });
    await row.locator('button[data-event]').click();
    await page.fill('#fix-label', 'The old quay reopens');
    await page.click('.date-fix form.relabel button[type=submit]');
    await page.waitForFunction(() => [...document.querySelectorAll('table.event-table:not(.print-only) button[data-event]')].some((b) => b.textContent === 'The old quay reopens'), null, { timeout: 10000 })
      .catch(() => { throw new Error('the new label is shown'); });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="lede"]')]);
    const doc = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
    assert(doc.corrections.map((c) => c.op).join() === 'add,relabel', `exported: ${JSON.stringify(doc.corrections)}`);
    assert(doc.events.some((e) => e.label === 'The old quay reopens') && doc.entities.some((e) => e.name === 'old quay'), 'exported document carries both');
    for (let i = 0; i < 2; i++) await page.locator('ol.fixes button.undo').first().click().then(() => page.waitForFunction((n) => document.querySelectorAll('ol.fixes li').length === n, 1 - i, { timeout: 20000 }));
    assert(await page.locator('.entities button.entity', { hasText: 'old quay' }).count() === 0, 'undone');
    assert(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  test('merging needs an explicit target and the selection follows it; "Not an entity" removes one; both undo', async ({ browser, origin }) => {
    const { context, page, errors } = await open(browser, origin + BASE);
    await ready(page);
    await paste(page, STORY);
    await waitTitle(page, 'Harbour deal signed in Santos');
    const idOf = (name) => page.locator('.entities button.entity', { has: page.locator('.name', { hasText: name }) }).first().getAttribute('data-entity');
    const omar = await idOf('Omar Haddad');
    const rui = await idOf('Rui Costa');
    await page.click(`.entities button[data-entity="${omar}"]`);
    assert(await hashBecomes(page, `#entity=${omar}`), 'selected');
    await page.click('details.correct summary');
    const merge = page.locator(`#fix-merge-${omar} ~ button`);
    assert(await merge.isDisabled(), 'Merge waits for a choice (nothing preselected)');
    assert(await page.locator(`#fix-merge-${omar}`).inputValue() === '', 'no target preselected');
    await page.selectOption(`#fix-merge-${omar}`, rui);
    assert(!(await merge.isDisabled()), 'Merge is enabled once a target is chosen');
    await merge.click();
    assert(await hashBecomes(page, `#entity=${rui}`), 'the address follows the entity that stays');
    await page.waitForFunction((id) => document.querySelector(`.entities button[data-entity="${id}"]`)?.getAttribute('aria-pressed') === 'true', rui, { timeout: 10000 })
      .catch(() => { throw new Error('the entity that stays is selected'); });
    assert(await page.locator(`.entities button[data-entity="${omar}"]`).count() === 0, 'the merged entity is gone');
    assert(await page.locator('svg.tl g.ev.dim').count() < await page.locator('svg.tl g.ev').count(), 'events are not all dimmed');
    const badge = await page.locator(`.entities button[data-entity="${rui}"] .corrected`).boundingBox();
    assert(badge && badge.height < 24, `the corrected badge is a compact label: ${JSON.stringify(badge)}`);
    // "Not an entity": Lisbon goes, with its marks.
    const lisbon = await idOf('Lisbon');
    await page.click(`.entities button[data-entity="${lisbon}"]`);
    await page.click('details.correct summary');
    await page.click('button.not-entity');
    await page.waitForFunction((id) => !document.querySelector(`.entities button[data-entity="${id}"]`), lisbon, { timeout: 10000 })
      .catch(() => { throw new Error('the removed entity leaves the sidebar'); });
    assert(await page.locator(`mark[data-entity="${lisbon}"]`).count() === 0, 'its marks are gone');
    assert(await hashBecomes(page, ''), 'nothing is selected');
    const fixes = await page.locator('ol.fixes li').allInnerTexts();
    assert(fixes.length === 2 && fixes.some((t) => t.includes('Lisbon is not an entity')), `listed: ${fixes.join(' | ')}`);
    await page.locator('ol.fixes li', { hasText: 'not an entity' }).locator('button.undo').click();
    await page.locator(`.entities button[data-entity="${lisbon}"]`).waitFor({ timeout: 20000 });
    assert(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  test('an embedded viewer sizes its iframe and posts its height in every format', async ({ browser, origin }) => {
    const fx = await fixture(origin);
    const { context, page } = await open(browser, fx.origin + '/parent.html');
    const frame = page.locator('iframe.lede-frame');
    await frame.waitFor();
    assert(/sandbox/.test(await frame.evaluate((f) => f.outerHTML)), 'the iframe is sandboxed');
    await page.waitForFunction(() => parseInt(document.querySelector('iframe.lede-frame').style.height, 10) > 300, null, { timeout: 30000 })
      .catch(() => { throw new Error('embed.js resizes the iframe to the height the viewer posts'); });
    const msgs = await page.evaluate(() => window.messages);
    const h = msgs.find((m) => m && typeof m['lede-height'] === 'number')['lede-height'];
    assert(msgs.some((m) => m && m['datawrapper-height'] && Object.values(m['datawrapper-height'])[0] === h), 'Datawrapper format');
    assert(msgs.some((m) => m && m.sender === 'Flourish' && m.method === 'resize' && m.height === h), 'Flourish format');
    assert(msgs.some((m) => m && m.sentinel === 'amp' && m.type === 'embed-size' && m.height === h), 'AMP format');
    const inner = page.frameLocator('iframe.lede-frame');
    await inner.locator('article h1').waitFor();
    assert(await inner.locator('a.full-view').count() === 1, 'an "Open full view" link');
    assert(await inner.locator('button.open-button').count() === 0, 'no app chrome in the embed');
    // Pym.js: the child id comes from the query string Pym adds.
    const direct = await browser.newContext();
    const p2 = await direct.newPage();
    await p2.setContent(`<script>window.got = []; addEventListener('message', (e) => window.got.push(e.data));</script><iframe src="${origin}${BASE}?embed&childId=graphic-1&src=${encodeURIComponent(fx.origin + '/story.txt')}" width="600" height="200"></iframe>`);
    await p2.waitForFunction(() => window.got.some((m) => typeof m === 'string' && /^pymxPYMxgraphic-1xPYMxheightxPYMx\d+$/.test(m)), null, { timeout: 30000 })
      .catch(() => { throw new Error('Pym.js height message'); });
    await direct.close();
    await context.close();
  });

  test('"Download standalone HTML" and make standalone give one file that opens from file://', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE, { acceptDownloads: true });
    await ready(page);
    await paste(page, STORY);
    await waitTitle(page, 'Harbour deal signed in Santos');
    await page.click('button.share-button');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('button.standalone')]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-standalone-'));
    const file = path.join(dir, dl.suggestedFilename());
    await dl.saveAs(file);
    assert(file.endsWith('.html'), `an .html file: ${file}`);
    const built = path.join(dist, 'lede.html');
    for (const [f, expect] of [[file, 'Harbour deal signed in Santos'], ...(fs.existsSync(built) ? [[built, null]] : [])]) {
      const offline = await browser.newContext({ offline: true });
      const p = await offline.newPage();
      const errors = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(pathToFileURL(f).href);
      await p.waitForSelector('html[data-ready]', { timeout: 30000 }).catch(() => { throw new Error(`${path.basename(f)} did not become ready: ${errors.join('; ')}`); });
      if (expect) assert((await p.locator('article h1').innerText()).trim() === expect, 'the standalone file shows its document');
      assert(await p.locator('mark[data-entity]').count() > 0 && await p.locator('svg.tl g.ev').count() > 0, `${path.basename(f)}: marks and timeline`);
      await offline.close();
    }
    assert(fs.existsSync(built), 'make standalone wrote dist/lede.html');
    await context.close();
  });

  test('the default article comes analysed by the build, exactly as the engine in Chromium analyses default.txt, and loads no engine', async ({ browser, origin }) => {
    const { context, page, errors } = await open(browser, `${origin}${BASE}`);
    await ready(page);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert(fetched.some((u) => u.endsWith('/articles/default.json')), `the analysis from the build is read: ${fetched.join(' ')}`);
    const late = fetched.filter((u) => /\/engine\/|worker\.js|default\.txt/.test(u));
    assert(late.length === 0, `nothing of the engine is downloaded for the default article: ${late}`);
    // The viewer's own Wasm links no analysis: neither the gazetteers nor the name tagger's
    // model (both in the engine's module, as the same check on it shows).
    const viewer = fetched.find((u) => u.endsWith('_bg.wasm') && !u.includes('/engine/'));
    const links = await page.evaluate(async (url) => {
      const text = async (u) => new TextDecoder('latin1').decode(await (await fetch(u)).arrayBuffer());
      const has = (t) => ({ gazetteer: t.includes('|Islamic Republic of Afghanistan'), model: t.includes('LEDENER') });
      return { viewer: has(await text(url)), engine: has(await text('engine/lede_bg.wasm')) };
    }, viewer);
    assert(links.engine.gazetteer && links.engine.model, `the markers are found in the engine's Wasm: ${JSON.stringify(links.engine)}`);
    assert(!links.viewer.gazetteer && !links.viewer.model, `the viewer's Wasm (${viewer}) links no gazetteer and no model: ${JSON.stringify(links.viewer)}`);
    const r = await page.evaluate(async () => {
      const built = await (await fetch('articles/default.json')).text();
      const raw = new Uint8Array(await (await fetch('articles/default.txt')).arrayBuffer());
      const m = await import('./engine/lede.js');
      await m.default();
      return { built, now: m.annotateFile('article.txt', raw, {}) };
    });
    assert(r.built === r.now, `articles/default.json is the engine's analysis of articles/default.txt (${r.built.length} vs ${r.now.length} characters)`);
    const doc = JSON.parse(r.now);
    const shown = await page.locator('.entities button.entity').count();
    assert(doc.entities.length > 5 && shown > 0, `entities analysed (${doc.entities.length}) and shown (${shown})`);
    assert(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  test('the engine module: annotate(text, {date}) returns lede/1 as plain objects, and the example page works', async ({ browser, origin }) => {
    const { context, page } = await open(browser, `${origin}${BASE}engine/example.html`);
    await page.waitForSelector('html[data-ready]', { timeout: 30000 });
    assert(await page.locator('#entities li').count() > 0, 'the example lists entities');
    const r = await page.evaluate(async (story) => {
      const m = await import('./lede.js');
      await m.default();
      const doc = m.annotate(story, { date: '2023-01-10' });
      let error = null;
      try { m.annotate('x', { date: 'someday' }); } catch (e) { error = e.message; }
      return { schema: doc.schema, plain: Object.getPrototypeOf(doc) === Object.prototype, events: doc.events.map((e) => e.value), people: doc.entities.filter((e) => e.type === 'person').map((e) => e.name), error };
    }, STORY);
    assert(r.schema === 'lede/1' && r.plain, 'a plain lede/1 object');
    assert(r.events.includes('2023-01-09'), `dates resolved against the given date: ${r.events}`);
    assert(r.people.includes('Rui Costa') && r.people.includes('Omar Haddad'), `people: ${r.people}`);
    assert(/someday/.test(r.error || ''), `a bad date is a clear error: ${r.error}`);
    await context.close();
  });

  return () => fixtures && fixtures.close();
}
