// Versioned offline cache: a new build replaces the cached one. Serves a copy of dist/,
// visits once, then swaps in a "new build" (a new service-worker build id and a marker in
// the page) and checks that the old cache is deleted and the new build is what loads offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, serve, freshProfile, openApp } from './helpers.mjs';

test('a new build replaces the cached one', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-dist-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir);
  const b = await freshProfile();
  const { page, context } = b;
  try {
    await openApp(page, server.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1);
    assert.match(before[0], /^gloss-[0-9a-f]{16}$/);

    // the "new build": another build id in sw.js, a marker in index.html
    const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
    const oldId = before[0].slice('gloss-'.length);
    assert.ok(sw.includes(oldId), 'the worker carries its build id');
    fs.writeFileSync(path.join(dir, 'sw.js'), sw.replaceAll(oldId, 'feedfacefeedface'));
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    fs.writeFileSync(path.join(dir, 'index.html'), html.replace('<head>', '<head><meta name="gloss-build" content="new">'));

    await page.reload();
    await page.locator('main[data-ready="true"]').waitFor();
    await page.waitForFunction(async () => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0] === 'gloss-feedfacefeedface';
    }, null, { timeout: 20000, polling: 200 });

    await context.setOffline(true);
    await page.reload();
    await page.locator('main[data-ready="true"] article h1').waitFor();
    assert.equal(await page.locator('meta[name="gloss-build"]').getAttribute('content'), 'new');
  } finally {
    await context.setOffline(false).catch(() => {});
    await b.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
