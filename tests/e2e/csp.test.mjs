// The Content Security Policy as a user's browser applies it: the built page carries a
// policy with no inline script but Trunk's own start-up script (by hash) and no eval; the
// app does everything a person does under it without one violation; and script that an
// attacker got into the page would not run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, freshProfile, openApp, dragSelect, exportJson, DIST, claimItems } from './helpers.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

/** The policy in dist/index.html, as directive → sources. */
function builtPolicy() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(m, 'index.html carries a Content-Security-Policy meta');
  assert.ok(html.indexOf(m[0]) < html.indexOf('<script'), 'the policy comes before any script');
  return Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

/** Records every policy violation the page reports. */
async function watchViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('the built page has a strict policy: scripts by hash, no inline script, no eval', () => {
  const p = builtPolicy();
  assert.deepEqual(p['default-src'], ["'self'"]);
  const scripts = p['script-src'];
  assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), scripts.join(' '));
  assert.ok(scripts.some((s) => s.startsWith("'sha256-")), 'the start-up script is allowed by its hash');
  assert.deepEqual(p['object-src'], ["'none'"]);
  assert.deepEqual(p['base-uri'], ["'none'"]);
  assert.deepEqual(p['frame-src'], ["'none'"]);
});

test('a person works through the app under the policy without one violation', async () => {
  const b = await freshProfile();
  const { page, context } = b;
  try {
    await watchViolations(context);
    await openApp(page, server.url);
    // tag a claim
    const words = 'relinquishing territory is not an option';
    assert.equal(await dragSelect(page, words, words), words);
    await page.getByRole('button', { name: 'Tag claim' }).click();
    const form = page.getByRole('form', { name: 'Tag claim' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    assert.equal(await claimItems(page).count(), 1);
    // the graph, drawn and exported as SVG and PNG (an image made from the SVG)
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.locator('.graph-pane[data-nodes]:not([data-nodes="0"])').waitFor();
    for (const name of ['SVG', 'PNG']) {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('toolbar', { name: 'Export graph' }).getByRole('button', { name, exact: true }).click(),
      ]);
      assert.ok(fs.statSync(await d.path()).size > 100, `${name} exported`);
    }
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    // export the article, paste a web page, reload (the service worker registers)
    const file = await exportJson(page);
    assert.match(file.text, /gloss\.article/);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Article text').evaluate((el) => {
      const dt = new DataTransfer();
      dt.setData('text/html', '<h1>Pasted story</h1><p>The mayor said the bridge will open in May.</p><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">');
      dt.setData('text/plain', 'Pasted story The mayor said the bridge will open in May.');
      el.focus();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('article h1')?.innerText === 'Pasted story');
    await page.reload();
    await page.locator('main[data-ready="true"]').waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

// (eval is not tried here: code run by the test driver is exempt from the policy; the
// policy's lack of 'unsafe-eval' is checked above.)
test('script slipped into the page does not run: inline elements, handlers, javascript: links', async () => {
  const b = await freshProfile();
  const { page, context } = b;
  try {
    await watchViolations(context);
    await openApp(page, server.url);
    const ran = await page.evaluate(async () => {
      const out = {};
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
      const host = document.createElement('div');
      host.innerHTML = '<img src="data:," onerror="window.__handler = 1"><a id="js" href="javascript:window.__url = 1">x</a>';
      document.body.append(host);
      host.querySelector('#js').click();
      await new Promise((r) => setTimeout(r, 300));
      out.inline = window.__inline; out.handler = window.__handler; out.url = window.__url;
      return out;
    });
    assert.deepEqual(ran, { inline: undefined, handler: undefined, url: undefined });
    const v = await page.evaluate(() => window.__violations);
    assert.ok(v.some((x) => x.startsWith('script-src')), `violations reported: ${v}`);
  } finally { await b.close(); }
});
