// Nothing lost between tabs, to damaged storage or to size, as a user meets it. The library
// lives in IndexedDB (database `gloss`: a record per article, the index and identities in
// `meta`). Two tabs of the same library tag claims in turn and every claim survives reloads;
// a write from another tab that this tab has not heard of yet is joined, not overwritten; a
// damaged saved article is listed at every start, can be saved as it is and deleted, and the
// others load; a damaged or missing index is rebuilt from the saved articles; a library kept
// in localStorage by earlier versions moves in whole; a 10 MB article is saved and restored;
// the space used and left is shown, and persistence asked for once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, tagText, freshProfile, openApp, claimItems, idb, storedArticles, tempFile, exportJson } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const ONE = 'relinquishing territory is not an option';
const TWO = 'without an agreement on territorial issues, a resolution remains elusive';

const quotes = (page) => claimItems(page).evaluateAll((lis) => lis.map((li) => li.querySelector('blockquote, q, .quote')?.textContent || li.textContent));
const has = (list, text) => list.some((q) => q.includes(text.slice(0, 30)));

const THREE = 'Putin has indicated';

/** Adds to a stored article file a copy of its first claim on the words `words`, as another
 *  tab's edit would. */
function withClaimOn(file, words) {
  const text = [...file.article.text];
  const s = [...file.article.text.slice(0, file.article.text.indexOf(words))].length;
  const e = s + [...words].length;
  const c = JSON.parse(JSON.stringify(file.annotations[0]));
  c.id = 'from-the-other-tab';
  c.target.selector = [
    { type: 'TextPositionSelector', start: s, end: e },
    { type: 'TextQuoteSelector', exact: text.slice(s, e).join(''), prefix: text.slice(Math.max(0, s - 32), s).join(''), suffix: text.slice(e, e + 32).join('') },
  ];
  file.annotations.push(c);
}

test('two tabs tag claims in turn: each sees the other\'s, and all survive reloads', async () => {
  const b = await freshProfile();
  const { page: a, context } = b;
  try {
    await openApp(a, server.url);
    const tabB = await context.newPage();
    await openApp(tabB, server.url);
    await tagText(a, ONE);
    await tabB.waitForFunction(() => document.querySelectorAll('[aria-label="Claims"] > li').length === 1);
    await tagText(tabB, TWO);
    await a.waitForFunction(() => document.querySelectorAll('[aria-label="Claims"] > li').length === 2);
    // B's copy came in whole: wait until it is drawn and read before selecting in it
    await a.locator('main[data-analysis="ready"]').waitFor();
    // a tab in the background hit-tests the mouse against its last frame: bring A to the
    // front and let it draw its scrolled page before dragging in it
    await a.bringToFront();
    await a.evaluate((t) => new Promise((done) => {
      [...document.querySelectorAll('article p')].find((p) => p.textContent.includes(t))?.scrollIntoView({ block: 'center' });
      requestAnimationFrame(() => requestAnimationFrame(done));
      setTimeout(done, 2000);
    }), THREE);
    await tagText(a, THREE);
    await tabB.waitForFunction(() => document.querySelectorAll('[aria-label="Claims"] > li').length === 3);
    for (const p of [a, tabB]) {
      await p.reload();
      await openApp(p, server.url);
      const q = await quotes(p);
      assert.equal(q.length, 3, JSON.stringify(q));
      assert.ok(has(q, ONE) && has(q, TWO) && has(q, THREE), JSON.stringify(q));
    }
    await tabB.close();
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a write from another tab not yet heard of is joined, not overwritten', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tagText(page, ONE);
    // another tab's write, as its announcement would bring it (but it has not): the same
    // article's record with a second claim
    const [key] = await idb(page, 'articles', 'getAllKeys');
    const file = JSON.parse(await idb(page, 'articles', 'get', key));
    withClaimOn(file, TWO);
    await idb(page, 'articles', 'put', JSON.stringify(file), key);
    // this tab edits the same article: the other tab's claim is taken in, not written over
    await tagText(page, THREE);
    // a reload at once: a transaction it cuts short loses nothing (the journal)
    await page.reload();
    await openApp(page, server.url);
    const q = await quotes(page);
    assert.ok(has(q, ONE) && has(q, TWO) && has(q, THREE), JSON.stringify(q));
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a damaged saved article is listed at every start, can be saved and deleted; the others load', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tagText(page, ONE);
    await idb(page, 'articles', 'put', '{"format": "gloss.article", "version": 4, "article": {"id": ', 'broken-one');
    await page.reload();
    await openApp(page, server.url);
    const list = page.getByRole('list', { name: 'Damaged articles' });
    await list.getByText('broken-one').waitFor();
    assert.equal(await claimItems(page).count(), 1, 'the good article loads with its claim');
    // an edit and a reload: still listed, still in storage
    await tagText(page, TWO);
    await page.reload();
    await openApp(page, server.url);
    await list.getByText('broken-one').waitFor();
    assert.equal(await idb(page, 'articles', 'get', 'broken-one'), '{"format": "gloss.article", "version": 4, "article": {"id": ');
    assert.equal((await storedArticles(page, 1)).length, 1, 'the index lists the good article; the damaged one is found by its record');
    // saved as it is
    const [d] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Save its contents' }).click()]);
    assert.match(fs.readFileSync(await d.path(), 'utf8'), /^\{"format": "gloss.article", "version": 4, "article": \{"id": $/);
    // deleted when the person says so
    await list.getByRole('button', { name: 'Delete it' }).click();
    await list.waitFor({ state: 'detached' });
    assert.equal(await idb(page, 'articles', 'get', 'broken-one'), undefined);
    await page.reload();
    await openApp(page, server.url);
    assert.equal(await page.getByRole('list', { name: 'Damaged articles' }).count(), 0);
  } finally { await b.close(); }
});

test('a damaged or missing library index is rebuilt from the saved articles, with every article back', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill('Second story\n\nThe council said the bridge will open in May.');
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Second story');
    await storedArticles(page, 2);
    for (const damage of [['put', 'not json at all', 'index'], ['delete', 'index']]) {
      await idb(page, 'meta', ...damage);
      await page.reload();
      await page.locator('main[data-ready="true"]').waitFor();
      await page.getByText('rebuilt from the 2 saved article(s)').waitFor();
      const names = await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').allInnerTexts();
      assert.equal(names.length, 2, JSON.stringify(names));
      // and written again whole
      await storedArticles(page, 2);
    }
  } finally { await b.close(); }
});

