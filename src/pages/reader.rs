//! The reader: one document as the parser understood it (metadata with provenance, then its
//! blocks by role), or its original text, plus what the parser had to say about it.
//!
//! Corpus text is only ever put into text nodes, never parsed as HTML.

use crate::components::entity_marks::{self, MarkedArea, Shown};
use crate::components::framing_marks::{self, Framing, Hit};
use crate::components::progressive::{self, Chunk, Progress};
use crate::components::provenance::source_line;
use crate::components::{DateText, ProvenanceBadge};
use crate::entity_index::{self, EntityIndex};
use crate::format::LEDE_CHARS;
use crate::pages::compare;
use crate::url_state::{self, CompareView, Hidden, Mode, ReaderRoute, Route, Sort};
use leptos::prelude::*;
use parallax_core::{Block, BlockKind, Bundle, Document, Field, Provenance, Severity};
use std::ops::Range;
use std::sync::Arc;

#[component]
pub fn Reader(
    bundle: Arc<Bundle>,
    index: usize,
    route: RwSignal<Route>,
    /// The library order to return to.
    library_sort: RwSignal<Sort>,
) -> impl IntoView {
    let Some(doc) = bundle.documents.get(index) else {
        // The app only passes indices it found; still, never panic on a bad one.
        return ().into_any();
    };
    // This page's state in the URL.
    let state = move || route.with(|r| r.part::<ReaderRoute>());
    let original = Memo::new(move |_| state().view == Mode::Original);
    let toggle = move |_| {
        url_state::navigate_part(route, |r: &mut ReaderRoute| {
            r.view = if r.view == Mode::Original {
                Mode::Parsed
            } else {
                Mode::Original
            }
        })
    };
    let back_href = move || Route::library(library_sort.get()).href();
    // A doubtful publication date: the overview's comparison flags possible re-publication.
    let republished = RwSignal::new(None::<String>);
    if doc.meta.published.is_some() {
        crate::pages::overview::republication(bundle.clone(), index, republished);
    }
    // Entities: recognised once for the corpus; the hidden types and the chosen entity (from
    // the URL) decide which mentions are marked.
    let ents = entity_index::index(&bundle);
    // The parsed text goes on screen a chunk at a time (see `progressive`); how far it has got
    // survives a change of highlights.
    let layout = Arc::new(Layout::new(doc, &ents, index));
    let progress = Progress::new(layout.chunks.len());
    let marks = Memo::new(move |_| {
        let r = state();
        (r.hide, r.entity)
    });
    // Framing words (`frames=1`) replace the entity highlights; the comparison worker finds
    // them (once per visit), so the framing lexicon is not in the app's first load.
    let frames_on = Memo::new(move |_| state().frames);
    let framing = RwSignal::new(None::<Framing>);
    {
        let (bundle, id) = (bundle.clone(), doc.id.clone());
        Effect::new(move |_| {
            if frames_on.get() && framing.get_untracked().is_none() {
                framing.set(Some(Framing::Loading));
                compare::worker::request(&bundle, std::slice::from_ref(&id), move |answer| {
                    let f = match answer {
                        Ok((c, _)) => Framing::from_comparison(c),
                        Err(msg) => Framing::Failed(msg),
                    };
                    // The reader may be gone by the time the worker answers.
                    let _ = framing.try_set(Some(f));
                });
            }
        });
    }
    let legend = {
        let ents = ents.clone();
        move || {
            if original.get() {
                return None;
            }
            Some(match (frames_on.get(), framing.get()) {
                (true, Some(f)) => framing_marks::summary(route, &f).into_any(),
                _ => view! {
                    {entity_marks::legend(route, &ents, index)}
                    {chosen_note(route, &ents, index)}
                }
                .into_any(),
            })
        }
    };
    // `at=`: once the text is on screen, bring the paragraph holding that offset into view.
    // Two frames later, so that it comes after the app's move to the top of a new page.
    let for_at = layout.clone();
    Effect::new(move |_| {
        let at = state().at;
        if let (Some(at), false) = (at, original.get()) {
            // Its paragraph must be on screen first.
            progress.show_now(for_at.chunk_at(at));
            request_animation_frame(move || request_animation_frame(move || show_offset(at)));
        }
    });
    let frames_toggle =
        move |_| url_state::navigate_part(route, |r: &mut ReaderRoute| r.frames = !r.frames);

    let body = {
        let bundle = bundle.clone();
        let ents = ents.clone();
        move || {
            if original.get() {
                return original_view(bundle.clone(), index).into_any();
            }
            let hits = match (frames_on.get(), framing.get()) {
                (true, Some(Framing::Ready { hits, .. })) => Some(hits),
                _ => None,
            };
            blocks_view(
                bundle.clone(),
                index,
                (layout.clone(), progress),
                ents.clone(),
                marks.get(),
                hits,
            )
            .into_any()
        }
    };

    view! {
        <article class="reader" data-doc-id=doc.id.clone()>
            <p class="back-link">
                <a href=back_href>
                    <span aria-hidden="true">"← "</span>
                    "Back to the library"
                </a>
            </p>
            <header class="reader-header">
                {title_view(doc)}
                {meta_view(doc, republished)}
                // Corrections are a sidecar, which describes a file of one article.
                {(bundle.documents.iter().filter(|d| d.file == doc.file).count() == 1)
                    .then(|| view! { <crate::local::EditMetadata values=crate::local::Editable::of(doc) /> })}
            </header>
            <div class="reader-toolbar">
                <button
                    id="toggle-original"
                    type="button"
                    aria-pressed=move || if original.get() { "true" } else { "false" }
                    on:click=toggle
                >
                    "Show original text"
                </button>
                <span class="toolbar-state" aria-hidden="true">
                    {move || {
                        if original.get() {
                            "Showing the original file"
                        } else {
                            "Showing the parsed article"
                        }
                    }}
                </span>
                {diagnostics_link(doc)}
                <button
                    id="toggle-frames"
                    type="button"
                    aria-pressed=move || if frames_on.get() { "true" } else { "false" }
                    prop:hidden=move || original.get()
                    on:click=frames_toggle
                >
                    "Highlight framing words"
                </button>
                <a class="compare-link" href=compare_href(doc)>
                    "Compare with other articles"
                </a>
            </div>
            {legend}
            <MarkedArea ents=ents.clone()>{body}</MarkedArea>
            {entity_marks::descriptions(&ents, index)}
            {diagnostics_view(doc)}
        </article>
    }
    .into_any()
}

