//! `ChartFigure`: a `<figure>` whose canvas is redrawn from the report, with SVG and PNG downloads.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, IntersectionObserver, IntersectionObserverInit};
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

/// Whether a chart is near the viewport, and whether it missed a redraw while it was not.
///
/// A chart out of sight is not drawn on each slider event: it is drawn when it comes within
/// [`NEAR_VIEWPORT`] of the screen, so an event costs only the charts the user can see.
#[derive(Default)]
struct Sight {
    near: Cell<bool>,
    stale: Cell<bool>,
}

/// How far outside the viewport a chart is already drawn, so scrolling finds it ready.
const NEAR_VIEWPORT_PX: f64 = 300.0;
const NEAR_VIEWPORT: &str = "300px";

/// Draws `kind` of `report` on the canvas of `node`, at the cached column width.
fn draw(node: &NodeRef, kind: ChartKind, report: &Report, width: &RefCell<Option<u32>>) {
    if let Some(element) = node.cast::<HtmlCanvasElement>() {
        let width = *width.borrow_mut().get_or_insert_with(|| column_width(&element));
        match draw_on_canvas(&element, kind, report, width, pixel_ratio()) {
            Ok(()) => mark_first_chart(),
            Err(e) => web_sys::console::error_1(&format!("sitecost: drawing {} failed: {e}", kind.name()).into()),
        }
    }
}

/// Whether `element` is within [`NEAR_VIEWPORT_PX`] of the viewport now (a layout read).
fn is_near_viewport(element: &web_sys::Element) -> bool {
    let height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
    let rect = element.get_bounding_client_rect();
    rect.top() < height + NEAR_VIEWPORT_PX && rect.bottom() > -NEAR_VIEWPORT_PX
}

/// The observer of a chart's sight and its callback, which must live as long as it observes.
type Watch = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Watches `node` come near the viewport and leave it; a stale chart is drawn on arrival.
fn watch_sight(node: &NodeRef, sight: Rc<Sight>, on_near: impl Fn() + 'static) -> Option<Watch> {
    let element = node.cast::<web_sys::Element>()?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // Only the latest entry matters: it says where the chart is now.
        let Some(entry) = entries.iter().last() else { return };
        let near = entry.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting();
        sight.near.set(near);
        if near && sight.stale.replace(false) {
            on_near();
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(NEAR_VIEWPORT);
    let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(&element);
    Some((observer, callback))
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
    // The report the chart should show, for a draw that waits until the chart is in sight.
    let latest = use_mut_ref(|| props.report.clone());
    *latest.borrow_mut() = props.report.clone();
    // Whether the chart is in sight is first read from layout when the figure is mounted
    // (see below), then kept by the observer.
    let sight = use_memo((), |_| Sight::default());
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
        // Printing shows every chart, so every chart not yet drawn is drawn first.
        let (node, sight, latest, width) = (canvas.clone(), sight.clone(), latest.clone(), width.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "beforeprint", move |_| {
                if sight.stale.replace(false) {
                    draw(&node, kind, &latest.borrow(), &width);
                }
            });
            move || drop(listener)
        });
    }
    {
        let (node, sight, latest, width) = (canvas.clone(), sight.clone(), latest.clone(), width.clone());
        use_effect_with((), move |_| {
            // Known now, before the first draw: the page opens drawing only the charts it shows.
            if let Some(element) = node.cast::<web_sys::Element>() {
                sight.near.set(is_near_viewport(&element));
            }
            let on_near = {
                let node = node.clone();
                move || draw(&node, kind, &latest.borrow(), &width)
            };
            let watch = watch_sight(&node, sight, on_near);
            // Unmounted, the figure stops being watched and the callback is freed.
            move || {
                if let Some((observer, callback)) = watch {
                    observer.disconnect();
                    drop(callback);
                }
            }
        });
    }
    {
        let (node, sight) = (canvas.clone(), sight.clone());
        let report = props.report.clone();
        // Drawing happens after the DOM update, only when what this chart shows has changed
        // (or the window was resized), and only for a chart near the viewport: most slider
        // moves leave one chart or two as they were, and most charts are out of sight.
        use_effect_with((kind.inputs(&props.report), *resized), move |_| {
            if sight.near.get() {
                draw(&node, kind, &report, &width);
            } else {
                sight.stale.set(true);
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
    // The sensitivity map's break-even line, for scripts and tests (the canvas is pixels).
    let break_even_line = (kind == ChartKind::Sensitivity)
        .then(|| props.report.sensitivity.as_ref().map(|g| format!("{:?}", g.break_even_line)))
        .flatten();
    html! {
        <figure class="chart" data-chart={kind.name()} data-break-even-line={break_even_line}>
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
