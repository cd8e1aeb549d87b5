// Suggestions as a user meets them: entities underlined on the sample, a suggested claim
// accepted with Enter, a rejected one staying rejected after a reload, the toggle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, freshProfile, openApp, claimItems, suggestionItems, exportJson } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

test('Zelenskyy is underlined as a person; his suggested claim is accepted with Enter and kept', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    // underlined as a person, with class, role and other mentions on hover
    const zel = page.locator('article .ent-PERSON', { hasText: /^Volodymyr Zelenskyy$/ }).first();
    await zel.waitFor();
    const tip = await zel.getAttribute('title');
    assert.match(tip, /^Person: Volodymyr Zelenskyy \(President\) · 2 mentions: Volodymyr Zelenskyy, Zelenskyy$/);
    await zel.hover();
    // every mention of the entity is lit, and nothing else
    const lit = () => page.evaluate(() => [...document.querySelectorAll('article [data-entity]')]
      .filter((e) => getComputedStyle(e).backgroundColor === 'rgba(43, 123, 185, 0.15)').map((e) => e.textContent));
    await page.waitForFunction(() => document.querySelector('style.ent-hover-rule')?.textContent.includes('data-entity'));
    assert.deepEqual(await lit(), ['Volodymyr Zelenskyy', 'Zelenskyy'], 'hover marks every mention of the entity');
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelector('style.ent-hover-rule')?.textContent === '');
    assert.deepEqual(await lit(), [], 'and only while hovered');
    assert.ok(await page.locator('article .ent-ORG', { hasText: /^NATO$/ }).count() >= 1);
    assert.ok(await page.locator('article .ent-GPE', { hasText: /^Kyiv$/ }).count() === 1);
    await page.getByRole('list', { name: 'Entity colours' }).waitFor();

    // the suggested claim of Zelenskyy's: focus it, press Enter
    const suggestion = suggestionItems(page).filter({ hasText: 'relinquishing territory' });
    assert.match(await suggestion.innerText(), /Volodymyr Zelenskyy/);
    await suggestion.focus();
    await page.keyboard.press('Enter');
    await claimItems(page).first().waitFor();
    assert.equal(await claimItems(page).count(), 1);
    assert.match(await claimItems(page).first().innerText(), /Volodymyr Zelenskyy/);
    assert.equal(await suggestionItems(page).filter({ hasText: 'relinquishing territory' }).count(), 0, 'no longer suggested');

    // reject another with Delete
    const rutte = suggestionItems(page).filter({ hasText: 'continue military support' });
    await rutte.focus();
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => ![...document.querySelectorAll('ul[aria-label="Suggested claims"] li')].some((li) => li.innerText.includes('continue military support')));

    await page.reload();
    await page.locator('main[data-analysis="ready"]').waitFor();
    assert.equal(await claimItems(page).count(), 1);
    assert.match(await claimItems(page).first().innerText(), /Volodymyr Zelenskyy/);
    assert.equal(await suggestionItems(page).filter({ hasText: 'continue military support' }).count(), 0, 'rejected stays rejected');
    assert.equal(await suggestionItems(page).filter({ hasText: 'relinquishing territory' }).count(), 0);

    // decisions travel in the export
    const data = JSON.parse((await exportJson(page)).text);
    assert.equal(data.version, 6);
    assert.ok(data.suggestions.some((s) => s.decision === 'accepted' && s.claim === data.annotations[0].id));
    assert.ok(data.suggestions.some((s) => s.decision === 'rejected'));
    assert.ok(data.suggestions.some((s) => s.decision === 'pending' && s.speaker === 'Mark Rutte') === false);

    // the toggle hides every suggestion, underlines included
    await page.getByLabel('Show suggestions').uncheck();
    assert.equal(await page.locator('article .ent').count(), 0);
    assert.equal(await page.getByRole('list', { name: 'Suggested claims', exact: true }).count(), 0);
    await page.getByLabel('Show suggestions').check();
    assert.ok(await page.locator('article .ent').count() > 20);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('editing a suggestion opens the claim form filled in', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    const putin = suggestionItems(page).filter({ hasText: 'sabotage the peace efforts' });
    await putin.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Tag claim' });
    assert.equal(await form.getByLabel('Claimant').inputValue(), 'Vladimir Putin');
    assert.equal(await form.getByLabel('Type').inputValue(), 'accusation', 'from the cue "accused"');
    await form.getByLabel('Verdict').selectOption('disputed');
    await form.getByRole('button', { name: 'Save' }).click();
    await claimItems(page).first().waitFor();
    assert.match(await claimItems(page).first().innerText(), /Vladimir Putin[\s\S]*accusation[\s\S]*disputed/i);
    assert.equal(await suggestionItems(page).filter({ hasText: 'sabotage the peace efforts' }).count(), 0);
  } finally { await b.close(); }
});
