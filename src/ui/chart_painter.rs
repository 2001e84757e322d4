//! When a chart figure's canvas is drawn: at the next frame when it is on screen, at idle time
//! when it is near, on arrival or at rest otherwise — and the canvas, cursor line and memory it
//! draws with.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement, IntersectionObserver, IntersectionObserverInit};
use yew::NodeRef;

use super::canvas_draw::draw_on_canvas;
use super::canvas_surface::TextWidths;
use super::paint_queue::{at_next_frame, when_at_rest, when_idle};
use crate::chart::{ChartData, PlotFrame, SIZE};

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

/// The width the chart has on the page: its plot box (the figure's content box, at most the
/// canvas's 640 px), in CSS pixels.
fn column_width(canvas: &HtmlCanvasElement) -> u32 {
    canvas.parent_element().map_or(SIZE.0, |plot| plot.client_width() as u32)
}

/// Whether a chart is on screen or near it, and whether it missed a redraw.
///
/// A chart on screen is drawn at the next animation frame (its first drawing at once, so the
/// page opens with it): the inputs of one frame cost one drawing, and no event draws. One near
/// the screen (within [`NEAR_VIEWPORT_PX`]) is drawn in the browser's idle time, so that
/// scrolling finds it ready without an event paying for it; one farther away when it comes near
/// or, in idle time, once the page rests from input.
#[derive(Default)]
pub(super) struct Sight {
    pub(super) visible: Cell<bool>,
    pub(super) near: Cell<bool>,
    pub(super) stale: Cell<bool>,
    /// It has been drawn once.
    drawn: Cell<bool>,
    /// A draw at the next frame, at idle time or at rest is already asked for.
    frame_asked: Cell<bool>,
    idle_asked: Cell<bool>,
    rest_asked: Cell<bool>,
}

/// How far outside the viewport a chart is drawn ahead, so scrolling finds it ready.
pub(super) const NEAR_VIEWPORT_PX: f64 = 300.0;

/// A chart's axis ranges (x then y, see `ChartKind::axes`), with the width in CSS pixels and
/// the pixel ratio they were drawn at.
type DrawnAxes = ([f64; 4], u32, f64);

/// A figure's canvas, the cursor line over it, and what drawing them needs to remember.
#[derive(Clone, Default)]
pub(super) struct Plot {
    pub(super) canvas: NodeRef,
    pub(super) cursor: NodeRef,
    /// The column's width, read from layout once and again only after a resize: reading it on
    /// every update would force a layout in the middle of each slider event.
    pub(super) width: Rc<RefCell<Option<u32>>>,
    /// Where the last drawing put its plot area, for the cursor.
    frame: Rc<Cell<Option<PlotFrame>>>,
    /// The value the cursor marks (see `ChartKind::cursor`), kept for placing it after a drawing.
    cursor_value: Rc<Cell<Option<f64>>>,
    /// The axes of the last drawing and the width and pixel ratio it was drawn at: while they
    /// hold, a drawing paints only inside the plot area (see [`draw_on_canvas`]).
    drawn_axes: Rc<Cell<Option<DrawnAxes>>>,
    /// Text widths measured by earlier drawings.
    widths: TextWidths,
}

impl Plot {
    /// Draws the chart of `data` on the canvas at the cached column width, without the cursor
    /// line, then places the cursor over it.
    fn draw(&self, data: &ChartData) {
        let Some(element) = self.canvas.cast::<HtmlCanvasElement>() else { return };
        let width = *self.width.borrow_mut().get_or_insert_with(|| column_width(&element));
        let ratio = pixel_ratio();
        let axes = data.axes().map(|a| (a, width, ratio));
        // Axes as last drawn: only what lies inside them needs painting again.
        let inside = self.frame.get().filter(|_| axes.is_some() && self.drawn_axes.get() == axes);
        match draw_on_canvas(&element, data, (width, ratio), None, inside, &self.widths) {
            Ok(frame) => {
                mark_first_chart();
                self.frame.set(frame);
                self.drawn_axes.set(axes);
                self.fit_cursor();
                self.place_cursor();
            }
            Err(e) => {
                self.drawn_axes.set(None);
                web_sys::console::error_1(&format!("sitecost: drawing {} failed: {e}", data.kind().name()).into());
            }
        }
    }

    /// Spans the cursor over the plot area's height (after a drawing, which may move it).
    fn fit_cursor(&self) {
        let (Some(line), Some(frame)) = (self.cursor.cast::<HtmlElement>(), self.frame.get()) else { return };
        let _ = line.style().set_property("top", &format!("{}px", frame.top_px));
        let _ = line.style().set_property("height", &format!("{}px", frame.bottom_px - frame.top_px));
    }

