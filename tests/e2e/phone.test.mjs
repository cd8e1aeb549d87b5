// The app on a phone (390 × 844, touch): a one-row top bar with a menu, pinned bars within
// 15% of the screen while reading, the panels as sheets picked in a bottom tab bar, Tag
// claim at the thumb while words are selected, the claim form a bottom sheet over the
// article (which does not move), and the graph fitted with readable labels and its filters
// folded. With GLOSS_FIGURES=1 it also writes docs/figures/phone-*.png.
//
// Headless Chromium on Linux has no touch text selection (a long press selects nothing), so
// the words are selected through the DOM's Selection, as the browser's own touch selection
// would leave them; everything after that is real taps (touch events).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, freshProfile, openApp, figure as shot } from './helpers.mjs';

const W = 390, H = 844;
const PHONE = { viewport: { width: W, height: H }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
const RUTTE = 'NATO Secretary-General Mark Rutte reassured that';
const DRAFT = 'a leaked draft of a U.S. peace proposal';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

async function figure(page, name) {
  await shot(page, `phone-${name}`);
}

/** Every visible element pinned to the screen (position fixed or sticky), with its box. */
const pinned = (page) => page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => {
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return (s.position === 'fixed' || s.position === 'sticky') && e.checkVisibility({ visibilityProperty: true })
    && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
}).map((e) => {
  const r = e.getBoundingClientRect();
  return { what: `${e.tagName.toLowerCase()}.${e.className}`, top: r.top, height: r.height };
}));

/** Scrolls the paragraph holding `text` to `y` px from the top of the screen. */
const scrollTo = (page, text, y) => page.evaluate(([text, y]) => {
  const p = [...document.querySelectorAll('article p')].find((b) => b.textContent.includes(text));
  window.scrollBy(0, p.getBoundingClientRect().top - y);
}, [text, y]);

/** Selects `text` in the article with the DOM's Selection (what a long press and its
 *  handles leave behind), returning the selected words and their place on screen. */
const select = (page, text) => page.evaluate((text) => {
  const root = document.querySelector('article');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = []; let all = '';
  while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
  const at = (pos) => { for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= pos) return [nodes[i][0], pos - nodes[i][1]]; };
  const i = all.indexOf(text);
  const r = document.createRange();
  r.setStart(...at(i)); r.setEnd(...at(i + text.length));
  getSelection().removeAllRanges(); getSelection().addRange(r);
  const b = r.getBoundingClientRect();
  return { text: String(getSelection()), top: b.top, bottom: b.bottom };
}, text);

const selectionTop = (page) => page.evaluate(() => getSelection().rangeCount ? getSelection().getRangeAt(0).getBoundingClientRect().top : null);
const markTop = (page, text) => page.evaluate((text) => {
  const m = [...document.querySelectorAll('article mark.hl')].find((e) => text.includes(e.textContent) && e.textContent.length > 3);
  return m ? m.getBoundingClientRect().top : null;
}, text);
const tabs = (page) => page.getByRole('navigation', { name: 'Panels' });
const tab = (page, name) => tabs(page).getByRole('button', { name });

