// Figures in headless Chromium (not a test; no assertions on time):
//  - parse time of the sample and of a 1 MB article, as wasm, from the ?bench page;
//  - time from navigation start to the sample article shown and interactive, cold (fresh
//    profile) and warm (the same profile again: HTTP and service-worker caches).
// Usage: node tests/e2e/bench.mjs   (after trunk build --release)
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, serve, freshProfile } from './helpers.mjs';

// the five corpus articles, repeated to about 150 KB: compromise needs about a second for it
const corpusDir = path.join(ROOT, 'tests/fixtures/corpus');
const corpusOnce = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8')).join('\n\n');
const BENCH_TEXT = corpusOnce.repeat(Math.ceil(150000 / Buffer.byteLength(corpusOnce)));

const RUNS = Number(process.env.RUNS || 7);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

// marks the first moment the sample's headline is in the page and the app is mounted
const WATCH = () => {
  const t0 = performance.now();
  new MutationObserver((_, obs) => {
    if (document.querySelector('main[data-ready="true"] article h1')) {
      window.__shown = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  window.__t0 = t0;
};

const server = await serve();
try {
  // wasm parse speed
  const b = await freshProfile();
  await b.page.addInitScript((t) => { window.__benchText = t; }, BENCH_TEXT);
  await b.page.goto(server.url + '?bench');
  await b.page.waitForFunction(() => document.querySelector('#bench')?.textContent.startsWith('{'), null, { timeout: 300000 });
  const parse = JSON.parse(await b.page.locator('#bench').textContent());
  // compromise 14 in the same page, on the same text: people, organisations, places
  await b.page.addScriptTag({ path: path.join(ROOT, 'tests/e2e/node_modules/compromise/builds/compromise.js') });
  const comp = await b.page.evaluate(() => {
    const text = window.__benchText;
    const run = () => { const d = window.nlp(text); return d.people().out('array').length + d.organizations().out('array').length + d.places().out('array').length; };
    run();
    const times = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); run(); times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    return { ms_median: times[2], bytes: new TextEncoder().encode(text).length };
  });
  await b.close();

  // a 1 MB article: the longest main-thread task while it opens and is scanned
  const big = await freshProfile();
  await big.page.goto(server.url);
  await big.page.locator('main[data-analysis="ready"]').waitFor();
  await big.page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  const mb = 'A long article\n' + corpusOnce.repeat(Math.ceil(1e6 / Buffer.byteLength(corpusOnce)));
  await big.page.getByRole('button', { name: 'New article' }).click();
  await big.page.getByLabel('Open file').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(mb) });
  await big.page.waitForFunction(() => document.querySelector('main[data-analysis="ready"] article h1')?.innerText === 'A long article', null, { timeout: 120000 });
  await big.page.waitForTimeout(500);
  const longTasks = await big.page.evaluate(() => window.__long);
  const mbReadyMs = Number(await big.page.locator('main').getAttribute('data-analysis-ms'));
  await big.close();

  const cold = [], warm = [], ready = [], readyWarm = [], readySwitch = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await freshProfile();
    await p.page.addInitScript(WATCH);
    await p.page.goto(server.url);
    await p.page.waitForFunction(() => window.__shown);
    cold.push(await p.page.evaluate(() => window.__shown));
    await p.page.waitForSelector('main[data-analysis="ready"]');
    ready.push(Number(await p.page.locator('main').getAttribute('data-analysis-ms')));
    await p.page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
    await p.page.goto('about:blank');
    await p.page.goto(server.url);
    await p.page.waitForFunction(() => window.__shown);
    warm.push(await p.page.evaluate(() => window.__shown));
    await p.page.waitForSelector('main[data-analysis="ready"]');
    readyWarm.push(Number(await p.page.locator('main').getAttribute('data-analysis-ms')));
    // opening the sample from the library in the running app
    await p.page.getByRole('button', { name: 'New article' }).click();
    await p.page.getByLabel('Article text').fill('Another story\nThe mayor said the bridge will reopen in May.');
    await p.page.getByRole('button', { name: 'Add article' }).click();
    await p.page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Another story');
    await p.page.getByRole('button', { name: /^Another story/ }).click();
    await p.page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Another story');
    await p.page.getByRole('button', { name: /^Uncertain Path/ }).click();
    await p.page.waitForFunction(() => document.querySelector('main[data-analysis="ready"] article h1')?.innerText.startsWith('Uncertain'));
    readySwitch.push(Number(await p.page.locator('main').getAttribute('data-analysis-ms')));
    await p.close();
  }
  const r = (x) => Math.round(x * 10) / 10;
  console.log(JSON.stringify({
    chromium_wasm_parse: {
      sample_bytes: parse.sample_bytes, sample_us_median: r(parse.sample_parse_ms_median * 1000), sample_mb_per_s: r(parse.sample_bytes / 1e6 / (parse.sample_parse_ms_median / 1e3)),
      mb_bytes: parse.big_bytes, mb_ms_median: r(parse.big_parse_ms_median), mb_per_s: r(parse.big_mb_per_s),
    },
    suggestions_chromium: {
      text_bytes: parse.extract_bytes,
      gloss_wasm_ms_median: r(parse.extract_ms_median), gloss_wasm_mb_per_s: r(parse.extract_mb_per_s),
      compromise_ms_median: r(comp.ms_median), compromise_mb_per_s: r(comp.bytes / 1e6 / (comp.ms_median / 1e3)),
      ratio_compromise_over_gloss: r(comp.ms_median / parse.extract_ms_median),
      sample_pipeline_us_median: r(parse.sample_suggest_ms_median * 1000),
      sample_suggestions_ready_after_open_ms_cold_median: r(median(ready)), ready_cold_all: ready.map(r),
      sample_suggestions_ready_after_open_ms_warm_median: r(median(readyWarm)), ready_warm_all: readyWarm.map(r),
      sample_suggestions_ready_after_opening_from_library_ms_median: r(median(readySwitch)), ready_switch_all: readySwitch.map(r),
    },
    one_mb_article: {
      bytes: Buffer.byteLength(mb), suggestions_ready_ms: r(mbReadyMs),
      long_tasks_over_50ms: longTasks.length, longest_task_ms: r(Math.max(0, ...longTasks)), long_tasks_ms: longTasks.map(r),
    },
    navigation_to_sample_shown_ms: {
      runs: RUNS, cold_median: r(median(cold)), cold_all: cold.map(r), warm_median: r(median(warm)), warm_all: warm.map(r),
    },
  }, null, 2));
} finally {
  await server.close();
}
