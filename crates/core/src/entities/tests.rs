//! `check()`-style tests of the rules on small texts written for the test.

use super::*;

/// Recognises `text` (one paragraph) and compares with "TYPE:surface" items, in order.
fn check_with(text: &str, kb: Option<&KnowledgeBase>, expected: &[&str]) {
    let got: Vec<String> = recognize_text(text, kb)
        .iter()
        .map(|m| format!("{}:{}", m.kind.as_str(), m.text(text)))
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

/// Rules only: what an article about an unfamiliar subject gets.
fn check(text: &str, expected: &[&str]) {
    check_with(text, None, expected);
}

#[test]
fn smoke() {
    check(
        "The UN spokesman, Stephane Dujarric, said so.",
        &["ORG:UN", "PERSON:Stephane Dujarric"],
    );
}
