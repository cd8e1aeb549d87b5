// Figures for long articles in headless Chromium (not a test; no assertions on time):
//  - opening an N MB article through the file input: Chromium's long tasks ('longtask'
//    PerformanceObserver entries: count, longest, total) from the file chosen until the
//    main thread has been idle for 3 s, and the time until the analysis is ready;
//  - tagging a claim in it by mouse selection + Tag claim + Save: ms from the Save click
//    to the claim in the list, and the long tasks of the 5 s after the click;
//  - a click on *New article* afterwards: ms until its panel shows.
// The article is synthetic (written here): varied paragraphs with names and "said".
// Usage: node tests/e2e/big.mjs [MB ...]   (default: 5 20; after trunk build --release)
import { pathToFileURL } from 'node:url';
import { serve, freshProfile, openApp, dragSelect, tempFile, claimItems } from './helpers.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [5, 20];
const TITLE = 'A long synthetic report';
const MARKER = 'The harbour master said the pier will reopen on March 9 after 412 repairs.';

/** A reproducible article of about `mb` megabytes: paragraphs of varied sentences. */
export function longArticle(mb) {
  const people = ['Maria Okafor', 'Tomas Lindqvist', 'Aiko Tanaka', 'Rahul Mehta', 'Grace Achebe',
    'Pedro Alvarez', 'Hannah Weiss', 'Samuel Osei', 'Lena Petrova', 'Owen Gallagher'];
  const groups = ['the city council', 'the water board', 'the teachers union', 'the port authority',
    'the health ministry', 'Northfield Transit', 'the Riverside Trust'];
  const topics = ['the new bridge', 'the school budget', 'bus fares', 'the flood defences',
    'the hospital wing', 'the housing plan', 'the market square'];
  let seed = 12345;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const pick = (a) => a[rnd(a.length)];
  const sentence = () => {
    const p = pick(people); const g = pick(groups); const t = pick(topics);
    const n = 10 + rnd(990);
    switch (rnd(6)) {
      case 0: return `${p} said ${t} would cost ${n} million dollars by next year.`;
      case 1: return `“We cannot wait any longer on ${t},” ${p} said on Tuesday.`;
      case 2: return `According to ${g}, ${n} families were affected in ${2000 + rnd(24)}.`;
      case 3: return `${p}, who chairs ${g}, told reporters that ${t} had been delayed twice.`;
      case 4: return `Residents gathered near ${t} as the rain continued through the evening.`;
      default: return `${g[0].toUpperCase()}${g.slice(1)} denied that ${t} was behind schedule, ${p} said.`;
    }
  };
  const parts = [TITLE, ''];
  let bytes = TITLE.length;
  let k = 0;
  while (bytes < mb * 1e6) {
    const n = 2 + rnd(5);
    const para = Array.from({ length: n }, sentence).join(' ');
    parts.push(k === 40 ? `${para} ${MARKER}` : para, '');
    bytes += Buffer.byteLength(para) + 2;
    k++;
  }
  return parts.join('\n');
}

// long tasks from the page's start, each with its start and duration
const OBSERVE = () => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

const summary = (tasks) => ({
  count: tasks.length,
  maxMs: Math.round(Math.max(0, ...tasks.map((t) => t[1]))),
  totalMs: Math.round(tasks.reduce((s, t) => s + t[1], 0)),
});

/** Waits until no long task has started for `quietMs`; returns the long tasks since `t0`. */
async function untilIdle(page, t0, quietMs = 3000, limitMs = 600000) {
  const start = Date.now();
  for (;;) {
    await page.waitForTimeout(500);
    const { now, last } = await page.evaluate(() => ({
      now: performance.now(),
      last: Math.max(0, ...window.__long.map((t) => t[0] + t[1])),
    }));
    if (now - last > quietMs || Date.now() - start > limitMs) break;
  }
  return page.evaluate((t0) => window.__long.filter((t) => t[0] >= t0), t0);
}

