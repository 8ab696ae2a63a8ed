// End-to-end tests of reading before the Wasm arrives: the default article prerendered into
// index.html by the build (crates/lede-prerender), hydrated by the viewer, hidden when the visit
// shows something else, and recovered from when hydration fails. Registered by run.mjs.

/**
 * Open `url` in a fresh context with every request for a .wasm file held back until
 * `release()` is called; `stored` goes into localStorage first. Console errors are collected.
 */
async function openHeld(browser, url, stored = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript((s) => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, stored);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(url);
  return { context, page, errors, release };
}

export function register(test, { assert, open, ready, BASE }) {
  test('prerendered: with JavaScript off the article, its names and its timeline are on the page', async ({ browser, origin }) => {
    const { context, page, errors } = await open(browser, origin + BASE, { javaScriptEnabled: false });
    const h1 = (await page.locator('article h1').innerText()).trim();
    assert(h1 === 'China-Russia relations: An example to follow', `title: "${h1}"`);
    assert((await page.title()).startsWith('China-Russia relations'), `tab title: ${await page.title()}`);
    assert((await page.locator('article .byline').innerText()).trim() === 'By Danil Bochkov', 'byline');
    assert(await page.locator('article time.published').getAttribute('datetime') === '2021-03-24T15:18', 'date');
    assert(await page.locator('article figure figcaption').count() === 2, 'captions');
    assert(await page.locator('article aside.note').count() === 1, 'note');
    const marks = await page.locator('article mark[data-entity]').count();
    assert(marks > 30, `highlighted mentions: ${marks}`);
    const groups = await page.locator('.entities h3').count();
    assert(groups >= 3, `sidebar groups: ${groups}`);
    const events = await page.locator('svg.tl g.ev').count();
    assert(events >= 10, `timeline events: ${events}`);
    assert(await page.locator('noscript').count() === 1, 'a note says what needs JavaScript');
    assert(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  test('prerendered: the article shows before the Wasm arrives, then the same markup comes alive', async ({ browser, origin }) => {
    const { context, page, errors, release } = await openHeld(browser, origin + BASE);
    await page.locator('article h1').waitFor({ state: 'visible', timeout: 10000 });
    assert(await page.locator('svg.tl g.ev').count() >= 10, 'the timeline is drawn before any Wasm');
    assert(!(await page.evaluate(() => document.documentElement.hasAttribute('data-ready'))), 'not live yet');
    // The same nodes stay on the page: hydration adopts them instead of drawing new ones.
    await page.evaluate(() => { window.__h1 = document.querySelector('article h1'); });
    release();
    await page.waitForSelector('html[data-hydrated][data-ready]', { timeout: 30000 });
    assert(await page.evaluate(() => window.__h1 === document.querySelector('article h1')), 'the prerendered title node is kept');
    await page.locator('.entities button.entity').first().click();
    await page.waitForSelector('article mark[data-selected]', { timeout: 5000 });
    assert(errors.length === 0, `console errors:\n${errors.join('\n')}`);
    await context.close();
  });

  test('prerendered: a fragment selection applies once the page is live', async ({ browser, origin }) => {
    const first = await open(browser, origin + BASE);
    await ready(first.page);
    const id = await first.page.locator('article mark[data-entity]').first().getAttribute('data-entity');
    await first.context.close();
    const { context, page, errors } = await open(browser, `${origin}${BASE}#entity=${id}`);
    await ready(page);
    await page.waitForSelector(`article mark[data-entity="${id}"][data-selected]`, { timeout: 5000 });
    assert(await page.evaluate(() => location.hash) === `#entity=${id}`, 'the fragment stays');
    assert(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  /** Before any Wasm: the page marks the visit fresh and hides the prerendered article. */
  async function defaultArticleHidden(page) {
    await page.waitForLoadState('domcontentloaded');
    assert(await page.evaluate(() => document.documentElement.classList.contains('lede-fresh')), 'html.lede-fresh');
    assert(!(await page.locator('article h1').isVisible()), 'the prerendered article is hidden');
  }

  test('prerendered: another document never flashes the default article', async ({ browser, origin }) => {
    const { context, page, release } = await openHeld(browser, `${origin}${BASE}?src=articles/default.txt&embed`);
    await defaultArticleHidden(page);
    release();
    await page.waitForSelector('html[data-ready]', { timeout: 30000 });
    assert(await page.locator('.app.embed').count() === 1, 'the embedded view is drawn afresh');
    assert(!(await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated'))), 'not hydrated');
    await context.close();
  });

  test('prerendered: a stored document never flashes the default article either', async ({ browser, origin }) => {
    // What the viewer keeps after a reader opened their own article (the document itself is
    // gone here, so the viewer falls back to the default article, rendered afresh).
    const { context, page, release } = await openHeld(browser, origin + BASE, { 'lede.current': 'gone-document' });
    await defaultArticleHidden(page);
    release();
    await page.waitForSelector('html[data-ready]', { timeout: 30000 });
    assert(await page.locator('article h1').isVisible(), 'then the viewer shows an article');
    await context.close();
  });

  test('prerendered: a stored dark theme applies before the page paints', async ({ browser, origin }) => {
    const { context, page, release } = await openHeld(browser, origin + BASE, { 'lede-theme': 'dark' });
    await page.locator('article h1').waitFor({ state: 'visible' });
    assert(await page.evaluate(() => document.documentElement.dataset.theme) === 'dark', 'dark before any Wasm');
    release();
    await page.waitForSelector('html[data-ready]', { timeout: 30000 });
    assert(await page.locator('.theme-toggle').getAttribute('aria-pressed') === 'true', 'the toggle agrees once live');
    await context.close();
  });

  test('prerendered: a hydration mismatch falls back to a fresh render, not a dead page', async ({ browser, origin }) => {
    const { context, page } = await open(browser, `${origin}${BASE}?lede-test=mismatch`);
    await page.waitForSelector('html[data-ready]', { timeout: 30000 });
    assert(await page.locator('#lede-fatal').count() === 0, 'no error panel');
    assert(!(await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated'))), 'rendered afresh');
    assert(await page.locator('svg.tl g.ev').count() >= 10, 'the fresh render has every event');
    assert(await page.evaluate(() => sessionStorage.getItem('lede-fresh')) === null, 'the retry flag is spent');
    await context.close();
  });

  test('a panic shows the "Lede stopped working" panel, not a blank page', async ({ browser, origin }) => {
    const { context, page } = await open(browser, `${origin}${BASE}?lede-test=panic`);
    const panel = page.locator('#lede-fatal');
    await panel.waitFor({ state: 'visible', timeout: 30000 });
    assert((await panel.innerText()).includes('Lede stopped working'), 'the panel says what happened');
    assert(await page.locator('article h1').isVisible(), 'the article stays on screen');
    await context.close();
  });
}
