// A figure in headless Chromium (not a test; no assertions on time): from navigation to the
// sample article shown and interactive, with a cold cache (a fresh profile each run) over
// Chrome DevTools' "Slow 4G" network profile set through CDP (562.5 ms latency, 1.44 Mbit/s
// down, 675 kbit/s up), from a server that gzips what it sends, as a static host does.
// Also: the bytes the page took over the network (encoded) and the time until the sample's
// suggestions are ready.
// Usage: node tests/e2e/slow4g.mjs   (after trunk build --release; RUNS=3 by default)
import { serve, freshProfile } from './helpers.mjs';

const RUNS = Number(process.env.RUNS || 3);
// Chrome DevTools' preset (front_end/core/sdk/NetworkManager.ts, "Slow 4G")
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9,
  uploadThroughput: (750 * 1000 / 8) * 0.9,
};
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const r = (x) => Math.round(x);

// the first moment the sample's headline is in the mounted app
const WATCH = () => {
  new MutationObserver((_, obs) => {
    if (document.querySelector('main[data-ready="true"] article h1')) {
      window.__shown = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
};

const server = await serve(undefined, { gzip: true });
try {
  const shown = [], ready = [], bytes = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await freshProfile();
    const cdp = await p.context.newCDPSession(p.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    let encoded = 0;
    cdp.on('Network.loadingFinished', (e) => { encoded += e.encodedDataLength; });
    await p.page.addInitScript(WATCH);
    await p.page.goto(server.url, { timeout: 120000 });
    await p.page.waitForFunction(() => window.__shown, null, { timeout: 120000 });
    shown.push(await p.page.evaluate(() => window.__shown));
    await p.page.waitForSelector('main[data-analysis="ready"]', { timeout: 120000 });
    ready.push(await p.page.evaluate(() => performance.now()));
    // what the page itself loads (the service worker's own precache comes after)
    bytes.push(encoded);
    await p.close();
  }
  console.log(JSON.stringify({
    slow_4g_cold: {
      runs: RUNS,
      profile: 'Chrome DevTools Slow 4G: 562.5 ms latency, 180 kB/s down, 84.4 kB/s up',
      navigation_to_sample_interactive_ms_median: r(median(shown)), all: shown.map(r),
      suggestions_ready_ms_median: r(median(ready)),
      bytes_over_network_median: r(median(bytes)),
    },
  }, null, 2));
} finally {
  await server.close();
}
