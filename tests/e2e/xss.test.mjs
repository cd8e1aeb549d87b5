// Untrusted text stays text, proven: 62 payloads (xss-payloads.mjs) delivered through every
// way an article or file gets in (a paste, an .html page, a .md file, every string field of
// an imported Gloss file) and every way it goes out (the article, the details above it,
// the claims and links lists, the graph view, the exported SVG opened on its own, GraphML,
// GEXF and the claims CSV). A trap in every document records dialogs, calls to __xss, policy
// violations, and any element or attribute that could run script; none may appear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, freshProfile, openApp, tempFile, importFile } from './helpers.mjs';
import { PAYLOADS } from './xss-payloads.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

/** Installed in every document before its scripts: records anything a payload could do. */
function trap() {
  const hits = (window.__hits = []);
  window.__xss = (n) => hits.push(`__xss(${n})`);
  window.alert = window.confirm = window.prompt = (m) => hits.push(`dialog ${m}`);
  document.addEventListener('securitypolicyviolation', (e) => hits.push(`csp ${e.violatedDirective} ${e.sample}`));
  const RUNS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'form', 'template', 'math', 'foreignobject', 'animate', 'set']);
  const check = (el) => {
    if (el.nodeType !== 1) return;
    for (const e of [el, ...el.querySelectorAll('*')]) {
      // the graph inspector's own Merge and Alias forms are Gloss's, made by its code
      const own = e.matches('#graph-pane .inspector form.merge, #graph-pane .inspector form.alias');
      if (RUNS.has(e.localName.toLowerCase()) && !e.closest('head') && !own) hits.push(`element <${e.localName}>`);
      for (const a of e.attributes) {
        if (/^on/i.test(a.name)) hits.push(`handler ${a.name} on <${e.localName}>`);
        if (a.name === 'srcdoc') hits.push('srcdoc');
        const url = /^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) && a.value.replace(/[\s\x00-\x1f]/g, '');
        if (url && /^(javascript|vbscript|data:text\/html)/i.test(url) && !e.matches('a.bookmarklet')) hits.push(`url ${a.name}=${a.value}`);
      }
    }
  };
  new MutationObserver((ms) => {
    for (const m of ms) for (const n of m.type === 'childList' ? m.addedNodes : [m.target]) check(n);
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

async function browser() {
  const b = await freshProfile();
  await b.context.addInitScript(trap);
  b.page.on('dialog', (d) => { b.errors.push(`dialog ${d.message()}`); d.dismiss().catch(() => {}); });
  return b;
}

async function assertClean(b, where) {
  await b.page.waitForTimeout(300);
  const hits = await b.page.evaluate(() => window.__hits);
  assert.deepEqual(hits, [], `${where}: ${hits.join(' | ')}`);
  assert.deepEqual(b.errors, [], `${where}: console`);
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function newArticleFromFile(page, name, content, expect) {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Open file').setInputFiles(tempFile(name, content));
  await page.waitForFunction((t) => document.querySelector('article')?.textContent.includes(t), expect);
  await page.locator('main[data-analysis="ready"]').waitFor();
}

test('payloads pasted as text show as text and run nothing', async () => {
  const b = await browser();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill(`Payload story\n\n${PAYLOADS.join('\n\n')}`);
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Payload story');
    await page.locator('main[data-analysis="ready"]').waitFor();
    // textContent: blocks off screen are not rendered (content-visibility), so not in innerText
    const text = await page.locator('article').evaluate((a) => a.textContent);
    for (const p of PAYLOADS) assert.ok(text.includes(p.trim()), `shown as written: ${p}`);
    await assertClean(b, 'paste');
  } finally { await b.close(); }
});

test('payloads in a saved web page and a Markdown file run nothing', async () => {
  const b = await browser();
  const { page } = b;
  try {
    await openApp(page, server.url);
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: PAYLOADS[0], author: PAYLOADS.slice(1, 4).map((name) => ({ '@type': 'Person', name })), publisher: { name: PAYLOADS[4] }, url: 'javascript:alert(1)' }).replace(/</g, '\\u003c');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${PAYLOADS[5]}</title>
<meta name="description" content="${escapeHtml(PAYLOADS[6])}"><meta name="author" content="${escapeHtml(PAYLOADS[9])}">
<meta property="og:title" content="${escapeHtml(PAYLOADS[12])}"><link rel="canonical" href="javascript:alert(2)">
<script type="application/ld+json">${ld}</script></head><body><nav><a href="/">Home</a></nav><article>
<h1>Hostile page story</h1><p class="byline">By ${PAYLOADS[23]}</p>
${PAYLOADS.map((p, i) => `<p>Paragraph ${i} holds this: ${p} and this as text: ${escapeHtml(p)}. The mayor said the bridge would open.</p>`).join('\n')}
</article></body></html>`;
    await newArticleFromFile(page, 'hostile.html', html, 'Paragraph 0 holds this');
    const shown = await page.locator('article').evaluate((a) => a.textContent);
    assert.ok(shown.includes('<script>alert(1)</script>'), 'escaped markup reads as text');
    await assertClean(b, '.html');

    const md = `# Hostile notes\n\n${PAYLOADS.map((p, i) => `Item ${i}: ${p} [link ${i}](javascript:alert(${i})) ![img](x" onerror="alert(${i}))\n\n<div onmouseover="alert(${i})">${p}</div>`).join('\n\n')}\n`;
    await newArticleFromFile(page, 'hostile.md', md, 'Item 0:');
    await assertClean(b, '.md');
  } finally { await b.close(); }
});

