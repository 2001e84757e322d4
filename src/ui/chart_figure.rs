//! `ChartFigure`: a `<figure>` whose canvas is redrawn from the report, with SVG and PNG downloads
//! and a copy as an image.

use std::rc::Rc;

use yew::prelude::*;

use super::startup::in_browser;
use super::use_chart_downloads::use_chart_downloads;
use super::use_chart_painter::use_chart_painter;
use crate::chart::ChartKind;
use crate::model::Report;

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    pub kind: ChartKind,
    pub report: Rc<Report>,
    /// Hides the download buttons (embeds show charts only).
    #[prop_or(true)]
    pub downloads: bool,
}

/// Prerendered, the chart is the same drawing as an SVG image until the app replaces the page:
/// an image, not inline SVG, so that its hundreds of shapes are no elements for the page to
/// parse, style and lay out. The wasm build never prerenders, so it carries no SVG for this.
/// Named for Element Timing, through which the bench reads when the first chart was painted.
#[cfg(not(target_arch = "wasm32"))]
fn prerendered_svg(kind: ChartKind, report: &Report) -> Html {
    let (width, height) = kind.size(report);
    // In a `data:` URL, `%` and `#` must be escaped; line breaks would be dropped anyway.
    let svg = crate::chart::render_svg(kind, report).replace('%', "%25").replace('#', "%23").replace('\n', " ");
    html! {
        <img class="prerendered-chart" data-chart-image={kind.name()} elementtiming={kind.name()} src={format!("data:image/svg+xml,{svg}")}
            alt={kind.caption()} width={width.to_string()} height={height.to_string()} />
    }
}

#[cfg(target_arch = "wasm32")]
fn prerendered_svg(_: ChartKind, _: &Report) -> Html {
    Html::default()
}

#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let kind = props.kind;
    let cursor = kind.cursor(&props.report);
    let plot = use_chart_painter(kind.data(&props.report), cursor);
    let downloads = use_chart_downloads(kind, &props.report);
    // The sensitivity map's break-even line, for scripts and tests (the canvas is pixels).
    let break_even_line = (kind == ChartKind::Sensitivity)
        .then(|| props.report.sensitivity.as_ref().map(|g| format!("{:?}", g.break_even_line)))
        .flatten();
    html! {
        <figure class="chart" data-chart={kind.name()} data-break-even-line={break_even_line}>
            <div class="plot">
                if in_browser() {
                    <canvas ref={plot.canvas.clone()} role="img" aria-label={kind.caption()}></canvas>
                } else {
                    { prerendered_svg(kind, &props.report) }
                }
                if let Some(value) = cursor {
                    // The cursor line; its `data-value` is the value it marks (for tests and scripts).
                    <div ref={plot.cursor.clone()} class="cursor" aria-hidden="true" data-value={value.to_string()}></div>
                }
            </div>
            <figcaption>
                {kind.caption()}
                if props.downloads {
                    <span class="downloads">
                        <button type="button" id={format!("export-svg-{}", kind.name())} onclick={downloads.svg}>{"SVG"}</button>
                        <button type="button" id={format!("export-png-{}", kind.name())} onclick={downloads.png}
                            title="PNG at twice the size, for print">{"PNG 2\u{d7}"}</button>
                        <button type="button" id={format!("copy-png-{}", kind.name())} onclick={downloads.copy_png}
                            title="Copy the PNG, to paste into a document or slide">{"Copy"}</button>
                        <span class="copy-status" role="status">{downloads.copy_status}</span>
                    </span>
                }
            </figcaption>
            // The canvas is pixels; this list gives screen readers (and scripts) the regions it shows.
            <ul class="visually-hidden" data-legend="">
                { for props.report.rows.iter().map(|r| html! { <li key={r.id.to_string()}>{r.name.to_string()}</li> }) }
            </ul>
        </figure>
    }
}
