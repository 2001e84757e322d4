//! The mining formulas, each with its units; every function is pure and total on validated inputs.
//!
//! Symbols: hashprice HP in USD per PH/s per day, fleet efficiency E in J/TH, overhead factor
//! PUE ≥ 1 (facility power over miner power), pool fee f as a fraction, power price p in USD/kWh,
//! uptime u as a fraction of hours the site has power, levy L in USD/kWh, opex O in USD per
//! MW-month.

use super::profile::{DurationCurve, Mined};

/// Kilowatt-hours a megawatt draws in a day: 1 000 kW × 24 h.
pub const KWH_PER_MW_DAY: f64 = 24_000.0;

/// Hashrate that one MW of facility power runs, in PH/s: 1000 / (E × PUE).
///
/// One MW of facility power leaves 10⁶ / PUE watts for miners, which at E joules per TH
/// hash 10⁶ / (E × PUE) TH/s, that is 1000 / (E × PUE) PH/s.
pub fn hashrate_ph_s_per_mw(efficiency_j_per_th: f64, pue: f64) -> f64 {
    1000.0 / (efficiency_j_per_th * pue)
}

/// Days in an average month of the Julian year, 365.25 / 12: the month of opex and of the projection.
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// Revenue of one MW of facility power over a day of power, in USD per MW-day:
/// R = 1000 / (E × PUE) × HP × (1 − f).
pub fn revenue_usd_per_mw_day(hashprice_usd_per_ph_day: f64, efficiency_j_per_th: f64, pue: f64, pool_fee: f64) -> f64 {
    hashrate_ph_s_per_mw(efficiency_j_per_th, pue) * hashprice_usd_per_ph_day * (1.0 - pool_fee)
}

/// A site's running costs: what the all-in margin and break-evens need besides revenue.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteCosts {
    /// Power price p, USD/kWh: the flat price, or the mean the hourly profile is shifted to.
    pub price_usd_per_kwh: f64,
    /// Levy L on the power used, USD/kWh, paid on top of the price.
    pub levy_usd_per_kwh: f64,
    /// Effective uptime u: the fraction of all hours with power (see [`effective_uptime`]).
    pub uptime: f64,
    /// Opex O, USD per MW-month, owed whether or not the machines run.
    pub opex_usd_per_mw_month: f64,
    /// A demand-response credit C, USD per MW-year, earned for being able to switch off; zero for
    /// a flat price (see [`Region::costs`](super::region::Region::costs)).
    pub dr_credit_usd_per_mw_year: f64,
    /// The hourly profile's prices as a duration curve and the profile's own mean over the year
    /// (USD/kWh); every interval is shifted by p − that mean. `None` for a flat price.
    pub profile: Option<(DurationCurve, f64)>,
}

impl SiteCosts {
    /// A site with one price in every hour.
    pub fn flat(price_usd_per_kwh: f64, levy_usd_per_kwh: f64, uptime: f64, opex_usd_per_mw_month: f64) -> Self {
        SiteCosts {
            price_usd_per_kwh,
            levy_usd_per_kwh,
            uptime,
            opex_usd_per_mw_month,
            dr_credit_usd_per_mw_year: 0.0,
            profile: None,
        }
    }

    /// Opex per calendar day, USD per MW-day: O / (365.25 / 12).
    pub fn opex_usd_per_mw_day(&self) -> f64 {
        self.opex_usd_per_mw_month / DAYS_PER_MONTH
    }

    /// What the site owes per calendar day whether or not it mines, USD per MW-day: the opex less
    /// the demand-response credit, O / (365.25 / 12) − C / 365.25.
    pub fn fixed_usd_per_mw_day(&self) -> f64 {
        self.opex_usd_per_mw_day() - self.dr_credit_usd_per_mw_year / (12.0 * DAYS_PER_MONTH)
    }

    /// The price a kWh of hashing must beat, USD/kWh: R / 24 000 − L.
    pub fn threshold_usd_per_kwh(&self, revenue_usd_per_mw_day: f64) -> f64 {
        revenue_usd_per_mw_day / KWH_PER_MW_DAY - self.levy_usd_per_kwh
    }

