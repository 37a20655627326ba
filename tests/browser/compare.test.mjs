// Browser tests for the comparison page (`?compare=a,b`): side-by-side columns with shared and
// unique passages and the word diff, choosing a passage lines up its counterparts, who speaks,
// framing highlights, the distinctive-words chart and its text alternative, the numbers that
// disagree and the re-publication flags; every view restored from a copied link; the chooser;
// a bad link never blanks the page; axe-core on every view at desktop and phone widths.
//
// What the page must show is read from `parallax compare --json` (the same core, natively), so
// the tests check that the app shows the analysis, not numbers copied into the test.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './server.mjs';
import { DIST, CORPUS, withPage, params, readCorpusFile, axeViolations, screenshot, serveDistAndLaunch, axeAtTwoWidths, parallax } from './helpers.mjs';

const D000 = '000_c89f353285aead65';
const D001 = '001_1d5485b6803e7481';
const D003 = '003_a22fafbe7c290254';
const ALL = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

let server;
let browser;
serveDistAndLaunch((s, b) => {
  server = s;
  browser = b;
});

/** `parallax compare --json` over these documents (in this order). */
function cli(ids) {
  return JSON.parse(parallax(['compare', ...ids.map((id) => path.join(CORPUS, `${id}.txt`)), '--json']));
}

function compareUrl(ids, extra = '') {
  return `${server.baseUrl}?compare=${ids.join(',')}${extra}`;
}

async function waitForCompare(page, cols) {
  await page.waitForFunction((n) => document.querySelectorAll('.compare-docs li').length === n, cols);
}

const pct = (x) => `${Math.round(x * 100)}%`;

describe('shared passages side by side', () => {
  test('a compare link shows the columns, shared and unique passages and the % shared', async () => {
    const c = cli([D000, D003]);
    assert.ok(c.aligned.length > 0, 'the seeds 000 and 003 share a passage (see the CLI snapshot)');
    await withPage(browser, server, async (page) => {
      await page.goto(compareUrl([D000, D003]));
      await waitForCompare(page, 2);
      assert.equal(await page.locator('main h1').textContent(), 'Compare');
      assert.equal(await page.title(), 'Compare — Parallax');
      const cols = page.locator('.compare-col');
      assert.equal(await cols.count(), 2, 'one column per article');
      assert.match(await cols.nth(0).locator('h3').textContent(), /^A/);
      assert.match(await cols.nth(1).locator('h3').textContent(), /^B/);
      // Every aligned passage is a link in both columns, tagged with the other article's letter.
      for (const [i, other] of [[0, 'B'], [1, 'A']]) {
        const tags = await cols.nth(i).locator('a.shared .shared-tag').allTextContents();
        assert.ok(tags.length >= c.aligned.length, `column ${i} marks its shared passages`);
        for (const t of tags) assert.equal(t, `≈${other}`);
      }
      // The first shared passage of A holds the words the CLI aligned.
      const sharedA = (await cols.nth(0).locator('a.shared').allTextContents()).join(' ');
      const firstWords = c.aligned[0].a.text.split(/\s+/).slice(0, 4).join(' ');
      assert.ok(sharedA.replace(/\s+/g, ' ').includes(firstWords), `A's shared text includes “${firstWords}”`);
      // Paragraphs found in one article only are labelled so (text, not colour).
      const onlyA = cols.nth(0).locator('p.only .only-tag');
      assert.ok((await onlyA.count()) > 0);
      assert.equal(await onlyA.first().textContent(), 'Only in A');
      assert.ok((await cols.nth(1).locator('p.only .only-tag', { hasText: 'Only in B' }).count()) > 0);
      // The % shared matrix matches the core's figures.
      const cells = await page.$$eval('table.overlap-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      assert.deepEqual(cells, [
        ['—', pct(c.overlap[0][1])],
        [pct(c.overlap[1][0]), '—'],
      ]);
      await screenshot(page, 'compare-passages');
    });
  });

  test('choosing a passage shows its word diff and scrolls every column to its counterpart', async () => {
    const c = cli([D000, D001, D003]);
    assert.ok(c.aligned.some((p) => p.a.doc === D001 && p.b.doc === D003), 'the seeds 001 and 003 share a passage');
    await withPage(browser, server, async (page) => {
      await page.goto(compareUrl([D000, D001, D003]));
      await waitForCompare(page, 3);
      assert.equal(await page.locator('.diff-panel').count(), 0, 'no passage chosen yet');
      // Choose a passage B (001) shares with C (003), in B's column, by keyboard.
      const link = page.locator('.compare-col').nth(1).locator('a.shared', { hasText: /^≈C/ }).first();
      const k = Number(new URLSearchParams((await link.getAttribute('href')).slice(1)).get('pair'));
      const pair = c.aligned[k];
      assert.deepEqual([pair.a.doc, pair.b.doc], [D001, D003], 'the link chooses that passage');
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => new URL(location.href).searchParams.get('pair') === n, String(k));
      const panel = page.locator('section.diff-panel');
      await panel.waitFor();
      assert.match(await panel.locator('h3').textContent(), /: B and C$/);
      // The word diff: what only one side has is marked on that side, and nothing else is.
      const removed = pair.diff.filter((d) => d.op === 'removed').map((d) => d.text);
      const added = pair.diff.filter((d) => d.op === 'added').map((d) => d.text);
      const sides = panel.locator('.diff-side');
      const onlyB = (await sides.nth(0).locator('.diff-only').allTextContents()).join(' ');
      const onlyC = (await sides.nth(1).locator('.diff-only').allTextContents()).join(' ');
      for (const w of removed) assert.ok(onlyB.includes(w.split(/\s+/)[0]), `“${w}” is marked as only in B`);
      for (const w of added) assert.ok(onlyC.includes(w.split(/\s+/)[0]), `“${w}” is marked as only in C`);
      assert.equal(removed.length === 0, onlyB === '', 'B marks words iff the diff removes some');
      // Both columns show the chosen passage at their top: the counterparts line up.
      for (const col of [1, 2]) {
        const visible = await page.locator('.compare-col').nth(col).evaluate((el) => {
          const m = el.querySelector('[data-chosen]');
          const r = m.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return r.top >= box.top && r.top < box.bottom;
        });
        assert.ok(visible, `column ${col} is scrolled to the chosen passage`);
      }
      assert.equal(await page.locator('.compare-col').nth(0).locator('[data-chosen]').count(), 0, 'A is not part of it');
      // Focus stays on the chosen passage for the next key press.
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('shared')), true);
      await screenshot(page, 'compare-diff');
      // Next / previous / close are links too, and Back returns to no passage chosen.
      await page.goBack();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('pair'));
      await panel.waitFor({ state: 'detached' });
    });
  });
});

