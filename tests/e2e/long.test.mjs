// A long article: only the parts near the screen are rendered, yet a claim tagged far down
// appears in the list, is scrolled to from the list (rendering its part first) and survives
// a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, freshProfile, openApp, tempFile, tagText, claimItems } from './helpers.mjs';
import { longArticle } from './big.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const TITLE = 'A long week at the harbour';
const FAR = 'Captain Ines Moreau said the ferry will sail again on the first of June.';
const names = ['Ada Brook', 'Ben Carter', 'Chen Wei', 'Dara Singh', 'Eli Novak'];
const things = ['the pier', 'the crane', 'the lighthouse', 'the dry dock', 'the ferry terminal'];

function longText() {
  const paras = [];
  for (let i = 0; i < 12000; i++) {
    paras.push(`${names[i % 5]} said ${things[(i * 3) % 5]} needs ${i + 7} new planks, according to the log of week ${i % 52}.`);
  }
  paras.splice(11000, 0, FAR);
  return `${TITLE}\n\n${paras.join('\n\n')}\n`;
}

const inPage = (page, text) => page.evaluate((t) => document.querySelector('article').textContent.includes(t), text);

/** Scrolls the window down until `text` is rendered, then holds it at the centre until the
 *  layout stops moving (paragraphs are sized as they come near the screen). */
async function scrollTo(page, text) {
  for (let i = 0; i < 200 && !(await inPage(page, text)); i++) {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(50);
  }
  assert.ok(await inPage(page, text), 'the far paragraph is rendered once scrolled to');
  for (let i = 0; i < 4; i++) {
    await page.evaluate((t) => [...document.querySelectorAll('article p')].find((p) => p.textContent.includes(t)).scrollIntoView({ block: 'center' }), text);
    await page.waitForTimeout(150);
  }
}

const markOnScreen = (page) => page.evaluate(() => {
  const m = document.querySelector('article mark[data-claims]');
  if (!m) return false;
  const r = m.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
});

test('a claim tagged far down a long article appears, is shown from the list and survives a reload', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Open file').setInputFiles(tempFile('long.txt', longText()));
    await page.waitForFunction((t) => document.querySelector('article h1')?.innerText === t, TITLE, { timeout: 60000 });
    await page.locator('main[data-analysis="ready"]').waitFor({ timeout: 60000 });
    assert.equal(await inPage(page, FAR), false, 'the far paragraph waits until it comes near');

    await scrollTo(page, FAR);
    await tagText(page, FAR);
    await assert.doesNotReject(claimItems(page).filter({ hasText: 'ferry will sail' }).waitFor());
    assert.equal(await claimItems(page).count(), 1);

    // back at the top, the list brings the claim's words on screen
    await page.evaluate(() => window.scrollTo(0, 0));
    await claimItems(page).first().getByRole('button', { name: /^“.*ferry will sail/ }).click();
    await page.waitForFunction(() => {
      const marks = [...document.querySelectorAll('article mark[data-claims]')];
      const top = marks[0]?.getBoundingClientRect().top;
      return marks.map((m) => m.textContent).join('').includes('ferry') && top > 0 && top < innerHeight;
    }, null, { timeout: 10000 });

    // after a reload: the claim is still there and still found from the list
    await page.waitForTimeout(1000);
    await page.reload();
    await page.waitForFunction((t) => document.querySelector('article h1')?.innerText === t, TITLE, { timeout: 60000 });
    await claimItems(page).filter({ hasText: 'ferry will sail' }).waitFor();
    await claimItems(page).first().getByRole('button', { name: /^“.*ferry will sail/ }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('article mark[data-claims]')].map((m) => m.textContent).join('').includes('ferry'), null, { timeout: 10000 });
    await page.waitForTimeout(1200); // the smooth scroll
    assert.ok(await markOnScreen(page), 'the claim is on screen');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

const BIG_TITLE = 'A long synthetic report'; // big.mjs's article
const articleCount = (page) => page.locator('ul[aria-label="Articles"] > li').count();
const longTasks = () => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask' }); };

test('a 20 MB article is parsed off the page\'s thread: Opening… with Cancel, then the article, kept after a reload', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await page.addInitScript(longTasks);
    await openApp(page, server.url);
    const file = tempFile('long.txt', longArticle(20));
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Open file').setInputFiles(file);
    // the page answers while the worker parses: Cancel is there, and works
    const status = page.getByRole('status').filter({ hasText: 'Opening long.txt' });
    await status.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Stopped opening long.txt; nothing was added.' }).waitFor();
    assert.equal(await articleCount(page), 1, 'nothing added');

    // (the New article panel is still open: nothing was added)
    await page.evaluate(() => { window.__long = []; });
    await page.getByLabel('Open file').setInputFiles(file);
    await page.getByRole('status').filter({ hasText: 'Opening long.txt' }).waitFor();
    await page.waitForFunction((t) => document.querySelector('article h1')?.innerText === t, BIG_TITLE, { timeout: 120000 });
    // the scan's progress is shown while it runs, then goes
    await page.getByRole('status').filter({ hasText: /Finding entities and claims… \d+%/ }).waitFor({ timeout: 60000 });
    await page.locator('main[data-analysis="ready"]').waitFor({ timeout: 120000 });
    assert.equal(await page.getByRole('status').filter({ hasText: 'Finding entities' }).count(), 0);
    assert.equal(await articleCount(page), 2);
    // a figure, not an assertion (timings depend on the machine): the long tasks seen
    console.log(`# 20 MB open: long tasks (ms) ${JSON.stringify(await page.evaluate(() => window.__long))}`);

    // the record the worker made is what was stored: the article comes back after a reload
    await page.waitForTimeout(3000);
    await page.reload();
    await page.waitForFunction((t) => document.querySelector('article h1')?.innerText === t, BIG_TITLE, { timeout: 120000 });
    assert.equal(await articleCount(page), 2);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a long article opens even when the parsing worker cannot start', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await page.route('**/worker.js', (r) => r.abort());
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Open file').setInputFiles(tempFile('long.txt', longArticle(2)));
    await page.waitForFunction((t) => document.querySelector('article h1')?.innerText === t, BIG_TITLE, { timeout: 60000 });
    assert.equal(await articleCount(page), 2);
    assert.equal(await page.getByRole('status').filter({ hasText: 'Opening long.txt' }).count(), 0);
  } finally { await b.close(); }
});
