//! The 36-month projection: the hashprice path with the halving, monthly cash per MW, payback, and stay or move.
//!
//! Months are numbered 1 to [`MONTHS`] from the scenario's start month; every month has
//! [`DAYS_PER_MONTH`] days. Money is in USD, per MW of facility power unless a name says otherwise.

use std::rc::Rc;

use super::calendar::YearMonth;
use super::formulas::KWH_PER_MW_DAY;
use super::region::Region;

/// How many months the projection covers.
pub const MONTHS: usize = 36;

/// Days in a projection month: an average month of the Julian year, 365.25 / 12.
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// Which projection month (1 to [`MONTHS`]) is the first with the halved subsidy, if any.
///
/// The halving month itself earns the halved subsidy (the halving falls somewhere in it, and a
/// month is the model's smallest step). A halving before `start` counts as month 1, so every
/// month is halved; a halving after month 36 is `None`. A second halving is four years after the
/// first, so it can never fall inside the 36 months and is not modelled.
pub fn halving_month_index(start: YearMonth, halving: YearMonth) -> Option<u32> {
    let offset = start.months_until(halving).max(0);
    (offset < MONTHS as i64).then(|| offset as u32 + 1)
}

/// What drives the hashprice from month to month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarketPath {
    /// Today's hashprice (the effective one: slider or market formula), USD per PH/s per day.
    pub base_usd_per_ph_day: f64,
    /// Difficulty growth, % per month; negative when difficulty falls (at least −20 by its field).
    pub difficulty_growth_pct_per_month: f64,
    /// Bitcoin price change, % per month.
    pub btc_price_growth_pct_per_month: f64,
    /// Subsidy before the halving, BTC per block.
    pub subsidy_btc: f64,
    /// Fees, BTC per block; they do not halve.
    pub fees_per_block_btc: f64,
    /// The first month with the halved subsidy (see [`halving_month_index`]).
    pub halving_month_index: Option<u32>,
}

/// The hashprice of each month, USD per PH/s per day; index 0 is month 1.
///
/// Month m: base × (1 + g_p)^m / (1 + g_d)^m × (subsidy_m + fees) / (subsidy + fees), where
/// subsidy_m is the subsidy halved from the halving month on. Hashprice is proportional to the
/// price and the block reward and inversely proportional to difficulty (see
/// [`market::hashprice_usd_per_ph_day`](super::market::hashprice_usd_per_ph_day)), so scaling the
/// base hashprice by these factors works in direct mode too. With no reward at all (subsidy and
/// fees both zero) the reward factor is 1 rather than 0 / 0.
pub fn hashprice_path(market: &MarketPath) -> [f64; MONTHS] {
    let difficulty_step = 1.0 + market.difficulty_growth_pct_per_month / 100.0;
    let price_step = 1.0 + market.btc_price_growth_pct_per_month / 100.0;
    let reward = market.subsidy_btc + market.fees_per_block_btc;
    let mut out = [0.0; MONTHS];
    for (i, slot) in out.iter_mut().enumerate() {
        let month = i as u32 + 1;
        let halved = market.halving_month_index.is_some_and(|h| month >= h);
        let subsidy = if halved { market.subsidy_btc / 2.0 } else { market.subsidy_btc };
        let reward_factor = if reward > 0.0 { (subsidy + market.fees_per_block_btc) / reward } else { 1.0 };
        let exponent = month as i32;
        *slot = market.base_usd_per_ph_day * price_step.powi(exponent) / difficulty_step.powi(exponent) * reward_factor;
    }
    out
}

/// A site's running costs and terms, per MW of facility power.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SiteTerms {
    pub power_usd_per_kwh: f64,
    pub levy_usd_per_kwh: f64,
    pub opex_usd_per_mw_month: f64,
    pub tax_pct: f64,
    /// The fraction of hours with power, seasonal downtime included
    /// (see [`formulas::effective_uptime`](super::formulas::effective_uptime)).
    pub uptime: f64,
}

