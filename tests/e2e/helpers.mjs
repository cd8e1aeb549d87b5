import assert from 'node:assert/strict';
// Shared helpers for the browser tests: a static server over dist/ and Debian's Chromium
// with a fresh profile, driven by playwright-core.
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.GLOSS_DIST || path.join(ROOT, 'dist');
export const SAMPLE_TITLE = 'Uncertain Path to Peace: The Complex Dynamics of Ukraine-Russia Negotiations';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

/** Serves dist/ on 127.0.0.1 on a free port. Returns { url, close }. With `gzip`, responses
 *  are gzip-encoded (level 9) for a client that accepts it, as a static host would. */
export async function serve(dir = DIST, { gzip = false } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`no build in ${dir}: run trunk build --release`);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        data = zlib.gzipSync(data, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A browser with a brand-new profile (its own storage, caches and service workers). */
export async function freshProfile(opts = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, args: ARGS, headless: true, acceptDownloads: true,
    viewport: { width: 1400, height: 900 }, ...opts,
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); if (process.env.LOGS) console.log('console:', m.text()); });
  return {
    context, page, errors, dir,
    close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Opens the app and waits until it has mounted with an article shown. */
export async function openApp(page, url) {
  await page.goto(url);
  await page.locator('main[data-ready="true"][data-analysis="ready"] article h1').first().waitFor({ timeout: 20000 });
}

/** Screen coordinates of the start of `from` and the end of `to` in the article's text
 *  (searched across text nodes, as a reader sees the text). */
export async function textPoints(page, from, to) {
  return page.evaluate(([from, to]) => {
    const root = document.querySelector('article');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = []; let all = '';
    while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
    const locate = (pos) => {
      for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= pos) return [nodes[i][0], pos - nodes[i][1]];
      throw new Error('no text');
    };
    const rectAt = (needle, atEnd) => {
      const i = all.indexOf(needle);
      if (i < 0) throw new Error('text not found: ' + needle);
      const k = atEnd ? i + needle.length - 1 : i;
      const [n, off] = locate(k);
      const r = document.createRange();
      r.setStart(n, off); r.setEnd(n, off + 1);
      const b = r.getBoundingClientRect();
      return { x: atEnd ? b.right - 1 : b.left + 1, y: b.top + b.height / 2 };
    };
    return { start: rectAt(from, false), end: rectAt(to, true) };
  }, [from, to]);
}

/** Waits until the block holding `text` stays put for a few frames: the app scrolls
 *  smoothly (to the next sentence on j, to a claim after Save), and a drag begun while a
 *  scroll is under way lands on other words. */
export async function settled(page, text) {
  await page.evaluate(async (t) => {
    const root = document.querySelector('article');
    const block = [...root.querySelectorAll('p, li, h1, h2, blockquote')].find((b) => b.textContent.includes(t));
    if (!block) return;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    let last = null; let still = 0;
    for (let i = 0; i < 180 && still < 8; i++) {
      await frame();
      const r = block.getBoundingClientRect();
      const now = `${r.top},${r.left}`;
      still = now === last ? still + 1 : 0;
      last = now;
    }
  }, text);
}