/// Marks the paragraph holding byte offset `at`, scrolls it to the middle of the screen and puts
/// keyboard focus on it (so reading, by eye or screen reader, continues from there).
fn show_offset(at: usize) {
    for el in crate::components::dom::html_elements(".blocks [data-start]") {
        let span = |name: &str| el.get_attribute(name).and_then(|v| v.parse::<usize>().ok());
        let (Some(start), Some(end)) = (span("data-start"), span("data-end")) else {
            continue;
        };
        if (start..end).contains(&at) {
            let _ = el.class_list().add_1("at-target");
            let _ = el.set_attribute("tabindex", "-1");
            let _ = el.focus();
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            return;
        }
    }
}

/// The comparison page with this article chosen, ready for the reader to add others.
fn compare_href(doc: &Document) -> String {
    Route::compare(vec![doc.id.clone()], CompareView::default()).href()
}

/// The `<h1>`: the title, or a plainly labelled stand-in that cannot be mistaken for one.
fn title_view(doc: &Document) -> impl IntoView + use<> {
    match doc.title() {
        Some(title) => {
            let source = doc.meta.title.as_ref().map(|f| f.source);
            let line = source_line(doc, source);
            view! {
                <h1 class="doc-title" tabindex="-1">{title.to_string()}</h1>
                <p class="title-source">
                    "Title "
                    <ProvenanceBadge
                        source=source
                        line=line
                        edited=crate::local::is_edited(&doc.file, "title")
                    />
                </p>
            }
            .into_any()
        }
        None => {
            let lede = doc.lede(LEDE_CHARS);
            view! {
                <h1 class="doc-title untitled" tabindex="-1">"Untitled article"</h1>
                <p class="lede-excerpt">
                    <span class="lede-label">"No title is stated. The article begins:"</span>
                    " "
                    {if lede.is_empty() {
                        view! { <span class="missing">"(no article text)"</span> }.into_any()
                    } else {
                        view! { <q>{lede}</q> }.into_any()
                    }}
                </p>
            }
            .into_any()
        }
    }
}

