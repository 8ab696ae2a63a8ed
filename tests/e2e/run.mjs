// End-to-end tests: serve the built dist/ over HTTP on loopback and drive the real app
// in Debian's headless Chromium with playwright-core. Run by `make e2e` (part of `make test`).
//
// dist/ is served under a sub-path (/some/sub/path/) to prove the relative public URL works.
// Screenshots go to docs/screenshots/ (the README shows them).

import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { register as documents } from './documents.mjs';
import { register as hardening } from './hardening.mjs';
import { register as prerender } from './prerender.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const shots = path.join(root, 'docs', 'screenshots');
const raw = fs.readFileSync(path.join(root, 'static/articles/default.txt'), 'utf8');
const rawLines = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

const BASE = '/some/sub/path/';
const CHROME_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** Does the URL fragment become `hash` soon (it is written after the selection paints)? */
async function hashBecomes(page, hash) {
  return page.waitForFunction((h) => location.hash === h, hash, { timeout: 3000 }).then(() => true, () => false);
}

/** Open a page, collecting console errors and page errors. */
async function open(browser, url, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...opts });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  return { context, page, errors };
}

async function ready(page) {
  await page.waitForSelector('html[data-ready]', { timeout: 30000 });
}

test('default article loads from a sub-path without console errors', async ({ browser, origin }) => {
  const { context, page, errors } = await open(browser, origin + BASE);
  await ready(page);
  assert(errors.length === 0, `console errors:\n${errors.join('\n')}`);
  assert(await page.locator('article').count() === 1, 'one <article>');
  await context.close();
});

// The default article is the real CGTN piece (static/articles/default.txt, raw as scraped):
// these tests say what a reader of it must see.
const TITLE = 'China-Russia relations: An example to follow';
const AUTHOR = 'Danil Bochkov';
const CREDITS = ['Xinhua', 'VCG'];

test('title, byline and readable publication date show', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  const h1 = (await page.locator('article h1').innerText()).trim();
  assert(h1 === TITLE, `title: "${h1}"`);
  assert(rawLines.includes(h1), `title "${h1}" is a line of the raw article`);
  assert(await page.locator('article h1').isVisible(), 'title visible');
  assert(await page.title() !== '', 'the tab has a title');
  const byline = (await page.locator('article .byline').innerText()).trim();
  assert(byline === `By ${AUTHOR}`, `byline shows: "${byline}"`);
  assert(await page.locator('article .byline mark').innerText() === AUTHOR, 'the author\'s name is a mark');
  const time = page.locator('article time.published');
  assert(await time.getAttribute('datetime') === '2021-03-24T15:18', `machine-readable datetime: ${await time.getAttribute('datetime')}`);
  const human = (await time.innerText()).trim();
  assert(human === '24 March 2021, 15:18', `date written for people: "${human}"`);
  assert(!(await page.locator('article').innerText()).includes('Updated 15:18'), 'the raw dateline is not shown');
  await context.close();
});

test('each caption appears exactly once, with its credit', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  // Captions in the raw page: lines ending with a "/Credit", each repeated.
  const captionLines = [...new Set(rawLines.filter((l) => / \/\s*[A-Z][\w .&-]*$/.test(l)))];
  assert(captionLines.length === 2, `the raw article has two distinct captions: ${captionLines.length}`);
  const figures = page.locator('article figure figcaption');
  assert(await figures.count() === captionLines.length, `figures: ${await figures.count()} vs ${captionLines.length} distinct captions`);
  const text = await page.locator('article').innerText();
  for (const line of captionLines) {
    const body = line.replace(/\s*\/\s*[A-Z][\w .&-]*$/, '');
    const occurrences = text.split(body).length - 1;
    assert(occurrences === 1, `caption shown ${occurrences} times: "${body.slice(0, 60)}…"`);
  }
  const credits = [];
  for (let i = 0; i < await figures.count(); i++) {
    credits.push((await figures.nth(i).locator('.credit span').textContent()).trim());
  }
  assert(JSON.stringify(credits) === JSON.stringify(CREDITS), `photo credits: ${credits.join(', ')}`);
  for (const credit of CREDITS) {
    assert(!text.includes(`/${credit}`), `"/${credit}" is shown as a photo credit, not as text`);
  }
  await context.close();
});

