//! `ChartFigure`: a `<figure>` whose canvas is redrawn from the report, with SVG and PNG downloads.

use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use super::canvas_draw::{png_data_url, svg};
use super::chart_painter::{is_within, watch, Painter, NEAR_VIEWPORT_PX};
use super::download::{download_text, download_url, log_failure};
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

#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let kind = props.kind;
    let painter = use_memo((), |_| Rc::new(Painter::default()));
    let plot = &painter.plot;
    {
        let painter = Rc::clone(&painter);
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let resize = {
                let painter = Rc::clone(&painter);
                EventListener::new(&window, "resize", move |_| painter.resized())
            };
            // Printing shows every chart, so every chart not yet drawn is drawn first.
            let print = EventListener::new(&window, "beforeprint", move |_| painter.draw_if_stale());
            move || drop((resize, print))
        });
    }
    {
        let painter = Rc::clone(&painter);
        use_effect_with((), move |_| {
            // Known now, before the first draw: the page opens drawing only the charts it shows.
            if let Some(element) = painter.plot.canvas.cast::<web_sys::Element>() {
                painter.sight.visible.set(is_within(&element, 0.0));
                painter.sight.near.set(is_within(&element, NEAR_VIEWPORT_PX));
            }
            let node = painter.plot.canvas.clone();
            let on_screen = {
                let painter = Rc::clone(&painter);
                watch(&node, 0.0, move |v| painter.seen(Some(v), None))
            };
            let near = watch(&node, NEAR_VIEWPORT_PX, move |n| painter.seen(None, Some(n)));
            // Unmounted, the figure stops being watched and the callbacks are freed.
            move || {
                for (observer, callback) in [on_screen, near].into_iter().flatten() {
                    observer.disconnect();
                    drop(callback);
                }
            }
        });
    }
    {
        // Drawing happens after the DOM update, only when what this chart shows has changed,
        // and only for a chart on screen or near it: most slider moves leave one chart or two
        // as they were, and most charts are out of sight.
        let painter = Rc::clone(&painter);
        use_effect_with(kind.data(&props.report), move |data| painter.show(data.clone()));
    }
    let cursor = kind.cursor(&props.report);
    {
        // The cursor follows its value on every change, drawn or not.
        let plot = plot.clone();
        use_effect_with(cursor.map(f64::to_bits), move |bits| plot.move_cursor(bits.map(f64::from_bits)));
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
    // The sensitivity map's break-even line, for scripts and tests (the canvas is pixels).
    let break_even_line = (kind == ChartKind::Sensitivity)
        .then(|| props.report.sensitivity.as_ref().map(|g| format!("{:?}", g.break_even_line)))
        .flatten();
    html! {
        <figure class="chart" data-chart={kind.name()} data-break-even-line={break_even_line}>
            <div class="plot">
                <canvas ref={plot.canvas.clone()} role="img" aria-label={kind.caption()}></canvas>
                if let Some(value) = cursor {
                    // The cursor line; its `data-value` is the value it marks (for tests and scripts).
                    <div ref={plot.cursor.clone()} class="cursor" aria-hidden="true" data-value={value.to_string()}></div>
                }
            </div>
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
