// Library backup, as a user meets it: Export library writes every article, its claims and
// the entity identities to one file; in another browser profile, Import library previews
// what it adds, and after Import the articles and claims are there and survive a reload.
// Importing it again previews a replacement; a damaged backup is refused with a message
// that names the article, and the library is left as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, tagText, freshProfile, openApp, claimItems, tempFile, idbDump, settledDump } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const ONE = 'relinquishing territory is not an option';
const TWO = 'without an agreement on territorial issues, a resolution remains elusive';
// an article of our own, with emoji, combining marks, CJK and right-to-left text
const OWN = 'A bridge for Łódź\n\nThe mayor said the café’s 🌉 bridge, called 漢字 橋 or גשר, will open in May.\n';

const articles = (page) => page.getByRole('list', { name: 'Articles' }).getByRole('listitem');

async function exportLibrary(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export library' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

async function importLibrary(page, filePath) {
  await page.getByLabel('Import library').setInputFiles(filePath);
}

test('a library exported in one profile imports whole into another, after a preview', async () => {
  const a = await freshProfile();
  const b = await freshProfile();
  try {
    await openApp(a.page, server.url);
    await tagText(a.page, ONE);
    // a second article, opened as a file
    await a.page.getByRole('button', { name: 'New article' }).click();
    await a.page.getByText('Open file').locator('input[type=file]').setInputFiles(tempFile('bridge.txt', OWN));
    await articles(a.page).nth(1).waitFor();
    const { name, text } = await exportLibrary(a.page);
    assert.match(name, /^gloss-library-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(text);
    assert.equal(file.format, 'gloss.library');
    assert.equal(file.articles.length, 2);
    assert.ok(file.articles.some((x) => JSON.stringify(x).includes('漢字 橋 or גשר')));

    const page = b.page;
    await openApp(page, server.url);
    const before = await articles(page).count();
    const path = tempFile(name, text);
    await importLibrary(page, path);
    const dialog = page.getByRole('dialog', { name: 'Import this library backup?' });
    await dialog.waitFor();
    const said = await dialog.textContent();
    // the new profile opened the sample, which the backup also holds: it is replaced
    assert.match(said, /Adds 1 article\(s\): “A bridge for Łódź”/, said);
    assert.doesNotMatch(said, /lost/, said);
    assert.match(said, /Replaces 1 article\(s\)/, said);
    assert.equal(await articles(page).count(), before, 'nothing changes before Import');
    await dialog.getByRole('button', { name: 'Import library' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Imported the library: 1 added, 1 replaced.').waitFor();
    assert.equal(await articles(page).count(), 2);
    for (const reload of [false, true]) {
      if (reload) { await page.reload(); await openApp(page, server.url); }
      await articles(page).filter({ hasText: 'Uncertain Path' }).getByRole('button').first().click();
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Claims"] > li').length === 1);
      const claim = await claimItems(page).first().textContent();
      assert.ok(claim.includes(ONE.slice(0, 30)), claim);
      await articles(page).filter({ hasText: 'A bridge for Łódź' }).getByRole('button').first().click();
      await page.waitForFunction(() => document.querySelector('main')?.textContent.includes('漢字 橋 or גשר'));
    }
    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
  } finally { await a.close(); await b.close(); }
});

test('a damaged backup is refused with a message that names the article, and nothing changes', async () => {
  const a = await freshProfile();
  try {
    const page = a.page;
    await openApp(page, server.url);
    await tagText(page, ONE);
    const { name, text } = await exportLibrary(page);
    const file = JSON.parse(text);
    file.articles[0].version = 99;
    const before = await settledDump(page);
    await importLibrary(page, tempFile(name, JSON.stringify(file)));
    const alert = page.getByRole('alert');
    await alert.getByText(/Import failed: Article 1 in the backup cannot be read/).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
    const after = await idbDump(page);
    assert.equal(after, before, 'storage untouched');
    assert.equal(await claimItems(page).count(), 1);
    // work done since the backup: the preview says importing it would lose that claim,
    // and Cancel changes nothing
    await tagText(page, TWO);
    const now = await settledDump(page);
    await importLibrary(page, tempFile(name, text));
    const dialog = page.getByRole('dialog', { name: 'Import this library backup?' });
    assert.match(await dialog.textContent(), /\(2 claim\(s\) here, 1 in the backup; 1 claim\(s\) or link\(s\) here are not in the backup as they are now, and are lost\)/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Library import cancelled; nothing was changed.').waitFor();
    assert.equal(await idbDump(page), now);
    assert.equal(await claimItems(page).count(), 2);
    assert.deepEqual(a.errors, []);
  } finally { await a.close(); }
});
