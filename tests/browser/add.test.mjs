// Browser tests for adding articles in the page (issue 12): files of every input kind through
// the file input and by a drop, read off the main thread by the ingest worker with the core's
// batch; titles in the library, kept across a reload, found by search and on the entities page,
// compared with a bundled article; empty and binary files named while the others are added; no
// request other than a GET to the page's origin; the downloaded corpus.bin equal to
// `parallax bundle` of the same files; remove one, remove all; metadata corrected in the reader
// (kept, shown as edited while a sidecar that came with the file still says so, a wrong date
// refused); "Show only my articles" in the URL (mine=1), kept by links and reloads, and a link
// with it opened where nothing was added; axe-core clean. The panel's controls come in a module
// of their own: a slow one moves nothing on the landing page, a missing one is a sentence.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PHONE,
  splitModule,
  delayDownload,
  failDownload,
  failedDownload,
  watchLayoutShifts,
  layoutShifts,
  withPage,
  waitForLibrary,
  waitForReader,
  axeViolations,
  screenshot,
  serveDistAndLaunch,
  bundle,
} from './helpers.mjs';

let server;
let browser;
serveDistAndLaunch((s, b) => {
  server = s;
  browser = b;
});

const SEEDS = 5;
const D001 = '001_1d5485b6803e7481';

/** The files a user brings: every input kind, a sidecar, and two files that are not articles. */
const FILES = [
  {
    name: 'volcano.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'Volcano erupts near Zephyrine\n\nBy Ingrid Vasquez-Thorne\n\nPublished: 12 March 2024\n\n' +
        'ZEPHYRINE, March 12 (Reuters) - A volcano erupted on Tuesday near the town of Zephyrine, forcing ' +
        '2,000 residents to leave, said Oskar Lindqvist, a spokesman for the Zephyrine Volcano Observatory.\n\n' +
        'The eruption sent an ash plume of quixoticwordle dust over the valley, officials said.\n',
    ),
  },
  { name: 'volcano.toml', mimeType: 'text/plain', buffer: Buffer.from('outlet = "Valley Courier"\n') },
  {
    // Windows-1252: é as a single byte.
    name: 'cafe.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'Caf\xe9 owners march in Lyon\n\nBy Ren\xe9e Martin\n\nOwners of caf\xe9s in Lyon marched on Tuesday against the new rules.\n',
      'latin1',
    ),
  },
  {
    name: 'clip.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '---\ntitle: "Glacier collapse buries Swiss village"\nauthor:\n  - "[[Anna Keller]]"\npublished: 2024-05-29\n---\n\n' +
        'A glacier collapsed above the village of Blatten on Wednesday, burying most of it.\n',
    ),
  },
  {
    name: 'export.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'HD Dam failure forces evacuation of three villages\nBY By Maria Santos\nWC 412 words\nPD 14 March 2024\nSN The Manila Times\n' +
        'LP A dam burst on Thursday, forcing the evacuation of three villages.\nAN Document MNLTMS0020240314ek3e0001x\n\n' +
        'HD Rescuers reach flooded villages\nBY By Jose Cruz\nPD 15 March 2024\nSN The Manila Times\n' +
        'LP Rescuers reached the flooded villages on Friday.\nAN Document MNLTMS0020240315ek3f0001x\n',
    ),
  },
  {
    name: 'page.html',
    mimeType: 'text/html',
    buffer: Buffer.from(
      '<!doctype html><html><head><title>Harbour fire | Port News</title>' +
        '<meta property="og:title" content="Fire destroys harbour warehouses">' +
        '<meta name="author" content="Lena Brandt"></head><body><article><h1>Fire destroys harbour warehouses</h1>' +
        '<p>A fire destroyed three warehouses in the harbour on Monday night, the fire service said. ' +
        'No one was hurt, and the cause of the fire is not yet known, officials said on Tuesday.</p>' +
        '<p>Firefighters worked through the night to stop the flames from reaching the fuel depot next to the warehouses.</p>' +
        '</article></body></html>',
    ),
  },
  { name: 'f07.txt', mimeType: 'application/octet-stream', buffer: Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)) },
  { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
];
/** Articles among FILES: one each, two in the export. */
const ADDED = 6;