test('no page chrome is visible; note and footer are set apart', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  const visible = await page.locator('body').innerText();
  for (const chrome of ['Download', 'Search Trends']) {
    assert(!visible.includes(chrome), `chrome text visible: ${chrome}`);
  }
  const note = page.locator('article aside.note');
  assert(await note.count() === 1 && await note.isVisible(), 'editor\'s note shown as an aside');
  assert((await note.innerText()).startsWith('Editor\'s note:') && (await note.innerText()).includes(AUTHOR), 'the note is the editor\'s note');
  const noteBg = await note.evaluate((e) => getComputedStyle(e).backgroundColor);
  const pageBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert(noteBg !== pageBg, 'the note is visually distinct');
  const footer = page.locator('article footer.article-foot');
  assert(await footer.isVisible(), 'footer shown');
  const footText = await footer.textContent();
  assert(footText.includes('If you want to contribute'), `the contribution line is the footer: "${footText}"`);
  const [foot, para] = await Promise.all([footer, page.locator('article p').first()].map((l) => l.evaluate((e) => {
    const s = getComputedStyle(e);
    return { size: parseFloat(s.fontSize), border: s.borderTopStyle };
  })));
  assert(foot.size < para.size && foot.border !== 'none', `footer styled as a footer: ${JSON.stringify(foot)} vs body ${JSON.stringify(para)}`);
  assert(!visible.includes('opinions@cgtn.com.)\nSearch Trends') && !visible.includes('cgtn.com.)Search'), 'nothing glued after the footer');
  assert(await page.locator('article p').count() >= 3, 'body paragraphs');
  await page.screenshot({ path: path.join(shots, 'desktop.png'), fullPage: false });
  await context.close();
});

// The names a reader of the default article must find (read off the article by hand): each
// person, organisation and place with the forms it is written in. Its count in the sidebar
// must equal how often those forms occur in the text the reader sees, and nothing else may be
// listed under these three types.
const DEFAULT_NAMES = {
  person: { 'Sergei Lavrov': ['Lavrov'], 'Wang Yi': ['Wang'], Biden: ['Biden'], 'Danil Bochkov': ['Danil Bochkov'],
    'Vladimir Putin': ['Vladimir Putin'], Navalny: ['Navalny'], 'Yang Jiechi': ['Yang Jiechi'] },
  organization: { 'European Union': ['EU'], 'United Nations': ['UN', 'United Nations'], Xinhua: ['Xinhua'], VCG: ['VCG'],
    CGTN: ['CGTN'], 'Russian International Affairs Council': ['Russian International Affairs Council'],
    'MGIMO-University': ['MGIMO-University'], 'Ministry of Foreign Affairs of Russia': ['Ministry of Foreign Affairs of Russia'],
    'University of International Business and Economics': ['University of International Business and Economics'],
    'Northern Command': ['Northern Command'], 'Chinese Foreign Ministry': ['Chinese Foreign Ministry'] },
  place: { China: ['China'], Russia: ['Russia'], 'United States': ['U.S.'], Beijing: ['Beijing'], Moscow: ['Moscow'],
    Washington: ['Washington'], Alaska: ['Alaska'], Anchorage: ['Anchorage'], Guilin: ['Guilin'],
    'Guangxi Zhuang Autonomous Region': ['Guangxi Zhuang Autonomous Region'], 'Indo-Pacific': ['Indo-Pacific'],
    'United Kingdom': ['UK'], Canada: ['Canada'] },
};

