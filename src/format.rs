//! Number formatting for people: thousands separators, fixed decimals and a true minus sign.
//!
//! Shared by the table and the chart axes so that the same number reads the same everywhere.

/// Formats with `decimals` digits after the point, commas between thousands and U+2212
/// for negatives. Non-finite values, which the model never produces
/// from validated input, are shown as an em dash rather than `NaN`.
pub fn grouped(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "\u{2014}".to_string();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(text.len() + 4);
    // Rounding can turn a tiny negative into zero; "−0" would read as a loss.
    if value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('\u{2212}');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Formats an axis tick compactly: 1 500 000 as "1.5M", 12 000 as "12k", 0.045 as "0.045".
pub fn compact(value: f64) -> String {
    let abs = value.abs();
    let (scaled, suffix) = if abs >= 1e6 {
        (value / 1e6, "M")
    } else if abs >= 1e4 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    let decimals = match scaled.abs() {
        a if a == 0.0 || a >= 100.0 => 0,
        a if a >= 10.0 => 1,
        a if a >= 1.0 => 2,
        _ => 3,
    };
    let mut text = grouped(scaled, decimals);
    if text.contains('.') {
        let trimmed = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(trimmed);
    }
    text + suffix
}

/// The smallest "nice" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) at or above `value`.
pub fn nice_ceil(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 1.0;
    }
    let scale = 10f64.powf(value.log10().floor());
    let m = value / scale;
    let nice =
        [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0].into_iter().find(|&n| n >= m - 1e-9).unwrap_or(10.0);
    nice * scale
}
