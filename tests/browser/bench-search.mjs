// Search latency inside headless Chromium: the release build in dist/ (as the browser tests
// use it), on the seed corpus and on a large generated one. Run by hand, never by test.sh:
//
//   trunk build --release --public-url /parallax/
//   node tests/browser/bench-search.mjs [--docs 10000] [--seed 42] [--rounds 20]
//
// For each query the page is sent to `?q=…` through history (as Back/Forward would) and the app
// reports, on the results container, how long `search()` (plus `kwic()` in concordance mode)
// took (`data-search-ns`, performance.now() around the call) and the whole update including
// building the result DOM (`data-update-ns`). Chromium coarsens performance.now() to 0.1 ms,
// so on the seeds each search is repeated `window.__parallaxSearchRepeat` times and the mean
// per run is recorded. Prints p50/p95 per query and overall (milliseconds).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer } from './server.mjs';
import { ROOT, DIST, launchBrowser, timeSearchThroughHistory } from './helpers.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DOCS = Number(arg('docs', 10000));
const SEED = Number(arg('seed', 42));
const ROUNDS = Number(arg('rounds', 20));

const QUERIES = [
  ['ethnic', ''],
  ['the', ''],
  ['lachin corridor', ''],
  ['"ethnic cleansing"', ''],
  ['reintegr*', ''],
  ['aliyev OR pashinian', ''],
  ['humanitarian -russia', ''],
  ['Azerbajan', ''],
  ['', '&mode=docs&outlet=__FIRST_OUTLET__'],
  ['ethnic cleansing', '&mode=passages'],
  ['ethnic', '&mode=kwic'],
];

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function measure(browser, server, label, repeat) {
  const page = await browser.newPage();
  await page.goto(server.baseUrl + '?mode=docs');
  await page.waitForSelector('.search-layout[data-search-ns]', { timeout: 120000 });
  const firstOutlet = await page.$eval('section[data-facet=outlet] .facet-name', (e) => e.textContent).catch(() => '');
  await page.evaluate((n) => (window.__parallaxSearchRepeat = n), repeat);
  const rows = [];
  const all = [];
  for (const [q, extra] of QUERIES) {
    const query = `?q=${encodeURIComponent(q)}${extra.replace('__FIRST_OUTLET__', encodeURIComponent(firstOutlet))}`;
    const search = [];
    const update = [];
    for (let i = 0; i < ROUNDS; i++) {
      const [s, u] = await timeSearchThroughHistory(page, query);
      search.push(s);
      update.push(u);
      all.push(s);
    }
    const count = await page.$eval('.search-count', (e) => e.textContent);
    rows.push([`${q || '(empty)'}${extra.replace('__FIRST_OUTLET__', 'first outlet')}`, pct(search, 50), pct(search, 95), pct(update, 50), pct(update, 95), count]);
  }
  await page.close();
  console.log(`\n${label} (repeat ${repeat}, ${ROUNDS} rounds per query)`);
  console.log('| query | search p50 / p95 (ms) | update p50 / p95 (ms) | result |');
  console.log('|---|---:|---:|---|');
  const f = (x) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
  for (const [q, s50, s95, u50, u95, c] of rows) console.log(`| \`${q}\` | ${f(s50)} / ${f(s95)} | ${f(u50)} / ${f(u95)} | ${c} |`);
  console.log(`| all queries | ${f(pct(all, 50))} / ${f(pct(all, 95))} | | |`);
}

const browser = await launchBrowser();
const seeds = await startServer({ distDir: DIST });
try {
  await measure(browser, seeds, 'seeds (5 documents)', 200);
} finally {
  await seeds.close();
}
if (DOCS > 0) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-'));
  const cli = (...args) => {
    const r = spawnSync('cargo', ['run', '--quiet', '--release', '-p', 'parallax-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`parallax ${args.join(' ')}: ${r.stderr}`);
  };
  cli('gen-corpus', '--docs', String(DOCS), '--seed', String(SEED), '-o', path.join(dir, 'corpus'));
  cli('bundle', path.join(dir, 'corpus'), '-o', path.join(dir, 'corpus.bin'));
  const size = fs.statSync(path.join(dir, 'corpus.bin')).size;
  const big = await startServer({ distDir: DIST, overrides: { 'corpus.bin': path.join(dir, 'corpus.bin') } });
  try {
    await measure(browser, big, `synthetic (${DOCS} documents, seed ${SEED}, corpus.bin ${(size / 1e6).toFixed(1)} MB)`, 1);
  } finally {
    await big.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
await browser.close();