test('the sidebar lists every person, organisation and place of the default article, typed right, with all their mentions and no junk', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  const shown = await page.locator('.entities button.entity').evaluateAll((bs) => bs.map((b) => ({
    type: [...b.classList].find((c) => c.startsWith('t-')).slice(2),
    name: b.querySelector('.name').textContent,
    count: Number(b.querySelector('.count').textContent),
  })));
  // The text the reader sees, block by block (headline, byline, captions, paragraphs, note, footer).
  const seen = await page.locator('article').evaluate((a) => [...a.querySelectorAll('h1, .byline, figcaption, p')].map((e) => e.textContent).join('\n'));
  // A name inside a longer name ("Russia" of "Ministry of Foreign Affairs of Russia", "U.S." of
  // the work "U.S. National Defense Review") is a mention of the longer one only.
  const longer = [...Object.values(DEFAULT_NAMES).flatMap((n) => Object.values(n).flat()), 'U.S. National Defense Review', 'Sino-Russian Treaty of Friendship'];
  const escape = (f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const occurrences = (form) => {
    let text = seen;
    for (const l of longer.filter((l) => l !== form && l.includes(form))) text = text.split(l).join(' ');
    return text.split(new RegExp(`(?<!\\w)${escape(form)}(?!\\w)`)).length - 1;
  };
  const problems = [];
  for (const [type, names] of Object.entries(DEFAULT_NAMES)) {
    for (const [name, forms] of Object.entries(names)) {
      const e = shown.find((x) => x.name === name);
      if (!e) { problems.push(`missing: ${name} (${type})`); continue; }
      if (e.type !== type) problems.push(`${name} listed as ${e.type}, not ${type}`);
      const want = forms.reduce((n, f) => n + occurrences(f), 0);
      if (e.count !== want) problems.push(`${name}: ${e.count} mentions, the text has ${want}`);
    }
    for (const e of shown.filter((x) => x.type === type && !(x.name in names))) problems.push(`junk ${type}: ${e.name}`);
  }
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

test('readable measure and line height', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  const m = await page.locator('article p').first().evaluate((p) => {
    const s = getComputedStyle(p);
    return { width: p.getBoundingClientRect().width, size: parseFloat(s.fontSize), lh: parseFloat(s.lineHeight) };
  });
  const charsPerLine = m.width / (m.size * 0.5);
  assert(charsPerLine >= 45 && charsPerLine <= 95, `measure ~${charsPerLine.toFixed(0)} characters`);
  assert(m.lh / m.size >= 1.4, `line height ${(m.lh / m.size).toFixed(2)}`);
  await context.close();
});

test('dark theme follows the system, the toggle overrides it and survives reload', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE, { colorScheme: 'dark' });
  await ready(page);
  assert(await page.getAttribute('html', 'data-theme') === 'dark', 'system dark preference applied');
  const darkBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.screenshot({ path: path.join(shots, 'desktop-dark.png') });
  await page.click('button.theme-toggle');
  assert(await page.getAttribute('html', 'data-theme') === 'light', 'toggled to light');
  const lightBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert(lightBg !== darkBg, 'background changes with the theme');
  await page.reload();
  await ready(page);
  assert(await page.getAttribute('html', 'data-theme') === 'light', 'choice kept across reload');
  assert(await page.getAttribute('button.theme-toggle', 'aria-pressed') === 'false', 'toggle state announced');
  await context.close();
});

test('a 360 px phone shows the article without sideways scrolling', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE, { viewport: { width: 360, height: 740 } });
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: path.join(shots, 'phone.png') });
  await context.close();
});

test('a missing article gives a clear message, not a blank page', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + '/no-article/');
  await page.waitForSelector('html[data-error]', { timeout: 30000 });
  const alert = await page.locator('[role=alert]').innerText();
  assert(alert.includes('could not be loaded') && alert.includes('404'), `message: ${alert}`);
  await context.close();
});


// ---------- Viewer: linked selection, deep links, keyboard, accessibility ----------

async function firstEntity(page, type = 'person') {
  return page.locator(`.entities button.entity.t-${type}`).first().getAttribute('data-entity');
}

test('selecting an entity in the sidebar highlights its mentions and dims other events', async ({ browser, origin }) => {
  const { context, page, errors } = await open(browser, origin + BASE);
  await ready(page);
  const id = await firstEntity(page);
  const button = page.locator(`.entities button[data-entity="${id}"]`);
  const count = Number(await button.locator('.count').innerText());
  await button.click();
  assert(await button.getAttribute('aria-pressed') === 'true', 'sidebar entry pressed');
  const selected = await page.locator(`mark[data-entity="${id}"][data-selected]`).count();
  assert(selected === count && count > 0, `selected marks ${selected} vs ${count} mentions`);
  assert(await page.locator('mark[data-selected]').count() === count, 'only that entity is marked selected');
  assert(await hashBecomes(page, `#entity=${id}`), 'URL fragment carries the selection');
  const dim = await page.locator('g.ev.dim').count();
  const withIt = await page.locator('g.ev:not(.dim)').count();
  assert(dim > 0 && withIt > 0, `timeline filters to the entity's events (${withIt} kept, ${dim} dimmed)`);
  assert((await page.locator('[aria-live="polite"]').innerText()).startsWith('Selected'), 'live region announces');
  assert(await page.locator('.detail .mentions li').count() === count, 'mention list in the sidebar');
  assert(errors.length === 0, errors.join('\n'));
  await context.close();
});

