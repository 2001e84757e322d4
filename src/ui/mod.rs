//! The Yew user interface: one function component per file, reading only the model's report.

mod app;
mod banner;
mod canvas_draw;
mod canvas_surface;
mod chart_figure;
mod chart_painter;
mod download;
mod global_controls;
mod projection_controls;
mod region_controls;
mod region_toolbar;
mod result_row;
mod results_table;
mod share_panel;
mod site_import;
mod slider;
mod sources;
mod startup;
mod state;
mod stay_or_move_table;
mod storage;
mod summary;
mod use_chart_downloads;
mod use_chart_painter;
mod use_chart_sight;

pub use app::App;

/// Sends panic messages to the browser console: in wasm a panic otherwise ends the page
/// without a word about where it happened.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("sitecost panicked: {info}").into());
    }));
}
