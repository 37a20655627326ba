//! View state in the query string: parsing `?doc=…&sort=…&view=…` into a typed [`Route`] (one
//! page and only that page's state), writing it back, and moving through browser history
//! without a router crate.
//!
//! The URL is the single source of truth for what is on screen, so reload, bookmarks, copied
//! links and back/forward all work. Links are relative query strings (`?doc=ID`), which resolve
//! against the `<base>` tag Trunk writes, so the site works under any sub-path.

use leptos::prelude::*;
use parallax_core::aliases::Expand;
use parallax_core::entities::EntityType;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// How the library orders documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first (the default).
    #[default]
    DateDesc,
    /// Oldest first.
    DateAsc,
    /// By outlet name, A to Z.
    Outlet,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::DateDesc, Sort::DateAsc, Sort::Outlet];

    /// The value used in the URL and in the `<select>`.
    pub fn as_param(self) -> &'static str {
        match self {
            Sort::DateDesc => "date",
            Sort::DateAsc => "date-asc",
            Sort::Outlet => "outlet",
        }
    }

    /// The label people see in the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            Sort::DateDesc => "Date, newest first",
            Sort::DateAsc => "Date, oldest first",
            Sort::Outlet => "Outlet, A to Z",
        }
    }

    /// One sentence on how the order treats ties and missing values.
    pub fn hint(self) -> &'static str {
        match self {
            Sort::DateDesc | Sort::DateAsc => {
                "By publication date, or the update date when that is the only date. \
                 Undated documents come last."
            }
            Sort::Outlet => "By outlet name, ignoring case. Documents without an outlet come last.",
        }
    }

    /// Anything unknown is `None`, so callers fall back to the default instead of failing.
    pub fn from_param(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|v| v.as_param() == s)
    }
}

/// How the reader shows a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The parsed blocks (the default).
    #[default]
    Parsed,
    /// The original file text, untouched.
    Original,
}

/// What the search view lists (`mode=` in the URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchMode {
    /// Ranked documents with their best passages (`mode=docs`, the default).
    #[default]
    Docs,
    /// Every matching sentence (`mode=passages`).
    Passages,
    /// Keyword-in-context concordance (`mode=kwic`).
    Kwic,
}

impl SearchMode {
    pub const ALL: [SearchMode; 3] = [SearchMode::Docs, SearchMode::Passages, SearchMode::Kwic];

    pub fn as_param(self) -> &'static str {
        match self {
            SearchMode::Docs => "docs",
            SearchMode::Passages => "passages",
            SearchMode::Kwic => "kwic",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SearchMode::Docs => "Documents",
            SearchMode::Passages => "Passages",
            SearchMode::Kwic => "Concordance",
        }
    }

    pub fn from_param(s: &str) -> Option<SearchMode> {
        SearchMode::ALL.into_iter().find(|v| v.as_param() == s)
    }
}

/// How the concordance orders its lines (`ksort=` in the URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KwicOrder {
    /// Corpus order (the default).
    #[default]
    Corpus,
    /// By the words just before the keyword.
    Left,
    /// By the words just after the keyword.
    Right,
}

impl KwicOrder {
    pub const ALL: [KwicOrder; 3] = [KwicOrder::Corpus, KwicOrder::Left, KwicOrder::Right];

    pub fn as_param(self) -> &'static str {
        match self {
            KwicOrder::Corpus => "doc",
            KwicOrder::Left => "left",
            KwicOrder::Right => "right",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            KwicOrder::Corpus => "Corpus order",
            KwicOrder::Left => "Left context",
            KwicOrder::Right => "Right context",
        }
    }

    pub fn from_param(s: &str) -> Option<KwicOrder> {
        KwicOrder::ALL.into_iter().find(|v| v.as_param() == s)
    }
}

/// The pages reached by `page=` (the reader, search and comparison have their own parameters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum PageKind {
    /// The story overview, the landing page (no `page=`, or `page=overview`).
    #[default]
    Overview,
    /// Every article, sortable (`page=library`; also implied by `sort=` or `entity=` alone, so
    /// links from before the overview still open the library).
    Library,
    /// The entities page (`page=entities`).
    Entities,
}

impl PageKind {
    const ALL: [PageKind; 3] = [PageKind::Overview, PageKind::Library, PageKind::Entities];

    fn as_param(self) -> &'static str {
        match self {
            PageKind::Overview => "overview",
            PageKind::Library => "library",
            PageKind::Entities => "entities",
        }
    }

    fn from_param(s: &str) -> Option<PageKind> {
        PageKind::ALL.into_iter().find(|v| v.as_param() == s)
    }
}

/// Every parameter the query string can carry, flat, as read and written: the codec between a
/// URL and a [`Route`], which holds only what its page uses. Kept private so that the app never
/// works with a combination of parameters no page means.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Params {
    /// The document being read; `None` is another page.
    doc: Option<String>,
    sort: Sort,
    view: Mode,
    /// The search query (`q=`).
    q: String,
    /// `Some` shows the search view. `from_query` sets it whenever there is a query or a filter,
    /// so `?q=x` and `?q=x&mode=docs` are the same route; `mode=docs` alone (no query, no
    /// filter) is the search view listing every document, where facets can be chosen.
    search: Option<SearchMode>,
    /// Chosen outlets (`outlet=`, repeatable; values OR-ed).
    outlets: Vec<String>,
    /// Chosen authors (`author=`, repeatable; values OR-ed).
    authors: Vec<String>,
    /// Published on or after this date (`after=YYYY-MM-DD`).
    after: Option<String>,
    /// Published before this date, exclusive (`before=YYYY-MM-DD`).
    before: Option<String>,
    /// Concordance order (`ksort=`).
    ksort: KwicOrder,
    /// `page=overview` written out: with outlets chosen, it is the overview of those outlets'
    /// articles rather than a search.
    overview_given: bool,
    /// Which of the `page=` pages (when no document, search or comparison is shown).
    page: PageKind,
    /// The chosen entity's canonical name (`entity=`): filters the library, and its mentions
    /// stand out in the reader.
    entity: Option<String>,
    /// Entity types whose highlights the reader hides (`hide=date,number`).
    hide: Hidden,
    /// The entities page's type filter (`etype=person`) and order (`esort=`).
    etype: TypeFilter,
    esort: EntitySort,
    /// The comparison page (`compare=a,b,c`): the chosen document ids in column order.
    /// `Some` with no ids is the page with nothing chosen yet (`compare=`).
    compare: Option<Vec<String>>,
    /// Which comparison is shown (`cview=`).
    cview: CompareView,
    /// The chosen aligned passage (`pair=`, an index into the comparison's aligned pairs).
    pair: Option<usize>,
    /// Framing terms highlighted in the compared texts (`frames=1`).
    frames: bool,
    /// The speaker whose quotes are shown side by side (`speaker=`).
    speaker: Option<String>,
    /// Which other names of the entities a query names are also searched (`aliases=off`,
    /// `aliases=all`; spelling variants by default).
    aliases: parallax_core::aliases::Expand,
    /// A byte offset in the document being read (`at=`): the reader scrolls to the paragraph
    /// holding it and marks it (search results link to their passage this way).
    at: Option<usize>,
}

