// Figures in headless Chromium (not a test; no assertions on time):
//  - parse time of the sample and of a 1 MB article, as wasm, from the ?bench page;
//  - time from navigation start to the sample article shown and interactive, cold (fresh
//    profile) and warm (the same profile again: HTTP and service-worker caches).
// Usage: node tests/e2e/bench.mjs   (after trunk build --release)
import { serve, freshProfile } from './helpers.mjs';

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
  await b.page.goto(server.url + '?bench');
  await b.page.waitForFunction(() => document.querySelector('#bench')?.textContent.startsWith('{'), null, { timeout: 120000 });
  const parse = JSON.parse(await b.page.locator('#bench').textContent());
  await b.close();

  const cold = [], warm = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await freshProfile();
    await p.page.addInitScript(WATCH);
    await p.page.goto(server.url);
    await p.page.waitForFunction(() => window.__shown);
    cold.push(await p.page.evaluate(() => window.__shown));
    await p.page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
    await p.page.goto('about:blank');
    await p.page.goto(server.url);
    await p.page.waitForFunction(() => window.__shown);
    warm.push(await p.page.evaluate(() => window.__shown));
    await p.close();
  }
  const r = (x) => Math.round(x * 10) / 10;
  console.log(JSON.stringify({
    chromium_wasm_parse: {
      sample_bytes: parse.sample_bytes, sample_us_median: r(parse.sample_parse_ms_median * 1000), sample_mb_per_s: r(parse.sample_bytes / 1e6 / (parse.sample_parse_ms_median / 1e3)),
      mb_bytes: parse.big_bytes, mb_ms_median: r(parse.big_parse_ms_median), mb_per_s: r(parse.big_mb_per_s),
    },
    navigation_to_sample_shown_ms: {
      runs: RUNS, cold_median: r(median(cold)), cold_all: cold.map(r), warm_median: r(median(warm)), warm_all: warm.map(r),
    },
  }, null, 2));
} finally {
  await server.close();
}
