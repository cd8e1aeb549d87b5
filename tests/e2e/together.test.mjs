// Working together without a server (issue 14): several people's files of one article
// merged as layers with their agreement and adjudicated; a share link opened in another
// profile; a file whose text changed re-anchored, with an orphan placed by hand; web
// annotations and brat standoff out and in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, freshProfile, openApp, claimItems, tagClaim, dragSelect, exportJson, importFile, tempFile } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const ZEL = 'relinquishing territory is not an option';
const ZEL_LONG = 'Zelenskyy has firmly stated that relinquishing territory is not an option';
const RUTTE = 'continue military support';
const OVAL = 'both parties must be willing to negotiate earnestly';
const KREMLIN = 'compromises have yet to be agreed upon';

async function setName(page, name) {
  const box = page.locator('details.annotator');
  await box.locator('summary').click();
  await box.getByRole('textbox', { name: 'Name' }).fill(name);
  const saved = page.getByRole('status').getByText(`New claims are signed “${name}”.`);
  await box.getByRole('button', { name: 'Save name' }).click();
  // The page has one notice, and a later one replaces it: on a loaded machine a notice
  // from the app's start (storage, the sample) can come after the save and hide its
  // notice. Saving the same name again is harmless and must say so again.
  try {
    await saved.waitFor({ timeout: 8000 });
  } catch {
    await box.getByRole('button', { name: 'Save name' }).click();
    await saved.waitFor();
  }
  await box.locator('summary').click();
}

async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

test('two people tag one article, a third merges their files, sees their agreement and adjudicates', async () => {
  const [a, b, c] = [await freshProfile(), await freshProfile(), await freshProfile()];
  try {
    await openApp(a.page, server.url);
    await setName(a.page, 'Ann');
    await tagClaim(a.page, ZEL, { claimant: 'Volodymyr Zelenskyy', status: 'false', note: 'see the transcript' });
    await tagClaim(a.page, RUTTE, { claimant: 'Mark Rutte' });
    const fileA = await exportJson(a.page);
    const dataA = JSON.parse(fileA.text);
    assert.deepEqual(dataA.annotations.map((x) => x.creator), ['Ann', 'Ann'], 'each claim says who made it');

    await openApp(b.page, server.url);
    await setName(b.page, 'Bo');
    await tagClaim(b.page, ZEL_LONG, { claimant: 'Volodymyr Zelenskyy', status: 'disputed' });
    await tagClaim(b.page, OVAL, { claimant: 'Donald Trump' });
    const fileB = await exportJson(b.page);

    // the third person merges both files into the article
    const { page } = c;
    await openApp(page, server.url);
    await importFile(page, tempFile('ann.gloss.json', fileA.text));
    await page.getByRole('dialog').getByRole('button', { name: 'Add their claims' }).click();
    await page.getByRole('status').getByText('Added 2 claims from Ann.').waitFor();
    await importFile(page, tempFile('bo.gloss.json', fileB.text));
    await page.getByRole('dialog').getByRole('button', { name: 'Add their claims' }).click();
    await page.getByRole('status').getByText('Added 2 claims from Bo.').waitFor();
    assert.equal(await claimItems(page).count(), 4);

    // layers: each annotator can be hidden and shown
    const layers = page.getByRole('group', { name: 'Annotators' });
    await layers.getByLabel('Bo (2)').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('.claims .claim').length === 2);
    assert.equal(await claimItems(page).filter({ hasText: 'by Bo' }).count(), 0);
    await layers.getByLabel('Bo (2)').check();
    await page.waitForFunction(() => document.querySelectorAll('.claims .claim').length === 4);

    // agreement: the pair's figures and where they differ
    await layers.getByRole('button', { name: 'Agreement…' }).click();
    const view = page.getByRole('region', { name: 'Agreement' });
    // layers in the order their first claim comes in the text: Bo's first
    const row = view.locator('table.pairs tbody tr').filter({ hasText: 'Bo – Ann' });
    const cells = await row.locator('td').allInnerTexts();
    // Ann: ZEL, RUTTE; Bo: ZEL_LONG (holds ZEL), OVAL: no span alike, one overlapping of
    // two each (F1 2·1/(2+2)); on the one shared place both said factual (κ 1 by
    // convention when all agree), their verdicts differ (κ 0)
    assert.deepEqual(cells, ['0.00', '0.50', '1.00', '0.00'], cells.join(' | '));
    assert.match(await view.innerText(), /alpha over everyone: type 1\.00, verdict 0\.00 \(3 places marked\)/);
    const places = view.getByRole('list', { name: 'Disagreements' }).locator(':scope > li');
    assert.equal(await places.count(), 3, 'the shared passage (span, verdict) and the two each tagged alone');
    assert.match(await places.nth(0).innerText(), /differs in: missing/);
    const first = places.filter({ hasText: 'relinquishing' });
    assert.match(await first.innerText(), /differs in: span, verdict/);
    // adjudicate: keep Ann's claim there
    await first.getByRole('button', { name: "Keep Ann's claim" }).click();
    await page.getByRole('status').getByText(/Kept one claim; 1 claim removed\./).waitFor();
    assert.equal(await claimItems(page).count(), 3);
    assert.equal(await places.count(), 2);
    // the figures download as CSV
    const csv = await download(page, 'Download CSV');
    assert.match(csv.text, /annotator a,annotator b/);
    await view.getByRole('button', { name: 'Close' }).click();

    // the merged file says who made each claim
    const merged = JSON.parse((await exportJson(page)).text);
    assert.deepEqual(merged.annotations.map((x) => x.creator).sort(), ['Ann', 'Ann', 'Bo']);
    assert.deepEqual(a.errors.concat(b.errors, c.errors), []);
  } finally { await a.close(); await b.close(); await c.close(); }
});