/// The entity types whose highlights the reader hides (`hide=`), in type order.
///
/// By default the reader marks the names a reader looks up (people, organisations, places) and
/// leaves plain the groups, dates and numbers, which are many and make a page of highlights
/// hard to read; the legend turns each on. `hide=none` marks every type, and a `hide=` list
/// from an older link keeps meaning exactly the types it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden(Vec<EntityType>);

impl Default for Hidden {
    fn default() -> Hidden {
        Hidden(vec![EntityType::Norp, EntityType::Date, EntityType::Number])
    }
}

impl Hidden {
    /// Nothing hidden: every type marked.
    pub fn none() -> Hidden {
        Hidden(Vec::new())
    }

    pub fn contains(&self, t: EntityType) -> bool {
        self.0.contains(&t)
    }

    /// Hides a shown type or shows a hidden one.
    pub fn toggle(&mut self, t: EntityType) {
        if self.contains(t) {
            self.0.retain(|&h| h != t);
        } else {
            self.0.push(t);
        }
        parallax_core::sort::stable_sort_by(&mut self.0, Ord::cmp);
    }

    /// Types from a `hide=` value (unknown names are ignored; `none` names none).
    fn add_param(&mut self, value: &str) {
        for t in value.split(',') {
            if let Some(t) = crate::entity_index::type_from_param(t.trim()) {
                if !self.contains(t) {
                    self.0.push(t);
                }
            }
        }
        parallax_core::sort::stable_sort_by(&mut self.0, Ord::cmp);
    }

    /// The `hide=` value, `None` for the default.
    fn to_param(&self) -> Option<String> {
        if *self == Hidden::default() {
            return None;
        }
        if self.0.is_empty() {
            return Some("none".to_string());
        }
        let types: Vec<&str> = self
            .0
            .iter()
            .map(|&t| crate::entity_index::type_param(t))
            .collect();
        Some(types.join(","))
    }
}

/// Which entities the entities page lists (`etype=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TypeFilter {
    /// Names: people, organisations, places and groups (the default). Dates and numbers are
    /// many, and rarely what a reader looks for in a table of who is mentioned where.
    #[default]
    Names,
    /// Every type, dates and numbers too (`etype=all`).
    All,
    /// One type (`etype=person`).
    Only(EntityType),
}

impl TypeFilter {
    pub fn from_param(s: &str) -> TypeFilter {
        match s {
            "all" => TypeFilter::All,
            _ => {
                crate::entity_index::type_from_param(s).map_or(TypeFilter::Names, TypeFilter::Only)
            }
        }
    }

    /// The `etype=` value (and the `<select>`'s): `names`, `all` or a type.
    pub fn as_param(self) -> &'static str {
        match self {
            TypeFilter::Names => "names",
            TypeFilter::All => "all",
            TypeFilter::Only(t) => crate::entity_index::type_param(t),
        }
    }

    pub fn includes(self, t: EntityType) -> bool {
        match self {
            TypeFilter::Names => t.is_name(),
            TypeFilter::All => true,
            TypeFilter::Only(only) => t == only,
        }
    }
}

/// The comparison page's views (`cview=` in the URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareView {
    /// Texts side by side with shared passages and word diffs (the default).
    #[default]
    Passages,
    /// Who is quoted where.
    Speakers,
    /// Framing terms and per-article profiles.
    Framing,
    /// Distinctive words (weighted log-odds).
    Words,
    /// Numbers that disagree and the dates of events.
    Facts,
}

impl CompareView {
    pub const ALL: [CompareView; 5] = [
        CompareView::Passages,
        CompareView::Speakers,
        CompareView::Framing,
        CompareView::Words,
        CompareView::Facts,
    ];

    pub fn as_param(self) -> &'static str {
        match self {
            CompareView::Passages => "passages",
            CompareView::Speakers => "speakers",
            CompareView::Framing => "framing",
            CompareView::Words => "words",
            CompareView::Facts => "facts",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CompareView::Passages => "Shared passages",
            CompareView::Speakers => "Who speaks",
            CompareView::Framing => "Framing",
            CompareView::Words => "Distinctive words",
            CompareView::Facts => "Facts and dates",
        }
    }

    pub fn from_param(s: &str) -> Option<CompareView> {
        CompareView::ALL.into_iter().find(|v| v.as_param() == s)
    }
}

/// How the entities page orders its table (`esort=` in the URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntitySort {
    /// Most mentioned first (the default).
    #[default]
    Mentions,
    /// In the most documents first.
    Documents,
    /// By name, A to Z.
    Name,
    /// By type, then most mentioned.
    Type,
}

impl EntitySort {
    pub const ALL: [EntitySort; 4] = [
        EntitySort::Mentions,
        EntitySort::Documents,
        EntitySort::Name,
        EntitySort::Type,
    ];

    pub fn as_param(self) -> &'static str {
        match self {
            EntitySort::Mentions => "mentions",
            EntitySort::Documents => "docs",
            EntitySort::Name => "name",
            EntitySort::Type => "type",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntitySort::Mentions => "Mentions, most first",
            EntitySort::Documents => "Documents, most first",
            EntitySort::Name => "Name, A to Z",
            EntitySort::Type => "Type",
        }
    }

    pub fn from_param(s: &str) -> Option<EntitySort> {
        EntitySort::ALL.into_iter().find(|v| v.as_param() == s)
    }
}

impl Params {
    /// Whether any facet or date filter is chosen.
    fn has_filters(&self) -> bool {
        filters_counted(&self.outlets, &self.authors, &self.after, &self.before) > 0
    }

