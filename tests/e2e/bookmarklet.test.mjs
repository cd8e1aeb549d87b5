// Send to Gloss, as a user meets it: Gloss is served on one origin and a news page on a
// second one. The bookmarklet's link is read from Gloss's own New article panel and clicked
// on the news page; Gloss opens in a new window and shows the story as a new article with the
// page's address as its source. Forged messages (from a window that did not open Gloss, or
// claiming an address on another origin), a Gloss window nobody opened and a page that never
// sends are refused, and Gloss says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, serve, freshProfile, openApp, exportJson } from './helpers.mjs';

const PAGES = path.join(ROOT, 'tests/fixtures/pages');
const PAGE = 'night-ferry.html';
const HEADLINE = 'Night ferry to Port Alder returns in April';
const STORY = [
  'The overnight ferry between Kettle Bay and Port Alder will run again from the first week of April',
  'Islanders have waited long enough for a way home after the last afternoon boat',
  'asked the council to add a fifth night before the summer',
];

let gloss;
let news;
before(async () => {
  gloss = await serve();
  news = await serveNews();
  assert.notEqual(new URL(gloss.url).origin, new URL(news.url).origin, 'two origins');
});
after(async () => { await gloss.close(); await news.close(); });

/** The fixture news pages on a second origin (another port of 127.0.0.1). */
async function serveNews() {
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url, 'http://x').pathname);
    const file = path.join(PAGES, name);
    if (!name.endsWith('.html') || !fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Collects a page's script errors (the popup is not the profile's first page). */
function watchErrors(page, errors) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
}

/** The Send to Gloss link's href, read from Gloss's New article panel as a user finds it. */
async function bookmarkletHref(page) {
  await openApp(page, gloss.url);
  const link = page.getByRole('link', { name: 'Send to Gloss' });
  // offered with the New article panel, out of the way while reading
  assert.equal(await link.isVisible(), false);
  await page.getByRole('button', { name: 'New article' }).click();
  await link.waitFor();
  const href = await link.getAttribute('href');
  assert.match(href, /^javascript:/);
  // clicked inside Gloss it only explains how to use it
  await link.click();
  await page.getByRole('status').getByText('Drag Send to Gloss to your bookmarks bar').waitFor();
  return href;
}

/** Puts the bookmarklet on the news page as a link in a shadow root (so it is not part of
 *  the page's HTML the bookmarklet sends), clicks it, and returns the window it opens. */
async function clickBookmarklet(page, href) {
  await page.evaluate((href) => {
    const host = document.createElement('div');
    host.id = 'bookmarks-bar';
    const a = document.createElement('a');
    a.href = href;
    a.textContent = 'Send to Gloss';
    host.attachShadow({ mode: 'open' }).append(a);
    document.body.prepend(host);
  }, href);
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.locator('#bookmarks-bar').getByRole('link', { name: 'Send to Gloss' }).click(),
  ]);
  return popup;
}

/** The titles in Gloss's library list. */
const libraryNames = (page) => page.getByRole('list', { name: 'Articles' }).getByRole('listitem')
  .locator('button.open').allInnerTexts();