impl SiteTerms {
    /// A region's terms.
    pub fn of(region: &Region) -> SiteTerms {
        SiteTerms {
            power_usd_per_kwh: region.values.price_usd_per_kwh,
            levy_usd_per_kwh: region.values.levy_usd_per_kwh,
            opex_usd_per_mw_month: region.values.opex_usd_per_mw_month,
            tax_pct: region.values.tax_pct,
            uptime: region.effective_uptime(),
        }
    }
}

/// The fleet's side of the monthly cash: what one MW hashes and what the pool keeps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FleetTerms {
    /// PH/s per MW of facility power (see [`formulas::hashrate_ph_s_per_mw`](super::formulas::hashrate_ph_s_per_mw)).
    pub hashrate_ph_s_per_mw: f64,
    /// Pool fee as a fraction.
    pub pool_fee: f64,
}

/// One month's cash for one MW, USD per MW-month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MonthCash {
    pub revenue_usd: f64,
    pub power_usd: f64,
    pub levy_usd: f64,
    pub opex_usd: f64,
    /// Revenue less power, levy and opex.
    pub pre_tax_usd: f64,
    /// Income tax on a profit; zero for a loss.
    pub tax_usd: f64,
    /// Pre-tax less tax.
    pub net_usd: f64,
}

/// Days of `month` (1-based) in which a fleet that arrives after `idle_days` runs:
/// clamp(month × D − idle_days, 0, D), with D = [`DAYS_PER_MONTH`].
pub fn running_days(month: u32, idle_days: f64) -> f64 {
    (month as f64 * DAYS_PER_MONTH - idle_days).clamp(0.0, DAYS_PER_MONTH)
}

/// One month's cash per MW at a hashprice (USD per PH/s per day), for a fleet that runs
/// `running_days` of the month (all [`DAYS_PER_MONTH`] of it, or fewer while it is moved).
///
/// With powered days t = running_days × uptime: revenue = hashrate × hashprice × (1 − pool fee) × t;
/// power = 24 000 kWh × price × t; levy = 24 000 kWh × levy × t; opex is paid in full every month,
/// with or without power, because hosting is contracted by the month. Tax = max(pre-tax, 0) × tax %:
/// a losing month pays none, and a loss is not carried forward to later months (a simplification
/// that can only overstate tax).
pub fn month_cash_usd_per_mw(
    hashprice_usd_per_ph_day: f64,
    fleet: &FleetTerms,
    site: &SiteTerms,
    running_days: f64,
) -> MonthCash {
    let powered_days = running_days * site.uptime;
    let revenue_usd = fleet.hashrate_ph_s_per_mw * hashprice_usd_per_ph_day * (1.0 - fleet.pool_fee) * powered_days;
    let power_usd = KWH_PER_MW_DAY * site.power_usd_per_kwh * powered_days;
    let levy_usd = KWH_PER_MW_DAY * site.levy_usd_per_kwh * powered_days;
    let opex_usd = site.opex_usd_per_mw_month;
    let pre_tax_usd = revenue_usd - power_usd - levy_usd - opex_usd;
    let tax_usd = pre_tax_usd.max(0.0) * site.tax_pct / 100.0;
    MonthCash { revenue_usd, power_usd, levy_usd, opex_usd, pre_tax_usd, tax_usd, net_usd: pre_tax_usd - tax_usd }
}

/// Cumulative cash per MW for months 0 to 36: index 0 is −`upfront_usd_per_mw` (spent before
/// month 1), index m adds month m's net. The fleet earns nothing for its first `idle_days` days.
pub fn cumulative_usd_per_mw(
    path: &[f64; MONTHS],
    fleet: &FleetTerms,
    site: &SiteTerms,
    upfront_usd_per_mw: f64,
    idle_days: f64,
) -> Vec<f64> {
    let mut out = Vec::with_capacity(MONTHS + 1);
    let mut total = -upfront_usd_per_mw;
    out.push(total);
    for (i, &hashprice) in path.iter().enumerate() {
        let month = i as u32 + 1;
        total += month_cash_usd_per_mw(hashprice, fleet, site, running_days(month, idle_days)).net_usd;
        out.push(total);
    }
    out
}