/** Drags the mouse from the start of `from` to the end of `to`, as a person selects text. */
export async function dragSelect(page, from, to) {
  await page.evaluate((t) => {
    const root = document.querySelector('article');
    const block = [...root.querySelectorAll('p, li, h1, h2, blockquote')].find((b) => b.textContent.includes(t));
    if (block) block.scrollIntoView({ block: 'center' });
  }, from);
  await settled(page, from);
  const { start, end } = await textPoints(page, from, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
  return page.evaluate(() => String(window.getSelection()));
}

/** Selects `text` with the mouse and tags it as a claim with the form's defaults. */
export async function tagText(page, text) {
  assert.equal(await dragSelect(page, text, text), text);
  await page.getByRole('button', { name: 'Tag claim' }).click();
  const form = page.getByRole('form', { name: 'Tag claim' });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
}

/** Selects `text` with the mouse and tags it with the fields given (claimant, status,
 * tags, note; the form's defaults for the rest). */
export async function tagClaim(page, text, { claimant, status, tags = '', note = '' } = {}) {
  assert.equal(await dragSelect(page, text, text), text);
  await page.getByRole('button', { name: 'Tag claim' }).click();
  const form = page.getByRole('form', { name: 'Tag claim' });
  if (claimant !== undefined) await form.getByLabel('Claimant').fill(claimant);
  if (status) await form.getByLabel('Verdict').selectOption(status);
  if (tags) await form.getByLabel('Tags').fill(tags);
  if (note) await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
}

// The folders `tempFile` made, removed when the test file's process exits.
const tempDirs = [];
process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a temporary file and returns its path. */
export function tempFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-file-'));
  tempDirs.push(dir);
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

/** Clicks Export JSON and returns the downloaded file's text and name. */
export async function exportJson(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const p = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(p, 'utf8') };
}

/** Imports a file through the "Import JSON" button's file chooser. */
export async function importFile(page, filePath) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import JSON' }).click(),
  ]);
  await chooser.setFiles(filePath);
}

export const claimItems = (page) => page.getByRole('list', { name: 'Claims', exact: true }).getByRole('listitem');
export const suggestionItems = (page) => page.getByRole('list', { name: 'Suggested claims', exact: true }).getByRole('listitem');

/** One request on the app's IndexedDB (database `gloss`, stores `articles` and `meta`), made
 *  in the page as another tab or a damaged disk would: `op` is an IDBObjectStore method
 *  (`get`, `put`, `delete`, `getAll`, `getAllKeys`, `clear`), `args` its arguments. Returns
 *  the request's result. Open the app first: this must not create the database itself. */
export function idb(page, store, op, ...args) {
  return page.evaluate(([store, op, args]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(store, op.startsWith('get') ? 'readonly' : 'readwrite');
      const req = tx.objectStore(store)[op](...args);
      tx.oncomplete = () => { db.close(); resolve(req.result); };
      tx.onabort = () => { db.close(); reject(tx.error); };
    };
  }), [store, op, args]);
}

/** Everything the app's IndexedDB holds, as one comparable string. */
export async function idbDump(page) {
  const all = {};
  for (const store of ['articles', 'meta']) {
    const keys = await idb(page, store, 'getAllKeys');
    const values = await idb(page, store, 'getAll');
    all[store] = keys.map((k, i) => [k, values[i]]);
  }
  return JSON.stringify(all);
}

/** Waits until the app's stored index lists `n` articles (a write has landed). */
export async function storedArticles(page, n, timeout = 20000) {
  const until = Date.now() + timeout;
  for (;;) {
    const index = await idb(page, 'meta', 'get', 'index').catch(() => null);
    const listed = index ? JSON.parse(index).articles : [];
    if (listed.length === n) return listed;
    if (Date.now() > until) throw new Error(`the stored index lists ${listed.length} article(s), not ${n}`);
    await page.waitForTimeout(100);
  }
}

/** `idbDump` once the app's writes have landed (two reads 300 ms apart agree). */
export async function settledDump(page) {
  let last = await idbDump(page);
  for (;;) {
    await page.waitForTimeout(300);
    const now = await idbDump(page);
    if (now === last) return now;
    last = now;
  }
}

/** With GLOSS_FIGURES=1, writes a screenshot of the page (or of one part of it, `part`, a
 * locator) to docs/figures/NAME.png (the figures an issue's closing note shows);
 * otherwise does nothing. */
export async function figure(page, name, part = null) {
  if (!process.env.GLOSS_FIGURES) return;
  const dir = path.join(ROOT, 'docs/figures');
  fs.mkdirSync(dir, { recursive: true });
  await (part || page).screenshot({ path: path.join(dir, `${name}.png`) });
}
