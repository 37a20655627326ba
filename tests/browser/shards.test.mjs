// A sharded corpus (`parallax bundle --shards`: corpus.bin is then a manifest, with index
// shards, document chunks and the entity file beside it) served with the same app: a search
// fetches only its words' shards and its results' chunks (a filter alone, none) and shows what
// the same corpus as one bundle shows; so does the concordance, fetching the chunks of the
// lines it lists; the reader fetches its article's chunk and the entity table; the overview the
// entity table and the chunks of the articles it compares (the entity file has the whole
// corpus's contested names), saying so, and shows what the whole corpus's overview shows; the
// entities page the entity file alone, and shows what the whole corpus's page shows; a
// missing or stale file is named in the message. Small pieces (2 KB shards, 8 KB chunks) so
// that 60 generated articles make dozens of files.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { CORPUS, DIST, filesUnder, launchBrowser, parallax, withPage, waitForReader } from './helpers.mjs';

let dir;
let browser;
/** The app with the corpus as one bundle, sharded, and sharded with damage. */
const sites = {};
/** Files of the sharded layout, by path relative to the site ("corpus.bin", "index/….bin"). */
let files = {};

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-shards-'));
  const corpus = path.join(dir, 'corpus');
  parallax(['gen-corpus', '--docs', '60', '--seed', '5', '-o', corpus, '--corpus', CORPUS]);
  parallax(['bundle', corpus, '-o', path.join(dir, 'whole.bin')]);
  const sharded = path.join(dir, 'sharded');
  parallax(['bundle', corpus, '--shards', sharded, '--index-shard-kb', '2', '--chunk-kb', '8']);
  files = filesUnder(sharded);
  const without = (pred) => Object.fromEntries(Object.entries(files).filter(([k]) => !pred(k)));
  const chunks = Object.keys(files).filter((k) => k.startsWith('docs/')).sort();
  sites.whole = await startServer({ distDir: DIST, overrides: { 'corpus.bin': path.join(dir, 'whole.bin') } });
  sites.sharded = await startServer({ distDir: DIST, overrides: files });
  // Each index file and the entity file answer after 1.5 s, to see what the page says meanwhile.
  sites.slow = await startServer({
    distDir: DIST,
    overrides: files,
    delays: Object.fromEntries(
      Object.keys(files)
        .filter((k) => k.startsWith('index/') || k.startsWith('entities/'))
        .map((k) => [k, 1500]),
    ),
  });
  // Deleted index shards (the server answers 404 for them), and two chunks swapped (another
  // deployment's file under a name the manifest lists).
  sites.noIndex = await startServer({ distDir: DIST, overrides: without((k) => k.startsWith('index/')) });
  const swapped = { ...files };
  for (const c of chunks) swapped[c] = files[chunks[0]];
  swapped[chunks[0]] = files[chunks[1]];
  sites.stale = await startServer({ distDir: DIST, overrides: swapped });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(sites).map((s) => s.close()));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The paths of the corpus files the page fetched (corpus.bin, index/, docs/, entities/, names/). */
