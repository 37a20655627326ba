// Hostile text for the browser tests (security.test.mjs): XSS vectors of every family a news
// corpus or a crafted link could carry, and a corpus that carries them in every part. Each
// vector, if it ever ran, would call a sentinel the tests install in every page (`__xss(n)`,
// `alert(n)`, `confirm(n)`, `prompt(n)`, `print(n)`; see `sentinels` in helpers.mjs), with its
// own number, so a failure names the vector.
//
// `vectors()` returns them as strings; the numbers are their positions (1-based).
// `writeHostileCorpus(dir, vectors())` writes the articles and sidecars.

import fs from 'node:fs';
import path from 'node:path';

const B64 = (s) => Buffer.from(s).toString('base64');

/** Templates; `{n}` is replaced by the vector's number (a function is given it). */
const TEMPLATES = [
  // Script elements, in every case and with breakouts from the contexts a value may land in.
  '<script>__xss({n})</script>',
  '<SCRIPT>__xss({n})</SCRIPT>',
  '<ScRiPt>__xss({n})</sCrIpT>',
  '<script src="data:text/javascript,__xss({n})"></script>',
  '<script>alert({n})</script>',
  '<script type="module">__xss({n})</script>',
  '"><script>__xss({n})</script>',
  "'><script>__xss({n})</script>",
  '</title><script>__xss({n})</script>',
  '</textarea><script>__xss({n})</script>',
  '</style><script>__xss({n})</script>',
  '</noscript><script>__xss({n})</script>',
  '--><script>__xss({n})</script>',
  ']]><script>__xss({n})</script>',
  '<scr<script>ipt>__xss({n})</scr</script>ipt>',
  '%3Cscript%3E__xss({n})%3C%2Fscript%3E',
  '&lt;script&gt;__xss({n})&lt;/script&gt;',
  '&#60;script&#62;__xss({n})&#60;/script&#62;',
  '\\u003cscript\\u003e__xss({n})\\u003c/script\\u003e',
  '<script>/*</script><script>*/__xss({n})</script>',
  '</script><script>__xss({n})</script>',
  '<svg><script>__xss({n})</script></svg>',
  '<svg><script href="data:,__xss({n})" /></svg>',
  // Event handlers.
  '<img src=x onerror=__xss({n})>',
  '<IMG SRC=x ONERROR=__xss({n})>',
  '<img src=x onerror="__xss({n})">',
  "<img src=x onerror='__xss({n})'>",
  '<img src=x onerror=&#95;&#95;xss({n})>',
  '<img/src=x/onerror=__xss({n})>',
  '<img src=x oNeRrOr=__xss({n})>',
  '<img src=x onerror\n=__xss({n})>',
  '<img src=x onerror=\t__xss({n})>',
  '<img src=x onerror=__xss&#40;{n}&#41;>',
  '<img src=x onerror=__xss&lpar;{n}&rpar;>',
  "<img src=x onerror=window['__x'+'ss']({n})>",
  '<img src=x onerror=top.__xss({n})>',
  '<img src=x onerror=alert({n})>',
  '<img src=x onerror=confirm({n})>',
  '<img src=x onerror=prompt({n})>',
  '<img """><script>__xss({n})</script>">',
  '<img srcset=x onerror=__xss({n})>',
  '<picture><source srcset=x><img src=x onerror=__xss({n})></picture>',
  '<input type=image src=x onerror=__xss({n})>',
  '<svg onload=__xss({n})>',
  '<svg/onload=__xss({n})>',
  '<svg onload=print({n})>',
  '<body onload=__xss({n})>',
  '<body/onload=__xss({n})>',
  '<body onpageshow=__xss({n})>',
  '<iframe onload=__xss({n})></iframe>',
  '<input autofocus onfocus=__xss({n})>',
  '<select autofocus onfocus=__xss({n})></select>',
  '<textarea autofocus onfocus=__xss({n})></textarea>',
  '<keygen autofocus onfocus=__xss({n})>',
  '<details open ontoggle=__xss({n})>',
  '<video><source onerror=__xss({n})></video>',
  '<audio src=x onerror=__xss({n})>',
  '<marquee onstart=__xss({n})>',
  '<div onmouseover=__xss({n})>hover me</div>',
  '<a onclick=__xss({n})>click me</a>',
  '<object data=x onerror=__xss({n})></object>',
  '<style onload=__xss({n})></style>',
  '<link rel=stylesheet href=x onload=__xss({n})>',
  '<xss id=x tabindex=1 onfocus=__xss({n}) autofocus></xss>',
  '<svg><animate onbegin=__xss({n}) attributeName=x dur=1s>',
  '<svg><set onbegin=__xss({n}) attributeName=x to=1>',
  // Attribute breakouts (a value that ends up inside a quoted attribute).
  '" onerror="__xss({n})',
  "' onmouseover='__xss({n})",
  '" autofocus onfocus="__xss({n})',
  'x" onload="__xss({n})" y="',
  '"/><img src=x onerror=__xss({n})>',
  // Script URLs, plainly and disguised.
  'javascript:__xss({n})',
  'JaVaScRiPt:__xss({n})',
  ' javascript:__xss({n})',
  'java\tscript:__xss({n})',
  'javascript&colon;__xss({n})',
  '&#106;avascript:__xss({n})',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:__xss({n})',
  'javascript://%0a__xss({n})',
  'vbscript:__xss({n})',
  'data:text/html,<script>__xss({n})</script>',
  'DATA:text/html,<script>__xss({n})</script>',
  (n) => `data:text/html;base64,${B64(`<script>__xss(${n})</script>`)}`,
  '<a href="javascript:__xss({n})">a link</a>',
  '<a href=javascript:__xss({n})>a link</a>',
  '<a href="&#106;avascript:__xss({n})">a link</a>',
  '<a href="  javascript:__xss({n})">a link</a>',
  '<iframe src="javascript:__xss({n})"></iframe>',
  '<iframe src=javascript:__xss({n})></iframe>',
  '<iframe src="data:text/html,<script>parent.__xss({n})</script>"></iframe>',
  '<iframe srcdoc="<script>parent.__xss({n})</script>"></iframe>',
  '<embed src="javascript:__xss({n})">',
  '<object data="javascript:__xss({n})"></object>',
  '<form action="javascript:__xss({n})"><input type=submit></form>',
  '<form><button formaction=javascript:__xss({n})>go</button></form>',
  '<isindex action=javascript:__xss({n}) type=image>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss({n})">',
  '<base href="javascript:__xss({n})//">',
  'https://example.com/"onmouseover="__xss({n})',
  'http://example.com/#"><script>__xss({n})</script>',
  // SVG and MathML namespace tricks.
  '<svg><a xlink:href="javascript:__xss({n})"><text x=0 y=20>x</text></a></svg>',
  '<svg><a href="javascript:__xss({n})"><text x=0 y=20>x</text></a></svg>',
  '<svg><foreignObject><img src=x onerror=__xss({n})></foreignObject></svg>',
  '<svg><style><img src=x onerror=__xss({n})></style></svg>',
  '<svg><desc><![CDATA[</desc><script>__xss({n})</script>]]></svg>',
  '<svg><use href="data:image/svg+xml,<svg id=x xmlns=%22http://www.w3.org/2000/svg%22><image href=1 onerror=__xss({n}) /></svg>#x" /></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss({n})>',
  '<math href="javascript:__xss({n})">x</math>',
  '<math><maction actiontype=statusline xlink:href=javascript:__xss({n})>x</maction></math>',
  '<math><mi xlink:href="data:x,<script>__xss({n})</script>">x</mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=__xss({n})>">',
  '<template><img src=x onerror=__xss({n})></template>',
  // Styles and templates that once executed in some engine.
  '<div style="background:url(javascript:__xss({n}))">styled</div>',
  '<div style="width:expression(__xss({n}))">styled</div>',
  '{{constructor.constructor("__xss({n})")()}}',
  '${__xss({n})}',
  '"-__xss({n})-"',
  "'-__xss({n})-'",
  '+ADw-script+AD4-__xss({n})+ADw-/script+AD4-',
  '¼script¾__xss({n})¼/script¾',
];

