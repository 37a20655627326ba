// Parallax beside MiniSearch, FlexSearch and Pagefind in one headless Chromium run, on the same
// generated corpora and the same queries, every file served gzipped. Run by hand, never by
// test.sh (it takes minutes, and its figures move with the machine's load):
//
//   trunk build --release --public-url /parallax/
//   (cd tests/browser/peers && npm ci)        # the peers, in this folder only, never in the app
//   node tests/browser/bench-peers.mjs [--docs 1000,10000] [--seed 42] [--rounds 10] [--warmup 1]
//                                      [--fresh 3] [--from previous|empty]
//
// For each corpus size: `parallax gen-corpus` writes the articles, `parallax bundle` the app's
// corpus.bin (the whole corpus in one file, column "Parallax") and `parallax bundle --shards`
// the sharded layout (the manifest as corpus.bin, index shards and document chunks fetched as a
// query needs them, column "Parallax sharded"; the same app), `parallax parse --json` the same
// documents for the peers (title, outlet,
// date and the text of every block). Built ahead, as a static site would ship them: MiniSearch's
// index as JSON (loadJSON), Pagefind's index files (its Node API); FlexSearch gets the documents
// and indexes them in the page. Each peer's page (peers/*.html, from peers/harness.js and an
// adapter per tool) shows the same list as Parallax's first page: 10 results, each a title,
// outlet and date, and an excerpt (Parallax shows each hit's best passage, highlighted, and a
// button for its others).
//
// Measured:
// - first result: a fresh page (new browser context, empty cache) opened on the first query;
//   the time from navigation start until the first result is in the DOM, and the gzipped bytes
//   of every response that finished before then (resource timing, encodedBodySize). Median of
//   --fresh runs, the tools alternating.
// - per query, --rounds times, the tools alternating round by round in pages already loaded:
//   the search (Parallax: `search()` and the facet counts, as its app reports them) and the DOM
//   update (building the result list and a layout: the peers' harness and, with the benchmark
//   hook set, the app read a size after it), p50/p95 over every query and round; and the DOM
//   update plus the work of the next frame (its style, layout and paint: what the browser still
//   had to do before the results were on screen, such as the layout `content-visibility` defers
//   to it; `nextFrameWorkProbe` in helpers.mjs); and the query to painted: from asking (the
//   peers: calling search; Parallax: the route change) to the end of that frame, everything
//   in between included. Parallax also has filters, with a count per value, which none of the
//   peers' pages has: it updates them in a task of its own after the frame that paints the
//   results (`Deferred` in src/pages/search.rs), so two rows of its own give that update
//   (with its layout) and the query to the end of the frame after it.
//   Every tool goes from one query to the next, as typing does: a peer's list is replaced by
//   the next query's, and the app is sent to the query before it in the list, then timed to
//   the query, so what its view keeps from one search to the next (the filters, updated in
//   place) counts. `--from empty` times the app from a search with no results instead (its
//   filters emptied, then built again: more work than the peers do), as this script did
//   before 2026-12-02.
//   Before the timed rounds, --warmup rounds of the same queries (every tool, alternating) are
//   run and kept apart, as each peer had one search before it was timed and the app only its
//   list of all articles: a page's first searches are slower in every tool (code and caches
//   not warm yet; the one-file app's first round measured up to 3× its later ones, with the
//   sharded app warmed by its own loading). Their p50 and worst are printed on rows of their
//   own, so the first searches' cost is still shown.
// The queries use each tool's own syntax; where a tool has no way to say what is asked (phrase,
// OR, negation, typo), the row says so and that query is not run for it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { startServer } from './server.mjs';
import { ROOT, DIST, filesUnder, launchBrowser, nextFrameWorkProbe, timeSearchThroughHistory, arg, pct } from './helpers.mjs';

const SIZES = arg('docs', '1000,10000').split(',').map(Number);
const SEED = Number(arg('seed', 42));
const ROUNDS = Number(arg('rounds', 10));
const WARMUP = Number(arg('warmup', 1));
const FROM_PREVIOUS = arg('from', 'previous') === 'previous';
const FRESH = Number(arg('fresh', 3));

const PEERS = path.join(ROOT, 'tests', 'browser', 'peers');
const requirePeer = createRequire(path.join(PEERS, 'package.json'));
const TOOLS = ['parallax', 'sharded', 'minisearch', 'flexsearch', 'pagefind'];
/** The tools that are the Parallax app (the same page, with the corpus in one file or sharded). */
const APP = new Set(['parallax', 'sharded']);

