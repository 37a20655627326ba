//! A calendar date for people ("October 2, 2023") that machines can still read (`<time>`).

use leptos::prelude::*;
use parallax_core::Date;

/// `<time datetime="2023-10-02">October 2, 2023</time>`.
#[component]
pub fn DateText(date: Date) -> impl IntoView {
    view! { <time datetime=date.to_string()>{date.long()}</time> }
}
