// Browser tests for the search view: typing a query, highlighted passages and counts, passage
// and KWIC modes, facets with and without a query, the URL as the whole state (copy link,
// fresh page, reload, back/forward), markup in a query shown as text, and axe-core.
// Same setup as app.test.mjs: the release build in dist/, served under /parallax/.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DESKTOP, PHONE, withPage, waitForLibrary, waitForReader, params, axeViolations, screenshot, serveDistAndLaunch, serveCorpus, waitForParam } from './helpers.mjs';

let server;
let browser;
serveDistAndLaunch((s, b) => {
  server = s;
  browser = b;
});

/** Wait until the search view shows a count line matching `re`; returns its text. */
async function waitForCount(page, re) {
  const count = page.locator('.search-status .search-count');
  // The filters follow the results a frame later, busy until then.
  await page.waitForFunction(
    ([sel, src]) => {
      const el = document.querySelector(sel);
      return el && new RegExp(src).test(el.textContent) && !document.querySelector('aside.facets[aria-busy]');
    },
    ['.search-status .search-count', re.source],
  );
  return (await count.textContent()).trim();
}

/** Asserts that the view lists the first page of `total` results (`rows` each), and says so. */
async function assertListed(page, rows, total) {
  const page1 = Math.min(total, 10);
  assert.equal(await page.locator(rows).count(), page1);
  const shown = page.locator('.search-more .search-shown');
  if (total > page1) assert.equal((await shown.textContent()).trim(), `Showing ${page1} of ${total}.`);
  else assert.equal(await shown.count(), 0);
}

function hitIds(page, sel = 'li.search-hit') {
  return page.$$eval(sel, (els) => els.map((e) => e.getAttribute('data-doc-id')));
}