/// The metadata list. Every value carries its provenance badge; absent values say so. The
/// publication date carries the re-publication warning when the comparison has one.
fn meta_view(doc: &Document, republished: RwSignal<Option<String>>) -> impl IntoView + use<> {
    let m = &doc.meta;
    let text_row = |label: &'static str, class: &'static str, field: &Option<Field<String>>| {
        let value = field
            .as_ref()
            .map(|f| view! { <span class="meta-value">{f.value.clone()}</span> }.into_any());
        meta_row(label, class, value, field.as_ref().map(|f| f.source), doc)
    };
    let date_row =
        |label: &'static str, class: &'static str, field: &Option<Field<parallax_core::Date>>| {
            let value = field.as_ref().map(|f| {
                view! { <span class="meta-value"><DateText date=f.value /></span> }.into_any()
            });
            meta_row(label, class, value, field.as_ref().map(|f| f.source), doc)
        };
    let authors = if m.authors.is_empty() {
        view! { <dd class="meta-authors"><ProvenanceBadge source=None /></dd> }.into_any()
    } else {
        let items = m
            .authors
            .iter()
            .map(|a| {
                view! {
                    <li>
                        <span class="meta-value">{a.value.clone()}</span>
                        " "
                        <ProvenanceBadge
                            source=Some(a.source)
                            line=source_line(doc, Some(a.source))
                            edited=crate::local::is_edited(&doc.file, "authors")
                        />
                    </li>
                }
            })
            .collect_view();
        view! { <dd class="meta-authors"><ul class="author-list">{items}</ul></dd> }.into_any()
    };
    let authors_label = if m.authors.len() == 1 {
        "Author"
    } else {
        "Authors"
    };
    // URL, language and notes are rare: listed only when present.
    let url = m.url.as_ref().map(|f| {
        let value = if is_web_url(&f.value) {
            view! {
                <a class="meta-value" href=f.value.clone() rel="noopener noreferrer nofollow">
                    {f.value.clone()}
                </a>
            }
            .into_any()
        } else {
            view! { <span class="meta-value">{f.value.clone()}</span> }.into_any()
        };
        meta_row("URL", "meta-url", Some(value), Some(f.source), doc)
    });
    let language = m
        .language
        .is_some()
        .then(|| text_row("Language", "meta-language", &m.language));
    let notes = m
        .notes
        .is_some()
        .then(|| text_row("Notes", "meta-notes", &m.notes));
    view! {
        <dl class="meta">
            {text_row("Outlet", "meta-outlet", &m.outlet)}
            <div class="meta-row">
                <dt>{authors_label}</dt>
                {authors}
            </div>
            {date_row("Published", "meta-published", &m.published)}
            {move || republished.get().map(|why| view! {
                <div class="meta-row">
                    <dt class="visually-hidden">"Doubt about the date"</dt>
                    <dd class="republish-warning">
                        <strong>"Possible re-publication: "</strong>
                        {why}
                    </dd>
                </div>
            })}
            {date_row("Updated", "meta-updated", &m.updated)}
            {url}
            {language}
            {notes}
            <div class="meta-row">
                <dt>"File"</dt>
                // The file name is provenance, not a name for the article (that is its label):
                // folded away, so that an id-like file name is never what a reader sees.
                <dd class="meta-file">
                    <details>
                        <summary>"Show the file name"</summary>
                        <code class="meta-value">{doc.file.clone()}</code>
                    </details>
                </dd>
            </div>
        </dl>
    }
}

