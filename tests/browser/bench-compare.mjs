// Time of the full source comparison inside headless Chromium, run by hand (not part of
// scripts/test.sh):
//
//   trunk build --release --public-url /parallax/
//   node tests/browser/bench-compare.mjs [--docs 200] [--seed 42] [--runs 5]
//
// First on the seed corpus (all five articles), then on `--docs` generated articles
// (`parallax gen-corpus`, bundled with `parallax bundle` and served in place of corpus.bin).
// The page calls the wasm export `parallax_bench_compare(docs, times)`, which runs the same
// `compare_with` the comparison page runs (entity mentions supplied, as the page does) and
// times it with performance.now inside the page. Prints each run and the median (ms).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer } from './server.mjs';
import { ROOT, DIST, launchBrowser } from './helpers.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DOCS = Number(arg('docs', 200));
const SEED = Number(arg('seed', 42));
const RUNS = Number(arg('runs', 5));

function parallax(...args) {
  const r = spawnSync('cargo', ['run', '--quiet', '--release', '-p', 'parallax-cli', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`parallax ${args.join(' ')} failed: ${r.stderr}`);
}

async function measure(browser, server, label, docs, times) {
  const page = await browser.newPage();
  await page.goto(server.baseUrl + '?compare=');
  await page.waitForSelector('details.compare-chooser', { timeout: 300000 });
  const runs = [];
  let info = [];
  for (let i = 0; i < RUNS; i++) {
    info = await page.evaluate(([d, t]) => window.wasmBindings.parallax_bench_compare(d, t), [docs, times]);
    runs.push(info[0]);
    console.log(`${label} run ${i + 1}: ${info[1]} documents, ${info[2]} aligned passages, ${info[0].toFixed(1)} ms`);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label}: median ${runs[Math.floor(runs.length / 2)].toFixed(1)} ms over ${RUNS} runs`);
  await page.close();
}

const browser = await launchBrowser();
let server = await startServer({ distDir: DIST });
try {
  // The seeds take a few milliseconds: average 20 comparisons per run, above the timer's grain.
  await measure(browser, server, 'seeds', 5, 20);
  await server.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-compare-'));
  parallax('gen-corpus', '--docs', String(DOCS), '--seed', String(SEED), '-o', path.join(dir, 'corpus'));
  parallax('bundle', path.join(dir, 'corpus'), '-o', path.join(dir, 'corpus.bin'));
  server = await startServer({ distDir: DIST, overrides: { 'corpus.bin': path.join(dir, 'corpus.bin') } });
  await measure(browser, server, `${DOCS} generated`, DOCS, 1);
  console.log(await browser.version());
} finally {
  await browser.close();
  await server.close();
}