test('on a phone the top bar is one short row, its menu holds the other actions, and pinned bars take at most 15% while reading', async () => {
  const b = await freshProfile(PHONE);
  const { page } = b;
  try {
    await openApp(page, server.url);
    const header = await page.locator('header.top').boundingBox();
    assert.ok(header.height <= 56, `top bar ${header.height}px high`);
    // its visible buttons stand in one row: the menu button and Tag claim
    const rows = await page.evaluate(() => [...document.querySelectorAll('header.top button')]
      .filter((e) => e.checkVisibility()).map((e) => [e.textContent, Math.round(e.getBoundingClientRect().top)]));
    assert.deepEqual(rows.map((r) => r[0]), ['☰', 'Tag claim']);
    assert.equal(new Set(rows.map((r) => r[1])).size, 1, JSON.stringify(rows));
    for (const name of ['New article', 'Import JSON', 'Export JSON', 'Report']) {
      assert.equal(await page.getByRole('button', { name, exact: true }).isVisible(), false, `${name} is in the menu`);
    }

    // reading, well into the article
    await scrollTo(page, RUTTE, 300);
    assert.ok(await page.evaluate(() => scrollY) > 1000);
    const bars = await pinned(page);
    const sum = bars.reduce((s, e) => s + e.height, 0);
    assert.ok(sum <= 0.15 * H, `pinned ${sum}px of ${H}: ${JSON.stringify(bars)}`);
    assert.ok(bars.some((e) => e.what.startsWith('header')) && bars.some((e) => e.what.startsWith('nav.tabs')), JSON.stringify(bars));
    // nothing floats over the text: the library's buttons are not on the screen, and the
    // middle of the screen is the article's
    for (const name of [/^Rename /, /^Delete /]) assert.equal(await page.getByRole('button', { name }).isVisible(), false);
    for (const y of [0.2, 0.5, 0.8]) {
      assert.ok(await page.evaluate((y) => !!document.elementFromPoint(innerWidth / 2, innerHeight * y)?.closest('article'), y), `article at ${y}`);
    }
    await figure(page, 'reading');

    // the menu: its actions, closed by a choice, by Escape and by a tap beside it
    const menu = page.getByRole('button', { name: 'More actions' });
    await menu.tap();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    for (const name of ['New article', 'Import JSON', 'Export JSON', 'Report']) {
      assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), name);
    }
    await page.keyboard.press('Escape');
    assert.equal(await page.getByRole('button', { name: 'Report' }).isVisible(), false);
    await menu.tap();
    await page.touchscreen.tap(W / 4, H / 2);
    assert.equal(await page.getByRole('button', { name: 'Report' }).isVisible(), false, 'a tap beside the menu closes it');
    await menu.tap();
    await page.getByRole('button', { name: 'Report' }).tap();
    await page.locator('.report').waitFor();
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.ok(await page.evaluate(() => scrollY) < 5, 'the report is shown from its top');
    await menu.tap();
    await page.getByRole('button', { name: 'Report' }).tap();
    await page.locator('.report').waitFor({ state: 'detached' });
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('on a phone Tag claim floats at the thumb while words are selected, and its form is a bottom sheet over the article, which stays put', async () => {
  const b = await freshProfile(PHONE);
  const { page } = b;
  try {
    await openApp(page, server.url);
    await scrollTo(page, RUTTE, 200);
    const sel = await select(page, RUTTE);
    assert.equal(sel.text, RUTTE);
    const tag = page.getByRole('button', { name: 'Tag claim' });
    await page.waitForFunction(() => document.querySelector('header .primary').getAttribute('aria-disabled') === 'false');
    // Tag claim at the bottom, where the tab bar was; still no more than 15% pinned
    const fab = await tag.boundingBox();
    assert.ok(fab.y > 0.85 * H && fab.y + fab.height <= H && fab.width > W / 2, JSON.stringify(fab));
    assert.equal(await tabs(page).isVisible(), false);
    const bars = await pinned(page);
    assert.ok(bars.reduce((s, e) => s + e.height, 0) <= 0.15 * H, JSON.stringify(bars));

    await figure(page, 'selected');
    // a tap (touch events) keeps the selection until the form takes it
    const y0 = await page.evaluate(() => scrollY);
    await tag.tap();
    const form = page.getByRole('form', { name: 'Tag claim' });
    await form.waitFor();
    assert.equal(await form.locator('blockquote').textContent(), `“${RUTTE}”`);
    // over the article's lower part: the screen's top 35% is still the article, unmoved
    const box = await form.boundingBox();
    assert.ok(box.y >= 0.35 * H && Math.abs(box.y + box.height - H) < 1, JSON.stringify(box));
    assert.equal(await page.evaluate(() => scrollY), y0, 'the article did not scroll');
    assert.ok(await page.evaluate(() => !!document.elementFromPoint(innerWidth / 2, innerHeight * 0.2)?.closest('article')));
    // every field and button of the form on the screen, none under a bar
    for (const el of await form.locator('input, select, textarea, button').all()) {
      const r = await el.boundingBox();
      assert.ok(r.y >= box.y && r.y + r.height <= H, `${await el.evaluate((e) => e.outerHTML.slice(0, 60))} at ${r.y}`);
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('form')?.getAttribute('aria-label'), [r.x + r.width / 2, r.y + r.height / 2]);
      assert.equal(hit, 'Tag claim');
    }
    await figure(page, 'claim-form');
    await form.getByLabel('Claimant').fill('Mark Rutte');
    await form.getByRole('button', { name: 'Save' }).tap();
    await form.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => scrollY), y0, 'saving did not scroll the article');
    const marked = await markTop(page, RUTTE);
    assert.ok(marked !== null && Math.abs(marked - sel.top) < 2, `the claim is marked where it was selected (${marked} vs ${sel.top})`);
    assert.match(await tab(page, 'Claims').innerText(), /Claims\s*1/);

    // Escape, then Cancel, close the form and leave the reading position as it was
    for (const close of ['Escape', 'Cancel']) {
      await select(page, DRAFT);
      const top = await selectionTop(page);
      const y1 = await page.evaluate(() => scrollY);
      await tag.tap();
      await form.waitFor();
      if (close === 'Escape') await page.keyboard.press('Escape');
      else await form.getByRole('button', { name: 'Cancel' }).tap();
      await form.waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => scrollY), y1, close);
      await select(page, DRAFT);
      assert.equal(await selectionTop(page), top, `${close}: the words are where they were`);
    }
    await page.evaluate(() => getSelection().removeAllRanges());
    await tabs(page).waitFor();

    // the claims sheet lists it; its quote shows it in the text, closing the sheet
    await tab(page, 'Claims').tap();
    const claims = page.getByRole('list', { name: 'Claims', exact: true });
    await claims.getByRole('listitem').first().waitFor();
    assert.equal(await page.evaluate(() => !!document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('aside')), true);
    await page.evaluate(() => scrollTo(0, 0));
    await claims.getByRole('button', { name: /^“NATO Secretary-General/ }).tap();
    await claims.waitFor({ state: 'hidden' });
    assert.equal(await tab(page, 'Article').getAttribute('aria-pressed'), 'true');
    await page.waitForFunction(() => scrollY > 1000);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('on a phone the library is a sheet with a solid background, and opening an article closes it', async () => {
  const b = await freshProfile(PHONE);
  const { page } = b;
  try {
    await openApp(page, server.url);
    const rename = page.getByRole('button', { name: /^Rename / });
    assert.equal(await rename.isVisible(), false);
    await tab(page, 'Library').tap();
    assert.ok(await rename.isVisible());
    assert.equal(await tab(page, 'Library').getAttribute('aria-pressed'), 'true');
    const sheet = await page.locator('nav.library').evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, width: r.width, bg: getComputedStyle(e).backgroundColor };
    });
    assert.ok(sheet.width >= W - 1 && sheet.bottom - sheet.top > 0.7 * H, JSON.stringify(sheet));
    assert.doesNotMatch(sheet.bg, /rgba\(.*, 0\)|transparent/, 'not see-through');
    assert.equal(await page.evaluate(() => !!document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('article')), false, 'the sheet covers the article');
    await page.getByRole('list', { name: 'Articles' }).getByRole('button').first().tap();
    await rename.waitFor({ state: 'hidden' });
    assert.equal(await tab(page, 'Article').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('on a phone the graph is a sheet fitted to its area, with readable labels and its filters folded', async () => {
  const b = await freshProfile(PHONE);
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tab(page, 'Graph').tap();
    const pane = page.locator('#graph-pane');
    await pane.locator('g.node').first().waitFor();
    const transform = () => page.locator('#graph-svg > g').first().getAttribute('transform');
    // fitted once the drawing has its size: wait until the transform settles
    let t = await transform();
    for (let i = 0; i < 20; i++) { await page.waitForTimeout(150); const u = await transform(); if (u === t) break; t = u; }
    const paneBox = await pane.boundingBox();
    assert.ok(paneBox.width >= W - 1 && paneBox.height > 0.7 * H, JSON.stringify(paneBox));
    // the filters are a closed disclosure: the drawing has most of the sheet
    const filters = pane.locator('details.graph-more');
    assert.equal(await filters.evaluate((d) => d.open), false);
    assert.equal(await pane.getByRole('checkbox', { name: 'Hide unlinked' }).isVisible(), false);
    const svg = await page.locator('#graph-svg').boundingBox();
    assert.ok(svg.height > 0.55 * H, `drawing ${svg.height}px high`);
    const drawn = () => page.evaluate(() => {
      const area = document.getElementById('graph-svg').getBoundingClientRect();
      const inside = (r) => r.left >= area.left - 0.5 && r.right <= area.right + 0.5 && r.top >= area.top - 0.5 && r.bottom <= area.bottom + 0.5;
      const shapes = [...document.querySelectorAll('#graph-svg g.node')].filter((g) => g.checkVisibility())
        .map((g) => g.querySelector('circle, rect').getBoundingClientRect());
      const labels = [...document.querySelectorAll('#graph-svg g.node text')].filter((e) => e.checkVisibility())
        .map((e) => ({ r: e.getBoundingClientRect(), size: parseFloat(getComputedStyle(e).fontSize) }));
      const k = Number(/scale\(([\d.]+)\)/.exec(document.querySelector('#graph-svg > g').getAttribute('transform'))[1]);
      return {
        shapes: shapes.length, shapesOut: shapes.filter((r) => !inside(r)).length,
        labels: labels.length, labelsIn: labels.filter((l) => inside(l.r)).length,
        smallest: Math.min(...labels.map((l) => l.size * k)), spread: Math.max(...shapes.map((r) => r.right)) - Math.min(...shapes.map((r) => r.left)),
        width: area.width,
      };
    });
    const d = await drawn();
    assert.ok(d.shapes >= 20, `${d.shapes} nodes`);
    assert.equal(d.shapesOut, 0, `every node inside the drawing: ${JSON.stringify(d)}`);
    assert.ok(d.spread > 0.6 * d.width, `the nodes fill the width: ${JSON.stringify(d)}`);
    assert.ok(d.smallest >= 10.5, `labels drawn at ${d.smallest.toFixed(1)}px on screen`);
    assert.ok(d.labels >= 15 && d.labelsIn >= 0.85 * d.labels, `labels inside the drawing: ${JSON.stringify(d)}`);
    await figure(page, 'graph');

    // the filters open on a tap, and the drawing is fitted again to what is left
    await filters.locator('summary').tap();
    await pane.getByRole('checkbox', { name: 'Hide unlinked' }).waitFor();
    await page.waitForFunction((t) => document.querySelector('#graph-svg > g').getAttribute('transform') !== t, t);
    await page.waitForTimeout(200);
    assert.equal((await drawn()).shapesOut, 0, 'still inside once the filters take room');

    // back to the article: the graph closes
    await tab(page, 'Article').tap();
    await pane.waitFor({ state: 'hidden' });
    assert.ok(await page.locator('article').isVisible());
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('at 900px and wider the tab bar and the menu button are not shown and the panels stand beside the article', async () => {
  const b = await freshProfile({ viewport: { width: 1000, height: 800 } });
  const { page } = b;
  try {
    await openApp(page, server.url);
    assert.equal(await page.getByRole('navigation', { name: 'Panels' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'More actions' }).isVisible(), false);
    for (const name of ['New article', 'Import JSON', 'Export JSON', 'Graph', 'Report', 'Tag claim']) {
      assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), name);
    }
    assert.ok(await page.getByRole('button', { name: /^Rename / }).isVisible(), 'the library beside the article');
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.locator('#graph-svg g.node').first().waitFor();
    assert.equal(await page.locator('details.graph-more').evaluate((d) => d.open), true, 'the filters open');
    assert.ok(await page.getByRole('checkbox', { name: 'Hide unlinked' }).isVisible());
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