/// One `<dt>`/`<dd>` pair, grouped in a `<div>` (allowed in `<dl>`) so it can be laid out as a row.
fn meta_row(
    label: &'static str,
    class: &'static str,
    value: Option<AnyView>,
    source: Option<Provenance>,
    doc: &Document,
) -> impl IntoView + use<> {
    let line = source_line(doc, source);
    // The row's class names its metadata key (`meta-outlet`: `outlet`).
    let edited = crate::local::is_edited(&doc.file, class.trim_start_matches("meta-"));
    view! {
        <div class="meta-row">
            <dt>{label}</dt>
            <dd class=class>
                {value.map(|v| view! { {v} " " })}
                <ProvenanceBadge source=source line=line edited=edited />
            </dd>
        </div>
    }
}

/// Only http(s) addresses become links: a `javascript:` URL in a sidecar must stay inert text.
fn is_web_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The document's language as an HTML `lang` value, so screen readers pronounce a French article
/// in French. Only well-formed tags ("en", "pt-BR") are used: a free-text value such as "English"
/// would be an invalid `lang`, which is worse than none.
fn lang_tag(doc: &Document) -> Option<String> {
    let value = doc.meta.language.as_ref()?.value.trim();
    is_lang_tag(value).then(|| value.to_string())
}

/// A simplified BCP 47 shape: a 2–3 letter language, then 1–8 character alphanumeric subtags.
fn is_lang_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The label shown on a block that is not body text, so its role does not rest on styling alone.
fn block_label(kind: BlockKind) -> Option<&'static str> {
    match kind {
        BlockKind::Headline => Some("Headline in the text"),
        BlockKind::Standfirst => Some("Standfirst"),
        BlockKind::Byline => Some("Byline"),
        BlockKind::Dateline => Some("Dateline"),
        BlockKind::Caption => Some("Photo caption"),
        BlockKind::Credit => Some("Credit"),
        BlockKind::Body | BlockKind::Subheading => None,
        BlockKind::Boilerplate => Some("Not part of the article"),
    }
}

/// Whether a headline block is the title already shown as the `<h1>`.
fn is_the_title(doc: &Document, block: &Block) -> bool {
    let Some(title) = &doc.meta.title else {
        return false;
    };
    let same_span = matches!(title.source, Provenance::Text { start, end, .. }
        if start < block.end && block.start < end);
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    same_span || squash(doc.block_text(block)) == squash(&title.value)
}

/// When the URL names an entity (`entity=`): how often it is mentioned here, and a way back
/// to plain highlighting.
fn chosen_note(route: RwSignal<Route>, ents: &EntityIndex, index: usize) -> Option<impl IntoView> {
    let name = route.with_untracked(|r| r.part::<ReaderRoute>().entity)?;
    let n = ents
        .find(&name)
        .map_or(0, |row| ents.mentions_in(index, row));
    let clear = move || {
        let mut r = route.with(|r| r.part::<ReaderRoute>());
        r.entity = None;
        Route::Reader(r).href()
    };
    let what = match n {
        0 => format!("“{name}” is not mentioned in this document."),
        1 => format!("“{name}” is mentioned once here, outlined below."),
        n => format!("“{name}” is mentioned {n} times here, outlined below."),
    };
    Some(view! {
        <p class="entity-chosen-note">{what} " " <a href=clear>"Stop outlining it"</a></p>
    })
}

