// The relationship graph as a user meets it: two claims tagged and linked as contradicting,
// the graph opened beside the text, a node clicked to find its mention, GraphML exported;
// then dragging, drawing a link between nodes, the keyboard, filters, search, focus,
// merging entities, library scope and every export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, freshProfile, openApp, claimItems, dragSelect, tempFile, importFile, exportJson, figure } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const ZEL = 'relinquishing territory is not an option';
const RUS = 'without an agreement on territorial issues, a resolution remains elusive';

async function tag(page, text, claimant) {
  assert.equal(await dragSelect(page, text, text), text);
  await page.getByRole('button', { name: 'Tag claim' }).click();
  const form = page.getByRole('form', { name: 'Tag claim' });
  if (claimant) await form.getByLabel('Claimant').fill(claimant);
  const who = await form.getByLabel('Claimant').inputValue();
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  return who;
}

async function download(page, name) {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('toolbar', { name: 'Export graph' }).getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

/** Parses XML with the browser's own parser: element counts, or the parser's error. */
async function parseXml(page, text, tags) {
  return page.evaluate(([text, tags]) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const err = doc.querySelector('parsererror');
    if (err) return { error: err.textContent };
    const out = {};
    for (const t of tags) out[t] = doc.getElementsByTagName(t).length;
    return out;
  }, [text, tags]);
}

const node = (page, id) => page.locator(`#graph-svg g.node[data-id="${id}"]`);
/** Whether every shown node is inside the drawing area. */
const allInView = (page) => page.evaluate(() => {
  const s = document.querySelector('#graph-svg').getBoundingClientRect();
  return [...document.querySelectorAll('#graph-svg g.node')].filter((g) => g.style.display !== 'none').every((g) => {
    const r = g.querySelector('circle, rect').getBoundingClientRect();
    return r.left >= s.left - 1 && r.right <= s.right + 1 && r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
  });
});

async function openGraph(page) {
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await page.locator('.graph-pane[data-nodes]:not([data-nodes="0"])').waitFor();
}