/** A version 4 Gloss file whose every string field holds payloads. */
function hostileFile() {
  const cps = (s) => Array.from(s).length;
  const title = 'Imported hostile story';
  const paras = PAYLOADS.map((p, i) => `Line ${i} says ${p} as written.`);
  const text = [title, ...paras].join('\n\n');
  const blocks = [];
  let at = 0;
  for (const [i, t] of [title, ...paras].entries()) {
    blocks.push({ kind: i === 0 ? 'title' : 'paragraph', start: at, end: at + cps(t) });
    at += cps(t) + 2;
  }
  const chars = Array.from(text);
  const quote = (s, e) => ({ exact: chars.slice(s, e).join(''), prefix: chars.slice(Math.max(0, s - 32), s).join(''), suffix: chars.slice(e, e + 32).join('') });
  const annotations = blocks.slice(1).map((bl, i) => ({
    id: `c${i}-${PAYLOADS[i]}`, type: 'claim', created: '2026-12-01T00:00:00Z', modified: '2026-12-01T00:00:00Z',
    claimant: PAYLOADS[(i + 1) % PAYLOADS.length], claimType: 'factual', status: 'unverified',
    note: PAYLOADS[(i + 2) % PAYLOADS.length], tags: [PAYLOADS[(i + 3) % PAYLOADS.length]],
    target: { selector: [{ type: 'TextPositionSelector', start: bl.start, end: bl.end }, { type: 'TextQuoteSelector', ...quote(bl.start, bl.end) }] },
  }));
  const links = annotations.slice(0, 20).map((a, i) => ({
    id: `l${i}`, type: 'about', from: { claim: a.id }, to: { entity: PAYLOADS[(i + 7) % PAYLOADS.length] }, note: PAYLOADS[(i + 9) % PAYLOADS.length], created: '2026-12-01T00:00:00Z',
  }));
  return {
    format: 'gloss.article', version: 4, offsetUnit: 'codepoint', generator: PAYLOADS[13], exported: '2026-12-01T00:00:00Z',
    article: {
      id: 'hostile-import', name: PAYLOADS[14], title: PAYLOADS[15], sourceFormat: 'text', sourceName: PAYLOADS[16],
      created: '2026-12-01T00:00:00Z', modified: '2026-12-01T00:00:00Z', text, blocks,
      metadata: { headline: PAYLOADS[17], authors: PAYLOADS.slice(18, 21), published: '2026-12-01', publisher: PAYLOADS[22], url: 'javascript:alert(23)', language: PAYLOADS[24], description: PAYLOADS[25] },
    },
    annotations,
    links,
    entities: PAYLOADS.slice(30, 40).map((name, i) => ({ name, entity: PAYLOADS[40 + i] })),
  };
}