const articleNames = (page) => page.getByRole('list', { name: 'Articles' }).getByRole('listitem').locator('button.open').allInnerTexts();

async function exportLibrary(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export library' }).click(),
  ]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

const SAMPLE_TITLE_START = 'Uncertain Path to Peace';
const SECOND = 'Second story\n\nThe council said the bridge will open in May.';

test('a library kept in localStorage by earlier versions moves into IndexedDB whole, damaged entry and all', async () => {
  // the old library's entries, as earlier versions wrote them: each article's record is
  // the export format, which this version writes to IndexedDB unchanged
  const old = await freshProfile();
  let records;
  try {
    const page = old.page;
    await openApp(page, server.url);
    await tagText(page, ONE);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill(SECOND);
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Second story');
    await page.locator('main[data-analysis="ready"]').waitFor();
    await tagText(page, 'the bridge will open in May');
    await storedArticles(page, 2);
    for (;;) {
      const keys = await idb(page, 'articles', 'getAllKeys');
      const values = await idb(page, 'articles', 'getAll');
      records = keys.map((k, i) => [k, values[i]]);
      if (values.every((v) => JSON.parse(v).annotations.length === 1)) break;
      await page.waitForTimeout(100);
    }
  } finally { await old.close(); }
  assert.equal(records.length, 2);
  const [sample, second] = [records.find(([, v]) => v.includes('Ukraine')), records.find(([, v]) => v.includes('Second story'))];

  const b = await freshProfile();
  const { page } = b;
  try {
    // the same origin, before Gloss ever runs there: only the old entries exist
    await page.goto(server.url + 'before-gloss');
    await page.evaluate(([sample, second]) => {
      localStorage.setItem('gloss.article.v1.' + sample[0], sample[1]);
      localStorage.setItem('gloss.article.v1.' + second[0], second[1]);
      localStorage.setItem('gloss.article.v1.broken-old', '{"format": "gloss.article", "vers');
      localStorage.setItem('gloss.index.v1', JSON.stringify({ articles: [second[0], sample[0], 'broken-old'], current: sample[0] }));
      localStorage.setItem('gloss.entities.v1', JSON.stringify([['putin', 'Vladimir Putin']]));
      localStorage.setItem('another.app', 'not ours');
    }, [sample, second]);
    for (const when of ['after the move', 'after a reload']) {
      if (when === 'after the move') await openApp(page, server.url);
      else { await page.reload(); await openApp(page, server.url); }
      assert.deepEqual((await articleNames(page)).map((n) => n.replace(/\d+$/, '').trim().slice(0, 12)), ['Second story', 'Uncertain Pa'], when);
      assert.ok((await page.locator('article h1').innerText()).startsWith(SAMPLE_TITLE_START), `${when}: the article open before is open`);
      assert.ok(has(await quotes(page), ONE), when);
      await page.getByRole('list', { name: 'Damaged articles' }).getByText('broken-old').waitFor();
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['another.app'], `${when}: the old entries are gone, nothing else`);
      assert.deepEqual((await idb(page, 'articles', 'getAllKeys')).sort(), [second[0], sample[0], 'broken-old'].sort(), when);
      assert.equal(await idb(page, 'articles', 'get', 'broken-old'), '{"format": "gloss.article", "vers', 'the damaged entry moved as it was');
      const backup = await exportLibrary(page);
      assert.deepEqual(backup.identities, [['putin', 'Vladimir Putin']], when);
      assert.equal(backup.articles.length, 2, when);
      await page.getByRole('button', { name: /^Second story/ }).click();
      await page.locator('main[data-analysis="ready"]').waitFor();
      assert.ok(has(await quotes(page), 'the bridge will open in May'), when);
      await page.getByRole('button', { name: /^Uncertain Path/ }).click();
      await page.locator('main[data-analysis="ready"]').waitFor();
    }
  } finally { await b.close(); }
});

