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

mod text;
pub use text::{
    quantized_usd_per_kwh, texas_seed_profile, weighted_buckets, IMPORTED_SOURCE, LINK_BUCKETS, SEED_TOKEN,
    TEXAS_SEED_SOURCE,
};

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
