//! Drawing charts in the browser: on a page canvas at the screen's pixel density, as a 2× PNG,
//! and as SVG — all through the chart module's functions, canvas text measured by the canvas.

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::canvas_surface::{CanvasSurface, TextWidths};
use crate::chart::{render_svg_measured, ChartData, ChartKind, Either, Measured, PlotFrame, SansMetrics, SIZE};
use crate::model::Report;

/// The one backend type the page draws charts through, on canvas (`Left`) or as SVG in fixed
/// text metrics (`Right`): see [`Either`]. One type, so the chart code is compiled once.
type Page<'a> = Either<CanvasSurface, Measured<'a, plotters::prelude::SVGBackend<'a>, SansMetrics>>;

/// A canvas's 2D context.
fn context_of(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

fn new_canvas() -> Result<HtmlCanvasElement, JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    Ok(document.create_element("canvas")?.dyn_into()?)
}

/// How far beyond its plot area a chart's marks may reach (a break-even dot's radius): a redraw
/// inside the plot area clears and clips this much more, and the axis labels start farther out.
const MARK_REACH_PX: i32 = 4;

/// Draws the chart of `data` on `canvas`, `width` CSS pixels wide, at `scale` device pixels per
/// CSS pixel, with a line at `cursor` or none; returns where the plot area lies when the chart
/// has a cursor.
///
/// With `inside`, the plot area where the canvas's last drawing put it, only that area (and
/// [`MARK_REACH_PX`] around it) is painted again: the axes, grid labels and titles around it
/// stay as drawn, and no text outside it is drawn. The caller makes sure the axes are the
/// same as in that drawing. `widths` keeps text widths from one drawing to the next.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    data: &ChartData,
    (width, scale): (u32, f64),
    cursor: Option<f64>,
    inside: Option<PlotFrame>,
    widths: &TextWidths,
) -> Result<Option<PlotFrame>, String> {
    let (width, height) = data.size_at(width);
    let (px_w, px_h) = ((width as f64 * scale).round() as u32, (height as f64 * scale).round() as u32);
    // Setting a canvas's size clears it, so only do so when the size changes.
    let resized = canvas.width() != px_w || canvas.height() != px_h;
    if resized {
        canvas.set_width(px_w);
        canvas.set_height(px_h);
    }
    let context = context_of(canvas).ok_or("no 2D context")?;
    // Plotters lays out in CSS pixels; the transform maps them onto the device pixels.
    context.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0).map_err(|_| "the canvas refused a transform")?;
    let mut surface = CanvasSurface::new(context, (width, height)).with_widths(widths.clone());
    if let Some(f) = inside.filter(|_| !resized) {
        let r = MARK_REACH_PX;
        surface = surface.clipped((f.left_px - r, f.top_px - r, f.right_px + r, f.bottom_px + r));
    }
    // The area owns the surface: dropping it at the end lifts any clip, error or not.
    let area = Page::Left(surface).into_drawing_area();
    let frame = data.draw_framed(&area, cursor).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())?;
    Ok(frame)
}

/// The chart as a PNG `data:` URL at twice its size, for print.
pub fn png_data_url(kind: ChartKind, report: &Report) -> Result<String, String> {
    let canvas = png_canvas(kind, report)?;
    canvas.to_data_url_with_type("image/png").map_err(|_| "the canvas refused to make a PNG".to_string())
}

/// The chart drawn for a PNG: at the page's width, twice the pixels.
fn png_canvas(kind: ChartKind, report: &Report) -> Result<HtmlCanvasElement, String> {
    let canvas = new_canvas().map_err(|_| "no canvas could be made")?;
    let data = kind.data(report);
    draw_on_canvas(&canvas, &data, (SIZE.0, 2.0), kind.cursor(report), None, &TextWidths::default())?;
    Ok(canvas)
}

/// The same PNG as a promised `Blob`, as the clipboard takes an image (`ClipboardItem`).
pub fn png_blob(kind: ChartKind, report: &Report) -> Result<js_sys::Promise, String> {
    let canvas = png_canvas(kind, report)?;
    Ok(js_sys::Promise::new(&mut |resolve, reject| {
        // `toBlob` hands over null when it cannot make one: the promise is then refused.
        let settle = move |blob: JsValue| {
            let _ = match blob.is_null() {
                true => reject.call1(&JsValue::NULL, &"no PNG".into()),
                false => resolve.call1(&JsValue::NULL, &blob),
            };
        };
        let done = wasm_bindgen::closure::Closure::once_into_js(settle);
        if canvas.to_blob(done.unchecked_ref()).is_err() {
            let _ = done.unchecked_ref::<js_sys::Function>().call1(&JsValue::NULL, &JsValue::NULL);
        }
    }))
}

/// The chart as an SVG document, drawn by the same code as the canvas, its text laid out in
/// fixed metrics so that `sitecost-render` writes the same file.
pub fn svg(kind: ChartKind, report: &Report) -> String {
    render_svg_measured::<CanvasSurface, _>(kind, report, &SansMetrics, SIZE.0)
}
