//! `ChartFigure`: a `<figure>` whose canvas is redrawn from the report, with SVG and PNG downloads.

use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::canvas_draw::{draw_on_canvas, png_data_url, svg};
use super::download::{download_text, download_url, log_failure};
use crate::chart::{ChartKind, SIZE};
use crate::model::Report;

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    pub kind: ChartKind,
    pub report: Rc<Report>,
    /// Hides the download buttons (embeds show charts only).
    #[prop_or(true)]
    pub downloads: bool,
}

/// Device pixels per CSS pixel, so that charts are sharp on dense screens; capped at 3.
fn pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 3.0)
}

/// Marks the moment the page's first chart is drawn (`sitecost:first-chart` in the
/// Performance timeline), which `make bench` reads; later draws do nothing here.
fn mark_first_chart() {
    thread_local!(static MARKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !MARKED.replace(true) {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("sitecost:first-chart");
        }
    }
}

/// The width the chart has on the page: its figure's content box, in CSS pixels.
fn column_width(canvas: &HtmlCanvasElement) -> u32 {
    // The figure has 0.5 rem of padding on each side.
    canvas.parent_element().map_or(SIZE.0, |figure| (figure.client_width() as u32).saturating_sub(16))
}

#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let canvas = use_node_ref();
    let kind = props.kind;
    // The column's width, read from layout once and again only after a resize: reading it on
    // every update would force a layout in the middle of each slider event.
    let width = use_mut_ref(|| None::<u32>);
    // Bumped when the window is resized, so the chart is drawn again at its new width.
    let resized = use_state(|| 0u32);
    {
        let (resized, width) = (resized.clone(), width.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "resize", move |_| {
                *width.borrow_mut() = None;
                resized.set(resized.wrapping_add(1));
            });
            move || drop(listener)
        });
    }
    {
        let canvas = canvas.clone();
        let report = props.report.clone();
        // Drawing happens after the DOM update, only when what this chart shows has changed
        // (or the window was resized): most slider moves leave one chart or two as they were.
        use_effect_with((kind.inputs(&props.report), *resized), move |_| {
            if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                let width = *width.borrow_mut().get_or_insert_with(|| column_width(&element));
                match draw_on_canvas(&element, kind, &report, width, pixel_ratio()) {
                    Ok(()) => mark_first_chart(),
                    Err(e) => {
                        web_sys::console::error_1(&format!("sitecost: drawing {} failed: {e}", kind.name()).into())
                    }
                }
            }
        });
    }
    let on_svg = {
        let report = props.report.clone();
        Callback::from(move |_: MouseEvent| {
            let result = svg(kind, &report)
                .map_err(|e| e.into())
                .and_then(|text| download_text(&format!("sitecost-{}.svg", kind.name()), "image/svg+xml", &text));
            if let Err(e) = result {
                log_failure("the SVG download", &e);
            }
        })
    };
    let on_png = {
        let report = props.report.clone();
        Callback::from(move |_: MouseEvent| {
            let result = png_data_url(kind, &report)
                .map_err(|e| e.into())
                .and_then(|url| download_url(&format!("sitecost-{}.png", kind.name()), &url));
            if let Err(e) = result {
                log_failure("the PNG download", &e);
            }
        })
    };
    html! {
        <figure class="chart" data-chart={kind.name()}>
            <canvas ref={canvas} role="img" aria-label={kind.caption()}></canvas>
            <figcaption>
                {kind.caption()}
                if props.downloads {
                    <span class="downloads">
                        <button type="button" id={format!("export-svg-{}", kind.name())} onclick={on_svg}>{"SVG"}</button>
                        <button type="button" id={format!("export-png-{}", kind.name())} onclick={on_png}
                            title="PNG at twice the size, for print">{"PNG 2\u{d7}"}</button>
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
