// The report as a fact-checker uses it: claims tagged with verdicts, the Report view
// grouped by claimant and by verdict, a quote leading back to the text, the HTML and
// Markdown downloads, and what print shows for the article and for the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, freshProfile, openApp, claimItems, tagClaim as tag, figure } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

async function download(page, name) {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('toolbar', { name: 'Report' }).getByRole('button', { name }).click(),
  ]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

/** Whether an element is shown (not display: none up its ancestors). */
const shown = (page, sel) => page.evaluate((s) => [...document.querySelectorAll(s)].some((e) => e.checkVisibility()), sel);

test('a report of the claims, grouped two ways, downloaded as HTML and Markdown, and printed', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tag(page, 'relinquishing territory is not an option', { claimant: 'Volodymyr Zelenskyy', status: 'disputed', note: 'Compare <b>earlier</b> remarks' });
    await tag(page, 'continue military support', { claimant: 'Mark Rutte', status: 'supported' });
    await tag(page, 'Russia is ready for confrontation', { claimant: 'Vladimir Putin', status: 'disputed' });
    assert.equal(await claimItems(page).count(), 3);
    // each claim's and suggestion's buttons say which one they act on, starting with what they show
    assert.equal(await page.getByRole('button', { name: 'Edit claim of Mark Rutte: “continue military support”', exact: true }).count(), 1);
    assert.equal(await page.getByRole('button', { name: /^Delete claim of Vladimir Putin: “Russia is ready for confrontation”$/ }).count(), 1);
    assert.ok(await page.getByRole('button', { name: /^Accept suggestion: Donald Trump: “/ }).count() >= 1);

    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const report = page.getByRole('region', { name: /^Claims in “/ });
    await report.waitFor();
    assert.equal(await page.locator('article').isVisible(), false, 'the report stands in the article\'s place');
    assert.match(await report.innerText(), /3 claims: 1 Supported, 2 Disputed\./);
    // by claimant: a heading per claimant, in the order first quoted
    const heads = () => report.locator('h3').allTextContents();
    const byClaimant = await heads();
    assert.equal(byClaimant.length, 3);
    assert.ok(byClaimant.includes('Volodymyr Zelenskyy') && byClaimant.includes('Mark Rutte'));
    assert.match(await report.innerText(), /Compare <b>earlier<\/b> remarks/, 'the note as text');
    // by verdict
    await report.getByLabel('By verdict').check();
    await page.waitForFunction(() => ['Supported', 'Disputed'].includes(document.querySelector('.report h3')?.textContent));
    assert.deepEqual((await heads()).sort(), ['Disputed', 'Supported']);
    assert.match(await report.locator('.report-group', { hasText: 'Supported' }).innerText(), /Supported · Mark Rutte · Factual/);
    await figure(page, 'report', report);

    // downloads: a standalone HTML document that runs nothing, and Markdown
    const html = await download(page, 'Download HTML');
    assert.match(html.name, /\.report\.html$/);
    assert.match(html.text, /^<!DOCTYPE html>/);
    assert.match(html.text, /default-src 'none'/);
    assert.match(html.text, /Compare &lt;b&gt;earlier&lt;\/b&gt; remarks/);
    assert.ok(!html.text.includes('<b>earlier'));
    const md = await download(page, 'Download Markdown');
    assert.match(md.name, /\.report\.md$/);
    assert.match(md.text, /^# Claims in “/);
    assert.match(md.text, /\n## Disputed\n/);
    assert.match(md.text, /Compare \\<b\\>earlier\\<\/b\\> remarks/);
    // the downloaded report, opened, reads as the view did
    const viewer = await b.context.newPage();
    await viewer.setContent(html.text);
    assert.deepEqual((await viewer.locator('h2').allTextContents()).sort(), ['Disputed', 'Supported']);
    await viewer.close();

    // printing the report: the report only, no buttons
    await page.emulateMedia({ media: 'print' });
    assert.equal(await shown(page, 'header.top'), false, 'no toolbar on paper');
    assert.equal(await shown(page, '.report-bar'), false);
    assert.equal(await shown(page, '.side'), false, 'the report alone');
    assert.ok(await shown(page, '.report blockquote'));
    await page.emulateMedia({ media: 'screen' });

    // a quote leads back to its claim in the text
    await report.getByRole('button', { name: /continue military support/ }).click();
    await page.locator('article').waitFor();
    await page.waitForFunction(() => document.querySelector('ul[aria-label="Claims"] li.sel')?.innerText.includes('continue military support'));

    // printing the article: the text and every claim, no buttons, forms or suggestions
    await page.emulateMedia({ media: 'print' });
    assert.ok(await shown(page, 'article mark'));
    assert.equal(await shown(page, 'header.top'), false);
    assert.equal(await shown(page, '.suggestions'), false);
    assert.equal(await shown(page, '.claims .actions button'), false);
    assert.equal(await shown(page, '.library'), false);
    const side = await page.locator('.side').evaluate((s) => ({ overflow: getComputedStyle(s).overflowY, position: getComputedStyle(s).position }));
    assert.deepEqual(side, { overflow: 'visible', position: 'static' }, 'no column cut off by a scrolling box');
    for (const li of await claimItems(page).all()) assert.ok(await li.isVisible());
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