test('clicking a mention in the text selects its entity', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  const mark = page.locator('article p mark[data-entity]').nth(2);
  const id = await mark.getAttribute('data-entity');
  await mark.click();
  assert(await page.locator(`.entities button[data-entity="${id}"]`).getAttribute('aria-pressed') === 'true', 'sidebar follows the text');
  // Hover card shows name and count.
  const card = await mark.getAttribute('data-card');
  assert(/mention/.test(card), `card: ${card}`);
  await context.close();
});

test('selecting an event on the timeline scrolls the article to its sentence', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  const events = page.locator('svg.tl g.ev');
  assert(await events.count() >= 5, 'events drawn');
  const ev = events.nth(await events.count() - 3);
  const id = await ev.getAttribute('data-event');
  await ev.locator('text').click();
  assert(await hashBecomes(page, `#event=${id}`), 'fragment');
  const current = page.locator('article .s.current');
  await current.first().waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector('article .s.current');
    const r = el && el.getBoundingClientRect();
    return r && r.bottom > 0 && r.top < innerHeight;
  }, null, { timeout: 5000 }).catch(() => { throw new Error('sentence scrolled into view'); });
  assert(await current.first().evaluate((el) => el.classList.contains('flash')), 'the sentence flashes');
  await context.close();
});

test('timeline labels never overlap, and every event is clickable where it is drawn', async ({ browser, origin }) => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 360, height: 740 }]) {
    const { context, page } = await open(browser, origin + BASE, { viewport });
    await ready(page);
    const problems = await page.evaluate(() => {
      const out = [];
      const boxes = [...document.querySelectorAll('svg.tl g.ev text')].map((t) => [t, t.getBoundingClientRect()]);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, r] = boxes[i], [b, s] = boxes[j];
          if (r.left < s.right - 0.5 && s.left < r.right - 0.5 && r.top < s.bottom - 0.5 && s.top < r.bottom - 0.5) out.push(`labels overlap: "${a.textContent}" / "${b.textContent}"`);
        }
      }
      for (const g of document.querySelectorAll('svg.tl g.ev')) {
        const mark = g.querySelector('.dot') || g.querySelector('text');
        mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const r = mark.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || hit.closest('g.ev') !== g) out.push(`event ${g.dataset.event} is covered by ${hit && (hit.closest('g.ev')?.dataset.event || hit.tagName)}`);
      }
      return out;
    });
    assert(problems.length === 0, `${viewport.width} px:\n${problems.join('\n')}`);
    await context.close();
  }
});

test('the table view lists the same events and selects them', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  const n = await page.locator('svg.tl g.ev').count();
  await page.click('button.list-toggle');
  const rows = page.locator('table.event-table:not(.print-only) button[data-event]');
  assert(await rows.count() === n, `table rows ${await rows.count()} vs ${n}`);
  await rows.first().click();
  assert(await rows.first().getAttribute('aria-pressed') === 'true', 'row selected');
  assert(await page.waitForFunction(() => location.hash.startsWith('#event='), null, { timeout: 3000 }).then(() => true, () => false), 'fragment');
  await context.close();
});

test('deep links restore the selection; back and forward work', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  const ids = await page.locator('.entities button.entity').evaluateAll((bs) => bs.slice(0, 2).map((b) => b.dataset.entity));
  await page.goto(origin + BASE + `#entity=${ids[0]}`);
  await page.reload();
  await ready(page);
  assert(await page.locator(`.entities button[data-entity="${ids[0]}"]`).getAttribute('aria-pressed') === 'true', 'restored from link');
  await page.locator(`.entities button[data-entity="${ids[1]}"]`).click();
  assert(await hashBecomes(page, `#entity=${ids[1]}`), 'URL fragment');
  await page.goBack();
  await page.waitForFunction((id) => document.querySelector(`.entities button[data-entity="${id}"]`)?.getAttribute('aria-pressed') === 'true', ids[0]);
  await page.goForward();
  await page.waitForFunction((id) => document.querySelector(`.entities button[data-entity="${id}"]`)?.getAttribute('aria-pressed') === 'true', ids[1]);
  await context.close();
});

