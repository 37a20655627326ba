// Browser tests for entities: highlighting in the reader (legend, toggles in the URL, the card
// on keyboard focus, copy gives the original words), the entities page (table, type filter,
// sort, heatmap, contested names), choosing an entity to filter the library (restored from a
// copied link), corpus markup shown as text, and axe-core on the new views.
// Same setup as app.test.mjs: the release build in dist/, served under /parallax/.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  withPage,
  waitForLibrary,
  waitForReader,
  docIds,
  params,
  readCorpusFile,
  axeViolations,
  screenshot,
  serveDistAndLaunch,
  axeAtTwoWidths,
  waitForParam,
  serveCorpus,
  parallax,
  CORPUS,
} from './helpers.mjs';

const D001 = '001_1d5485b6803e7481';

let server;
let browser;
serveDistAndLaunch((s, b) => {
  server = s;
  browser = b;
});

async function waitForEntities(page) {
  await page.locator('table.entity-table tbody tr').first().waitFor();
}

/** Each type's marks in the reader. */
function markCount(page, type) {
  return page.locator(`.blocks mark.ent-${type}`).count();
}

describe('entity highlighting in the reader', () => {
  test('mentions are marked by type, with a legend, and the text is unchanged', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=${D001}`);
      await waitForReader(page, D001);
      const legend = page.locator('fieldset.entity-legend');
      await legend.waitFor();
      assert.equal(await legend.locator('input[type=checkbox]').count(), 6, 'one toggle per type');
      // Calm by default: the names a reader looks up are marked; groups, dates and numbers not.
      for (const t of ['person', 'org', 'place']) {
        assert.equal(await legend.locator(`#show-${t}`).isChecked(), true, `${t} shown by default`);
        assert.ok((await markCount(page, t)) > 0, `some ${t} mentions are marked`);
      }
      for (const t of ['norp', 'date', 'number']) {
        assert.equal(await legend.locator(`#show-${t}`).isChecked(), false, `${t} hidden by default`);
        assert.equal(await markCount(page, t), 0, `no ${t} mention is marked by default`);
      }
      // Marks are text only, focusable, and each is described by a sentence naming its entity.
      const first = page.locator('.blocks mark.ent').first();
      assert.equal(await first.getAttribute('tabindex'), '0');
      const descId = await first.getAttribute('aria-describedby');
      const desc = await page.locator(`[id="${descId}"]`).textContent();
      assert.ok(desc.length > 3, `description: ${desc}`);
      // The words on screen (and what a selection copies) are the file's own words.
      const file = readCorpusFile(D001);
      const paras = await page.$$eval('.blocks p.block-body', (ps) => ps.map((p) => p.textContent));
      assert.ok(paras.length > 3);
      for (const p of paras) assert.ok(file.includes(p), `paragraph is verbatim from the file: ${p.slice(0, 60)}`);
      const selected = await page.evaluate(() => {
        const p = [...document.querySelectorAll('.blocks p.block-body')].find((el) => el.querySelector('mark'));
        const range = document.createRange();
        range.selectNodeContents(p);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return [sel.toString(), p.textContent];
      });
      assert.equal(selected[0], selected[1], 'selecting a paragraph with marks gives its plain text');
      assert.ok(file.includes(selected[0]));
    });
  });

  test('unchecking a type hides its highlights, is in the URL and survives reload', async () => {
    await withPage(browser, server, async (page) => {
      // Every type shown (a link from before the calmer defaults says which it hides).
      await page.goto(`${server.baseUrl}?doc=${D001}&hide=none`);
      await waitForReader(page, D001);
      await page.locator('.blocks mark.ent-date').first().waitFor();
      const textBefore = await page.locator('.blocks').textContent();
      const dates = await markCount(page, 'date');
      assert.ok(dates > 0);
      await page.locator('#show-date').uncheck();
      await waitForParam(page, 'hide', 'date');
      await page.waitForFunction(() => document.querySelectorAll('.blocks mark.ent-date').length === 0);
      assert.ok((await markCount(page, 'person')) > 0, 'other types stay marked');
      assert.equal(await page.locator('.blocks').textContent(), textBefore, 'hiding never changes the text');
      await page.locator('#show-number').uncheck();
      await waitForParam(page, 'hide', 'date,number');
      await page.reload();
      await waitForReader(page, D001);
      await page.locator('fieldset.entity-legend').waitFor();
      assert.equal(await page.locator('#show-date').isChecked(), false);
      assert.equal(await page.locator('#show-number').isChecked(), false);
      assert.equal(await page.locator('#show-norp').isChecked(), true);
      assert.equal(await markCount(page, 'date'), 0);
      assert.equal(await markCount(page, 'number'), 0);
      await page.locator('#show-date').check();
      await waitForParam(page, 'hide', 'number');
      await page.waitForFunction((n) => document.querySelectorAll('.blocks mark.ent-date').length === n, dates);
    });
  });

  test("an article's names are one Tab stop; the arrow keys move between them", async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=${D001}`);
      await waitForReader(page, D001);
      const marks = page.locator('.blocks mark.ent');
      await marks.first().waitFor();
      const n = await marks.count();
      assert.ok(n > 5, `several names are marked (${n})`);
      assert.equal(await page.locator('.blocks mark.ent[tabindex="0"]').count(), 1, 'exactly one mark is in the Tab order');
      // Tab from the control before the article lands on the first name; Tab again leaves them.
      await page.locator('.entity-legend input[type=checkbox]').last().focus();
      let onMark = false;
      for (let i = 0; i < 5 && !onMark; i++) {
        await page.keyboard.press('Tab');
        onMark = await page.evaluate(() => document.activeElement?.matches('.blocks mark.ent') ?? false);
      }
      assert.ok(onMark, 'Tab reaches the names');
      const firstText = await page.evaluate(() => document.activeElement.textContent);
      assert.equal(firstText, await marks.first().textContent(), 'the first name');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const third = await page.evaluate(() => [...document.querySelectorAll('.blocks mark.ent')].indexOf(document.activeElement));
      assert.equal(third, 2, 'two presses of → reach the third name');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('.blocks mark.ent')].indexOf(document.activeElement)), 1);
      await page.keyboard.press('End');
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('.blocks mark.ent')].indexOf(document.activeElement)), n - 1, 'End: the last name');
      assert.equal(await page.locator('.blocks mark.ent[tabindex="0"]').count(), 1, 'still one Tab stop, now the name reached');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.matches('.blocks mark.ent') ?? false), false, 'one Tab leaves the names');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('.blocks mark.ent')].indexOf(document.activeElement)), n - 1, 'Shift+Tab returns to the name last reached');
    });
  });

  test('keyboard focus on a mention shows the card with its canonical name; Escape closes it', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=${D001}`);
      await waitForReader(page, D001);
      const mark = page.locator('.blocks mark.ent-person').first();
      await mark.waitFor();
      // Tab to it from the element before, as a keyboard user would.
      await mark.evaluate((m) => m.focus());
      const card = page.locator('#entity-card[role=tooltip]');
      await card.waitFor();
      const name = (await card.locator('.card-name').textContent()).trim();
      assert.ok(name.length > 2, `card names the entity: ${name}`);
      assert.match(await card.textContent(), /Person/);
      assert.ok((await card.locator('.card-names li').count()) >= 1, 'names per source are listed');
      const desc = await page.locator(`[id="${await mark.getAttribute('aria-describedby')}"]`).textContent();
      assert.ok(desc.startsWith(name), `the description starts with the canonical name: ${desc}`);
      await screenshot(page, 'entity-card-desktop');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe violations with the card open:\n${JSON.stringify(violations, null, 2)}`);
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'detached' });
      // Hover shows it too.
      await page.locator('.blocks mark.ent-place').first().hover();
      await card.waitFor();
      assert.match(await card.textContent(), /Place/);
    });
  });
});

describe('entities page', () => {
  test('lists entities with counts per document; type filter and sort are in the URL', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl + '?page=library');
      await waitForLibrary(page, 5);
      await page.locator('nav.site-nav a', { hasText: 'Entities' }).click();
      await waitForEntities(page);
      await waitForParam(page, 'page', 'entities');
      assert.equal(await page.locator('main h1').textContent(), 'Entities');
      const heads = await page.$$eval('table.entity-table thead th', (ths) => ths.map((t) => t.textContent.trim()));
      assert.deepEqual(heads.slice(0, 4), ['Entity', 'Type', 'Mentions', 'Documents']);
      assert.equal(heads.length, 4 + 5, 'one column per document');
      // The table is the heatmap: every count cell shaded by its count, and carrying its number.
      const cells = await page.$$eval('table.entity-table tbody td[class*="heat-"]', (tds) =>
        tds.map((td) => ({ n: Number(td.textContent), heat: Number(td.className.match(/heat-(\d)/)[1]) })),
      );
      assert.ok(cells.length > 20);
      for (const c of cells) assert.equal(c.heat === 0, c.n === 0, `a cell of ${c.n} has shade ${c.heat}`);
      const max = Math.max(...cells.map((c) => c.n));
      assert.ok(cells.filter((c) => c.n === max).every((c) => c.heat === 5), 'the largest count has the darkest shade');
      const totals = await page.$$eval('table.entity-table tbody tr td:nth-of-type(2)', (tds) => tds.map((t) => Number(t.textContent)));
      for (let i = 1; i < totals.length; i++) assert.ok(totals[i - 1] >= totals[i], 'most mentioned first');
      // Dates and numbers only when asked for.
      const types = async () => new Set(await page.$$eval('table.entity-table tbody tr td:nth-of-type(1)', (tds) => tds.map((t) => t.textContent.trim())));
      assert.ok(!(await types()).has('Date') && !(await types()).has('Number'), 'no dates or numbers by default');
      // The table fits the page: no column is cut off (the region scrolls only if it must, and
      // at desktop width it need not for the seeds).
      const fits = await page.$eval('.entities-page section .table-scroll', (el) => el.scrollWidth <= el.clientWidth + 1);
      assert.ok(fits, 'the entity table fits a desktop screen');
      await page.locator('select#entity-type').selectOption('all');
      await waitForParam(page, 'etype', 'all');
      await page.waitForFunction(() => [...document.querySelectorAll('table.entity-table tbody tr td:nth-of-type(1)')].some((td) => td.textContent.trim() === 'Date'));

      await page.locator('select#entity-type').selectOption('place');
      await waitForParam(page, 'etype', 'place');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('table.entity-table tbody tr td:nth-of-type(1)')].every((td) => td.textContent.trim() === 'Place'),
      );
      await page.locator('select#entity-sort').selectOption('name');
      await waitForParam(page, 'esort', 'name');
      const names = await page.$$eval('table.entity-table tbody th a', (as) => as.map((a) => a.textContent));
      const sorted = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
      assert.deepEqual(names.map((n) => n.toLowerCase()), sorted.map((n) => n.toLowerCase()));
      assert.equal(await page.locator('th[aria-sort=ascending]').textContent(), 'Entity');
      await page.reload();
      await waitForEntities(page);
      assert.equal(await page.locator('select#entity-type').inputValue(), 'place');
      assert.equal(await page.locator('select#entity-sort').inputValue(), 'name');
    });
  });

  test('contested names list each source’s names', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?page=entities`);
      await waitForEntities(page);
      const rows = page.locator('table.contested-table tbody tr');
      assert.ok((await rows.count()) > 0, 'some entity has more than one name');
      const text = await page.locator('table.contested-table').textContent();
      assert.match(text, /Garabagh/, 'the Azerbaijani name of Karabakh is listed');
      assert.match(text, /Karabakh \/ Garabagh/, 'its different names side by side');
      // Contested names come before the entity table; mere variants are apart, folded away.
      const order = await page.$$eval('.entities-page h2', (hs) => hs.map((h) => h.textContent));
      assert.ok(order.indexOf('Contested names') < order.indexOf('Who mentions whom'), order.join(', '));
      assert.doesNotMatch(text, /“U\.N\.”/, 'an abbreviation is not a contested name');
      const variants = page.locator('details.name-variants');
      assert.equal(await variants.getAttribute('open'), null, 'variants are folded away');
      await variants.locator('summary').click();
      assert.match(await variants.textContent(), /Spelling and abbreviation variants/);
    });
  });

  test('choosing an entity filters the library, outlines it in the reader, and a copied link restores it', async () => {
    let url;
    let chosen;
    let expected;
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?page=entities&etype=person`);
      await waitForEntities(page);
      // A person mentioned in some documents but not all.
      const row = await page.$$eval('table.entity-table tbody tr', (trs) =>
        trs
          .map((tr) => ({ name: tr.querySelector('th a').textContent, docs: Number(tr.querySelectorAll('td')[2].textContent) }))
          .find((r) => r.docs > 0 && r.docs < 5),
      );
      assert.ok(row, 'a person in some documents');
      chosen = row.name;
      expected = row.docs;
      await page.locator('table.entity-table tbody th a', { hasText: chosen }).first().click();
      await waitForParam(page, 'entity', chosen);
      const ids = await waitForLibrary(page, expected);
      assert.equal(ids.length, expected);
      assert.match(await page.locator('.library-entity-note').textContent(), new RegExp(chosen));
      url = page.url();
      await page.locator('a.doc-link').first().click();
      await waitForReader(page, ids[0]);
      assert.equal(params(page).get('entity'), chosen);
      await page.locator('.blocks mark.ent-chosen').first().waitFor();
      assert.ok((await page.locator('.blocks mark.ent-chosen').count()) >= 1, 'its mentions are outlined');
    });
    // A fresh page from the copied link shows the same filtered list.
    await withPage(browser, server, async (page) => {
      await page.goto(url);
      const ids = await waitForLibrary(page, expected);
      assert.equal(ids.length, expected);
      await page.locator('.library-entity-note a', { hasText: 'Show all documents' }).click();
      await waitForLibrary(page, 5);
      assert.equal(params(page).get('entity'), null);
    });
    // The entity is a search facet too: the entities page links to a search within its documents.
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?page=entities&entity=${encodeURIComponent(chosen)}`);
      await page.locator('.entity-chosen-note a', { hasText: 'Search within them' }).click();
      await waitForParam(page, 'q', `entity:"${chosen}"`);
      await page.waitForFunction((n) => document.querySelectorAll('li.search-hit').length === n, expected);
    });
  });
});

