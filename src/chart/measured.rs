//! A drawing-backend wrapper that measures text with a caller-supplied measure and can report a
//! logical size smaller than the pixels behind it (for high-density and 2× exports).
//!
//! On the web plotters measures a label by adding a `<span>` with a `style` attribute to the
//! page and reading its size: a forced layout per label (4–8 ms per chart) and, under our
//! Content-Security-Policy, a refused inline style. The UI supplies a measure built on canvas
//! `measureText`, which does neither; native code needs no wrapper.

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

/// Measures the width of text in a CSS font such as `normal 12px sans-serif`.
pub trait TextMeasure {
    fn text_width(&self, text: &str, css_font: &str) -> Option<f64>;
}

/// `inner` with text measured by `measure`, and optionally a logical size to lay out in.
pub struct Measured<'m, B, M> {
    pub inner: B,
    pub measure: &'m M,
    /// The size plotters lays the chart out in; `None` means the backend's own size. The caller
    /// scales the drawing surface so that this size fills it.
    pub logical_size: Option<(u32, u32)>,
}

type Error<B> = DrawingErrorKind<<B as DrawingBackend>::ErrorType>;

impl<B: DrawingBackend, M: TextMeasure> DrawingBackend for Measured<'_, B, M> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.logical_size.unwrap_or_else(|| self.inner.get_size())
    }

    fn ensure_prepared(&mut self) -> Result<(), Error<B>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Error<B>> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Error<B>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), Error<B>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Error<B>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Error<B>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Error<B>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Error<B>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), Error<B>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), Error<B>> {
        Ok(text_box(text, style, self.measure.text_width(text, &css_font(style))))
    }
}

/// The CSS font of a text style, as canvas `measureText` and `fillText` want it.
pub fn css_font(style: &impl BackendTextStyle) -> String {
    format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str())
}

/// The box plotters lays a label out in: the measured width (or 0.6 em per character when the
/// measure failed) and the font size times a line height of 1.2 (what plotters' span gave).
pub fn text_box(text: &str, style: &impl BackendTextStyle, width: Option<f64>) -> (u32, u32) {
    let size = style.size();
    let width = width.unwrap_or(text.chars().count() as f64 * size * 0.6);
    (width.ceil() as u32, (size * 1.2).ceil() as u32)
}