describe('who speaks', () => {
  test('the speakers × sources table and one speaker’s quotes side by side, restored from the link', async () => {
    const c = cli(ALL);
    const sp = c.speakers.find((s) => s.canonical && s.counts.filter((n) => n > 0).length >= 2);
    assert.ok(sp, 'some named speaker is quoted by two sources');
    await withPage(browser, server, async (page) => {
      await page.goto(compareUrl(ALL, '&cview=speakers'));
      await waitForCompare(page, ALL.length);
      const rows = page.locator('table.speakers-table tbody tr');
      assert.equal(await rows.count(), c.speakers.length, 'one row per speaker');
      const row = rows.filter({ has: page.locator('th', { hasText: sp.name }) }).first();
      const counts = await row.locator('td').allTextContents();
      assert.deepEqual(counts, [...sp.counts.map(String), String(sp.total)]);
      if (c.speakers.some((s) => s.name === '(unknown)')) {
        assert.equal(await page.locator('table.speakers-table th', { hasText: 'Unknown speaker' }).count(), 1, 'unknown speakers are shown as such');
      }
      await row.locator('a').click();
      await page.waitForFunction((n) => new URL(location.href).searchParams.get('speaker') === n, sp.name);
      const quotes = page.locator('.speaker-quotes figure.quote');
      await quotes.first().waitFor();
      assert.equal(await quotes.count(), sp.total, 'every quote of the speaker is shown');
      // Each quote keeps its verb when it has one.
      const first = c.quotes[sp.quotes.flat()[0]];
      if (first.verb) assert.match(await quotes.first().locator('figcaption').textContent(), new RegExp(`verb: ${first.verb}`));
      await page.reload();
      await quotes.first().waitFor();
      assert.equal(await quotes.count(), sp.total, 'restored after a reload');
      assert.equal(await page.locator('.compare-views a[aria-current=page]').textContent(), 'Who speaks');
    });
  });
});

