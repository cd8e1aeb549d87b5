// From the archive to the browser, as a newsroom meets it: article files made by the batch
// (the Python package's `to_article_file`, written out as a folder by the Spark job's
// `unpack.py`) import in one step as a library, after a preview that names each file left
// out; the suggestions are ready on the article opened, a decision on them is kept through
// a reload, and the same folder brought in again can keep the work done here. A folder
// dropped on the page goes the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, serve, freshProfile, openApp, claimItems, suggestionItems } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
// The folders the batch wrote, removed when the file's tests are done.
const scratch = [];
after(async () => {
  await server.close();
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

// The Python package, as `scripts/test.sh` installs it before this stage runs.
const PYTHON = process.env.GLOSS_PYTHON || path.join(ROOT, 'target/venv/bin/python');

// Stories of our own, with emoji, combining marks, CJK and right-to-left words.
const STORIES = {
  'harbour.txt': 'Harbour dredging doubles in cost 🚢\n\nThe port authority said on Monday that dredging the harbour will cost 48 million euros, twice the figure it gave in 2023. "The silt came back faster than any model predicted," said Mira Osei, the authority\'s chief engineer. Fishermen said the work had cut their catch by a third.\n',
  'library.md': '# Town library reopens after café fire\n\nThe town council said the library, closed since the café\u0301 fire in March, reopens on 4 June with 12,000 new books. Councillor Dan Weiss said the insurer paid 2.1 million euros. Readers in 東京 and שלום groups wrote letters of thanks.\n',
  'rail.html': '<html><head><title>Rail strike</title></head><body><nav>Home | Sport | Weather</nav><article><h1>Rail strike halts trains across the north</h1><p>The union said 9,000 drivers walked out on Friday after talks on pay broke down. Transport minister Lena Park said the strike cost the economy 30 million pounds a day.</p><p>"We will not be blackmailed," she said.</p></article><footer>© Example News</footer></body></html>',
};

/** A folder as the batch makes it: each story's article file made by the Python package,
 *  as the Spark job's JSON lines, written out by `unpack.py`; beside them a file that is
 *  not an article file, a damaged one, and files of other kinds that are skipped. */
function batchFolder(stories = STORIES) {
  assert.ok(fs.existsSync(PYTHON), `no Python package at ${PYTHON}: run ./scripts/test.sh, which builds and installs it`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-batch-'));
  scratch.push(work);
  const inputs = path.join(work, 'inputs');
  fs.mkdirSync(inputs);
  for (const [name, text] of Object.entries(stories)) fs.writeFileSync(path.join(inputs, name), text);
  const lines = path.join(work, 'job.jsonl');
  execFileSync(PYTHON, ['-c', `
import json, sys, pathlib, gloss
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for p in sorted(pathlib.Path(sys.argv[1]).iterdir()):
        out.write(json.dumps({"file": p.name, "article": gloss.to_article_file(p.read_bytes(), file=p.name)}) + "\\n")
`, inputs, lines]);
  const folder = path.join(work, 'newsroom-batch');
  execFileSync(PYTHON, [path.join(ROOT, 'python/spark/unpack.py'), lines, folder]);
  fs.writeFileSync(path.join(folder, 'job-settings.json'), '{"spark": {"executors": 2}}');
  fs.writeFileSync(path.join(folder, 'zz-damaged.gloss.json'), '{"format": "gloss.article", "version": 6, "article": {');
  fs.writeFileSync(path.join(folder, '.DS_Store'), '\0\0\0\x01Bud1');
  fs.writeFileSync(path.join(folder, 'cover.png'), '\x89PNG\r\n');
  return { folder, files: fs.readdirSync(folder).filter((f) => f.endsWith('.gloss.json') && !f.startsWith('zz')).sort() };
}

const articles = (page) => page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
const dialog = (page) => page.getByRole('dialog', { name: /^Import the folder “newsroom-batch” as a library\?$/ });

/** The sentences an article file suggests, as the person sees them listed. */
function suggested(file) {
  const data = JSON.parse(file);
  const text = [...data.article.text];
  return data.suggestions.map((s) => text.slice(s.start, s.end).join(''));
}

test('a folder of batch article files imports as a library with its suggestions ready', async () => {
  const { folder, files } = batchFolder();
  assert.equal(files.length, 3);
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    assert.equal(await articles(page).count(), 1, 'the sample');
    await page.getByLabel('Import folder').setInputFiles(folder);
    const d = dialog(page);
    await d.waitFor();
    const said = await d.innerText();
    assert.match(said, /Adds 3 article\(s\): “Harbour dredging doubles in cost 🚢”, “Town library reopens after café fire”, “Rail strike halts trains across the north”\./, said);
    assert.match(said, /Leaves out 2 file\(s\): “newsroom-batch\/job-settings\.json” \(not a Gloss article file\), “newsroom-batch\/zz-damaged\.gloss\.json” \(/, said);
    assert.match(said, /Skips 2 hidden file\(s\) or file\(s\) of other kinds\./);
    assert.match(said, /Keeps 1 article\(s\) the folder does not hold/);
    assert.equal(await d.getByRole('button', { name: 'Add only the new ones' }).count(), 0, 'nothing here to keep');
    await d.getByRole('button', { name: 'Import folder' }).click();
    await page.getByText('Imported the folder “newsroom-batch”: 3 added, 0 replaced.').waitFor();
    assert.equal(await articles(page).count(), 4);

    // the first file's article is open, its suggestions listed as the batch found them
    const first = fs.readFileSync(path.join(folder, files[0]), 'utf8');
    const title = JSON.parse(first).article.name;
    await page.locator('article h1', { hasText: title }).waitFor();
    await page.locator('main[data-analysis="ready"]').waitFor();
    const want = suggested(first);
    assert.ok(want.length >= 2, `the batch suggested ${want.length}`);
    const shown = await suggestionItems(page).allInnerTexts();
    assert.equal(shown.length, want.length, shown.join('\n'));
    want.forEach((s, i) => assert.ok(shown[i].includes(s.slice(0, 40)), `${shown[i]} / ${s}`));

    // a decision on one works as on any article: accepted with Enter, kept after a reload
    const one = suggestionItems(page).first();
    await one.focus();
    await page.keyboard.press('Enter');
    await claimItems(page).first().waitFor();
    assert.equal(await suggestionItems(page).count(), want.length - 1);
    await page.reload();
    await page.locator('main[data-ready="true"][data-analysis="ready"]').waitFor();
    assert.equal(await articles(page).count(), 4);
    await page.locator('article h1', { hasText: title }).waitFor();
    assert.equal(await claimItems(page).count(), 1);
    assert.equal(await suggestionItems(page).count(), want.length - 1);

    // every other article opens with its own suggestions
    for (const f of files.slice(1)) {
      const file = fs.readFileSync(path.join(folder, f), 'utf8');
      const name = JSON.parse(file).article.name;
      await articles(page).filter({ hasText: name }).getByRole('button').first().click();
      await page.locator('article h1', { hasText: name }).waitFor();
      await page.locator('main[data-analysis="ready"]').waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label="Suggested claims"] li').length === n, suggested(file).length);
    }
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('the same folder again, with one more article: the work done here can be kept', async () => {
  const { folder } = batchFolder();
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await page.getByLabel('Import folder').setInputFiles(folder);
    await dialog(page).getByRole('button', { name: 'Import folder' }).click();
    await page.getByText(/3 added, 0 replaced/).waitFor();
    await page.locator('main[data-analysis="ready"]').waitFor();
    await suggestionItems(page).first().focus();
    await page.keyboard.press('Enter');
    await claimItems(page).first().waitFor();
    const kept = await claimItems(page).first().innerText();

    // the batch ran again over one more story
    const more = batchFolder({ ...STORIES, 'bridge.txt': 'Bridge opens a year late\n\nThe city said the bridge opened on Tuesday, a year late and 20 percent over budget. Engineer Ana Silva said rust had been found in 40 of its 300 cables.\n' });
    const d = dialog(page);
    await page.getByLabel('Import folder').setInputFiles(more.folder);
    await d.waitFor();
    const said = await d.innerText();
    assert.match(said, /Adds 1 article\(s\): “Bridge opens a year late”/, said);
    assert.match(said, /Replaces 3 article\(s\) with the folder's copy: .*1 claim\(s\) or link\(s\) here are not in the folder as they are now, and are lost/, said);
    await d.getByRole('button', { name: 'Add only the new ones' }).click();
    await page.getByText('Imported the folder “newsroom-batch”: 1 added; 3 already here kept as they are.').waitFor();
    assert.equal(await articles(page).count(), 5);
    // the article with the accepted claim is as it was
    await page.reload();
    await page.locator('main[data-ready="true"][data-analysis="ready"]').waitFor();
    const withClaim = articles(page).filter({ has: page.getByLabel('1 claims') });
    assert.equal(await withClaim.count(), 1);
    await withClaim.getByRole('button').first().click();
    await claimItems(page).first().waitFor();
    assert.equal(await claimItems(page).first().innerText(), kept);

    // Cancel changes nothing
    await page.getByLabel('Import folder').setInputFiles(more.folder);
    await d.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Folder import cancelled; nothing was changed.').waitFor();
    assert.equal(await articles(page).count(), 5);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a folder dropped on the page is read whole, its subfolders too', async () => {
  const { folder } = batchFolder();
  // a page beside the article files, one folder down
  fs.mkdirSync(path.join(folder, 'pages'));
  fs.writeFileSync(path.join(folder, 'pages', 'ferry.html'), '<html><body><header>Menu</header><main><h1>Ferry fares rise</h1><p>The operator said fares rise 7 percent in April, the third rise in two years.</p></main></body></html>');
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    // a real drop from the desktop, through Chromium's own drag input
    const cdp = await page.context().newCDPSession(page);
    const data = { items: [], files: [folder], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop']) {
      await cdp.send('Input.dispatchDragEvent', { type, x: 700, y: 400, data });
    }
    const d = dialog(page);
    await d.waitFor();
    const said = await d.innerText();
    assert.match(said, /Adds 4 article\(s\): .*“Ferry fares rise”/, said);
    assert.doesNotMatch(said, /Menu/);
    await d.getByRole('button', { name: 'Import folder' }).click();
    await page.getByText(/4 added, 0 replaced/).waitFor();
    assert.equal(await articles(page).count(), 5);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a folder with no article in it is refused with what was found, and nothing changes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-empty-'));
  scratch.push(dir);
  const folder = path.join(dir, 'photos');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'a.png'), '\x89PNG');
  fs.writeFileSync(path.join(folder, 'notes.json'), '[1, 2, 3]');
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await page.getByLabel('Import folder').setInputFiles(folder);
    const alert = page.getByRole('alert').filter({ hasText: 'The folder “photos” holds no article Gloss can open' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Left out: “photos\/notes\.json” \(not a Gloss article file\)\. Nothing was changed\./);
    assert.equal(await articles(page).count(), 1);
  } finally {
    await b.close();
  }
});
