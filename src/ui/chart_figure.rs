//! `ChartFigure`: a `<figure>` whose canvas is redrawn from the report whenever the report changes.

use std::rc::Rc;

use plotters::prelude::IntoDrawingArea;

use super::measured_canvas::MeasuredCanvas;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::chart::ChartKind;
use crate::model::Report;

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    pub kind: ChartKind,
    pub report: Rc<Report>,
}

fn draw(canvas: HtmlCanvasElement, kind: ChartKind, report: &Report) {
    let (width, height) = kind.size(report);
    // Setting a canvas's size clears it, so only do so when the size changes.
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    let Some(backend) = MeasuredCanvas::new(canvas) else {
        web_sys::console::error_1(&"sitecost: no 2D context for a chart canvas".into());
        return;
    };
    let area = backend.into_drawing_area();
    if let Err(e) = kind.draw(&area, report).and_then(|()| area.present()) {
        web_sys::console::error_1(&format!("sitecost: drawing {} failed: {e:?}", kind.name()).into());
    }
}

#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        let kind = props.kind;
        // Drawing happens after the DOM update, once per new report.
        use_effect_with(props.report.clone(), move |report| {
            if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                draw(element, kind, report);
            }
        });
    }
    let kind = props.kind;
    html! {
        <figure class="chart" data-chart={kind.name()}>
            <canvas ref={canvas} role="img" aria-label={kind.caption()}></canvas>
            <figcaption>{kind.caption()}</figcaption>
            // The canvas is pixels; this list gives screen readers (and scripts) the regions it shows.
            <ul class="visually-hidden" data-legend="">
                { for props.report.rows.iter().map(|r| html! { <li key={r.id.to_string()}>{r.name.to_string()}</li> }) }
            </ul>
        </figure>
    }
}
