// Browser tests for the Parallax app: the release build in dist/ (built with
// `trunk build --release --public-url /parallax/`), served under /parallax/ by server.mjs,
// driven by playwright-core in Debian's Chromium. Run: `node --test tests/browser/`.
//
// Every test goes through withPage(), which also fails the test on any console error,
// page error, failed response, or request outside the page's own origin.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import {
  CORPUS,
  DIST,
  withPage,
  waitForLibrary,
  waitForReader,
  waitForNotFound,
  docIds,
  params,
  readCorpusFile,
  screenshot,
  serveDistAndLaunch,
  axeAtTwoWidths,
  PHONE,
  DESKTOP,
  watchLayoutShifts,
  layoutShifts,
  splitModule,
  failDownload,
  failedDownload,
  parallax,
  bundle,
} from './helpers.mjs';

const IDS = [
  '000_c89f353285aead65',
  '001_1d5485b6803e7481',
  '002_4123e98665d019c0',
  '003_a22fafbe7c290254',
  '004_3e6e64eefb726ed0',
];
const D001 = '001_1d5485b6803e7481';
const D002 = '002_4123e98665d019c0';
const D003 = '003_a22fafbe7c290254';
/** The documents whose published date is known, newest first. */
const DATED_NEWEST_FIRST = ['004_3e6e64eefb726ed0', '000_c89f353285aead65', D001, D002];
const PROVENANCE = ['from text', 'from sidecar', 'not stated'];

let server;
let browser;
serveDistAndLaunch((s, b) => {
  server = s;
  browser = b;
});

/** Positions of `subset` ids inside `order`. */
function positions(order, subset) {
  return subset.map((id) => order.indexOf(id));
}

function assertIncreasing(nums, msg) {
  for (let i = 1; i < nums.length; i++) assert.ok(nums[i - 1] < nums[i], `${msg}: ${JSON.stringify(nums)}`);
}

/** Wait until the URL's query parameter `name` is `value` (null: absent). */
async function waitForUrlParam(page, name, value) {
  await page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n) === v, [name, value]);
}

/** Poll the library order until `pred(ids)` holds (the list re-renders after the URL changes). */
async function waitForOrder(page, pred, what) {
  const deadline = Date.now() + 5000;
  let ids = await docIds(page);
  while (!pred(ids) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    ids = await docIds(page);
  }
  assert.ok(pred(ids), `${what} did not appear: ${ids}`);
  return ids;
}

async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

describe('static server', () => {
  test('serves dist under /parallax/ with the right MIME types and 404s elsewhere', async () => {
    const files = fs.readdirSync(DIST);
    // The app's own module (the comparison worker's is fetched only when needed, checked below).
    const wasm = files.find((f) => f.startsWith('parallax-app') && f.endsWith('.wasm'));
    const js = files.find((f) => f.startsWith('parallax-app') && f.endsWith('.js'));
    assert.ok(wasm && js, `dist has a .wasm and a .js: ${files}`);
    assert.ok(fs.statSync(path.join(DIST, wasm)).size > 1000, `${wasm} is not empty (two trunk builds racing on one target dir?)`);
    const get = (p) => fetch(server.origin + p, { redirect: 'manual' });

    let r = await get('/parallax/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    const html = await r.text();
    assert.ok(html.includes(`/parallax/${wasm}`), 'index.html refers to the wasm under the public URL /parallax/');

    r = await get(`/parallax/${wasm}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/wasm');
    r = await get(`/parallax/${js}`);
    assert.match(r.headers.get('content-type'), /^text\/javascript/);
    for (const [f, type] of [
      ['compare_worker_loader.js', /^text\/javascript/],
      ['compare_worker.js', /^text\/javascript/],
      ['compare_worker_bg.wasm', /^application\/wasm$/],
    ]) {
      r = await get(`/parallax/${f}`);
      assert.equal(r.status, 200, `the comparison worker's ${f} is in dist`);
      assert.match(r.headers.get('content-type'), type);
    }
    assert.ok(!/(src|href)="[^"]*compare_worker/.test(html), 'the worker is not part of the first load');
    r = await get('/parallax/corpus.bin');
    assert.equal(r.status, 200, 'the post_build hook put corpus.bin into dist');
    assert.ok((await r.arrayBuffer()).byteLength > 0);

    for (const p of ['/', '/index.html', `/${wasm}`, '/parallax/missing.js', '/parallax/../Cargo.toml', '/parallax/%2e%2e/Cargo.toml']) {
      r = await get(p);
      assert.equal(r.status, 404, `GET ${p}`);
    }
    r = await get('/parallax');
    assert.equal(r.status, 301);
  });
});

