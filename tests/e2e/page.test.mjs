// Real articles in, as a user brings them: a saved news page full of boilerplate opened
// through the file input (only the story, with its headline, byline and date above it),
// editing the details, bringing back a block that was left out with a claim staying on its
// words, a paste from a browser keeping its paragraphs, a dropped .htm file, details added
// to a pasted plain text, and the details in the exported file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT, serve, freshProfile, openApp, dragSelect, exportJson, claimItems } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/gloss-article.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const PAGE = path.join(ROOT, 'tests/fixtures/pages/river-dam.html');
const HEADLINE = 'Dam gates open early after record rain';
const STORY = ['Engineers opened the spillway gates of the Kessel dam', 'holds drinking water for some 120,000 people'];
const FRAME = ['Accept all cookies', 'Subscribe from £1 a week', 'Share on Facebook', 'the level was frightening',
  'All rights reserved', 'Most read', 'Sign up for our free newsletter'];
const CLAIM = 'The authority expects the river to rise by about half a metre';

/** Opens the fixture page through the New article panel's real file input. */
async function openPage(page) {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Open file').setInputFiles(PAGE);
  await page.waitForFunction((t) => document.querySelector('article')?.innerText.includes(t), STORY[0]);
  await page.locator('main[data-analysis="ready"]').waitFor();
}

const head = (page) => page.locator('header.article-head[aria-label="About this article"]');

