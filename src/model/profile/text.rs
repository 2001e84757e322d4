//! A profile as text: Texas's compiled-in seed year, and the tokens that carry a profile in links and files.

use std::cell::OnceCell;
use std::rc::Rc;

use super::{DurationCurve, PriceProfile};

/// Texas's seed prices, compiled in by `scripts/ercot_curve.py` (see its header for provenance).
///
/// Format: one line per calendar month in Central time, `<month> <count> <first> <deltas>`. The month's
/// prices are quantized to $0.1/MWh (0.0001 USD/kWh) as integers and sorted ascending; `<first>` is the
/// lowest in decimal, and each delta to the next price is one character of `0-9a-zA-Z` (0..61) or a
/// larger delta in decimal between parentheses, `(1234)`. Lines starting with `#` are comments.
const ERCOT_HB_WEST_2025: &str = include_str!("../ercot_hb_west_2025.txt");

/// Where Texas's seed profile comes from, shown in the UI.
pub const TEXAS_SEED_SOURCE: &str = "ERCOT real-time LMP at the West hub (HB_WEST), hourly, 2025, by calendar \
    month in Central time, quantized to $0.1/MWh; public copy: GitHub thewanderingbearkat/ercot-basis-tracker \
    at ae84e04 (Yes Energy data, no licence stated; the prices are ERCOT public market data, NP6-785)";

/// The digits of a delta character, 0..61, or `None` for a character outside the alphabet.
fn delta_digit(c: u8) -> Option<i64> {
    match c {
        b'0'..=b'9' => Some(i64::from(c - b'0')),
        b'a'..=b'z' => Some(i64::from(c - b'a') + 10),
        b'A'..=b'Z' => Some(i64::from(c - b'A') + 36),
        _ => None,
    }
}

/// One month's line: its month and its prices in tenths of USD/MWh; `None` when malformed.
fn parse_month_line(line: &str) -> Option<(u8, Vec<i64>)> {
    let mut fields = line.split(' ');
    let month: u8 = fields.next()?.parse().ok()?;
    let count: usize = fields.next()?.parse().ok()?;
    let first = fields.next()?.parse::<i64>().ok()?;
    let mut tenths_usd_per_mwh = vec![first];
    for delta in numbers(fields.next().unwrap_or(""))? {
        tenths_usd_per_mwh.push(tenths_usd_per_mwh[tenths_usd_per_mwh.len() - 1] + delta);
    }
    // An optional last field weighs each value: how many intervals a link's bucket stands for.
    let weighted = match fields.next() {
        Some(weights) => {
            let weights = numbers(weights)?;
            if weights.len() != tenths_usd_per_mwh.len() || weights.iter().any(|&w| w < 1) {
                return None;
            }
            tenths_usd_per_mwh.iter().zip(weights).flat_map(|(&v, w)| std::iter::repeat_n(v, w as usize)).collect()
        }
        None => tenths_usd_per_mwh.clone(),
    };
    (tenths_usd_per_mwh.len() == count && fields.next().is_none()).then_some((month, weighted))
}

/// The non-negative numbers of the compact format: one character of `0-9a-zA-Z` each, or a
/// larger one in decimal between parentheses; `None` when malformed.
fn numbers(text: &str) -> Option<Vec<i64>> {
    let bytes = text.as_bytes();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < bytes.len() {
        out.push(if bytes[i] == b'(' {
            let close = i + bytes[i..].iter().position(|&c| c == b')')?;
            let number = std::str::from_utf8(&bytes[i + 1..close]).ok()?.parse().ok()?;
            i = close + 1;
            number
        } else {
            i += 1;
            delta_digit(bytes[i - 1])?
        });
    }
    Some(out)
}

/// Appends a non-negative number in the compact format (see [`numbers`]).
fn push_number(out: &mut String, n: i64) {
    match usize::try_from(n).ok().and_then(|d| DELTA_DIGITS.get(d)) {
        Some(&c) => out.push(char::from(c)),
        None => out.push_str(&format!("({n})")),
    }
}

/// Parses the compiled text into twelve monthly curves; `None` when it is malformed.
fn parse_seed(text: &str) -> Option<PriceProfile> {
    let mut curves = Vec::with_capacity(12);
    for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (month, tenths_usd_per_mwh) = parse_month_line(line)?;
        if usize::from(month) != curves.len() + 1 {
            return None;
        }
        // Tenths of USD/MWh to USD/kWh: divide by 10 000.
        let prices_usd_per_kwh: Vec<f64> = tenths_usd_per_mwh.iter().map(|&t| t as f64 / 10_000.0).collect();
        curves.push(DurationCurve::from_prices(&prices_usd_per_kwh)?);
    }
    PriceProfile::from_curves(curves, TEXAS_SEED_SOURCE).filter(PriceProfile::is_monthly)
}