describe('library', () => {
  test('lists all five documents, newest first, with their metadata', async () => {
    await withPage(browser, server, async (page, log) => {
      await page.goto(server.baseUrl + '?page=library');
      const ids = await waitForLibrary(page, 5);
      assert.deepEqual([...ids].sort(), IDS);
      assert.equal(await text(page.locator('main#main h1')), 'Library');
      assert.equal(await page.locator('select#sort').inputValue(), 'date');
      assertIncreasing(positions(ids, DATED_NEWEST_FIRST), 'default sort is newest first');

      for (const id of IDS) {
        const item = page.locator(`ol.doc-list li.doc-item[data-doc-id="${id}"]`);
        const link = item.locator('a.doc-link');
        assert.equal(await link.getAttribute('href'), `?doc=${id}`);
        assert.ok((await text(link)).length > 0, `${id} has a link text (title or lede)`);
        for (const cls of ['doc-outlet', 'doc-authors', 'doc-published', 'doc-updated', 'doc-words']) {
          assert.equal(await item.locator(`.${cls}`).count(), 1, `${id} has .${cls}`);
        }
      }
      const item1 = page.locator(`li.doc-item[data-doc-id="${D001}"]`);
      assert.equal(await text(item1.locator('a.doc-link')), 'UN Mission Arrives in Karabakh Region After 30-Year Break');
      assert.match(await text(item1.locator('.doc-authors')), /Ilham Karimli/);
      assert.match(await text(item1.locator('.doc-published')), /October 2, 2023/);
      const item2 = page.locator(`li.doc-item[data-doc-id="${D002}"]`);
      assert.match(await text(item2.locator('.doc-outlet')), /Balkan Periscope - Hellas/);
      // Untitled documents are listed by an excerpt of their lede.
      const lede3 = await text(page.locator(`li.doc-item[data-doc-id="${D003}"] a.doc-link`));
      assert.ok(lede3.length >= 10, `003 is listed by its lede: "${lede3}"`);

      assert.ok(
        log.requests.includes(server.baseUrl + 'corpus.bin'),
        `the app fetched corpus.bin relative to the public URL (requests: ${log.requests.join(', ')})`,
      );
      await screenshot(page, 'library-desktop');
    });
  });

  test('sort by outlet and by date-asc changes the order, is in the URL and survives reload', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?page=library');
      const byDate = await waitForLibrary(page, 5);

      const isOutletOrder = (ids) =>
        ids.length === 5 && ids.join() !== byDate.join() && (ids[0] === D002 || ids[4] === D002);
      await page.locator('select#sort').selectOption('outlet');
      await waitForUrlParam(page, 'sort', 'outlet');
      // 002 is the only document whose outlet is stated: it sorts to one end.
      const byOutlet = await waitForOrder(page, isOutletOrder, 'an outlet order (changed, 002 at one end)');
      assert.deepEqual([...byOutlet].sort(), IDS);

      await page.reload();
      const afterReload = await waitForLibrary(page, 5);
      assert.equal(params(page).get('sort'), 'outlet');
      assert.equal(await page.locator('select#sort').inputValue(), 'outlet');
      assert.deepEqual(afterReload, byOutlet, 'the outlet order survives reload');

      const isOldestFirst = (ids) => {
        const pos = positions(ids, [...DATED_NEWEST_FIRST].reverse());
        return pos.every((x, i) => x >= 0 && (i === 0 || pos[i - 1] < x));
      };
      await page.locator('select#sort').selectOption('date-asc');
      await waitForUrlParam(page, 'sort', 'date-asc');
      await waitForOrder(page, isOldestFirst, 'the date-asc order (oldest first)');

      await page.locator('select#sort').selectOption('date');
      await waitForOrder(page, (ids) => ids.join() === byDate.join(), 'the default order again');
    });
  });
});