/** The vectors, numbered from 1. */
export function vectors() {
  return TEMPLATES.map((t, i) => (typeof t === 'function' ? t(i + 1) : t.replaceAll('{n}', String(i + 1))));
}

/** Characters a line of the corpus cannot hold without changing shape (title, byline, …). */
const ONE_LINE = (v) => !/[\n\t]/.test(v);
/** TOML basic strings escape like JSON's. */
const toml = (s) => JSON.stringify(s);

/**
 * Writes the hostile corpus: `n` articles; every vector in a body paragraph of one, and
 * vectors in each article's title, caption, byline, crosshead and quote; every second article
 * has a sidecar with a vector in every value (its `url` a script or data URL, or an http URL
 * that breaks out of its attribute); two articles have a vector as their file name.
 */
export function writeHostileCorpus(dir, V, n = 10) {
  const line = V.filter(ONE_LINE);
  const urls = V.filter((v) => /^\s*(java|vbscript|data|https?:)/i.test(v) && ONE_LINE(v));
  const fileSafe = V.filter((v) => ONE_LINE(v) && !v.includes('/') && v.length < 60);
  const pick = (list, i) => list[i % list.length];
  const files = [];
  for (let d = 0; d < n; d++) {
    const mine = V.filter((_, i) => i % n === d);
    const paras = [];
    for (let i = 0; i < mine.length; i += 3) {
      paras.push(
        `On October ${d + 2}, 2023, the United Nations mission met Nikol Pashinyan in Brussels, and the mayor said ${mine[i]} ` +
          `before the vote; "We will stay," said Ilham Aliyev, ${mine[i + 1] ?? 'again'}, adding that ${2000 + d} people had left ` +
          `and that the council would meet ${mine[i + 2] ?? 'soon'} on Tuesday.`,
      );
    }
    const stem = d < 2 ? `${pick(fileSafe, 7 * d + 3)} ${d}` : `hostile-${String(d).padStart(2, '0')}`;
    const text = [
      `Mayor speaks about ${pick(line, 5 * d)} in Brussels`,
      `By Jane Doe | ${pick(line, 5 * d + 1)}`,
      `Image caption, A convoy crosses the bridge near Lachin ${pick(line, 5 * d + 2)}`,
      'The United Nations mission arrived in the region on Sunday for the first time in some thirty years, officials said.',
      ...paras.slice(0, 2),
      `Reactions from the council ${pick(line, 5 * d + 3)} today`,
      ...paras.slice(2),
      `"This is a new beginning ${pick(line, 5 * d + 4)}," said Nikol Pashinyan at the end of the meeting in Brussels.`,
    ].join('\n\n');
    fs.writeFileSync(path.join(dir, `${stem}.txt`), text + '\n');
    if (d % 2 === 0) {
      const s = 6 * d + 11;
      fs.writeFileSync(
        path.join(dir, `${stem}.toml`),
        [
          `title = ${toml(`Sidecar title ${pick(line, s)}`)}`,
          `outlet = ${toml(`Outlet ${pick(line, s + 1)}`)}`,
          `authors = [${toml(`Ann ${pick(line, s + 2)}`)}, ${toml(pick(line, s + 3))}]`,
          `url = ${toml(pick(urls, d / 2))}`,
          `notes = ${toml(`Notes ${pick(line, s + 4)}`)}`,
          `language = ${toml(pick(line, s + 5))}`,
        ].join('\n') + '\n',
      );
    }
    files.push(stem);
  }
  return files;
}