/** FNV-1a 64 of `bytes` as 16 hex digits: the page keeps a file as `<this>_<name>`. */
function fnv1a(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/** Records every request's method and URL: adding must send nothing anywhere. */
function watchRequests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(`${r.method()} ${r.url()}`));
  return seen;
}

function assertOnlyLocalGets(seen) {
  const bad = seen.filter((r) => !r.startsWith(`GET ${server.origin}/`) && !r.startsWith('GET blob:') && !r.startsWith('GET data:'));
  assert.deepEqual(bad, [], 'every request is a GET to the page origin');
}

async function addThroughInput(page, files) {
  await page.locator('section.add-articles input[type=file][multiple]').setInputFiles(files);
}

async function waitForAdded(page, count) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('ol.doc-list li.doc-item .doc-local').length === n && !document.querySelector('.add-status button'),
    count,
  );
}

describe('adding articles in the page', () => {
  test('files of every kind are added, shown everywhere, kept across a reload, and removed', async () => {
    await withPage(browser, server, async (page) => {
      const seen = watchRequests(page);
      await page.goto(`${server.baseUrl}?page=library`);
      await waitForLibrary(page, SEEDS);
      await addThroughInput(page, FILES);
      await waitForAdded(page, ADDED);
      await waitForLibrary(page, SEEDS + ADDED);
      const titles = await page.locator('ol.doc-list .doc-heading').allTextContents();
      for (const t of ['Volcano erupts near Zephyrine', 'Café owners march in Lyon', 'Glacier collapse buries Swiss village', 'Dam failure forces evacuation', 'Rescuers reach flooded villages', 'Fire destroys harbour warehouses']) {
        assert.ok(titles.some((x) => x.includes(t)), `the library lists “${t}”: ${titles.join(' | ')}`);
      }
      // The sidecar's outlet is used, as the CLI would.
      assert.ok(titles.some((x) => x.startsWith('Valley Courier')), 'the sidecar gives the outlet');
      const problems = await page.locator('.add-problems li').allTextContents();
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.match(problems.join('\n'), /^f07\.txt: this looks like a binary file/m);
      assert.match(problems.join('\n'), /^empty\.txt: the file is empty/m);
      assert.match(await page.locator('section.add-articles').innerText(), /never uploaded/);
      await screenshot(page, 'add-library');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);

      // Kept across a reload.
      await page.reload();
      await waitForLibrary(page, SEEDS + ADDED);
      await waitForAdded(page, ADDED);

      // Search finds a word only an added article has.
      await page.goto(`${server.baseUrl}?q=quixoticwordle`);
      await page.locator('section.search-results').waitFor();
      const results = await page.locator('section.search-results').innerText();
      assert.match(results, /Volcano erupts near Zephyrine/);

      // The reader opens it by its content-derived id.
      const volcano = FILES[0];
      const id = `${fnv1a(volcano.buffer)}_volcano`;
      await page.goto(`${server.baseUrl}?doc=${id}`);
      await waitForReader(page, id);

      // The entities page names an entity only the added articles mention.
      await page.goto(`${server.baseUrl}?page=entities`);
      await page.locator('table.entity-table tbody tr').first().waitFor();
      assert.match(await page.locator('table.entity-table').innerText(), /Oskar Lindqvist/);

      // An added article compared with a bundled one.
      await page.goto(`${server.baseUrl}?compare=${id},${D001}`);
      await page.waitForFunction(() => document.querySelectorAll('.compare-docs li').length === 2);
      await page.locator('.compare-col').nth(1).waitFor();
      assert.match(await page.locator('.compare-col').first().innerText(), /Zephyrine/);

      // Remove one, then all.
      await page.goto(`${server.baseUrl}?page=library`);
      await waitForLibrary(page, SEEDS + ADDED);
      await page.getByRole('button', { name: 'Remove clip.md' }).click();
      await waitForLibrary(page, SEEDS + ADDED - 1);
      await page.reload();
      await waitForLibrary(page, SEEDS + ADDED - 1);
      await page.getByRole('button', { name: 'Remove all' }).click();
      await waitForLibrary(page, SEEDS);
      await page.reload();
      await waitForLibrary(page, SEEDS);
      assertOnlyLocalGets(seen);
    });
  });

  test('a file dropped on the page and pasted text are added', async () => {
    await withPage(browser, server, async (page) => {
      const seen = watchRequests(page);
      await page.goto(`${server.baseUrl}?page=library`);
      await waitForLibrary(page, SEEDS);
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['Dropped headline about Quokkaville\n\nThe council of Quokkaville met on Monday.\n'], 'dropped.txt', { type: 'text/plain' }));
        document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await waitForLibrary(page, SEEDS + 1);
      await page.locator('section.add-articles summary').click();
      await page.locator('#paste-text').fill('Pasted headline on Wombat Bay\n\nFishermen in Wombat Bay said the catch was poor this year.\n');
      await page.getByRole('button', { name: 'Add this article' }).click();
      await waitForLibrary(page, SEEDS + 2);
      const titles = (await page.locator('ol.doc-list .doc-heading').allTextContents()).join(' | ');
      assert.match(titles, /Dropped headline about Quokkaville/);
      assert.match(titles, /Pasted headline on Wombat Bay/);
      await page.getByRole('button', { name: 'Remove all' }).click();
      await waitForLibrary(page, SEEDS);
      assertOnlyLocalGets(seen);
    });
  });

  test('a dropped folder is read, subfolders and sidecars included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-drop-'));
    try {
      const folder = path.join(dir, 'clippings');
      fs.mkdirSync(path.join(folder, 'june'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'harbour.txt'), 'Harbour reopens in Quillport\n\nThe harbour of Quillport reopened on Monday after repairs.\n');
      fs.writeFileSync(path.join(folder, 'june', 'bridge.txt'), 'Bridge closes in Quillport\n\nThe old bridge of Quillport closed on Friday for repairs.\n');
      fs.writeFileSync(path.join(folder, 'june', 'bridge.toml'), 'outlet = "Quillport Herald"\n');
      fs.mkdirSync(path.join(folder, 'empty'));
      await withPage(browser, server, async (page) => {
        const seen = watchRequests(page);
        await page.goto(`${server.baseUrl}?page=library`);
        await waitForLibrary(page, SEEDS);
        // A real drag from outside the browser, through the DevTools protocol: the page gets the
        // folder as a file-system entry, as when a user drops one.
        const cdp = await page.context().newCDPSession(page);
        const data = { items: [], files: [folder], dragOperationsMask: 1 };
        for (const type of ['dragEnter', 'dragOver', 'drop']) {
          await cdp.send('Input.dispatchDragEvent', { type, x: 200, y: 200, data });
        }
        await waitForLibrary(page, SEEDS + 2);
        const titles = (await page.locator('ol.doc-list .doc-heading').allTextContents()).join(' | ');
        assert.match(titles, /Harbour reopens in Quillport/);
        assert.match(titles, /Quillport Herald — Bridge closes in Quillport/, 'the sidecar in the subfolder is read');
        assert.match((await page.locator('.add-problems li').allTextContents()).join('\n'), /clippings\/empty\/: the folder is empty/);
        await page.getByRole('button', { name: 'Remove all' }).click();
        await waitForLibrary(page, SEEDS);
        assertOnlyLocalGets(seen);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('corrected metadata shows as edited, survives a reload, and is downloaded as a sidecar', async () => {
    await withPage(browser, server, async (page) => {
      const seen = watchRequests(page);
      await page.goto(`${server.baseUrl}?doc=${D001}`);
      await waitForReader(page, D001);
      await page.locator('details.edit-metadata summary').click();
      await page.locator('#edit-title').fill('A corrected headline');
      await page.locator('#edit-outlet').fill('Corrected Gazette');
      await page.locator('#edit-published').fill('2023-10-03');
      await page.getByRole('button', { name: 'Save corrections' }).click();
      await page.locator('h1.doc-title', { hasText: 'A corrected headline' }).waitFor();
      assert.match(await page.locator('p.title-source').innerText(), /edited in this browser/);
      assert.match(await page.locator('dd.meta-outlet').innerText(), /Corrected Gazette edited in this browser/);
      assert.match(await page.locator('details.edit-metadata summary').innerText(), /edited in this browser/);
      // A value left as it was keeps its provenance: the byline still comes from the text.
      assert.match(await page.locator('dd.meta-authors').innerText(), /from text: byline/);
      await page.reload();
      await page.locator('h1.doc-title', { hasText: 'A corrected headline' }).waitFor();
      // The library lists it under its corrected name too.
      await page.goto(`${server.baseUrl}?page=library`);
      await waitForLibrary(page, SEEDS);
      assert.match((await page.locator('ol.doc-list .doc-heading').allTextContents()).join(' | '), /Corrected Gazette — A corrected headline/);
      // A wrong date is refused with a sentence, nothing else changes.
      await page.goto(`${server.baseUrl}?doc=${D001}`);
      await waitForReader(page, D001);
      await page.locator('details.edit-metadata summary').click();
      await page.locator('#edit-published').fill('next week');
      await page.getByRole('button', { name: 'Save corrections' }).click();
      await page.locator('.edit-status', { hasText: 'is not a date' }).waitFor();
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
      assertOnlyLocalGets(seen);
    });
  });

  test('the downloaded corpus.bin is what parallax bundle makes of the same files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-add-'));
    try {
      await withPage(browser, server, async (page) => {
        await page.goto(`${server.baseUrl}?page=library`);
        await waitForLibrary(page, SEEDS);
        await addThroughInput(page, FILES);
        await waitForAdded(page, ADDED);
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download corpus.bin' }).click()]);
        assert.equal(download.suggestedFilename(), 'corpus.bin');
        const got = path.join(dir, 'page.bin');
        await download.saveAs(got);
        // The files the page kept, under the names it keeps them by, bundled by the command.
        const folder = path.join(dir, 'corpus');
        fs.mkdirSync(folder);
        const byName = Object.fromEntries(FILES.map((f) => [f.name, f.buffer]));
        for (const f of FILES) {
          if (f.name.endsWith('.toml') || f.name === 'f07.txt' || f.name === 'empty.txt') continue;
          const kept = `${fnv1a(f.buffer)}_${f.name}`;
          fs.writeFileSync(path.join(folder, kept), f.buffer);
          const side = byName[f.name.replace(/\.[^.]*$/, '.toml')];
          if (side) fs.writeFileSync(path.join(folder, kept.replace(/\.[^.]*$/, '.toml')), side);
        }
        bundle(folder, path.join(dir, 'cli.bin'));
        const a = fs.readFileSync(got);
        const b = fs.readFileSync(path.join(dir, 'cli.bin'));
        assert.ok(a.equals(b), `the page's corpus.bin (${a.length} bytes) equals the command's (${b.length} bytes)`);
        await page.getByRole('button', { name: 'Remove all' }).click();
        await waitForLibrary(page, SEEDS);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a correction of an added file says edited, its own sidecar still from sidecar', async () => {
    await withPage(browser, server, async (page) => {
      await page.goto(`${server.baseUrl}?page=library`);
      await waitForLibrary(page, SEEDS);
      await addThroughInput(page, FILES.slice(0, 2));
      await waitForAdded(page, 1);
      const id = `${fnv1a(FILES[0].buffer)}_volcano`;
      await page.goto(`${server.baseUrl}?doc=${id}`);
      await waitForReader(page, id);
      assert.match(await page.locator('dd.meta-outlet').innerText(), /Valley Courier from sidecar/);
      await page.locator('details.edit-metadata summary').click();
      await page.locator('#edit-title').fill('Ash over Zephyrine');
      await page.getByRole('button', { name: 'Save corrections' }).click();
      await page.locator('h1.doc-title', { hasText: 'Ash over Zephyrine' }).waitFor();
      assert.match(await page.locator('p.title-source').innerText(), /edited in this browser/);
      assert.match(await page.locator('dd.meta-outlet').innerText(), /Valley Courier from sidecar/, 'the file’s own sidecar');
      await page.reload();
      await page.locator('h1.doc-title', { hasText: 'Ash over Zephyrine' }).waitFor();
      assert.match(await page.locator('p.title-source').innerText(), /edited in this browser/);
      assert.match(await page.locator('dd.meta-outlet').innerText(), /from sidecar/);
      await page.goto(`${server.baseUrl}?page=library`);
      await waitForLibrary(page, SEEDS + 1);
      await page.getByRole('button', { name: 'Remove all' }).click();
      await waitForLibrary(page, SEEDS);
    });
  });

  test('"Show only my articles" is in the URL: links and reloads keep it, a browser with none says so', async () => {
    let shared;
    await withPage(browser, server, async (page) => {
      const nav = (name) => page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name }).click();
      const entities = page.locator('table.entity-table');
      const mine = () => new URL(page.url()).searchParams.get('mine');
      await page.goto(`${server.baseUrl}?page=library`);
      await waitForLibrary(page, SEEDS);
      await addThroughInput(page, FILES.slice(0, 2));
      await waitForAdded(page, 1);
      await waitForLibrary(page, SEEDS + 1);
      // A history entry from before the setting.
      await nav('Entities');
      await entities.locator('tbody tr').first().waitFor();
      await nav('Library');
      await waitForLibrary(page, SEEDS + 1);
      await page.getByLabel('Show only my articles').check();
      await waitForLibrary(page, 1);
      assert.equal(mine(), '1', 'the URL says so');
      // A link to another page keeps it, and that page shows the added articles alone.
      await nav('Entities');
      await entities.locator('tbody tr').first().waitFor();
      assert.equal(mine(), '1');
      assert.match(await entities.innerText(), /Oskar Lindqvist/);
      assert.doesNotMatch(await entities.innerText(), /Pashinyan/, 'no seed article');
      await nav('Library');
      await waitForLibrary(page, 1);
      shared = page.url();
      assert.equal(mine(), '1');
      await page.reload();
      await waitForLibrary(page, 1);
      // Back to the entry from before it was set: every article again; forward: yours alone.
      await page.goBack();
      await page.goBack();
      await page.goBack();
      await entities.filter({ hasText: 'Pashinyan' }).waitFor();
      assert.equal(mine(), null);
      await page.goForward();
      await waitForLibrary(page, 1);
      assert.equal(mine(), '1');
      // Off again.
      await page.getByLabel('Show only my articles').uncheck();
      await waitForLibrary(page, SEEDS + 1);
      assert.equal(mine(), null);
      await page.getByRole('button', { name: 'Remove all' }).click();
      await waitForLibrary(page, SEEDS);
    });
    // The shared link where no article was added: the site's articles, and a sentence why.
    await withPage(browser, server, async (page) => {
      await page.goto(shared);
      await waitForLibrary(page, SEEDS);
      assert.match(await page.locator('p.scope-note').innerText(), /none were added in this one/);
      assert.equal(new URL(page.url()).searchParams.get('mine'), null, 'the URL no longer says so');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
    });
  });

  test('the controls arrive in their own module: a slow one moves nothing, a missing one says so', async () => {
    const local = splitModule('local');
    await withPage(
      browser,
      server,
      async (page) => {
        await delayDownload(page, local, 2000);
        await watchLayoutShifts(page);
        await page.goto(server.baseUrl);
        // The overview is usable while the module is on its way: its outline holds the place.
        await page.locator('.overview h1').waitFor();
        await page.locator('section.add-articles [inert] .add-buttons').waitFor();
        const box = () => page.$eval('section.add-articles', (el) => JSON.stringify(el.getBoundingClientRect()));
        const before = await box();
        await page.locator('section.add-articles input[type=file][multiple]').waitFor();
        assert.equal(await page.locator('section.add-articles [inert]').count(), 0, 'the outline is gone');
        assert.equal(await box(), before, 'the panel keeps its place and size');
        const { total, shifts } = await layoutShifts(page);
        assert.ok(total < 0.01, `layout shift ${total}: ${JSON.stringify(shifts)}`);
        // And it works.
        await addThroughInput(page, FILES.slice(0, 1));
        await page.locator('.added-files li', { hasText: 'volcano.txt' }).waitFor();
        await page.getByRole('button', { name: 'Remove all' }).click();
        await page.locator('.added-files').waitFor({ state: 'detached' });
      },
      { viewport: PHONE },
    );
    await withPage(
      browser,
      server,
      async (page) => {
        await failDownload(page, local);
        await page.goto(server.baseUrl);
        await page.locator('.overview h1').waitFor();
        const alert = page.locator('section.add-articles [role=alert]');
        await alert.waitFor();
        assert.match(await alert.innerText(), /could not be loaded.*Reload the page/s);
        // Nothing else stops: another page still opens, with the same sentence in its panel.
        await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Library' }).click();
        await waitForLibrary(page, SEEDS);
        assert.match(await page.locator('section.add-articles [role=alert]').innerText(), /could not be loaded/);
      },
      failedDownload(local),
    );
  });
});