    /// Reads a query string (with or without the leading `?`). Never fails: unknown parameters
    /// are ignored, malformed values fall back to the defaults, the first of repeated ones wins.
    fn from_query(query: &str) -> Params {
        let query = query.strip_prefix('?').unwrap_or(query);
        let (mut doc, mut sort, mut view) = (None, None, None);
        let mut r = Params::default();
        let (mut q, mut mode, mut ksort, mut page) = (None, None, None, None);
        let mut hide = None::<Hidden>;
        let mut etype = None;
        let date = |v: &str| {
            let ok = v.parse::<parallax_core::date::Date>().is_ok();
            ok.then(|| v.to_string())
        };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_component(raw);
            match decode_component(key).as_str() {
                // Ids are split on the literal commas before decoding, so an id with a comma
                // (written `%2C`) survives. Repeated `compare=` (a plain form submission) adds.
                "compare" => {
                    let ids = r.compare.get_or_insert_with(Vec::new);
                    for id in raw.split(',').map(decode_component) {
                        if !id.is_empty() && !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
                "cview" => r.cview = CompareView::from_param(&value).unwrap_or_default(),
                "pair" if r.pair.is_none() => r.pair = value.parse().ok(),
                "frames" => r.frames = value == "1",
                "speaker" if r.speaker.is_none() && !value.is_empty() => r.speaker = Some(value),
                "at" if r.at.is_none() => r.at = value.parse().ok(),
                "aliases" => r.aliases = aliases_from_param(&value),
                "q" if q.is_none() => q = Some(value),
                "mode" if mode.is_none() => mode = Some(SearchMode::from_param(&value)),
                "ksort" if ksort.is_none() => ksort = KwicOrder::from_param(&value),
                "outlet" if !value.is_empty() && !r.outlets.contains(&value) => {
                    r.outlets.push(value)
                }
                "author" if !value.is_empty() && !r.authors.contains(&value) => {
                    r.authors.push(value)
                }
                "after" if r.after.is_none() => r.after = date(&value),
                "before" if r.before.is_none() => r.before = date(&value),
                "page" if page.is_none() => {
                    page = PageKind::from_param(&value);
                    r.overview_given = page == Some(PageKind::Overview);
                }
                "entity" if r.entity.is_none() && !value.is_empty() => r.entity = Some(value),
                "hide" => hide.get_or_insert_with(Hidden::none).add_param(&value),
                "etype" if etype.is_none() => etype = Some(TypeFilter::from_param(&value)),
                "esort" => r.esort = EntitySort::from_param(&value).unwrap_or_default(),
                // An empty id names nothing: show the library rather than a puzzling "not found".
                "doc" if doc.is_none() && !value.is_empty() => doc = Some(value),
                "sort" if sort.is_none() => {
                    sort = Some(Sort::from_param(&value).unwrap_or_default())
                }
                "view" if view.is_none() => {
                    view = Some(if value == "original" {
                        Mode::Original
                    } else {
                        Mode::Parsed
                    })
                }
                _ => {}
            }
        }
        r.q = q.unwrap_or_default();
        // `sort=` or `entity=` alone is the library, as it was before the overview existed.
        let sorted = sort.is_some_and(|s| s != Sort::default());
        r.page = page.unwrap_or(if doc.is_none() && (sorted || r.entity.is_some()) {
            PageKind::Library
        } else {
            PageKind::Overview
        });
        r.hide = hide.unwrap_or_default();
        r.etype = etype.unwrap_or_default();
        r.ksort = ksort.unwrap_or_default();
        // Any `mode=` (even an unknown one) asks for the search view; so does a query or filter.
        r.search = match mode {
            Some(m) => Some(m.unwrap_or_default()),
            None if !r.q.trim().is_empty() || r.has_filters() => Some(SearchMode::Docs),
            None => None,
        };
        Params {
            doc,
            sort: sort.unwrap_or_default(),
            view: view.unwrap_or_default(),
            ..r
        }
    }

    /// The query string: `""` for the overview, else `?doc=…&…` with default values left out so
    /// URLs stay short and canonical.
    fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(id) = &self.doc {
            parts.push(format!("doc={}", encode_component(id)));
        }
        if self.sort != Sort::default() {
            parts.push(format!("sort={}", self.sort.as_param()));
        }
        if self.view == Mode::Original {
            parts.push("view=original".to_string());
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode_component(&self.q)));
        }
        if let Some(mode) = self.search {
            // `mode=docs` is implied by a query or a filter (see `search`).
            let implied = !self.q.trim().is_empty() || self.has_filters();
            if mode != SearchMode::Docs || !implied {
                parts.push(format!("mode={}", mode.as_param()));
            }
        }
        for o in &self.outlets {
            parts.push(format!("outlet={}", encode_component(o)));
        }
        for a in &self.authors {
            parts.push(format!("author={}", encode_component(a)));
        }
        if let Some(d) = &self.after {
            parts.push(format!("after={}", encode_component(d)));
        }
        if let Some(d) = &self.before {
            parts.push(format!("before={}", encode_component(d)));
        }
        if self.ksort != KwicOrder::default() {
            parts.push(format!("ksort={}", self.ksort.as_param()));
        }
        if self.page != PageKind::Overview || (self.overview_given && self.has_filters()) {
            parts.push(format!("page={}", self.page.as_param()));
        }
        if let Some(e) = &self.entity {
            parts.push(format!("entity={}", encode_component(e)));
        }
        if let Some(h) = self.hide.to_param() {
            parts.push(format!("hide={h}"));
        }
        if self.etype != TypeFilter::default() {
            parts.push(format!("etype={}", self.etype.as_param()));
        }
        if self.esort != EntitySort::default() {
            parts.push(format!("esort={}", self.esort.as_param()));
        }
        if let Some(ids) = &self.compare {
            let ids: Vec<String> = ids.iter().map(|id| encode_component(id)).collect();
            parts.push(format!("compare={}", ids.join(",")));
        }
        if self.cview != CompareView::default() {
            parts.push(format!("cview={}", self.cview.as_param()));
        }
        if let Some(p) = self.pair {
            parts.push(format!("pair={p}"));
        }
        if self.frames {
            parts.push("frames=1".to_string());
        }
        if let Some(s) = &self.speaker {
            parts.push(format!("speaker={}", encode_component(s)));
        }
        if let Some(at) = self.at {
            parts.push(format!("at={at}"));
        }
        match self.aliases {
            Expand::Spelling => {}
            Expand::Off => parts.push("aliases=off".to_string()),
            Expand::All => parts.push("aliases=all".to_string()),
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The page these parameters name, with that page's state. The order settles links that
    /// name more than one page, as it always has: a document, then a comparison, the entities
    /// page, a search (a query, a filter or `mode=`), the library, and else the overview.
    fn route(self) -> Route {
        if let Some(doc) = self.doc {
            return Route::Reader(ReaderRoute {
                doc,
                view: self.view,
                hide: self.hide,
                entity: self.entity,
                frames: self.frames,
                at: self.at,
                sort: self.sort,
            });
        }
        if let Some(ids) = self.compare {
            return Route::Compare(CompareRoute {
                ids,
                view: self.cview,
                pair: self.pair,
                frames: self.frames,
                speaker: self.speaker,
            });
        }
        if self.overview_given && self.q.trim().is_empty() {
            return Route::Overview(OverviewRoute {
                outlets: self.outlets,
                authors: self.authors,
                after: self.after,
                before: self.before,
            });
        }
        if self.page == PageKind::Entities {
            return Route::Entities(EntitiesRoute {
                etype: self.etype,
                esort: self.esort,
                entity: self.entity,
            });
        }
        if let Some(mode) = self.search {
            return Route::Search(SearchRoute {
                q: self.q,
                mode,
                outlets: self.outlets,
                authors: self.authors,
                after: self.after,
                before: self.before,
                ksort: self.ksort,
                aliases: self.aliases,
            });
        }
        if self.page == PageKind::Library {
            return Route::Library(LibraryRoute {
                sort: self.sort,
                entity: self.entity,
            });
        }
        Route::default()
    }

    /// The parameters that write `route`.
    fn of(route: &Route) -> Params {
        let p = Params::default();
        match route.clone() {
            Route::Overview(o) => Params {
                overview_given: o.has_filters(),
                outlets: o.outlets,
                authors: o.authors,
                after: o.after,
                before: o.before,
                ..p
            },
            Route::Library(l) => Params {
                page: PageKind::Library,
                sort: l.sort,
                entity: l.entity,
                ..p
            },
            Route::Entities(e) => Params {
                page: PageKind::Entities,
                etype: e.etype,
                esort: e.esort,
                entity: e.entity,
                ..p
            },
            Route::Search(s) => Params {
                search: Some(s.mode),
                q: s.q,
                outlets: s.outlets,
                authors: s.authors,
                after: s.after,
                before: s.before,
                ksort: s.ksort,
                aliases: s.aliases,
                ..p
            },
            Route::Compare(c) => Params {
                compare: Some(c.ids),
                cview: c.view,
                pair: c.pair,
                frames: c.frames,
                speaker: c.speaker,
                ..p
            },
            Route::Reader(r) => Params {
                doc: Some(r.doc),
                view: r.view,
                hide: r.hide,
                entity: r.entity,
                frames: r.frames,
                at: r.at,
                sort: r.sort,
                ..p
            },
        }
    }
}

