//! `use_chart_downloads`: the callbacks of a chart's SVG and PNG downloads and its image copy.

use std::rc::Rc;

use yew::prelude::*;

use super::canvas_draw::{png_blob, png_data_url, svg};
use super::download::{download_text, download_url, log_failure};
use super::use_clipboard::use_clipboard;
use crate::chart::ChartKind;
use crate::model::Report;

/// What the download buttons of a chart call.
pub struct ChartDownloads {
    pub svg: Callback<MouseEvent>,
    pub png: Callback<MouseEvent>,
    /// Puts the PNG on the clipboard.
    pub copy_png: Callback<MouseEvent>,
    /// How the last copy went, for a live region (empty before the first).
    pub copy_status: String,
}

/// Downloads or copies `kind` of `report`. The callbacks are made on each render, holding that render's
/// report: memoised ones (`use_callback`) would cost the wasm 2 KB for buttons that are cheap to
/// render.
#[hook]
pub fn use_chart_downloads(kind: ChartKind, report: &Rc<Report>) -> ChartDownloads {
    let svg = {
        let report = Rc::clone(report);
        Callback::from(move |_: MouseEvent| {
            let result = download_text(&format!("sitecost-{}.svg", kind.name()), "image/svg+xml", &svg(kind, &report));
            if let Err(e) = result {
                log_failure("the SVG download", &e);
            }
        })
    };
    let png = {
        let report = Rc::clone(report);
        Callback::from(move |_: MouseEvent| {
            let result = png_data_url(kind, &report)
                .map_err(|e| e.into())
                .and_then(|url| download_url(&format!("sitecost-{}.png", kind.name()), &url));
            if let Err(e) = result {
                log_failure("the PNG download", &e);
            }
        })
    };
    let clipboard = use_clipboard();
    let copy_png = {
        let report = Rc::clone(report);
        clipboard.copy_image_on_click(move || png_blob(kind, &report), "chart")
    };
    ChartDownloads { svg, png, copy_png, copy_status: clipboard.status }
}