/// The first month (1 to 36) whose cumulative cash is ≥ 0, or `None`: never within 36 months.
pub fn payback_month(cumulative: &[f64]) -> Option<u32> {
    (1..cumulative.len()).find(|&m| cumulative[m] >= 0.0).map(|m| m as u32)
}

/// The first month (1 to 36) in which `option`'s cumulative cash has caught up with `baseline`'s,
/// or `None` if it never does within the projection.
pub fn break_even_month(option: &[f64], baseline: &[f64]) -> Option<u32> {
    (1..option.len().min(baseline.len())).find(|&m| option[m] >= baseline[m]).map(|m| m as u32)
}

/// One choice for the fleet that is in the origin region now: stay, or move to a region.
#[derive(Clone, Debug, PartialEq)]
pub struct MoveOption {
    /// The region's position in the scenario (and in the report's rows).
    pub region_index: usize,
    pub id: Rc<str>,
    pub name: Rc<str>,
    pub color_rgb: [u8; 3],
    /// True for staying in the origin region.
    pub stay: bool,
    /// MW that run there: the fleet up to the region's cap; the rest of the fleet stands idle.
    pub mw: f64,
    /// Paid before month 1, USD: (move cost + build-out) × MW; zero for staying.
    pub upfront_usd: f64,
    /// Cumulative cash after 36 months, USD, upfront included.
    pub net_36m_usd: f64,
    /// `net_36m_usd` less staying's, USD (zero for staying).
    pub vs_stay_usd: f64,
    /// The first month in which moving has caught up with staying (see [`break_even_month`]);
    /// `None` for staying and for a move that never catches up within 36 months.
    pub break_even_month: Option<u32>,
    /// Cumulative cash for months 0 to 36, USD.
    pub cumulative_usd: Vec<f64>,
}

/// Stay or move, ranked by 36-month net (best first; ties keep region order). Empty when there
/// is no origin region.
///
/// The fleet is `fleet_mw` of machines already owned, so no option buys machines. Staying runs
/// min(fleet, origin cap) MW at the origin's terms with nothing upfront. Moving to region R runs
/// min(fleet, R's cap) MW at R's terms, pays (R's move cost + R's build-out) per MW before month 1,
/// and earns nothing (and draws no power) for R's move days, while opex is paid from month 1.
pub fn stay_or_move(
    regions: &[Region],
    origin: Option<usize>,
    path: &[f64; MONTHS],
    fleet: &FleetTerms,
    fleet_mw: f64,
) -> Vec<MoveOption> {
    let Some(origin) = origin.filter(|&o| o < regions.len()) else {
        return Vec::new();
    };
    let option = |index: usize| {
        let r = &regions[index];
        let stay = index == origin;
        let mw = fleet_mw.min(r.values.cap_mw).max(0.0);
        let (upfront_per_mw, idle_days) = if stay {
            (0.0, 0.0)
        } else {
            (r.values.move_cost_usd_per_mw + r.values.capex_usd_per_mw, r.values.move_days)
        };
        let cumulative_usd: Vec<f64> = cumulative_usd_per_mw(path, fleet, &SiteTerms::of(r), upfront_per_mw, idle_days)
            .into_iter()
            .map(|v| v * mw)
            .collect();
        MoveOption {
            region_index: index,
            id: r.id.clone(),
            name: r.name.clone(),
            color_rgb: r.color_rgb,
            stay,
            mw,
            upfront_usd: upfront_per_mw * mw,
            net_36m_usd: cumulative_usd[MONTHS],
            vs_stay_usd: 0.0,
            break_even_month: None,
            cumulative_usd,
        }
    };
    let stay = option(origin);
    let mut options: Vec<MoveOption> = (0..regions.len())
        .map(|i| if i == origin { stay.clone() } else { option(i) })
        .map(|mut o| {
            if !o.stay {
                o.vs_stay_usd = o.net_36m_usd - stay.net_36m_usd;
                o.break_even_month = break_even_month(&o.cumulative_usd, &stay.cumulative_usd);
            }
            o
        })
        .collect();
    // `sort_by` is stable, so equal nets keep region order.
    options.sort_by(|a, b| b.net_36m_usd.total_cmp(&a.net_36m_usd));
    options
}
