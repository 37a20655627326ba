// Pagefind 1.6 for bench-peers.mjs: the index is written by Pagefind's Node API
// (bench-peers.mjs, one custom record per article) as static chunks the page fetches as a query
// needs them; a result's title and excerpt come from its fragment (`data()`), fetched too.
window.peer = {
  async load() {
    this.pf = await import('./pagefind/pagefind.js');
    await this.pf.init();
  },
  // `q` is a string in Pagefind's syntax (words, all required; "quoted phrases").
  async search(q) {
    const s = await this.pf.search(q);
    const data = await Promise.all(s.results.slice(0, window.PAGE).map((r) => r.data()));
    return {
      total: s.results.length,
      hits: data.map((d) => ({
        title: d.meta.title,
        meta: `${d.meta.outlet} · ${d.meta.published}`,
        excerpt: d.excerpt.replace(/<[^>]*>/g, ''),
      })),
    };
  },
};