describe('framing', () => {
  test('framing words are highlighted on demand, with their frame, and the table counts them', async () => {
    const c = cli([D000, D001]);
    assert.ok(c.frames.length > 0);
    await withPage(browser, server, async (page) => {
      await page.goto(compareUrl([D000, D001]));
      await waitForCompare(page, 2);
      assert.equal(await page.locator('.compare-col mark.frame').count(), 0, 'off by default');
      const textBefore = await page.locator('.compare-columns').textContent();
      await page.locator('a.toggle-link', { hasText: 'Highlight framing words' }).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('frames') === '1');
      await page.locator('.compare-col mark.frame').first().waitFor();
      const tags = await page.locator('.compare-col .frame-tag').count();
      assert.equal(tags, c.frames.length, 'one frame label per framing term the core found');
      const marked = (await page.locator('.compare-col mark.frame').allTextContents()).join(' ');
      for (const h of c.frames.slice(0, 10)) assert.ok(marked.includes(h.text.split(/\s+/)[0]), `“${h.text}” is marked`);
      const textAfter = await page.locator('.compare-columns').evaluate((el) => {
        const copy = el.cloneNode(true);
        for (const n of copy.querySelectorAll('.frame-side')) n.remove();
        return copy.textContent;
      });
      assert.equal(textAfter.replace(/ \[[^\]]*\]/g, ''), textBefore, 'highlighting adds labels and changes no word');
      // Each paragraph with framing terms names their frames above it, in words anyone can see.
      const sides = await page.locator('.compare-col p:has(mark.frame) > .frame-side').count();
      assert.equal(sides, await page.locator('.compare-col p:has(mark.frame)').count(), 'a frame note per paragraph with terms');
      const firstHit = c.frames[0];
      const firstRow = c.frame_table.find((f) => f.topic === firstHit.topic && f.frame === firstHit.frame);
      assert.ok((await page.locator('.compare-col .frame-side').allTextContents()).some((t) => t.includes(firstRow.name)));
      await page.locator('a.toggle-link', { hasText: 'Hide framing words' }).click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('frames'));
      assert.equal(await page.locator('.compare-col mark.frame').count(), 0);

      await page.locator('.compare-views a', { hasText: 'Framing' }).click();
      await page.locator('table.frame-table').first().waitFor();
      const row = c.frame_table.find((f) => f.own.some((n) => n > 0));
      const cells = await page
        .locator('table.frame-table')
        .first()
        .locator('tbody tr', { has: page.locator(`th .frame-name:text-is("${row.name}")`) })
        .first()
        .locator('td')
        .allTextContents();
      // Each cell says whose words, as “1 in quotes, 3 in its own words” (0 when none).
      const count = (t, what) => Number((t.match(new RegExp(`(\\d+) in ${what}`)) || [0, 0])[1]);
      assert.deepEqual(cells.map((t) => count(t, 'its own words')), row.own, `own-voice counts of “${row.name}” per article`);
      assert.deepEqual(
        cells.map((t) => count(t, 'quotes')),
        row.quoted.map((q, i) => q + row.reported[i]),
        `quoted counts of “${row.name}” per article`,
      );
      for (const t of cells) assert.ok(t === '0' || /^\d+ in quotes, \d+ in its own words$/.test(t), t);
      // Each frame says whose wording it typically is, and where that is documented, with a link.
      const head = page.locator('table.frame-table tbody th', { has: page.locator(`.frame-name:text-is("${row.name}")`) }).first();
      const about = row.attribution;
      assert.equal(await head.locator('.frame-note').textContent(), about.note);
      if (about.source) {
        assert.equal(await head.locator('.frame-source').textContent(), `Source: ${about.source}`);
        assert.equal(await head.locator('.frame-source a').getAttribute('href'), about.url);
      } else {
        assert.equal(await head.locator('.frame-source').textContent(), 'No source checked for this note.');
      }
      assert.equal(await page.locator('article.profile').count(), 2, 'a profile per article');
    });
  });
});

