// Nothing lost between tabs or to damaged storage, as a user meets it: two tabs of the same
// library tag claims in turn and both claims survive reloads; a write from another tab that
// this tab has not heard of yet is joined, not overwritten; a damaged saved article is
// listed at every start, can be saved as it is and deleted, and the others load; a damaged
// library index is rebuilt from the saved articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, tagText, freshProfile, openApp, claimItems } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const ARTICLE = 'gloss.article.v1.';
const ONE = 'relinquishing territory is not an option';
const TWO = 'without an agreement on territorial issues, a resolution remains elusive';

const quotes = (page) => claimItems(page).evaluateAll((lis) => lis.map((li) => li.querySelector('blockquote, q, .quote')?.textContent || li.textContent));
const has = (list, text) => list.some((q) => q.includes(text.slice(0, 30)));

test('two tabs tag claims in turn: each sees the other\'s, and both survive reloads', async () => {
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
    for (const p of [a, tabB]) {
      await p.reload();
      await openApp(p, server.url);
      const q = await quotes(p);
      assert.equal(q.length, 2, JSON.stringify(q));
      assert.ok(has(q, ONE) && has(q, TWO), JSON.stringify(q));
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
    // another tab's write, as this tab's storage event would bring it (but it has not):
    // the same article with a second claim
    await page.evaluate(([prefix, words]) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith(prefix));
      const file = JSON.parse(localStorage.getItem(key));
      const text = [...file.article.text];
      const start = text.join('').indexOf(words);
      const s = [...file.article.text.slice(0, start)].length;
      const e = s + [...words].length;
      const c = JSON.parse(JSON.stringify(file.annotations[0]));
      c.id = 'from-the-other-tab';
      c.target.selector = [
        { type: 'TextPositionSelector', start: s, end: e },
        { type: 'TextQuoteSelector', exact: text.slice(s, e).join(''), prefix: text.slice(Math.max(0, s - 32), s).join(''), suffix: text.slice(e, e + 32).join('') },
      ];
      file.annotations.push(c);
      localStorage.setItem(key, JSON.stringify(file));
    }, [ARTICLE, TWO]);
    // this tab edits the same article: the other tab's claim is taken in, not written over
    await tagText(page, 'Putin has indicated');
    await page.reload();
    await openApp(page, server.url);
    const q = await quotes(page);
    assert.ok(has(q, ONE) && has(q, TWO) && has(q, 'Putin has indicated'), JSON.stringify(q));
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a damaged saved article is listed at every start, can be saved and deleted; the others load', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tagText(page, ONE);
    await page.evaluate((prefix) => localStorage.setItem(prefix + 'broken-one', '{"format": "gloss.article", "version": 4, "article": {"id": '), ARTICLE);
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
    assert.ok(await page.evaluate((k) => localStorage.getItem(k) !== null, ARTICLE + 'broken-one'));
    // saved as it is
    const [d] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Save its contents' }).click()]);
    assert.match(fs.readFileSync(await d.path(), 'utf8'), /^\{"format": "gloss.article", "version": 4, "article": \{"id": $/);
    // deleted when the person says so
    await list.getByRole('button', { name: 'Delete it' }).click();
    await list.waitFor({ state: 'detached' });
    assert.ok(await page.evaluate((k) => localStorage.getItem(k) === null, ARTICLE + 'broken-one'));
    await page.reload();
    await openApp(page, server.url);
    assert.equal(await page.getByRole('list', { name: 'Damaged articles' }).count(), 0);
  } finally { await b.close(); }
});

test('a damaged library index is rebuilt from the saved articles, with every article back', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill('Second story\n\nThe council said the bridge will open in May.');
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Second story');
    await page.evaluate(() => localStorage.setItem('gloss.index.v1', 'not json at all'));
    await page.reload();
    await page.locator('main[data-ready="true"]').waitFor();
    await page.getByText('rebuilt from the 2 saved article(s)').waitFor();
    const names = await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').allInnerTexts();
    assert.equal(names.length, 2, JSON.stringify(names));
  } finally { await b.close(); }
});