describe('search', () => {
  test('typing a query shows ranked documents, highlighted passages and counts, in the URL', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?page=library');
      await waitForLibrary(page, 5);
      const historyBefore = await page.evaluate(() => history.length);
      await page.locator('form[role=search] input#q').click();
      await page.keyboard.type('lachin', { delay: 30 });
      // The documents are counted at once; the passages when asked.
      assert.equal(await waitForCount(page, /of 5 documents/), '2 of 5 documents');
      await waitForParam(page, 'q', 'lachin');
      assert.equal(await page.locator('main h1').textContent(), 'Search');
      const ids = await hitIds(page);
      assert.equal(ids.length, 2);
      const marks = await page.$$eval('li.search-hit blockquote.passage mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
      assert.ok(marks.length >= 2 && marks.every((m) => m === 'lachin'), `marks: ${marks}`);
      // Typing one word adds one history entry, not one per keystroke.
      assert.equal(await page.evaluate(() => history.length), historyBefore + 1);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'focus stays in the box');
      // Each hit links to the reader.
      await page.locator('li.search-hit a.doc-link').first().click();
      await waitForReader(page, ids[0]);
      assert.equal(params(page).get('doc'), ids[0]);
      await screenshot(page, 'search-then-reader');
    });
  });

  test('a result shows its best passage; "Show N more passages" (keyboard) adds the others in place', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?q=mission');
      await waitForCount(page, /of 5 documents/);
      const id = await page.locator('li.search-hit').filter({ has: page.locator('button.more-passages') }).first().getAttribute('data-doc-id');
      const hit = page.locator(`li.search-hit[data-doc-id="${id}"]`);
      assert.equal(await hit.locator('blockquote.passage').count(), 1, 'one passage at first');
      const button = hit.locator('button.more-passages');
      const n = Number((await button.textContent()).match(/^Show (\d+) more passages?$/)[1]);
      assert.ok(n >= 1);
      // Its name says whose passages it shows (every result has such a button).
      const title = (await hit.locator('a.doc-link').textContent()).trim();
      assert.equal(await button.getAttribute('aria-label'), `${(await button.textContent()).trim()}: ${title}`);
      await button.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        ([id, k]) => document.querySelectorAll(`li.search-hit[data-doc-id="${id}"] blockquote.passage`).length === k,
        [id, 1 + n],
      );
      assert.equal(await hit.locator('button.more-passages').count(), 0, 'the button is gone');
      const marks = await hit.locator('blockquote.passage mark').allTextContents();
      assert.ok(marks.length >= 1 + n && marks.every((m) => m.toLowerCase().startsWith('mission')), `marks: ${marks}`);
      assert.equal(
        await hit.evaluate((li) => document.activeElement === li.querySelectorAll('a.passage-context')[1]),
        true,
        "focus is on the first new passage's link",
      );
      assert.deepEqual(await axeViolations(page), []);
    });
  });

  test('"Count passages" counts the passages of every document found, as passage mode lists them', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?q=mission');
      assert.equal(await waitForCount(page, /of 5 documents/), '4 of 5 documents');
      const button = page.getByRole('button', { name: 'Count passages' });
      await button.focus();
      await page.keyboard.press('Enter');
      const count = await waitForCount(page, /passages? in 4 of 5 documents$/);
      assert.equal(await button.count(), 0, 'the button is gone once they are counted');
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('search-count')), true, 'focus is on the count');
      // A one-word query: the sentences with the word are the passages passage mode lists.
      const n = Number(count.split(' ')[0]);
      await page.getByRole('link', { name: 'Passages' }).click();
      await waitForCount(page, new RegExp(`^${n} passages in 4 of 5 documents$`));
      await assertListed(page, 'li.passage-hit', n);
      // A new search counts its documents at once again, and offers the button again.
      await page.goto(server.baseUrl + '?q=lachin');
      assert.equal(await waitForCount(page, /of 5 documents/), '2 of 5 documents');
      assert.equal(await button.count(), 1);
      assert.deepEqual(await axeViolations(page), []);
    });
  });

  test('back and forward step through committed searches, not keystrokes', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?page=library');
      await waitForLibrary(page, 5);
      const box = page.locator('input#q');
      await box.click();
      await page.keyboard.type('lachin', { delay: 20 });
      await page.keyboard.press('Enter');
      await waitForParam(page, 'q', 'lachin');
      await box.fill('');
      await page.keyboard.type('ceasefire', { delay: 20 });
      await waitForParam(page, 'q', 'ceasefire');
      await waitForCount(page, /of 5 documents/);
      await page.goBack();
      await waitForParam(page, 'q', 'lachin');
      await waitForCount(page, /^2 of 5 documents$/);
      assert.equal(await box.inputValue(), 'lachin', 'the box shows the restored query');
      await page.goBack();
      await waitForLibrary(page, 5);
      assert.equal(await box.inputValue(), '');
      await page.goForward();
      await waitForParam(page, 'q', 'lachin');
      await page.goForward();
      await waitForParam(page, 'q', 'ceasefire');
    });
  });

  test('passage mode lists every matching sentence; KWIC centres the keyword and sorts by context', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?q=mission');
      await waitForCount(page, /^4 of 5 documents$/);
      await page.getByRole('link', { name: 'Passages' }).click();
      await waitForParam(page, 'mode', 'passages');
      const count = await waitForCount(page, /passages in 4 of 5 documents/);
      const n = Number(count.split(' ')[0]);
      await assertListed(page, 'li.passage-hit', n);
      assert.ok(n >= 8, count);
      assert.equal(await page.getByRole('link', { name: 'Passages' }).getAttribute('aria-current'), 'true');

      await page.getByRole('link', { name: 'Concordance' }).click();
      await waitForParam(page, 'mode', 'kwic');
      await waitForCount(page, /occurrences in 4 of 5 documents/);
      // The view links are kept from one search to the next (marked here, checked below).
      await page.$$eval('nav.mode-switch a', (as) => as.forEach((a) => (a.__kept = true)));
      const keys = await page.$$eval('table.kwic-table tbody td.kwic-key', (tds) => tds.map((t) => t.textContent.toLowerCase()));
      assert.ok(keys.length >= 8 && keys.every((k) => k.startsWith('mission')), `keywords: ${keys}`);
      await screenshot(page, 'search-kwic');
      await page.getByRole('link', { name: 'Right context' }).click();
      await waitForParam(page, 'ksort', 'right');
      const rights = await page.$$eval('table.kwic-table tbody td.kwic-right', (tds) => tds.map((t) => t.textContent));
      const norm = (s) => s.trim().toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '');
      const sorted = [...rights].sort((a, b) => norm(a).localeCompare(norm(b)));
      assert.deepEqual(rights.map(norm), sorted.map(norm), 'lines sorted by right context');
      await page.getByRole('link', { name: 'Left context' }).click();
      await waitForParam(page, 'ksort', 'left');
      // Back steps through the committed views: right sort, then passages, then documents.
      await page.goBack();
      await waitForParam(page, 'ksort', 'right');
      await page.goBack();
      await waitForParam(page, 'ksort', null);
      await page.goBack();
      await waitForParam(page, 'mode', 'passages');
      await waitForCount(page, /passages in 4 of 5 documents/);
      // The same links, now marking the passages view and leading from it.
      const views = () =>
        page.$$eval('nav.mode-switch a', (as) =>
          as.map((a) => [a.textContent, a.getAttribute('aria-current'), new URL(a.href).search, a.__kept === true]),
        );
      assert.deepEqual(await views(), [
        ['Documents', null, '?q=mission', true],
        ['Passages', 'true', '?q=mission&mode=passages', true],
        ['Concordance', null, '?q=mission&mode=kwic', true],
      ]);
      await page.goForward();
      await waitForParam(page, 'mode', 'kwic');
      await waitForCount(page, /occurrences in 4 of 5 documents/);
      assert.deepEqual((await views()).map((v) => v[1]), [null, null, 'true'], 'the current view follows Forward');
    });
  });

  test('a passage opens in context: the reader scrolls to its paragraph, marks it and focuses it', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?q=%22ethnic+cleansing%22&mode=passages');
      await waitForCount(page, /passages? in \d of 5 documents/);
      // The last passage: its paragraph is far down the article.
      const hit = page.locator('li.passage-hit').last();
      const id = await hit.getAttribute('data-doc-id');
      const words = (await hit.locator('blockquote.passage').textContent()).trim().split(/\s+/).slice(0, 5).join(' ');
      await hit.locator('a.passage-context').click();
      await waitForReader(page, id);
      assert.ok(Number(params(page).get('at')) >= 0, 'the offset is in the URL');
      const target = page.locator('.blocks .at-target');
      await target.waitFor();
      assert.equal(await target.count(), 1);
      assert.ok((await target.textContent()).replace(/\s+/g, ' ').includes(words), `the marked paragraph holds “${words}”`);
      await page.waitForFunction(() => {
        const r = document.querySelector('.blocks .at-target').getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
      });
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('at-target')), true);
      await page.reload();
      await target.waitFor();
    });
  });

  test('facets filter with a query and without one, with live counts', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?q=mission');
      await waitForCount(page, /^4 of 5 documents$/);
      const outlets = page.locator('section[data-facet=outlet] a.facet-value');
      assert.ok((await outlets.count()) >= 1);
      const first = outlets.first();
      const name = (await first.locator('.facet-name').textContent()).trim();
      const n = Number(await first.locator('.facet-count').textContent());
      await first.click();
      await waitForParam(page, 'outlet', name);
      await waitForCount(page, new RegExp(`^${n} of 5 documents$`));
      assert.equal((await hitIds(page)).length, n);
      assert.equal(await page.locator('section[data-facet=outlet] a.facet-value[aria-current=true]').count(), 1);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-key')), `outlet:${name}`, 'focus stays on the followed filter');

      // An outlet alone (empty query) lists its documents.
      await page.locator('input#q').fill('');
      await page.locator('input#q').press('Enter');
      await waitForParam(page, 'q', null);
      await waitForParam(page, 'outlet', name);
      const count = await waitForCount(page, /of 5 documents$/);
      const m = Number(count.split(' ')[0]);
      assert.ok(m >= n, count);
      assert.equal((await hitIds(page)).length, m);
      // The date histogram narrows further, and says so in the URL.
      const bins = page.locator('section[data-facet=published] a.date-bin');
      const binCounts = await bins.locator('.date-count').allTextContents();
      await bins.nth(binCounts.findIndex((c) => Number(c) > 0)).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('after') !== null);
      assert.ok(params(page).get('before'));
      assert.equal(await page.locator('section[data-facet=published] a[aria-current=true]').count(), 1);
      await screenshot(page, 'search-facets');
    });
  });

  test('the library offers an empty search with facets; no filter keeps the plain library', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?mode=docs');
      await waitForCount(page, /^5 of 5 documents$/);
      assert.equal((await hitIds(page)).length, 5);
      await page.goto(server.baseUrl + '?page=library');
      await waitForLibrary(page, 5);
      await page.locator('input#q').press('Enter');
      await waitForCount(page, /^5 of 5 documents$/);
      assert.equal(params(page).get('mode'), 'docs');
      await page.goBack();
      await waitForLibrary(page, 5);
      await page.getByRole('link', { name: 'Filter by outlet, author or date' }).click();
      await waitForCount(page, /^5 of 5 documents$/);
      assert.equal(params(page).get('mode'), 'docs');
    });
  });

  test('copy link copies the exact view, which a fresh page restores; reload keeps it', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    try {
      await page.goto(server.baseUrl + '?q=%22UN+mission%22&mode=passages');
      await waitForCount(page, /passages in \d of 5 documents/);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.locator('.copy-status', { hasText: 'Link copied' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, page.url());
      // textContent: results below the fold are not laid out (`content-visibility`), so their
      // innerText is empty until scrolled to.
      const before = await page.locator('section.search-results').textContent();
      const status = await page.locator('.search-count').textContent();
      await page.reload();
      await waitForCount(page, new RegExp(status.replace(/[()]/g, '.')));
      assert.equal(await page.locator('section.search-results').textContent(), before);
      assert.equal(await page.locator('input#q').inputValue(), '"UN mission"');
      const fresh = await context.newPage();
      await fresh.goto(copied);
      await waitForCount(fresh, new RegExp(status));
      assert.equal(await fresh.locator('section.search-results').textContent(), before);
    } finally {
      await context.close();
    }
  });

  test('without a clipboard, copy link shows the address selected in a field', async () => {
    await withPage(browser, server, async (page) => {
      await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
      await page.goto(server.baseUrl + '?q=ceasefire');
      await waitForCount(page, /of 5 documents/);
      await page.getByRole('button', { name: 'Copy link' }).click();
      const field = page.locator('input#copy-url');
      await field.waitFor();
      assert.equal(await field.inputValue(), page.url());
      assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-url');
    });
  });

  test('a query with markup is text; an unparsable query gets a note, not an error', async () => {
    await withPage(browser, server, async (page) => {
      const q = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> "unclosed';
      await page.goto(server.baseUrl + '?q=' + encodeURIComponent(q));
      await page.locator('.search-status').waitFor();
      await page.locator('.search-notes li').first().waitFor();
      assert.equal(await page.locator('input#q').inputValue(), q);
      assert.equal(await page.locator('main#main img, main#main script').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.match(await page.title(), /<script>/, 'the title shows the query as text');
      for (const bad of ['"', 'OR', '-', '((', 'author:', 'after:yesterday', '*', 'a OR']) {
        await page.goto(server.baseUrl + '?q=' + encodeURIComponent(bad));
        await page.locator('.search-status .search-count').waitFor();
      }
    });
  });

  test('the dark theme has no axe violations (marks, filters, concordance)', async () => {
    await withPage(browser, server, async (page) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      for (const query of ['?q=un+mission&outlet=Balkan+Periscope+-+Hellas', '?q=mission&mode=kwic&after=2023-09-18&before=2023-09-25']) {
        await page.goto(server.baseUrl + query);
        await waitForCount(page, /of 5 documents/);
        await page.locator('a.facet-value').first().focus();
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `axe violations (${query}):\n${JSON.stringify(violations, null, 2)}`);
      }
      await screenshot(page, 'search-kwic-dark');
    });
  });

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    for (const [name, query] of [
      ['search', '?q=un+mission'],
      ['search-kwic', '?q=mission&mode=kwic&outlet=Balkan+Periscope+-+Hellas'],
    ]) {
      test(`${name} at ${label} width has no axe violations`, async () => {
        await withPage(
          browser,
          server,
          async (page) => {
            await page.goto(server.baseUrl + query);
            await waitForCount(page, /of 5 documents/);
            await page.locator('details.query-help summary').click();
            await screenshot(page, `${name}-${label}`);
            const violations = await axeViolations(page);
            assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
            if (label === 'phone') {
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              assert.ok(overflow <= 0, `no horizontal scrolling at 375px (overflow ${overflow}px)`);
            }
          },
          { viewport },
        );
      });
    }
  }
});

