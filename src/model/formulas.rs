//! The mining formulas, each with its units; every function is pure and total on validated inputs.
//!
//! Symbols: hashprice HP in USD per PH/s per day, fleet efficiency E in J/TH, overhead factor
//! PUE ≥ 1 (facility power over miner power), pool fee f as a fraction, power price p in USD/kWh,
//! uptime u as a fraction of hours the site has power.

/// Kilowatt-hours a megawatt draws in a day: 1 000 kW × 24 h.
pub const KWH_PER_MW_DAY: f64 = 24_000.0;

/// Hashrate that one MW of facility power runs, in PH/s: 1000 / (E × PUE).
///
/// One MW of facility power leaves 10⁶ / PUE watts for miners, which at E joules per TH
/// hash 10⁶ / (E × PUE) TH/s, that is 1000 / (E × PUE) PH/s.
pub fn hashrate_ph_s_per_mw(efficiency_j_per_th: f64, pue: f64) -> f64 {
    1000.0 / (efficiency_j_per_th * pue)
}

/// Margin of one MW of facility power over a day, in USD per MW-day:
/// u × (1000 / (E × PUE) × HP × (1 − f) − 24 000 × p).
///
/// Downtime scales revenue and the power bill alike, because a site without power neither
/// hashes nor pays for energy.
pub fn margin_usd_per_mw_day(
    hashprice_usd_per_ph_day: f64,
    efficiency_j_per_th: f64,
    pue: f64,
    pool_fee: f64,
    power_usd_per_kwh: f64,
    uptime: f64,
) -> f64 {
    let revenue = hashrate_ph_s_per_mw(efficiency_j_per_th, pue) * hashprice_usd_per_ph_day * (1.0 - pool_fee);
    uptime * (revenue - KWH_PER_MW_DAY * power_usd_per_kwh)
}

/// The power price at which the margin is zero, in USD/kWh: HP × (1 − f) / (24 × E × PUE).
///
/// Uptime does not appear: it scales revenue and cost by the same factor.
pub fn break_even_usd_per_kwh(hashprice_usd_per_ph_day: f64, efficiency_j_per_th: f64, pue: f64, pool_fee: f64) -> f64 {
    hashprice_usd_per_ph_day * (1.0 - pool_fee) / (24.0 * efficiency_j_per_th * pue)
}

/// The hashprice at which the margin is zero, in USD/PH/day: 24 × E × PUE × p / (1 − f).
///
/// The pool fee is capped well below 100 % by its field, so the divisor stays positive.
pub fn break_even_usd_per_ph_day(efficiency_j_per_th: f64, pue: f64, pool_fee: f64, power_usd_per_kwh: f64) -> f64 {
    24.0 * efficiency_j_per_th * pue * power_usd_per_kwh / (1.0 - pool_fee)
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