// One row per query: what it asks, then each tool's way of asking it (null: it cannot).
const QUERIES = [
  { label: 'ethnic', parallax: 'ethnic', minisearch: { query: 'ethnic', options: {} }, flexsearch: 'ethnic', pagefind: 'ethnic' },
  { label: 'the', parallax: 'the', minisearch: { query: 'the', options: {} }, flexsearch: 'the', pagefind: 'the' },
  {
    label: 'lachin corridor (all words)',
    parallax: 'lachin corridor',
    minisearch: { query: 'lachin corridor', options: { combineWith: 'AND' } },
    flexsearch: 'lachin corridor',
    pagefind: 'lachin corridor',
  },
  { label: '"ethnic cleansing" (phrase)', parallax: '"ethnic cleansing"', minisearch: null, flexsearch: null, pagefind: '"ethnic cleansing"' },
  { label: 'reintegr* (prefix)', parallax: 'reintegr*', minisearch: { query: 'reintegr', options: { prefix: true } }, flexsearch: 'reintegr', pagefind: 'reintegr' },
  {
    label: 'aliyev OR pashinian',
    parallax: 'aliyev OR pashinian',
    minisearch: { query: 'aliyev pashinian', options: { combineWith: 'OR' } },
    flexsearch: null,
    pagefind: null,
  },
  {
    label: 'humanitarian -russia (negation)',
    parallax: 'humanitarian -russia',
    minisearch: { query: { combineWith: 'AND_NOT', queries: ['humanitarian', 'russia'] }, options: {} },
    flexsearch: null,
    pagefind: null,
  },
  { label: 'Azerbajan (typo)', parallax: 'Azerbajan', minisearch: { query: 'Azerbajan', options: { fuzzy: 0.2 } }, flexsearch: null, pagefind: null },
];

const median = (xs) => pct(xs, 50);

