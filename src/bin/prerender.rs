//! `prerender`: the default scenario's page as static HTML (summary, table, charts as SVG and the
//! controls at their defaults) in `<div id="prerendered">`, which the build puts into both pages
//! so that they show it before the wasm runs. Yew's server-side renderer renders the app's own
//! components; the app replaces the markup once it has rendered (`src/main.rs`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: prerender OUT.html");
        return ExitCode::from(2);
    };
    let renderer = yew::ServerRenderer::<sitecost::ui::App>::new().hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    let page = format!("<div id=\"{}\">{html}</div>", sitecost::ui::PRERENDERED_ID);
    if let Err(e) = std::fs::write(&out, page) {
        eprintln!("prerender: {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
