// Messages as a user meets them: they float over the page instead of pushing it down, a
// notice without Undo goes by itself (not while the pointer rests on it), one with Undo
// stays, an error takes the place of a stale success, and saving an edit says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, freshProfile, openApp, claimItems, tagText, importFile, tempFile } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const status = (page) => page.getByRole('status').filter({ hasText: /Claim|claim/ });
const articleTop = (page) => page.locator('article h1').evaluate((h) => h.getBoundingClientRect().top);

test('notices float, expire unless they carry Undo, wait while hovered; an error replaces a stale success', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = await articleTop(page);

    // tagging says so, over the page: the article does not move
    await tagText(page, 'continue military support');
    await page.evaluate(() => window.scrollTo(0, 0));
    const notice = page.getByRole('status').getByText(/^Claim( of .+)? tagged\./);
    await notice.waitFor();
    assert.equal(await articleTop(page), top, 'the notice does not push the article down');
    assert.equal(await page.locator('.messages').evaluate((m) => getComputedStyle(m).position), 'fixed');
    // and goes by itself
    await notice.waitFor({ state: 'detached', timeout: 10000 });

    // saving an edit says so; while the pointer rests on the notice it stays
    await claimItems(page).first().getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit claim' });
    await form.getByLabel('Note').fill('checked against the transcript');
    await form.getByRole('button', { name: 'Save' }).click();
    const saved = page.getByRole('status').getByText(/^Claim( of .+)? saved\./);
    await saved.waitFor();
    await saved.hover();
    await page.waitForTimeout(8000);
    assert.equal(await saved.count(), 1, 'held while hovered');
    await page.mouse.move(5, 300);
    await saved.waitFor({ state: 'detached', timeout: 5000 });

    // a notice with Undo stays until used or replaced
    await claimItems(page).first().getByRole('button', { name: 'Delete' }).click();
    const undo = page.getByRole('status').getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    await page.waitForTimeout(8000);
    assert.equal(await undo.count(), 1, 'Undo does not expire');
    await undo.click();
    await claimItems(page).first().waitFor();
    await page.getByRole('status').getByText(/^Undone: Claim( of .*)? deleted\./).waitFor();

    // an error takes the place of the success before it
    await importFile(page, tempFile('broken.json', 'this is { not json'));
    await page.getByRole('alert').getByText(/not valid JSON/).waitFor();
    assert.equal(await status(page).count(), 0, 'no stale success above the error');
    // it stays until dismissed, and a new success clears it
    await page.waitForTimeout(7000);
    assert.equal(await page.getByRole('alert').getByText(/not valid JSON/).count(), 1, 'errors do not expire');
    await tagText(page, 'relinquishing territory is not an option');
    await page.getByRole('status').getByText(/tagged\./).waitFor();
    assert.equal(await page.getByRole('alert').innerText(), '');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
