//! Interval power prices as CSV: the import preview (every row checked, nothing applied) for a region's price profile.
//!
//! Columns: one price column, `usd_per_kwh` or `usd_per_mwh` (divided by 1 000; `usd_per_kwh`
//! wins when both are there), and an optional `timestamp`. Header names match
//! case-insensitively, spaces trimmed; other columns are ignored. The rows are equal intervals
//! (hours, quarter-hours...): their order and length do not matter, only how many there are.
//! Rows whose every field is blank (`,,` from a spreadsheet) are skipped like blank lines.

use super::csv;

/// The fewest valid rows a profile may have: one day of hours.
pub const MIN_ROWS: usize = 24;
/// The largest price allowed either side of zero, USD/kWh: beyond it a row is a typo or a
/// unit mix-up (MWh written as kWh), not a market price.
pub const MAX_ABS_USD_PER_KWH: f64 = 10.0;
/// The price above which an interval counts in [`PricePreview::share_above_0_10`], USD/kWh.
pub const HIGH_USD_PER_KWH: f64 = 0.10;

const KWH: &str = "usd_per_kwh";
const MWH: &str = "usd_per_mwh";
const TIMESTAMP: &str = "timestamp";

/// A profile's intervals as imported: each one's calendar month (1–12) when the data has
/// timestamps, and its price in USD/kWh.
pub type PriceRows = Vec<(Option<u8>, f64)>;

/// What is wrong with a price CSV: the 1-based line of the record it is about (where the record
/// starts), or `None` when it is about the file as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceProblem {
    pub line: Option<usize>,
    pub text: String,
}

/// What an import would give a region, computed and never applied. The statistics are over the
/// valid rows (0 when there are none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PricePreview {
    /// The valid rows, in file order.
    pub rows: PriceRows,
    /// Every problem: the file's own (too few valid rows) first, then each line's in file order.
    pub problems: Vec<PriceProblem>,
    /// How many valid rows (intervals) there are.
    pub count: usize,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
    /// The fraction (0–1) of intervals priced above [`HIGH_USD_PER_KWH`].
    pub share_above_0_10: f64,
    /// Whether the file has a `timestamp` column, so that each month gets its own curve.
    pub timestamped: bool,
}

impl PricePreview {
    /// Whether the file can be confirmed as it is: no problem at all.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }

    fn with_problem(line: Option<usize>, text: impl Into<String>) -> Self {
        PricePreview { problems: vec![PriceProblem { line, text: text.into() }], ..Self::default() }
    }
}