function cli(...args) {
  const r = spawnSync('cargo', ['run', '--quiet', '--release', '-p', 'parallax-cli', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`parallax ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The peers' site for one corpus: pages, libraries, indexes. */
async function buildPeerSite(site, parsed) {
  const docs = parsed.map((d, id) => {
    const text = d.blocks.map((b) => b.text).join('\n');
    return { id, title: d.title ?? d.id, outlet: d.outlet ?? '', published: d.published ?? '', excerpt: text.slice(0, 200), text };
  });
  for (const f of ['harness.js', 'minisearch.js', 'flexsearch.js', 'pagefind.js']) fs.copyFileSync(path.join(PEERS, f), path.join(site, f));
  const libs = {
    minisearch: ['minisearch/dist/umd/index.js', 'minisearch.umd.js'],
    flexsearch: ['flexsearch/dist/flexsearch.bundle.min.js', 'flexsearch.bundle.min.js'],
  };
  for (const [from, to] of Object.values(libs)) fs.copyFileSync(path.join(PEERS, 'node_modules', from), path.join(site, to));
  for (const tool of ['minisearch', 'flexsearch', 'pagefind']) {
    const lib = libs[tool] ? `<script src="${libs[tool][1]}"></script>` : '';
    fs.writeFileSync(
      path.join(site, `${tool}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${tool}</title></head><body><main><h1>${tool}</h1><p id="count"></p><ol id="results"></ol></main>` +
        `${lib}<script src="${tool}.js"></script><script src="harness.js"></script></body></html>`,
    );
  }
  // MiniSearch: built here, loaded with loadJSON; only what the result list shows is stored.
  const MiniSearch = requirePeer('minisearch');
  const mini = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title', 'outlet', 'published', 'excerpt'] });
  mini.addAll(docs);
  fs.writeFileSync(path.join(site, 'minisearch-index.json'), JSON.stringify(mini));
  // FlexSearch: the documents, indexed in the page.
  fs.writeFileSync(path.join(site, 'docs.json'), JSON.stringify(docs.map(({ id, title, outlet, published, excerpt, text }) => ({ id, title, outlet, published, excerpt, text }))));
  // Pagefind: one custom record per article, written as its static index.
  // Import-only package: import its entry from the peers folder's node_modules.
  const pagefind = await import(pathToFileURL(path.join(PEERS, 'node_modules', 'pagefind', 'lib', 'index.js')).href);
  const { index } = await pagefind.createIndex({});
  for (const d of docs) {
    await index.addCustomRecord({
      url: `/doc/${d.id}`,
      content: `${d.title}\n${d.text}`,
      language: 'en',
      meta: { title: d.title, outlet: d.outlet, published: d.published },
      filters: { outlet: [d.outlet] },
    });
  }
  await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
  await pagefind.close();
}

/** Records, in every page, when the first result is in the DOM. */
function observeFirstResult() {
  window.__firstResult = null;
  new MutationObserver((_, obs) => {
    if (document.querySelector('li.search-hit, li.hit')) {
      window.__firstResult = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** A fresh page on `url`: [ms to the first result, gzipped bytes received before it]. */
async function firstResult(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(observeFirstResult);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstResult !== null, null, { timeout: 120000, polling: 50 });
    return await page.evaluate(() => {
      const t = window.__firstResult;
      const nav = performance.getEntriesByType('navigation')[0];
      const bytes = performance
        .getEntriesByType('resource')
        .filter((e) => e.responseEnd <= t)
        .reduce((sum, e) => sum + e.encodedBodySize, nav.encodedBodySize);
      return [t, bytes];
    });
  } finally {
    await context.close();
  }
}

for (const q of QUERIES) q.sharded = q.parallax;

/** Opens each tool's page once, ready to time queries; returns { tool: (query) => timing }. */
async function queryRunners(browser, urls) {
  const runners = {};
  for (const tool of TOOLS) {
    const page = await browser.newPage();
    if (APP.has(tool)) {
      await page.goto(urls[tool] + '?mode=docs');
      await page.waitForSelector('.search-layout[data-search-ns]', { timeout: 120000 });
      await page.evaluate(() => (window.__parallaxSearchRepeat = 1));
      runners[tool] = async (q, previous) => {
        const at = (q) => `?q=${encodeURIComponent(q)}`;
        const from = FROM_PREVIOUS && previous != null ? { from: at(previous) } : {};
        const { search, dom, frame, painted, filters, complete } = await timeSearchThroughHistory(page, at(q), from);
        // "2,106 passages in 871 of 1,000 documents": the documents.
        const count = await page.$eval('.search-count', (e) => e.textContent);
        const total = Number((/([\d,]+) of [\d,]+ documents?$/.exec(count)?.[1] ?? 'NaN').replaceAll(',', ''));
        return { search, update: search + dom, frame, painted, filters, complete, total };
      };
    } else {
      await page.goto(urls[tool]);
      await page.waitForFunction(() => typeof window.bench === 'function');
      await page.evaluate(nextFrameWorkProbe);
      await page.evaluate((q) => window.bench(q), QUERIES[0][tool]);
      runners[tool] = (q) => page.evaluate((q) => window.bench(q), q);
    }
  }
  return runners;
}

const f = (x) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en'));
const mb = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${Math.round(b / 1e3)} KB`);

const browser = await launchBrowser();
try {
  for (const n of SIZES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-peers-'));
    const servers = [];
    try {
      const corpus = path.join(dir, 'corpus');
      cli('gen-corpus', '--docs', String(n), '--seed', String(SEED), '-o', corpus);
      cli('bundle', corpus, '-o', path.join(dir, 'corpus.bin'));
      cli('bundle', corpus, '--shards', path.join(dir, 'sharded'));
      const parsed = JSON.parse(cli('parse', '--json', corpus));
      const site = path.join(dir, 'site');
      fs.mkdirSync(site);
      await buildPeerSite(site, parsed);
      const app = await startServer({ distDir: DIST, gzip: true, overrides: { 'corpus.bin': path.join(dir, 'corpus.bin') } });
      const sharded = await startServer({ distDir: DIST, gzip: true, overrides: filesUnder(path.join(dir, 'sharded')) });
      const peers = await startServer({ distDir: site, base: '/peers/', gzip: true });
      servers.push(app, sharded, peers);
      const urls = {
        parallax: app.baseUrl,
        sharded: sharded.baseUrl,
        minisearch: peers.baseUrl + 'minisearch.html',
        flexsearch: peers.baseUrl + 'flexsearch.html',
        pagefind: peers.baseUrl + 'pagefind.html',
      };

      // First result on a fresh page, the first query, tools alternating.
      const first = Object.fromEntries(TOOLS.map((t) => [t, { ms: [], bytes: [] }]));
      const q0 = QUERIES[0];
      for (let i = 0; i < FRESH; i++) {
        for (const tool of TOOLS) {
          const url = APP.has(tool) ? `${urls[tool]}?q=${encodeURIComponent(q0[tool])}` : `${urls[tool]}#q=${encodeURIComponent(JSON.stringify(q0[tool]))}`;
          const [ms, bytes] = await firstResult(browser, url);
          first[tool].ms.push(ms);
          first[tool].bytes.push(bytes);
        }
      }

      // Queries, rounds alternating tools.
      const runners = await queryRunners(browser, urls);
      const times = Object.fromEntries(TOOLS.map((t) => [t, { search: [], dom: [], framed: [], painted: [], filters: [], complete: [] }]));
      const cold = Object.fromEntries(TOOLS.map((t) => [t, { search: [], dom: [] }]));
      const totals = Object.fromEntries(TOOLS.map((t) => [t, {}]));
      for (let r = 0; r < WARMUP + ROUNDS; r++) {
        const order = TOOLS.map((_, i) => TOOLS[(i + r) % TOOLS.length]);
        for (const tool of order) {
          for (const [i, q] of QUERIES.entries()) {
            if (q[tool] === null) continue;
            // The query before it in the list (each tool's page shows it by then).
            const t = await runners[tool](q[tool], QUERIES[(i + QUERIES.length - 1) % QUERIES.length][tool]);
            if (r < WARMUP) {
              cold[tool].search.push(t.search);
              cold[tool].dom.push(t.update - t.search);
              continue;
            }
            times[tool].search.push(t.search);
            times[tool].dom.push(t.update - t.search);
            times[tool].framed.push(t.update - t.search + t.frame);
            times[tool].painted.push(t.painted);
            if (APP.has(tool)) {
              times[tool].filters.push(t.filters);
              times[tool].complete.push(t.complete);
            }
            totals[tool][q.label] = t.total;
          }
        }
      }

      const size = fs.statSync(path.join(dir, 'corpus.bin')).size;
      const manifest = fs.statSync(path.join(dir, 'sharded', 'corpus.bin')).size;
      console.log(`\n${n.toLocaleString('en')} generated articles (seed ${SEED}; corpus.bin ${mb(size)} raw, sharded manifest ${mb(manifest)} raw), ${FRESH} fresh pages and ${ROUNDS} rounds per tool`);
      console.log('| | Parallax (one file) | Parallax sharded | MiniSearch 7.2 (loadJSON) | FlexSearch 0.8 (indexed in the page) | Pagefind 1.6 |');
      console.log('|---|---:|---:|---:|---:|---:|');
      const row = (label, fn) => console.log(`| ${label} | ${TOOLS.map(fn).join(' | ')} |`);
      row('bytes before the first result (gzip)', (t) => mb(median(first[t].bytes)));
      row('time to first result (fresh page)', (t) => `${f(median(first[t].ms))} ms`);
      row('query p50 / p95', (t) => `${f(pct(times[t].search, 50))} / ${f(pct(times[t].search, 95))} ms`);
      row('DOM update p50 / p95', (t) => `${f(pct(times[t].dom, 50))} / ${f(pct(times[t].dom, 95))} ms`);
      row('DOM update and next frame p50 / p95', (t) => `${f(pct(times[t].framed, 50))} / ${f(pct(times[t].framed, 95))} ms`);
      row('query to painted p50 / p95', (t) => `${f(pct(times[t].painted, 50))} / ${f(pct(times[t].painted, 95))} ms`);
      // Parallax only: its filters (the peers have none), updated in the task after that frame.
      row('filters update, after the results are painted, p50 / p95', (t) => (APP.has(t) ? `${f(pct(times[t].filters, 50))} / ${f(pct(times[t].filters, 95))} ms` : '–'));
      row('query to filters painted p50 / p95', (t) => (APP.has(t) ? `${f(pct(times[t].complete, 50))} / ${f(pct(times[t].complete, 95))} ms` : '–'));
      if (WARMUP) {
        row(`warm-up (first ${WARMUP} round${WARMUP > 1 ? 's' : ''}, not above): query p50 / max`, (t) => `${f(pct(cold[t].search, 50))} / ${f(Math.max(...cold[t].search))} ms`);
        row('warm-up: DOM update p50 / max', (t) => `${f(pct(cold[t].dom, 50))} / ${f(Math.max(...cold[t].dom))} ms`);
      }
      console.log('\nWhat each query found (documents; "–": the tool has no way to ask it):');
      console.log(`| query | ${TOOLS.join(' | ')} |`);
      console.log(`|---|${TOOLS.map(() => '---').join('|')}|`);
      for (const q of QUERIES) console.log(`| \`${q.label}\` | ${TOOLS.map((t) => totals[t][q.label] ?? '–').join(' | ')} |`);
    } finally {
      for (const s of servers) await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
