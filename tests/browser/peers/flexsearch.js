// FlexSearch 0.8 for bench-peers.mjs: the page fetches the documents and builds the index
// (FlexSearch's export/import writes one file per internal key and is not meant as a static
// site's index format), forward tokenization so that prefixes match.
window.peer = {
  async load() {
    const docs = await (await fetch('docs.json')).json();
    this.index = new FlexSearch.Document({
      tokenize: 'forward',
      document: { id: 'id', index: ['title', 'text'], store: ['title', 'outlet', 'published', 'excerpt'] },
    });
    for (const d of docs) this.index.add(d);
  },
  // `q` is a string: FlexSearch has no query syntax (no phrase, OR, NOT or typo tolerance).
  async search(q) {
    const res = this.index.search(q, { limit: 100000, enrich: true });
    // One result list per field: merge them, first occurrence first.
    const seen = new Map();
    for (const field of res) for (const r of field.result) if (!seen.has(r.id)) seen.set(r.id, r.doc);
    const docs = [...seen.values()];
    return {
      total: docs.length,
      hits: docs.slice(0, window.PAGE).map((d) => ({ title: d.title, meta: `${d.outlet} · ${d.published}`, excerpt: d.excerpt })),
    };
  },
};
