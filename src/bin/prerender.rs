//! `prerender`: the page's header, and the default scenario's page as static HTML (summary, table,
//! charts as SVG and the controls at their defaults) in `<div id="prerendered">`, which the build
//! puts into both pages so that they show it before the wasm runs. Yew's server-side renderer
//! renders the app's own components; the app replaces the page (not the header, which stays as
//! it is and so stays the largest paint) once it has rendered (`src/main.rs`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: prerender OUT.html");
        return ExitCode::from(2);
    };
    let header =
        futures::executor::block_on(yew::ServerRenderer::<sitecost::ui::PageHeader>::new().hydratable(false).render());
    let app = futures::executor::block_on(yew::ServerRenderer::<sitecost::ui::App>::new().hydratable(false).render());
    let page = format!("{header}\n<div id=\"{}\">{app}</div>", sitecost::ui::PRERENDERED_ID);
    let parent = std::path::Path::new(&out).parent().filter(|p| !p.as_os_str().is_empty());
    if let Err(e) = parent.map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&out, page)) {
        eprintln!("prerender: {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
