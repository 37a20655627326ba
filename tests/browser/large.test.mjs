// Browser tests for a very long article (1.6 MB: 8,000 paragraphs and one paragraph of 100 KB):
// the reader and the original view put it on screen a part at a time (components/progressive.rs),
// so the first paragraphs appear at once and the tab stays responsive; the rest follows as the
// reader scrolls or asks for all of it; a passage link (`at=`) deep in the text still lands.
// Assertions are on what is shown (how many paragraphs, which ones), never on elapsed time.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, waitForReader, serveDistAndLaunch, serveCorpus } from './helpers.mjs';

let browser;
serveDistAndLaunch((_s, b) => {
  browser = b;
});

const ID = 'long-report';
const PARAGRAPHS = 8000;
const NAMES = ['Nikol Pashinyan', 'Ilham Aliyev', 'the United Nations', 'Brussels', 'Stepanakert', 'the European Union'];
const paragraph = (i) =>
  `Paragraph ${i} of the long report: on October ${1 + (i % 28)}, 2023, ${NAMES[i % 6]} met officials in ` +
  `${NAMES[(i + 3) % 6]} and said that ${1000 + i} people had crossed the corridor, adding that talks would resume.`;
const GIANT =
  'The giant paragraph begins here. ' +
  `It keeps going with the same words about ${NAMES[0]} and the corridor, sentence after sentence without a break. `.repeat(1000) +
  'The giant paragraph ends here.';

const collapse = (s) => s.replace(/\s+/g, ' ').trim();
const bodyCount = (page) => page.locator('.blocks p.block-body').count();

/** Waits until the number of body paragraphs on screen stops changing (idle rendering done). */
async function settled(page) {
  let last = -1;
  let n = await bodyCount(page);
  while (n !== last) {
    last = n;
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r))));
    await page.waitForTimeout(200);
    n = await bodyCount(page);
  }
  return n;
}

describe('a very long article', () => {
  const paras = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i + 1));
  paras.splice(PARAGRAPHS / 2, 0, GIANT);
  const text = `A very long report on the corridor\n\nBy Jane Roe October 3, 2023\n\n${paras.join('\n\n')}\n`;
  const served = serveCorpus('large', (corpus) => fs.writeFileSync(path.join(corpus, `${ID}.txt`), text));

  test('the reader shows the first paragraphs at once, the rest as it scrolls or asks, all of it in the end', async () => {
    const site = served.server;
    await withPage(browser, site, async (page) => {
      // How many paragraphs the first render put on screen (a MutationObserver sees the
      // article's container arrive, with whatever was rendered in the same task).
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const blocks = document.querySelector('.blocks');
          if (blocks) {
            window.__firstRender = blocks.querySelectorAll('p.block-body').length;
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${site.baseUrl}?doc=${ID}`);
      await waitForReader(page, ID);
      const first = page.locator('.blocks p.block-body').first();
      assert.equal(collapse(await first.textContent()), paragraph(1));
      const firstRender = await page.evaluate(() => window.__firstRender);
      assert.ok(firstRender > 0 && firstRender < 300, `the first render is one chunk (${firstRender} paragraphs)`);

      // Unasked, rendering stops after a part of the text, and says so.
      const auto = await settled(page);
      assert.ok(auto > firstRender && auto < PARAGRAPHS / 2, `shown without scrolling: ${auto} of ${PARAGRAPHS}`);
      const note = page.locator('.more-note');
      assert.ok(await note.isVisible(), 'a note says more follows');
      assert.match(collapse(await note.textContent()), /rest of the article appears as you scroll/);

      // The page answers while it is this long (a click on the legend's first box).
      const box = page.locator('fieldset.entity-legend input[type=checkbox]').first();
      await box.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('hide'));
      await box.click();

      // Scrolling to the end brings more.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction((n) => document.querySelectorAll('.blocks p.block-body').length > n, auto);

      // "Show all of it" brings the rest, in order, and the note goes.
      await page.locator('.more-note button.show-all').click();
      await page.waitForFunction((n) => document.querySelectorAll('.blocks p.block-body').length === n, PARAGRAPHS + 1, { timeout: 120000 });
      assert.ok(!(await note.isVisible()), 'the note is gone');
      const last = page.locator('.blocks p.block-body').last();
      assert.equal(collapse(await last.textContent()), paragraph(PARAGRAPHS));
      // The giant paragraph, drawn in several parts, is one paragraph with all its text.
      const giant = page.locator('.blocks p.block-body', { hasText: 'The giant paragraph begins here.' });
      assert.equal(await giant.count(), 1);
      assert.equal(collapse(await giant.textContent()), collapse(GIANT));
      assert.equal(await page.locator('.blocks p.block-body').nth(PARAGRAPHS / 2 + 1).textContent().then(collapse), paragraph(PARAGRAPHS / 2 + 1));
    });
  });

  test('a passage link deep in the article shows and focuses its paragraph', async () => {
    const site = served.server;
    await withPage(browser, site, async (page) => {
      const at = Buffer.byteLength(text.slice(0, text.indexOf(paragraph(PARAGRAPHS - 1))));
      await page.goto(`${site.baseUrl}?doc=${ID}&at=${at + 5}`);
      await waitForReader(page, ID);
      const target = page.locator('.blocks .at-target');
      await target.waitFor();
      assert.equal(collapse(await target.textContent()), paragraph(PARAGRAPHS - 1));
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('at-target')), true);
    });
  });

  test('the original view shows the start of the file, and all of it when asked', async () => {
    const site = served.server;
    await withPage(browser, site, async (page) => {
      await page.goto(`${site.baseUrl}?doc=${ID}&view=original`);
      const pre = page.locator('pre.original-text');
      await pre.waitFor();
      await page.waitForFunction(() => document.querySelector('pre.original-text').textContent.length > 0);
      const shown = (await pre.textContent()).length;
      assert.ok(shown < text.length / 2, `part of the file is shown first (${shown} of ${text.length} characters)`);
      assert.ok(text.startsWith(await pre.textContent()), 'the start of the file, exactly');
      await page.locator('.original .more-note button.show-all').click();
      await page.waitForFunction((n) => document.querySelector('pre.original-text').textContent.length === n, text.length, { timeout: 120000 });
      assert.equal(await pre.textContent(), text, 'the whole file, exactly');
    });
  });
});