/// Texas's seed profile: ERCOT HB_WEST real-time hourly prices of 2025, twelve monthly curves.
///
/// Parsed once per thread and then shared: every call returns a clone of the same curves.
pub fn texas_seed_profile() -> PriceProfile {
    thread_local! {
        static SEED: OnceCell<PriceProfile> = const { OnceCell::new() };
    }
    SEED.with(|seed| {
        seed.get_or_init(|| parse_seed(ERCOT_HB_WEST_2025).expect("the compiled ERCOT curve parses")).clone()
    })
}

/// The token of Texas's seed profile in links and files.
pub const SEED_TOKEN: &str = "ercot-hb-west-2025";

/// Where an imported profile came from, once it is read back from a link or file.
pub const IMPORTED_SOURCE: &str = "Hourly prices imported by the user.";

/// A price in USD/kWh rounded to the $0.1/MWh (0.0001 USD/kWh) a profile keeps, so that a link or
/// file carries it exactly.
pub fn quantized_usd_per_kwh(price_usd_per_kwh: f64) -> f64 {
    (price_usd_per_kwh * 10_000.0).round() / 10_000.0
}

impl PriceProfile {
    /// The profile in links and files: [`SEED_TOKEN`] for Texas's seed, else its curves in the
    /// seed file's format made safe for a URL: `<month>_<count>_<first>_<deltas>` per curve
    /// (month 0 for a single curve), curves joined by `.`.
    pub fn to_token(&self) -> Rc<str> {
        self.tokens[0].get_or_init(|| self.token(usize::MAX).into()).clone()
    }

    /// The profile as a link carries it, short: each curve of more than [`LINK_BUCKETS`]
    /// intervals as that many quantile buckets, each holding its bucket's mean (kept to
    /// $0.1/MWh). The JSON file and the autosave carry the whole profile ([`PriceProfile::to_token`]).
    pub fn to_link_token(&self) -> Rc<str> {
        self.tokens[1].get_or_init(|| self.token(LINK_BUCKETS).into()).clone()
    }

    fn token(&self, buckets: usize) -> String {
        if *self == texas_seed_profile() {
            return SEED_TOKEN.to_string();
        }
        let monthly = self.is_monthly();
        let lines: Vec<String> = self
            .curves
            .iter()
            .enumerate()
            .map(|(i, curve)| {
                let buckets = weighted_buckets(curve.sorted_usd_per_kwh(), buckets);
                let tenths: Vec<i64> = buckets.iter().map(|b| (b.0 * 10_000.0).round() as i64).collect();
                let mut deltas = String::new();
                for pair in tenths.windows(2) {
                    push_number(&mut deltas, pair[1] - pair[0]);
                }
                let mut line = format!("{}_{}_{}_{deltas}", if monthly { i + 1 } else { 0 }, tenths.len(), tenths[0]);
                if buckets.iter().any(|b| b.1 > 1) {
                    line.push('_');
                    for b in &buckets {
                        push_number(&mut line, b.1 as i64);
                    }
                }
                line
            })
            .collect();
        lines.join(".")
    }

    /// The profile of a token written by [`PriceProfile::to_token`]; `None` when it is malformed.
    pub fn from_token(token: &str) -> Option<PriceProfile> {
        if token == SEED_TOKEN {
            return Some(texas_seed_profile());
        }
        let mut curves = Vec::new();
        for (i, line) in token.split('.').enumerate() {
            let (month, tenths) = parse_month_line(&line.replace('_', " "))?;
            let expected = if token.contains('.') { i + 1 } else { 0 };
            if usize::from(month) != expected {
                return None;
            }
            let prices: Vec<f64> = tenths.iter().map(|&t| t as f64 / 10_000.0).collect();
            curves.push(DurationCurve::from_prices(&prices)?);
        }
        PriceProfile::from_curves(curves, IMPORTED_SOURCE)
    }
}

/// How many quantile buckets a link keeps of each curve.
pub const LINK_BUCKETS: usize = 128;

/// Sorted prices as at most about `buckets` (mean, count) runs: runs of equal count, each cut
/// short where its prices would spread over more than 1/`buckets` of the whole range, so that a
/// jump in the prices (a block of negative hours, a spike) never shares a run. A curve of no
/// more than `buckets` prices is kept whole.
pub fn weighted_buckets(sorted: &[f64], buckets: usize) -> Vec<(f64, usize)> {
    if sorted.len() <= buckets {
        return sorted.iter().map(|&p| (p, 1)).collect();
    }
    let size = sorted.len().div_ceil(buckets);
    let spread = (sorted[sorted.len() - 1] - sorted[0]) / buckets as f64;
    let mut out = Vec::with_capacity(buckets + 16);
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start + 1;
        while end < sorted.len() && end - start < size && sorted[end] - sorted[start] <= spread {
            end += 1;
        }
        out.push((sorted[start..end].iter().sum::<f64>() / (end - start) as f64, end - start));
        start = end;
    }
    out
}

/// The delta characters of the compact format, 0..61.
const DELTA_DIGITS: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
