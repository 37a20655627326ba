// Browser tests of the table downloads (issue 12): what the page saves as CSV and JSON holds the
// rows the `parallax` command finds for the same articles, one row each: the quotes of "Who
// speaks", the shared passages of a comparison, and the concordance of a search. The expected
// rows are read from the command's JSON, never written here.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS, withPage, serveDistAndLaunch, parallax } from './helpers.mjs';

let server;
let browser;
serveDistAndLaunch((s, b) => {
  server = s;
  browser = b;
});

const ALL = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

/** RFC 4180: rows of cells (quoted cells may hold commas, quotes doubled, line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  assert.ok(!quoted && cell === '' && row.length === 0, 'the CSV ends with a complete line');
  return rows;
}

/** Clicks the button named `name` and returns the file it saved: its name and text. */
async function download(page, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

/** The CSV's rows as objects keyed by its header, and checks the JSON download says the same. */
async function downloadedRows(page, table) {
  const csv = await download(page, `Download CSV: ${table}`);
  assert.equal(csv.file, `${table}.csv`);
  const [head, ...body] = parseCsv(csv.text);
  const rows = body.map((r) => Object.fromEntries(head.map((k, i) => [k, r[i] ?? ''])));
  const json = await download(page, `Download JSON: ${table}`);
  assert.equal(json.file, `${table}.json`);
  assert.deepEqual(JSON.parse(json.text), rows, 'the JSON holds the rows of the CSV');
  return rows;
}

const sorted = (rows) => rows.map((r) => JSON.stringify(r)).sort();

describe('table downloads', () => {
  test('the quotes CSV has one row per quote parallax compare finds', async () => {
    const c = JSON.parse(parallax(['compare', ...ALL.map((id) => path.join(CORPUS, `${id}.txt`)), '--json']));
    const expected = [];
    for (const sp of c.speakers) {
      for (const ids of sp.quotes) {
        for (const q of ids.map((k) => c.quotes[k])) {
          expected.push({
            speaker: sp.canonical === null && sp.name === '(unknown)' ? 'Unknown speaker' : sp.name,
            kind: q.kind === 'direct' ? 'direct quote' : 'reported speech',
            verb: q.verb ?? '',
            'as written': q.speaker ?? '',
            words: q.text.trim(),
          });
        }
      }
    }
    assert.ok(expected.length > 10, `the seeds have quotes (${expected.length})`);
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?compare=${ALL.join(',')}&cview=speakers`);
      await page.locator('table.speakers-table').waitFor();
      const rows = await downloadedRows(page, 'quotes');
      const got = rows.map((r) => ({ speaker: r.speaker, kind: r.kind, verb: r.verb, 'as written': r['as written'], words: r.words }));
      assert.deepEqual(sorted(got), sorted(expected));
    });
  });

  test('the passages CSV has one row per shared passage, with both sides', async () => {
    const ids = [ALL[0], ALL[3]];
    const c = JSON.parse(parallax(['compare', ...ids.map((id) => path.join(CORPUS, `${id}.txt`)), '--json']));
    assert.ok(c.aligned.length > 0, 'these two seeds share passages');
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?compare=${ids.join(',')}`);
      await page.locator('.compare-col').nth(1).waitFor();
      const rows = await downloadedRows(page, 'passages');
      assert.deepEqual(
        rows.map((r) => [r.passage, r['A id'], r['A start'], r['A end'], r['A words'], r['B id'], r['B start'], r['B end'], r['B words']]),
        c.aligned.map((p, k) => [String(k + 1), p.a.doc, String(p.a.start), String(p.a.end), p.a.text.trim(), p.b.doc, String(p.b.start), String(p.b.end), p.b.text.trim()]),
      );
      assert.deepEqual(rows.map((r) => r.similarity), c.aligned.map((p) => `${Math.round(p.score * 100)}%`));
    });
  });

  test('the concordance CSV has the lines parallax search --kwic gives', async () => {
    const lines = JSON.parse(parallax(['search', 'Lachin', '--kwic', '--json', '--corpus', CORPUS]));
    assert.ok(lines.length > 1, 'the seeds say “Lachin” more than once');
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?q=Lachin&mode=kwic`);
      await page.locator('section.search-results').waitFor();
      const rows = await downloadedRows(page, 'search-results');
      assert.deepEqual(
        rows.map((r) => [r['document id'], r.left, r.keyword, r.right]),
        lines.map((l) => [l.id, l.left, l.keyword, l.right]),
      );
    });
  });
});