/// The article's blocks cut for progressive display: each piece is a whole block or, for a block
/// longer than a chunk, part of one; a chunk is a run of pieces of about `CHUNK_BYTES` in all.
struct Layout {
    /// `(block index, start, end)` in text order, the title's headline block left out.
    pieces: Vec<(usize, usize, usize)>,
    /// The pieces of each chunk.
    chunks: Vec<Range<usize>>,
    /// The chunk each piece is in.
    chunk_of: Vec<usize>,
}

impl Layout {
    fn new(doc: &Document, ents: &EntityIndex, index: usize) -> Layout {
        let mut pieces = Vec::new();
        for (i, b) in doc.blocks.iter().enumerate() {
            if b.kind == BlockKind::Headline && is_the_title(doc, b) {
                continue;
            }
            let cuts = progressive::split(&doc.text, b.start, b.end, |at| {
                entity_marks::mention_covering(ents, index, at)
            });
            pieces.extend(cuts.into_iter().map(|(s, e)| (i, s, e)));
        }
        let mut chunks: Vec<Range<usize>> = Vec::new();
        let mut chunk_of = Vec::with_capacity(pieces.len());
        let mut bytes = 0;
        for (p, &(_, start, end)) in pieces.iter().enumerate() {
            let len = end.saturating_sub(start);
            match chunks.last_mut() {
                Some(c) if bytes + len <= progressive::CHUNK_BYTES => {
                    c.end = p + 1;
                    bytes += len;
                }
                _ => {
                    chunks.push(p..p + 1);
                    bytes = len;
                }
            }
            chunk_of.push(chunks.len() - 1);
        }
        Layout {
            pieces,
            chunks,
            chunk_of,
        }
    }

    /// The chunk holding byte `at` (the last one when `at` is past the text).
    fn chunk_at(&self, at: usize) -> usize {
        let p = self.pieces.partition_point(|&(_, _, end)| end <= at);
        let last = self.chunk_of.len().saturating_sub(1);
        self.chunk_of.get(p.min(last)).copied().unwrap_or(0)
    }

    /// Whether `start..end` is inside one piece of text on screen.
    fn covers(&self, start: usize, end: usize) -> bool {
        let p = self.pieces.partition_point(|&(_, _, e)| e <= start);
        self.pieces
            .get(p)
            .is_some_and(|&(_, s, e)| s <= start && end <= e)
    }

    fn block_of(&self, p: usize) -> Option<usize> {
        self.pieces.get(p).map(|x| x.0)
    }

    /// The pieces after `p` that belong to the same block (a long block's later parts).
    fn rest_of_block(&self, p: usize) -> Range<usize> {
        let block = self.pieces.get(p).map(|x| x.0);
        let end = self
            .pieces
            .iter()
            .skip(p + 1)
            .position(|x| Some(x.0) != block)
            .map_or(self.pieces.len(), |n| p + 1 + n);
        p + 1..end
    }
}

/// What the text of the blocks is marked with: entity mentions, or framing terms (`frames=1`).
struct Marker {
    bundle: Arc<Bundle>,
    index: usize,
    ents: Arc<EntityIndex>,
    hide: Hidden,
    chosen: Option<usize>,
    /// Where the marks' one Tab stop is (`entity_marks::Shown::tab_stop`, or
    /// `framing_marks::tab_stop` for framing terms).
    tab_stop: Option<usize>,
    frames: Option<Vec<Hit>>,
}

impl Marker {
    fn shown(&self) -> Shown<'_> {
        Shown {
            hide: &self.hide,
            chosen: self.chosen,
        }
    }

    // One copy, not one inlined into each of its callers: the marking code is large.
    #[inline(never)]
    fn text(&self, range: (usize, usize)) -> AnyView {
        let Some(doc) = self.bundle.documents.get(self.index) else {
            return ().into_any();
        };
        match &self.frames {
            Some(hits) => framing_marks::framed_text(doc, range, hits, self.tab_stop),
            None => entity_marks::marked_text(
                doc,
                range,
                (&self.ents, self.index),
                &self.shown(),
                self.tab_stop,
            ),
        }
    }
}

