// End-to-end hardening tests: hostile text is inert wherever it enters, and highlights land on
// exactly the right characters in text full of emoji, combining marks, CJK, RTL and CRLF.
// Registered by run.mjs.

import fs from 'node:fs';

// Script-injection payloads (our own list): tags, event handlers, javascript: and data: URLs,
// SVG, broken markup, CSS expressions, template syntax. Each would set window.__pwned or open a
// dialog if it ever ran.
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><circle r="5"></circle></svg>',
  '<a href="javascript:window.__pwned=1">link</a>',
  '<iframe src="data:text/html,<script>parent.__pwned=1</script>"></iframe>',
  '"><b onmouseover="window.__pwned=1">bold</b>',
  '<div style="background:url(javascript:window.__pwned=1)">styled</div>',
  '<style>*{color:red!important}</style>',
  "'; alert(1); //",
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  'width: expression(alert(1));',
  '<!--<img src=x onerror=window.__pwned=1>-->',
  '<object data="javascript:window.__pwned=1"></object>',
  '<details open ontoggle="window.__pwned=1">',
];
const ALL = PAYLOADS.join(' ');

function hostileArticle() {
  return [
    'Download',
    `Port deal ${PAYLOADS[1]} signed in Santos`,
    'Updated 10:00, 5-May-2022',
    `By Ana Lima ${PAYLOADS[5]}`,
    `Rui Costa ${PAYLOADS[2]} signs the deal in Santos. /Xinhua`,
    `Rui Costa ${PAYLOADS[2]} signs the deal in Santos. /Xinhua`,
    `The mayor of Santos, Rui Costa, met Omar Haddad on Monday. ${PAYLOADS.slice(0, 8).join(' ')}`,
    `Costa said the Harbour Board ${PAYLOADS.slice(8).join(' ')} would meet again on Friday.`,
  ].join('\n');
}

/** Everything that would show that a payload ran or became markup. */
async function breaches(page) {
  return page.evaluate(() => {
    const out = [];
    if (window.__pwned) out.push('a payload ran (window.__pwned)');
    const app = document.querySelector('.app');
    for (const el of app.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) out.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
        if (/^\s*(javascript|data):/i.test(a.value) && /^(href|src|data|action|formaction|xlink:href)$/i.test(a.name)) out.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 30)}">`);
      }
    }
    for (const sel of ['script', 'img', 'iframe', 'object', 'embed', 'math', 'style', 'details[ontoggle]', 'b', 'a[href]']) {
      const found = [...app.querySelectorAll(sel)].filter((el) => !el.closest('svg.tl, svg.strip'));
      if (found.length) out.push(`${found.length} × <${sel}> in the page`);
    }
    return out;
  });
}

