// Every view of the app at a desktop and a phone width (390×844): no axe-core violations, a
// screenshot of each for review (test-output/screenshots/view-*.png, written here, never
// committed), and the layout promises of issue 11: on a phone the search filters and the
// comparison's article picker fold away so results start on the first screen; on a desktop the
// concordance keeps each occurrence on one line with the keywords in one column.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { CORPUS, DESKTOP, withPage, axeViolations, screenshot, serveDistAndLaunch } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const ALL = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();
const D001 = '001_1d5485b6803e7481';
const COMPARE = `?compare=${ALL.join(',')}`;

let server;
let browser;
serveDistAndLaunch((s, b) => {
  server = s;
  browser = b;
});

/** Waits until nothing on the page is still loading or comparing. */
async function settled(page, selector) {
  await page.locator(selector).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.compare-wait, .overview-wait, p.loading'));
}

const VIEWS = [
  ['overview', '', 'section.card[data-card="names"]'],
  // Limited to the articles published in November 2023 (two of the seeds): every card says so.
  ['overview-filtered', '?page=overview&after=2023-11-01&before=2023-12-01', 'section.card .card-filter'],
  ['library', '?page=library', 'li.doc-item'],
  ['reader', `?doc=${D001}`, '.blocks mark.ent'],
  ['reader-frames', `?doc=${D001}&frames=1`, '.blocks mark.frame'],
  ['reader-original', `?doc=${D001}&view=original`, 'pre.original-text'],
  ['search', '?q=mission', 'li.search-hit'],
  ['search-passages', '?q=mission&mode=passages', '.passage-hit'],
  ['search-kwic', '?q=mission&mode=kwic', '.kwic-table tbody tr'],
  ['entities', '?page=entities', 'table.entity-table tbody tr'],
  ['compare-passages', `${COMPARE}&pair=0`, '.diff-panel'],
  ['compare-passages-frames', `${COMPARE}&frames=1`, '.compare-col .frame-side'],
  ['compare-speakers', `${COMPARE}&cview=speakers`, '.compare-body section'],
  ['compare-framing', `${COMPARE}&cview=framing`, 'table.frame-table'],
  ['compare-words', `${COMPARE}&cview=words`, '.words-figure'],
  ['compare-facts', `${COMPARE}&cview=facts`, '.compare-facts'],
];

for (const [label, viewport] of [
  ['desktop', DESKTOP],
  ['phone390', PHONE],
]) {
  describe(`every view at ${label} width (${viewport.width}×${viewport.height})`, () => {
    for (const [name, query, ready] of VIEWS) {
      test(`${name}: no axe violations, no sideways scrolling; screenshot saved`, async () => {
        await withPage(
          browser,
          server,
          async (page) => {
            await page.goto(server.baseUrl + query);
            await settled(page, ready);
            await screenshot(page, `view-${name}-${label}`);
            const violations = await axeViolations(page);
            assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `no horizontal scrolling at ${viewport.width}px (overflow ${overflow}px)`);
          },
          { viewport },
        );
      });
    }
  });
}

describe('layout', () => {
  test('on a phone the search filters fold away and the results start on the first screen', async () => {
    await withPage(
      browser,
      server,
      async (page) => {
        await page.goto(`${server.baseUrl}?q=mission`);
        await page.locator('li.search-hit').first().waitFor();
        const fold = page.locator('details.facets-fold');
        assert.equal(await fold.getAttribute('open'), null, 'the filters are folded');
        const top = await page.locator('li.search-hit').first().evaluate((li) => li.getBoundingClientRect().top);
        assert.ok(top < PHONE.height, `the first result starts on the first screen (at ${top}px)`);
        // Opened, they are all there; a chosen filter keeps them open.
        await fold.locator('summary').click();
        await page.locator('section.facet[data-facet="outlet"] a.facet-value').first().click();
        await page.waitForFunction(() => new URL(location.href).searchParams.has('outlet'));
        await page.locator('details.facets-fold[open]').waitFor();
        assert.match(await page.locator('details.facets-fold summary').textContent(), /Filters \(1 chosen\)/);
      },
      { viewport: PHONE },
    );
  });

  test('on a desktop the filters are open', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?q=mission`);
      await page.locator('li.search-hit').first().waitFor();
      assert.equal(await page.locator('details.facets-fold').getAttribute('open'), '');
    });
  });

  test('on a phone the article picker folds away once a comparison is chosen', async () => {
    await withPage(
      browser,
      server,
      async (page) => {
        await page.goto(server.baseUrl + COMPARE);
        await settled(page, '.compare-docs li');
        assert.equal(await page.locator('details.compare-chooser').getAttribute('open'), null);
        const top = await page.locator('.compare-docs').evaluate((el) => el.getBoundingClientRect().top);
        assert.ok(top < PHONE.height, `the comparison starts on the first screen (at ${top}px)`);
      },
      { viewport: PHONE },
    );
  });

  test('the concordance keeps each occurrence on one line, keywords in one column', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?q=mission&mode=kwic`);
      await page.locator('.kwic-table tbody tr').first().waitFor();
      const rows = await page.$$eval('.kwic-table tbody tr', (trs) =>
        trs.map((tr) => {
          const mark = tr.querySelector('.kwic-key mark').getBoundingClientRect();
          const left = tr.querySelector('.kwic-left');
          return {
            height: tr.getBoundingClientRect().height,
            line: parseFloat(getComputedStyle(left).lineHeight) || 20,
            centre: mark.left + mark.width / 2,
          };
        }),
      );
      assert.ok(rows.length > 3, `several occurrences (${rows.length})`);
      for (const r of rows) assert.ok(r.height < 2 * r.line, `one line per occurrence (row ${r.height}px, line ${r.line}px)`);
      const centres = rows.map((r) => r.centre);
      assert.ok(Math.max(...centres) - Math.min(...centres) <= 1, `keywords in one column: ${centres.join(', ')}`);
      // The left context is cut at its start, so the words next to the keyword stay visible.
      const text = await page.locator('.kwic-table tbody tr .kwic-left').first().textContent();
      assert.ok(text.length > 0);
    });
  });
});