/// The parsed blocks in file order, with entity mentions (or framing terms) marked, put on
/// screen a chunk at a time (see `progressive`), so that a very long article shows its start at
/// once and never freezes the tab.
fn blocks_view(
    bundle: Arc<Bundle>,
    index: usize,
    (layout, progress): (Arc<Layout>, Progress),
    ents: Arc<EntityIndex>,
    (hide, entity): (Hidden, Option<String>),
    frames: Option<Vec<Hit>>,
) -> impl IntoView + use<> {
    let doc = bundle.documents.get(index)?;
    let has_body = doc.blocks.iter().any(|b| b.kind == BlockKind::Body);
    let lang = lang_tag(doc);
    let chosen = entity.as_deref().and_then(|e| ents.find(e));
    let on_screen = |s: usize, e: usize| layout.covers(s, e);
    let tab_stop = match &frames {
        Some(hits) => framing_marks::tab_stop(hits, on_screen),
        None => Shown {
            hide: &hide,
            chosen,
        }
        .tab_stop((&ents, index), on_screen),
    };
    let marker = Arc::new(Marker {
        chosen,
        bundle: bundle.clone(),
        index,
        ents,
        hide,
        tab_stop,
        frames,
    });
    let chunks = layout.chunks.len();
    let chunk: Chunk = Arc::new(move |c: usize| {
        let pieces = layout.chunks.get(c).cloned().unwrap_or_default();
        pieces
            // A long block's later pieces are drawn inside it, by `block_view`.
            .filter(|&p| p == 0 || layout.block_of(p - 1) != layout.block_of(p))
            .filter_map(|p| block_view(&bundle, &layout, p, progress, &marker))
            .collect_view()
            .into_any()
    });
    Some(view! {
        <div class="blocks" lang=lang>
            {(!has_body).then(|| view! {
                <p class="no-body">"The parser found no article text in this file."</p>
            })}
            {progress.views(0..chunks, chunk)}
        </div>
        {progressive::more_note(progress, "the article")}
    })
}

/// The block that piece `p` starts: its element, its first piece's text, and (for a long
/// block) its later pieces, each as its chunk comes due.
fn block_view(
    bundle: &Bundle,
    layout: &Arc<Layout>,
    p: usize,
    progress: Progress,
    marker: &Arc<Marker>,
) -> Option<AnyView> {
    let &(b, start, end) = layout.pieces.get(p)?;
    let block = bundle.documents.get(marker.index)?.blocks.get(b)?;
    let rest = layout.rest_of_block(p);
    let text = match layout.chunk_of.get(rest.end.saturating_sub(1)) {
        // A long block: each piece as its chunk comes due. The first is due now (its chunk is
        // being drawn); a piece longer than a chunk's budget has a chunk to itself, so piece
        // `p + k` is in chunk `c0 + k`.
        Some(&c1) if !rest.is_empty() => {
            let c0 = layout.chunk_of.get(p).copied().unwrap_or(c1);
            let (layout, marker) = (layout.clone(), marker.clone());
            let piece: Chunk = Arc::new(move |c: usize| match layout.pieces.get(p + (c - c0)) {
                Some(&(_, s, e)) => marker.text((s, e)),
                None => ().into_any(),
            });
            progress.views(c0..c1 + 1, piece).into_any()
        }
        _ => marker.text((start, end)),
    };
    let class = format!("block block-{}", block.kind.as_str());
    // The span lets `at=` find the paragraph holding a search passage.
    let (start, end) = (block.start.to_string(), block.end.to_string());
    // A crosshead is a heading for assistive technology too (under the title's <h1>).
    if block.kind == BlockKind::Subheading {
        return Some(
            view! { <h2 class=class data-start=start data-end=end>{text}</h2> }.into_any(),
        );
    }
    Some(match block_label(block.kind) {
        None => view! { <p class=class data-start=start data-end=end>{text}</p> }.into_any(),
        Some(label) => view! {
            <p class=class data-start=start data-end=end>
                <span class="block-label">
                    {label}
                    <span class="visually-hidden">": "</span>
                </span>
                <span class="block-text">{text}</span>
            </p>
        }
        .into_any(),
    })
}