    /// Puts the cursor where its value lies on the chart as last drawn.
    fn place_cursor(&self) {
        let Some(line) = self.cursor.cast::<HtmlElement>() else { return };
        match self.frame.get().zip(self.cursor_value.get()).and_then(|(frame, v)| frame.x_px(v)) {
            // The chart's own line (in exports) covers the pixel column left of `x`.
            Some(x) => {
                let _ = line.style().set_property("transform", &format!("translateX({}px)", x.round() - 1.0));
                let _ = line.style().set_property("visibility", "visible");
            }
            None => {
                let _ = line.style().set_property("visibility", "hidden");
            }
        }
    }
}

/// Whether `element` is within `margin_px` of the viewport now (a layout read). One without a
/// box (in the app's root while it is still hidden) is nowhere: drawn then, it would be 0 px wide.
pub(super) fn is_within(element: &web_sys::Element, margin_px: f64) -> bool {
    let height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
    let rect = element.get_bounding_client_rect();
    let boxed = rect.width() > 0.0 || rect.height() > 0.0;
    boxed && rect.top() < height + margin_px && rect.bottom() > -margin_px
}

/// The observer of a chart's sight and its callback, which must live as long as it observes.
pub(super) type Watch = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Calls `seen` with whether `node` is within `margin_px` of the viewport, each time that changes.
pub(super) fn watch(node: &NodeRef, margin_px: f64, seen: impl Fn(bool) + 'static) -> Option<Watch> {
    let element = node.cast::<web_sys::Element>()?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // Only the latest entry matters: it says where the chart is now.
        if let Some(entry) = entries.iter().last() {
            seen(entry.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(&format!("{margin_px}px"));
    let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(&element);
    Some((observer, callback))
}

/// Draws a figure's chart at the right time: now when it is on screen, when the browser is idle
/// when it is near, and on arrival otherwise (see [`Sight`]).
#[derive(Default)]
pub(super) struct Painter {
    pub(super) plot: Plot,
    pub(super) sight: Sight,
    /// What the chart should show, for a draw that waits; `None` until first told.
    latest: RefCell<Option<ChartData>>,
}

impl Painter {
    /// The chart is to show `data` (after a change, or the first time).
    pub(super) fn show(self: &Rc<Self>, data: ChartData) {
        *self.latest.borrow_mut() = Some(data);
        self.changed();
    }

    /// The window was resized: the chart is drawn again at its column's new width.
    pub(super) fn resized(self: &Rc<Self>) {
        *self.plot.width.borrow_mut() = None;
        self.changed();
    }

    /// What the chart shows, or the width it is shown at, has changed.
    fn changed(self: &Rc<Self>) {
        self.sight.stale.set(true);
        self.catch_up();
    }

    /// The cursor is to mark `value`: a transform only, so that a hashprice change costs no
    /// drawing and no layout; moved now on a chart near the screen, on the others when they come
    /// near (or are drawn). Hidden off the axis and before the chart is drawn.
    pub(super) fn move_cursor(&self, value: Option<f64>) {
        self.plot.cursor_value.set(value);
        self.place_cursor_if_near();
    }

    /// Places the cursor line on a chart on or near the screen; the others wait until they come near.
    fn place_cursor_if_near(&self) {
        if self.sight.near.get() || self.sight.visible.get() {
            self.plot.place_cursor();
        }
    }

    /// The chart moved relative to the screen.
    pub(super) fn seen(self: &Rc<Self>, visible: Option<bool>, near: Option<bool>) {
        if let Some(v) = visible {
            self.sight.visible.set(v);
        }
        if let Some(n) = near {
            self.sight.near.set(n);
        }
        self.place_cursor_if_near();
        self.catch_up();
    }

    /// Asks for a stale chart's drawing: at the next frame if it is on screen (at once the
    /// first time), at idle time if it is near, at idle time once the page rests otherwise.
    fn catch_up(self: &Rc<Self>) {
        if !self.sight.stale.get() {
            return;
        }
        if self.sight.visible.get() && !self.sight.drawn.get() {
            self.draw_now();
        } else if self.sight.visible.get() && !self.sight.frame_asked.replace(true) {
            let painter = Rc::clone(self);
            at_next_frame(move || {
                painter.sight.frame_asked.set(false);
                painter.draw_if_stale()
            });
        } else if self.sight.near.get() && !self.sight.idle_asked.replace(true) {
            let painter = Rc::clone(self);
            when_idle(move || {
                painter.sight.idle_asked.set(false);
                painter.sight.near.get() && painter.draw_if_stale()
            });
        } else if !self.sight.near.get() && !self.sight.rest_asked.replace(true) {
            let painter = Rc::clone(self);
            when_at_rest(move || {
                painter.sight.rest_asked.set(false);
                painter.draw_if_stale()
            });
        }
    }

    /// Draws the chart now if it missed a drawing, wherever it is (also before printing);
    /// returns whether it drew.
    pub(super) fn draw_if_stale(&self) -> bool {
        let stale = self.sight.stale.get();
        if stale {
            self.draw_now();
        }
        stale
    }

    fn draw_now(&self) {
        self.sight.stale.set(false);
        self.sight.drawn.set(true);
        if let Some(data) = &*self.latest.borrow() {
            self.plot.draw(data);
        }
    }
}
