// Figures for a large batch folder in headless Chromium (not a test; no assertions on
// time): N article files made by the Python package (`to_article_file`, as the batch makes
// them) from synthetic stories written here, imported with *Import folder*:
//  - ms from the folder chosen until the preview shows (every file read and parsed);
//  - ms from *Import folder* until every article is stored (IndexedDB), and the MB stored;
//  - ms to open the last article with its suggestions ready.
// Usage: node tests/e2e/big-folder.mjs [N ...]   (default: 100 1000; after trunk build
// --release and scripts/test.sh, which installs the Python package in target/venv)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, serve, freshProfile, openApp, storedArticles, idbDump } from './helpers.mjs';
import { longArticle } from './big.mjs';

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const COUNTS = counts.length ? counts : [100, 1000];
const PYTHON = process.env.GLOSS_PYTHON || path.join(ROOT, 'target/venv/bin/python');

/** A folder of `n` article files, each a different story of about 5 KB. */
function folderOf(n) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bigfolder-'));
  const inputs = path.join(work, 'inputs');
  fs.mkdirSync(inputs);
  const text = longArticle(n * 0.005);
  const paras = text.split('\n\n').slice(1);
  const per = Math.max(1, Math.floor(paras.length / n));
  for (let i = 0; i < n; i++) {
    const body = paras.slice(i * per, (i + 1) * per).join('\n\n') || paras[i % paras.length];
    fs.writeFileSync(path.join(inputs, `story-${String(i).padStart(5, '0')}.txt`), `Story number ${i}\n\n${body}\n`);
  }
  const folder = path.join(work, 'batch');
  fs.mkdirSync(folder);
  execFileSync(PYTHON, ['-c', `
import sys, pathlib, gloss
out = pathlib.Path(sys.argv[2])
for p in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    (out / (p.stem + ".gloss.json")).write_text(gloss.to_article_file(p.read_bytes(), file=p.name), encoding="utf-8")
`, inputs, folder]);
  const bytes = fs.readdirSync(folder).reduce((t, f) => t + fs.statSync(path.join(folder, f)).size, 0);
  return { folder, bytes, work };
}

const server = await serve();
try {
  for (const n of COUNTS) {
    const { folder, bytes, work } = folderOf(n);
    const b = await freshProfile();
    const { page } = b;
    try {
      await openApp(page, server.url);
      let t = Date.now();
      await page.getByLabel('Import folder').setInputFiles(folder);
      const dialog = page.getByRole('dialog', { name: /Import the folder/ });
      await dialog.waitFor({ timeout: 600000 });
      const preview = Date.now() - t;
      t = Date.now();
      await dialog.getByRole('button', { name: 'Import folder' }).click();
      await storedArticles(page, n + 1, 600000);
      const stored = Date.now() - t;
      const mb = (await idbDump(page)).length / 1e6;
      t = Date.now();
      const items = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
      await items.last().getByRole('button').first().click();
      await page.locator('main[data-analysis="ready"]').waitFor();
      await page.locator('ul[aria-label="Suggested claims"] li').first().waitFor();
      const open = Date.now() - t;
      console.log(`${n} article files (${(bytes / 1e6).toFixed(1)} MB): preview ${preview} ms, ` +
        `imported and stored ${stored} ms (${mb.toFixed(1)} MB in IndexedDB), last one opened with its suggestions ${open} ms` +
        (b.errors.length ? `; page errors: ${b.errors.join(' | ')}` : ''));
    } finally {
      await b.close();
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