/// The file as stored, in a `<pre>`, put on screen a chunk at a time like the parsed blocks.
fn original_view(bundle: Arc<Bundle>, index: usize) -> impl IntoView + use<> {
    let doc = bundle.documents.get(index)?;
    let pieces = Arc::new(progressive::split(&doc.text, 0, doc.text.len(), |_| None));
    let progress = Progress::new(pieces.len());
    let (lang, count) = (lang_tag(doc), pieces.len());
    let piece: Chunk = Arc::new(move |i: usize| {
        let text = pieces.get(i).and_then(|&(s, e)| {
            let doc = bundle.documents.get(index)?;
            doc.text.get(s..e)
        });
        text.unwrap_or_default().to_string().into_any()
    });
    Some(view! {
        <div class="original">
            <p class="original-note">
                "The article exactly as stored in its file, before any parsing."
            </p>
            <pre class="original-text" lang=lang>{progress.views(0..count, piece)}</pre>
            {progressive::more_note(progress, "the file")}
        </div>
    })
}

/// A shortcut to the diagnostics when there are any, since they sit below a long article.
fn diagnostics_link(doc: &Document) -> Option<impl IntoView + use<>> {
    let n = doc.diagnostics.len();
    let worst = doc.diagnostics.iter().map(|d| d.severity).max()?;
    let text = match n {
        1 => "1 parser note".to_string(),
        n => format!("{n} parser notes"),
    };
    let class = match worst {
        Severity::Error => "diagnostics-link severity-error",
        Severity::Warning => "diagnostics-link severity-warning",
        Severity::Info => "diagnostics-link severity-info",
    };
    Some(view! { <a class=class href="#diagnostics">{text}</a> })
}

/// What the parser reported about this file. Always present, so "nothing to report" is visible.
fn diagnostics_view(doc: &Document) -> impl IntoView + use<> {
    let items = doc
        .diagnostics
        .iter()
        .map(|d| {
            let (class, label) = match d.severity {
                Severity::Info => ("diagnostic severity-info", "Info"),
                Severity::Warning => ("diagnostic severity-warning", "Warning"),
                Severity::Error => ("diagnostic severity-error", "Error"),
            };
            view! {
                <li class=class>
                    <span class="severity">{label}</span>
                    <span class="visually-hidden">": "</span>
                    " "
                    <span class="diagnostic-message">{d.message.clone()}</span>
                </li>
            }
        })
        .collect_view();
    let summary = match doc.diagnostics.len() {
        0 => None,
        1 => Some("1 note from the parser:".to_string()),
        n => Some(format!("{n} notes from the parser:")),
    };
    view! {
        <section
            class="diagnostics"
            id="diagnostics"
            tabindex="-1"
            aria-labelledby="diagnostics-heading"
        >
            <h2 id="diagnostics-heading">"Parser diagnostics"</h2>
            {match summary {
                None => view! {
                    <p class="no-diagnostics">"The parser had nothing to report about this file."</p>
                }
                .into_any(),
                Some(s) => view! {
                    <p>{s}</p>
                    <ul class="diagnostic-list">{items}</ul>
                }
                .into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_well_formed_language_tags() {
        for ok in ["en", "fr", "pt-BR", "zh-Hant-TW", "ast"] {
            assert!(is_lang_tag(ok), "{ok}");
        }
        for bad in ["", "English", "e", "en-", "en_US", "fr-toolongsubtag", "12"] {
            assert!(!is_lang_tag(bad), "{bad}");
        }
    }

    #[test]
    fn links_only_web_urls() {
        assert!(is_web_url("https://example.com/a"));
        assert!(is_web_url("HTTP://example.com"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("example.com"));
    }
}