test('changes whose write never landed (a reload cut it short) are back after the reload: a claim tagged, a claim deleted, an article deleted', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    // while window.__cut is set, every write to the store fails, as a transaction that a
    // reload aborts does: nothing of it lands
    await page.addInitScript(() => {
      for (const name of ['put', 'delete']) {
        const real = IDBObjectStore.prototype[name];
        IDBObjectStore.prototype[name] = function (...args) {
          if (window.__cut) throw new DOMException('The transaction was aborted.', 'AbortError');
          return real.apply(this, args);
        };
      }
    });
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill(SECOND);
    await page.getByRole('button', { name: 'Add article' }).click();
    await storedArticles(page, 2);
    // a claim, stored
    await tagText(page, 'The council said');
    for (let i = 0; ; i++) {
      const keys = await idb(page, 'articles', 'getAllKeys');
      const records = await Promise.all(keys.map((k) => idb(page, 'articles', 'get', k)));
      if (records.some((r) => r.includes('The council said'))) break;
      assert.ok(i < 100, 'the first claim is stored');
      await page.waitForTimeout(100);
    }
    await page.evaluate(() => { window.__cut = true; });
    await tagText(page, 'the bridge will open in May');
    await claimItems(page).filter({ hasText: 'The council said' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: /^Delete Uncertain Path/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete article' }).click();
    await page.locator('.storage-error').waitFor();
    assert.equal((await idb(page, 'articles', 'getAllKeys')).length, 2, 'nothing of it was stored');

    await page.reload();
    await openApp(page, server.url);
    const names = await articleNames(page);
    assert.ok(names.length === 1 && names[0].startsWith('Second story'), JSON.stringify(names));
    let q = await quotes(page);
    assert.ok(has(q, 'the bridge will open in May'), JSON.stringify(q));
    assert.ok(!q.some((x) => x.includes('The council said')), 'the deleted claim stays deleted');
    // written now: a second reload finds it in the store, and no journal is left behind
    await storedArticles(page, 1);
    await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith('gloss-journal.')));
    await page.reload();
    await openApp(page, server.url);
    q = await quotes(page);
    assert.ok(has(q, 'the bridge will open in May') && q.length === 1, JSON.stringify(q));
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a 10 MB article is saved and restored after a reload', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    const para = 'The council said on May 3 that 2,000 homes, about 4% of the city, will get the new pipes. “We will finish,” she said.\n';
    const last = 'The very last paragraph says the work ends in June.';
    const big = 'Large article\n' + para.repeat(Math.ceil(10.2e6 / Buffer.byteLength(para))) + last + '\n';
    assert.ok(Buffer.byteLength(big) > 10e6);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Open file').setInputFiles(tempFile('large.txt', big));
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Large article', null, { timeout: 60000 });
    await storedArticles(page, 2, 60000);
    const id = (await idb(page, 'articles', 'getAllKeys')).find((k) => !k.startsWith('sample'));
    const stored = await idb(page, 'articles', 'get', id);
    assert.ok(stored.length > 10e6, `the record holds ${stored.length} characters`);
    const text = JSON.parse(stored).article.text;
    assert.ok(Buffer.byteLength(text) > 10e6, `${Buffer.byteLength(text)} bytes`);
    assert.ok(text.trimEnd().endsWith(last), JSON.stringify(text.slice(-80)));
    await page.reload();
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Large article', null, { timeout: 60000 });
    assert.equal(await page.locator('.storage-error').count(), 0);
    // every word back: the article as exported after the reload
    const exported = JSON.parse((await exportJson(page)).text);
    assert.ok(exported.article.text === text, 'the same text, every character');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('the library panel shows the space used and left, and persistence is asked for once', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await page.addInitScript(() => {
      const ask = StorageManager.prototype.persist;
      StorageManager.prototype.persist = function () { window.__persistAsked = (window.__persistAsked || 0) + 1; return ask.call(this); };
    });
    await openApp(page, server.url);
    await tagText(page, ONE);
    await tagText(page, TWO);
    const space = page.locator('.library .storage-space');
    await page.waitForFunction(() => /used, .* left\./.test(document.querySelector('.library .storage-space')?.innerText || ''));
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    const text = await space.innerText();
    assert.match(text, /^Saved in this browser: [\d.]+ (B|KB|MB) used, [\d.]+ (KB|MB|GB|TB) left\./);
    assert.match(text, persisted ? /Kept until you delete it\.$/ : /may clear it when space runs low/);
    assert.equal(await page.evaluate(() => window.__persistAsked), 1, 'asked once, after the first save');
  } finally { await b.close(); }
});

