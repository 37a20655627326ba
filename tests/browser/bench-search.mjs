// Search latency inside headless Chromium: the release build in dist/ (as the browser tests
// use it), on the seed corpus and on a large generated one. Run by hand, never by test.sh:
//
//   trunk build --release --public-url /parallax/
//   node tests/browser/bench-search.mjs [--docs 10000] [--seed 42] [--rounds 20] [--compare DIR]
//                                       [--from previous] [--css RULES]
//
// For each query the page is sent to `?q=…` through history (as Back/Forward would) and the app
// reports, on the results container, how long `search()` (plus `kwic()` in concordance mode)
// took (`data-search-ns`, performance.now() around the call) and the whole update including
// building the result DOM and its layout (`data-update-ns`; with the benchmark hook set the app
// reads a size after the update, which makes the browser lay the page out then, as the peers'
// harness does). Chromium coarsens performance.now() to 0.1 ms,
// so on the seeds each search is repeated `window.__parallaxSearchRepeat` times and the mean
// per run is recorded. Prints p50/p95 per query and overall (milliseconds): the search, the
// update (search and DOM), the DOM alone (update minus search, as bench-peers.mjs reports it) and
// the DOM plus the work of the browser's next frame (`nextFrameWorkProbe` in helpers.mjs), and
// the query to painted: from the route change to the end of that frame (`timeSearchThroughHistory`).
// The filters, which the view updates in the task after that frame, have columns of their own:
// their update (with its layout), and the query to the end of the frame after it.
//
// `--from previous` times each query from the one before it in the list (as typing goes from
// one query to the next) instead of from a search with no results, so that what the view keeps
// from one search to the next (the filters, updated in place) counts.
//
// `--compare DIR` serves a second build (another commit's dist/, say the one before a change)
// beside dist/ and measures both in the same run, alternating query by query (which goes first
// swaps every round), so that the machine's load weighs on both alike; the load average is
// printed before and after. `--seeds 0` skips the seed corpus; `--bundle FILE` serves that
// corpus.bin as the large corpus instead of generating one (`parallax gen-corpus`, `bundle`).
//
// `--css RULES` compares dist/ with itself plus RULES at the end of its style sheet (say
// `'.facets{display:none}'`, to see what a part of the page costs), served in place of the
// compared build; the sheet's integrity hash in index.html is made to match.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer } from './server.mjs';
import { sri } from '../../scripts/sri.mjs';
import { ROOT, DIST, launchBrowser, timeSearchThroughHistory, arg, pct } from './helpers.mjs';

const DOCS = Number(arg('docs', 10000));
const SEED = Number(arg('seed', 42));
const ROUNDS = Number(arg('rounds', 20));
const COMPARE = arg('compare', null);
const FROM_PREVIOUS = arg('from', 'empty') === 'previous';
const SEEDS = Number(arg('seeds', 1));
const BUNDLE = arg('bundle', null);
const CSS = arg('css', null);

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

const f = (x) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

/** Opens the app of each build on its server, ready to time queries. */
async function openBuild(browser, server, repeat) {
  const page = await browser.newPage();
  await page.goto(server.baseUrl + '?mode=docs');
  await page.waitForSelector('.search-layout[data-search-ns]', { timeout: 120000 });
  const firstOutlet = await page.$eval('section[data-facet=outlet] .facet-name', (e) => e.textContent).catch(() => '');
  await page.evaluate((n) => (window.__parallaxSearchRepeat = n), repeat);
  return { page, firstOutlet };
}