describe('reader', () => {
  test('crossheads inside the body are headings, as the parser classified them', async () => {
    const docs = JSON.parse(parallax(['parse', CORPUS, '--json'])).filter((d) => d.blocks.some((b) => b.kind === 'subheading'));
    assert.ok(docs.length > 0, 'a seed has a crosshead (see the reviewed parse snapshots)');
    await withPage(browser, server, async (page) => {
      for (const d of docs) {
        await page.goto(`${server.baseUrl}?doc=${d.id}`);
        await waitForReader(page, d.id);
        const shown = await page.locator('.blocks h2.block-subheading').allTextContents();
        assert.deepEqual(shown, d.blocks.filter((b) => b.kind === 'subheading').map((b) => b.text));
      }
    });
  });

  test('clicking a document opens it: title, outlet, dates, body, and the caption apart from the body', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?page=library');
      await waitForLibrary(page, 5);
      await page.locator(`li.doc-item[data-doc-id="${D001}"] a.doc-link`).click();
      await waitForReader(page, D001);
      await waitForUrlParam(page, 'doc', D001);

      const reader = page.locator(`article.reader[data-doc-id="${D001}"]`);
      assert.equal(await text(reader.locator('h1.doc-title')), 'UN Mission Arrives in Karabakh Region After 30-Year Break');
      const meta = reader.locator('dl.meta');
      for (const f of ['outlet', 'authors', 'published', 'updated']) {
        const dd = meta.locator(`dd.meta-${f}`);
        assert.equal(await dd.count(), 1, `dd.meta-${f}`);
        const prov = await text(dd.locator('.provenance'));
        // "from text" names the parser's rule too: "from text: byline".
        assert.ok(PROVENANCE.some((p) => prov === p || prov.startsWith(`${p}: `)), `dd.meta-${f} provenance is one of ${PROVENANCE}: "${prov}"`);
      }
      assert.match(await text(meta.locator('dd.meta-authors')), /Ilham Karimli/);
      // It names the line of the file the byline is on, and quotes it.
      assert.match(await text(meta.locator('dd.meta-authors .provenance')), /from text: byline, line 7: “By Ilham Karimli October 2, 2023”/);
      assert.match(await text(meta.locator('dd.meta-published')), /October 2, 2023/);
      assert.match(await text(meta.locator('dd.meta-published .provenance')), /from text/);
      assert.match(await text(meta.locator('dd.meta-updated')), /April 28, 2024/);

      const bodies = await reader.locator('p.block.block-body').allInnerTexts();
      assert.ok(bodies.length >= 10, `001 has body blocks (${bodies.length})`);
      assert.ok(bodies.some((b) => b.includes('A mission sent by the United Nations (UN) arrived on Sunday')));
      const captions = await reader.locator('p.block.block-caption').allInnerTexts();
      assert.ok(captions.some((c) => c.includes('A convoy of the UN mission')), `a caption block: ${JSON.stringify(captions)}`);
      assert.ok(!bodies.some((b) => b.includes('A convoy of the UN mission')), 'the caption is not body text');
      const credits = await reader.locator('p.block.block-credit').allInnerTexts();
      assert.ok(credits.some((c) => c.includes('Trend News Agency')), `a credit block: ${JSON.stringify(credits)}`);
      assert.ok((await page.locator('section.diagnostics').count()) >= 1, 'section.diagnostics');
      await screenshot(page, 'reader-001-desktop');
    });
  });

  test('a deep link ?doc= loads the document directly, and reload keeps it', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=${D002}`);
      await waitForReader(page, D002);
      const reader = page.locator(`article.reader[data-doc-id="${D002}"]`);
      const check = async () => {
        assert.equal(await text(reader.locator('h1.doc-title')), 'Armenia requests UN mission to oversee human rights in Nagorno-Karabakh');
        assert.match(await text(reader.locator('dd.meta-outlet')), /Balkan Periscope - Hellas/);
        assert.match(await text(reader.locator('dd.meta-published')), /September 24, 2023/);
        assert.ok((await reader.locator('p.block.block-body').count()) > 0);
      };
      await check();
      await page.reload();
      await waitForReader(page, D002);
      await check();
    });
  });

  test('back and forward restore the library (with its sort) and the reader', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?sort=outlet`);
      const byOutlet = await waitForLibrary(page, 5);
      await page.locator(`li.doc-item[data-doc-id="${D001}"] a.doc-link`).click();
      await waitForReader(page, D001);

      await page.goBack();
      const back = await waitForLibrary(page, 5);
      assert.equal(await text(page.locator('main#main h1')), 'Library');
      assert.equal(await page.locator('select#sort').inputValue(), 'outlet');
      assert.deepEqual(back, byOutlet);
      assert.equal(params(page).get('doc'), null);

      await page.goForward();
      await waitForReader(page, D001);
      assert.equal(params(page).get('doc'), D001);

      // The header's Library link leads back to the library.
      await page.locator('nav.site-nav a', { hasText: 'Library' }).click();
      await waitForLibrary(page, 5);
      await waitForUrlParam(page, 'doc', null);
    });
  });

  test('the original-text toggle shows the raw file text, is in the URL and survives reload', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=${D001}`);
      await waitForReader(page, D001);
      const toggle = page.locator('button#toggle-original');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      assert.equal(await page.locator('pre.original-text').count(), 0);

      await toggle.click();
      await page.locator('pre.original-text').waitFor();
      await page.locator('button#toggle-original[aria-pressed="true"]').waitFor();
      await waitForUrlParam(page, 'view', 'original');
      const norm = (s) => s.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '').trimEnd();
      const shown = await page.locator('pre.original-text').textContent();
      assert.equal(norm(shown), norm(readCorpusFile(D001)), 'pre.original-text is the file text');

      await page.reload();
      await waitForReader(page, D001);
      await page.locator('pre.original-text').waitFor();
      assert.equal(await page.locator('button#toggle-original').getAttribute('aria-pressed'), 'true');

      await page.locator('button#toggle-original').click();
      await page.locator('pre.original-text').waitFor({ state: 'detached' });
      await page.locator('button#toggle-original[aria-pressed="false"]').waitFor();
      await waitForUrlParam(page, 'view', null);
    });
  });
});

describe('not found', () => {
  test('an unknown id shows the not-found message inside the layout', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=unknown`);
      await waitForNotFound(page);
      assert.match(await text(page.locator('p.not-found-message')), /unknown/);
      assert.equal(await page.locator('header.site-header a.home-link').getAttribute('href'), './');
      assert.equal(await text(page.locator('header.site-header a.home-link')), 'Parallax');
      assert.equal(await page.locator('a.skip-link[href="#main"]').count(), 1);
      // The skip link is the first thing the keyboard reaches.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.matches('a.skip-link')), true);
    });
  });

  test('an id containing HTML is shown as text', async () => {
    await withPage(browser, server, async (page) => {
      const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
      await page.goto(`${server.baseUrl}?doc=${encodeURIComponent(evil)}`);
      await waitForNotFound(page);
      assert.ok((await page.locator('p.not-found-message').textContent()).includes(evil));
      assert.equal(await page.locator('main#main img, main#main b').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  });
});

describe('accessibility (axe-core, WCAG 2.0/2.1 A and AA) and screenshots', () => {
  const views = [
    { name: 'library', query: '?page=library', wait: (p) => waitForLibrary(p, 5) },
    { name: 'reader', query: `?doc=${D001}`, wait: (p) => waitForReader(p, D001) },
    {
      name: 'original',
      query: `?doc=${D001}&view=original`,
      wait: async (p) => {
        await waitForReader(p, D001);
        await p.locator('pre.original-text').waitFor();
      },
    },
    { name: 'not-found', query: '?doc=unknown', wait: (p) => waitForNotFound(p) },
  ];
  axeAtTwoWidths(() => [browser, server], views);
});

describe('loading and load errors', () => {
  let dir;
  let slow;
  let missing;
  /** Servers of the same app with a damaged corpus.bin, by what was done to it. */
  const damaged = {};
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bad-bundle-'));
    const real = fs.readFileSync(path.join(DIST, 'corpus.bin'));
    // A fixed pseudo-random sequence (xorshift), so a failure can be reproduced.
    let x = 0x9e3779b9;
    const random = Buffer.alloc(4096, 0).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
    const flipped = Buffer.from(real);
    flipped[Math.floor(real.length / 2)] ^= 0x01;
    const older = Buffer.from(real);
    assert.equal(older.subarray(0, 4).toString(), 'PLXB', 'a bundle starts with its magic');
    older[4] -= 1; // the format version, right after the magic
    const files = {
      'another file': Buffer.from('this is not a Parallax bundle\n'),
      'random bytes': random,
      'a truncated bundle': real.subarray(0, Math.floor(real.length * 0.6)),
      'one flipped byte': flipped,
      'another format version': older,
    };
    for (const [label, bytes] of Object.entries(files)) {
      const file = path.join(dir, `${label.replaceAll(' ', '-')}.bin`);
      fs.writeFileSync(file, bytes);
      damaged[label] = await startServer({ distDir: DIST, overrides: { 'corpus.bin': file } });
    }
    slow = await startServer({ distDir: DIST, delays: { 'corpus.bin': 3000 } });
    missing = await startServer({ distDir: DIST, overrides: { 'corpus.bin': path.join(dir, 'absent.bin') } });
  });
  after(async () => {
    await Promise.all([slow?.close(), missing?.close(), ...Object.values(damaged).map((s) => s.close())]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('p.loading shows while the corpus loads, then the library replaces it', async () => {
    await withPage(browser, slow, async (page) => {
      await page.goto(slow.baseUrl + '?page=library');
      await page.locator('p.loading').waitFor({ timeout: 10000 }); // corpus.bin answers after 3 s
      await waitForLibrary(page, 5);
      assert.equal(await page.locator('p.loading').count(), 0);
    });
  });

  test('the loading shell has the layout of the app: nothing moves when the app replaces it', async () => {
    const wasm = fs.readdirSync(DIST).find((f) => f.startsWith('parallax-app') && f.endsWith('.wasm'));
    // index.html preloads corpus.bin beside the wasm, so it must come later than the wasm for
    // the app's own loading message to show.
    const late = await startServer({ distDir: DIST, delays: { [wasm]: 1500, 'corpus.bin': 4000 } });
    try {
      await withPage(browser, late, async (page) => {
        await page.goto(late.baseUrl + '?page=library', { waitUntil: 'commit' });
        await page.locator('#shell p.loading').waitFor();
        const box = (sel) => page.$eval(sel, (el) => JSON.stringify(el.getBoundingClientRect()));
        const shell = { header: await box('header.site-header'), main: await box('main#main') };
        assert.equal(await text(page.locator('#shell a.home-link')), 'Parallax');
        // The app mounts (its own loading message while the corpus arrives).
        await page.locator('p.loading').filter({ hasText: 'Loading corpus' }).waitFor();
        assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
        assert.equal(await page.locator('header.site-header').count(), 1, 'one header');
        assert.equal(await box('header.site-header'), shell.header, 'the header keeps its place and size');
        assert.equal(await box('main#main'), shell.main, 'main keeps its place and size');
        await waitForLibrary(page, 5);
      });
    } finally {
      await late.close();
    }
  });

  test('the landing page does not shift while it loads (Chromium layout-shift entries), phone and desktop', async () => {
    const wasm = fs.readdirSync(DIST).find((f) => f.startsWith('parallax-app') && f.endsWith('.wasm'));
    // The wasm comes late, so the shell is painted first, as on a slow connection.
    const late = await startServer({ distDir: DIST, delays: { [wasm]: 1000 } });
    try {
      for (const viewport of [PHONE, DESKTOP]) {
        await withPage(
          browser,
          late,
          async (page) => {
            await watchLayoutShifts(page);
            await page.goto(late.baseUrl);
            await page.locator('.overview h1').waitFor();
            await page.waitForFunction(() => !document.querySelector('.overview-wait, p.loading'));
            const { total, shifts } = await layoutShifts(page);
            assert.ok(total < 0.01, `layout shift ${total.toFixed(4)} at ${viewport.width} px: ${JSON.stringify(shifts)}`);
          },
          { viewport },
        );
      }
    } finally {
      await late.close();
    }
  });

  const expected = {
    'another file': /not a Parallax corpus bundle/,
    'random bytes': /not a Parallax corpus bundle/,
    'a truncated bundle': /cut short/,
    'one flipped byte': /damaged/,
    'another format version': /format version \d+, this app reads version \d+/,
  };
  for (const [label, what] of Object.entries(expected)) {
    test(`${label} as corpus.bin: the load error says why, inside the layout, in every view`, async () => {
      const s = damaged[label];
      await withPage(browser, s, async (page) => {
        for (const q of ['', '?doc=001_1d5485b6803e7481', '?q=lachin&mode=kwic', '?page=entities', '?compare=a,b']) {
          await page.goto(s.baseUrl + q);
          const alert = page.locator('[role=alert].load-error');
          await alert.waitFor();
          assert.equal(await text(alert.locator('h1')), 'The corpus could not be loaded');
          assert.match(await text(alert), what);
          assert.match(await text(alert), /corpus\.bin/, 'the message names the file');
          assert.equal(await page.locator('header.site-header a.home-link').count(), 1);
          assert.equal(await page.locator('footer.site-footer').count(), 1);
        }
        // The app still works around the message: the header's links lead to it again.
        await page.locator('header.site-header a', { hasText: 'Entities' }).click();
        await page.locator('[role=alert].load-error').waitFor();
      });
    });
  }

  test('a missing bundle (404) shows [role=alert].load-error inside the layout', async () => {
    await withPage(
      browser,
      missing,
      async (page) => {
        await page.goto(missing.baseUrl);
        const alert = page.locator('[role=alert].load-error');
        await alert.waitFor();
        assert.match(await text(alert), /404/);
        assert.equal(await page.locator('header.site-header a.home-link').count(), 1);
        assert.equal(await page.locator('main#main').count(), 1);
      },
      { allowBadResponses: [/\/corpus\.bin$/], allowConsoleErrors: [/404/] },
    );
  });

  test('a page whose module cannot be fetched says so; the others still open', async () => {
    const entities = splitModule('entities');
    await withPage(
      browser,
      server,
      async (page) => {
        await failDownload(page, entities);
        await page.goto(server.baseUrl);
        await page.locator('.overview h1').waitFor();
        await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Entities' }).click();
        const alert = page.locator('[role=alert].load-error');
        await alert.waitFor();
        assert.equal(await text(alert.locator('h1')), 'This page could not be loaded');
        await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Library' }).click();
        await waitForLibrary(page, 5);
        assert.equal(await page.locator('[role=alert].load-error').count(), 0);
      },
      failedDownload(entities),
    );
  });
});

describe('a redeploy between the page and its comparison worker', () => {
  // The page loads one corpus; then the site is "redeployed" with another (the same articles
  // and one more), so the worker, started later, fetches a bundle the page does not hold.
  let dir;
  let site;
  const overrides = {};
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-redeploy-'));
    fs.cpSync(CORPUS, path.join(dir, 'corpus'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'corpus', 'zz_added.txt'),
      `Aid convoy reaches the region\n\nBy Jane Roe October 3, 2023\n\n${'The humanitarian corridor reopened on Tuesday after talks in Brussels. '.repeat(4)}\n`,
    );
    bundle(path.join(dir, 'corpus'), path.join(dir, 'newer.bin'));
    site = await startServer({ distDir: DIST, overrides });
  });
  after(async () => {
    await site?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the worker refuses to compare another bundle; the page explains and a reload resolves it', async () => {
    await withPage(browser, site, async (page) => {
      delete overrides['corpus.bin'];
      // The library, which never starts the worker: the reader does at once (its re-publication
      // check asks for the overview's comparison), so opening it before the redeploy let the
      // worker, when it started quickly, fetch the page's own bundle and never refuse.
      await page.goto(`${site.baseUrl}?page=library`);
      await waitForLibrary(page, 5);
      overrides['corpus.bin'] = path.join(dir, 'newer.bin'); // the redeploy
      await page.evaluate((id) => {
        history.pushState(null, '', `?doc=${id}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, D001);
      await waitForReader(page, D001);
      await page.locator('button#toggle-frames').click();
      const alert = page.locator('.framing-summary [role=alert]');
      // The worker starts now (its wasm, then the served corpus.bin): slow on a loaded machine.
      await alert.waitFor({ timeout: 60000 });
      assert.match(await text(alert), /site was updated after this page was loaded.*Reload the page/);
      // The comparison page says the same (client-side navigation: the page keeps its bundle).
      await page.evaluate(() => {
        history.pushState(null, '', '?compare=000_c89f353285aead65,003_a22fafbe7c290254');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.locator('.compare-page [role=alert]').waitFor({ timeout: 60000 });
      assert.match(await text(page.locator('.compare-page [role=alert]')), /site was updated/);
      // Reloading loads the new bundle with the page, and the comparison works.
      await page.locator('.compare-page [role=alert] a', { hasText: 'Reload the page' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.compare-docs li').length === 2);
      assert.equal(await page.locator('.compare-page [role=alert]').count(), 0);
      await page.goto(`${site.baseUrl}?doc=zz_added`);
      await waitForReader(page, 'zz_added');
    });
  });
});
