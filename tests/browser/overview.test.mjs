// Browser tests for the story overview (the landing page), one name per article, and
// alias-aware search: the cards show what `parallax compare --json` finds on the seeds
// (disagreeing numbers, re-publication flags, shared passages, speakers), each links to its full
// view and is restored from a copied link; no view shows a raw file id as visible text;
// `Pashinyan` also finds `Pashinian`, with a note and a way to turn it off; axe at two widths.
// The cards' code is a module of its own: the page is usable without it, and says so when it
// cannot be fetched.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, CORPUS, withPage, splitModule, delayDownload, failDownload, failedDownload, params, serveDistAndLaunch, serveCorpus, axeAtTwoWidths, screenshot } from './helpers.mjs';

const ALL = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();
const D000 = '000_c89f353285aead65';
const D002 = '002_4123e98665d019c0';

let server;
let browser;
serveDistAndLaunch((s, b) => {
  server = s;
  browser = b;
});

/** `parallax compare --json` over the whole seed corpus (the overview compares all five). */
function cli() {
  const r = spawnSync('cargo', ['run', '--quiet', '--release', '-p', 'parallax-cli', '--', 'compare', CORPUS, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.equal(r.status, 0, `parallax compare failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function waitForCards(page) {
  await page.locator('section.card[data-card="timeline"]').waitFor();
  await page.locator('section.card[data-card="names"]').waitFor();
}

const card = (page, key) => page.locator(`section.card[data-card="${key}"]`);

describe('story overview', () => {
  test('is the landing page and shows the findings of comparing every article', async () => {
    const c = cli();
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl);
      await waitForCards(page);
      assert.equal((await page.locator('main h1').textContent()).trim(), 'Story overview');
      assert.equal(await page.locator('nav.site-nav a[aria-current="page"]').textContent(), 'Overview');
      // Timeline: every article, and as many re-publication flags as the core finds.
      const timeline = card(page, 'timeline');
      assert.equal(await timeline.locator('li').count(), ALL.length);
      const flagged = c.timeline.filter((t) => t.republished).length;
      assert.ok(flagged > 0, 'the seeds hold a possible re-publication (see the compare tests)');
      assert.equal(await timeline.getByText('Possible re-publication', { exact: true }).count(), flagged);
      // Facts that disagree: the top groups, each value side by side.
      const differ = c.numbers.filter((g) => g.disagree);
      assert.ok(differ.length > 0);
      const facts = card(page, 'facts');
      const factsText = await facts.textContent();
      const shown = differ.filter((g) => factsText.includes(g.key));
      assert.ok(shown.length > 0, `a disagreeing group is shown: ${factsText}`);
      for (const m of shown[0].mentions) assert.ok(factsText.includes(m.text), `value “${m.text}” of ${shown[0].key}`);
      // Shared copy: a picture of the matrix and the pairs in words.
      const shared = card(page, 'shared');
      assert.equal(await shared.locator('svg.shared-matrix[aria-hidden="true"]').count(), 1);
      assert.match(await shared.textContent(), /\d+% shared/);
      // Who speaks: the most quoted speakers, each a link to their quotes.
      const speakers = card(page, 'speakers');
      assert.ok((await speakers.locator('li a').count()) > 0);
      const first = await speakers.locator('li a').first().textContent();
      assert.ok(c.speakers.some((s) => s.name === first), `${first} is a speaker the core found`);
      // Contested names: naming differences, spelling variants kept apart.
      const names = card(page, 'names');
      assert.ok((await names.locator('li').count()) > 0, await names.textContent());
      const listed = (await names.locator('li').allTextContents()).join('\n');
      assert.doesNotMatch(listed, /U\.N\. \/ UN|UN \/ U\.N\./, 'abbreviations are not contested names');
      assert.match(listed, /Karabakh \/ Garabagh/, 'the seeds call the region Karabakh and Garabagh');
      // Framing: one line per article, in words.
      assert.equal(await card(page, 'framing').locator('li').count(), ALL.length);
      await screenshot(page, 'overview-cards');
    });
  });

  test('each card links to its full view, and a copied link restores it', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl);
      await waitForCards(page);
      await card(page, 'facts').locator('.card-more a').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('cview') === 'facts');
      assert.deepEqual(params(page).get('compare').split(',').sort(), ALL);
      await page.locator('.compare-facts').waitFor();
      // Back to the overview, then a speaker's link opens their quotes side by side.
      await page.goBack();
      await waitForCards(page);
      const who = card(page, 'speakers').locator('li a').first();
      const name = await who.textContent();
      await who.click();
      await page.waitForFunction((n) => new URL(location.href).searchParams.get('speaker') === n, name);
      // The overview from a copied link (a fresh page) and the library one click away.
      await page.goto(server.baseUrl);
      await waitForCards(page);
      await page.locator('nav.site-nav a', { hasText: 'Library' }).click();
      await page.locator('ol.doc-list li.doc-item').first().waitFor();
      assert.equal(params(page).get('page'), 'library');
    });
  });

  test('the reader warns of a possible re-publication beside the date', async () => {
    const c = cli();
    const flagged = c.timeline.filter((t) => t.republished).map((t) => t.doc);
    assert.ok(flagged.length > 0);
    await withPage(browser, server, async (page) => {
      for (const id of flagged) {
        await page.goto(`${server.baseUrl}?doc=${id}`);
        const warning = page.locator('dl.meta dd.republish-warning');
        await warning.waitFor();
        assert.match(await warning.textContent(), /^Possible re-publication: \S/);
        // It sits right after the publication date.
        const after = await page.$eval('dl.meta dd.meta-published', (dd) => dd.parentElement.nextElementSibling?.textContent ?? '');
        assert.match(after, /Possible re-publication/);
      }
      await screenshot(page, 'reader-republication');
    });
  });

  test('the chooser offers to compare all articles', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?compare=`);
      await page.locator('a.compare-all').click();
      await page.waitForFunction((n) => document.querySelectorAll('.compare-docs li').length === n, ALL.length);
      assert.deepEqual(params(page).get('compare').split(',').sort(), ALL);
    });
  });
});

