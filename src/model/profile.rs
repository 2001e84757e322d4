//! Hourly power-price profiles as sorted duration curves: what a flexible site mines, and what it pays.
//!
//! While the hashprice is constant only the distribution of a region's prices matters, not their order,
//! so a profile keeps each set of interval prices sorted ascending with prefix sums. Every question the
//! economics asks (the gain of mining below a threshold, the share of intervals mined, the threshold that
//! earns a given gain) is then a binary search, O(log n) whatever the profile's length. A site mines an
//! interval exactly when its price plus a uniform `shift` (which moves the profile's mean and keeps its
//! shape) is below the threshold, R / 24 000 − levy, in USD/kWh.

use std::cell::OnceCell;
use std::rc::Rc;

/// One set of interval prices as a duration curve: sorted ascending, with prefix sums, in USD/kWh.
///
/// The data sits behind an [`Rc`], so a clone costs a reference count and two curves built from the same
/// data compare equal at the cost of a pointer comparison.
#[derive(Clone, Debug)]
pub struct DurationCurve {
    data: Rc<CurveData>,
}

#[derive(Debug, PartialEq)]
struct CurveData {
    /// Interval prices sorted ascending, USD/kWh.
    sorted_usd_per_kwh: Vec<f64>,
    /// `prefix_usd_per_kwh[k]` is the sum of the `k` lowest prices, USD/kWh; one longer than the prices.
    prefix_usd_per_kwh: Vec<f64>,
}

impl PartialEq for DurationCurve {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data) || self.data == other.data
    }
}

/// What a site mines against a duration curve at one threshold, before uptime.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mined {
    /// The fraction of intervals mined, 0..=1.
    pub share: f64,
    /// The mean price paid over the mined intervals (price + shift), USD/kWh; `None` when none is mined.
    pub mean_price_usd_per_kwh: Option<f64>,
}

impl DurationCurve {
    /// A curve from interval prices in any order, USD/kWh; `None` when there is no price or one is not
    /// finite.
    pub fn from_prices(prices_usd_per_kwh: &[f64]) -> Option<Self> {
        if prices_usd_per_kwh.is_empty() || !prices_usd_per_kwh.iter().all(|p| p.is_finite()) {
            return None;
        }
        let mut sorted_usd_per_kwh = prices_usd_per_kwh.to_vec();
        sorted_usd_per_kwh.sort_by(f64::total_cmp);
        let prefix_usd_per_kwh = std::iter::once(0.0)
            .chain(sorted_usd_per_kwh.iter().scan(0.0, |sum, p| {
                *sum += p;
                Some(*sum)
            }))
            .collect();
        Some(Self { data: Rc::new(CurveData { sorted_usd_per_kwh, prefix_usd_per_kwh }) })
    }

    /// The number of intervals, ≥ 1.
    pub fn len(&self) -> usize {
        self.data.sorted_usd_per_kwh.len()
    }

    /// Always false: a curve holds at least one interval (clippy asks for it beside `len`).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The prices sorted ascending, USD/kWh: the duration curve itself, lowest first.
    pub fn sorted_usd_per_kwh(&self) -> &[f64] {
        &self.data.sorted_usd_per_kwh
    }

    /// The sum of all prices, USD/kWh (interval-weighted: each interval counts once).
    pub fn sum_usd_per_kwh(&self) -> f64 {
        self.data.prefix_usd_per_kwh[self.len()]
    }

    /// The mean price over all intervals, USD/kWh.
    pub fn mean_usd_per_kwh(&self) -> f64 {
        self.sum_usd_per_kwh() / self.len() as f64
    }

    /// The lowest price, USD/kWh.
    pub fn min(&self) -> f64 {
        self.data.sorted_usd_per_kwh[0]
    }

    /// The highest price, USD/kWh.
    pub fn max(&self) -> f64 {
        self.data.sorted_usd_per_kwh[self.len() - 1]
    }

    /// How many intervals are mined: those whose price + shift is below the threshold (all USD/kWh).
    fn mined_count(&self, threshold_usd_per_kwh: f64, shift_usd_per_kwh: f64) -> usize {
        // Rounded addition is monotone in the price, so the predicate partitions the sorted prices.
        self.data.sorted_usd_per_kwh.partition_point(|&p| p + shift_usd_per_kwh < threshold_usd_per_kwh)
    }

