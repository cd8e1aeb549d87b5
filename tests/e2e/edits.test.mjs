// Editing as a person does all day: Ctrl+Z and Ctrl+Shift+Z undo and redo every edit (not
// only deletions), the focus goes back to a sensible place after Save, Esc and Delete,
// and a link offers only the relations that fit its two ends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, freshProfile, openApp, claimItems, tagClaim, dragSelect } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const ZEL = 'relinquishing territory is not an option';
const RUTTE = 'continue military support';
const count = (page) => claimItems(page).count();
const notes = (page) => claimItems(page).locator('.note').allInnerTexts();

test('Ctrl+Z and Ctrl+Shift+Z undo and redo every edit, and what they undo stays undone after a reload', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tagClaim(page, ZEL, { claimant: 'Volodymyr Zelenskyy' });
    await tagClaim(page, RUTTE, { claimant: 'Mark Rutte', note: 'first note' });
    assert.equal(await count(page), 2);
    const body = page.locator('h2#claims-h');

    // an edit of the note
    await claimItems(page).nth(1).getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByRole('form', { name: 'Edit claim' });
    await edit.getByLabel('Note').fill('second note');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    assert.deepEqual(await notes(page), ['second note']);

    // a link
    await claimItems(page).nth(1).getByRole('button', { name: /^Link…/ }).click();
    const lf = page.getByRole('form', { name: 'Link' });
    await lf.getByLabel('Link to').selectOption({ label: await lf.getByLabel('Link to').locator('option', { hasText: 'relinquishing' }).innerText() });
    await lf.getByRole('button', { name: 'Add link' }).click();
    await lf.waitFor({ state: 'detached' });
    const links = () => claimItems(page).locator('li.link').count();
    assert.ok(await links() > 0);

    // outside a text field, Ctrl+Z undoes them one by one, newest first
    await body.focus();
    await page.keyboard.press('Control+z');
    await page.getByRole('status').getByText(/^Undone: Linked/).waitFor();
    assert.equal(await links(), 0, 'the link is gone');
    await page.keyboard.press('Control+z');
    await page.getByRole('status').getByText(/^Undone: Claim of Mark Rutte saved/).waitFor();
    assert.deepEqual(await notes(page), ['first note'], 'the note as it was');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 1);
    await page.getByRole('status').getByText(/^Undone: Claim of Mark Rutte tagged/).waitFor();

    // redo brings them back in order
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 2);
    await page.getByRole('status').getByText(/^Redone: Claim of Mark Rutte tagged/).waitFor();
    await page.keyboard.press('Control+y');
    await page.getByRole('status').getByText(/^Redone: Claim of Mark Rutte saved/).waitFor();
    assert.deepEqual(await notes(page), ['second note']);

    // the notice's Undo and the keys are one history: a deletion, undone with Ctrl+Z
    await claimItems(page).first().getByRole('button', { name: /^Delete/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 1);
    await body.focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 2);

    // in a text field, Ctrl+Z is the field's own
    await claimItems(page).first().getByRole('button', { name: /^Edit/ }).click();
    const e2 = page.getByRole('form', { name: 'Edit claim' });
    await e2.getByLabel('Note').fill('typed');
    await e2.getByLabel('Note').press('Control+z');
    assert.equal(await count(page), 2, 'no edit undone from inside a field');
    await e2.getByRole('button', { name: 'Cancel' }).click();

    // undone stays undone: the store holds it
    await body.focus();
    await page.keyboard.press('Control+Shift+z'); // the deletion undone is done again
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 1);
    await page.waitForTimeout(500);
    await page.reload();
    await page.locator('main[data-analysis="ready"]').waitFor();
    assert.equal(await count(page), 1);
    await page.keyboard.press('Control+z');
    await page.getByRole('status').getByText('Nothing to undo.').waitFor();
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('focus goes back after Save, Esc and Delete', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      return e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}.${e.className}@${e.closest('li')?.id || ''}`;
    });
    // keyboard: the article, j, c, Esc: back in the article; c, Save: back in the article
    await page.locator('article').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('c');
    const form = page.getByRole('form', { name: 'Tag claim' });
    await form.waitFor();
    assert.equal(await focused() !== '#article-body', true, 'the form has the focus');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'article-body');
    // the form took the selection; j selects a sentence again
    await page.keyboard.press('j');
    assert.notEqual(await page.evaluate(() => String(window.getSelection())), '');
    await page.keyboard.press('c');
    await form.getByLabel('Claimant').fill('Donald Trump');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'article-body');
    // and j goes on from there
    await page.keyboard.press('j');
    assert.notEqual(await page.evaluate(() => String(window.getSelection())), '');

    // Edit from the list, Save: back on that claim
    await tagClaim(page, RUTTE, { claimant: 'Mark Rutte' });
    const rutte = claimItems(page).filter({ hasText: 'Mark Rutte' });
    const id = await rutte.getAttribute('id');
    await rutte.getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByRole('form', { name: 'Edit claim' });
    await edit.getByLabel('Note').fill('checked');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.waitForFunction((id) => document.activeElement?.closest('li')?.id === id, id);

    // Delete from the list: the focus moves to the next claim, not to the page's top
    const first = claimItems(page).first();
    const secondId = await claimItems(page).nth(1).getAttribute('id');
    await first.getByRole('button', { name: /^Delete/ }).click();
    await page.waitForFunction((id) => document.activeElement?.closest('li')?.id === id
      && document.activeElement.classList.contains('quote'), secondId);
    // the last one: the list's heading
    await claimItems(page).first().getByRole('button', { name: /^Delete/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'claims-h');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a link offers only the relations that fit its two ends', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tagClaim(page, ZEL, { claimant: 'Volodymyr Zelenskyy' });
    await tagClaim(page, RUTTE, { claimant: 'Mark Rutte' });
    await claimItems(page).first().getByRole('button', { name: /^Link…/ }).click();
    const lf = page.getByRole('form', { name: 'Link' });
    const relations = () => lf.getByLabel('Relation').locator('option').allInnerTexts();
    const to = lf.getByLabel('Link to');
    const pick = async (hasText) => to.selectOption({ label: await to.locator('option', { hasText }).first().innerText() });
    await pick(/^Entity: .*Kyiv/);
    assert.deepEqual(await relations(), ['about', 'related'], 'a claim about a place, not contradicting it');
    assert.equal(await lf.getByLabel('Relation').inputValue(), 'about');
    await pick(/^Claim: /);
    assert.deepEqual(await relations(), ['contradicts', 'supports', 'responds to', 'same claim', 'related']);
    await lf.getByLabel('Relation').selectOption('supports');
    await lf.getByRole('button', { name: 'Add link' }).click();
    await lf.waitFor({ state: 'detached' });
    assert.match(await claimItems(page).first().innerText(), /supports/);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