test('a saved page opens as the story alone, with its headline, byline and date above it', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await openPage(page);
    const text = await page.locator('article').innerText();
    for (const s of STORY) assert.ok(text.includes(s), `the story: ${s}`);
    for (const s of FRAME) assert.ok(!text.includes(s), `not the frame: ${s}`);
    // the headline once, as the page's heading (not the <title> with the site's name)
    const h1s = await page.locator('h1').allInnerTexts();
    assert.deepEqual(h1s.filter((h) => h.includes('Dam gates')), [HEADLINE]);
    assert.ok(!h1s.some((h) => h.includes('Valley Courier —')));
    assert.match(await page.getByRole('button', { name: /^Dam gates open early/ }).innerText(), /Dam gates open early after record rain/);
    // byline, date (readable, ISO kept), publisher and a link that opens safely
    await assert.doesNotReject(head(page).locator('.byline').waitFor());
    assert.equal(await head(page).locator('.byline').innerText(), 'By Maya Okafor');
    const time = head(page).locator('time');
    assert.match(await time.getAttribute('datetime'), /^2026-03-05/);
    assert.match(await time.innerText(), /^5 March 2026/);
    assert.equal(await head(page).locator('.publisher').innerText(), 'The Valley Courier');
    const link = head(page).locator('a.source-link');
    assert.equal(await link.getAttribute('href'), 'https://courier.example/news/2026/03/05/kessel-dam-opens-early');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('the person fixes the author; a bad date is refused with a reason; the details are kept and exported', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await openPage(page);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Edit details' });
    assert.equal(await form.getByLabel('Authors').inputValue(), 'Maya Okafor');
    await form.getByLabel('Authors').fill('Maya Okafor,  Tom Reyes ');
    await form.getByLabel('Published').fill('5 March');
    await form.getByRole('button', { name: 'Save details' }).click();
    await form.locator('.form-error').waitFor();
    assert.match(await form.locator('.form-error').innerText(), /“5 March” is not valid.*2024-03-05/);
    assert.equal(await form.getByLabel('Published').getAttribute('aria-invalid'), 'true');
    assert.equal(await head(page).locator('.byline').innerText(), 'By Maya Okafor', 'nothing saved yet');
    await form.getByLabel('Published').fill('2026-03-06');
    await form.getByRole('button', { name: 'Save details' }).click();
    await page.waitForFunction(() => document.querySelector('.article-head .byline')?.innerText === 'By Maya Okafor and Tom Reyes');
    assert.equal(await form.count(), 0, 'the form closes');
    assert.equal(await head(page).locator('time').innerText(), '6 March 2026');

    await page.reload();
    await page.locator('main[data-ready="true"]').waitFor();
    await page.waitForFunction(() => document.querySelector('.article-head .byline')?.innerText === 'By Maya Okafor and Tom Reyes');

    const exported = JSON.parse((await exportJson(page)).text);
    assert.ok(validate(exported), JSON.stringify(validate.errors));
    assert.equal(exported.version, 6);
    const m = exported.article.metadata;
    assert.equal(m.headline, HEADLINE);
    assert.deepEqual(m.authors, ['Maya Okafor', 'Tom Reyes']);
    assert.equal(m.published, '2026-03-06');
    assert.equal(m.publisher, 'The Valley Courier');
    assert.equal(m.url, 'https://courier.example/news/2026/03/05/kessel-dam-opens-early');
    const pageBlocks = exported.article.page;
    assert.ok(pageBlocks.some((p) => p.dropped === 'frame'), 'the frame is in the file, marked');
    const kept = pageBlocks.filter((p) => !p.dropped).map((p) => p.text);
    assert.equal(kept.join('\n\n'), exported.article.text, 'the kept blocks are the text');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('show the whole page: bring back a dropped block, the claim stays on its words; a block with a claim cannot go', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await openPage(page);
    const selected = await dragSelect(page, CLAIM, 'half a metre');
    assert.equal(selected, CLAIM);
    await page.keyboard.press('c');
    await page.getByRole('form', { name: 'Tag claim' }).getByRole('button', { name: 'Save' }).click();
    await claimItems(page).first().waitFor();
    const marked = async () => (await page.locator('article mark').allInnerTexts()).join('');
    assert.equal(await marked(), CLAIM);

    await page.getByRole('button', { name: 'Show the whole page' }).click();
    const dropped = page.locator('article .page-block.dropped');
    await dropped.first().waitFor();
    assert.match(await dropped.first().locator('.dropped-label').innerText(), /frame|boilerplate/i);
    // the first left-out block comes before the claim
    const back = (await dropped.first().locator('.dropped-text').innerText()).trim();
    const before = await dropped.count();
    await dropped.first().getByRole('button', { name: 'Bring back' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('article .page-block.dropped').length === n - 1, before);
    await page.locator('main[data-analysis="ready"]').waitFor();
    const runs = await page.locator('article [data-o]').allInnerTexts();
    assert.ok(runs.join('').includes(back), `“${back}” is in the text now`);
    assert.equal(await marked(), CLAIM, 'the highlight is on the same words');
    assert.match(await claimItems(page).first().innerText(), /rise by about half a metre/);

    // the claim's own block cannot be dropped: the reason is shown, nothing changes
    const claimBlock = page.locator('article .page-block:not(.dropped)', { has: page.locator('mark') });
    await claimBlock.getByRole('button', { name: 'Drop' }).click();
    await page.waitForFunction(() => /holds a claim/.test(document.querySelector('[role=alert]').innerText));
    assert.equal(await marked(), CLAIM);

    // kept across a reload, and in the exported file
    await page.reload();
    await page.locator('main[data-ready="true"][data-analysis="ready"]').waitFor();
    assert.ok((await page.locator('article').innerText()).includes(back));
    assert.equal(await marked(), CLAIM);
    const file = JSON.parse((await exportJson(page)).text);
    const sel = file.annotations[0].target.selector;
    assert.equal([...file.article.text].slice(sel[0].start, sel[0].end).join(''), CLAIM);

    // and the block can be dropped again
    await page.getByRole('button', { name: 'Show the whole page' }).click();
    const again = page.locator('article .page-block:not(.dropped)', { hasText: back }).first();
    await again.getByRole('button', { name: 'Drop' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('article .page-block.dropped').length === n, before);
    assert.equal(await marked(), CLAIM);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a paste from a browser keeps its paragraphs; plain text pastes as before', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'New article' }).click();
    const html = '<meta charset="utf-8"><h1>Council backs new bridge</h1><p>The council voted 7 to 2 on Monday to build a footbridge over the Aldern river.</p><p>“It will join the two halves of the town,” the mayor said.</p><ul><li>Cost: 2.4 million</li><li>Opening: spring 2028</li></ul><p>Work starts in June.</p>';
    const plain = 'Council backs new bridge The council voted 7 to 2 on Monday to build a footbridge over the Aldern river. “It will join the two halves of the town,” the mayor said. Cost: 2.4 million Opening: spring 2028 Work starts in June.';
    await page.getByLabel('Article text').evaluate((el, [html, plain]) => {
      const dt = new DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', plain);
      el.focus();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, [html, plain]);
    assert.equal(await page.getByLabel('Article text').inputValue(), plain, 'the box shows the text');
    await page.getByText('Pasted from a web page').waitFor();
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Council backs new bridge');
    const paras = await page.locator('article p').allInnerTexts();
    assert.ok(paras.length >= 3, `separate paragraphs: ${JSON.stringify(paras)}`);
    assert.ok(paras.some((p) => p.startsWith('The council voted')));
    assert.ok(paras.some((p) => p.startsWith('“It will join')));
    assert.deepEqual(await page.locator('article li').allInnerTexts(), ['Cost: 2.4 million', 'Opening: spring 2028']);

    // plain text (no HTML on the clipboard) goes in as text, as before
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill('Plain story\nThe bakery said prices will rise. Customers shrugged.');
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Plain story');
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a pasted plain text gets details added; only web links open; a dropped .htm page opens too', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'New article' }).click();
    assert.ok((await page.getByLabel('Open file').getAttribute('accept')).split(',').includes('.htm'), 'the file input takes .htm');
    await page.getByLabel('Article text').fill('The ferry will run every hour from May, the operator said. Fares stay the same.');
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('article')?.innerText.startsWith('The ferry will run'));
    assert.equal(await head(page).locator('.byline-line').count(), 0, 'no details yet');
    await page.getByRole('button', { name: 'Add details' }).click();
    const form = page.getByRole('form', { name: 'Edit details' });
    await form.getByLabel('Headline').fill('Hourly ferry from May');
    await form.getByLabel('Publisher or site').fill('Harbour <b>News</b>');
    await form.getByLabel('Canonical URL').fill('javascript:alert(1)');
    await form.getByLabel('Published').fill('2026-04-01T08:15:00+02:00');
    await form.getByRole('button', { name: 'Save details' }).click();
    await head(page).locator('.headline').waitFor();
    assert.equal(await head(page).locator('.headline').innerText(), 'Hourly ferry from May');
    assert.equal(await head(page).locator('.publisher').innerText(), 'Harbour <b>News</b>', 'as text');
    assert.equal(await head(page).locator('a').count(), 0, 'a javascript: URL is not a link');
    assert.match(await head(page).locator('time').innerText(), /1 April 2026, 08:15 UTC\+02:00/);
    await page.getByRole('button', { name: /^Hourly ferry from May/ }).waitFor();
    await page.getByRole('button', { name: 'Edit details' }).click();
    await form.getByLabel('Canonical URL').fill('https://harbour.example/ferry');
    await form.getByRole('button', { name: 'Save details' }).click();
    await head(page).locator('a.source-link').waitFor();
    assert.equal(await head(page).locator('a.source-link').getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await page.getByRole('button', { name: 'Show the whole page' }).count(), 0, 'no page, no toggle');

    // a saved page dropped on the window, named .htm
    const content = fs.readFileSync(PAGE, 'utf8');
    await page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'dam-story.htm', { type: 'text/html' }));
      document.querySelector('article').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, content);
    await page.waitForFunction((t) => document.querySelector('article')?.innerText.includes(t), STORY[0]);
    assert.ok(!(await page.locator('article').innerText()).includes('Accept all cookies'));
    await head(page).locator('.byline').waitFor();
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