test('keyboard only: tab to an entity and an event, activate with Enter; zoom with + and -', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  let found = false;
  for (let i = 0; i < 60 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.matches('button.entity'));
  }
  assert(found, 'an entity button is reachable by Tab');
  const id = await page.evaluate(() => document.activeElement.dataset.entity);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert(outline !== 'none', 'visible focus');
  await page.keyboard.press('Enter');
  assert(await page.locator(`.entities button[data-entity="${id}"]`).getAttribute('aria-pressed') === 'true', 'Enter selects');
  await page.focus('svg.tl g.ev');
  const ev = await page.evaluate(() => document.activeElement.dataset.event);
  await page.keyboard.press('Enter');
  assert(await hashBecomes(page, `#event=${ev}`), 'Enter on a timeline event selects it');
  const w0 = await page.locator('svg.tl').getAttribute('width');
  await page.focus('svg.tl g.ev[tabindex="0"]');
  await page.keyboard.press('+');
  const w1 = await page.locator('svg.tl').getAttribute('width');
  assert(Number(w1) > Number(w0), `zoomed in: ${w0} → ${w1}`);
  await page.keyboard.press('-');
  // Back at zoom 1 the chart fits its pane again (re-measured: a scrollbar that came or went
  // meanwhile moves it by its width).
  assert(await page.waitForFunction((w0) => Math.abs(Number(document.querySelector('svg.tl').getAttribute('width')) - Number(w0)) <= 20, w0, { timeout: 3000 }).then(() => true, () => false),
    `zoomed back out: ${w0} → ${w1} → ${await page.locator('svg.tl').getAttribute('width')}`);
  await context.close();
});

test('the first view fits every event at 320, 390 and 600 px and Fit all returns there; previous/next step in date order', async ({ browser, origin }) => {
  for (const width of [320, 390, 600, 1440]) {
    const { context, page, errors } = await open(browser, origin + BASE, { viewport: { width, height: 800 } });
    await ready(page);
    const outside = () => page.evaluate(() => {
      const pane = document.querySelector('.tl-scroll').getBoundingClientRect();
      return [...document.querySelectorAll('svg.tl g.ev')].filter((g) => {
        const m = g.querySelector('.dot, .band').getBoundingClientRect();
        return m.left < pane.left - 1 || m.right > pane.right + 1;
      }).map((g) => g.getAttribute('aria-label'));
    });
    assert((await outside()).length === 0, `${width} px: marks outside the first view: ${(await outside()).join('; ')}`);
    await page.locator('.tl-toolbar button[aria-label="Zoom in"]').click();
    await page.locator('.tl-toolbar button[aria-label="Zoom in"]').click();
    await page.locator('.tl-scroll').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await page.locator('.tl-toolbar button', { hasText: 'Fit all' }).click();
    assert(await page.waitForFunction(() => document.querySelector('.tl-scroll').scrollLeft === 0).then(() => true, () => false), `${width} px: Fit all scrolls back`);
    await page.waitForTimeout(100);
    assert((await outside()).length === 0, `${width} px: after Fit all, marks outside: ${(await outside()).join('; ')}`);
    if (width === 390) {
      const order = await page.locator('svg.tl g.ev').evaluateAll((gs) => gs.map((g) => g.dataset.event));
      await page.locator('.tl-toolbar button[aria-label="Next event"]').click();
      assert(await hashBecomes(page, `#event=${order[0]}`), 'Next from nothing selects the first event');
      const stepper = page.locator('.event-stepper');
      assert((await stepper.locator('.pos').textContent()) === `1 of ${order.length}`, 'the stepper says where we are');
      assert(await stepper.locator('button[aria-label="Previous event"]').isDisabled(), 'no previous before the first');
      await stepper.locator('button[aria-label="Next event"]').click();
      assert(await hashBecomes(page, `#event=${order[1]}`), 'the stepper steps to the next event');
      assert(await stepper.isVisible() && (await stepper.boundingBox()).y >= -1, 'the stepper is in view after the article scrolled');
      await page.locator('body').press('n');
      assert(await hashBecomes(page, `#event=${order[2]}`), 'n steps forward');
      await page.locator('body').press('p');
      assert(await hashBecomes(page, `#event=${order[1]}`), 'p steps back');
      assert(errors.length === 0, errors.join('\n'));
    }
    await context.close();
  }
});

