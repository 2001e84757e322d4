//! `PageHeader`: the page's title and what it is for, rendered only by the build into the page's
//! static markup (`src/bin/prerender.rs`), so that it paints before the wasm and is never replaced.

use yew::prelude::*;

#[component]
pub fn PageHeader() -> Html {
    html! {
        <header class="page-header">
            <h1>{"sitecost"}</h1>
            <p>{"Where does Bitcoin mining still pay? Move any input and every region's break-even, \
                 margin and share of your fleet update at once."}</p>
        </header>
    }
}