/// Checks a price CSV, changing nothing: every bad row is listed with its line, and the
/// statistics describe the rows that are good.
pub fn preview(text: &str) -> PricePreview {
    let records: Vec<csv::Record> = match csv::parse(text) {
        Ok(r) => r.into_iter().filter(|r| r.fields.iter().any(|f| !f.trim().is_empty())).collect(),
        Err(e) => return PricePreview::with_problem(Some(e.line), format!("the CSV cannot be read: {}", e.message)),
    };
    let Some((header, data)) = records.split_first() else {
        return PricePreview::with_problem(None, "the CSV is empty: it needs a header row and at least 24 price rows");
    };
    let column = |name: &str| header.fields.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    // Prices per MWh are divided by 1 000 (not multiplied by 0.001, which would not give the
    // nearest double): "30" per MWh is then exactly the 0.03 per kWh a reader would write.
    let (price_col, price_name, divisor) = match (column(KWH), column(MWH)) {
        (Some(c), _) => (c, KWH, 1.0),
        (None, Some(c)) => (c, MWH, 1000.0),
        (None, None) => {
            return PricePreview::with_problem(
                Some(header.line),
                "no price column: the header needs usd_per_kwh or usd_per_mwh",
            )
        }
    };
    let time_col = column(TIMESTAMP);
    let mut rows = Vec::with_capacity(data.len());
    let mut problems = Vec::new();
    for record in data {
        let cell = |col: usize| record.fields.get(col).map_or("", |s| s.trim());
        let mut problem = |text: String| problems.push(PriceProblem { line: Some(record.line), text });
        let price = match cell(price_col) {
            "" => {
                problem(format!("{price_name} is empty"));
                None
            }
            written => match written.parse::<f64>() {
                Ok(v) if v.is_finite() && (v / divisor).abs() <= MAX_ABS_USD_PER_KWH => Some(v / divisor),
                Ok(v) if v.is_finite() => {
                    let bound = if price_name == KWH { "±$10/kWh" } else { "±$10,000/MWh (±$10/kWh)" };
                    problem(format!("{price_name} \u{201c}{written}\u{201d} is beyond {bound}"));
                    None
                }
                _ => {
                    problem(format!("{price_name} \u{201c}{written}\u{201d} is not a number"));
                    None
                }
            },
        };
        let month = match time_col.map(cell) {
            None => Some(None),
            Some(written) => match month_of(written) {
                Some(m) => Some(Some(m)),
                None => {
                    problem(format!(
                        "timestamp \u{201c}{written}\u{201d} is not ISO 8601 \
                         (YYYY-MM-DDTHH:MM[:SS][Z|\u{b1}HH:MM] or YYYY-MM-DD HH:MM[:SS])"
                    ));
                    None
                }
            },
        };
        if let (Some(price), Some(month)) = (price, month) {
            rows.push((month, price));
        }
    }
    if rows.len() < MIN_ROWS {
        let n = rows.len();
        problems.insert(
            0,
            PriceProblem {
                line: None,
                text: format!(
                    "{n} valid price row{}: a profile needs at least {MIN_ROWS}",
                    if n == 1 { "" } else { "s" }
                ),
            },
        );
    }
    let count = rows.len();
    let (mut sum, mut min, mut max, mut high) = (0.0, f64::INFINITY, f64::NEG_INFINITY, 0usize);
    for &(_, p) in &rows {
        sum += p;
        min = min.min(p);
        max = max.max(p);
        high += usize::from(p > HIGH_USD_PER_KWH);
    }
    let per_row = |x: f64| if count == 0 { 0.0 } else { x / count as f64 };
    PricePreview {
        count,
        mean: per_row(sum),
        min: if count == 0 { 0.0 } else { min },
        max: if count == 0 { 0.0 } else { max },
        share_above_0_10: per_row(high as f64),
        timestamped: time_col.is_some(),
        rows,
        problems,
    }
}

/// The calendar month (1–12) of an ISO 8601 date and time, `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` or
/// `YYYY-MM-DD HH:MM[:SS]`, or `None` when the text is not one (a date that does not exist
/// included).
///
/// The month is taken as written, that is local to the data: an offset is checked but not
/// applied, so an hour just after midnight on the first of a month stays in that month, as the
/// market that priced it counted it. Parsed here rather than with a date crate because only
/// the month is used.
pub fn month_of(text: &str) -> Option<u8> {
    let b = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = b.get(range)?;
        digits.iter().all(u8::is_ascii_digit).then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute) = (number(11..13)?, number(14..16)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || b.get(13) != Some(&b':') {
        return None;
    }
    let with_zone = match b.get(10) {
        Some(b'T') => true,
        Some(b' ') => false,
        _ => return None,
    };
    let mut rest = &b[16..];
    if let [b':', ..] = rest {
        if number(17..19)? > 59 {
            return None;
        }
        rest = &rest[3..];
    }
    let zone_ok = match rest {
        [] => true,
        [b'Z'] => with_zone,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            let two = |a: &u8, b: &u8| (a.is_ascii_digit() && b.is_ascii_digit()).then(|| (a - b'0') * 10 + (b - b'0'));
            with_zone && two(h1, h2).is_some_and(|h| h <= 23) && two(m1, m2).is_some_and(|m| m <= 59)
        }
        _ => false,
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (zone_ok && (1..=days).contains(&day) && hour <= 23 && minute <= 59).then_some(month as u8)
}
