// Browser tests for the app's defences: the Content-Security-Policy (declared, enforced, and the
// same as the header README.md documents), and hostile text: 120 XSS vectors (hostile.mjs)
// in every part of a corpus (titles, bylines, captions, crossheads, bodies, quotes, file names,
// every sidecar value, `url = "javascript:…"` above all) and in every URL parameter, in every
// view. Every page runs under withPage (helpers.mjs), which fails on any CSP violation and on
// any call of the sentinels the vectors try to call; each view is also checked for elements
// with `on*` attributes, script or data URLs in links and sources, and elements that only
// markup from the corpus could have made.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, withPage, serveDistAndLaunch, parallax, serveCorpus } from './helpers.mjs';
import { vectors, writeHostileCorpus } from './hostile.mjs';

let server;
let browser;
serveDistAndLaunch((s, b) => {
  server = s;
  browser = b;
});

/** The policy index.html declares, as `[directive, value]` pairs. */
function declaredPolicy(html) {
  const m = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/);
  assert.ok(m, 'index.html declares a Content-Security-Policy');
  return m[1];
}

function directives(policy) {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('Content-Security-Policy', () => {
  test('index.html declares the strict policy before anything it governs, with no inline script', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const policy = directives(declaredPolicy(html));
    assert.deepEqual(Object.fromEntries(policy), {
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
    });
    const at = html.indexOf('http-equiv="Content-Security-Policy"');
    for (const tag of ['<script', '<link', '<base', '<style']) {
      const first = html.indexOf(tag);
      assert.ok(first === -1 || first > at, `the policy comes before the first ${tag}`);
    }
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 1, 'index.html loads the app with a script');
    for (const [, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc="/, `every script is a file: <script${attrs}>`);
      assert.equal(body.trim(), '', 'no inline script');
    }
    assert.ok(!/\sstyle="/.test(html), 'no style attribute');
    assert.ok(!/<style\b/.test(html), 'no inline style sheet');
  });

  test('README documents the same policy as an HTTP header', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const m = readme.match(/^Content-Security-Policy: (.+)$/m);
    assert.ok(m, 'README.md has a line "Content-Security-Policy: …"');
    const header = directives(m[1]);
    for (const [name, value] of directives(declaredPolicy(html))) {
      assert.equal(header.get(name), value, `the header's ${name} is the meta tag's`);
    }
    // What only a header can say.
    assert.equal(header.get('frame-ancestors'), "'none'");
  });

  test('the policy is enforced: injected inline script and style attributes are refused and reported', async () => {
    await withPage(
      browser,
      server,
      async (page, log) => {
        await page.goto(server.baseUrl + '?page=library');
        await page.locator('ol.doc-list li.doc-item').first().waitFor();
        const ran = await page.evaluate(async () => {
          window.__probe = false;
          const s = document.createElement('script');
          s.textContent = 'window.__probe = true';
          document.body.append(s);
          const d = document.createElement('div');
          d.setAttribute('style', 'width: 12345px');
          document.body.append(d);
          const width = d.getBoundingClientRect().width;
          d.remove();
          s.remove();
          await new Promise((r) => setTimeout(r, 50));
          return { script: window.__probe, width };
        });
        assert.equal(ran.script, false, 'an inline script did not run');
        assert.notEqual(ran.width, 12345, 'a style attribute was not applied');
        await page.evaluate(() => 0);
        assert.ok(log.csp.some((v) => v.startsWith('script-src-elem')), `script refusal reported: ${log.csp}`);
        assert.ok(log.csp.some((v) => v.startsWith('style-src-attr')), `style refusal reported: ${log.csp}`);
        // The checks the hostile-text tests rely on see what they are meant to: markup put in
        // as HTML is found by unsafeDom, its handler is refused, and a call of a sentinel is
        // reported.
        await page.evaluate(() => {
          document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="x" onerror="__xss(0)"><a href="javascript:__xss(0)">x</a>');
        });
        await page.waitForFunction(() => document.querySelector('main img').complete);
        const found = await unsafeDom(page);
        assert.ok(found.includes('<img> element') && found.some((f) => f.startsWith('<img onerror=')), `unsafeDom: ${found}`);
        assert.ok(found.some((f) => f.startsWith('<a href="javascript:')), `unsafeDom: ${found}`);
        await page.evaluate(() => 0);
        assert.ok(log.csp.some((v) => v.startsWith('script-src-attr')), `handler refusal reported: ${log.csp}`);
        assert.deepEqual(log.xss, [], 'the refused handler did not run');
        await page.evaluate(() => window.__xss('probe'));
        await page.evaluate(() => 0);
        assert.equal(log.xss.length, 1, 'a sentinel call is reported');
        // All provoked here; withPage fails on any other.
        log.csp.length = 0;
        log.xss.length = 0;
        log.badResponses.length = 0;
      },
      { allowConsoleErrors: [/Content Security Policy/, /404/] },
    );
  });
});