describe('entities: a corpus past the table’s article columns', () => {
  const served = serveCorpus('ent-sixty', (corpus) => {
    parallax(['gen-corpus', '--docs', '60', '--seed', '5', '-o', corpus, '--corpus', CORPUS]);
  });

  test('with more than 50 articles the table lists each entity’s totals, saying why, contested names count the sources preferring each name, and an entity still lists its articles', async () => {
    const big = served.server;
    await withPage(browser, big, async (page) => {
      await page.goto(`${big.baseUrl}?page=entities`);
      await waitForEntities(page);
      const heads = await page.$$eval('table.entity-table thead th', (ths) => ths.map((t) => t.textContent.trim()));
      assert.deepEqual(heads, ['Entity', 'Type', 'Mentions', 'Documents']);
      assert.equal(await page.locator('table.entity-table td[class*="heat-"]').count(), 0);
      assert.match(await page.locator('table.entity-table caption').textContent(), /^\d+ entities: mentions in the corpus$/);
      assert.match(await page.locator('section[aria-labelledby="matrix-heading"] p.hint').textContent(), /more than 50 articles the table has no column per article/);
      // An entity named by more than 12 sources: how many prefer each name, adding up to all.
      const grouped = await page.$$eval('table.contested-table tbody tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('.card-names li')].map((li) => li.textContent)),
      );
      const many = grouped.find((lis) => lis.length && lis.every((t) => /^“.+”: preferred by \d+ sources?$/.test(t)));
      assert.ok(many, JSON.stringify(grouped.slice(0, 3)));
      assert.ok(many.map((t) => Number(/by (\d+)/.exec(t)[1])).reduce((a, b) => a + b) > 12, many.join('; '));
      // The first entity's row: its documents count, and its link lists that many articles.
      const [name, docs] = await page.$eval('table.entity-table tbody tr', (tr) => [tr.querySelector('th a').textContent, Number(tr.querySelectorAll('td')[2].textContent)]);
      assert.ok(docs >= 1, `${name}: ${docs}`);
      await page.locator('table.entity-table tbody th a', { hasText: name }).first().click();
      assert.equal((await waitForLibrary(page, docs)).length, docs);
    });
  });
});