/// What is on screen: one page and only the state that page has, so that no impossible
/// combination (a passage of a comparison in the reader, a search query on the entities page)
/// can be represented. Read from and written to the query string (see [`Params`] for the
/// parameters); every link from before this type existed opens the same page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The story overview, the landing page (no parameters, or `page=overview`, with the
    /// filters it is limited to: `page=overview&outlet=…&author=…&after=…&before=…`).
    Overview(OverviewRoute),
    /// Every article (`page=library`; also `sort=` or `entity=` alone).
    Library(LibraryRoute),
    /// The entities page (`page=entities`).
    Entities(EntitiesRoute),
    /// A search (`q=`, a filter, or `mode=`).
    Search(SearchRoute),
    /// The comparison page (`compare=a,b,c`).
    Compare(CompareRoute),
    /// One article (`doc=`).
    Reader(ReaderRoute),
}

impl Default for Route {
    fn default() -> Route {
        Route::Overview(OverviewRoute::default())
    }
}

/// The overview: which articles it compares, by the search's filters (none: all).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OverviewRoute {
    /// Their outlets (`outlet=`, repeatable; values OR-ed).
    pub outlets: Vec<String>,
    /// Their authors (`author=`, repeatable; values OR-ed).
    pub authors: Vec<String>,
    /// Published on or after this date (`after=YYYY-MM-DD`).
    pub after: Option<String>,
    /// Published before this date, exclusive (`before=YYYY-MM-DD`).
    pub before: Option<String>,
}

impl OverviewRoute {
    /// Whether any filter is chosen.
    pub fn has_filters(&self) -> bool {
        self.filters_counted() > 0
    }

    /// How many filters are chosen (the date range counts as one).
    pub fn filters_counted(&self) -> usize {
        filters_counted(&self.outlets, &self.authors, &self.after, &self.before)
    }
}

/// The library: its order and, optionally, only the articles mentioning an entity.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LibraryRoute {
    pub sort: Sort,
    /// The chosen entity's canonical name (`entity=`).
    pub entity: Option<String>,
}

/// The entities page: which types (`etype=`), in which order (`esort=`), and the chosen entity.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntitiesRoute {
    pub etype: TypeFilter,
    pub esort: EntitySort,
    pub entity: Option<String>,
}

/// A search: the query, what is listed, the filters, the concordance order, alias expansion.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchRoute {
    /// The query (`q=`).
    pub q: String,
    /// What is listed (`mode=`; documents by default, implied by a query or a filter).
    pub mode: SearchMode,
    /// Chosen outlets (`outlet=`, repeatable; values OR-ed).
    pub outlets: Vec<String>,
    /// Chosen authors (`author=`, repeatable; values OR-ed).
    pub authors: Vec<String>,
    /// Published on or after this date (`after=YYYY-MM-DD`).
    pub after: Option<String>,
    /// Published before this date, exclusive (`before=YYYY-MM-DD`).
    pub before: Option<String>,
    /// Concordance order (`ksort=`).
    pub ksort: KwicOrder,
    /// Which other names of the entities a query names are also searched (`aliases=`).
    pub aliases: Expand,
}

impl SearchRoute {
    /// Whether any facet or date filter is chosen.
    pub fn has_filters(&self) -> bool {
        self.filters_counted() > 0
    }

    /// How many filters are chosen (the date range counts as one).
    pub fn filters_counted(&self) -> usize {
        filters_counted(&self.outlets, &self.authors, &self.after, &self.before)
    }

    /// The same search with every filter removed.
    pub fn without_filters(&self) -> SearchRoute {
        SearchRoute {
            outlets: Vec::new(),
            authors: Vec::new(),
            after: None,
            before: None,
            ..self.clone()
        }
    }
}