    /// Mean over all hours of max(threshold − price, 0), USD/kWh: what mining earns per kWh of
    /// capacity before uptime and opex. Flat: max(t − p, 0); with a profile, the curve's gain with
    /// every interval shifted by p − its mean.
    pub fn gain_usd_per_kwh(&self, threshold_usd_per_kwh: f64) -> f64 {
        self.gain_at_price_usd_per_kwh(threshold_usd_per_kwh, self.price_usd_per_kwh)
    }

    /// [`SiteCosts::gain_usd_per_kwh`] as if the (mean) price were `price_usd_per_kwh`: what the
    /// sensitivity map asks cell by cell.
    pub fn gain_at_price_usd_per_kwh(&self, threshold_usd_per_kwh: f64, price_usd_per_kwh: f64) -> f64 {
        match &self.profile {
            None => (threshold_usd_per_kwh - price_usd_per_kwh).max(0.0),
            Some((curve, mean)) => curve.gain_usd_per_kwh(threshold_usd_per_kwh, price_usd_per_kwh - mean),
        }
    }

    /// The share of hours mined and the mean price paid in them at a threshold (before uptime).
    pub fn mined(&self, threshold_usd_per_kwh: f64) -> Mined {
        match &self.profile {
            None if self.price_usd_per_kwh < threshold_usd_per_kwh => {
                Mined { share: 1.0, mean_price_usd_per_kwh: Some(self.price_usd_per_kwh) }
            }
            None => Mined { share: 0.0, mean_price_usd_per_kwh: None },
            Some((curve, mean)) => curve.mined(threshold_usd_per_kwh, self.price_usd_per_kwh - mean),
        }
    }

    /// The smallest threshold at which the gain reaches `gain_usd_per_kwh`, at this price: p + g
    /// flat, the curve's inverse otherwise.
    fn threshold_for_gain(&self, gain_usd_per_kwh: f64) -> f64 {
        match &self.profile {
            None => self.price_usd_per_kwh + gain_usd_per_kwh.max(0.0),
            Some((curve, mean)) => curve.threshold_for_gain(gain_usd_per_kwh, self.price_usd_per_kwh - mean),
        }
    }

    /// The gain per kWh that pays the fixed costs at this uptime, USD/kWh: (O / D − C / 365.25) /
    /// (u × 24 000); at most zero when the credit pays the opex.
    fn gain_paying_opex(&self) -> f64 {
        self.fixed_usd_per_mw_day() / (self.uptime * KWH_PER_MW_DAY)
    }
}

/// The all-in margin of one MW of facility power over a calendar day, in USD per MW-day:
/// u × 24 000 × G − O / (365.25 / 12) + C / 365.25, where G is the mean over all hours of
/// max(R / 24 000 − L − price, 0) ([`SiteCosts::gain_usd_per_kwh`]) and C the demand-response
/// credit per year (hourly prices only). With a flat price this is
/// u × max(R − 24 000 × (p + L), 0) − O / D.
///
/// Downtime scales revenue and the energy bill alike, because a site without power neither
/// hashes nor pays for energy. A site mines in an hour exactly when the hour's price plus the
/// levy is below what a kWh of hashing earns; otherwise its machines are off, and it still pays
/// its opex.
pub fn margin_usd_per_mw_day(revenue_usd_per_mw_day: f64, site: &SiteCosts) -> f64 {
    site.uptime * KWH_PER_MW_DAY * site.gain_usd_per_kwh(site.threshold_usd_per_kwh(revenue_usd_per_mw_day))
        - site.fixed_usd_per_mw_day()
}

/// The (mean) power price at which the all-in margin is zero, in USD/kWh. Flat:
/// p* = (R − O / (D × u)) / 24 000 − L. With a profile, the mean that shifts the curve so that
/// its gain at the threshold t = R / 24 000 − L pays the opex: p* = mean + t − T(O / (D × u × 24 000)),
/// with T the curve's inverse gain. `None` without power (u = 0): the margin is then −O / D
/// whatever the price.
pub fn break_even_usd_per_kwh(revenue_usd_per_mw_day: f64, site: &SiteCosts) -> Option<f64> {
    (site.uptime > 0.0).then(|| {
        let threshold = site.threshold_usd_per_kwh(revenue_usd_per_mw_day);
        let at_mean = SiteCosts { price_usd_per_kwh: site.profile.as_ref().map_or(0.0, |p| p.1), ..site.clone() };
        threshold - at_mean.threshold_for_gain(site.gain_paying_opex()) + at_mean.price_usd_per_kwh
    })
}

