// Shared helpers for the browser tests: paths, the Chromium launch, a page wrapper
// that records console errors, page errors and every request, and view waiters.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { before, after, test } from 'node:test';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const DIST = path.resolve(process.env.PARALLAX_DIST ?? path.join(ROOT, 'dist'));
/**
 * The articles the tests' build serves: the tests' own copy of the five seeds, never corpus/
 * (what the site is built from; a fork replaces it). scripts/test.sh builds dist/ with
 * PARALLAX_CORPUS=tests/seeds, and `serveDistAndLaunch` checks that it did.
 */
export const CORPUS = path.join(ROOT, 'tests', 'seeds');
export const OUT_DIR = path.join(ROOT, 'test-output');
export const SCREENSHOTS = path.join(OUT_DIR, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** How long to wait for the app to show a view (wasm start + corpus load). */
export const VIEW_TIMEOUT = Number(process.env.PARALLAX_VIEW_TIMEOUT_MS ?? 20000);

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

const require = createRequire(import.meta.url);
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * For a test file: before its tests, serve the release build in dist/ under /parallax/ and start
 * Chromium, handing both to `use(server, browser)`; after them, close both.
 */
export function serveDistAndLaunch(use) {
  let server;
  let browser;
  before(async () => {
    assert.ok(
      fs.existsSync(path.join(DIST, 'index.html')),
      `${DIST}/index.html is missing: run \`trunk build --release --public-url /parallax/\` first`,
    );
    assertDistServesTheSeeds();
    server = await startServer({ distDir: DIST });
    browser = await launchBrowser();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Fails, saying how to build it, when dist/corpus.bin is not the bundle of `CORPUS`. */
function assertDistServesTheSeeds() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-seeds-'));
  try {
    const seeds = path.join(dir, 'corpus.bin');
    bundle(CORPUS, seeds);
    assert.ok(
      fs.readFileSync(path.join(DIST, 'corpus.bin')).equals(fs.readFileSync(seeds)),
      `${DIST}/corpus.bin is not the bundle of tests/seeds: build with ` +
        '`PARALLAX_CORPUS=tests/seeds trunk build --release --public-url /parallax/` (as scripts/test.sh does)',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `parallax <args>` (the release CLI, as the Trunk hook runs it) and returns what it
 * printed; fails the test when it exits non-zero.
 */
export function parallax(args) {
  const r = spawnSync('cargo', ['run', '--quiet', '--release', '-p', 'parallax-cli', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  assert.equal(r.status, 0, `parallax ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** Bundles the articles of folder `corpus` into the file `out`, as the build does. */
export function bundle(corpus, out) {
  parallax(['bundle', corpus, '-o', out]);
}

/**
 * For a test file or a describe block: before its tests, `write(folder)` puts articles into a
 * fresh temporary folder, which is bundled and served with the app in dist/; after them the
 * server stops and the folder goes. Returns an object whose `server` and `dir` are set then.
 */
export function serveCorpus(name, write) {
  const state = { server: null, dir: null };
  before(async () => {
    state.dir = fs.mkdtempSync(path.join(os.tmpdir(), `parallax-${name}-`));
    const corpus = path.join(state.dir, 'corpus');
    fs.mkdirSync(corpus);
    await write(corpus);
    bundle(corpus, path.join(state.dir, 'corpus.bin'));
    state.server = await startServer({ distDir: DIST, overrides: { 'corpus.bin': path.join(state.dir, 'corpus.bin') } });
  });
  after(async () => {
    await state.server?.close();
    if (state.dir) fs.rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

/**
 * Every file under `root`, by its path relative to it: a server's `overrides` for a folder, such
 * as a sharded corpus (`parallax bundle --shards`: corpus.bin, index/…, docs/…).
 */
export function filesUnder(root, rel = '') {
  const out = {};
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, filesUnder(root, r));
    else out[r] = path.join(root, r);
  }
  return out;
}

/** Wait until the page's URL has `name=value` in its query string. */
export async function waitForParam(page, name, value) {
  await page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n) === v, [name, value]);
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * Runs in every page before its own scripts: reports each Content-Security-Policy violation
 * (the `securitypolicyviolation` event) and each call of a sentinel that hostile text tries to
 * call (`__xss(…)`, `alert`, `confirm`, `prompt`, `print`) to the test, through the binding
 * `__parallaxReport` (which survives navigations, unlike anything kept in the page).
 */
function sentinels() {
  const report = (kind, detail) => window.__parallaxReport(kind, detail);
  document.addEventListener('securitypolicyviolation', (e) =>
    report('csp', `${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}:${e.lineNumber} ${e.sample}`),
  );
  for (const name of ['__xss', 'alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => report('xss', `${name}(${args.map(String).join(', ')}) on ${location.search}`);
  }
}

/**
 * Open a fresh browser context + page on `server`, run `body(page, log)`, then assert that
 * the page logged no console error and no page error, that every request stayed on the
 * server's origin, that no same-origin response failed (>= 400), that the page's
 * Content-Security-Policy refused nothing, and that no hostile text ran (see `sentinels`).
 * Closes the context.
 * `allowConsoleErrors` / `allowBadResponses` / `allowFailedRequests`: regexes for the errors a
 * test provokes.
 */
export async function withPage(
  browser,
  server,
  body,
  { viewport = DESKTOP, allowConsoleErrors = [], allowBadResponses = [], allowFailedRequests = [] } = {},
) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(VIEW_TIMEOUT);
  const log = { consoleErrors: [], pageErrors: [], requests: [], badResponses: [], failed: [], csp: [], xss: [] };
  await context.exposeBinding('__parallaxReport', (_source, kind, detail) => log[kind]?.push(detail));
  await context.addInitScript(sentinels);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !allowConsoleErrors.some((re) => re.test(msg.text()))) log.consoleErrors.push(`${msg.text()} @ ${JSON.stringify(msg.location())}`);
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack ?? err)));
  page.on('request', (req) => log.requests.push(req.url()));
  page.on('requestfailed', (req) => log.failed.push(`${req.url()}: ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    // Browsers ask for /favicon.ico by themselves; it is outside the site's sub-path.
    if (
      res.status() >= 400 &&
      new URL(res.url()).pathname !== '/favicon.ico' &&
      !allowBadResponses.some((re) => re.test(res.url()))
    ) {
      log.badResponses.push(`${res.status()} ${res.url()}`);
    }
  });
  try {
    await body(page, log);
    const external = log.requests.filter(
      (u) => !(u.startsWith(server.origin + '/') || u.startsWith('data:') || u.startsWith('blob:')),
    );
    assert.deepEqual(external, [], 'requests outside the page origin');
    // A last round trip, so that reports the page sent just before are in.
    await page.evaluate(() => 0).catch(() => {});
    assert.deepEqual(log.csp, [], 'Content-Security-Policy violations');
    assert.deepEqual(log.xss, [], 'hostile text ran as script');
    assert.deepEqual(log.pageErrors, [], 'page errors');
    assert.deepEqual(log.consoleErrors, [], 'console errors');
    assert.deepEqual(log.badResponses, [], 'failed responses');
    assert.deepEqual(
      log.failed.filter((f) => !/ERR_ABORTED/.test(f) && !allowFailedRequests.some((re) => re.test(f))),
      [],
      'failed requests',
    );
  } finally {
    await context.close();
  }
  return log;
}

/** The file name of dist's split module `name` (`split_<name>-<hash>.wasm`, src/lazy_pages.rs). */
export function splitModule(name) {
  const file = fs.readdirSync(DIST).find((f) => f.startsWith(`split_${name}-`) && f.endsWith('.wasm'));
  assert.ok(file, `dist has the split module ${name}`);
  return file;
}

/** Fails the download of split module `file` in `page`; withPage options that expect it (the
 * browser and the split loader log the failure). */
export async function failDownload(page, file) {
  await page.route(`**/${file}`, (route) => route.abort());
}
export const failedDownload = (file) => ({
  allowConsoleErrors: [/^Failed to load resource/, /^TypeError: Failed to fetch/],
  allowFailedRequests: [new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
});

/** Delays the download of split module `file` in `page` by `ms`. */
export async function delayDownload(page, file, ms) {
  await page.route(`**/${file}`, (route) => setTimeout(() => route.continue(), ms));
}

/** Record Chromium's layout-shift entries from the page's start (call before `page.goto`). */
export async function watchLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const where = (n) => (n?.nodeType === 1 ? `${n.tagName.toLowerCase()}.${n.className}` : String(n?.nodeName));
        window.__shifts.push({ value: e.value, sources: e.sources.map((x) => where(x.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shifts so far ({ total, shifts }), two frames on, so the last layout is reported. */
export async function layoutShifts(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shifts = await page.evaluate(() => window.__shifts);
  return { total: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
}

/** Throw a readable error when the app shows its bundle load error instead of a view. */
async function failOnLoadError(page) {
  const err = page.locator('[role=alert].load-error');
  if (await err.count()) {
    throw new Error(`the app shows a load error: ${await err.first().innerText()}`);
  }
}

async function waitOrExplain(page, promise, what) {
  try {
    await promise;
  } catch (e) {
    await failOnLoadError(page);
    const body = await page
      .locator('body')
      .innerText()
      .catch(() => '<no body>');
    throw new Error(`${what} did not appear within ${VIEW_TIMEOUT} ms (${e.message.split('\n')[0]}). Page text: ${body.slice(0, 400)}`);
  }
}

/** Wait until the library view lists `count` documents; returns their ids in order. */
export async function waitForLibrary(page, count = 5) {
  await waitOrExplain(
    page,
    page.waitForFunction(
      (n) => document.querySelectorAll('ol.doc-list li.doc-item').length === n && !document.querySelector('p.loading'),
      count,
      { timeout: VIEW_TIMEOUT },
    ),
    `the library with ${count} documents`,
  );
  return docIds(page);
}

export function docIds(page) {
  return page.$$eval('ol.doc-list li.doc-item', (lis) => lis.map((li) => li.getAttribute('data-doc-id')));
}

/** Wait until the reader shows document `id`. */
export async function waitForReader(page, id) {
  await waitOrExplain(
    page,
    page.locator(`article.reader[data-doc-id="${id}"] h1.doc-title`).waitFor({ timeout: VIEW_TIMEOUT }),
    `the reader for ${id}`,
  );
}

export async function waitForNotFound(page) {
  await waitOrExplain(
    page,
    page.locator('main#main h1', { hasText: 'Document not found' }).waitFor({ timeout: VIEW_TIMEOUT }),
    'the not-found view',
  );
}

/** Search-string part of the page URL as a URLSearchParams. */
export function params(page) {
  return new URL(page.url()).searchParams;
}

export function readCorpusFile(id) {
  return fs.readFileSync(path.join(CORPUS, `${id}.txt`), 'utf8');
}

/** Run axe-core in the page with the WCAG 2.0/2.1 A+AA rules; returns the violations. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through DevTools, not added as an inline <script>, which the page's
    // Content-Security-Policy (rightly) refuses.
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return result;
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Registers, for each view `{ name, query, wait(page) }`, one test at desktop and one at phone
 * width: the view has no axe-core violations (WCAG 2.0/2.1 A and AA) and, on the phone, the page
 * does not scroll sideways. `env()` gives `[browser, server]` (started in a `before` hook).
 * Screenshots are saved as `<name>-desktop.png` and `<name>-phone.png`.
 */
export function axeAtTwoWidths(env, views) {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    for (const v of views) {
      test(`${v.name} at ${label} width (${viewport.width}px) has no violations`, async () => {
        const [browser, server] = env();
        await withPage(
          browser,
          server,
          async (page) => {
            await page.goto(server.baseUrl + v.query);
            await v.wait(page);
            await screenshot(page, `${v.name}-${label}`);
            const violations = await axeViolations(page);
            assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
            if (label === 'phone') {
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              assert.ok(overflow <= 0, `no horizontal scrolling at ${viewport.width}px (overflow ${overflow}px)`);
            }
          },
          { viewport },
        );
      });
    }
  }
}

/**
 * Benchmarks (bench-search.mjs, bench-peers.mjs): moves the app in `page` to the search `query`
 * (a query string) through history, as Back/Forward would, after the view `from` (by default a
 * search with no results, so that the view builds its results from none; another query, as when
 * typing, lets what the view keeps from one search to the next count). Resolves to milliseconds:
 * - `search`: the search, as the view reported it;
 * - `dom`: the view's update for it (count line, view links, results, and a forced layout; the
 *   filters too when they were built anew), as the view reported it;
 * - `frame`: the work of the frame that painted that update (`nextFrameWorkProbe`; the view
 *   measures it itself when it updates its filters in the task after that frame);
 * - `painted`: from the route change (`pushState`) to the end of that frame: everything the
 *   page did for the query before its results were on screen (route, effects, search, DOM,
 *   style, layout, paint), as the peers' harness times its own;
 * - `filters`: the filters updated in place, in a task after that frame (0 when built with the
 *   results), and `complete`: from the route change to the end of the frame after that.
 */
export async function timeSearchThroughHistory(page, query, { from = '?mode=docs&q=zzzznothing' } = {}) {
  await page.evaluate(nextFrameWorkProbe);
  let out;
  for (const qs of [from, query]) {
    out = await page.evaluate(
      (u) =>
        new Promise((resolve, reject) => {
          const done = () => document.querySelector('.search-layout[data-search-ns]');
          // As soon as the view says it is done (before the browser's next frame can start).
          const mo = new MutationObserver(() => {
            const L = done();
            if (!L) return;
            mo.disconnect();
            clearTimeout(timer);
            const ms = (name) => (L.dataset[name] === undefined ? null : Number(L.dataset[name]) / 1e6);
            const [search, update, filters, frame, painted] = ['searchNs', 'updateNs', 'filtersNs', 'frameNs', 'paintedNs'].map(ms);
            window.__nextFrameWork().then((next) => {
              const end = performance.now() - asked;
              const deferred = painted !== null;
              resolve({
                search,
                dom: update - search,
                frame: deferred ? frame : next,
                painted: deferred ? painted - asked : end,
                filters: filters ?? 0,
                complete: end,
              });
            });
          });
          mo.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-search-ns'] });
          const timer = setTimeout(() => {
            mo.disconnect();
            reject(new Error(`no search results for ${u} after 120 s`));
          }, 120000);
          const L = document.querySelector('.search-layout');
          for (const a of ['data-search-ns', 'data-frame-ns', 'data-painted-ns']) L.removeAttribute(a);
          const asked = performance.now();
          history.pushState(null, '', u);
          dispatchEvent(new PopStateEvent('popstate'));
        }),
      qs,
    );
  }
  return out;
}

/**
 * Page side (`page.evaluate(nextFrameWorkProbe)`): defines `window.__nextFrameWork()`, which
 * resolves to the work of the browser's next frame: from the start of its animation-frame
 * callbacks to the first task after it, which runs once the frame's style, layout and paint are
 * done. What an update leaves to that frame (layout the browser deferred, as `content-visibility`
 * does for what it has not yet placed on screen) is counted there. The peers' harness uses it too.
 */
export function nextFrameWorkProbe() {
  window.__nextFrameWork = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const t = performance.now();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now() - t);
        ch.port2.postMessage(0);
      }),
    );
}

/** A bench script's `--name value` option, or `dflt` when it is not given. */
export function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
}

/** The `p`-th percentile (0–100) of `xs` (the nearest rank); NaN when there are none. */
export function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}