describe('framing words in the reader', () => {
  test('the reader highlights an article’s framing words on demand, with their counts, from a link', async () => {
    const c = cli([D000, D001]);
    // The title is the reader's heading, outside the marked text (as for entities).
    const title = c.docs[1].title;
    const titleAt = Buffer.from(readCorpusFile(D001)).indexOf(Buffer.from(title));
    const inTitle = (h) => titleAt >= 0 && h.start >= titleAt && h.end <= titleAt + Buffer.byteLength(title);
    const hits = c.frames.filter((h) => h.doc === D001 && !inTitle(h));
    assert.ok(hits.length > 0, 'the seed 001 uses framing terms');
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=${D001}`);
      await page.locator('.blocks mark.ent').first().waitFor();
      const textBefore = await page.locator('.blocks').textContent();
      const toggle = page.locator('#toggle-frames');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await toggle.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('frames') === '1');
      await page.locator('.blocks mark.frame').first().waitFor();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('.blocks mark.ent').count(), 0, 'framing words replace the entity marks');
      assert.equal(await page.locator('.blocks .frame-tag').count(), hits.length, 'every framing term the core finds');
      const marked = await page.locator('.blocks mark.frame').allTextContents();
      assert.deepEqual(marked, hits.map((h) => h.text));
      const textAfter = await page.locator('.blocks').evaluate((el) => {
        const copy = el.cloneNode(true);
        for (const n of copy.querySelectorAll('.frame-side')) n.remove();
        return copy.textContent;
      });
      assert.equal(textAfter.replace(/ \[[^\]]*\]/g, ''), textBefore, 'only labels are added');
      // Each paragraph's frames are named in the margin beside it at desktop width, without
      // pointing at anything: right of the text column, not over it, and not over each other.
      const notes = page.locator('.blocks .frame-side');
      assert.equal(await notes.count(), await page.locator('.blocks [data-start]:has(mark.frame)').count());
      const boxes = [];
      for (let i = 0; i < (await notes.count()); i++) {
        const note = notes.nth(i);
        assert.equal(await note.getAttribute('aria-hidden'), 'true', 'screen readers hear each frame after its term instead');
        const box = await note.boundingBox();
        const para = await note.locator('xpath=..').boundingBox();
        assert.ok(box.x >= para.x + para.width, `note ${i} is in the margin, right of its paragraph`);
        assert.ok(box.x + box.width <= 1280, `note ${i} fits the window`);
        boxes.push(box);
      }
      for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i].y >= boxes[i - 1].y + boxes[i - 1].height - 1, `notes ${i - 1} and ${i} do not overlap`);
      const firstNote = await notes.first().textContent();
      assert.ok(firstNote.includes(await page.locator('.blocks mark.frame').first().getAttribute('data-frame')), firstNote);
      // Counts per frame, for this article.
      const counts = await page.locator('.frame-counts li .frame-count').allTextContents();
      const row = c.frame_table.find((f) => f.own[1] > 0);
      const quoted = row.quoted[1] + row.reported[1];
      const expected = `${row.topic_name}: “${row.name}”, ${quoted} in quotes, ${row.own[1]} in its own words`;
      assert.ok(counts.includes(expected), `counts say whose words: ${expected} in ${JSON.stringify(counts)}`);
      // Each with whose wording it typically is, and where that is documented (a link).
      const item = page.locator('.frame-counts li', { has: page.locator('.frame-count', { hasText: expected }) });
      assert.equal(await item.locator('.frame-note').textContent(), row.attribution.note);
      if (row.attribution.url) assert.equal(await item.locator('.frame-source a').getAttribute('href'), row.attribution.url);
      else assert.equal(await item.locator('.frame-source').textContent(), 'No source checked for this note.');
      // Whose wording each frame is reads exactly as the comparison's framing table says it:
      // the same note, the same source line, the same link. By frame name: its note and source
      // lines as [class, text, link, rel].
      const attributions = (items, nameSel, nameRe) =>
        items.evaluateAll(
          (nodes, [nameSel, nameRe]) =>
            Object.fromEntries(
              nodes.map((n) => {
                const label = n.querySelector(nameSel).textContent;
                const lines = [...n.querySelectorAll('.frame-note, .frame-source')].map((x) => [
                  x.className,
                  x.textContent,
                  x.querySelector('a')?.getAttribute('href') ?? null,
                  x.querySelector('a')?.rel ?? null,
                ]);
                return [nameRe ? label.match(new RegExp(nameRe))[1] : label, lines];
              }),
            ),
          [nameSel, nameRe],
        );
      const inReader = await attributions(page.locator('.frame-counts li'), '.frame-count', ': “(.*)”, ');
      // A term's frame shows beside it on keyboard focus (not as text in the line).
      const first = page.locator('.blocks mark.frame').first();
      await first.focus();
      const label = await first.evaluate((m) => getComputedStyle(m, '::after').content);
      assert.equal(label, JSON.stringify(await first.getAttribute('data-frame')));
      assert.ok((await first.getAttribute('data-frame')).length > 2);
      // Restored from the link; Back returns to the entities.
      await page.reload();
      await page.locator('.blocks mark.frame').first().waitFor();
      await page.goBack();
      await page.locator('.blocks mark.ent').first().waitFor();
      assert.equal(await page.locator('.blocks mark.frame').count(), 0);
      // The comparison's framing table, for the same frames.
      await page.goto(compareUrl([D000, D001], '&cview=framing'));
      await page.locator('table.frame-table').first().waitFor();
      const inTable = await attributions(page.locator('table.frame-table').first().locator('tbody th[scope=row]'), '.frame-name');
      assert.ok(Object.keys(inReader).length > 0);
      for (const [name, lines] of Object.entries(inReader)) {
        assert.equal(lines.length, 2, `“${name}”: a note and a source line`);
        assert.deepEqual(inTable[name], lines, `“${name}” is attributed alike in the reader and the comparison`);
      }
    });
  });
});

describe('framing words in the reader, by keyboard', () => {
  test("an article's framing terms are one Tab stop; the arrow keys move between them, each described by its frame", async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=${D001}&frames=1`);
      const marks = page.locator('.blocks mark.frame');
      await marks.first().waitFor();
      const n = await marks.count();
      assert.ok(n > 2, `several terms are marked (${n})`);
      assert.equal(await page.locator('.blocks mark.frame[tabindex="0"]').count(), 1, 'exactly one term is in the Tab order');
      const at = () => page.evaluate(() => [...document.querySelectorAll('.blocks mark.frame')].indexOf(document.activeElement));
      // Tab from the button before the article lands on the first term; Tab again leaves them.
      await page.locator('.frames-off').focus();
      let onMark = false;
      for (let i = 0; i < 5 && !onMark; i++) {
        await page.keyboard.press('Tab');
        onMark = (await at()) >= 0;
      }
      assert.ok(onMark, 'Tab reaches the terms');
      assert.equal(await at(), 0, 'the first term');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.equal(await at(), 2, 'two presses of → reach the third term');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await at(), 1);
      // Focus on a term tells its frame (the tag read after it in the text describes it).
      const described = await page.evaluate(() => {
        const m = document.activeElement;
        return [document.getElementById(m.getAttribute('aria-describedby'))?.textContent, m.nextElementSibling?.textContent, m.dataset.frame];
      });
      assert.equal(described[0], described[1], 'described by the tag that follows it');
      assert.equal(described[0], ` [${described[2]}]`);
      await page.keyboard.press('End');
      assert.equal(await at(), n - 1, 'End: the last term');
      assert.equal(await page.locator('.blocks mark.frame[tabindex="0"]').count(), 1, 'still one Tab stop, now the term reached');
      await page.keyboard.press('Tab');
      assert.equal(await at(), -1, 'one Tab leaves the terms');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await at(), n - 1, 'Shift+Tab returns to the term last reached');
    });
  });
});

