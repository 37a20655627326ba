// Time of the full source comparison inside headless Chromium, run by hand (not part of
// scripts/test.sh):
//
//   trunk build --release --public-url /parallax/
//   node tests/browser/bench-compare.mjs [--docs 200] [--seed 42] [--runs 5] [--pick N] [--shards]
//
// First on the seed corpus (all five articles), then on `--docs` generated articles
// (`parallax gen-corpus`, bundled with `parallax bundle` and served in place of corpus.bin);
// with `--shards`, also the same articles served sharded (`parallax bundle --shards`).
// `--pick N` compares N articles spread over the generated corpus (first, last, and between)
// instead of all of them: what the comparison page (at most six) and the reader (one) ask for.
// The page starts the app's comparison worker (compare_worker_loader.js, as the comparison page
// does) and sends it the documents to compare with the corpus's key (see crates/worker/src/
// main.rs). Each answer carries the time `compare_with` took inside the worker
// (performance.now); the round trip adds sending the request, encoding the result with postcard
// and copying it back. The first request of each corpus also fetches and reads the corpus (a
// bundle's documents; of a sharded corpus the manifest and the chosen articles' chunks), kept for
// later requests: it is reported apart, as the time to the first comparison. Prints each run and
// the medians (ms).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer } from './server.mjs';
import { ROOT, DIST, CORPUS, filesUnder, launchBrowser, arg } from './helpers.mjs';

const DOCS = Number(arg('docs', 200));
const SEED = Number(arg('seed', 42));
const RUNS = Number(arg('runs', 5));
const PICK = Number(arg('pick', 0));
const SHARDS = process.argv.includes('--shards');

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

/** What the page names a corpus by: a bundle's fingerprint (the checksum in its header, after
 * the magic and the one-byte version and the payload's length), or the FNV-1a of a sharded
 * corpus's whole manifest. */
function corpusKey(file) {
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 4).toString('latin1') === 'PLXB') return bytes.readBigUInt64LE(13).toString();
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString();
}

/** `n` ids spread over `ids` (all of them when n is 0). */
const spread = (ids, n) =>
  n > 0 && n < ids.length ? Array.from({ length: n }, (_, i) => ids[Math.round((i * (ids.length - 1)) / Math.max(1, n - 1))]) : ids;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(browser, server, label, key, ids) {
  const page = await browser.newPage();
  await page.goto(server.baseUrl);
  const runs = await page.evaluate(
    async ([key, ids, n]) => {
      const w = new Worker('compare_worker_loader.js');
      await new Promise((ok) => (w.onmessage = (e) => e.data === 'ready' && ok()));
      const out = [];
      for (let i = 0; i <= n; i++) {
        const t0 = performance.now();
        const reply = await new Promise((ok) => {
          w.onmessage = (e) => ok(e.data);
          w.postMessage([i, key, ...ids]);
        });
        if (typeof reply[1] !== 'number') throw new Error(String(reply[1]));
        out.push({ compare: reply[1], roundTrip: performance.now() - t0, bytes: reply[2].length });
      }
      w.terminate();
      return out;
    },
    [key, ids, RUNS],
  );
  const [first, ...rest] = runs;
  console.log(`${label}: first comparison (reading the corpus included) ${first.roundTrip.toFixed(1)} ms`);
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
  await measure(browser, server, 'seeds', corpusKey(path.join(DIST, 'corpus.bin')), stems(CORPUS));
  await server.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-compare-'));
  const corpus = path.join(dir, 'corpus');
  parallax('gen-corpus', '--docs', String(DOCS), '--seed', String(SEED), '-o', corpus);
  parallax('bundle', corpus, '-o', path.join(dir, 'corpus.bin'));
  const ids = spread(stems(corpus), PICK);
  server = await startServer({ distDir: DIST, overrides: { 'corpus.bin': path.join(dir, 'corpus.bin') } });
  await measure(browser, server, `${DOCS} generated, ${ids.length} compared`, corpusKey(path.join(dir, 'corpus.bin')), ids);
  await server.close();
  if (SHARDS) {
    const sharded = path.join(dir, 'sharded');
    parallax('bundle', corpus, '--shards', sharded);
    server = await startServer({ distDir: DIST, overrides: filesUnder(sharded) });
    await measure(browser, server, `${DOCS} generated sharded, ${ids.length} compared`, corpusKey(path.join(sharded, 'corpus.bin')), ids);
  }
  console.log(await browser.version());
} finally {
  await browser.close();
  await server.close();
}
