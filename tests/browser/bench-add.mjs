// Adding generated articles in the page, inside headless Chromium: the release build in dist/
// (as the browser tests use it). Run by hand, never by test.sh:
//
//   trunk build --release --public-url /parallax/
//   node tests/browser/bench-add.mjs [--docs 300] [--seed 7]
//
// `parallax gen-corpus` writes `--docs` articles with their sidecars; all of them are given to
// the "Choose files" input at once, and the time is measured until the library lists them
// (read, parsed, entities recognised and indexed in the ingest worker, kept in IndexedDB, the
// corpus decoded by the page). Peak memory is the largest sum of the resident sets of
// Chromium's processes (page, workers, browser) sampled every 100 ms, against the same sum
// before adding. Then search latency on the grown corpus, as bench-search.mjs measures it
// (`data-search-ns`: the core's search() in the page).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { DIST, launchBrowser, parallax, arg } from './helpers.mjs';

const DOCS = Number(arg('docs', 300));
const SEED = Number(arg('seed', 7));
const SEEDS = 5;

/** Resident set of the descendants of process `pid` (Chromium's processes, which Playwright
 * starts as children of this one), in bytes (Linux /proc). */
function treeRss(pid) {
  const children = new Map();
  for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch {}
  }
  let total = 0;
  const stack = [...(children.get(pid) ?? [])];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = fs.readFileSync(`/proc/${p}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      if (m) total += Number(m[1]) * 1024;
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-add-'));
parallax(['gen-corpus', '--docs', String(DOCS), '--seed', String(SEED), '-o', dir]);
const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
const server = await startServer({ distDir: DIST });
const browser = await launchBrowser();
const pid = process.pid;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(30 * 60 * 1000);
  await page.goto(server.baseUrl + '?page=library');
  await page.waitForFunction((n) => document.querySelectorAll('ol.doc-list li.doc-item').length === n, SEEDS);
  const before = pid ? treeRss(pid) : 0;
  let peak = before;
  const sampler = setInterval(() => {
    if (pid) peak = Math.max(peak, treeRss(pid));
  }, 100);
  const t0 = performance.now();
  await page.locator('section.add-articles input[type=file][multiple]').setInputFiles(files);
  await page.waitForFunction((n) => document.querySelectorAll('ol.doc-list li.doc-item').length === n, SEEDS + DOCS, { polling: 200 });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const mb = (b) => (b / 2 ** 20).toFixed(0);
  console.log(`| ${DOCS} articles (${files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB) | ${(ms / 1000).toFixed(1)} s | ${mb(peak)} MiB (${mb(before)} MiB before) |`);

  const queries = ['ethnic', 'lachin corridor', '"ethnic cleansing"', 'aliyev OR pashinian'];
  for (const q of queries) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      for (const qs of ['?mode=docs&q=zzzznothing', `?q=${encodeURIComponent(q)}`]) {
        await page.evaluate((u) => {
          document.querySelector('.search-layout')?.removeAttribute('data-search-ns');
          history.pushState(null, '', u);
          dispatchEvent(new PopStateEvent('popstate'));
        }, qs);
        await page.waitForSelector('.search-layout[data-search-ns]');
      }
      times.push(await page.$eval('.search-layout', (e) => Number(e.dataset.searchNs) / 1e6));
    }
    times.sort((a, b) => a - b);
    console.log(`| search \`${q}\` on ${SEEDS + DOCS} articles | median ${times[2].toFixed(1)} ms (5 runs) |`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