test('Send to Gloss on a news page of another origin opens the story as a new article, the page address as its source', async () => {
  const b = await freshProfile();
  try {
    const href = await bookmarkletHref(b.page);
    const newsUrl = news.url + PAGE;
    const site = await b.context.newPage();
    await site.goto(newsUrl);
    const popup = await clickBookmarklet(site, href);
    const errors = [];
    watchErrors(popup, errors);

    // Gloss opened at its own address, received the page and shows the story
    assert.equal(new URL(popup.url()).origin, new URL(gloss.url).origin);
    await popup.waitForFunction((t) => document.querySelector('article')?.innerText.includes(t), STORY[0], { timeout: 20000 });
    const text = await popup.locator('article').innerText();
    for (const s of STORY) assert.ok(text.includes(s), `the story: ${s}`);
    assert.ok(!text.includes('Accept cookies') && !text.includes('Most read'), 'the frame is left out');
    assert.equal(await popup.locator('article h1').first().innerText(), HEADLINE);
    await popup.getByRole('status').getByText(`Sent from ${newsUrl}.`).waitFor();
    assert.deepEqual((await libraryNames(popup)).map((n) => n.split('\n')[0]).filter((n) => n.startsWith('Night ferry')), [HEADLINE]);
    // the address no longer asks to receive: a reload does not wait for another page
    assert.equal(new URL(popup.url()).hash, '');
    assert.equal(await popup.getByRole('alert').innerText(), '');

    // the page's address is the article's source, in the exported file
    const file = JSON.parse((await exportJson(popup)).text);
    assert.equal(file.article.sourceName, newsUrl);
    assert.equal(file.article.sourceFormat, 'html');
    assert.equal(file.article.metadata.url, newsUrl);
    assert.equal(file.article.metadata.headline, HEADLINE);

    // kept in the library: the first Gloss window sees it after a reload
    await b.page.reload();
    await b.page.locator('main[data-ready="true"]').waitFor();
    assert.ok((await libraryNames(b.page)).some((n) => n.startsWith(HEADLINE)));
    assert.deepEqual(errors, []);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('the bookmarklet answers only the window it opened: an early "ready" from another Gloss-origin frame is ignored', async () => {
  const b = await freshProfile();
  try {
    const href = await bookmarkletHref(b.page);
    const site = await b.context.newPage();
    await site.goto(news.url + PAGE);
    // a frame of Gloss's origin inside the news page
    await site.evaluate((src) => new Promise((r) => {
      const f = document.createElement('iframe');
      f.src = src; f.name = 'other'; f.onload = r;
      document.body.append(f);
    }), gloss.url + 'icon.svg');
    const frame = site.frame({ name: 'other' });
    const popup = await clickBookmarklet(site, href);
    // before Gloss has loaded in the new window, the frame says it is ready; were the page
    // sent now it would go to a window not yet Gloss's and be lost
    await frame.evaluate(() => parent.postMessage({ type: 'gloss:ready', version: 1 }, '*'));
    await popup.waitForFunction((t) => document.querySelector('article')?.innerText.includes(t), STORY[0], { timeout: 20000 });
    assert.equal(await popup.getByRole('alert').innerText(), '');
  } finally { await b.close(); }
});

/** Opens Gloss at #receive from the news page as the bookmarklet would, and once Gloss is
 *  ready runs `send(w, glossOrigin)` in the news page instead of the bookmarklet's reply. */
async function openGlossAndForge(site, send) {
  const [popup] = await Promise.all([
    site.waitForEvent('popup'),
    site.evaluate(([glossUrl, send]) => {
      const g = new URL(glossUrl).origin;
      const w = window.open(glossUrl + '#receive', '_blank');
      window.addEventListener('message', (e) => {
        if (e.source === w && e.origin === g && e.data?.type === 'gloss:ready') {
          window.readySeen = true;
          new Function('w', 'g', send)(w, g);
        }
      });
    }, [gloss.url, send]),
  ]);
  return popup;
}

/** Waits for Gloss's alert and checks that nothing was added. */
async function refused(popup, pattern) {
  const alert = popup.getByRole('alert');
  await alert.getByText(pattern).waitFor({ timeout: 20000 });
  await popup.locator('main[data-ready="true"]').waitFor();
  const names = await libraryNames(popup);
  assert.ok(!names.some((n) => n.startsWith('Night ferry')), `nothing added: ${names}`);
  assert.ok(!(await popup.locator('article').innerText()).includes('Kettle Bay'));
  assert.equal(new URL(popup.url()).hash, '');
  return alert.innerText();
}

test('a page message from a window that did not open Gloss is refused, and Gloss says why', async () => {
  const b = await freshProfile();
  try {
    await openApp(b.page, gloss.url); // the sample is in the library
    const site = await b.context.newPage();
    await site.goto(news.url + PAGE);
    // a frame of the news page (same origin, right address) answers instead of the opener
    const popup = await openGlossAndForge(site, `
      window.gw = w;
      const f = document.createElement('iframe');
      f.srcdoc = '<script>parent.gw.postMessage({type: "gloss:page", version: 1, url: parent.location.href,'
        + ' html: parent.document.documentElement.outerHTML}, "' + g + '")<\/script>';
      document.body.append(f);`);
    const text = await refused(popup, 'came from a window other than the page that opened Gloss');
    assert.match(text, new RegExp(`refused a page from ${news.url.slice(0, -1).replace(/[.]/g, '\\.')}`));
    assert.equal(await site.evaluate(() => window.readySeen), true);
  } finally { await b.close(); }
});

test('a page claiming an address on another origin than its sender is refused, and Gloss says why', async () => {
  const b = await freshProfile();
  try {
    await openApp(b.page, gloss.url);
    const site = await b.context.newPage();
    await site.goto(news.url + PAGE);
    const popup = await openGlossAndForge(site, `
      w.postMessage({type: 'gloss:page', version: 1, url: 'https://www.example.com/night-ferry.html',
        html: document.documentElement.outerHTML}, g);`);
    const text = await refused(popup, 'says it is from https://www.example.com');
    assert.ok(text.includes(`but was sent by ${news.url.slice(0, -1)}`), text);
  } finally { await b.close(); }
});

test('a page message of the wrong shape is refused by its field, never rendered', async () => {
  const b = await freshProfile();
  try {
    await openApp(b.page, gloss.url);
    const site = await b.context.newPage();
    await site.goto(news.url + PAGE);
    const popup = await openGlossAndForge(site, `
      w.postMessage({type: 'gloss:page', version: 1, url: location.href, html: {markup: '<img src=x onerror=alert(1)>'}}, g);`);
    await refused(popup, 'whose HTML is of type object, not text');
    assert.equal(await popup.locator('img[src="x"]').count(), 0);
  } finally { await b.close(); }
});

test('Gloss opened at #receive with no page behind it, or by a page that never sends, says so', async () => {
  const b = await freshProfile();
  try {
    // typed or bookmarked: no window opened it
    await b.page.goto(gloss.url + '#receive');
    await b.page.getByRole('alert').getByText('no page opened this window').waitFor({ timeout: 20000 });
    assert.equal(new URL(b.page.url()).hash, '');
    // opened by a page that never answers: gives up after its timeout
    const site = await b.context.newPage();
    await site.goto(news.url + PAGE);
    const popup = await openGlossAndForge(site, '/* never sends */');
    await popup.getByText('Waiting for the page from Send to Gloss').waitFor();
    await popup.getByRole('alert').getByText('no page arrived within 10 seconds').waitFor({ timeout: 20000 });
    assert.equal(await popup.getByText('Waiting for the page').count(), 0);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