describe('distinctive words', () => {
  test('each source’s chart is drawn in SVG with the same numbers in a table', async () => {
    const c = cli(ALL);
    await withPage(browser, server, async (page) => {
      await page.goto(compareUrl(ALL, '&cview=words'));
      await page.locator('.words-figure').first().waitFor();
      assert.equal(await page.locator('.words-figure').count(), c.distinctive.length, 'one chart per source');
      for (const [i, d] of c.distinctive.entries()) {
        const fig = page.locator('.words-figure').nth(i);
        if (d.words.length === 0) {
          // Honest about why: too little text, or nothing beyond chance at this length.
          const why = d.content_words < 200 ? /Too little text to tell: \d+ content words/ : /No word stands out beyond chance/;
          assert.match(await fig.textContent(), why);
          continue;
        }
        const svg = fig.locator('svg.words-chart[role=img]');
        assert.match(await svg.getAttribute('aria-label'), /most distinctive words/);
        assert.equal(await svg.locator('rect.bar').count(), d.words.length, 'a bar per word');
        const widths = await svg.locator('rect.bar').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
        for (let j = 1; j < widths.length; j++) assert.ok(widths[j - 1] >= widths[j], 'longest bar first');
        const words = await fig.locator('table.words-table tbody th').allTextContents();
        assert.deepEqual(words, d.words.map((w) => w.word), 'the table lists the chart’s words in order');
        const z = await fig.locator('table.words-table tbody tr td:nth-of-type(3)').allTextContents();
        assert.deepEqual(z, d.words.map((w) => w.z.toFixed(2)));
      }
      // Explained in a sentence, with the method folded away.
      const method = page.locator('.compare-words details.method');
      assert.equal(await method.locator('summary').textContent(), 'How is this calculated?');
      assert.equal(await method.getAttribute('open'), null);
      await method.locator('summary').click();
      assert.match(await method.textContent(), /log-odds/);
      await screenshot(page, 'compare-words');
    });
  });
});