/** Times every query on every build (`builds`: [{ label, server }]), alternating builds. */
async function measure(browser, builds, label, repeat) {
  const opened = [];
  // Per build, each kind of time over every query (and per query, in `rows`).
  const kinds = () => ({ search: [], update: [], dom: [], framed: [], painted: [], filters: [], complete: [] });
  for (const b of builds) opened.push({ ...b, ...(await openBuild(browser, b.server, repeat)), rows: [], all: kinds() });
  console.log(`\n${label} (repeat ${repeat}, ${ROUNDS} rounds per query; load average before: ${load()})`);
  for (const [q, extra] of QUERIES) {
    const times = opened.map(kinds);
    for (let i = 0; i < ROUNDS; i++) {
      for (let j = 0; j < opened.length; j++) {
        const k = (i + j) % opened.length;
        const o = opened[k];
        const url = ([q, extra]) => `?q=${encodeURIComponent(q)}${extra.replace('__FIRST_OUTLET__', encodeURIComponent(o.firstOutlet))}`;
        const query = url([q, extra]);
        const previous = QUERIES[(QUERIES.findIndex((x) => x[0] === q && x[1] === extra) + QUERIES.length - 1) % QUERIES.length];
        const from = FROM_PREVIOUS ? { from: url(previous) } : {};
        const t = await timeSearchThroughHistory(o.page, query, from);
        const sample = { search: t.search, update: t.search + t.dom, dom: t.dom, framed: t.dom + t.frame, painted: t.painted, filters: t.filters, complete: t.complete };
        for (const [key, x] of Object.entries(sample)) {
          times[k][key].push(x);
          o.all[key].push(x);
        }
      }
    }
    for (let k = 0; k < opened.length; k++) {
      const count = await opened[k].page.$eval('.search-count', (e) => e.textContent);
      const t = times[k];
      opened[k].rows.push([`${q || '(empty)'}${extra.replace('__FIRST_OUTLET__', 'first outlet')}`, t, count]);
    }
  }
  for (const o of opened) {
    await o.page.close();
    console.log(`\n${o.label}`);
    console.log('| query | search p50 / p95 (ms) | update p50 / p95 (ms) | DOM p50 / p95 (ms) | DOM and next frame p50 / p95 (ms) | query to painted p50 / p95 (ms) | filters p50 / p95 (ms) | query to filters painted p50 / p95 (ms) | result |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
    const pp = (xs) => `${f(pct(xs, 50))} / ${f(pct(xs, 95))}`;
    for (const [q, t, c] of o.rows) console.log(`| \`${q}\` | ${pp(t.search)} | ${pp(t.update)} | ${pp(t.dom)} | ${pp(t.framed)} | ${pp(t.painted)} | ${pp(t.filters)} | ${pp(t.complete)} | ${c} |`);
    const a = o.all;
    console.log(`| all queries | ${pp(a.search)} | | ${pp(a.dom)} | ${pp(a.framed)} | ${pp(a.painted)} | ${pp(a.filters)} | ${pp(a.complete)} | |`);
  }
  console.log(`\nload average after: ${load()}`);
}

/** dist/'s style sheet with `CSS` appended, and its index.html naming it: server overrides. */
function withCss() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-css-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const sheet = fs.readdirSync(DIST).find((f) => f.endsWith('.css'));
  const old = fs.readFileSync(path.join(DIST, sheet));
  const css = Buffer.concat([old, Buffer.from(`\n${CSS}\n`)]);
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  if (!html.includes(sri(old))) throw new Error(`index.html does not name ${sheet} by its hash`);
  fs.writeFileSync(path.join(dir, sheet), css);
  fs.writeFileSync(path.join(dir, 'index.html'), html.replace(sri(old), sri(css)));
  return { [sheet]: path.join(dir, sheet), 'index.html': path.join(dir, 'index.html') };
}

// Made once: the seeds and the large corpus are served by builds of their own.
const cssOverrides = CSS ? withCss() : {};

const builds = (overrides) => {
  const list = [{ label: `dist (${DIST})`, dir: DIST }];
  if (COMPARE) list.push({ label: `compare (${path.resolve(COMPARE)})`, dir: path.resolve(COMPARE) });
  if (CSS) list.push({ label: `dist with ${CSS}`, dir: DIST, extra: cssOverrides });
  return Promise.all(list.map(async (b) => ({ ...b, server: await startServer({ distDir: b.dir, overrides: { ...overrides, ...b.extra } }) })));
};

const browser = await launchBrowser();
if (SEEDS) {
  const seeds = await builds({});
  try {
    await measure(browser, seeds, 'seeds (5 documents)', 200);
  } finally {
    for (const b of seeds) await b.server.close();
  }
}
if (DOCS > 0 || BUNDLE) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-'));
  const cli = (...args) => {
    const r = spawnSync('cargo', ['run', '--quiet', '--release', '-p', 'parallax-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`parallax ${args.join(' ')}: ${r.stderr}`);
  };
  const bin = BUNDLE ? path.resolve(BUNDLE) : path.join(dir, 'corpus.bin');
  if (!BUNDLE) {
    cli('gen-corpus', '--docs', String(DOCS), '--seed', String(SEED), '-o', path.join(dir, 'corpus'));
    cli('bundle', path.join(dir, 'corpus'), '-o', bin);
  }
  const size = fs.statSync(bin).size;
  const big = await builds({ 'corpus.bin': bin });
  try {
    const what = BUNDLE ? `${bin} (` : `synthetic (${DOCS} documents, seed ${SEED}, `;
    await measure(browser, big, `${what}corpus.bin ${(size / 1e6).toFixed(1)} MB)`, 1);
  } finally {
    for (const b of big) await b.server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
await browser.close();
