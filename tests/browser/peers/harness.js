// The page side of bench-peers.mjs for the peer libraries (Parallax is measured in its own
// app). Loaded by peers/<tool>.html after the tool's adapter has set `window.peer`:
//   peer.load()            -> Promise: fetch the index (or the documents) and make it searchable
//   peer.search(query)     -> Promise<{ total, hits: [{ title, meta, excerpt }] }>: the first page
// The same minimal result list for every peer: title, outlet and date, an excerpt.
//
// On a fresh page it runs the query in the URL's fragment (`#q=<JSON of the tool's query>`)
// and renders its first page: bench-peers.mjs times that (first result) from navigation start.
// Then `window.bench(query)` times one query: the search, the search plus the DOM update, and
// the work of the next frame.

// The first page, as long as Parallax's (`PAGE` in src/pages/search.rs); the adapters read it too.
const PAGE = (window.PAGE = 10);

function render(list, res) {
  list.textContent = '';
  for (const h of res.hits.slice(0, PAGE)) {
    const li = document.createElement('li');
    li.className = 'hit';
    const a = document.createElement('a');
    a.href = '#';
    a.textContent = h.title;
    const meta = document.createElement('p');
    meta.textContent = h.meta;
    const ex = document.createElement('p');
    ex.textContent = h.excerpt;
    li.append(a, meta, ex);
    list.append(li);
  }
  document.querySelector('#count').textContent = `${res.total} documents`;
}

const list = document.querySelector('#results');
const ready = window.peer.load();

window.bench = async (query) => {
  await ready;
  const t0 = performance.now();
  const res = await window.peer.search(query);
  const t1 = performance.now();
  render(list, res);
  // Layout, as the browser would do before painting: the DOM update includes it.
  void list.offsetHeight;
  const t2 = performance.now();
  // The work of the frame that shows it (bench-peers.mjs defines the probe, as for Parallax).
  const frame = window.__nextFrameWork ? await window.__nextFrameWork() : NaN;
  return { search: t1 - t0, update: t2 - t0, frame, painted: performance.now() - t0, total: res.total };
};

const first = new URLSearchParams(location.hash.slice(1)).get('q');
if (first) {
  ready.then(() => window.peer.search(JSON.parse(first))).then((res) => render(list, res));
}