/// The comparison page: the chosen articles and what is shown of their comparison.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompareRoute {
    /// The chosen document ids in column order (`compare=`; none yet: `compare=`).
    pub ids: Vec<String>,
    /// Which comparison is shown (`cview=`).
    pub view: CompareView,
    /// The chosen aligned passage (`pair=`, an index into the comparison's aligned pairs).
    pub pair: Option<usize>,
    /// Framing terms highlighted in the compared texts (`frames=1`).
    pub frames: bool,
    /// The speaker whose quotes are shown side by side (`speaker=`).
    pub speaker: Option<String>,
}

/// The reader: one article and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReaderRoute {
    /// The document's id (`doc=`).
    pub doc: String,
    /// Parsed or original text (`view=original`).
    pub view: Mode,
    /// Entity types whose highlights are hidden (`hide=`).
    pub hide: Hidden,
    /// The entity whose mentions stand out (`entity=`).
    pub entity: Option<String>,
    /// Framing words highlighted instead of entities (`frames=1`).
    pub frames: bool,
    /// A byte offset to open at (`at=`): the reader scrolls to the paragraph holding it.
    pub at: Option<usize>,
    /// The library order to return to (`sort=`, kept from older links).
    pub sort: Sort,
}

/// A page's state, found in (or made into) a [`Route`]: what lets a page read and change its
/// own part of the URL with [`navigate_part`] and [`replace_part`].
pub trait Part: Clone + Default + 'static {
    fn of(route: &Route) -> Option<&Self>;
    fn into_route(self) -> Route;
}

macro_rules! part {
    ($ty:ident, $variant:ident) => {
        impl Part for $ty {
            fn of(route: &Route) -> Option<&Self> {
                match route {
                    Route::$variant(x) => Some(x),
                    _ => None,
                }
            }
            fn into_route(self) -> Route {
                Route::$variant(self)
            }
        }
    };
}
part!(OverviewRoute, Overview);
part!(LibraryRoute, Library);
part!(EntitiesRoute, Entities);
part!(SearchRoute, Search);
part!(CompareRoute, Compare);
part!(ReaderRoute, Reader);

impl Route {
    /// Reads a query string (with or without the leading `?`). Never fails: unknown parameters
    /// are ignored, malformed values fall back to the defaults, the first of repeated ones wins.
    pub fn from_query(query: &str) -> Route {
        Params::from_query(query).route()
    }

    /// The query string for this route: `""` for the overview, else `?doc=…&…` with default
    /// values left out so URLs stay short and canonical.
    pub fn to_query(&self) -> String {
        Params::of(self).to_query()
    }

    /// An `href` for a link to this route. The overview is `./` (the app's own folder, resolved
    /// through `<base>`), because an empty href would mean "this very page".
    pub fn href(&self) -> String {
        let q = with_scope(self.to_query());
        if q.is_empty() {
            "./".to_string()
        } else {
            q
        }
    }

    /// The library in the given order.
    pub fn library(sort: Sort) -> Route {
        Route::Library(LibraryRoute { sort, entity: None })
    }

    /// The library listing the documents that mention an entity (its canonical name).
    pub fn library_of_entity(canonical: &str) -> Route {
        Route::Library(LibraryRoute {
            sort: Sort::default(),
            entity: Some(canonical.to_string()),
        })
    }

    /// The entities page.
    pub fn entities() -> Route {
        Route::Entities(EntitiesRoute::default())
    }

    /// The comparison of these documents, at view `view`.
    pub fn compare(ids: Vec<String>, view: CompareView) -> Route {
        Route::Compare(CompareRoute {
            ids,
            view,
            ..CompareRoute::default()
        })
    }

    /// The document being read, if this is the reader.
    pub fn doc(&self) -> Option<&str> {
        ReaderRoute::of(self).map(|r| r.doc.as_str())
    }

    /// This page's part, or its default when another page is shown (a page being replaced
    /// may still read its state once).
    pub fn part<T: Part>(&self) -> T {
        T::of(self).cloned().unwrap_or_default()
    }
}

/// `mine=1`: only the articles added in this browser are shown, the site's own hidden. It holds
/// for every page, so it is not part of a [`Route`]: while it is on, every link and history entry
/// the app makes carries it (see [`Route::href`]), and a shared link keeps it.
const ONLY_MINE: &str = "mine=1";

