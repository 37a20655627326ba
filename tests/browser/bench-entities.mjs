// Entity recognition throughput in Chromium, run by hand (not part of scripts/test.sh):
//   trunk build --release --public-url /parallax/ && node tests/browser/bench-entities.mjs
// Loads the release build, then calls the wasm export `parallax_bench_entities(times)`, which runs
// the same `recognize` the app runs at load over every document of the bundle `times` times
// (the seed corpus repeated to at least 1 MB), timed with performance.now inside the page.
// Prints one line per run and the median in MB/s (1 MB = 10^6 bytes).

import { startServer } from './server.mjs';
import { DIST, launchBrowser, waitForLibrary } from './helpers.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const MIN_BYTES = 1_000_000;

const server = await startServer({ distDir: DIST });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(server.baseUrl);
  await waitForLibrary(page, 5);
  // One pass to learn the corpus size (and warm up), then enough passes for >= 1 MB.
  const [, oneBytes] = await page.evaluate(() => window.wasmBindings.parallax_bench_entities(1));
  const times = Math.ceil(MIN_BYTES / oneBytes);
  const rates = [];
  for (let i = 0; i < RUNS; i++) {
    const [ms, bytes, mentions] = await page.evaluate((n) => window.wasmBindings.parallax_bench_entities(n), times);
    const rate = bytes / 1e6 / (ms / 1000);
    rates.push(rate);
    console.log(`run ${i + 1}: ${bytes} bytes (${times} x ${oneBytes}), ${mentions} mentions, ${ms.toFixed(1)} ms, ${rate.toFixed(2)} MB/s`);
  }
  rates.sort((a, b) => a - b);
  console.log(`median: ${rates[Math.floor(rates.length / 2)].toFixed(2)} MB/s over ${RUNS} runs; ${await browser.version()}`);
} finally {
  await browser.close();
  await server.close();
}
