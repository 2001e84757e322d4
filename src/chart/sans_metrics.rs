//! Text widths for SVG files: Helvetica's advance widths (which Arial and Liberation Sans share),
//! so that the page's SVG downloads and `sitecost-render` lay labels out identically.

use super::measured::TextMeasure;

/// Advance widths of the printable ASCII characters from space (0x20) to `~` (0x7e), in
/// thousandths of an em (Adobe's Helvetica font metrics).
const ASCII_PER_MILLE: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];

/// Widths of the other characters the charts write, and a digit's width for any else.
fn other_per_mille(c: char) -> u16 {
    match c {
        '\u{2026}' | '\u{2014}' => 1000,                          // … —
        '\u{2212}' | '\u{00d7}' => 584,                           // − ×
        '\u{2013}' | '\u{20ac}' => 556,                           // – €
        '\u{00b0}' => 400,                                        // °
        '\u{00b7}' | '\u{2009}' | '\u{202f}' | '\u{00a0}' => 278, // · and narrow spaces
        '\u{2018}' | '\u{2019}' => 222,                           // ‘ ’
        '\u{201c}' | '\u{201d}' => 333,                           // “ ”
        _ => 556,
    }
}

/// Measures text as Helvetica: deterministic, the same natively and in every browser.
pub struct SansMetrics;

impl SansMetrics {
    /// The width of `text` at `size_px`, in pixels.
    pub fn width_px(text: &str, size_px: f64) -> f64 {
        let per_mille: u32 = text
            .chars()
            .map(|c| match c {
                ' '..='~' => u32::from(ASCII_PER_MILLE[c as usize - 0x20]),
                _ => u32::from(other_per_mille(c)),
            })
            .sum();
        f64::from(per_mille) * size_px / 1000.0
    }
}

impl TextMeasure for SansMetrics {
    /// The font's size is its `Npx` word (`normal 12px sans-serif`); its family and weight are
    /// not told apart, since every chart writes in one font.
    fn text_width(&self, text: &str, css_font: &str) -> Option<f64> {
        let size = css_font.split_whitespace().find_map(|w| w.strip_suffix("px")?.parse::<f64>().ok())?;
        Some(Self::width_px(text, size))
    }
}