thread_local! {
    static SCOPE_MINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a query string (with or without the leading `?`) asks for the added articles alone.
pub fn only_mine_in(query: &str) -> bool {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').any(|p| p == ONLY_MINE)
}

/// Whether the page shows only the added articles (`mine=1`), as the current URL says.
pub fn only_mine() -> bool {
    SCOPE_MINE.with(std::cell::Cell::get)
}

/// Turns `mine=1` on or off and rewrites the current URL to match (no new history entry).
pub fn set_only_mine(on: bool) {
    SCOPE_MINE.with(|m| m.set(on));
    let href = current_route().href();
    if let Ok(history) = window().history() {
        let y = JsValue::from_f64(window().scroll_y().unwrap_or(0.0));
        let _ = history.replace_state_with_url(&y, "", Some(&href));
    }
}

/// Reads `mine=1` from the current URL (at load, and after back/forward).
pub fn read_scope() {
    let on = only_mine_in(&window().location().search().unwrap_or_default());
    SCOPE_MINE.with(|m| m.set(on));
}

/// A route's query string with the page-wide settings added.
fn with_scope(query: String) -> String {
    match (only_mine(), query.is_empty()) {
        (false, _) => query,
        (true, true) => format!("?{ONLY_MINE}"),
        (true, false) => format!("{query}&{ONLY_MINE}"),
    }
}

/// How many facet values and date ranges are chosen (the date range counts as one): for the
/// codec, the search's state and the filters' "Filters (2 chosen)".
fn filters_counted(
    outlets: &[String],
    authors: &[String],
    after: &Option<String>,
    before: &Option<String>,
) -> usize {
    outlets.len() + authors.len() + usize::from(after.is_some() || before.is_some())
}

/// `aliases=off` / `aliases=all`; anything else is the default (spelling variants).
fn aliases_from_param(s: &str) -> Expand {
    match s {
        "off" => Expand::Off,
        "all" => Expand::All,
        _ => Expand::Spelling,
    }
}

/// The `href` of a link to a document.
pub fn doc_href(id: &str) -> String {
    Route::Reader(ReaderRoute {
        doc: id.to_string(),
        ..ReaderRoute::default()
    })
    .href()
}

/// The `href` of a link to a passage of a document: the reader opens at the paragraph holding
/// byte offset `at`.
pub fn passage_href(id: &str, at: usize) -> String {
    Route::Reader(ReaderRoute {
        doc: id.to_string(),
        at: Some(at),
        ..ReaderRoute::default()
    })
    .href()
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (form encoding for a space). A broken escape is kept as typed
/// and invalid UTF-8 becomes U+FFFD: a hand-edited URL must never stop the app.
pub fn decode_component(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// The route the browser is showing now.
pub fn current_route() -> Route {
    Route::from_query(&window().location().search().unwrap_or_default())
}

/// Makes `route` the current view: a new history entry, unless the browser already shows this
/// route (a second click on the same link must not make Back need two presses).
pub fn navigate(state: RwSignal<Route>, route: Route) {
    if current_route() != route {
        if let Ok(history) = window().history() {
            // Remember where the reader was on the page being left, for Back.
            save_scroll();
            // The URL is relative: it resolves against <base>, i.e. under the app's sub-path.
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&route.href()));
        }
    }
    if state.get_untracked() != route {
        state.set(route);
    }
}

/// Makes `route` current without adding a history entry: for settings such as the sort order,
/// which a keyboard user changes step by step (each arrow key in a closed `<select>` fires a
/// change), so Back returns to the previous page rather than through every intermediate order.
pub fn replace(state: RwSignal<Route>, route: Route) {
    if current_route() != route {
        if let Ok(history) = window().history() {
            let y = JsValue::from_f64(window().scroll_y().unwrap_or(0.0));
            let _ = history.replace_state_with_url(&y, "", Some(&route.href()));
        }
    }
    if state.get_untracked() != route {
        state.set(route);
    }
}

/// [`navigate`] to the current page with `change` applied to its state; nothing when the page
/// shown is another one (a stale handler of a page being replaced).
pub fn navigate_part<T: Part>(state: RwSignal<Route>, change: impl FnOnce(&mut T)) {
    if let Some(mut part) = state.with_untracked(|r| T::of(r).cloned()) {
        change(&mut part);
        navigate(state, part.into_route());
    }
}

/// [`replace`] for a page's own state, as [`navigate_part`].
pub fn replace_part<T: Part>(state: RwSignal<Route>, change: impl FnOnce(&mut T)) {
    if let Some(mut part) = state.with_untracked(|r| T::of(r).cloned()) {
        change(&mut part);
        replace(state, part.into_route());
    }
}

/// Listens for back/forward and for clicks on the app's own links, for the whole session.
///
/// Clicks are handled once at the window rather than per link, so every `<a href="?…">` anywhere
/// in the app is a real link (middle-click, copy link address, open in new tab all work) yet a
/// plain left click changes the view without reloading the page and the corpus.
pub fn install_listeners(state: RwSignal<Route>, on_page_change: impl Fn() + 'static) {
    // The browser's own scroll restoration runs before the new view is rendered (so it lands at
    // the top); the app keeps each entry's scroll position in its history state instead.
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    // The handles are dropped on purpose: the listeners live as long as the page.
    let _ = window_event_listener(leptos::ev::popstate, move |ev| {
        let y = ev.state().as_f64().unwrap_or(0.0);
        read_scope();
        state.set(current_route());
        // By the next frame the view for the restored URL has been rendered.
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
    });
    // Keep the current entry's position up to date, so a reload can return to it too (see
    // `saved_scroll`). Saved once scrolling pauses: browsers throttle frequent history writes,
    // and a write during unload (pagehide) is not kept by Chromium.
    let pending = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let _ = window_event_listener(leptos::ev::scroll, move |_| {
        let ticket = pending.get().wrapping_add(1);
        pending.set(ticket);
        let pending = pending.clone();
        set_timeout(
            move || {
                if pending.get() == ticket {
                    save_scroll();
                }
            },
            std::time::Duration::from_millis(200),
        );
    });
    let _ = window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !matches!(anchor.target().as_str(), "" | "_self") || anchor.has_attribute("download") {
            return;
        }
        let raw = anchor.get_attribute("href").unwrap_or_default();
        if let Some(id) = raw.strip_prefix('#') {
            // In-page anchors (the skip link). With a <base> tag the browser would resolve
            // "#main" against the base URL, i.e. leave the current document; move focus instead.
            ev.prevent_default();
            focus_element(&decode_component(id));
        } else if raw.starts_with('?') || raw == "./" || raw == "." {
            ev.prevent_default();
            let route = Route::from_query(&anchor.search());
            let changes_page = route.doc()
                != state
                    .with_untracked(|r| r.doc().map(str::to_string))
                    .as_deref();
            navigate(state, route);
            if changes_page {
                on_page_change();
            }
        }
    });
}

/// Stores the current scroll position in the current history entry's state.
fn save_scroll() {
    if let Ok(history) = window().history() {
        let y = window().scroll_y().unwrap_or(0.0);
        let _ = history.replace_state(&JsValue::from_f64(y), "");
    }
}

/// The scroll position saved in the current history entry, if any (after a reload).
pub fn saved_scroll() -> Option<f64> {
    window().history().ok()?.state().ok()?.as_f64()
}