export function register(test, { assert, open, ready, BASE }) {
  test('hostile text is inert everywhere it can enter (paste, files, lede/1 fields, ?src=)', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    const logged = [];
    page.on('console', (m) => { if (/pwned|alert/i.test(m.text())) logged.push(m.text()); });
    await ready(page);
    const shown = async (route, probe) => {
      await page.waitForFunction((p) => document.querySelector('article')?.textContent.includes(p), probe, { timeout: 20000 })
        .catch(() => { throw new Error(`${route}: the text is shown (as text)`); });
      const b = await breaches(page);
      assert(b.length === 0 && dialogs.length === 0 && logged.length === 0, `${route}:\n${[...b, ...dialogs, ...logged].join('\n')}`);
    };
    const openFile = async (name, content) => {
      await page.click('button.open-button');
      await page.setInputFiles('#open-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
    };

    // Pasted raw text: title, byline, captions, body.
    await page.click('button.open-button');
    await page.fill('#paste-text', hostileArticle());
    await page.click('form.paste button[type=submit]');
    await shown('pasted text', '<img src=x onerror=');
    assert((await page.locator('article h1').innerText()).includes('onerror'), 'the title shows the payload as text');
    // Hover cards and the sidebar: names that contain markup.
    await page.locator('mark[data-entity]').first().hover();
    await page.locator('.entities button.entity').first().click();
    assert((await breaches(page)).length === 0, 'selection and hover cards stay inert');

    // A lede/1 file whose every string field carries a payload.
    const text = `Hostile ${ALL}\nAna Lima met Rui Costa in Santos on March 2, 2022.`;
    const cp = (s) => Array.from(text.slice(0, text.indexOf(s))).length;
    const at = (s) => ({ start: cp(s), end: cp(s) + Array.from(s).length });
    const doc = {
      schema: 'lede/1',
      meta: { title: `Title ${PAYLOADS[1]}`, authors: [PAYLOADS[2]], published: '2022-03-02' },
      text,
      blocks: [{ kind: 'paragraph', start: 0, end: Array.from(text).length, body: { start: 0, end: Array.from(text).length } }],
      sentences: [{ ...at('Ana Lima met Rui Costa in Santos on March 2, 2022.'), block: 0 }],
      entities: [
        { id: 'ana', name: PAYLOADS[1], aliases: [PAYLOADS[3]], type: 'person', role: PAYLOADS[0], salience: 1, mentions: [at('Ana Lima')] },
        { id: 'rui', name: 'Rui Costa', type: 'person', role: PAYLOADS[6], salience: 0.5, mentions: [at('Rui Costa')] },
      ],
      timexes: [{ id: 't1', ...at('March 2, 2022'), type: 'DATE', value: '2022-03-02' }],
      events: [{ id: 'e1', timex: 't1', value: '2022-03-02', granularity: 'day', label: PAYLOADS[4], sentence: at('Ana Lima met Rui Costa in Santos on March 2, 2022.'), entities: ['ana', 'rui'] }],
    };
    await openFile('hostile.lede.json', JSON.stringify(doc));
    await shown('lede/1 fields', 'Hostile <script>');
    await page.click('.entities button[data-entity="ana"]');
    assert((await page.locator('.detail h3').innerText()).includes('onerror'), 'an entity name with markup is shown as text');
    await page.click('button.list-toggle');
    assert((await page.locator('table.event-table:not(.print-only)').innerText()).includes('<iframe'), 'an event label with markup is shown as text');
    assert((await breaches(page)).length === 0, `lede/1 detail views:\n${(await breaches(page)).join('\n')}`);
    await page.click('button.list-toggle');

    // HTML, Markdown, spaCy and TimelineJS files.
    await openFile('page.html', `<html><body><article><h1>Harbour ${PAYLOADS[2]} news</h1><p>Ana Lima met Rui Costa in Braga on Monday. ${PAYLOADS[1]} ${PAYLOADS[3]}</p><script>window.__pwned=1</script></article></body></html>`);
    // Each probe is words of that file only: the page before holds the others.
    await shown('HTML file', 'met Rui Costa in Braga');
    await openFile('notes.md', `# Heading ${PAYLOADS[1]}\n\n[click](javascript:window.__pwned=1) Ana Lima met Rui Costa in Faro. ${PAYLOADS[2]}\n`);
    await shown('Markdown file', 'met Rui Costa in Faro');
    const stext = `Ana Lima ${PAYLOADS[1]} met Rui Costa in Porto.`;
    await openFile('ents.json', JSON.stringify({ text: stext, ents: [{ start: 0, end: stext.indexOf(' met'), label: 'PERSON' }] }));
    await shown('spaCy file', 'met Rui Costa in Porto');
    await openFile('tl.json', JSON.stringify({ title: { text: { headline: `Timeline ${PAYLOADS[1]}` } }, events: [{ start_date: { year: 2020, month: 1, day: 2 }, text: { headline: PAYLOADS[2], text: `${PAYLOADS[0]} Ana Lima spoke.` } }] }));
    await shown('TimelineJS file', 'Ana Lima spoke');

    // The share dialog puts the (hostile) address into snippets as text only.
    await page.click('button.share-button');
    assert((await breaches(page)).length === 0, 'share dialog');
    await page.keyboard.press('Escape');
    await context.close();

    // ?src= with script URLs is refused; with markup in the address it is shown as text.
    for (const src of ['javascript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>', `https://127.0.0.1:9/${encodeURIComponent(PAYLOADS[1])}`]) {
      const p = await open(browser, `${origin}${BASE}?src=${encodeURIComponent(src)}`);
      await p.page.locator('.status.error, .notice.problem').first().waitFor({ timeout: 15000 });
      const b = await breaches(p.page);
      assert(b.length === 0, `?src=${src}:\n${b.join('\n')}`);
      await p.context.close();
    }
  });

  test('highlights sit on exactly their characters in emoji, combining, CJK, RTL and CRLF text', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE, { acceptDownloads: true });
    await ready(page);
    const text = [
      'Ports 🚢 and people 👩🏽‍⚖️ in Santos',
      'Updated 10:00, 5-May-2022',
      'By Ana Lima',
      'Ana Lima 🚢 met Zoë Saldaña and José Núñez in São Paulo on Monday 🎉. 王伟 and 李娜 joined from Beijing.',
      'Omar Haddad (عمر حداد) flew in from Lisbon on Tuesday; the Harbour Board 🏗️ met in Santos.',
      'Renée Côté said the deal, signed in 2019 in Zürich, runs until 2030. 𝒜 𝔅 ℭ',
    ].join('\r\n');
    await page.click('button.open-button');
    await page.fill('#paste-text', text);
    await page.click('form.paste button[type=submit]');
    await page.waitForFunction(() => document.querySelector('article h1')?.textContent.includes('Ports'), null, { timeout: 20000 });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="lede"]')]);
    const doc = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
    const chars = Array.from(doc.text);
    const marks = await page.evaluate(() => [...document.querySelectorAll('mark[data-entity]')].map((m) => [m.dataset.entity, m.textContent]));
    assert(marks.length > 5, `marks found: ${marks.length}`);
    for (const e of doc.entities) {
      const want = e.mentions.map((m) => chars.slice(m.start, m.end).join('')).sort();
      const got = marks.filter(([id]) => id === e.id).map(([, t]) => t).sort();
      assert(JSON.stringify(got) === JSON.stringify(want), `${e.name}: marks ${JSON.stringify(got)} vs mentions ${JSON.stringify(want)}`);
    }
    const names = doc.entities.map((e) => e.name);
    for (const n of ['Zoë Saldaña', 'José Núñez', 'São Paulo']) assert(names.includes(n), `${n} among ${names.join(', ')}`);
    const times = await page.evaluate(() => [...document.querySelectorAll('article time.timex')].map((t) => t.textContent));
    for (const t of doc.timexes) assert(times.includes(chars.slice(t.start, t.end).join('')) || t.type !== 'DATE', `timex ${t.value} marked on its text`);
    await context.close();
  });

  test('a 20 MB paste is refused at once with the limit stated, and the page stays usable', async ({ browser, origin }) => {
    const { context, page } = await open(browser, origin + BASE);
    await ready(page);
    const before = await page.locator('article h1').innerText();
    await page.click('button.open-button');
    const started = Date.now();
    const inserted = await page.locator('#paste-text').evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'The harbour board met on Monday. '.repeat(Math.ceil((20 << 20) / 33)));
      const e = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      el.dispatchEvent(e);
      return !e.defaultPrevented;
    });
    assert(!inserted, 'the oversized paste does not reach the text box');
    await page.locator('.notice.problem').waitFor({ timeout: 15000 });
    const msg = await page.locator('.notice.problem').innerText();
    assert(/20\.0 MB/.test(msg) && /up to 8 MB/.test(msg), `states the size and the limit: ${msg}`);
    assert(Date.now() - started < 3000, `refused at once (${Date.now() - started} ms)`);
    assert(await page.locator('article h1').innerText() === before, 'the document on screen stays');
    await page.locator('.entities button.entity').first().click();
    assert(await page.locator('mark[data-selected]').count() > 0, 'the page still responds');
    await context.close();
  });
}