describe('entities: hostile corpus', () => {
  const served = serveCorpus('ent-hostile', (corpus) => {
    const body =
      'Prime Minister Nikol Pashinyan met <b>Ilham Aliyev</b> in Brussels on October 5, 2023, ' +
      'said <script>window.__pwned=1</script> the United Nations, and <img src=x onerror="window.__pwned=2"> 2,000 people left.';
    fs.writeFileSync(path.join(corpus, 'hostile.txt'), `Leaders <i>meet</i> in Brussels\n\n${body}\n\n${'Plain filler sentence for the body. '.repeat(8)}\n`);
  });

  test('markup around and inside mentions is shown as text in the reader and the entities page', async () => {
    const hostile = served.server;
    await withPage(browser, hostile, async (page) => {
      await page.goto(hostile.baseUrl + '?page=library');
      const [id] = await waitForLibrary(page, 1);
      await page.goto(`${hostile.baseUrl}?doc=${id}`);
      await waitForReader(page, id);
      await page.locator('.blocks mark.ent').first().waitFor();
      const noMarkup = async (where) => {
        assert.equal(await page.locator('main#main img, main#main script, main#main b, main#main i').count(), 0, `no element from corpus markup (${where})`);
        assert.equal(await page.evaluate(() => window.__pwned), undefined, `no corpus script ran (${where})`);
      };
      assert.ok((await page.locator('.blocks').textContent()).includes('<b>Ilham Aliyev</b>'), 'markup shows as text');
      assert.ok((await page.locator('.blocks mark.ent-person').count()) >= 2, 'the names inside markup are still marked');
      await page.locator('.blocks mark.ent').first().focus();
      await page.locator('#entity-card').waitFor();
      await noMarkup('reader');
      await page.goto(`${hostile.baseUrl}?page=entities`);
      await waitForEntities(page);
      await noMarkup('entities page');
    });
  });
});

