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
mod use_field_callbacks;
mod use_file_text;
mod use_pasted_link;
mod use_price_import;
mod use_reset;
mod use_title;
mod use_window_event;

pub use app::App;
// Until the lead wires it into App, this keeps the price import compiled and checked.
pub use price_import::PriceImport;
