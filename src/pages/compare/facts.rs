//! Facts and dates: quantities that two or more articles give (with those whose values cannot
//! both be right first, side by side with their sentences), and per article its published date
//! against the dates of the events it reports, flagging a possible re-publication.

use super::Compared;
use crate::components::dom::{el, El};
use parallax_core::compare::{Basis, NumberGroup, Timeline};

pub fn view(c: &Compared) -> El {
    let res = &c.result;
    let section = super::view_section("compare-facts", "Facts and dates");
    let (differ, agree): (Vec<&NumberGroup>, Vec<&NumberGroup>) =
        res.numbers.iter().partition(|g| g.disagree);
    section.push(
        el("h3")
            .attr("id", "numbers-differ")
            .text("Numbers that disagree"),
    );
    if differ.is_empty() {
        section.push(el("p").text("No quantity is given with values that conflict."));
    } else {
        section.push(el("p").text(
            "The same quantity given with values that cannot all be right (ranges such as “about” or “more than” are allowed for).",
        ));
        let list = el("div").class("number-groups");
        for g in &differ {
            list.push(group(c, g));
        }
        section.push(list);
        section.push(crate::export::buttons(
            "facts-that-disagree",
            disagree_rows(c, &differ),
        ));
    }
    if !agree.is_empty() {
        let details = el("details")
            .class("numbers-agree")
            .child(el("summary").text(&format!("Numbers that agree ({})", agree.len())));
        for g in agree {
            details.push(group(c, g));
        }
        section.push(details);
    }
    section.push(el("h3").text("Published date and the events reported"));
    section.push(el("p").text(
        "When an article’s relative dates (“this weekend”, “on Sunday”) point weeks away from the events other articles date, it may be an old text re-published under a new date.",
    ));
    let list = el("div").class("timelines");
    for t in &res.timeline {
        list.push(timeline(c, t));
    }
    section.child(list)
}

/// The quantities whose values disagree, one row per mention (what is counted, the article,
/// the value as written, its sentence), for the CSV and JSON downloads.
fn disagree_rows(c: &Compared, groups: &[&NumberGroup]) -> impl Fn() -> Vec<Vec<String>> + 'static {
    let mut rows = vec![["quantity", "article", "document id", "value", "sentence"]
        .map(String::from)
        .to_vec()];
    for g in groups {
        for m in &g.mentions {
            rows.push(vec![
                g.key.clone(),
                c.letter_of(&m.doc),
                m.doc.clone(),
                m.text.clone(),
                m.sentence.clone(),
            ]);
        }
    }
    move || rows.clone()
}

/// One quantity, its mentions side by side.
fn group(c: &Compared, g: &NumberGroup) -> El {
    let card = el("article")
        .class(if g.disagree {
            "number-group disagree"
        } else {
            "number-group"
        })
        .child(
            el("h4")
                .text(&g.key)
                .child(el("span").class("badge").text(if g.disagree {
                    "Values differ"
                } else {
                    "Values agree"
                })),
        );
    let ul = el("ul");
    for m in &g.mentions {
        let sentence = el("span").class("number-sentence");
        match m.sentence.find(&m.text) {
            Some(at) => {
                sentence.push_text(&m.sentence[..at]);
                sentence.push(el("mark").class("number").text(&m.text));
                sentence.push_text(&m.sentence[at + m.text.len()..]);
            }
            None => sentence.push_text(&m.sentence),
        }
        ul.push(
            el("li")
                .child(el("span").class("doc-letter").text(&c.letter_of(&m.doc)))
                .child(el("strong").text(&m.text))
                .text(" — ")
                .child(sentence),
        );
    }
    card.child(ul)
}

/// One article's dates.
fn timeline(c: &Compared, t: &Timeline) -> El {
    let col = c.col(&t.doc).unwrap_or(0);
    let card = el("article").class(if t.republished {
        "timeline republished"
    } else {
        "timeline"
    });
    card.push(
        el("h4")
            .child(el("span").class("doc-letter").text(&c.letter_of(&t.doc)))
            .text(&c.names[col]),
    );
    card.push(el("p").text(&match t.published {
        Some(d) => format!("Published {}", d.long()),
        None => "No published date found.".to_string(),
    }));
    if t.republished {
        card.push(el("p").class("badge warn").text("Possible re-publication"));
        let ul = el("ul").class("evidence");
        for e in &t.evidence {
            let named = c.result.docs.iter().zip(&c.names);
            ul.push(el("li").text(&crate::labels::ids_to_labels(
                &e.message,
                named.map(|(d, l)| (d.id.as_str(), l.as_str())),
            )));
        }
        card.push(ul);
    }
    if t.events.is_empty() {
        card.push(el("p").class("hint").text("It dates no event."));
        return card;
    }
    let ul = el("ul").class("event-dates");
    for e in &t.events {
        let when = match (e.from, e.to, e.basis) {
            (_, _, Basis::Unresolved) => "cannot be placed without a published date".to_string(),
            (Some(f), Some(to), _) if f != to => format!("{} to {}", f.long(), to.long()),
            (Some(f), _, _) => f.long(),
            _ => "unknown".to_string(),
        };
        let how = if e.relative {
            " (counted from the published date)"
        } else {
            ""
        };
        ul.push(
            el("li")
                .child(el("strong").text(&format!("“{}”", e.text.trim())))
                .text(&format!(": {when}{how}")),
        );
    }
    card.child(ul)
}
