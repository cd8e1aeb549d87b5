// Decisions as a user makes them (issue 10): a suggestion accepted with Enter hands focus to
// the next one, so the next Delete rejects that one and the claim just made stays; a
// rejection undone; a rejected suggestion restored from the list; all of one speaker
// accepted at once; a span tagged by hand resolving its suggestion; entities fixed as in
// brat (class changed, false entity removed, missed mention marked) with the underline and
// the graph following; every decision kept across a reload and written in the export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, freshProfile, openApp, claimItems, suggestionItems, exportJson, dragSelect } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const focusedLabel = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') || document.activeElement?.tagName);
const pendingHas = (page, text) => suggestionItems(page).filter({ hasText: text });
const gone = (page, text) => page.waitForFunction(
  (t) => ![...document.querySelectorAll('ul[aria-label="Suggested claims"] li')].some((li) => li.innerText.includes(t)), text);

test('Enter accepts and focus moves on: Delete rejects the next suggestion, the accepted claim stays; undo, restore, accept several, tag by hand; kept after reload and in the export', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    const first = pendingHas(page, 'reasonably constructive discussions');
    await first.focus();
    await page.keyboard.press('Enter');
    await claimItems(page).first().waitFor();
    // focus is on the next suggestion (a checkable statement), never on the page
    assert.match(await focusedLabel(page), /^Suggested claim: Checkable statement: Following a lengthy meeting/);
    await page.keyboard.press('Delete');
    await gone(page, 'Following a lengthy meeting');
    assert.equal(await claimItems(page).count(), 1, 'the accepted claim stays');
    assert.match(await claimItems(page).first().innerText(), /reasonably constructive[\s\S]*Donald Trump/);
    assert.match(await focusedLabel(page), /^Suggested claim: Donald Trump: Trump mentioned that while Putin appears inclined/);

    // the rejection is undone from the notice
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await pendingHas(page, 'Following a lengthy meeting').waitFor();

    // rejected with the button, then listed and restored
    await pendingHas(page, 'Putin appears inclined').getByRole('button', { name: 'Reject' }).click();
    await gone(page, 'Putin appears inclined');
    await page.getByRole('button', { name: 'Rejected (1)' }).click();
    const rejected = page.getByRole('list', { name: 'Rejected suggestions' }).getByRole('listitem');
    assert.equal(await rejected.count(), 1);
    assert.match(await rejected.first().innerText(), /Putin appears inclined[\s\S]*Donald Trump/);
    await rejected.first().getByRole('button', { name: 'Restore' }).click();
    await pendingHas(page, 'Putin appears inclined').waitFor();
    assert.equal(await page.getByRole('list', { name: 'Rejected suggestions' }).count(), 0);

    // Rutte's rejected with Delete, for the reload and the export
    await pendingHas(page, 'continue military support').focus();
    await page.keyboard.press('Delete');
    await gone(page, 'continue military support');

    // all of Donald Trump's at once (the three left), undone, and again
    await page.getByLabel('Speaker').selectOption('Donald Trump');
    await page.getByRole('button', { name: 'Accept all from speaker' }).click();
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 4);
    assert.equal(await suggestionItems(page).filter({ hasText: 'Donald Trump' }).count(), 0);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 1);
    assert.equal(await suggestionItems(page).filter({ hasText: 'Donald Trump' }).count(), 3);
    await page.getByLabel('Speaker').selectOption('Donald Trump');
    await page.getByRole('button', { name: 'Accept all from speaker' }).click();
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 4);

    // a span tagged by hand on a pending suggestion's words resolves it
    const sel = await dragSelect(page, 'Ukrainian President Volodymyr', 'dignified peace.');
    assert.match(sel, /relinquishing territory/);
    await page.getByRole('button', { name: 'Tag claim' }).click();
    await page.getByRole('form', { name: 'Tag claim' }).getByRole('button', { name: 'Save' }).click();
    await gone(page, 'relinquishing territory');
    assert.equal(await claimItems(page).count(), 5);

    // deleting an accepted claim rejects its suggestion (and Undo accepts it again)
    await claimItems(page).filter({ hasText: 'He indicated' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 4);
    let data = JSON.parse((await exportJson(page)).text);
    const decisionOf = (d, words) => d.suggestions.find((s) => d.article.text.slice(s.start, s.end).includes(words));
    assert.equal(decisionOf(data, 'He indicated').decision, 'rejected', 'never accepted as a claim that is gone');
    assert.equal(decisionOf(data, 'He indicated').claim, undefined);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Claims"] > li').length === 5);

    // everything is kept across a reload
    await page.reload();
    await page.locator('main[data-analysis="ready"]').waitFor();
    assert.equal(await claimItems(page).count(), 5);
    for (const t of ['continue military support', 'relinquishing territory', 'reasonably constructive', 'He indicated']) {
      assert.equal(await pendingHas(page, t).count(), 0, t);
    }
    await page.getByRole('button', { name: 'Rejected (1)' }).click();
    assert.match(await page.getByRole('list', { name: 'Rejected suggestions' }).innerText(), /continue military support/);

    // the last suggestion decided: focus goes to the one before it
    const items = suggestionItems(page);
    const n = await items.count();
    const previous = await items.nth(n - 2).getAttribute('aria-label');
    await items.nth(n - 1).focus();
    await page.keyboard.press('Delete');
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label="Suggested claims"] > li').length === n - 1, n);
    assert.equal(await focusedLabel(page), previous);

    // and written in the export: each accepted suggestion names its claim, which is there
    data = JSON.parse((await exportJson(page)).text);
    const ids = new Set(data.annotations.map((a) => a.id));
    const accepted = data.suggestions.filter((s) => s.decision === 'accepted');
    assert.equal(accepted.length, 6, "the first, three of Trump's, and the two of the sentence tagged by hand");
    for (const s of accepted) assert.ok(ids.has(s.claim), `claim ${s.claim} is in the file`);
    assert.equal(decisionOf(data, 'continue military support').decision, 'rejected');
    assert.equal(decisionOf(data, 'Putin appears inclined').decision, 'accepted');
    assert.equal(decisionOf(data, 'relinquishing territory').decision, 'accepted');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('entities fixed as in brat: a class changed, a false entity removed, a missed mention marked; the underline and the graph follow; kept after reload and in the export', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    const legend = page.getByRole('list', { name: 'Entity colours' });
    const ent = (cls, text) => page.locator(`article .${cls}`, { hasText: new RegExp(`^${text}$`) });

    // Oval Office: a location to the extractor, the presidency (an organisation) to the person
    await ent('ent-LOC', 'Oval Office').click();
    assert.match(await page.locator('#legend-hint').innerText(), /Oval Office”, Location/);
    await legend.getByRole('button', { name: 'Organisation' }).click();
    await ent('ent-ORG', 'Oval Office').waitFor();
    assert.equal(await ent('ent-LOC', 'Oval Office').count(), 0);
    assert.match(await ent('ent-ORG', 'Oval Office').getAttribute('title'), /^Organisation: Oval Office/);

    // G8 is not an entity
    await ent('ent', 'G8').click();
    await legend.getByRole('button', { name: 'Not an entity' }).click();
    await page.waitForFunction(() => ![...document.querySelectorAll('article .ent')].some((e) => e.textContent === 'G8'));

    // a missed mention, marked
    assert.equal(await ent('ent', 'international community').count(), 0);
    await dragSelect(page, 'international community', 'international community');
    await legend.getByRole('button', { name: 'Group or nationality' }).click();
    await ent('ent-NORP', 'international community').waitFor();

    // the graph follows
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.locator('.graph-pane[data-nodes]:not([data-nodes="0"])').waitFor();
    const node = (id) => page.locator(`#graph-svg g.node[data-id="${id}"]`);
    assert.match(await node('e:oval office').getAttribute('class'), /kind-organisation/);
    assert.equal(await node('e:g8').count(), 0);
    assert.match(await node('e:international community').getAttribute('class'), /kind-group/);
    await page.getByRole('button', { name: 'Graph', exact: true }).click();

    // kept across a reload
    await page.reload();
    await page.locator('main[data-analysis="ready"]').waitFor();
    await ent('ent-ORG', 'Oval Office').waitFor();
    await ent('ent-NORP', 'international community').waitFor();
    assert.equal(await ent('ent', 'G8').count(), 0);
    assert.equal(await ent('ent-LOC', 'Oval Office').count(), 0);

    // and in the export, as decisions on the words
    const data = JSON.parse((await exportJson(page)).text);
    assert.deepEqual(data.entityDecisions.map((d) => [d.text, d.label]),
      [['Oval Office', 'ORG'], ['G8', 'none'], ['international community', 'NORP']]);
    for (const d of data.entityDecisions) assert.equal(data.article.text.slice(d.start, d.end), d.text);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
