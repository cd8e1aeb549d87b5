// Finding and sorting claims as a fact-checker does: an overview, search, filters with
// counts, sorting, a warning before the same words are tagged twice, and finding words in
// the article to tag them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, freshProfile, openApp, claimItems, dragSelect, tagClaim as tag } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const quotes = (page) => claimItems(page).locator('button.quote').allInnerTexts();

test('claims are found, filtered with counts and sorted; the same words tagged twice warn; words are found in the article', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tag(page, 'relinquishing territory is not an option', { claimant: 'Volodymyr Zelenskyy', status: 'disputed', tags: 'territory' });
    await tag(page, 'continue military support', { claimant: 'Mark Rutte', status: 'supported', tags: 'aid, nato' });
    await tag(page, 'Russia is ready for confrontation', { claimant: 'Vladimir Putin', status: 'disputed', tags: 'territory' });
    const claims = page.getByRole('region', { name: /^Claims/ });
    assert.match(await claims.locator('.overview').innerText(), /^1 Supported, 2 Disputed\. By claimant: .*Mark Rutte 1/);

    // search
    const tools = page.getByRole('search', { name: 'Find claims' });
    await tools.getByLabel('Search claims').fill('MILITARY');
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 1);
    assert.match(await claims.getByRole('status').innerText(), /Showing 1 of 3 claims\./);
    await claims.getByRole('button', { name: 'Show all' }).click();
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 3);
    assert.equal(await tools.getByLabel('Search claims').inputValue(), '');

    // filters, each option with its count
    const verdicts = await tools.getByLabel('Verdict', { exact: true }).locator('option').allInnerTexts();
    assert.deepEqual(verdicts, ['Any verdict', 'Supported (1)', 'Disputed (2)']);
    await tools.getByLabel('Verdict', { exact: true }).selectOption('disputed');
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 2);
    assert.ok((await quotes(page)).every((q) => !q.includes('military')));
    await tools.getByLabel('Verdict', { exact: true }).selectOption('');
    assert.deepEqual(await tools.getByLabel('Tag', { exact: true }).locator('option').allInnerTexts(), ['Any tag', 'territory (2)', 'aid (1)', 'nato (1)']);
    await tools.getByLabel('Tag', { exact: true }).selectOption('nato');
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 1);
    await tools.getByLabel('Tag', { exact: true }).selectOption('');
    await tools.getByLabel('Claimant', { exact: true }).selectOption('Vladimir Putin');
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 1);
    assert.match((await quotes(page))[0], /Russia is ready/);
    await tools.getByLabel('Claimant', { exact: true }).selectOption('');

    // sort by claimant: Mark Rutte, Vladimir Putin, Volodymyr Zelenskyy
    await tools.getByLabel('Sort claims by').selectOption('claimant');
    await page.waitForFunction(() => document.querySelector('ul[aria-label="Claims"] > li button.quote')?.innerText.includes('continue military support'));
    const sorted = await quotes(page);
    assert.match(sorted[1], /Russia is ready/);
    assert.match(sorted[2], /relinquishing territory/);

    // the same words again: the form warns before a second claim is made on them
    assert.equal(await dragSelect(page, 'continue military support', 'continue military support'), 'continue military support');
    await page.getByRole('button', { name: 'Tag claim' }).click();
    const form = page.getByRole('form', { name: 'Tag claim' });
    assert.match(await form.getByRole('alert').innerText(), /tagged already, as a claim of Mark Rutte/);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });

    // find in the article: Enter steps through the places, each selected for Tag claim
    const find = page.getByRole('search', { name: 'Find in article' });
    await find.getByLabel('Find in article').fill('putin');
    await find.getByRole('status').getByText(/^\d+ found$/).waitFor();
    const n = Number((await find.getByRole('status').innerText()).split(' ')[0]);
    assert.ok(n >= 3, `${n} places`);
    await find.getByLabel('Find in article').press('Enter');
    assert.equal(await find.getByRole('status').innerText(), `1 of ${n}`);
    await page.waitForFunction(() => String(window.getSelection()) === 'Putin');
    await find.getByLabel('Find in article').press('Enter');
    assert.equal(await find.getByRole('status').innerText(), `2 of ${n}`);
    await find.getByLabel('Find in article').press('Shift+Enter');
    await find.getByLabel('Find in article').press('Shift+Enter');
    assert.equal(await find.getByRole('status').innerText(), `${n} of ${n}`, 'wraps around');
    await page.waitForFunction(() => document.querySelector('button.primary[aria-keyshortcuts="c"]')?.getAttribute('aria-disabled') === 'false');
    await find.getByLabel('Find in article').fill('no such words here');
    assert.equal(await find.getByRole('status').innerText(), 'Not found');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