describe('facts and dates', () => {
  test('numbers that disagree are listed side by side, and re-publications are flagged', async () => {
    const c = cli(ALL);
    const differ = c.numbers.filter((g) => g.disagree);
    assert.ok(differ.length > 0, 'the seeds disagree on some quantity (see the CLI snapshot)');
    await withPage(browser, server, async (page) => {
      await page.goto(compareUrl(ALL, '&cview=facts'));
      await page.locator('.compare-facts').waitFor();
      const groups = page.locator('.number-groups .number-group.disagree');
      assert.equal(await groups.count(), differ.length);
      for (const [i, g] of differ.entries()) {
        const card = groups.nth(i);
        assert.match(await card.locator('h4').textContent(), /Values differ/);
        const shown = await card.locator('li strong').allTextContents();
        assert.deepEqual(shown, g.mentions.map((m) => m.text));
      }
      const flagged = await page.$$eval('.timeline.republished h4 .doc-letter', (ls) => ls.map((l) => l.textContent));
      const expected = c.timeline.filter((t) => t.republished).map((t) => String.fromCharCode(65 + ALL.indexOf(t.doc)));
      assert.deepEqual(flagged, expected, 'the articles the core flags as possible re-publications');
      assert.match(await page.locator('.timeline.republished').first().textContent(), /Possible re-publication/);
    });
  });
});