describe('the overview of chosen outlets, authors and dates', () => {
  // Two outlets with two articles each, and one article naming no outlet; authors and dates on
  // some of them (sidecars).
  const served = serveCorpus('outlets', (corpus) => {
    const story = (n) =>
      `Ferry Meridian sinks off Port Alder, report ${n}\n\nThe ferry Meridian sank off Port Alder on Monday, the coastguard said. ` +
      `Captain Ilse Varga said the crew of the Meridian had warned the Alder Ferry Company twice. ` +
      `${'Rescue boats searched the bay through the night for the missing passengers. '.repeat(4)}\n`;
    const write = (name, outlet, n, author, published) => {
      fs.writeFileSync(path.join(corpus, `${name}.txt`), story(n));
      const meta = [
        outlet && `outlet = "${outlet}"`,
        author && `authors = ["${author}"]`,
        published && `published = "${published}"`,
      ].filter(Boolean);
      if (meta.length) fs.writeFileSync(path.join(corpus, `${name}.toml`), meta.join('\n') + '\n');
    };
    write('a1', 'Harbour Gazette', 1, 'Ana Reis', '2023-09-19');
    write('a2', 'Harbour Gazette', 2, 'Ben Ode', '2023-09-20');
    write('b1', 'Valley Courier', 3, 'Ana Reis', '2023-10-02');
    write('b2', 'Valley Courier', 4, null, '2023-10-05');
    write('c1', null, 5);
  });

  test('limits every card to their articles, and its link restores it', async () => {
    const site = served.server;
    await withPage(browser, site, async (page) => {
      await page.goto(site.baseUrl);
      await waitForCards(page);
      await page.waitForFunction(() => document.querySelectorAll('section.card[data-card="timeline"] li').length === 5);
      const links = page.locator('nav.overview-outlets a.facet-value');
      assert.deepEqual(await links.locator('.facet-name').allTextContents(), ['Harbour Gazette', 'Valley Courier']);
      await links.filter({ hasText: 'Valley Courier' }).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.getAll('outlet').join() === 'Valley Courier');
      assert.equal(params(page).get('page'), 'overview');
      await page.waitForFunction(() => document.querySelectorAll('section.card[data-card="timeline"] li').length === 2);
      assert.match(await page.locator('.overview-head .hint').textContent(), /All the 2 of the corpus’s 5 articles with outlet Valley Courier compared/);
      for (const c of await page.locator('section.card .card-filter').allTextContents()) assert.equal(c, 'Only articles with outlet Valley Courier.');
      assert.equal(await page.locator('section.card .card-filter').count(), 6, 'every card says what it is filtered by');
      assert.equal(await page.locator('nav.overview-outlets a[aria-current="true"]').textContent().then((t) => t.includes('Valley Courier')), true);
      // A copied link opens the same overview; a second outlet adds its articles; unticking both
      // returns to all.
      await page.goto(page.url());
      await waitForCards(page);
      await page.waitForFunction(() => document.querySelectorAll('section.card[data-card="timeline"] li').length === 2);
      await links.filter({ hasText: 'Harbour Gazette' }).click();
      await page.waitForFunction(() => document.querySelectorAll('section.card[data-card="timeline"] li').length === 4);
      for (const name of ['Harbour Gazette', 'Valley Courier']) await page.locator('nav.overview-outlets a[aria-current="true"]', { hasText: name }).click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('outlet'));
      await page.waitForFunction(() => document.querySelectorAll('section.card[data-card="timeline"] li').length === 5);
    });
  });

  test('filters by author and publication dates, in the URL, and says why when too few are left', async () => {
    const site = served.server;
    const timelineItems = (page, n) =>
      page.waitForFunction((n) => document.querySelectorAll('section.card[data-card="timeline"] li').length === n, n);
    await withPage(browser, site, async (page) => {
      await page.goto(site.baseUrl);
      await waitForCards(page);
      await timelineItems(page, 5);
      const authors = page.locator('nav.overview-authors a.facet-value');
      assert.deepEqual(await authors.locator('.facet-name').allTextContents(), ['Ana Reis', 'Ben Ode']);
      await authors.filter({ hasText: 'Ana Reis' }).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('author') === 'Ana Reis');
      assert.equal(params(page).get('page'), 'overview');
      await timelineItems(page, 2);
      assert.match(await page.locator('.overview-head .hint').textContent(), /All the 2 of the corpus’s 5 articles with author Ana Reis compared/);
      assert.deepEqual(new Set(await page.locator('section.card .card-filter').allTextContents()), new Set(['Only articles with author Ana Reis.']));

      // From October 1: one article of hers is left, and every comparison card says so.
      await page.locator('input[name="after"]').fill('2023-10-01');
      await page.locator('button', { hasText: 'Apply dates' }).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('after') === '2023-10-01');
      const one = 'One article has author Ana Reis; published on or after October 1, 2023: there is nothing to compare it with.';
      await page.locator('section.card[data-card="timeline"] .card-empty', { hasText: one }).waitFor();
      for (const key of ['timeline', 'facts', 'shared', 'speakers', 'framing']) assert.equal(await card(page, key).locator('.card-empty').textContent(), one);
      // The link restores it, dates in their fields.
      await page.goto(page.url());
      await card(page, 'timeline').locator('.card-empty', { hasText: one }).waitFor();
      assert.equal(await page.locator('input[name="after"]').inputValue(), '2023-10-01');

      // Before a date earlier than the start: nothing is left, and the cards say why.
      await page.locator('input[name="before"]').fill('2023-09-01');
      await page.locator('button', { hasText: 'Apply dates' }).click();
      const none = 'No article has author Ana Reis; published on or after October 1, 2023 and before September 1, 2023.';
      await card(page, 'timeline').locator('.card-empty', { hasText: none }).waitFor();
      assert.equal(await card(page, 'names').locator('.card-empty').textContent(), 'No article to read names in.');

      // Any date; then every article again.
      await page.locator('.overview-dates a', { hasText: 'Any date' }).click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('after'));
      await timelineItems(page, 2);
      await page.locator('.overview-head a', { hasText: 'Show every article again' }).click();
      await page.waitForFunction(() => new URL(location.href).search === '');
      await timelineItems(page, 5);
      assert.equal(await page.locator('section.card .card-filter').count(), 0);
    });
  });
});