/**
 * What in the page could run or lead to script: elements with `on*` attributes, script, data
 * and vbscript URLs in any attribute that links or loads, and elements the app never makes
 * (only markup from the corpus or the URL could have made them). Returns descriptions.
 */
function unsafeDom(page) {
  return page.evaluate(() => {
    const found = [];
    const never = new Set(
      'script iframe frame frameset object embed applet base meta img video audio source picture marquee template style link math mtext mglyph maction mi foreignobject animate set use image xss isindex keygen textarea noscript body'.split(' '),
    );
    const linking = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background']);
    for (const el of document.body.querySelectorAll('*')) {
      const name = el.localName.toLowerCase();
      if (never.has(name)) found.push(`<${name}> element`);
      for (const a of el.attributes) {
        const n = a.name.toLowerCase();
        if (n.startsWith('on')) found.push(`<${name} ${n}="${a.value}">`);
        const v = a.value.replace(/[\u0000-\u0020]+/g, '').toLowerCase();
        if (linking.has(n) && /^(javascript|vbscript|data):/.test(v)) found.push(`<${name} ${n}="${a.value}">`);
      }
    }
    if (document.querySelectorAll('script').length !== document.querySelectorAll('head script[src]').length) {
      found.push('a script outside the head');
    }
    return found;
  });
}