describe('links, chooser and bad input', () => {
  test('the chooser puts the chosen articles in the URL; one article is not enough', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(server.baseUrl);
      await page.locator('nav.site-nav a', { hasText: 'Compare' }).click();
      await page.locator('details.compare-chooser[open]').waitFor();
      assert.match(await page.locator('main').textContent(), /Choose two or more articles/);
      await page.locator('label', { hasText: /UN Mission Arrives/ }).click();
      await page.locator('.compare-chooser button[type=submit]').click();
      assert.equal(await page.locator('.chooser-problem').textContent(), 'Choose at least two articles to compare.');
      await page.locator('.compare-chooser input[type=checkbox]').nth(0).check();
      await page.locator('.compare-chooser button[type=submit]').click();
      await waitForCompare(page, 2);
      assert.equal(params(page).get('compare').split(',').length, 2);
      await page.goBack();
      await page.locator('details.compare-chooser[open]').waitFor();
    });
  });

  test('the reader links to the comparison with its article already chosen', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=${D001}`);
      await page.locator('a.compare-link').click();
      await page.locator('details.compare-chooser[open]').waitFor();
      assert.equal(params(page).get('compare'), D001);
      assert.match(await page.locator('.compare-chooser summary').textContent(), /1 of 5 chosen/);
      assert.equal(await page.locator(`.compare-chooser input[value="${D001}"]`).isChecked(), true);
      await page.locator(`.compare-chooser input[value="${D003}"]`).check();
      await page.locator('.compare-chooser button[type=submit]').click();
      await waitForCompare(page, 2);
      assert.equal(params(page).get('compare'), `${D001},${D003}`);
    });
  });

  test('every view comes back from its link; unknown ids and bad values are explained, not fatal', async () => {
    await withPage(browser, server, async (page) => {
      for (const [cview, sel] of [
        ['passages', '.compare-col'],
        ['speakers', 'table.speakers-table'],
        ['framing', 'table.frame-table'],
        ['words', '.words-figure'],
        ['facts', '.compare-facts'],
      ]) {
        await page.goto(compareUrl([D000, D001], `&cview=${cview}`));
        await page.locator(sel).first().waitFor();
        assert.equal(await page.locator('.compare-views a[aria-current=page]').getAttribute('data-key'), cview);
      }
      await page.goto(`${server.baseUrl}?compare=nope%3Cb%3E,${D000},${D001}&pair=9999&cview=sideways&speaker=Nobody`);
      await waitForCompare(page, 2);
      assert.match(await page.locator('.notice-warn').first().textContent(), /No article “nope<b>” in this corpus/);
      assert.equal(await page.locator('.notice-warn b').count(), 0, 'ids are shown as text');
      assert.equal(await page.locator('.diff-panel').count(), 0, 'an out-of-range passage is ignored');
      assert.equal(await page.locator('.compare-views a[aria-current=page]').getAttribute('data-key'), 'passages');
      await page.goto(`${server.baseUrl}?compare=nope`);
      await page.locator('details.compare-chooser[open]').waitFor();
      assert.match(await page.locator('main').textContent(), /No article “nope”/);
      assert.equal(await page.locator('.notice-warn a').count(), 0, 'no offer to add an id no file gives');
      // An id of an article added in someone's browser names its file and where to add it.
      await page.goto(`${server.baseUrl}?compare=0123456789abcdef_notes,${D000},${D001}`);
      await waitForCompare(page, 2);
      const note = page.locator('.notice-warn').first();
      assert.match(await note.textContent(), /added in someone's browser from a file named “notes”: add that file here/);
      await note.locator('a', { hasText: 'library' }).click();
      await page.locator('ol.doc-list li.doc-item').first().waitFor();
      assert.equal(params(page).get('page'), 'library');
    });
  });
});

describe('the comparison worker', () => {
  test('the engine loads only when a comparison is opened', async () => {
    await withPage(browser, server, async (page, log) => {
      await page.goto(server.baseUrl + '?page=library');
      await page.locator('ol.doc-list li.doc-item').first().waitFor();
      assert.equal(log.requests.filter((u) => /compare_worker/.test(u)).length, 0, 'not on the library');
      await page.goto(compareUrl([D000, D001]));
      await waitForCompare(page, 2);
      assert.ok(log.requests.some((u) => /compare_worker_bg\.wasm$/.test(u)), 'the worker module is fetched for a comparison');
    });
  });

  test('a worker that cannot load is explained on the page, which keeps working', async () => {
    const broken = await startServer({ distDir: DIST, overrides: { 'compare_worker_loader.js': path.join(DIST, 'no-such-file.js') } });
    try {
      await withPage(
        browser,
        broken,
        async (page) => {
          await page.goto(`${broken.baseUrl}?compare=${D000},${D001}`);
          const alert = page.locator('.compare-body [role=alert]');
          await alert.waitFor();
          assert.match(await alert.textContent(), /comparison engine .*compare_worker_loader\.js.* failed to load/);
          // The rest of the page still works: the chooser and the site navigation.
          assert.equal(await page.locator('.compare-docs li').count(), 0);
          await page.locator('nav.site-nav a', { hasText: 'Library' }).click();
          await page.locator('ol.doc-list li.doc-item').first().waitFor();
        },
        {
          allowBadResponses: [/compare_worker_loader\.js$/],
          allowFailedRequests: [/compare_worker_loader\.js/],
          allowConsoleErrors: [/compare_worker_loader|404|Not Found/i],
        },
      );
    } finally {
      await broken.close();
    }
  });
});

describe('accessibility', () => {
  axeAtTwoWidths(
    () => [browser, server],
    [
      ['passages', '&pair=0&frames=1', '.diff-panel'],
      ['speakers', '&cview=speakers&speaker=Stephane%20Dujarric', '.speaker-quotes'],
      ['framing', '&cview=framing', 'article.profile'],
      ['words', '&cview=words', '.words-figure'],
      ['facts', '&cview=facts', '.compare-facts'],
    ].map(([name, extra, sel]) => ({
      name: `compare-${name}`,
      query: `?compare=${ALL.join(',')}${extra}`,
      wait: (page) => page.locator(sel).first().waitFor(),
    })),
  );
  test('the reader with framing words has no axe violations', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?doc=${D001}&frames=1`);
      await page.locator('.blocks mark.frame').first().waitFor();
      await screenshot(page, 'reader-frames');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
    });
  });
});