async function measure(url, mb) {
  const text = longArticle(mb);
  const file = tempFile('long.txt', text);
  const b = await freshProfile();
  const { page } = b;
  const out = { mb: +(Buffer.byteLength(text) / 1e6).toFixed(1) };
  try {
    await page.addInitScript(OBSERVE);
    await openApp(page, url);
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'New article' }).click();
    const t0 = await page.evaluate(() => performance.now());
    await page.getByLabel('Open file').setInputFiles(file);
    await page.waitForFunction((t) => document.querySelector('article h1')?.innerText === t, TITLE, { timeout: 600000 });
    const shown = await page.evaluate(() => performance.now());
    await page.locator('main[data-analysis="ready"]').waitFor({ timeout: 600000 });
    const ready = await page.evaluate(() => performance.now());
    const open = await untilIdle(page, t0);
    out.open = { shownMs: Math.round(shown - t0), analysisMs: Math.round(ready - t0), ...summary(open) };
    // each task over 200 ms: [ms from the file chosen to its start, its duration]
    out.open.over200 = open.filter((t) => t[1] > 200).map((t) => [Math.round(t[0] - t0), Math.round(t[1])]);

    // tag a claim: select with the mouse, Tag claim, Save; time from Save to the list item
    // content-visibility: auto sizes paragraphs as they come near: scroll until it holds still
    for (let i = 0; i < 4; i++) {
      await page.evaluate((t) => {
        const p = [...document.querySelectorAll('article p')].find((b) => b.textContent.includes(t));
        p.scrollIntoView({ block: 'center' });
      }, MARKER);
      await page.waitForTimeout(200);
    }
    const selected = await dragSelect(page, MARKER, MARKER);
    if (selected !== MARKER) throw new Error('selected ' + JSON.stringify(selected));
    await page.getByRole('button', { name: 'Tag claim' }).click();
    const form = page.getByRole('form', { name: 'Tag claim' });
    await form.waitFor();
    await page.evaluate(() => {
      window.__tag = {};
      const list = document.querySelector('ul.claim-list');
      document.addEventListener('click', (e) => {
        if (e.target.closest('form') && e.target.textContent === 'Save') window.__tag.click = performance.now();
      }, { capture: true, once: true });
      new MutationObserver((_, obs) => {
        if ([...list.querySelectorAll('li')].some((li) => li.textContent.includes('harbour master'))) {
          window.__tag.shown = performance.now();
          requestAnimationFrame(() => { window.__tag.painted = performance.now(); });
          obs.disconnect();
        }
      }).observe(list, { childList: true, subtree: true });
    });
    await form.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => window.__tag.painted, null, { timeout: 600000 });
    const tag = await page.evaluate(() => window.__tag);
    await page.waitForTimeout(5000);
    const after = await page.evaluate((t) => window.__long.filter((x) => x[0] + x[1] >= t), tag.click);
    out.tag = {
      toListMs: Math.round(tag.shown - tag.click),
      toPaintMs: Math.round(tag.painted - tag.click),
      claims: await claimItems(page).count(),
      next5s: summary(after),
    };
    await untilIdle(page, tag.click);

    // New article: ms from the click to its panel
    const n0 = await page.evaluate(() => {
      window.__newShown = 0;
      new MutationObserver((_, obs) => {
        if (document.querySelector('.new-article textarea, .new-article input[type=file]')) {
          window.__newShown = performance.now(); obs.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
      return performance.now();
    });
    await page.getByRole('button', { name: 'New article' }).click();
    await page.waitForFunction(() => window.__newShown > 0, null, { timeout: 600000 });
    out.newArticleMs = Math.round((await page.evaluate(() => window.__newShown)) - n0);
    out.errors = b.errors.length;
  } finally { await b.close(); }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await serve();
  try {
    for (const mb of SIZES) console.log(JSON.stringify(await measure(server.url, mb)));
  } finally { await server.close(); }
}