/// Moves keyboard focus (and the screen reader cursor) to the element with this id.
pub fn focus_element(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(q: &str) -> ReaderRoute {
        ReaderRoute::of(&Route::from_query(q)).cloned().expect(q)
    }

    fn search(q: &str) -> SearchRoute {
        SearchRoute::of(&Route::from_query(q)).cloned().expect(q)
    }

    #[test]
    fn parses_defaults_and_values() {
        assert_eq!(Route::from_query(""), Route::default());
        assert_eq!(Route::from_query("?"), Route::default());
        let r = reader("?doc=000_abc&sort=outlet&view=original");
        assert_eq!(r.doc, "000_abc");
        assert_eq!(r.sort, Sort::Outlet);
        assert_eq!(r.view, Mode::Original);
    }

    #[test]
    fn one_page_at_a_time() {
        // Links naming several pages open the one they always opened, and keep only its state.
        let r = Route::from_query("?doc=x&compare=a,b&q=mission&page=entities&pair=2");
        assert_eq!(r.doc(), Some("x"));
        assert_eq!(r.to_query(), "?doc=x");
        let r = Route::from_query("?compare=a,b&q=mission&page=library&hide=none");
        assert_eq!(
            r,
            Route::compare(vec!["a".into(), "b".into()], CompareView::Passages)
        );
        let r = Route::from_query("?page=entities&q=mission&sort=outlet");
        assert_eq!(r, Route::entities());
        let r = Route::from_query("?q=mission&page=library&esort=name");
        assert_eq!(r.to_query(), "?q=mission");
        // A change to another page's state is no change: the page shown is not that page.
        let mut r = Route::entities();
        assert!(ReaderRoute::of(&r).is_none());
        if let Route::Entities(e) = &mut r {
            e.esort = EntitySort::Name;
        }
        assert_eq!(r.to_query(), "?page=entities&esort=name");
    }

    #[test]
    fn the_overview_of_some_outlets() {
        let r = Route::from_query("?page=overview&outlet=Reuters&outlet=AP");
        assert_eq!(r.part::<OverviewRoute>().outlets, ["Reuters", "AP"]);
        assert_eq!(r.to_query(), "?outlet=Reuters&outlet=AP&page=overview");
        assert_eq!(Route::from_query(&r.to_query()), r);
        // Without `page=overview` an outlet is a search, as it always was; with a query too.
        assert!(SearchRoute::of(&Route::from_query("?outlet=Reuters")).is_some());
        assert!(SearchRoute::of(&Route::from_query("?page=overview&q=x&outlet=A")).is_some());
        // No outlet left: the plain overview.
        assert_eq!(Route::from_query("?page=overview").to_query(), "");
    }

    #[test]
    fn the_overview_of_some_authors_and_dates() {
        let q = "?author=Jane%20Doe&after=2023-09-19&before=2023-10-01&page=overview";
        let r = Route::from_query(q);
        let o = r.part::<OverviewRoute>();
        assert_eq!(o.authors, ["Jane Doe"]);
        assert_eq!(o.after.as_deref(), Some("2023-09-19"));
        assert_eq!(o.before.as_deref(), Some("2023-10-01"));
        assert!(o.outlets.is_empty());
        assert_eq!(r.to_query(), q);
        // A date that is not one is dropped, as in the search; alone it leaves the plain overview.
        assert_eq!(
            Route::from_query("?page=overview&after=2023-13-45").to_query(),
            ""
        );
    }

    #[test]
    fn alias_choice_round_trips() {
        assert_eq!(search("?q=x").aliases, Expand::Spelling);
        for q in ["?q=x&aliases=off", "?q=x&aliases=all"] {
            assert_eq!(Route::from_query(q).to_query(), q);
        }
        assert_eq!(Route::from_query("?q=x&aliases=bogus").to_query(), "?q=x");
    }

    #[test]
    fn pages_by_parameter() {
        assert_eq!(Route::from_query(""), Route::default());
        assert_eq!(
            Route::from_query("?page=library"),
            Route::library(Sort::default())
        );
        assert_eq!(Route::from_query("?page=overview").to_query(), "");
        assert_eq!(Route::from_query("?page=nowhere"), Route::default());
        // Links from before the overview: a sort or an entity alone is the library.
        assert_eq!(
            Route::from_query("?sort=outlet"),
            Route::library(Sort::Outlet)
        );
        let r = Route::from_query("?entity=UN");
        assert_eq!(r, Route::library_of_entity("UN"));
        assert_eq!(Route::from_query(&r.to_query()), r);
    }

    #[test]
    fn malformed_values_fall_back() {
        let r = Route::from_query("?sort=sideways&view=&doc=&zzz=1&&=&%=%");
        assert_eq!(r, Route::default());
        let r = Route::from_query("sort=date-asc&sort=outlet");
        assert_eq!(r, Route::library(Sort::DateAsc), "first value wins");
    }

    #[test]
    fn decodes_and_encodes() {
        assert_eq!(decode_component("a%20b+c%2"), "a b c%2");
        assert_eq!(decode_component("%"), "%");
        assert_eq!(decode_component("%zz"), "%zz");
        assert_eq!(decode_component("%C3%A9"), "é");
        assert_eq!(decode_component("%FF"), "\u{fffd}");
        let id = "weird id/é&x=1";
        let r = Route::Reader(ReaderRoute {
            doc: id.into(),
            ..ReaderRoute::default()
        });
        assert_eq!(Route::from_query(&r.to_query()), r);
    }

    #[test]
    fn serializes_canonically() {
        assert_eq!(Route::default().to_query(), "");
        assert_eq!(Route::default().href(), "./");
        assert_eq!(
            Route::library(Sort::Outlet).href(),
            "?sort=outlet&page=library"
        );
        assert_eq!(Route::library(Sort::default()).href(), "?page=library");
        assert_eq!(doc_href("000_c89f"), "?doc=000_c89f");
        assert_eq!(passage_href("000_c89f", 1234), "?doc=000_c89f&at=1234");
        assert_eq!(reader("?doc=x&at=12").at, Some(12));
        assert_eq!(reader("?doc=x&at=-3").at, None, "malformed: ignored");
        assert_eq!(reader("?doc=x&at=7&at=5").at, Some(7), "the first wins");
        let r = Route::Reader(ReaderRoute {
            doc: "x".into(),
            sort: Sort::DateAsc,
            view: Mode::Original,
            ..ReaderRoute::default()
        });
        assert_eq!(r.to_query(), "?doc=x&sort=date-asc&view=original");
    }

    #[test]
    fn search_state_round_trips() {
        let q = "?q=ethnic+%22cleansing%22+%3Cscript%3E&mode=kwic&outlet=Reuters&outlet=A%26B\
             &author=Jane%20Doe&after=2023-10-01&before=2023-10-08&ksort=left";
        let r = search(q);
        assert_eq!(r.q, "ethnic \"cleansing\" <script>");
        assert_eq!(r.mode, SearchMode::Kwic);
        assert_eq!(r.outlets, ["Reuters", "A&B"]);
        assert_eq!(r.authors, ["Jane Doe"]);
        assert_eq!(r.after.as_deref(), Some("2023-10-01"));
        assert_eq!(r.before.as_deref(), Some("2023-10-08"));
        assert_eq!(r.ksort, KwicOrder::Left);
        let route = Route::Search(r);
        assert_eq!(Route::from_query(&route.to_query()), route);
        // A query implies the documents mode, which is then left out of the URL.
        let r = Route::from_query("?q=lachin&mode=docs");
        assert_eq!(r, Route::from_query("?q=lachin"));
        assert_eq!(search("?q=lachin").mode, SearchMode::Docs);
        assert_eq!(r.to_query(), "?q=lachin");
        // With nothing else, `mode=docs` is kept: it is what shows the search view.
        let r = Route::from_query("?mode=docs");
        assert_eq!(r, Route::Search(SearchRoute::default()));
        assert_eq!(r.to_query(), "?mode=docs");
        assert_eq!(Route::from_query(&r.to_query()), r);
        // So is a search with every filter removed.
        let r = search("?q=x&outlet=Reuters");
        assert_eq!(
            Route::Search(r.without_filters()).to_query(),
            "?q=x",
            "{r:?}"
        );
        let r = search("?outlet=Reuters");
        assert_eq!(Route::Search(r.without_filters()).to_query(), "?mode=docs");
        // A filter alone is a search too.
        let r = Route::from_query("?outlet=Reuters");
        assert_eq!(search("?outlet=Reuters").mode, SearchMode::Docs);
        assert_eq!(r.to_query(), "?outlet=Reuters");
    }

    #[test]
    fn entity_state_round_trips() {
        use parallax_core::entities::EntityType;
        let r = reader("?doc=x&entity=Nagorno-Karabakh%20%3Cb%3E&hide=number,date,bogus,date");
        assert_eq!(r.entity.as_deref(), Some("Nagorno-Karabakh <b>"));
        assert_eq!(r.hide, Hidden(vec![EntityType::Date, EntityType::Number]));
        let route = Route::Reader(r);
        assert_eq!(Route::from_query(&route.to_query()), route);
        let r = Route::from_query("?page=entities&etype=place&esort=name&entity=Armenia");
        let Route::Entities(e) = &r else {
            panic!("{r:?}")
        };
        assert_eq!(e.etype, TypeFilter::Only(EntityType::Place));
        assert_eq!(e.esort, EntitySort::Name);
        assert_eq!(e.entity.as_deref(), Some("Armenia"));
        assert_eq!(Route::from_query(&r.to_query()), r);
        let r = Route::from_query("?etype=planet&esort=up&entity=");
        assert_eq!(r, Route::default());
        assert_eq!(r.to_query(), "");
        let r = Route::from_query("?page=entities&etype=all");
        assert!(r.part::<EntitiesRoute>().etype.includes(EntityType::Date));
        assert_eq!(r.to_query(), "?page=entities&etype=all");
        assert!(!TypeFilter::default().includes(EntityType::Number));
    }

    #[test]
    fn calm_highlights_by_default() {
        use parallax_core::entities::EntityType as T;
        let r = reader("?doc=x");
        assert!(!r.hide.contains(T::Person) && !r.hide.contains(T::Org));
        assert!(r.hide.contains(T::Date) && r.hide.contains(T::Number));
        // Every type shown, written and read back; an empty or unknown list is the same.
        for q in ["?doc=x&hide=none", "?doc=x&hide=", "?doc=x&hide=bogus"] {
            let r = reader(q);
            assert_eq!(r.hide, Hidden::none(), "{q}");
            assert_eq!(Route::Reader(r).to_query(), "?doc=x&hide=none");
        }
        // Toggling back to the default set leaves the parameter out.
        let mut r = reader("?doc=x&hide=norp,date");
        r.hide.toggle(T::Number);
        assert_eq!(Route::Reader(r).to_query(), "?doc=x");
        // An older link naming one type hides just that one.
        let r = reader("?doc=x&hide=date");
        assert!(r.hide.contains(T::Date) && !r.hide.contains(T::Number));
    }

    #[test]
    fn compare_state_round_trips() {
        let r = Route::from_query(
            "?compare=000_a,a%2Cb,,000_a&compare=z&cview=speakers&pair=3&frames=1\
             &speaker=Hikmet%20Hajiyev",
        );
        let c = r.part::<CompareRoute>();
        assert_eq!(c.ids, ["000_a", "a,b", "z"].map(String::from));
        assert_eq!(c.view, CompareView::Speakers);
        assert_eq!(c.pair, Some(3));
        assert!(c.frames);
        assert_eq!(c.speaker.as_deref(), Some("Hikmet Hajiyev"));
        assert_eq!(Route::from_query(&r.to_query()), r);
        // The page with nothing chosen keeps its (empty) parameter.
        let r = Route::from_query("?compare=");
        assert_eq!(r, Route::compare(Vec::new(), CompareView::Passages));
        assert_eq!(r.to_query(), "?compare=");
        // Nonsense falls back to the defaults.
        let r = Route::from_query("?compare=a,b&cview=sideways&pair=-1&frames=yes");
        let c = r.part::<CompareRoute>();
        assert_eq!(
            (c.view, c.pair, c.frames),
            (CompareView::Passages, None, false)
        );
        assert_eq!(r.to_query(), "?compare=a,b");
    }

    #[test]
    fn malformed_search_values_fall_back() {
        let r = search("?q=&mode=sideways&ksort=up&after=yesterday&before=2023-13-40&outlet=");
        assert_eq!(r.mode, SearchMode::Docs, "an unknown mode is the default");
        assert_eq!(r.ksort, KwicOrder::Corpus);
        assert_eq!((r.after, r.before), (None, None));
        assert!(r.outlets.is_empty());
        assert_eq!(
            Route::from_query("?q="),
            Route::default(),
            "an empty query is no search"
        );
        assert_eq!(
            search("?outlet=A&outlet=A&outlet=B").outlets,
            ["A", "B"],
            "repeats are dropped"
        );
    }

    /// `mine=1` is page-wide: every route's link carries it while it is on, none otherwise, and
    /// it never changes which page a link opens.
    #[test]
    fn only_mine_rides_on_every_link() {
        assert!(only_mine_in("?mine=1") && only_mine_in("q=x&mine=1"));
        assert!(!only_mine_in("?mine=0") && !only_mine_in("?q=mine%3D1"));
        assert_eq!(
            Route::from_query("?q=x&mine=1"),
            Route::from_query("?q=x"),
            "the same page"
        );
        let search = Route::from_query("?q=x");
        SCOPE_MINE.with(|m| m.set(true));
        let on = (Route::default().href(), search.href(), doc_href("a"));
        SCOPE_MINE.with(|m| m.set(false));
        assert_eq!(
            on,
            (
                "?mine=1".into(),
                "?q=x&mine=1".into(),
                "?doc=a&mine=1".into()
            )
        );
        assert_eq!(
            (Route::default().href(), search.href()),
            ("./".into(), "?q=x".into())
        );
    }
}