/** Wait until the app shows a page (its <h1>), then until nothing more is loading. */
async function settle(page, selector = 'main#main h1') {
  await page.locator(selector).first().waitFor();
  await page.waitForLoadState('networkidle');
  // Two frames, so that effects scheduled by the last render have run.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

describe('hostile text (120 XSS vectors)', () => {
  const V = vectors();
  let ids = [];
  let parsed = [];
  let visited = 0;
  const served = serveCorpus('xss', (corpus) => {
    assert.ok(V.length >= 100 && new Set(V).size === V.length, `at least 100 distinct vectors (${V.length})`);
    writeHostileCorpus(corpus, V);
    parsed = JSON.parse(parallax(['parse', corpus, '--json']));
    ids = parsed.map((d) => d.id);
  });

  /** Opens each `?query` in turn (one page), waits for `selector`, runs `more`, checks the DOM. */
  async function visit(queries, { selector, more } = {}) {
    const hostile = served.server;
    await withPage(browser, hostile, async (page) => {
      for (const q of queries) {
        const short = q.length > 120 ? `${q.slice(0, 120)}… (${q.length} characters)` : q;
        try {
          await page.goto(hostile.baseUrl + q);
          await settle(page, selector);
          if (more) await more(page, q);
        } catch (e) {
          throw new Error(`${short}: ${String(e.message).slice(0, 300)}`);
        }
        assert.deepEqual(await unsafeDom(page), [], `nothing unsafe in the page for ${short}`);
        visited++;
      }
    });
  }

  test('the corpus carries the vectors in every part the parser knows', () => {
    const all = (f) => parsed.flatMap(f).join('\n');
    const has = (where, text) => V.filter((v) => text.includes(v)).length;
    const blocks = (kind) => all((d) => d.blocks.filter((b) => b.kind === kind).map((b) => b.text));
    // Every vector is in some body paragraph, as written.
    assert.equal(has('body', blocks('body')), V.length, 'every vector is in a body block');
    for (const [what, text] of [
      ['titles from the text', all((d) => (d.sources?.title?.from === 'text' ? [d.title] : []))],
      ['titles from sidecars', all((d) => (d.sources?.title?.from === 'sidecar' ? [d.title] : []))],
      ['authors', all((d) => d.authors ?? [])],
      ['outlets', all((d) => [d.outlet ?? ''])],
      ['urls', all((d) => [d.url ?? ''])],
      ['notes', all((d) => [d.notes ?? ''])],
      ['languages', all((d) => [d.language ?? ''])],
      ['captions', blocks('caption')],
      ['bylines', blocks('byline')],
      ['crossheads', blocks('subheading')],
      ['file names', all((d) => [d.file])],
    ]) {
      assert.ok(has(what, text) > 0, `some vector is in the ${what}`);
    }
    assert.ok(parsed.some((d) => /^\s*javascript:/i.test(d.url ?? '')), 'a sidecar url is a javascript: URL');
  });

  test('library, with every order and a hostile entity filter', async () => {
    await visit(['', '?page=library', '?page=library&sort=outlet', '?page=library&sort=date-asc', '?page=library&sort=title'], {
      more: async (page) => {
        const shown = collapse(await page.locator('main#main').textContent());
        assert.ok(shown.includes('<script>') || shown.includes('<img'), 'titles with markup are shown as text');
      },
    });
  });

  test('reader: every article, parsed (with an entity card open) and original', async () => {
    const queries = ids.flatMap((id) => [`?doc=${encodeURIComponent(id)}`, `?doc=${encodeURIComponent(id)}&view=original`]);
    await visit(queries, {
      selector: 'article.reader h1.doc-title',
      more: async (page, q) => {
        const d = parsed[Math.floor(queries.indexOf(q) / 2)];
        const main = collapse(await page.locator('main#main').textContent());
        const inBody = V.filter((v) => d.blocks.some((b) => b.kind === 'body' && b.text.includes(v)));
        for (const v of inBody) assert.ok(main.includes(collapse(v)), `${d.id} shows ${JSON.stringify(v)} as text`);
        if (q.endsWith('original')) return;
        // The sidecar url is shown, and never a link unless it is http(s).
        const url = page.locator('dd.meta-url');
        if (d.url) {
          assert.ok(collapse(await url.textContent()).includes(collapse(d.url)), 'the url is shown as text');
          const links = await url.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          for (const href of links) assert.match(href, /^https?:\/\//i, 'only a web address becomes a link');
          if (!/^https?:/i.test(d.url.trim())) assert.equal(links.length, 0, `${JSON.stringify(d.url)} is not a link`);
        }
        assert.equal(await page.locator('[lang]').evaluateAll((els) => els.filter((e) => e.getAttribute('lang').includes('<')).length), 0);
        const mark = page.locator('.blocks mark.ent').first();
        if (await mark.count()) {
          await mark.focus();
          await page.locator('#entity-card').waitFor();
          assert.deepEqual(await unsafeDom(page), [], 'nothing unsafe with the entity card open');
        }
      },
    });
  });

  test('reader: framing words (from the comparison worker)', async () => {
    await visit(
      ids.slice(0, 3).map((id) => `?doc=${encodeURIComponent(id)}&frames=1`),
      { selector: 'article.reader h1.doc-title' },
    );
  });

  test('search: every mode, with hostile facet values chosen', async () => {
    const outlets = parsed.map((d) => d.outlet).filter(Boolean);
    const authors = parsed.flatMap((d) => d.authors ?? []);
    const enc = encodeURIComponent;
    const queries = [];
    for (const mode of ['docs', 'passages', 'kwic']) {
      queries.push(`?q=mayor&mode=${mode}`, `?q=script&mode=${mode}`, `?q=xss&mode=${mode}&ksort=left`);
      queries.push(`?q=mayor&mode=${mode}&outlet=${enc(outlets[0])}&author=${enc(authors[0])}`);
    }
    queries.push(`?mode=docs&outlet=${enc(outlets[1] ?? outlets[0])}`, '?q=%22the+mayor+said%22&mode=passages');
    await visit(queries, {
      more: async (page) => {
        await page.locator('.search-status .search-count').waitFor();
      },
    });
  });

  test('entities page and an entity chosen', async () => {
    await visit(['?page=entities', '?page=entities&etype=person&esort=name', '?page=entities&etype=org&esort=docs'], {
      more: async (page) => {
        await page.locator('table.entity-table').first().waitFor();
      },
    });
    const hostile = served.server;
    await withPage(browser, hostile, async (page) => {
      await page.goto(`${hostile.baseUrl}?page=entities`);
      await settle(page);
      await page.locator('a.entity-link').first().click();
      await settle(page);
      assert.deepEqual(await unsafeDom(page), []);
    });
  });

  test('comparison: every view', async () => {
    const compare = `?compare=${ids.slice(0, 4).map(encodeURIComponent).join(',')}`;
    await visit(
      ['passages', 'speakers', 'framing', 'words', 'facts'].map((v) => `${compare}&cview=${v}`).concat([`${compare}&pair=0&frames=1`]),
      {
        more: async (page) => {
          await page.waitForFunction(() => document.querySelectorAll('.compare-docs li').length === 4);
          await page.waitForLoadState('networkidle');
        },
      },
    );
  });

  test('every URL parameter carries every vector', async () => {
    const all = encodeURIComponent(V.join(' '));
    const doc = `doc=${encodeURIComponent(ids[0])}`;
    const cmp = `compare=${ids.slice(0, 2).map(encodeURIComponent).join(',')}`;
    const queries = [
      ...['q', 'mode', 'outlet', 'author', 'after', 'before', 'ksort'].map((p) => `?q=mayor&${p}=${all}`),
      ...['page', 'entity', 'etype', 'esort', 'sort', 'doc', 'compare'].map((p) => `?${p}=${all}`),
      ...['view', 'at', 'hide', 'entity', 'frames'].map((p) => `?${doc}&${p}=${all}`),
      ...['cview', 'pair', 'speaker', 'frames'].map((p) => `?${cmp}&${p}=${all}`),
      ...['entity', 'etype', 'esort'].map((p) => `?page=entities&${p}=${all}`),
      `?compare=${V.map(encodeURIComponent).join(',')}`,
      // Each vector as a whole query string of its own, and as a parameter name.
      ...V.filter((_, i) => i % 4 === 0).map((v) => `?${v}`),
      `?${all}=1&q=${all}`,
    ];
    await visit(queries, { selector: 'main#main h1' });
    assert.ok(visited > 60, `views visited with hostile text: ${visited}`);
  });
});
