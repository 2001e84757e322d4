//! The Yew user interface: one function component per file, reading only the model's report.

mod app;
mod banner;
mod canvas_draw;
mod canvas_surface;
mod chart_figure;
mod chart_painter;
mod download;
mod global_controls;
mod import_preview;
mod live_summary;
mod paint_queue;
mod price_import;
mod price_import_preview;
mod projection_controls;
mod region_controls;
mod region_header;
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
mod use_after_first_paint;
mod use_autosave;
mod use_chart_downloads;
mod use_chart_painter;
mod use_chart_sight;
mod use_clipboard;
mod use_debounced_link;
mod use_field_callbacks;
mod use_file_text;
mod use_import_text;
mod use_pasted_link;
mod use_price_import;
mod use_reset;
mod use_rest;
mod use_slider_input;
mod use_title;
mod use_window_event;

pub use app::App;

/// The id of the element holding the prerendered page (`src/bin/prerender.rs`), which the app
/// replaces once it has rendered.
pub const PRERENDERED_ID: &str = "prerendered";

/// The id of the element the app renders into over a prerendered page, hidden until it replaces it.
pub const APP_ROOT_ID: &str = "app";

/// Whether the page still shows the prerendered markup.
fn prerendered() -> bool {
    startup::in_browser()
        && web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(PRERENDERED_ID)).is_some()
}