describe('one name per article', () => {
  const views = [
    '',
    '?page=library',
    '?q=mission',
    '?q=mission&mode=passages',
    '?q=mission&mode=kwic',
    '?page=entities',
    `?doc=${D000}`,
    `?compare=${ALL.join(',')}`,
    `?compare=${ALL.join(',')}&cview=speakers`,
    `?compare=${ALL.join(',')}&cview=framing`,
    `?compare=${ALL.join(',')}&cview=words`,
    `?compare=${ALL.join(',')}&cview=facts`,
  ];
  test('no view shows a raw file id as visible text', async () => {
    await withPage(browser, server, async (page) => {
      for (const q of views) {
        await page.goto(server.baseUrl + q);
        await page.locator('main h1').waitFor();
        // Let the view finish: the comparison and the overview wait for the worker.
        await page.waitForFunction(() => !document.querySelector('.compare-wait, .overview-wait, p.loading'));
        if (q.startsWith('?compare=')) await page.locator('.compare-docs li').first().waitFor();
        const visible = await page.evaluate(() => document.body.innerText);
        for (const id of ALL) assert.ok(!visible.includes(id), `${q || '(overview)'} shows ${id}`);
        assert.doesNotMatch(visible, /\b\d{3}_[0-9a-f]{16}\b/, `${q || '(overview)'} shows a file id`);
      }
    });
  });
});