function fetched(log, site) {
  return log.requests
    .filter((u) => u.startsWith(site.baseUrl))
    .map((u) => u.slice(site.baseUrl.length))
    .filter((p) => p === 'corpus.bin' || /^(index|docs|entities|names)\//.test(p));
}

/** The text of the page `query` of `site` once every one of `shown` (selectors) is there, and
 * the corpus files it fetched; with `waiting`, the page first says it is loading that, and how
 * much ("Loading the entity table (12 KB)…"). */
async function mainText(site, query, shown, waiting) {
  let text;
  const log = await withPage(browser, site, async (page) => {
    await page.goto(site.baseUrl + query);
    if (waiting) {
      const msg = page.locator('main p.loading', { hasText: waiting });
      await msg.waitFor();
      assert.match(await msg.innerText(), new RegExp(`^${waiting} \\(\\d+(\\.\\d)? (KB|MB)\\)…$`));
    }
    for (const sel of shown) await page.locator(sel).waitFor();
    text = await page.locator('main').innerText();
  });
  return { text, files: fetched(log, site) };
}

/** What the search view shows for `query` (or a whole query string): the count line and each
 * hit's title and passages, or each concordance line. */
async function searchShows(site, query) {
  let shown;
  const log = await withPage(browser, site, async (page) => {
    await page.goto(site.baseUrl + (query.startsWith('?') ? query : '?q=' + encodeURIComponent(query)));
    await page.locator('.search-layout[data-search-ns]').waitFor();
    shown = await page.evaluate(() => ({
      count: document.querySelector('.search-count')?.textContent,
      // textContent, not innerText: results below the fold are not laid out
      // (`content-visibility: auto`), and innerText of what is not laid out is empty.
      hits: [...document.querySelectorAll('li.search-hit, li.passage-hit, .kwic tr')].map((li) => li.textContent),
    }));
  });
  return { shown, files: fetched(log, site) };
}

describe('a sharded corpus', () => {
  test('a search shows what the whole corpus shows, fetching only its words’ shards and its results’ chunks', async () => {
    const indexFiles = Object.keys(files).filter((k) => k.startsWith('index/'));
    const chunkFiles = Object.keys(files).filter((k) => k.startsWith('docs/'));
    assert.ok(indexFiles.length >= 10 && chunkFiles.length >= 10, `${indexFiles.length} index files, ${chunkFiles.length} chunks`);
    for (const q of ['lachin', '"ethnic cleansing"', 'reintegr*', 'humanitarian -russia', 'Azerbajan']) {
      const whole = await searchShows(sites.whole, q);
      const sharded = await searchShows(sites.sharded, q);
      assert.ok(whole.shown.hits.length > 0, `${q}: the whole corpus finds something`);
      assert.deepEqual(sharded.shown, whole.shown, `${q}: the same count, titles and passages`);
      const idx = sharded.files.filter((p) => p.startsWith('index/'));
      const docs = sharded.files.filter((p) => p.startsWith('docs/'));
      assert.ok(idx.length >= 1 && idx.length < indexFiles.length / 2, `${q}: ${idx.length} of ${indexFiles.length} index files`);
      assert.ok(docs.length <= 20, `${q}: ${docs.length} chunks for 20 results at most`);
      assert.equal(new Set(sharded.files).size, sharded.files.length, `${q}: each file fetched once`);
    }
    // One word: the one shard of its stem; no entity table.
    const one = await searchShows(sites.sharded, 'lachin');
    assert.equal(one.files.filter((p) => p.startsWith('index/')).length, 1, one.files.join(' '));
    assert.equal(one.files.filter((p) => p.startsWith('entities/')).length, 0, one.files.join(' '));
  });

  test('a filter alone fetches no chunk; an entity filter fetches the entity table', async () => {
    const outlet = '?mode=docs&outlet=' + encodeURIComponent(JSON.parse(parallax(['parse', '--json', path.join(dir, 'corpus', 'synth_00003.txt')]))[0].outlet);
    const whole = await searchShows(sites.whole, outlet);
    const sharded = await searchShows(sites.sharded, outlet);
    assert.ok(whole.shown.hits.length > 0, outlet);
    assert.deepEqual(sharded.shown, whole.shown);
    assert.deepEqual(sharded.files, ['corpus.bin'], 'the manifest alone');
    const entity = await searchShows(sites.sharded, 'entity:Armenia');
    assert.deepEqual(entity.shown, (await searchShows(sites.whole, 'entity:Armenia')).shown);
    assert.equal(entity.files.filter((p) => p.startsWith('entities/')).length, 1, entity.files.join(' '));
  });

  test('the concordance shows what the whole corpus’s shows, fetching the chunks of its lines', async () => {
    for (const q of ['?q=corridor&mode=kwic', '?q=the&mode=kwic', '?q=corridor&mode=kwic&ksort=left']) {
      const whole = await searchShows(sites.whole, q);
      const sharded = await searchShows(sites.sharded, q);
      assert.ok(whole.shown.hits.length > 0, `${q}: lines`);
      assert.deepEqual(sharded.shown, whole.shown, q);
      const docs = sharded.files.filter((p) => p.startsWith('docs/'));
      const all = Object.keys(files).filter((k) => k.startsWith('docs/')).length;
      if (!q.includes('ksort')) assert.ok(docs.length < all, `${q}: ${docs.length} of ${all} chunks`);
    }
  });

  test('while a shard loads the page says so, then shows the results', async () => {
    await withPage(browser, sites.slow, async (page) => {
      await page.goto(sites.slow.baseUrl + '?q=corridor');
      const waiting = page.locator('.search-status .search-waiting');
      await waiting.waitFor();
      assert.match(await waiting.innerText(), /^Loading the index for “corridor” \(\d+ KB\)…$/);
      await page.locator('li.search-hit').first().waitFor();
      assert.equal(await waiting.count(), 0);
    });
  });

  test('the reader opens an article of a later chunk, fetching that chunk alone', async () => {
    const log = await withPage(browser, sites.sharded, async (page) => {
      await page.goto(sites.sharded.baseUrl + '?doc=synth_00057');
      await waitForReader(page, 'synth_00057');
      const text = fs.readFileSync(path.join(dir, 'corpus', 'synth_00057.txt'), 'utf8');
      const line = text.split('\n').find((l) => l.length > 80);
      assert.ok((await page.locator('article.reader').innerText()).includes(line.slice(0, 60)), 'the article text is shown');
    });
    const docs = fetched(log, sites.sharded).filter((p) => p.startsWith('docs/'));
    assert.equal(new Set(docs).size, 1, docs.join(' '));
    assert.equal(fetched(log, sites.sharded).filter((p) => p.startsWith('index/')).length, 0);
  });

  test('the reader’s framing words come from the comparison worker, which reads that article’s chunk alone', async () => {
    const at = (id) => path.join(dir, 'corpus', `${id}.txt`);
    const cli = JSON.parse(parallax(['compare', at('synth_00057'), at('synth_00003'), '--json']));
    assert.ok(cli.frames.some((h) => h.doc === 'synth_00057'), 'the article uses framing terms');
    const log = await withPage(browser, sites.sharded, async (page) => {
      await page.goto(sites.sharded.baseUrl + '?doc=synth_00057&frames=1');
      await waitForReader(page, 'synth_00057');
      await page.locator('.framing-summary').waitFor();
      await page.waitForFunction(() => !document.querySelector('.framing-summary .compare-wait'));
      assert.equal(await page.locator('.framing-summary [role=alert]').count(), 0, 'no message instead of the framing words');
      assert.ok((await page.locator('.blocks mark.frame').count()) > 0, 'its framing terms are marked');
    });
    // The page and the worker each read the manifest and the article's chunk; no index shard.
    const read = new Set(fetched(log, sites.sharded));
    assert.deepEqual([...read].filter((p) => p.startsWith('docs/')).length, 1, [...read].join(' '));
    assert.deepEqual([...read].filter((p) => p.startsWith('index/')), []);
  });

  test('the reader’s entity card counts the names over the whole corpus', async () => {
    const cards = {};
    for (const site of ['whole', 'sharded']) {
      await withPage(browser, sites[site], async (page) => {
        await page.goto(sites[site].baseUrl + '?doc=synth_00057');
        await waitForReader(page, 'synth_00057');
        // The most mentioned entity of the article: its hidden description names the counts.
        cards[site] = await page.evaluate(() => [...document.querySelectorAll('.ent-descriptions span')].map((s) => s.textContent));
      });
    }
    assert.ok(cards.sharded.length > 0);
    // Whole: per source; sharded, before the other articles load: over every source, the same totals.
    const total = (lines) => lines.map((l) => [...l.matchAll(/×(\d+)/g)].reduce((a, m) => a + Number(m[1]), 0));
    assert.deepEqual(total(cards.sharded), total(cards.whole));
    assert.ok(cards.sharded.some((l) => l.includes('all sources: ')), cards.sharded[0]);
  });

  test('the overview fetches the entity table and the chunks of the articles it compares, saying so, and shows the whole corpus’s story', async () => {
    const shown = ['section.card[data-card="timeline"]', 'section.card[data-card="names"]'];
    const whole = await mainText(sites.whole, '', shown);
    const sharded = await mainText(sites.slow, '', shown, 'Loading the entity table');
    // The same story, the contested names of every article included (from the entity file).
    assert.equal(sharded.text, whole.text);
    assert.match(sharded.text, /Contested names/);
    // The index is not read, nor the chunks of articles not compared (at most six are).
    assert.equal(sharded.files.filter((p) => p.startsWith('index/')).length, 0, sharded.files.join(' '));
    assert.equal(new Set(sharded.files.filter((p) => p.startsWith('entities/'))).size, 1);
    const chunks = new Set(sharded.files.filter((p) => p.startsWith('docs/')));
    const all = Object.keys(files).filter((k) => k.startsWith('docs/'));
    assert.ok(chunks.size >= 1 && chunks.size <= 6 && all.length > 6, `${chunks.size} of ${all.length} chunks`);
  });

  test('the overview of some outlets fetches the names file and the chunks of the articles it compares, not the others, and shows what the whole corpus’s shows', async () => {
    // Outlets holding at least half the articles, most first, from the whole corpus's filters.
    let outlets = [];
    await withPage(browser, sites.whole, async (page) => {
      await page.goto(sites.whole.baseUrl);
      const values = page.locator('nav.overview-outlets a.facet-value');
      await values.first().waitFor();
      const listed = await values.evaluateAll((as) => as.map((a) => [a.querySelector('.facet-name').textContent, Number(a.querySelector('.facet-count').textContent)]));
      let n = 0;
      for (const [name, count] of listed) if (n < 30) (outlets.push(name), (n += count));
      assert.ok(n >= 30, JSON.stringify(listed));
    });
    const query = '?page=overview&' + outlets.map((o) => 'outlet=' + encodeURIComponent(o)).join('&');
    const shown = ['section.card[data-card="timeline"]', 'section.card[data-card="names"]'];
    const whole = await mainText(sites.whole, query, shown);
    const sharded = await mainText(sites.sharded, query, shown);
    // The same story and the same contested names, read from the names file.
    assert.equal(sharded.text, whole.text);
    assert.match(sharded.text, /Contested names/);
    assert.match(whole.text, /\d+ of the corpus’s 60 articles/);
    assert.equal(new Set(sharded.files.filter((p) => p.startsWith('names/'))).size, 1, sharded.files.join(' '));
    // The chunks of the six articles compared at most, not those of the thirty and more.
    const chunks = new Set(sharded.files.filter((p) => p.startsWith('docs/')));
    assert.ok(chunks.size >= 1 && chunks.size <= 6, `${chunks.size} chunks`);
    // The overview of every article needs no names file (the entity file has its names).
    const all = await mainText(sites.sharded, '', shown);
    assert.equal(all.files.filter((p) => p.startsWith('names/')).length, 0, all.files.join(' '));
  });

  test('the entities page fetches the entity file alone, saying so, and shows what the whole corpus’s page shows', async () => {
    const whole = await mainText(sites.whole, '?page=entities', ['section.contested']);
    const sharded = await mainText(sites.slow, '?page=entities', ['section.contested'], 'Loading the entity table');
    // The same page: the table, and each contested name by source (more than twelve sources:
    // how many prefer each name), from the names by source the entity file carries.
    assert.equal(sharded.text, whole.text);
    assert.match(sharded.text, /preferred by \d+ sources/);
    // No article and no index shard is read.
    assert.equal(sharded.files.filter((p) => p.startsWith('docs/') || p.startsWith('index/')).length, 0, sharded.files.join(' '));
    assert.equal(new Set(sharded.files.filter((p) => p.startsWith('entities/'))).size, 1);
  });

  test('a query that needs every index shard fetches them a few files at a time', async () => {
    // Files of the corpus being fetched at once, at most (a browser refuses thousands at once).
    let now = 0;
    let most = 0;
    let requested = 0;
    const corpusFile = (req) => /\/(docs|index|entities)\//.test(new URL(req.url()).pathname);
    const letters = [...'abcdefghijklmnopqrstuvwxyz'].map((c) => `${c}*`).join(' OR ');
    await withPage(browser, sites.slow, async (page) => {
      page.on('request', (req) => {
        if (!corpusFile(req)) return;
        requested += 1;
        most = Math.max(most, ++now);
      });
      const done = (req) => corpusFile(req) && (now -= 1);
      page.on('requestfinished', done);
      page.on('requestfailed', done);
      await page.goto(sites.slow.baseUrl + '?q=' + encodeURIComponent(letters));
      const waiting = page.locator('.search-status .search-waiting', { hasText: 'Loading the index for' });
      await waiting.waitFor();
      await page.locator('li.search-hit').first().waitFor();
    });
    const shards = Object.keys(files).filter((k) => k.startsWith('index/')).length;
    assert.ok(shards > 32, `${shards} index shards`);
    assert.ok(requested >= shards, `${requested} files fetched`);
    assert.ok(most >= 2 && most <= 32, `${most} files fetched at once`);
  });

  test('a deleted index shard is named in the message', async () => {
    await withPage(
      browser,
      sites.noIndex,
      async (page) => {
        await page.goto(sites.noIndex.baseUrl + '?q=corridor');
        const msg = page.locator('.search-status .search-waiting', { hasText: 'could not be read' });
        await msg.waitFor();
        const text = await msg.innerText();
        const named = /“(index\/[0-9a-f]{16}\.bin)”/.exec(text)?.[1];
        assert.ok(named, text);
        assert.ok(files[named], `${named} is a file of the corpus`);
        assert.match(text, /404/);
        assert.match(text, /Reload the page/);
      },
      { allowBadResponses: [/\/index\//], allowConsoleErrors: [/404/] },
    );
  });

  test('a chunk that is not the manifest’s is refused by name', async () => {
    await withPage(browser, sites.stale, async (page) => {
      await page.goto(sites.stale.baseUrl + '?doc=synth_00000');
      const msg = page.locator('[role=alert].load-error');
      await msg.waitFor();
      assert.match(await msg.innerText(), /“docs\/[0-9a-f]{16}\.bin” is not the one its manifest lists/);
    });
  });
});
