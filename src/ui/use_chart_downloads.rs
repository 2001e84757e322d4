//! `use_chart_downloads`: the callbacks of a chart's SVG and PNG download buttons.

use std::rc::Rc;

use yew::prelude::*;

use super::canvas_draw::{png_data_url, svg};
use super::download::{download_text, download_url, log_failure};
use crate::chart::ChartKind;
use crate::model::Report;

/// What the download buttons of a chart call.
pub struct ChartDownloads {
    pub svg: Callback<MouseEvent>,
    pub png: Callback<MouseEvent>,
}

/// Downloads `kind` of the report of the latest render: the callbacks are made once, and
/// read the report when pressed.
#[hook]
pub fn use_chart_downloads(kind: ChartKind, report: &Rc<Report>) -> ChartDownloads {
    let latest = use_mut_ref(|| Rc::clone(report));
    *latest.borrow_mut() = Rc::clone(report);
    let svg = {
        let latest = Rc::clone(&latest);
        use_callback(kind, move |_: MouseEvent, &kind| {
            let result = svg(kind, &latest.borrow())
                .map_err(|e| e.into())
                .and_then(|text| download_text(&format!("sitecost-{}.svg", kind.name()), "image/svg+xml", &text));
            if let Err(e) = result {
                log_failure("the SVG download", &e);
            }
        })
    };
    let png = use_callback(kind, move |_: MouseEvent, &kind| {
        let result = png_data_url(kind, &latest.borrow())
            .map_err(|e| e.into())
            .and_then(|url| download_url(&format!("sitecost-{}.png", kind.name()), &url));
        if let Err(e) = result {
            log_failure("the PNG download", &e);
        }
    });
    ChartDownloads { svg, png }
}
