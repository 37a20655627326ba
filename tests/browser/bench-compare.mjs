// Time of the full source comparison inside headless Chromium, run by hand (not part of
// scripts/test.sh):
//
//   trunk build --release --public-url /parallax/
//   node tests/browser/bench-compare.mjs [--docs 200] [--seed 42] [--runs 5]
//
// First on the seed corpus (all five articles), then on `--docs` generated articles
// (`parallax gen-corpus`, bundled with `parallax bundle` and served in place of corpus.bin).
// The page starts the app's comparison worker (compare_worker_loader.js, as the comparison page
// does) and sends it the documents to compare. Each answer carries the time `compare_with` took
// inside the worker (performance.now); the round trip adds sending the request, encoding the
// result with postcard and copying it back. The first request of each corpus also fetches and
// decodes the bundle (kept for later requests): it is reported apart. Prints each run and the
// medians (ms).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer } from './server.mjs';
import { ROOT, DIST, CORPUS, launchBrowser } from './helpers.mjs';

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

const stems = (dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(browser, server, label, ids) {
  const page = await browser.newPage();
  await page.goto(server.baseUrl);
  const runs = await page.evaluate(
    async ([ids, n]) => {
      const w = new Worker('compare_worker_loader.js');
      await new Promise((ok) => (w.onmessage = (e) => e.data === 'ready' && ok()));
      const out = [];
      for (let i = 0; i <= n; i++) {
        const t0 = performance.now();
        const reply = await new Promise((ok) => {
          w.onmessage = (e) => ok(e.data);
          w.postMessage([i, ...ids]);
        });
        if (typeof reply[1] !== 'number') throw new Error(String(reply[1]));
        out.push({ compare: reply[1], roundTrip: performance.now() - t0, bytes: reply[2].length });
      }
      w.terminate();
      return out;
    },
    [ids, RUNS],
  );
  const [first, ...rest] = runs;
  console.log(`${label}: first request (bundle fetch and decode included) ${first.roundTrip.toFixed(1)} ms`);
  rest.forEach((r, i) =>
    console.log(`${label} run ${i + 1}: compare ${r.compare.toFixed(1)} ms, round trip ${r.roundTrip.toFixed(1)} ms, ${r.bytes} bytes`),
  );
  console.log(
    `${label}: median compare ${median(rest.map((r) => r.compare)).toFixed(1)} ms, round trip ${median(rest.map((r) => r.roundTrip)).toFixed(1)} ms over ${RUNS} runs`,
  );
  await page.close();
}

const browser = await launchBrowser();
let server = await startServer({ distDir: DIST });
try {
  await measure(browser, server, 'seeds', stems(CORPUS));
  await server.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-compare-'));
  parallax('gen-corpus', '--docs', String(DOCS), '--seed', String(SEED), '-o', path.join(dir, 'corpus'));
  parallax('bundle', path.join(dir, 'corpus'), '-o', path.join(dir, 'corpus.bin'));
  server = await startServer({ distDir: DIST, overrides: { 'corpus.bin': path.join(dir, 'corpus.bin') } });
  await measure(browser, server, `${DOCS} generated`, stems(path.join(dir, 'corpus')));
  console.log(await browser.version());
} finally {
  await browser.close();
  await server.close();
}
