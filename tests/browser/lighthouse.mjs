// Lighthouse (mobile defaults) on the release build in dist/, served gzipped under /parallax/ as
// GitHub Pages serves it. Run by hand, never by test.sh (it takes a minute and its scores move
// with the machine's load):
//
//   trunk build --release --public-url /parallax/
//   node tests/browser/lighthouse.mjs [--runs 3] [--url '?page=library']
//
// Runs `npx lighthouse@12.2.3` (CHROME_PATH defaults to /usr/bin/chromium) `--runs` times and
// prints each run and the median: performance score, FCP, LCP, CLS, TBT, Speed Index and the
// bytes transferred. Lighthouse 12.2.3's element audits fail on this Chromium (156: "RootCauses
// ... frame_sequence"), so the script then loads the page itself at the same size (412×823,
// 4× CPU slowdown) and prints Chromium's layout-shift entries (which nodes moved, from where to
// where) and the largest-contentful-paint candidates. The JSON reports go to
// test-output/lighthouse/.

import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startServer } from './server.mjs';
import { ROOT, DIST, OUT_DIR, launchBrowser, arg } from './helpers.mjs';

const RUNS = Number(arg('runs', 3));
const QUERY = arg('url', '');
const OUT = path.join(OUT_DIR, 'lighthouse');
fs.mkdirSync(OUT, { recursive: true });

/** Runs a command with this process's stdout/stderr, resolving to its exit code. */
function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { CHROME_PATH: '/usr/bin/chromium', ...process.env },
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

/**
 * Loads `url` in a fresh phone-sized page with the CPU slowed 4× (Lighthouse's mobile
 * throttling) and returns the layout shifts and LCP candidates Chromium reported in its first
 * 5 seconds, each node described by tag, id and class.
 */
async function observe(url) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const describe = (n) =>
        !n ? '(gone)' : n.nodeType !== 1 ? `#text in ${describe(n.parentElement)}` : `${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className ? '.' + String(n.className).trim().split(/\s+/).join('.') : ''}`;
      const rect = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      window.__shifts = [];
      window.__lcp = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__shifts.push({
            t: Math.round(e.startTime),
            value: e.value,
            input: e.hadRecentInput,
            sources: e.sources.map((s) => `${describe(s.node)}: ${rect(s.previousRect)} -> ${rect(s.currentRect)}`),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__lcp.push({ t: Math.round(e.startTime), size: e.size, node: describe(e.element) });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(url);
    await page.waitForTimeout(5000);
    return await page.evaluate(() => ({ shifts: window.__shifts, lcp: window.__lcp }));
  } finally {
    await browser.close();
  }
}

const server = await startServer({ distDir: DIST, gzip: true });
const url = server.baseUrl + QUERY;
const runs = [];
let shifts;
try {
  for (let i = 0; i < RUNS; i++) {
    const file = path.join(OUT, `run-${i + 1}.json`);
    // Asynchronously: the server answering Lighthouse's requests runs in this process.
    const code = await run(
      'npx',
      [
        '-y',
        'lighthouse@12.2.3',
        url,
        '--only-categories=performance',
        '--output=json',
        `--output-path=${file}`,
        '--quiet',
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
      ],
    );
    if (code !== 0) throw new Error(`lighthouse exited with ${code}`);
    runs.push(JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  shifts = await observe(url);
} finally {
  await server.close();
}

const metric = (lhr, id) => lhr.audits[id]?.numericValue ?? NaN;
const rows = runs.map((lhr) => ({
  lhr,
  score: lhr.categories.performance.score,
  fcp: metric(lhr, 'first-contentful-paint'),
  lcp: metric(lhr, 'largest-contentful-paint'),
  cls: metric(lhr, 'cumulative-layout-shift'),
  tbt: metric(lhr, 'total-blocking-time'),
  si: metric(lhr, 'speed-index'),
  bytes: metric(lhr, 'total-byte-weight'),
}));
const show = (r, label) =>
  console.log(
    `| ${label} | ${r.score.toFixed(2)} | ${(r.fcp / 1000).toFixed(2)} s | ${(r.lcp / 1000).toFixed(2)} s | ` +
      `${r.cls.toFixed(3)} | ${Math.round(r.tbt)} ms | ${(r.si / 1000).toFixed(2)} s | ${Math.round(r.bytes).toLocaleString('en')} |`,
  );
console.log(`Lighthouse 12.2.3, mobile defaults, ${url} (gzip)`);
console.log('| run | performance | FCP | LCP | CLS | TBT | Speed Index | bytes |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
rows.forEach((r, i) => show(r, String(i + 1)));
const median = [...rows].sort((a, b) => a.score - b.score)[Math.floor(rows.length / 2)];
show(median, 'median');

console.log(`\nIn Chromium at 412×823, CPU 4× slower (${shifts.shifts.length} layout shifts):`);
for (const s of shifts.shifts) {
  console.log(`shift ${s.value.toFixed(4)} at ${s.t} ms${s.input ? ' (after input)' : ''}`);
  for (const src of s.sources) console.log(`  ${src}`);
}
for (const c of shifts.lcp) console.log(`LCP candidate at ${c.t} ms, ${c.size} px²: ${c.node}`);