test('two claims linked as contradicting show in the graph; a node leads to its mention; GraphML export', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    assert.equal(await tag(page, ZEL), 'Volodymyr Zelenskyy', 'claimant proposed from the sentence');
    await tag(page, RUS, 'A Russian official');
    assert.equal(await claimItems(page).count(), 2);

    // link them from Zelenskyy's claim
    const zelItem = claimItems(page).filter({ has: page.getByRole('button', { name: /^“relinquishing/ }) });
    // the side panel holds one form: the claim form closes when the link form opens
    await zelItem.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('form', { name: 'Edit claim' }).waitFor();
    await zelItem.getByRole('button', { name: 'Link…' }).click();
    const form = page.getByRole('form', { name: 'Link' });
    await form.waitFor();
    assert.equal(await page.getByRole('form', { name: 'Edit claim' }).count(), 0);
    // the relation follows the target chosen (a claim: contradicts; an entity: about), as
    // a link drawn in the graph starts, until the person picks one
    assert.equal(await form.getByLabel('Relation').inputValue(), 'related');
    const entity = await form.getByLabel('Link to').locator('option', { hasText: /^Entity:/ }).first().getAttribute('value');
    await form.getByLabel('Link to').selectOption(entity);
    assert.equal(await form.getByLabel('Relation').inputValue(), 'about');
    const claimOption = await form.getByLabel('Link to').locator('option', { hasText: 'without an agreement' }).getAttribute('value');
    await form.getByLabel('Link to').selectOption(claimOption);
    assert.equal(await form.getByLabel('Relation').inputValue(), 'contradicts');
    await form.getByLabel('Relation').selectOption('supports');
    await form.getByLabel('Link to').selectOption(entity);
    // only relations that fit a claim and an entity: one picked that does not gives way
    assert.deepEqual(await form.getByLabel('Relation').locator('option').allInnerTexts(), ['about', 'related']);
    assert.equal(await form.getByLabel('Relation').inputValue(), 'about');
    await form.getByLabel('Relation').selectOption('related');
    await form.getByLabel('Link to').selectOption(claimOption);
    assert.equal(await form.getByLabel('Relation').inputValue(), 'related', 'a relation picked that fits stays');
    await form.getByLabel('Relation').selectOption('contradicts');
    const option = await form.getByLabel('Link to').locator('option', { hasText: 'without an agreement' }).getAttribute('value');
    await form.getByLabel('Link to').selectOption(option);
    await form.getByLabel('Link note').fill('They cannot both hold');
    await form.getByRole('button', { name: 'Add link' }).click();
    await form.waitFor({ state: 'detached' });
    assert.match(await zelItem.getByRole('list', { name: 'Links' }).innerText(), /contradicts “without an agreement/);
    const rusItem = claimItems(page).filter({ has: page.getByRole('button', { name: /^“without an agreement/ }) });
    assert.match(await rusItem.getByRole('list', { name: 'Links' }).innerText(), /contradicts ← “relinquishing/);

    await openGraph(page);
    const zel = node(page, 'e:volodymyr zelenskyy');
    const official = node(page, 'e:a russian official');
    assert.match(await zel.getAttribute('aria-label'), /^Person: Volodymyr Zelenskyy, \d+ links$/);
    assert.match(await official.getAttribute('aria-label'), /^Person: A Russian official/);
    const contra = page.locator('#graph-svg line.edge[data-rel="contradicts"]');
    assert.equal(await contra.count(), 1);
    const [from, to] = [await contra.getAttribute('data-from'), await contra.getAttribute('data-to')];
    assert.match(from, /^c:sample-9d83cd3958c40a29\//);
    assert.equal(await node(page, from).getAttribute('aria-label'), `Claim: ${ZEL}, 2 links`);
    assert.equal(await page.locator(`#graph-svg line.edge[data-rel="said"][data-from="e:volodymyr zelenskyy"][data-to="${from}"]`).count(), 1);
    assert.equal(await page.locator(`#graph-svg line.edge[data-rel="said"][data-from="e:a russian official"][data-to="${to}"]`).count(), 1);
    assert.ok(await page.locator('#graph-svg g.node.kind-place').count() >= 5, 'places of the article');
    assert.ok(await page.locator('#graph-svg line.edge[data-rel="co_mention"]').count() >= 10);

    // clicking Zelenskyy's node scrolls the text to his mention
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const before = await page.evaluate(() => window.scrollY);
    await zel.locator('circle').click();
    const flashed = page.locator('article [data-flash]');
    await flashed.first().waitFor();
    assert.match(await flashed.first().innerText(), /Volodymyr Zelenskyy/);
    await page.waitForFunction(() => {
      const r = document.querySelector('article [data-flash]')?.getBoundingClientRect();
      return r && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(await page.evaluate(() => window.scrollY) < before, 'the page scrolled up to the mention');
    assert.match(await page.getByRole('region', { name: 'Selected node' }).innerText(), /Volodymyr Zelenskyy\s+person · 2 mentions/);
    // a second click goes on to his next mention
    await page.waitForFunction(() => !document.querySelector('article [data-flash]'), null, { timeout: 5000 });
    await zel.locator('circle').click();
    await flashed.first().waitFor();
    assert.equal(await flashed.first().innerText(), 'Zelenskyy');

    // selecting a claim in the list selects its node
    await rusItem.getByRole('button', { name: /^“without an agreement/ }).click();
    await page.locator(`#graph-svg g.node.sel[data-id="${to}"]`).waitFor();

    // GraphML, read back by the browser's XML parser
    const gm = await download(page, 'GraphML');
    assert.match(gm.name, /graph\.graphml$/);
    const xml = gm.bytes.toString('utf8');
    const counts = await parseXml(page, xml, ['node', 'edge', 'key']);
    assert.equal(counts.error, undefined);
    assert.equal(counts.node, Number(await page.locator('.graph-pane').getAttribute('data-nodes')));
    assert.equal(counts.edge, Number(await page.locator('.graph-pane').getAttribute('data-edges')));
    assert.match(xml, /<data key="relation">contradicts<\/data>\s*<data key="weight">1<\/data>\s*<data key="drawn">true<\/data>/);
    assert.match(xml, /<data key="edge_note">They cannot both hold<\/data>/);
    assert.match(xml, /<node id="e:volodymyr zelenskyy">\s*<data key="label">Volodymyr Zelenskyy<\/data>\s*<data key="kind">person<\/data>/);

    // the links travel in the article file (since version 3) and survive a reload
    const data = JSON.parse((await exportJson(page)).text);
    assert.equal(data.version, 6);
    assert.equal(data.links.length, 1);
    assert.equal(data.links[0].type, 'contradicts');
    await page.reload();
    await page.locator('main[data-analysis="ready"]').waitFor();
    await openGraph(page);
    assert.equal(await page.locator('#graph-svg line.edge[data-rel="contradicts"]').count(), 1);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('drag pins a node; a link is drawn by dragging between nodes; keyboard, filters, search and focus', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tag(page, ZEL);
    await tag(page, RUS, 'A Russian official');
    await openGraph(page);
    const nodes = page.locator('#graph-svg g.node:visible');
    const total = await nodes.count();

    // drag a node: it moves and is pinned
    const putin = node(page, 'e:vladimir putin');
    const t0 = await putin.getAttribute('transform');
    const box = await putin.locator('circle').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 40, { steps: 8 });
    await page.mouse.up();
    assert.notEqual(await putin.getAttribute('transform'), t0);
    assert.match(await putin.getAttribute('class'), /pinned/);

    // draw a link: with "Draw links" on, drag from the official's claim to Putin
    const rusClaim = await page.locator('#graph-svg line.edge[data-rel="said"][data-from="e:a russian official"]').getAttribute('data-to');
    await page.getByLabel('Draw links').check();
    const a = await node(page, rusClaim).locator('rect').boundingBox();
    const p = await putin.locator('circle').boundingBox();
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(p.x + p.width / 2, p.y + p.height / 2, { steps: 10 });
    await page.mouse.up();
    const form = page.getByRole('form', { name: 'Link' });
    assert.equal(await form.getByLabel('Relation').inputValue(), 'about');
    assert.equal(await form.getByLabel('Link to').inputValue(), 'e:Vladimir Putin');
    await form.getByRole('button', { name: 'Add link' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByLabel('Draw links').uncheck();
    const drawnEdge = page.locator(`#graph-svg line.edge[data-rel="about"][data-from="${rusClaim}"][data-to="e:vladimir putin"]`);
    await drawnEdge.waitFor();
    // the claim lists its link; removing it there takes the edge out of the graph
    const rusLinks = claimItems(page).getByRole('list', { name: 'Links' });
    assert.match(await rusLinks.innerText(), /^about Vladimir Putin/);
    await rusLinks.getByRole('button', { name: 'Remove link' }).click();
    await rusLinks.waitFor({ state: 'detached' });
    await drawnEdge.waitFor({ state: 'detached' });
    // drawn again from the keyboard: l on the claim's node opens the form
    await node(page, rusClaim).focus();
    await page.keyboard.press('l');
    await form.getByLabel('Relation').selectOption('about');
    await form.getByLabel('Link to').selectOption('e:Vladimir Putin');
    await form.getByRole('button', { name: 'Add link' }).click();
    await drawnEdge.waitFor();

    // keyboard: focus a node, Enter shows its neighbourhood only, arrows move it, Escape
    await node(page, 'e:volodymyr zelenskyy').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Showing one node’s neighbourhood.').waitFor();
    const focused = await nodes.count();
    assert.ok(focused < total && focused >= 3, `${focused} of ${total}`);
    const before = await node(page, 'e:volodymyr zelenskyy').getAttribute('transform');
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await node(page, 'e:volodymyr zelenskyy').getAttribute('transform'), before);
    await page.keyboard.press('Escape');
    await page.getByText('Showing one node’s neighbourhood.').waitFor({ state: 'hidden' });
    assert.equal(await nodes.count(), total);
    // on the drawing itself, arrows pan the view
    const viewport = page.locator('#graph-svg > g').first();
    const view0 = await viewport.getAttribute('transform');
    await page.locator('#graph-svg').focus();
    await page.keyboard.press('ArrowLeft');
    assert.notEqual(await viewport.getAttribute('transform'), view0);
    // Tab moves between nodes
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'button');

    // filters by kind and relation, and search
    await page.getByRole('group', { name: 'Show' }).getByLabel('Claims').uncheck();
    assert.equal(await page.locator('#graph-svg g.node.kind-claim:visible').count(), 0);
    await page.getByRole('group', { name: 'Show' }).getByLabel('Claims').check();
    assert.ok(await allInView(page), 'fitted after a filter changed');
    // "mentioned together" is thinned to each node's strongest until every one is asked for
    const coMentions = () => page.locator('#graph-svg line.edge[data-rel="co_mention"]:visible').count();
    const thinned = await coMentions();
    assert.ok(thinned > 0);
    await page.getByRole('group', { name: 'Relations' }).getByLabel('Every co-mention').check();
    const every = await coMentions();
    assert.ok(every > thinned, `${every} > ${thinned}`);
    await page.getByRole('group', { name: 'Relations' }).getByLabel('Every co-mention').uncheck();
    assert.equal(await coMentions(), thinned);
    await page.getByRole('group', { name: 'Relations' }).getByLabel('mentioned together').uncheck();
    assert.equal(await coMentions(), 0);
    assert.equal(await page.locator('#graph-svg line.edge[data-rel="contradicts"]').count(), 0, 'not linked in this profile');
    await page.getByLabel('Search graph').fill('sybiha');
    await page.waitForFunction(() => [...document.querySelectorAll('#graph-svg g.node')].filter((g) => g.style.display !== 'none').length < 5);
    assert.ok(await node(page, 'e:andrii sybiha').isVisible());
    assert.equal(await node(page, 'e:vladimir putin').isVisible(), false);
    await page.getByLabel('Search graph').fill('');

    // hovering a node dims all but its neighbours
    await page.getByRole('button', { name: 'Fit' }).click();
    await node(page, 'e:a russian official').hover();
    // (once the pointer rests on it)
    await page.locator('#graph-svg g.hovering').waitFor();
    const dimmed = page.locator('#graph-svg g.hovering g.node:not(.lit)');
    assert.ok(await dimmed.count() > 5);
    assert.equal(await dimmed.first().evaluate((e) => getComputedStyle(e).fillOpacity), '0.15');
    assert.match(await node(page, 'e:a russian official').getAttribute('class'), /\blit\b/);
    assert.equal(await node(page, 'e:a russian official').evaluate((e) => getComputedStyle(e).fillOpacity), '1');

    // closing the graph gives its room back to the library; reopened, the pinned node is
    // where it was left
    const pinnedAt = await putin.getAttribute('transform');
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.locator('.graph-pane').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#graph-svg').count(), 0);
    assert.ok(await page.getByRole('navigation', { name: 'Library' }).isVisible());
    await openGraph(page);
    assert.equal(await page.getByRole('navigation', { name: 'Library' }).isVisible(), false);
    assert.equal(await putin.getAttribute('transform'), pinnedAt);
    assert.match(await putin.getAttribute('class'), /pinned/);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('merging entities holds across the library; scope, exports and hostile names', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await openGraph(page);
    // merge "Kremlin" into "Moscow": one node with both names; split restores
    const before = Number(await page.locator('.graph-pane').getAttribute('data-nodes'));
    // an entity has one id: its node's and its mentions' in the article's markup
    const mentions = (id) => page.locator(`article [data-entity="${id}"]`);
    assert.ok(await mentions('e:kremlin').count() >= 1);
    await node(page, 'e:kremlin').locator('circle').click();
    const insp = page.getByRole('region', { name: 'Selected node' });
    // the inspector narrows the drawing, which is fitted again: no node off-screen
    await insp.waitFor();
    assert.ok(await allInView(page), 'fitted after the inspector opened');
    await insp.getByLabel('Merge into').fill('Moscow');
    await insp.getByRole('button', { name: 'Merge' }).click();
    await page.waitForFunction((n) => Number(document.querySelector('.graph-pane').dataset.nodes) === n - 1, before);
    assert.equal(await node(page, 'e:kremlin').count(), 0);
    // the merge moves the mentions' id with the node's, and hovering the node lights them
    await mentions('e:moscow').filter({ hasText: 'Kremlin' }).first().waitFor();
    assert.equal(await mentions('e:kremlin').count(), 0);
    await page.getByRole('button', { name: 'Fit' }).click();
    await node(page, 'e:moscow').hover();
    await page.waitForFunction(() => document.querySelector('style.ent-hover-rule')?.textContent.includes('"e:moscow"'));
    const lit = await page.evaluate(() => [...document.querySelectorAll('article [data-entity]')]
      .filter((e) => getComputedStyle(e).backgroundColor === 'rgba(43, 123, 185, 0.15)').map((e) => e.textContent));
    assert.ok(lit.includes('Kremlin') && lit.includes('Moscow'), `the node's mentions lit: ${lit}`);
    assert.ok(lit.every((t) => /Kremlin|Moscow/.test(t)), `and nothing else: ${lit}`);
    assert.match(await insp.innerText(), /Also written: .*[Kk]remlin/);
    await insp.getByRole('button', { name: 'Split off' }).click();
    await page.waitForFunction((n) => Number(document.querySelector('.graph-pane').dataset.nodes) === n, before);
    await node(page, 'e:kremlin').waitFor();

    // a second article whose claimant is named with hostile text, and a merge across both
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').fill('Second story\nPresident Vladimir Putin said the talks in Moscow went well. President Volodymyr Zelensky said Kyiv would not give up land.');
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('main[data-analysis="ready"] article h1')?.innerText === 'Second story');
    await tag(page, 'Kyiv would not give up land', hostile);
    await page.locator('.graph-pane[data-nodes]:not([data-nodes="0"])').waitFor();
    await page.getByRole('radio', { name: 'Library' }).check();
    await node(page, 'e:volodymyr zelenskyy').waitFor();
    await node(page, 'e:volodymyr zelensky').waitFor();
    await node(page, 'e:volodymyr zelensky').locator('circle').click();
    await insp.getByLabel('Merge into').fill('Volodymyr Zelenskyy');
    await insp.getByRole('button', { name: 'Merge' }).click();
    await node(page, 'e:volodymyr zelensky').waitFor({ state: 'detached' });
    const merged = node(page, 'e:volodymyr zelenskyy');
    await merged.locator('circle').click();
    assert.match(await insp.innerText(), /2 articles/);
    assert.equal(await page.locator('#graph-svg img').count(), 0, 'names stay text');
    assert.ok(await page.locator('#graph-svg g.node', { hasText: 'onerror' }).count() >= 1);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);

    // every export of the library graph
    const svg = await download(page, 'SVG');
    const svgCounts = await parseXml(page, svg.bytes.toString('utf8'), ['circle', 'rect', 'script', 'img']);
    assert.equal(svgCounts.error, undefined);
    assert.equal(svgCounts.script + svgCounts.img, 0);
    assert.ok(svgCounts.circle > 20);
    // the legend stands beside the drawing: rendered, it overlaps no node's label
    const viewer = await b.context.newPage();
    await viewer.setContent(svg.bytes.toString('utf8'));
    const overlap = await viewer.evaluate(() => {
      const legend = document.querySelector('svg g.legend').getBBox();
      return [...document.querySelectorAll('svg > text')].map((t) => t.getBBox())
        .filter((r) => r.x < legend.x + legend.width && legend.x < r.x + r.width && r.y < legend.y + legend.height && legend.y < r.y + r.height).length;
    });
    await viewer.close();
    assert.equal(overlap, 0, 'no label under the legend');
    const png = await download(page, 'PNG');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG file');
    assert.ok(png.bytes.length > 10000);
    const gexf = await download(page, 'GEXF');
    const g = await parseXml(page, gexf.bytes.toString('utf8'), ['node', 'edge', 'viz:position']);
    assert.equal(g.node, Number(await page.locator('.graph-pane').getAttribute('data-nodes')));
    const cy = JSON.parse((await download(page, 'Cytoscape JSON')).bytes.toString('utf8'));
    assert.equal(cy.elements.nodes.length, g.node);
    assert.equal(cy.elements.edges.length, g.edge);
    const csv = (await download(page, 'Claims CSV')).bytes.toString('utf8');
    assert.match(csv, /^id,article,start,end,quote,claimant,type,status,verdict,note,tags,evidence,links,headline,authors,published,publisher,url\r\n/);
    assert.ok(csv.includes('"<img src=x onerror=""window.__pwned=1"">"'), 'quoted, as text');

    // the merge travels in the export of the second article and is kept after a reload
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.getByRole('button', { name: /^Second story/ }).click();
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Second story');
    const data = JSON.parse((await exportJson(page)).text);
    assert.deepEqual(data.entities, [{ name: 'volodymyr zelensky', entity: 'Volodymyr Zelenskyy' }]);
    await page.reload();
    await page.locator('main[data-analysis="ready"]').waitFor();
    await openGraph(page);
    await page.getByRole('radio', { name: 'Library' }).check();
    await node(page, 'e:volodymyr zelenskyy').waitFor();
    assert.equal(await node(page, 'e:volodymyr zelensky').count(), 0);

    // importing the file into a fresh profile brings the merge along
    const c = await freshProfile();
    try {
      await openApp(c.page, server.url);
      await importFile(c.page, tempFile('second.gloss.json', JSON.stringify(data)));
      await c.page.waitForFunction(() => document.querySelector('main[data-analysis="ready"] article h1')?.innerText === 'Second story');
      await openGraph(c.page);
      await node(c.page, 'e:volodymyr zelenskyy').waitFor();
      assert.equal(await node(c.page, 'e:volodymyr zelensky').count(), 0);
    } finally {
      await c.close();
    }
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('no two labels overlap in the sample graph, and a claim node says who claims what', async () => {
  const b = await freshProfile();
  const { page } = b;
  try {
    await openApp(page, server.url);
    await tag(page, ZEL, 'Volodymyr Zelenskyy');
    await openGraph(page);
    const overlaps = () => page.evaluate(() => {
      const boxes = [...document.querySelectorAll('#graph-svg g.node text')]
        .filter((t) => t.checkVisibility()).map((t) => t.getBoundingClientRect());
      let n = 0;
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, c] = [boxes[i], boxes[j]];
          if (a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom) n++;
        }
      }
      return { shown: boxes.length, n };
    });
    const first = await overlaps();
    assert.equal(first.n, 0, 'no overlapping labels in the default view');
    await figure(page, 'graph', page.locator('.graph-pane'));
    assert.ok(first.shown >= 10, `${first.shown} labels shown`);
    // with every co-mention drawn, the busier drawing still has none
    await page.getByRole('group', { name: 'Relations' }).getByLabel('Every co-mention').check();
    assert.equal((await overlaps()).n, 0);
    // the claim's label: its claimant, then its first words
    const claimLabel = await page.locator('#graph-svg g.node.kind-claim text').first().textContent();
    assert.match(claimLabel, /^Zelenskyy: relinquishing territory/);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});