test('keyboard first: a skip link reaches the timeline, which is one Tab stop walked by arrows, Home and End; Escape clears', async ({ browser, origin }) => {
  const { context, page, errors } = await open(browser, origin + BASE);
  await ready(page);
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a?.tagName.toLowerCase(), text: (a?.textContent || '').trim().slice(0, 40), event: a?.dataset?.event || null };
  });
  await page.keyboard.press('Tab');
  const first = await active();
  assert(first.tag === 'button' && first.text === 'Skip to the timeline', `the first Tab stop is the timeline's skip link: ${JSON.stringify(first)}`);
  await page.keyboard.press('Enter');
  const order = await page.locator('svg.tl g.ev').evaluateAll((gs) => gs.map((g) => g.dataset.event));
  assert(order.length >= 5, 'events drawn');
  assert((await active()).event === order[0], `Enter on the skip link focuses the first event: ${JSON.stringify(await active())}`);
  assert(await page.locator('svg.tl g.ev[tabindex="0"]').count() === 1, 'one event in the Tab order');
  assert(await page.locator('.tl-scroll[tabindex]').count() === 0, 'the chart itself is no extra Tab stop');
  await page.keyboard.press('ArrowRight');
  assert((await active()).event === order[1], 'ArrowRight moves to the next event');
  await page.keyboard.press('End');
  assert((await active()).event === order[order.length - 1], 'End moves to the last event');
  await page.keyboard.press('Home');
  assert((await active()).event === order[0], 'Home moves to the first event');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert(await hashBecomes(page, `#event=${order[1]}`), 'Enter selects the focused event');
  assert(await page.locator(`svg.tl g.ev[data-event="${order[1]}"]`).getAttribute('tabindex') === '0', 'the selected event holds the Tab stop');
  await page.keyboard.press('Escape');
  assert(await hashBecomes(page, ''), 'Escape clears the selection');
  assert(await page.locator('svg.tl g.ev.selected').count() === 0, 'nothing selected');
  // From the article too.
  await page.locator('article p mark[data-entity]').first().click();
  await page.keyboard.press('Escape');
  assert(await page.locator('mark[data-selected]').count() === 0, 'Escape clears an entity selection');
  assert(await page.title() === `${TITLE} · Lede`, `the tab names the article: ${await page.title()}`);
  assert(await page.locator('meta[name=description]').getAttribute('content'), 'a meta description');
  assert(errors.length === 0, errors.join('\n'));
  await context.close();
});