test('a write that fails changes nothing stored: the index never lists an article not written', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        if (window.__full && this.name === 'articles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.call(this, value, key);
      };
    });
    await openApp(page, server.url);
    await storedArticles(page, 1);
    const before = await idb(page, 'meta', 'get', 'index');
    await page.evaluate(() => { window.__full = true; });
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill(SECOND);
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => /storage is full/i.test(document.querySelector('[role=alert]').innerText));
    assert.equal(await idb(page, 'meta', 'get', 'index'), before, 'the index as it was');
    assert.equal((await idb(page, 'articles', 'getAllKeys')).length, 1);
    // the work stays in the tab, and is written whole once storage takes it again
    await page.evaluate(() => { window.__full = false; });
    await tagText(page, 'the bridge will open in May');
    await storedArticles(page, 2);
    await page.locator('.storage-error').waitFor({ state: 'detached' });
    await page.reload();
    await openApp(page, server.url);
    assert.equal((await articleNames(page)).length, 2);
    assert.ok(has(await quotes(page), 'the bridge will open in May'));
  } finally { await b.close(); }
});

test('another tab\'s announcement brings its write in at once: a claim, a new article, a deletion, merged names', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await storedArticles(page, 1);
    // another tab: writes the store, then announces it on the channel, as Gloss does
    const announce = (note) => page.evaluate((n) => { const c = new BroadcastChannel('gloss'); c.postMessage(n); c.close(); }, note);
    await tagText(page, ONE);
    const [id] = await idb(page, 'articles', 'getAllKeys');
    let file;
    do file = JSON.parse(await idb(page, 'articles', 'get', id)); while (file.annotations.length === 0);
    withClaimOn(file, TWO);
    await idb(page, 'articles', 'put', JSON.stringify(file), id);
    await announce(`a 0 ${id}`);
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Claims"] > li').length === 2);
    assert.ok(has(await quotes(page), TWO));
    // a new article
    const copy = JSON.parse(JSON.stringify(file));
    copy.article.id = 'from-the-other-tab';
    copy.article.name = 'Written in another tab';
    await idb(page, 'articles', 'put', JSON.stringify(copy), 'from-the-other-tab');
    await announce('a 0 from-the-other-tab');
    await page.getByRole('button', { name: /^Written in another tab/ }).waitFor();
    // deleted there
    await idb(page, 'articles', 'delete', 'from-the-other-tab');
    await announce('d from-the-other-tab');
    await page.getByRole('button', { name: /^Written in another tab/ }).waitFor({ state: 'detached' });
    // merged names
    await idb(page, 'meta', 'put', JSON.stringify([['putin', 'Vladimir Putin']]), 'identities');
    await announce('i');
    for (;;) {
      const backup = await exportLibrary(page);
      if (JSON.stringify(backup.identities) === JSON.stringify([['putin', 'Vladimir Putin']])) break;
      await page.waitForTimeout(200);
    }
    assert.equal((await articleNames(page)).length, 1);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