describe('search results a page at a time', () => {
  // 45 short articles that all mention the corridor: more than one page of results; three
  // from each of 15 outlets: more outlets than the filter lists before "5 more".
  const served = serveCorpus('paging', (corpus) => {
    for (let i = 1; i <= 45; i++) {
      const day = 1 + (i % 28);
      const stem = `report-${String(i).padStart(2, '0')}`;
      fs.writeFileSync(
        path.join(corpus, `${stem}.txt`),
        `Report ${i} on the corridor\n\nBy Jane Roe October ${day}, 2023\n\n` +
          `Trucks number ${i} crossed the corridor on October ${day}, officials said.\n`,
      );
      const outlet = `Outlet ${String(1 + (i % 15)).padStart(2, '0')}`;
      fs.writeFileSync(path.join(corpus, `${stem}.toml`), `outlet = "${outlet}"\n`);
    }
  });

  test('a facet lists ten values and the rest under "5 more"; a value chosen from the rest stays in sight', async () => {
    const site = served.server;
    await withPage(browser, site, async (page) => {
      await page.goto(site.baseUrl + '?q=corridor');
      await waitForCount(page, /^45 of 45 documents$/);
      const facet = page.locator('section[data-facet=outlet]');
      const names = (sel) => facet.locator(sel).allTextContents();
      assert.deepEqual(await names(':scope > ul .facet-name'), Array.from({ length: 10 }, (_, k) => `Outlet ${String(k + 1).padStart(2, '0')}`));
      const more = facet.locator('details.facet-more');
      assert.equal((await more.locator('summary').textContent()).trim(), '5 more');
      assert.equal(await more.getAttribute('open'), null);
      await more.locator('summary').focus();
      await page.keyboard.press('Enter');
      await more.locator('a.facet-value').first().waitFor();
      assert.deepEqual(await names('details .facet-name'), ['Outlet 11', 'Outlet 12', 'Outlet 13', 'Outlet 14', 'Outlet 15']);
      assert.deepEqual(await names('details .facet-count'), ['3', '3', '3', '3', '3']);
      // Choosing one keeps it open, chosen and focused; the results are its three.
      await more.getByRole('link', { name: /Outlet 13/ }).click();
      await waitForParam(page, 'outlet', 'Outlet 13');
      await waitForCount(page, /^3 of 45 documents$/);
      assert.equal(await page.locator('section[data-facet=outlet] details.facet-more').getAttribute('open'), '');
      assert.equal(await page.locator('section[data-facet=outlet] a[aria-current=true] .facet-name').textContent(), 'Outlet 13');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-key')), 'outlet:Outlet 13');
      assert.deepEqual(await axeViolations(page), []);
    });
  });

  test('the first 10 show; "Show more" (keyboard) adds the next ones without rebuilding the list, and focuses the first new one', async () => {
    const site = served.server;
    await withPage(browser, site, async (page) => {
      await page.goto(site.baseUrl + '?q=corridor');
      await waitForCount(page, /^45 of 45 documents$/);
      await assertListed(page, 'li.search-hit', 45);
      // The first page's items, marked, so that we can tell they are kept, not rebuilt.
      await page.$$eval('li.search-hit', (els) => els.forEach((e) => (e.__kept = true)));
      const more = page.getByRole('button', { name: 'Show 10 more' });
      await more.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('li.search-hit').length === 20);
      assert.equal(await page.$$eval('li.search-hit', (els) => els.filter((e) => e.__kept).length), 10);
      assert.equal(
        await page.evaluate(() => document.activeElement?.closest('li.search-hit') === document.querySelectorAll('li.search-hit')[10]),
        true,
        'focus is on the first new result',
      );
      assert.equal((await page.locator('.search-more .search-shown').textContent()).trim(), 'Showing 20 of 45.');
      for (const n of [30, 40]) {
        await page.getByRole('button', { name: 'Show 10 more' }).click();
        await page.waitForFunction((n) => document.querySelectorAll('li.search-hit').length === n, n);
      }
      await page.getByRole('button', { name: 'Show 5 more' }).click();
      await page.waitForFunction(() => document.querySelectorAll('li.search-hit').length === 45);
      assert.equal(await page.locator('.search-more button').count(), 0, 'no button once all are listed');
      const ids = await hitIds(page);
      assert.equal(new Set(ids).size, 45, 'every document once');
      // A new search starts from the first page again.
      await page.goto(site.baseUrl + '?q=trucks&mode=passages');
      await waitForCount(page, /45 passages in 45 of 45 documents/);
      await assertListed(page, 'li.passage-hit', 45);
      assert.deepEqual(await axeViolations(page), []);
    });
  });

  test('a new query updates the filters in place: the same elements, new counts and links', async () => {
    const site = served.server;
    await withPage(browser, site, async (page) => {
      await page.goto(site.baseUrl + '?q=corridor');
      await waitForCount(page, /^45 of 45 documents$/);
      // Marked, so that we can tell which elements are kept rather than rebuilt.
      await page.$$eval('aside.facets, .date-bin, a.facet-value', (els) => els.forEach((e) => (e.__kept = true)));
      const dateCounts = () => page.$$eval('.date-bin .date-count', (els) => els.map((e) => Number(e.textContent)));
      const before = await dateCounts();
      assert.equal(before.reduce((a, b) => a + b, 0), 45);
      // Records, as they happen, the results replaced and the filters' counts changed, with
      // how many frames had begun by then.
      await page.evaluate(() => {
        window.__seen = [];
        let frames = 0;
        const tick = () => {
          frames++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        const aside = document.querySelector('aside.facets');
        const total = () => [...aside.querySelectorAll('.date-count')].reduce((n, e) => n + Number(e.textContent), 0);
        new MutationObserver((records) => {
          const what = records.some((r) => [...r.addedNodes].some((n) => n.classList?.contains('search-results')))
            ? 'results'
            : records.some((r) => aside.contains(r.target) && r.type === 'childList')
              ? 'filters'
              : null;
          if (what) window.__seen.push({ what, frames, busy: aside.getAttribute('aria-busy'), count: String(total()) });
        }).observe(document.querySelector('.search-layout'), { childList: true, subtree: true, attributes: true });
      });
      const input = page.locator('form[role=search] input#q');
      await input.fill('"number 7" OR "number 23"');
      await input.press('Enter');
      await waitForCount(page, /^2 of 45 documents$/);
      assert.equal(await page.$eval('aside.facets', (e) => e.__kept === true), true, 'the filters are kept');
      // The results came first: the filters were busy (still counting the search before) in the
      // frame that painted them, and were updated in a task after it.
      // (Typing's debounced search may come again with the same query: it changes no filter.)
      const seen = await page.evaluate(() => window.__seen);
      const f = seen.findIndex((s) => s.what === 'filters');
      assert.ok(f > 0 && seen.slice(0, f).every((s) => s.what === 'results'), JSON.stringify(seen));
      assert.equal(seen[0].busy, 'true', 'busy while the results are painted');
      assert.equal(seen[0].count, '45', 'the filters still count the search before');
      assert.ok(seen[f].frames > seen[f - 1].frames, 'a frame came between the results and the filters');
      assert.equal(seen[f].busy, null);
      // The same date bins, counting the two documents found now.
      const after = await dateCounts();
      assert.equal(after.length, before.length);
      assert.equal(after.reduce((a, b) => a + b, 0), 2);
      assert.equal(await page.$$eval('.date-bin', (els) => els.every((e) => e.__kept)), true, 'every date bin is kept');
      // Two outlets now; their links choose them with the new query.
      const values = await page.$$eval('section[data-facet=outlet] a.facet-value', (els) =>
        els.map((e) => [e.querySelector('.facet-name').textContent, e.querySelector('.facet-count').textContent, new URL(e.href).searchParams.get('q')]),
      );
      assert.deepEqual(values, [
        ['Outlet 08', '1', '"number 7" OR "number 23"'],
        ['Outlet 09', '1', '"number 7" OR "number 23"'],
      ]);
      // Rows keep their elements and show the values now listed (no link moved or rebuilt).
      assert.equal(await page.$$eval('section[data-facet=outlet] a.facet-value', (els) => els.every((e) => e.__kept)), true, 'the value links are kept');
      assert.equal(await page.locator('section[data-facet=outlet] details.facet-more').count(), 0, 'nothing left to fold away');
      // Choosing one by keyboard keeps focus on it, now chosen.
      await page.locator('section[data-facet=outlet] a.facet-value').first().focus();
      await page.keyboard.press('Enter');
      await waitForParam(page, 'outlet', 'Outlet 08');
      await waitForCount(page, /^1 of 45 documents$/);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-key')), 'outlet:Outlet 08');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'true');
      assert.deepEqual(await axeViolations(page), []);
    });
  });

  test('the concordance lists its first 100 lines; "Show more lines" adds the rest, keeps the first, and focuses the first new one', async () => {
    const site = served.server;
    await withPage(browser, site, async (page) => {
      await page.goto(site.baseUrl + '?q=corridor+OR+trucks&mode=kwic');
      await waitForCount(page, /^135 occurrences in 45 of 45 documents$/);
      const rows = 'table.kwic-table tbody tr';
      assert.equal(await page.locator(rows).count(), 100);
      assert.equal((await page.locator('.search-more .search-shown').textContent()).trim(), 'Showing 100 of 135 lines.');
      await page.$$eval(rows, (els) => els.forEach((e) => (e.__kept = true)));
      await page.getByRole('button', { name: 'Show 35 more lines' }).click();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 135, rows);
      assert.equal(await page.$$eval(rows, (els) => els.filter((e) => e.__kept).length), 100);
      assert.equal(
        await page.evaluate((sel) => document.activeElement?.closest('tr') === document.querySelectorAll(sel)[100], rows),
        true,
        'focus is on the first new line',
      );
      assert.equal(await page.locator('.search-more button').count(), 0, 'no button once all are listed');
      const places = await page.$$eval('table.kwic-table td.kwic-doc a', (as) => as.map((a) => a.getAttribute('href')));
      assert.equal(new Set(places).size, 135, 'every occurrence once');
      assert.deepEqual(await axeViolations(page), []);
    });
  });
});