describe('entities: accessibility (axe-core, WCAG 2.0/2.1 A and AA)', () => {
  const views = [
    { name: 'entities', query: '?page=entities', wait: (p) => waitForEntities(p) },
    { name: 'entities-filtered', query: '?page=entities&etype=place&esort=name&entity=Armenia', wait: (p) => waitForEntities(p) },
    { name: 'library-entity', query: '?entity=Armenia', wait: (p) => p.locator('.library-entity-note').waitFor() },
    {
      name: 'reader-entity',
      query: `?doc=${D001}&entity=Armenia&hide=number`,
      wait: async (p) => {
        await waitForReader(p, D001);
        await p.locator('fieldset.entity-legend').waitFor();
      },
    },
  ];
  axeAtTwoWidths(() => [browser, server], views);
});

describe('entities: dark theme contrast', () => {
  for (const [name, query, sel] of [
    ['reader', `?doc=${D001}&entity=Armenia`, 'fieldset.entity-legend'],
    ['entities', '?page=entities', 'table.entity-table tbody tr'],
  ]) {
    test(`${name} with prefers-color-scheme: dark has no axe violations`, async () => {
      await withPage(browser, server, async (page) => {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.goto(server.baseUrl + query);
        await page.locator(sel).first().waitFor();
        if (name === 'reader') {
          await page.locator('.blocks mark.ent-org').first().focus();
          await page.locator('#entity-card').waitFor();
        }
        await screenshot(page, `${name}-entities-dark`);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `axe violations (dark):\n${JSON.stringify(violations, null, 2)}`);
      });
    });
  }
});