/// The hashprice at which the all-in margin is zero, in USD/PH/day: the threshold t* whose gain
/// pays the opex, as revenue: HP* = 24 000 × (t* + L) × E × PUE / (1000 × (1 − f)); flat,
/// HP* = (24 000 × (p + L) + O / (D × u)) × E × PUE / (1000 × (1 − f)).
///
/// `None` without power (u = 0). The pool fee is capped well below 100 % by its field, so the
/// divisor stays positive.
pub fn break_even_usd_per_ph_day(efficiency_j_per_th: f64, pue: f64, pool_fee: f64, site: &SiteCosts) -> Option<f64> {
    (site.uptime > 0.0).then(|| {
        let threshold = site.threshold_for_gain(site.gain_paying_opex());
        KWH_PER_MW_DAY * (threshold + site.levy_usd_per_kwh)
            / (hashrate_ph_s_per_mw(efficiency_j_per_th, pue) * (1.0 - pool_fee))
    })
}

/// The fraction of all hours a site has power, given its uptime (%) and the months of the year
/// it has none (seasonal bans): uptime / 100 × (12 − downtime months) / 12.
///
/// Seasonal downtime is spread evenly over every month rather than placed in the calendar,
/// so that a year's total is right wherever the projection starts; `tests/it/projection.rs` checks
/// that 12 months give exactly zero. The result is never negative.
pub fn effective_uptime(uptime_pct: f64, downtime_months: f64) -> f64 {
    // The months' factor is formed first so that no downtime multiplies by exactly 1.
    (uptime_pct / 100.0 * ((12.0 - downtime_months) / 12.0)).max(0.0)
}

/// The price of the machines one MW of facility power runs, in USD per MW:
/// unit price (USD per TH/s) × 10⁶ / (E × PUE) TH/s.
pub fn machines_usd_per_mw(unit_price_usd_per_th: f64, efficiency_j_per_th: f64, pue: f64) -> f64 {
    unit_price_usd_per_th * 1000.0 * hashrate_ph_s_per_mw(efficiency_j_per_th, pue)
}

/// The chance that a site is still open after `month` months, as a fraction:
/// (1 − r)^(m / 12), for a chance r (% per year) of being shut for good in any year.
///
/// The projection weights month m's cash by it, so its figures are expected values.
pub fn survival(policy_risk_pct_per_year: f64, month: f64) -> f64 {
    (1.0 - policy_risk_pct_per_year / 100.0).max(0.0).powf(month / 12.0)
}

/// What a dollar `month` months from now is worth today: (1 + d)^(−m / 12), for a discount
/// rate d (% per year).
pub fn discount_factor(discount_rate_pct_per_year: f64, month: f64) -> f64 {
    (1.0 + discount_rate_pct_per_year / 100.0).powf(-month / 12.0)
}

/// Tax depreciation of month `month` (1-based), USD: straight line over `years`, B / (12 × y)
/// a month for the first 12 × y months (a part of it in a month that ends the schedule), and
/// nothing after. `years` is at least 1 by its field.
pub fn depreciation_usd(depreciable_usd: f64, years: f64, month: u32) -> f64 {
    let months = 12.0 * years;
    depreciable_usd / months * (months - (month as f64 - 1.0)).clamp(0.0, 1.0)
}

/// Income tax of a month, USD: max(pre-tax − depreciation, 0) × tax %. A month at a loss pays
/// none, and its loss is not carried forward (which can only overstate tax).
pub fn income_tax_usd(pre_tax_usd: f64, depreciation_usd: f64, tax_pct: f64) -> f64 {
    (pre_tax_usd - depreciation_usd).max(0.0) * tax_pct / 100.0
}

/// The machines' resale value at the end of the projection, USD per MW: residual % × their
/// purchase price per MW.
pub fn residual_usd_per_mw(machines_usd_per_mw: f64, residual_value_pct: f64) -> f64 {
    machines_usd_per_mw * residual_value_pct / 100.0
}

/// The cost of moving one MW of machines from region A to region B, USD per MW: exit(A) +
/// arrival(B); staying costs nothing. The days idle add the same way.
pub fn route_usd_per_mw(exit_from_usd_per_mw: f64, arrival_to_usd_per_mw: f64) -> f64 {
    exit_from_usd_per_mw + arrival_to_usd_per_mw
}
