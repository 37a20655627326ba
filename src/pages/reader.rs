//! The reader: one document as the parser understood it (metadata with provenance, then its
//! blocks by role), or its original text, plus what the parser had to say about it.
//!
//! Corpus text is only ever put into text nodes, never parsed as HTML.

use crate::components::entity_marks::{self, MarkedArea};
use crate::components::framing_marks::{self, Framing, Hit};
use crate::components::{DateText, ProvenanceBadge};
use crate::entity_index::{self, EntityIndex};
use crate::format::LEDE_CHARS;
use crate::pages::compare;
use crate::url_state::{self, Mode, Route, Sort};
use leptos::prelude::*;
use parallax_core::entities::EntityType;
use parallax_core::{Block, BlockKind, Bundle, Document, Field, Provenance, Severity};
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
    let original = Memo::new(move |_| route.with(|r| r.view == Mode::Original));
    let toggle = move |_| {
        let mut next = route.get_untracked();
        next.view = if next.view == Mode::Original {
            Mode::Parsed
        } else {
            Mode::Original
        };
        url_state::navigate(route, next);
    };
    let back_href = move || Route::library(library_sort.get()).href();
    // Entities: recognised once for the corpus; the hidden types and the chosen entity (from
    // the URL) decide which mentions are marked.
    let ents = entity_index::index(&bundle);
    let marks = Memo::new(move |_| route.with(|r| (r.hide.clone(), r.entity.clone())));
    // Framing words (`frames=1`) replace the entity highlights; the comparison worker finds
    // them (once per visit), so the framing lexicon is not in the app's first load.
    let frames_on = Memo::new(move |_| route.with(|r| r.frames));
    let framing = RwSignal::new(None::<Framing>);
    {
        let id = doc.id.clone();
        Effect::new(move |_| {
            if frames_on.get() && framing.get_untracked().is_none() {
                framing.set(Some(Framing::Loading));
                compare::worker::request(std::slice::from_ref(&id), move |answer| {
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
    Effect::new(move |_| {
        let at = route.with(|r| r.at);
        if let (Some(at), false) = (at, original.get()) {
            request_animation_frame(move || request_animation_frame(move || show_offset(at)));
        }
    });
    let frames_toggle = move |_| {
        let mut next = route.get_untracked();
        next.frames = !next.frames;
        url_state::navigate(route, next);
    };

    let body = {
        let bundle = bundle.clone();
        let ents = ents.clone();
        move || {
            let doc = bundle.documents.get(index)?;
            Some(if original.get() {
                view! {
                    <div class="original">
                        <p class="original-note">
                            "The article exactly as stored in its file, before any parsing."
                        </p>
                        <pre class="original-text" lang=lang_tag(doc)>
                            {doc.text.clone()}
                        </pre>
                    </div>
                }
                .into_any()
            } else {
                let hits = match (frames_on.get(), framing.get()) {
                    (true, Some(Framing::Ready { hits, .. })) => Some(hits),
                    _ => None,
                };
                blocks_view(doc, &ents, index, &marks.get(), hits.as_deref()).into_any()
            })
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
                {meta_view(doc)}
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
    Route {
        compare: Some(vec![doc.id.clone()]),
        ..Route::default()
    }
    .href()
}

/// The `<h1>`: the title, or a plainly labelled stand-in that cannot be mistaken for one.
fn title_view(doc: &Document) -> impl IntoView + use<> {
    match doc.title() {
        Some(title) => {
            let source = doc.meta.title.as_ref().map(|f| f.source);
            view! {
                <h1 class="doc-title" tabindex="-1">{title.to_string()}</h1>
                <p class="title-source">"Title " <ProvenanceBadge source=source /></p>
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

/// The metadata list. Every value carries its provenance badge; absent values say so.
fn meta_view(doc: &Document) -> impl IntoView + use<> {
    let m = &doc.meta;
    let text_row = |label: &'static str, class: &'static str, field: &Option<Field<String>>| {
        let value = field
            .as_ref()
            .map(|f| view! { <span class="meta-value">{f.value.clone()}</span> }.into_any());
        meta_row(label, class, value, field.as_ref().map(|f| f.source))
    };
    let date_row =
        |label: &'static str, class: &'static str, field: &Option<Field<parallax_core::Date>>| {
            let value = field.as_ref().map(|f| {
                view! { <span class="meta-value"><DateText date=f.value /></span> }.into_any()
            });
            meta_row(label, class, value, field.as_ref().map(|f| f.source))
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
                        <ProvenanceBadge source=Some(a.source) />
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
        meta_row("URL", "meta-url", Some(value), Some(f.source))
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
) -> impl IntoView + use<> {
    view! {
        <div class="meta-row">
            <dt>{label}</dt>
            <dd class=class>{value.map(|v| view! { {v} " " })} <ProvenanceBadge source=source /></dd>
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
    let name = route.with_untracked(|r| r.entity.clone())?;
    let n = ents
        .find(&name)
        .map_or(0, |row| ents.mentions_in(index, row));
    let clear = move || {
        let mut r = route.get();
        r.entity = None;
        r.href()
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

/// The parsed blocks in file order, with entity mentions marked.
fn blocks_view(
    doc: &Document,
    ents: &EntityIndex,
    index: usize,
    (hide, entity): &(Vec<EntityType>, Option<String>),
    frames: Option<&[Hit]>,
) -> impl IntoView + use<> {
    let chosen = entity.as_deref().and_then(|e| ents.find(e));
    let blocks = doc
        .blocks
        .iter()
        .filter(|b| !(b.kind == BlockKind::Headline && is_the_title(doc, b)))
        .map(|b| {
            let class = format!("block block-{}", b.kind.as_str());
            let text = match frames {
                Some(hits) => framing_marks::framed_text(doc, b, hits),
                None => entity_marks::marked_text(doc, b, ents, index, hide, chosen),
            };
            // The span lets `at=` find the paragraph holding a search passage.
            let (start, end) = (b.start.to_string(), b.end.to_string());
            // A crosshead is a heading for assistive technology too (under the title's <h1>).
            if b.kind == BlockKind::Subheading {
                return view! { <h2 class=class data-start=start data-end=end>{text}</h2> }
                    .into_any();
            }
            match block_label(b.kind) {
                None => {
                    view! { <p class=class data-start=start data-end=end>{text}</p> }.into_any()
                }
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
            }
        })
        .collect_view();
    let has_body = doc.blocks.iter().any(|b| b.kind == BlockKind::Body);
    view! {
        <div class="blocks" lang=lang_tag(doc)>
            {(!has_body).then(|| view! {
                <p class="no-body">"The parser found no article text in this file."</p>
            })}
            {blocks}
        </div>
    }
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
