// What one kind of change to the search page costs the browser: the change made by plain JS in
// the page (no app code runs), then a forced style and layout, each in a frame of its own.
// Run by hand, never by test.sh (BENCHMARKS.md, "What a search's DOM update is made of"):
//
//   trunk build --release --public-url /parallax/
//   node tests/browser/bench-layout.mjs --bundle FILE [--rounds 30] [--query ethnic]
//
// `--bundle` serves that corpus.bin (`parallax gen-corpus`, `bundle`); the page shows the
// results of `--query` in a 1280×900 window. Prints the median and p90 milliseconds per change.

import { startServer } from './server.mjs';
import { DIST, launchBrowser, timeSearchThroughHistory, arg } from './helpers.mjs';

const BUNDLE = arg('bundle', null);
const ROUNDS = Number(arg('rounds', 30));
const QUERY = arg('query', 'ethnic');
if (!BUNDLE) throw new Error('--bundle FILE is required (a corpus.bin)');

const server = await startServer({ distDir: DIST, overrides: { 'corpus.bin': BUNDLE } });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.baseUrl + '?mode=docs');
  await page.waitForSelector('.search-layout[data-search-ns]', { timeout: 120000 });
  await timeSearchThroughHistory(page, `?q=${encodeURIComponent(QUERY)}`);
  const out = await page.evaluate(async (rounds) => {
    const $$ = (sel) => [...document.querySelectorAll(sel)];
    const layout = document.querySelector('.search-layout');
    const links = $$('aside.facets a');
    const counts = $$('aside.facets .facet-count, aside.facets .date-count');
    const names = $$('aside.facets .facet-name, aside.facets .date-label');
    const bars = $$('aside.facets .date-bar');
    const changes = {
      'nothing (a forced layout alone)': () => {},
      'an attribute no style reads, on every filter link': (k) => links.forEach((a) => a.setAttribute('data-bench', String(k))),
      'every filter link’s href': (k) => links.forEach((a) => a.setAttribute('href', a.getAttribute('href').replace(/&bench=\d+|$/, `&bench=${k}`))),
      'one filter count': (k) => (counts[0].textContent = String(k)),
      'every filter count': (k) => counts.forEach((c, i) => (c.textContent = String(k * 31 + i))),
      'every filter value’s name': (k) => names.forEach((n, i) => (n.textContent = `Value ${k} ${i}`)),
      // On the bar, as the app sets it (`facets::set_share`): on the bin the custom property
      // would be inherited by the label and count too, and cost more than twice as much.
      'every date bar’s length': (k) => bars.forEach((b, i) => b.style.setProperty('--share', `${(k * 13 + i * 7) % 101}%`)),
      'one result’s outlet and date line': (k) => (document.querySelector('.doc-facts').textContent = `Outlet ${k}`),
      'the count line': (k) => (document.querySelector('.search-count').textContent = `${k} of 10,000 documents`),
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const times = Object.fromEntries(Object.keys(changes).map((k) => [k, []]));
    // Every change gets a number no change before it had, so that no text or value is set to
    // what it already is (which the browser would not have to lay out again).
    let k = 0;
    for (let round = 0; round < rounds; round++) {
      for (const [name, change] of Object.entries(changes)) {
        await frame();
        k += 1;
        const t0 = performance.now();
        change(k);
        void layout.offsetHeight;
        times[name].push(performance.now() - t0);
      }
    }
    const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
    return {
      sizes: { links: links.length, counts: counts.length, names: names.length, bars: bars.length, elements: document.querySelectorAll('*').length },
      rows: Object.entries(times).map(([name, xs]) => [name, pct(xs, 0.5), pct(xs, 0.9)]),
    };
  }, ROUNDS);
  const s = out.sizes;
  console.log(`\`${QUERY}\`: ${s.elements} elements on the page; the filters ${s.links} links, ${s.counts} counts, ${s.names} names, ${s.bars} date bars; ${ROUNDS} rounds`);
  console.log('| change, then a forced style and layout | p50 (ms) | p90 (ms) |\n|---|---:|---:|');
  for (const [name, p50, p90] of out.rows) console.log(`| ${name} | ${p50.toFixed(2)} | ${p90.toFixed(2)} |`);
} finally {
  await browser.close();
  await server.close();
}