    /// The mean over all intervals of max(threshold − (price + shift), 0), USD/kWh: what mining below the
    /// threshold earns per kWh of capacity, averaged over the curve. With threshold = R / 24 000 − levy it
    /// is the energy margin per kWh before uptime and opex.
    pub fn gain_usd_per_kwh(&self, threshold_usd_per_kwh: f64, shift_usd_per_kwh: f64) -> f64 {
        let k = self.mined_count(threshold_usd_per_kwh, shift_usd_per_kwh);
        let paid_usd_per_kwh = self.data.prefix_usd_per_kwh[k] + k as f64 * shift_usd_per_kwh;
        ((k as f64 * threshold_usd_per_kwh - paid_usd_per_kwh) / self.len() as f64).max(0.0)
    }

    /// The share of intervals mined at a threshold and the mean price paid in them (all USD/kWh).
    pub fn mined(&self, threshold_usd_per_kwh: f64, shift_usd_per_kwh: f64) -> Mined {
        let k = self.mined_count(threshold_usd_per_kwh, shift_usd_per_kwh);
        Mined {
            share: k as f64 / self.len() as f64,
            mean_price_usd_per_kwh: (k > 0).then(|| self.data.prefix_usd_per_kwh[k] / k as f64 + shift_usd_per_kwh),
        }
    }