describe('search knows aliases', () => {
  test('Pashinyan also finds Pashinian, with a note and a way to turn it off', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?q=Pashinyan`);
      const note = page.locator('p.search-aliases');
      await note.waitFor();
      assert.match(await note.textContent(), /Also searched: Pashinian/);
      const ids = async () => (await page.locator('li.search-hit').evaluateAll((li) => li.map((x) => x.dataset.docId))).sort();
      assert.deepEqual(await ids(), [D000, D002]);
      await note.locator('a[data-key="aliases:off"]').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('aliases') === 'off');
      await page.waitForFunction(() => document.querySelectorAll('li.search-hit').length === 1);
      assert.deepEqual(await ids(), [D002]);
      assert.equal(await page.locator('p.search-aliases').count(), 0);
      // A quoted word stays exact.
      await page.goto(`${server.baseUrl}?q=%22Pashinyan%22`);
      await page.waitForFunction(() => document.querySelectorAll('li.search-hit').length === 1);
      assert.equal(await page.locator('p.search-aliases').count(), 0);
    });
  });
});

describe('accessibility (axe-core) of the overview', () => {
  axeAtTwoWidths(() => [browser, server], [
    {
      name: 'overview',
      query: '',
      wait: (p) => waitForCards(p),
    },
  ]);
});

describe('keyboard and shared links on the comparison page', () => {
  test('focus moves to the results after Compare; Escape closes a chosen passage; a speaker link opens at the quotes', async () => {
    const D003 = '003_a22fafbe7c290254';
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?compare=`);
      await page.locator('.compare-chooser input[type=checkbox]').nth(0).check();
      await page.locator('.compare-chooser input[type=checkbox]').nth(3).check();
      await page.locator('.compare-chooser button[type=submit]').click();
      await page.waitForFunction(() => document.activeElement?.id === 'compare-results');

      await page.goto(`${server.baseUrl}?compare=${D000},${D003}&pair=0`);
      await page.locator('[data-chosen]').first().waitFor();
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('pair') === null);

      await page.goto(server.baseUrl);
      await waitForCards(page);
      const name = await card(page, 'speakers').locator('li a').first().textContent();
      await page.goto(`${server.baseUrl}?compare=${ALL.join(',')}&cview=speakers&speaker=${encodeURIComponent(name)}`);
      await page.waitForFunction(() => document.activeElement?.id === 'speaker-q-h');
    });
  });
});

describe('the cards in their own module', () => {
  test('while it loads the filters work and a line holds the cards\' place; a missing one is a sentence', async () => {
    const cards = splitModule('overview_cards');
    await withPage(browser, server, async (page) => {
      await delayDownload(page, cards, 2000);
      await page.goto(server.baseUrl);
      await page.locator('.overview-cards .overview-wait').waitFor();
      assert.equal(await page.locator('section.card').count(), 0, 'no card before its code');
      // The filters are on screen and work meanwhile.
      await page.locator('.overview-dates input[name=after]').fill('2000-01-01');
      await page.getByRole('button', { name: 'Apply dates' }).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('after') === '2000-01-01');
      await waitForCards(page);
    });
    await withPage(
      browser,
      server,
      async (page) => {
        await failDownload(page, cards);
        await page.goto(server.baseUrl);
        const alert = page.locator('.overview-cards [role=alert]');
        await alert.waitFor();
        assert.match(await alert.innerText(), /could not be loaded.*Reload the page/s);
        assert.equal((await page.locator('main h1').textContent()).trim(), 'Story overview');
      },
      failedDownload(cards),
    );
  });
});