async function axe(page) {
  await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no WCAG 2 A/AA violations (${scheme} theme, with a selection)`, async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE, { colorScheme: scheme });
    await ready(page);
    await page.locator('.entities button.entity').first().click();
    const violations = await axe(page);
    assert(violations.length === 0, `violations:\n${violations.join('\n')}`);
    await context.close();
  });
}

test('a 360 px phone: drawer for the sidebar, timeline scrolls on its own', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE, { viewport: { width: 360, height: 740 } });
  await ready(page);
  assert(!(await page.locator('.side').isVisible()), 'sidebar hidden in a drawer');
  await page.click('.drawer-toggle');
  assert(await page.locator('.side').isVisible(), 'drawer opens');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.click('.drawer-toggle');
  await page.screenshot({ path: path.join(shots, 'phone.png') });
  await context.close();
});


// ---------- Hosting: strict Content-Security-Policy ----------

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self' https:; frame-ancestors *";

test('dist/ works under a strict CSP with no violation, worker and engine included', async ({ browser }) => {
  const strict = await startServer(dist, { mounts: ['/'], headers: { 'content-security-policy': CSP } });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text()); });
  await page.goto(strict.origin + '/');
  await ready(page);
  await page.locator('.entities button.entity').first().click();
  // A pasted article: the worker and the engine's module and Wasm, under the same policy.
  await page.click('button.open-button');
  await page.fill('#paste-text', 'Talks resume in Lisbon\nUpdated 10:00, 5-May-2022\nThe mayor of Lisbon, Rui Costa, met Omar Haddad on Monday.');
  await page.click('form.paste button[type=submit]');
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent.trim() === 'Talks resume in Lisbon' && document.documentElement.hasAttribute('data-ready'), null, { timeout: 30000 });
  assert(page.workers().some((w) => w.url().endsWith('/worker.js')), 'the analysis worker ran under the policy');
  assert(await page.locator('mark[data-entity]', { hasText: 'Rui Costa' }).count() > 0, 'the pasted article was analysed');
  const violations = await page.evaluate(() => window.__csp);
  assert(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
  assert(errors.length === 0, `console: ${errors.join('; ')}`);
  await context.close();
  strict.close();
});


test('two fingers pinch the timeline to zoom on a touch screen', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await ready(page);
  const chart = page.locator('.tl-scroll');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  const w0 = Number(await page.locator('svg.tl').getAttribute('width'));
  const cdp = await context.newCDPSession(page);
  const y = box.y + box.height / 2, cx = box.x + box.width / 2;
  const at = (d) => [{ x: cx - d, y, id: 0 }, { x: cx + d, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(20) });
  for (const d of [40, 60, 80, 100]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(d) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction((w) => Number(document.querySelector('svg.tl').getAttribute('width')) > w * 2, w0, { timeout: 3000 })
    .catch(async () => { throw new Error(`pinch out did not zoom in: width ${w0} -> ${await page.locator('svg.tl').getAttribute('width')}`); });
  assert(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the page itself does not scroll sideways');
  await context.close();
});

test('the timeline pans by drag when zoomed', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  await page.click('.tl-toolbar button[aria-label="Zoom in"]');
  await page.click('.tl-toolbar button[aria-label="Zoom in"]');
  const box = await page.locator('.tl-scroll').boundingBox();
  const before = await page.locator('.tl-scroll').evaluate((el) => el.scrollLeft);
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height - 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height - 12, { steps: 5 });
  await page.mouse.up();
  const after = await page.locator('.tl-scroll').evaluate((el) => el.scrollLeft);
  assert(after > before + 100, `dragging left scrolls right: ${before} → ${after}`);
  await context.close();
});

test('print: article, entity index and event list, without controls', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE);
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.bar', '.tl-toolbar', '.type-filters', '.search', '.drawer-toggle']) {
    assert(!(await page.locator(sel).first().isVisible()), `${sel} hidden in print`);
  }
  assert(await page.locator('article').isVisible(), 'article printed');
  assert(await page.locator('.entities button.entity').first().isVisible(), 'entity index printed');
  const rows = await page.locator('table.event-table tr').count();
  assert(rows > 0 && await page.locator('table.event-table').first().isVisible(), 'event list printed');
  await context.close();
});

test('each export downloads a file that parses and matches the page', async ({ browser, origin }) => {
  const { context, page } = await open(browser, origin + BASE, { acceptDownloads: true });
  await ready(page);
  const get = async (key) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export="${key}"]`)]);
    return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
  };
  const marks = await page.locator('mark[data-entity]').count();
  const events = await page.locator('[data-event]').count();
  const lede = await get('lede');
  const doc = JSON.parse(lede.text);
  assert(lede.name.endsWith('.lede.json') && doc.schema === 'lede/1', 'lede/1 JSON');
  const mentions = doc.entities.reduce((n, e) => n + e.mentions.length, 0);
  const wa = JSON.parse((await get('webanno')).text);
  const items = wa.first.items;
  assert(items.length === mentions + doc.timexes.length, `one annotation per mention and timex (${items.length})`);
  const chars = Array.from(doc.text);
  for (const it of items) {
    const q = it.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const p = it.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert(chars.slice(p.start, p.end).join('') === q.exact, `selectors agree on ${q.exact}`);
  }
  const tl = JSON.parse((await get('timelinejs')).text);
  assert(tl.events.length === doc.events.length && tl.events.every((e) => e.start_date.year), 'TimelineJS slides with dates');
  const ents = (await get('entities-csv')).text.trim().split('\r\n');
  assert(ents[0].startsWith('id,name,type') && ents.length === doc.entities.length + 1, 'entities CSV rows');
  const evs = (await get('events-csv')).text.trim().split('\r\n');
  assert(evs.length === doc.events.length + 1, 'events CSV rows');
  const ics = (await get('ics')).text;
  assert(ics.startsWith('BEGIN:VCALENDAR\r\n') && (ics.match(/BEGIN:VEVENT/g) || []).length === doc.events.length, 'one VEVENT per event');
  const tml = await get('timeml');
  assert(tml.name.endsWith('.tml') && tml.text.startsWith('<?xml'), 'TimeML file');
  assert((tml.text.match(/<TIMEX3 tid="t(?!0")/g) || []).length === doc.timexes.length, `one TIMEX3 per time expression (${doc.timexes.length})`);
  assert(await page.locator('button[data-export]').count() === 7, 'the viewer lists every format of the registry');
  assert(marks > 0 && events > 0, 'page had marks and events');
  await context.close();
});

