// MiniSearch 7.2 for bench-peers.mjs: the index is built in Node (bench-peers.mjs) and shipped as
// JSON, which the page loads with MiniSearch.loadJSON (the fastest way MiniSearch offers to a
// static site). The options must be the ones the index was built with.
const OPTIONS = { fields: ['title', 'text'], storeFields: ['title', 'outlet', 'published', 'excerpt'] };

window.peer = {
  async load() {
    const json = await (await fetch('minisearch-index.json')).text();
    this.index = MiniSearch.loadJSON(json, OPTIONS);
  },
  // `q` is { query, options }: MiniSearch's own query (a string or a query tree) and options.
  async search(q) {
    const r = this.index.search(q.query, q.options);
    return {
      total: r.length,
      hits: r.slice(0, window.PAGE).map((x) => ({ title: x.title, meta: `${x.outlet} · ${x.published}`, excerpt: x.excerpt })),
    };
  },
};
