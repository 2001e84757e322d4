//! `CanvasSurface`: a plotters drawing backend on a 2D canvas that crosses into JavaScript as
//! little as it can — it sets a style only when it changes and strokes runs of lines as one path.
//!
//! plotters-canvas formats a colour string, sets stroke style, line width, font, alignment and
//! baseline for every line and label, and strokes each grid line on its own; each of those is a
//! call out of wasm, most with a string to decode. A chart draws the same few styles hundreds of
//! times, so remembering what the context already holds removes most of the calls.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use web_sys::CanvasRenderingContext2d;

use crate::chart::{css_font, text_box};

/// A colour as the context holds it, comparable without building its CSS string.
#[derive(Clone, Copy, PartialEq)]
struct Rgba(u8, u8, u8, f64);

impl From<BackendColor> for Rgba {
    fn from(c: BackendColor) -> Self {
        Rgba(c.rgb.0, c.rgb.1, c.rgb.2, c.alpha)
    }
}

impl Rgba {
    fn css(self) -> String {
        let Rgba(r, g, b, a) = self;
        if a >= 1.0 {
            format!("#{r:02x}{g:02x}{b:02x}")
        } else {
            format!("rgba({r},{g},{b},{a})")
        }
    }
}

/// A stroke or fill begun but not yet painted: consecutive lines (or rectangles) of one style
/// go into one path and are painted together when something else comes.
#[derive(Clone, Copy, PartialEq)]
enum Pending {
    None,
    Lines,
    Rects,
}