    /// The smallest threshold t, USD/kWh, with `gain_usd_per_kwh(t, shift) ≥ gain`: the inverse of the
    /// gain in the threshold. A gain ≤ 0 gives the lowest price + shift, below which nothing is mined.
    ///
    /// The gain is piecewise linear in t with a kink at each price + shift; a binary search finds the
    /// segment and a linear solve the point, so an all-in break-even (gain = opex per day / (24 000 × u))
    /// is exact.
    pub fn threshold_for_gain(&self, gain_usd_per_kwh: f64, shift_usd_per_kwh: f64) -> f64 {
        let sorted = &self.data.sorted_usd_per_kwh;
        let prefix = &self.data.prefix_usd_per_kwh;
        let n = self.len();
        // Gain, times n, at the kink of price j (shift left out): j × p_j − (sum of the j lowest).
        let scaled_gain_at = |j: usize| j as f64 * sorted[j] - prefix[j];
        let target = gain_usd_per_kwh * n as f64;
        if gain_usd_per_kwh.is_nan() || target <= 0.0 {
            return sorted[0] + shift_usd_per_kwh;
        }
        // k = the number of kinks whose gain is still below the target (≥ 1, since the first kink's is 0);
        // past kink k − 1 the gain rises with slope k / n.
        let (mut low, mut high) = (1, n);
        while low < high {
            let mid = low + (high - low) / 2;
            if scaled_gain_at(mid) < target {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let k = low;
        let mut price_usd_per_kwh = (target + prefix[k]) / k as f64;
        // Rounding must not carry the solution out of its segment.
        price_usd_per_kwh = price_usd_per_kwh.max(sorted[k - 1]);
        if k < n {
            price_usd_per_kwh = price_usd_per_kwh.min(sorted[k]);
        }
        price_usd_per_kwh + shift_usd_per_kwh
    }
}

/// A region's interval prices: one duration curve for every month, or one per calendar month.
#[derive(Clone, Debug)]
pub struct PriceProfile {
    /// One curve (every month) or twelve (January..December), shared by every clone (a scenario
    /// is cloned on every change).
    curves: Rc<[DurationCurve]>,
    /// Every interval of the year in one curve: what the snapshot figures use.
    year: DurationCurve,
    /// The mean over all intervals of all curves, USD/kWh.
    mean_usd_per_kwh: f64,
    /// The number of intervals over all curves.
    count: usize,
    /// Where the prices came from, shown in the UI.
    source: Rc<str>,
    /// The tokens once written (whole, and for a link), shared by every clone: a link is
    /// encoded on every change, and a profile's token costs O(n).
    tokens: Rc<[OnceCell<Rc<str>>; 2]>,
}

impl PartialEq for PriceProfile {
    /// Equal by content; cheap when the curves are shared, since each compares its pointer first.
    fn eq(&self, other: &Self) -> bool {
        self.count == other.count
            && (Rc::ptr_eq(&self.source, &other.source) || self.source == other.source)
            && (Rc::ptr_eq(&self.curves, &other.curves) || self.curves == other.curves)
    }
}

impl PriceProfile {
    /// A profile from (calendar month 1..=12 if the row is timestamped, price USD/kWh) rows: twelve
    /// monthly curves when every row has a month and every month has at least one row, else one curve
    /// of all rows. `None` when there is no row or a price is not finite. A month outside 1..=12 counts
    /// as no month.
    pub fn from_series(rows: &[(Option<u8>, f64)], source: &str) -> Option<Self> {
        let mut by_month: Vec<Vec<f64>> = vec![Vec::new(); 12];
        let mut timestamped = true;
        for &(month, price_usd_per_kwh) in rows {
            match month.filter(|m| (1..=12).contains(m)) {
                Some(m) => by_month[usize::from(m) - 1].push(price_usd_per_kwh),
                None => timestamped = false,
            }
        }
        let curves = if timestamped && by_month.iter().all(|prices| !prices.is_empty()) {
            by_month.iter().map(|prices| DurationCurve::from_prices(prices)).collect::<Option<Vec<_>>>()?
        } else {
            let prices: Vec<f64> = rows.iter().map(|&(_, p)| p).collect();
            vec![DurationCurve::from_prices(&prices)?]
        };
        Self::from_curves(curves, source)
    }

    /// A profile from ready curves: one (every month) or twelve (January..December); `None` otherwise.
    pub fn from_curves(curves: Vec<DurationCurve>, source: &str) -> Option<Self> {
        if curves.len() != 1 && curves.len() != 12 {
            return None;
        }
        let count = curves.iter().map(DurationCurve::len).sum();
        let sum_usd_per_kwh: f64 = curves.iter().map(DurationCurve::sum_usd_per_kwh).sum();
        let year = match curves.as_slice() {
            [one] => one.clone(),
            _ => {
                let all: Vec<f64> = curves.iter().flat_map(|c| c.sorted_usd_per_kwh().iter().copied()).collect();
                DurationCurve::from_prices(&all)?
            }
        };
        Some(Self {
            mean_usd_per_kwh: sum_usd_per_kwh / count as f64,
            count,
            curves: curves.into(),
            year,
            source: Rc::from(source),
            tokens: Rc::default(),
        })
    }

    /// The curves: one for every month, or twelve, January..December.
    pub fn curves(&self) -> &[DurationCurve] {
        &self.curves
    }

    /// Every interval of the year in one curve, for the snapshot figures.
    pub fn year(&self) -> &DurationCurve {
        &self.year
    }

    /// Whether the profile keeps one curve per calendar month.
    pub fn is_monthly(&self) -> bool {
        self.curves.len() == 12
    }

    /// The curve of a calendar month (1..=12, clamped); the only curve when there is one.
    pub fn curve_for_month(&self, month: u8) -> &DurationCurve {
        if self.is_monthly() {
            &self.curves[usize::from(month.clamp(1, 12)) - 1]
        } else {
            &self.curves[0]
        }
    }

    /// The mean over all intervals, USD/kWh (each interval counts once, whichever month it is in).
    pub fn mean_usd_per_kwh(&self) -> f64 {
        self.mean_usd_per_kwh
    }

    /// The number of intervals over all curves.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Where the prices came from, for the UI.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Texas's seed prices, compiled in by `scripts/ercot_curve.py` (see its header for provenance).
///
/// Format: one line per calendar month in Central time, `<month> <count> <first> <deltas>`. The month's
/// prices are quantized to $0.1/MWh (0.0001 USD/kWh) as integers and sorted ascending; `<first>` is the
/// lowest in decimal, and each delta to the next price is one character of `0-9a-zA-Z` (0..61) or a
/// larger delta in decimal between parentheses, `(1234)`. Lines starting with `#` are comments.
const ERCOT_HB_WEST_2025: &str = include_str!("ercot_hb_west_2025.txt");

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
