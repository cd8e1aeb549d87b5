// A fact-checker's verdicts and evidence: a rating scale of their own, used on claims,
// kept through reload, export and import (into a fresh profile, and alongside an older
// file), and evidence links that open safely.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, freshProfile, openApp, claimItems, tagClaim, dragSelect, exportJson, importFile, tempFile } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const ZEL = 'relinquishing territory is not an option';
const RUTTE = 'continue military support';

/** The verdicts the claim form offers, as people read them. */
async function offered(page, words) {
  assert.equal(await dragSelect(page, words, words), words);
  await page.getByRole('button', { name: 'Tag claim' }).click();
  const form = page.getByRole('form', { name: 'Tag claim' });
  const labels = await form.getByLabel('Verdict').locator('option').allInnerTexts();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await form.waitFor({ state: 'detached' });
  return labels;
}

test('a rating scale of your own is used on claims and kept through reload, export and import', async () => {
  const a = await freshProfile();
  const b = await freshProfile();
  try {
    const { page } = a;
    await openApp(page, server.url);
    // the built-in statuses first
    assert.deepEqual(await offered(page, RUTTE), ['Unverified', 'Supported', 'Disputed', 'False', 'Misleading']);
    // bad labels are told and change nothing
    const settings = page.locator('details.scale-settings');
    await settings.locator('summary').click();
    await settings.getByLabel('Verdicts').selectOption('own');
    await settings.getByLabel('Your labels, one per line').fill('Correct\ncorrect');
    await settings.getByRole('button', { name: 'Use this scale' }).click();
    await page.getByRole('alert').getByText(/not changed: “correct” is on the scale twice/).waitFor();
    await settings.getByLabel('Your labels, one per line').fill('Correct\nMostly correct\nNeeds context\nPants on fire');
    await settings.getByRole('button', { name: 'Use this scale' }).click();
    await page.getByRole('status').getByText(/Rating scale saved/).waitFor();
    assert.deepEqual(await offered(page, RUTTE), ['Not rated yet', 'Correct', 'Mostly correct', 'Needs context', 'Pants on fire']);

    await tagClaim(page, ZEL, { claimant: 'Volodymyr Zelenskyy', status: 'pants-on-fire' });
    const badge = claimItems(page).first().locator('.badge.verdict');
    assert.equal(await badge.innerText(), 'Pants on fire');
    assert.match(await badge.getAttribute('class'), /tone-bad/, 'coloured as a bad verdict');

    // kept through a reload
    await page.reload();
    await page.locator('main[data-analysis="ready"]').waitFor();
    assert.equal(await claimItems(page).first().locator('.badge.verdict').innerText(), 'Pants on fire');
    assert.deepEqual(await offered(page, RUTTE), ['Not rated yet', 'Correct', 'Mostly correct', 'Needs context', 'Pants on fire']);

    // carried by the export (format 6)
    const out = await exportJson(page);
    const data = JSON.parse(out.text);
    assert.equal(data.version, 6);
    assert.equal(data.ratingScale.kind, 'own');
    assert.deepEqual(data.ratingScale.ratings.map((r) => r.label), ['Not rated yet', 'Correct', 'Mostly correct', 'Needs context', 'Pants on fire']);
    assert.equal(data.annotations[0].status, 'pants-on-fire');

    // another person's fresh Gloss takes the scale with the file
    await openApp(b.page, server.url);
    await importFile(b.page, tempFile('own-scale.gloss.json', out.text));
    // the same article as the sample there: it takes its place
    await b.page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
    await b.page.getByRole('status').getByText(/Verdicts now use the file's rating scale/).waitFor();
    assert.equal(await claimItems(b.page).first().locator('.badge.verdict').innerText(), 'Pants on fire');
    assert.deepEqual(await offered(b.page, RUTTE), ['Not rated yet', 'Correct', 'Mostly correct', 'Needs context', 'Pants on fire']);

    // an older file (version 4, the built-in statuses) still reads: its verdict keeps its name
    const old = JSON.parse(out.text);
    old.version = 4;
    delete old.ratingScale;
    old.article.id = 'older-copy';
    // another text of the same length, so it is another article and the offsets hold
    old.article.text = old.article.text.replace('Uncertain Path', 'Unsettled Path');
    old.annotations[0].status = 'disputed';
    await importFile(b.page, tempFile('older.gloss.json', JSON.stringify(old)));
    // the same story with its text saved differently: kept beside it
    await b.page.getByRole('dialog').getByRole('button', { name: 'Keep both' }).click();
    await b.page.getByRole('status').getByText(/Added to your rating scale .*: Disputed\./).waitFor();
    await claimItems(b.page).first().locator('.badge.verdict', { hasText: /^Disputed$/ }).waitFor();
    assert.deepEqual(a.errors.concat(b.errors), []);
  } finally { await a.close(); await b.close(); }
});

test('evidence: sources with notes, only web links, opened safely, kept and reported', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    assert.equal(await dragSelect(page, ZEL, ZEL), ZEL);
    await page.getByRole('button', { name: 'Tag claim' }).click();
    const form = page.getByRole('form', { name: 'Tag claim' });
    await form.getByLabel('Claimant').fill('Volodymyr Zelenskyy');
    await form.getByRole('button', { name: 'Add source' }).click();
    await form.getByLabel('Source address').nth(0).fill('https://example.org/transcript?id=7&lang=en');
    await form.getByLabel('What the source shows').nth(0).fill('the full transcript');
    await form.getByRole('button', { name: 'Add source' }).click();
    await form.getByLabel('Source address').nth(1).fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Save' }).click();
    // refused, said, the form still open with what was typed
    await page.getByRole('alert').getByText(/not a web address/).waitFor();
    assert.equal(await form.getByLabel('Source address').nth(0).inputValue(), 'https://example.org/transcript?id=7&lang=en');
    await form.getByRole('button', { name: 'Remove this source' }).nth(1).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });

    const link = claimItems(page).first().getByRole('list', { name: 'Evidence' }).getByRole('link');
    assert.equal(await link.count(), 1);
    assert.equal(await link.getAttribute('href'), 'https://example.org/transcript?id=7&lang=en');
    assert.match(await link.getAttribute('rel'), /noopener/);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await claimItems(page).first().innerText(), /the full transcript/);
    assert.equal(await page.locator('.claims a[href^="javascript:"], .claims a[href^="JAVASCRIPT"]').count(), 0, 'no claim evidence is a script link');

    // kept: the edit form holds it, a reload keeps it, the export carries it
    await claimItems(page).first().getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByRole('form', { name: 'Edit claim' });
    assert.equal(await edit.getByLabel('Source address').inputValue(), 'https://example.org/transcript?id=7&lang=en');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await page.locator('main[data-analysis="ready"]').waitFor();
    const data = JSON.parse((await exportJson(page)).text);
    assert.deepEqual(data.annotations[0].evidence, [{ url: 'https://example.org/transcript?id=7&lang=en', note: 'the full transcript' }]);

    // the report lists it as a link
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const rl = page.locator('.report-claim').getByRole('link', { name: 'https://example.org/transcript?id=7&lang=en' });
    await rl.waitFor();
    assert.match(await rl.getAttribute('rel'), /noopener/);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a scale chosen in one tab reaches the other open tab, which never puts its old one back', async () => {
  const b = await freshProfile();
  try {
    const one = b.page;
    await openApp(one, server.url);
    const two = await b.context.newPage();
    await openApp(two, server.url);
    // a person looks at one tab at a time: a tab in the background is throttled by the
    // browser (its timers and frames), so each step is done in the tab brought to the front
    await one.bringToFront();
    const settings = one.locator('details.scale-settings');
    await settings.locator('summary').click();
    await settings.getByLabel('Verdicts').selectOption('truth');
    await settings.getByRole('button', { name: 'Use this scale' }).click();
    await one.getByRole('status').getByText(/Rating scale saved/).waitFor();
    // the other tab hears of it
    await two.bringToFront();
    await two.waitForFunction(() => document.querySelector('details.scale-settings .hint')?.textContent.includes('Mostly true'));
    // an edit there writes the index without putting its old scale back
    await tagClaim(two, ZEL, { claimant: 'Volodymyr Zelenskyy', status: 'half-true' });
    assert.equal(await claimItems(two).first().locator('.badge.verdict').innerText(), 'Half true');
    await two.waitForTimeout(500);
    await one.bringToFront();
    await one.reload();
    await one.locator('main[data-analysis="ready"]').waitFor();
    assert.deepEqual(await offered(one, RUTTE), ['Not rated yet', 'True', 'Mostly true', 'Half true', 'Mostly false', 'False']);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