test('a link copied in one profile opens in another, which asks before adding it', async () => {
  const [a, b] = [await freshProfile(), await freshProfile()];
  try {
    await openApp(a.page, server.url);
    await tagClaim(a.page, ZEL, { claimant: 'Volodymyr Zelenskyy', note: 'shared by link' });
    await a.page.getByRole('button', { name: 'Copy link' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Link to this article' });
    const url = await dialog.getByLabel('Share link').inputValue();
    assert.match(url, /#share=1\.a\./);
    assert.ok(url.startsWith(server.url), url);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const { page } = b;
    await page.goto(url);
    const offer = page.getByRole('dialog', { name: 'Shared article' });
    await offer.waitFor();
    assert.match(await offer.innerText(), /with 1 claim/);
    // the link left the address: a reload does not offer it again
    assert.equal(new URL(page.url()).hash, '');
    await offer.getByRole('button', { name: 'Add to library' }).click();
    // the same article as the sample here: the person chooses
    await page.getByRole('dialog').getByRole('button', { name: 'Add their claims' }).click();
    await claimItems(page).first().getByText('shared by link').waitFor();

    // a damaged link, and one from a newer Gloss, are told and change nothing
    await page.goto(server.url + '#share=1.a.%%%');
    await page.getByRole('alert').getByText(/could not be opened/).waitFor();
    await page.goto(server.url + '#share=9.a.AAAA');
    await page.getByRole('alert').getByText(/newer/).waitFor();
    assert.equal(await claimItems(page).count(), 1);
    assert.deepEqual(a.errors, []);
  } finally { await a.close(); await b.close(); }
});

test('a link for an article too long to travel carries its claims, placed when the article is opened', async () => {
  const [a, b] = [await freshProfile(), await freshProfile()];
  try {
    // a long article of words that pack badly: its whole link would pass 32,000 characters
    let seed = 7; // mulberry32: words that do not repeat
    const rand = () => { seed = (seed + 0x6D2B79F5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    const word = () => { let w = ''; const n = 3 + Math.floor(rand() * 6); for (let i = 0; i < n; i++) w += String.fromCharCode(97 + Math.floor(rand() * 26)); return w; };
    const paras = [];
    for (let p = 0; p < 120; p++) {
      const words = [];
      for (let i = 0; i < 120; i++) words.push(word());
      paras.push(words.join(' ') + '.');
    }
    const text = 'Long harbour story\n\n' + paras.join('\n\n') + '\n\nThe harbour master said the pier will reopen in June.';
    await openApp(a.page, server.url);
    await a.page.getByRole('button', { name: 'New article' }).click();
    await a.page.getByLabel('Article text').fill(text);
    await a.page.getByRole('button', { name: 'Add article' }).click();
    await a.page.getByRole('status').getByText(/Added “Long harbour story”/).waitFor();
    await tagClaim(a.page, 'the pier will reopen in June', { claimant: 'The harbour master', note: 'via a notes link' });
    await a.page.getByRole('button', { name: 'Copy link' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Link to this article' });
    await dialog.getByText(/holds the claims only/).waitFor();
    const url = await dialog.getByLabel('Share link').inputValue();
    assert.match(url, /#share=1\.n\./);
    assert.ok(url.length <= 32000 + server.url.length, `${url.length} characters`);

    const { page } = b;
    await page.goto(url);
    await page.locator('main[data-ready="true"]').waitFor();
    await page.getByRole('status').getByText(/carries the claims on “Long harbour story” but not its text/).waitFor();
    // the person opens the article: the claims are placed on it
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill(text);
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.getByRole('status').getByText(/Added 1 claim from the link to “Long harbour story”/).waitFor();
    assert.match(await claimItems(page).first().innerText(), /via a notes link/);
    assert.deepEqual(a.errors.concat(b.errors), []);
  } finally { await a.close(); await b.close(); }
});

test('a file whose text changed re-anchors; the claim whose words are gone is placed by hand', async () => {
  const [a, b] = [await freshProfile(), await freshProfile()];
  try {
    await openApp(a.page, server.url);
    await tagClaim(a.page, ZEL, { claimant: 'Volodymyr Zelenskyy' });
    await tagClaim(a.page, RUTTE, { claimant: 'Mark Rutte' });
    await tagClaim(a.page, KREMLIN, { claimant: 'the Kremlin', note: 'gone in the new text' });
    const file = JSON.parse((await exportJson(a.page)).text);
    // the article re-saved: a paragraph added at the top, a word changed in one claim, one
    // claim's words rewritten; the offsets in the file are now wrong
    let text = file.article.text;
    const head = text.indexOf('\n') + 1;
    const added = 'Editor’s note: this story was updated on Friday.\n';
    text = text.slice(0, head) + added + text.slice(head);
    text = text.replace('continue military support', 'continue military aid');
    text = text.replace('compromises have yet to be agreed upon', 'no deal was reached on the main points');
    file.article.text = text;
    file.article.id = 'resaved';
    file.article.blocks = [{ kind: 'paragraph', start: 0, end: [...text].length }];
    delete file.article.page;
    await openApp(b.page, server.url);
    await importFile(b.page, tempFile('resaved.gloss.json', JSON.stringify(file)));
    await b.page.getByRole('status').getByText(/found again where the text had changed.*1 could not be found/).waitFor();
    assert.equal(await claimItems(b.page).count(), 2);
    assert.ok(await claimItems(b.page).filter({ hasText: 'continue military aid' }).count() === 1, 'the changed words found');
    const orphans = b.page.getByRole('list', { name: 'Claims to place' }).getByRole('listitem');
    assert.equal(await orphans.count(), 1);
    assert.match(await orphans.first().innerText(), /compromises have yet to be agreed upon/);
    // placed by hand on the words the person selects
    const words = 'no deal was reached on the main points';
    assert.equal(await dragSelect(b.page, words, words), words);
    await orphans.first().getByRole('button', { name: /^Place/ }).click();
    await b.page.getByRole('status').getByText('Claim placed on the selected words.').waitFor();
    assert.equal(await claimItems(b.page).count(), 3);
    assert.equal(await orphans.count(), 0);
    const placed = claimItems(b.page).filter({ hasText: words });
    assert.match(await placed.innerText(), /gone in the new text/);
    // kept through a reload
    await b.page.reload();
    await b.page.locator('main[data-analysis="ready"]').waitFor();
    assert.equal(await claimItems(b.page).count(), 3);
    assert.deepEqual(a.errors.concat(b.errors), []);
  } finally { await a.close(); await b.close(); }
});

test('a new version of an annotated article takes its claims over when the person says so', async () => {
  const p = await freshProfile();
  try {
    const { page } = p;
    await openApp(page, server.url);
    await tagClaim(page, ZEL, { claimant: 'Volodymyr Zelenskyy', note: 'first version' });
    await tagClaim(page, KREMLIN, { claimant: 'the Kremlin' });
    // the story again, updated: a sentence added, the Kremlin's words changed
    const text = await page.evaluate(() => document.querySelector('article').innerText);
    const updated = text.replace('The future of peace talks', 'Updated on Friday. The future of peace talks')
      .replace('compromises have yet to be agreed upon', 'no compromise was found at all');
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill(updated);
    await page.getByRole('button', { name: 'Add article' }).click();
    const offer = page.getByRole('region', { name: 'New version' });
    await offer.getByText(/looks like a new version of .* which has 2 claims/).waitFor();
    assert.equal(await claimItems(page).count(), 0);
    await offer.getByRole('button', { name: 'Carry claims over' }).click();
    await page.getByRole('status').getByText(/1 claim placed; 1 not found in the text/).waitFor();
    assert.match(await claimItems(page).first().innerText(), /first version/);
    assert.equal(await page.getByRole('list', { name: 'Claims to place' }).getByRole('listitem').count(), 1);
    // the earlier version keeps its own
    assert.equal(await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').count(), 2);
    assert.deepEqual(p.errors, []);
  } finally { await p.close(); }
});

test('web annotations and brat standoff go out and come back in', async () => {
  const [a, b] = [await freshProfile(), await freshProfile()];
  try {
    await openApp(a.page, server.url);
    await setName(a.page, 'Ann');
    await tagClaim(a.page, ZEL, { claimant: 'Volodymyr Zelenskyy', status: 'false', tags: 'territory' });
    const w3c = await download(a.page, 'Export W3C');
    assert.match(w3c.name, /\.annotations\.jsonld$/);
    const coll = JSON.parse(w3c.text);
    assert.equal(coll.type, 'AnnotationCollection');
    const anno = coll.first.items[0];
    assert.equal(anno.creator.name, 'Ann');
    assert.equal(anno.target.selector[0].exact, ZEL);

    // brat: the text and its annotations, two files
    await a.page.locator('main[data-analysis="ready"]').waitFor();
    const both = new Promise((resolve) => {
      const got = [];
      a.page.on('download', (d) => { got.push(d); if (got.length === 2) resolve(got); });
    });
    await a.page.getByRole('button', { name: 'Export brat' }).click();
    const files = {};
    for (const d of await both) files[d.suggestedFilename().split('.').pop()] = fs.readFileSync(await d.path(), 'utf8');
    assert.ok(files.txt.startsWith('Uncertain Path to Peace'));
    const claimLine = files.ann.split('\n').find((l) => /^T\d+\tClaim /.test(l));
    assert.ok(claimLine && claimLine.endsWith('\t' + ZEL), files.ann);
    assert.match(files.ann, /creator: Ann/);
    assert.match(files.ann, /\tPERSON \d+ \d+\tDonald Trump/);

    // another person: the W3C annotations land on their copy of the article
    await openApp(b.page, server.url);
    await importFile(b.page, tempFile('ann.annotations.jsonld', w3c.text));
    await b.page.getByRole('status').getByText(/Gloss annotations: Added 1 claim from the file\./).waitFor();
    const item = claimItems(b.page).first();
    assert.match(await item.innerText(), /Volodymyr Zelenskyy/);
    assert.match(await item.innerText(), /by Ann/);
    assert.match(await item.innerText(), /territory/);
    // Hypothesis's shape too
    const hyp = { total: 1, rows: [{ id: 'h1', user: 'acct:cy@hypothes.is', uri: 'https://example.org/story', text: 'Needs a source', tags: ['check'],
      target: [{ source: 'https://example.org/story', selector: [{ type: 'TextQuoteSelector', exact: RUTTE, prefix: 'to ', suffix: '' }] }] }] };
    await importFile(b.page, tempFile('hypothesis.json', JSON.stringify(hyp)));
    await b.page.getByRole('status').getByText(/Hypothesis annotations: Added 1 claim from the file\./).waitFor();
    await claimItems(b.page).filter({ hasText: 'Needs a source' }).getByText('by cy').waitFor();
    // and the brat pair back in, chosen together: a new article with the claim as it was
    const txtPath = tempFile('peace.txt', files.txt);
    const annPath = txtPath.replace(/peace\.txt$/, 'peace.ann');
    fs.writeFileSync(annPath, files.ann);
    const [chooser] = await Promise.all([b.page.waitForEvent('filechooser'), b.page.getByRole('button', { name: 'Import JSON' }).click()]);
    await chooser.setFiles([txtPath, annPath]);
    await b.page.getByRole('status').getByText(/Imported “peace” from brat with 1 claim/).waitFor();
    const back = claimItems(b.page).first();
    assert.match(await back.innerText(), /Volodymyr Zelenskyy/);
    assert.match(await back.innerText(), /by Ann/);
    assert.match(await back.innerText(), /territory/);
    assert.deepEqual(a.errors.concat(b.errors), []);
  } finally { await a.close(); await b.close(); }
});

test('a brat .txt and .ann chosen together import as an article with its attributions', async () => {
  const p = await freshProfile();
  try {
    const { page } = p;
    await openApp(page, server.url);
    const txt = 'Harbour news\n\nThe harbour master said the pier will reopen in June. “We are ready,” said Ana Ruiz.\n';
    const at = (s) => [...txt.slice(0, txt.indexOf(s))].length;
    const span = (s) => `${at(s)} ${at(s) + [...s].length}\t${s}`;
    const ann = [
      `T1\tSource ${span('The harbour master')}`,
      `T2\tCue ${span('said')}`,
      `T3\tContent ${span('the pier will reopen in June')}`,
      `E1\tAttribution:T2 Source:T1 Content:T3`,
      `T4\tPERSON ${span('Ana Ruiz')}`,
    ].join('\n') + '\n';
    const dir = tempFile('harbour.txt', txt).replace(/harbour\.txt$/, '');
    fs.writeFileSync(dir + 'harbour.ann', ann);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import JSON' }).click()]);
    await chooser.setFiles([dir + 'harbour.txt', dir + 'harbour.ann']);
    await page.getByRole('status').getByText(/from brat with 1 claim/).waitFor();
    const item = claimItems(page).first();
    assert.match(await item.innerText(), /The harbour master/);
    assert.match(await item.innerText(), /the pier will reopen in June/);
    assert.deepEqual(p.errors, []);
  } finally { await p.close(); }
});

test('figure: how long a link Chromium keeps in the address', async () => {
  const p = await freshProfile();
  try {
    const { page } = p;
    await openApp(page, server.url);
    // a link opened as a person opens one: navigating to it
    const kept = [];
    for (const total of [32000, 1000000, 2 * 1024 * 1024, 2 * 1024 * 1024 + 1]) {
      const url = server.url + '#' + 'x'.repeat(total - server.url.length - 1);
      const tab = await p.context.newPage();
      const got = await tab.goto(url).then(() => tab.evaluate(() => location.href.length)).catch((e) => `refused (${String(e).split('\n')[0].slice(0, 60)})`);
      await tab.close();
      kept.push(`${total}: ${got === total ? 'kept' : got}`);
    }
    console.log('Chromium fragment lengths ' + kept.join('; '));
    assert.ok(kept[0].endsWith('kept'), 'the portable limit is kept');
  } finally { await p.close(); }
});