/// What the canvas context currently holds, so that unchanged state is not set again.
#[derive(Default)]
struct State {
    stroke: Option<(Rgba, u32)>,
    fill: Option<Rgba>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// Drawing errors on a canvas: the context refused a call (a path's arc, a transform).
#[derive(Debug)]
pub struct CanvasError(pub &'static str);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the canvas refused {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

type Result<T = ()> = std::result::Result<T, DrawingErrorKind<CanvasError>>;

/// A plotters backend drawing on `context` in a logical `size` (CSS pixels); the caller sets the
/// context's transform from logical to device pixels.
pub struct CanvasSurface {
    context: CanvasRenderingContext2d,
    size: (u32, u32),
    state: State,
    /// The context's font; a cell because measuring text (through `&self`) sets it too.
    font: RefCell<String>,
    pending: Pending,
    /// Where drawing lands when the caller has clipped the context to part of the canvas
    /// (see [`CanvasSurface::clipped`]): text anchored outside it is not drawn at all.
    clip: Option<(i32, i32, i32, i32)>,
    /// Text widths measured before, by font and text (see [`TextWidths`]).
    widths: TextWidths,
}

/// Widths of texts measured on a canvas, by CSS font and text, kept across a chart's drawings:
/// a chart measures every label each time it is drawn (to place it), and its labels seldom
/// change, while each `measureText` is a call out of wasm with a string to decode.
#[derive(Clone, Default)]
pub struct TextWidths(Rc<RefCell<HashMap<String, HashMap<String, f64>>>>);

impl TextWidths {
    /// Beyond this many texts in one font, the widths are forgotten (a long session of renamed
    /// regions).
    const MAX: usize = 1024;

    /// The width of `text` in `font`, measured by `measure` only the first time (the look-up
    /// itself allocates nothing).
    fn get_or_measure(&self, font: &str, text: &str, measure: impl FnOnce() -> Option<f64>) -> Option<f64> {
        if let Some(&width) = self.0.borrow().get(font).and_then(|widths| widths.get(text)) {
            return Some(width);
        }
        let width = measure()?;
        let mut fonts = self.0.borrow_mut();
        let widths = fonts.entry(font.to_string()).or_default();
        if widths.len() >= Self::MAX {
            widths.clear();
        }
        widths.insert(text.to_string(), width);
        Some(width)
    }
}

impl CanvasSurface {
    pub fn new(context: CanvasRenderingContext2d, size: (u32, u32)) -> Self {
        CanvasSurface {
            context,
            size,
            state: State::default(),
            font: RefCell::default(),
            pending: Pending::None,
            clip: None,
            widths: TextWidths::default(),
        }
    }

    /// Measures text through `widths`, which outlive this surface.
    pub fn with_widths(mut self, widths: TextWidths) -> Self {
        self.widths = widths;
        self
    }

    /// Draws only inside `rect` (left, top, right, bottom, in logical pixels, edges included):
    /// the context is clipped to it until the surface is dropped, so everything outside keeps
    /// what the canvas shows, and labels anchored outside it are not drawn at all.
    pub fn clipped(mut self, rect: (i32, i32, i32, i32)) -> Self {
        let (l, t, r, b) = rect;
        self.context.save();
        self.context.begin_path();
        self.context.rect(f64::from(l), f64::from(t), f64::from(r - l + 1), f64::from(b - t + 1));
        self.context.clip();
        self.clip = Some(rect);
        self
    }

    /// Paints the open path, if any.
    fn flush(&mut self) {
        match std::mem::replace(&mut self.pending, Pending::None) {
            Pending::None => {}
            Pending::Lines => self.context.stroke(),
            Pending::Rects => self.context.fill(),
        }
    }

    fn set_stroke(&mut self, color: Rgba, width: u32) {
        if self.state.stroke != Some((color, width)) {
            self.flush();
            if self.state.stroke.map(|s| s.0) != Some(color) {
                self.context.set_stroke_style_str(&color.css());
            }
            if self.state.stroke.map(|s| s.1) != Some(width) {
                self.context.set_line_width(f64::from(width));
            }
            self.state.stroke = Some((color, width));
        }
    }

    fn set_fill(&mut self, color: Rgba) {
        if self.state.fill != Some(color) {
            self.flush();
            self.context.set_fill_style_str(&color.css());
            self.state.fill = Some(color);
        }
    }

    /// Sets the context's font to `font` (CSS), unless it already is.
    fn set_font(&self, font: &str) {
        let mut current = self.font.borrow_mut();
        if *current != font {
            self.context.set_font(font);
            font.clone_into(&mut current);
        }
    }

    /// Starts (or continues) a path of `kind`, painted later by [`Self::flush`].
    fn open(&mut self, kind: Pending) {
        if self.pending != kind {
            self.flush();
            self.context.begin_path();
            self.pending = kind;
        }
    }
}

impl Drop for CanvasSurface {
    /// Lifts the clip of [`CanvasSurface::clipped`], however the drawing ended: the next drawing
    /// on this canvas starts from the whole of it.
    fn drop(&mut self) {
        if self.clip.is_some() {
            self.context.restore();
        }
    }
}

/// Moves a horizontal or vertical line onto the pixel grid's half positions, so that a 1 px
/// line covers one row of pixels instead of blurring over two.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for CanvasSurface {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_stroke(style.color().into(), style.stroke_width());
        self.open(Pending::Lines);
        let (a, b) = crisp(from, to);
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
        if fill {
            self.set_fill(style.color().into());
            self.open(Pending::Rects);
        } else {
            self.set_stroke(style.color().into(), style.stroke_width());
            self.open(Pending::Lines);
        }
        self.context.rect(x, y, w, h);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_stroke(style.color().into(), style.stroke_width());
        // A series is one path of its own: joining it to the previous lines would join their ends.
        self.flush();
        self.open(Pending::Lines);
        let mut points = path.into_iter();
        if let Some(start) = points.next() {
            self.context.move_to(f64::from(start.0), f64::from(start.1));
            for p in points {
                self.context.line_to(f64::from(p.0), f64::from(p.1));
            }
        }
        self.flush();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(style.color().into());
        self.flush();
        self.open(Pending::Rects);
        let mut points = vert.into_iter();
        if let Some(start) = points.next() {
            self.context.move_to(f64::from(start.0), f64::from(start.1));
            for p in points {
                self.context.line_to(f64::from(p.0), f64::from(p.1));
            }
            self.context.close_path();
        }
        self.flush();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let kind = if fill {
            self.set_fill(style.color().into());
            Pending::Rects
        } else {
            self.set_stroke(style.color().into(), style.stroke_width());
            Pending::Lines
        };
        self.open(kind);
        let (x, y, r) = (f64::from(center.0), f64::from(center.1), f64::from(radius));
        // A sub-path of its own, so that the arc does not join the previous shape.
        self.context.move_to(x + r, y);
        self.context
            .arc(x, y, r, 0.0, std::f64::consts::TAU)
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError("an arc")))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result {
        let color = style.color();
        let outside = self.clip.is_some_and(|(l, t, r, b)| pos.0 < l || pos.0 > r || pos.1 < t || pos.1 > b);
        if color.alpha == 0.0 || outside {
            return Ok(());
        }
        self.flush();
        self.set_fill(color.into());
        self.set_font(&css_font(style));
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.state.align != Some(align) {
            self.context.set_text_align(align);
            self.state.align = Some(align);
        }
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.state.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            self.state.baseline = Some(baseline);
        }
        let turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.25,
            FontTransform::Rotate180 => 0.5,
            FontTransform::Rotate270 => 0.75,
        };
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        let refused = |_| DrawingErrorKind::DrawingError(CanvasError("a label"));
        if turns == 0.0 {
            return self.context.fill_text(text, x, y).map_err(refused);
        }
        // Rotated labels (an axis title) are rare: save and restore the transform around them.
        self.context.save();
        let drawn = self
            .context
            .translate(x, y)
            .and_then(|()| self.context.rotate(turns * std::f64::consts::TAU))
            .and_then(|()| self.context.fill_text(text, 0.0, 0.0));
        self.context.restore();
        drawn.map_err(refused)
    }

    /// The width `measureText` gives, in the box every backend of the page uses.
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        let font = css_font(style);
        let width = self.widths.get_or_measure(&font, text, || {
            self.set_font(&font);
            self.context.measure_text(text).ok().map(|m| m.width())
        });
        Ok(text_box(text, style, width))
    }
}