test('payloads in every field of an imported file, then in the graph and every export, run nothing', async () => {
  const b = await browser();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await importFile(page, tempFile('hostile.gloss.json', JSON.stringify(hostileFile())));
    await page.waitForFunction(() => document.querySelector('article')?.textContent.includes('Line 0 says'));
    await page.locator('main[data-analysis="ready"]').waitFor();
    assert.equal(await page.getByRole('list', { name: 'Claims', exact: true }).locator(':scope > li').count(), PAYLOADS.length);
    const claims = await page.getByRole('list', { name: 'Claims', exact: true }).innerText();
    assert.ok(claims.includes(PAYLOADS[1]), 'a claimant shows as written');
    const head = await page.locator('header.article-head').innerText();
    assert.ok(head.includes(PAYLOADS[17]), 'the headline shows as written');
    assert.equal(await page.locator('header.article-head a[href^="javascript"]').count(), 0, 'a javascript: URL is not a link');
    await assertClean(b, 'import');

    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.locator('.graph-pane[data-nodes]:not([data-nodes="0"])').waitFor();
    await page.locator('#graph-svg g.node circle').first().click({ force: true }); // the inspector shows its names
    await assertClean(b, 'graph');

    const download = async (name) => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('toolbar', { name: 'Export graph' }).getByRole('button', { name, exact: true }).click(),
      ]);
      return fs.readFileSync(await d.path(), 'utf8');
    };
    const svg = await download('SVG');
    const graphml = await download('GraphML');
    const gexf = await download('GEXF');
    const csv = await download('Claims CSV');
    await assertClean(b, 'exports');

    // each XML export is well-formed, has no script, and holds payloads as text (names
    // and claimants in full or cut short, in labels or attributes)
    const parsed = await page.evaluate(([docs, payloads]) => docs.map((x) => {
      const doc = new DOMParser().parseFromString(x, 'application/xml');
      const err = doc.querySelector('parsererror');
      const all = [...doc.getElementsByTagName('*')].flatMap((e) => [e.textContent, ...[...e.attributes].map((a) => a.value)]).join('\n');
      return { error: err && err.textContent, scripts: doc.getElementsByTagName('script').length, text: payloads.some((p) => all.includes(p.slice(0, 12))) };
    }), [[svg, graphml, gexf], PAYLOADS]);
    for (const p of parsed) assert.deepEqual(p, { error: null, scripts: 0, text: true });

    // the claims CSV: no cell starts a formula
    const cells = csv.split(/\r\n/).slice(1).flatMap((row) => row.match(/("([^"]|"")*"|[^,]*)(,|$)/g) || []).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    assert.deepEqual(formulas, [], 'formula-guarded');
    assert.ok(cells.some((c) => c.startsWith("'=HYPERLINK")), 'a formula payload is kept, guarded');

    // the exported SVG opened on its own, as a person would double-click it
    const svgPage = await b.context.newPage();
    svgPage.on('dialog', (d) => { b.errors.push(`svg dialog ${d.message()}`); d.dismiss().catch(() => {}); });
    await svgPage.goto('file://' + tempFile('graph.svg', svg));
    await svgPage.waitForTimeout(500);
    const inSvg = await svgPage.evaluate(() => ({
      hits: window.__hits,
      risky: [...document.querySelectorAll('script, foreignObject, iframe, [onload], [onerror], [onclick], a[href^="javascript"]')].length,
    }));
    assert.deepEqual(inSvg, { hits: [], risky: 0 });
    await svgPage.close();
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