test('an export when the engine cannot be fetched says so, keeps the page, and works once it can', async ({ browser, origin }) => {
  const { context, page, errors } = await open(browser, origin + BASE, { acceptDownloads: true });
  await ready(page);
  // The viewer's Wasm writes no exports: the engine does, in the worker, fetched on first use.
  await context.route('**/engine/lede_bg.wasm', (r) => r.fulfill({ status: 404, body: '' }));
  await page.click('button[data-export="timeml"]');
  const alert = await page.locator('p.export-problem[role="alert"]').textContent({ timeout: 20000 });
  assert(alert.includes('could not be made') && alert.includes('could not be loaded'), `message: ${alert}`);
  assert(await page.locator('article h1').isVisible() && await page.locator('mark[data-entity]').count() > 0, 'the article stays');
  await context.unroute('**/engine/lede_bg.wasm');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('button[data-export="timeml"]')]);
  assert(dl.suggestedFilename().endsWith('.tml'), 'the same export works once the engine can be fetched');
  assert(await page.locator('p.export-problem').count() === 0, 'and the message is gone');
  const others = errors.filter((e) => !e.includes('lede_bg.wasm'));
  assert(others.length === 0, `no page errors but the refused engine: ${others.join('; ')}`);
  await context.close();
});

test('a correction when the engine cannot be fetched is refused with the reason, and made once it can', async ({ browser, origin }) => {
  const { context, page, errors } = await open(browser, origin + BASE);
  await ready(page);
  await context.route('**/engine/lede_bg.wasm', (r) => r.fulfill({ status: 404, body: '' }));
  const id = await page.locator('.entities button.entity.t-person').first().getAttribute('data-entity');
  const name = await page.locator(`.entities button.entity[data-entity="${id}"] .name`).textContent();
  const rename = async (to) => {
    if (await page.getAttribute(`.entities button.entity[data-entity="${id}"]`, 'aria-pressed') !== 'true') await page.click(`.entities button.entity[data-entity="${id}"]`);
    if (!(await page.locator(`#fix-name-${id}`).count())) await page.click('details.correct summary');
    await page.fill(`#fix-name-${id}`, to);
    await page.click(`#fix-name-${id} ~ button`);
  };
  await rename('Someone Else');
  const notice = await page.locator('.notice.problem').textContent({ timeout: 20000 });
  assert(notice.includes('The correction was not made') && notice.includes('could not be loaded'), `notice: ${notice}`);
  assert(await page.locator(`.entities button.entity[data-entity="${id}"] .name`).textContent() === name, 'the entry is unchanged');
  await page.click('.notice.problem button.dismiss');
  await context.unroute('**/engine/lede_bg.wasm');
  await rename('Someone Else');
  await page.waitForFunction((id) => document.querySelector(`.entities button.entity[data-entity="${id}"] .name`)?.textContent === 'Someone Else', id, { timeout: 30000 })
    .catch(() => { throw new Error('the correction is made once the engine can be fetched'); });
  const others = errors.filter((e) => !e.includes('lede_bg.wasm'));
  assert(others.length === 0, `no page errors but the refused engine: ${others.join('; ')}`);
  await context.close();
});

const closeFixtures = documents(test, { assert, open, ready, axe, BASE, dist, shots });
hardening(test, { assert, open, ready, BASE });
prerender(test, { assert, open, ready, BASE });

const server = await startServer(dist, { mounts: [BASE, '/no-article/'], missing: ['/no-article/articles/'] });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROME_ARGS });
fs.mkdirSync(shots, { recursive: true });
let failed = 0;
// E2E_ONLY=<text> runs just the tests whose name contains it (while working on one).
const only = process.env.E2E_ONLY;
for (const t of tests.filter((t) => !only || t.name.includes(only))) {
  const started = Date.now();
  try {
    await t.fn({ browser, origin: server.origin });
    console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name}\n     ${e.message.split('\n').join('\n     ')}`);
  }
}
await browser.close();
server.close();
closeFixtures();
console.log(`\n${tests.filter((t) => !only || t.name.includes(only)).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
