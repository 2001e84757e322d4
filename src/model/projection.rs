//! The 36-month projection: the hashprice path with the halving, monthly cash per MW and payback (stay or move builds on it in `stay_or_move.rs`).
//!
//! Months are numbered 1 to [`MONTHS`] from the scenario's start month; every month has
//! [`DAYS_PER_MONTH`] days. Money is in USD, per MW of facility power unless a name says otherwise.

use super::calendar::YearMonth;
use super::formulas::{self, SiteCosts, KWH_PER_MW_DAY};
use super::profile::{Mined, PriceProfile};
use super::region::Region;

/// How many months the projection covers.
pub const MONTHS: usize = 36;

/// Days in a projection month: an average month of the Julian year, 365.25 / 12.
pub use super::formulas::DAYS_PER_MONTH;

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
    /// Difficulty growth before the halving month, % per month; negative when difficulty falls
    /// (at least −20 by its field).
    pub difficulty_growth_pct_per_month: f64,
    /// Difficulty growth from the halving month on, % per month.
    pub difficulty_growth_after_halving_pct_per_month: f64,
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
/// Month m: base × (1 + g_p)^m / Π_{k ≤ m} (1 + g_k) × (subsidy_m + fees) / (subsidy + fees),
/// where g_k is the difficulty growth of month k (the growth after the halving from the halving
/// month on) and subsidy_m is the subsidy halved from the halving month on. Hashprice is
/// proportional to the price and the block reward and inversely proportional to difficulty (see
/// [`market::hashprice_usd_per_ph_day`](super::market::hashprice_usd_per_ph_day)), so scaling the
/// base hashprice by these factors works in direct mode too. With no reward at all (subsidy and
/// fees both zero) the reward factor is 1 rather than 0 / 0.
pub fn hashprice_path(market: &MarketPath) -> [f64; MONTHS] {
    let step_before = 1.0 + market.difficulty_growth_pct_per_month / 100.0;
    let step_after = 1.0 + market.difficulty_growth_after_halving_pct_per_month / 100.0;
    let price_step = 1.0 + market.btc_price_growth_pct_per_month / 100.0;
    let reward = market.subsidy_btc + market.fees_per_block_btc;
    let mut difficulty = 1.0;
    let mut out = [0.0; MONTHS];
    for (i, slot) in out.iter_mut().enumerate() {
        let month = i as u32 + 1;
        let halved = market.halving_month_index.is_some_and(|h| month >= h);
        difficulty *= if halved { step_after } else { step_before };
        let subsidy = if halved { market.subsidy_btc / 2.0 } else { market.subsidy_btc };
        let reward_factor = if reward > 0.0 { (subsidy + market.fees_per_block_btc) / reward } else { 1.0 };
        *slot = market.base_usd_per_ph_day * price_step.powi(month as i32) / difficulty * reward_factor;
    }
    out
}

/// A site's running costs and terms, per MW of facility power.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteTerms {
    /// Price, levy, effective uptime and opex: what the all-in margin needs (with the year's
    /// price curve, if the site has an hourly profile).
    pub costs: SiteCosts,
    pub tax_pct: f64,
    /// The chance of a forced shutdown for good, % per year.
    pub policy_risk_pct_per_year: f64,
    /// The hourly profile, for each month's own curve; `None` for a flat price.
    pub profile: Option<PriceProfile>,
    /// The calendar month (1–12) of projection month 1.
    pub first_calendar_month: u8,
}

impl SiteTerms {
    /// A region's terms, for a projection that starts in `start`.
    pub fn of(region: &Region, start: YearMonth) -> SiteTerms {
        SiteTerms {
            costs: region.costs(),
            tax_pct: region.values.tax_pct,
            policy_risk_pct_per_year: region.values.policy_risk_pct_per_year,
            profile: region.profile.clone(),
            first_calendar_month: start.month,
        }
    }

    /// A site with these costs and no profile, from January.
    pub fn flat(costs: SiteCosts, tax_pct: f64, policy_risk_pct_per_year: f64) -> SiteTerms {
        SiteTerms { costs, tax_pct, policy_risk_pct_per_year, profile: None, first_calendar_month: 1 }
    }

    /// The costs of projection month `month` (1-based): the month's own price curve when the
    /// profile has one per calendar month, shifted like the year's.
    pub fn costs_in(&self, month: u32) -> SiteCosts {
        self.costs_in_calendar(self.calendar_month(month))
    }

    /// The calendar month (1–12) of projection month `month` (1-based).
    pub fn calendar_month(&self, month: u32) -> u8 {
        ((u32::from(self.first_calendar_month) - 1 + month - 1) % 12 + 1) as u8
    }

    /// The costs in a calendar month (1–12): its own curve, if the profile has one per month.
    fn costs_in_calendar(&self, calendar: u8) -> SiteCosts {
        match (&self.profile, &self.costs.profile) {
            (Some(profile), Some((_, mean))) if profile.is_monthly() => {
                SiteCosts { profile: Some((profile.curve_for_month(calendar).clone(), *mean)), ..self.costs.clone() }
            }
            _ => self.costs.clone(),
        }
    }
}

/// The fleet's side of the monthly cash: what one MW hashes and what the pool keeps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FleetTerms {
    /// PH/s per MW of facility power (see [`formulas::hashrate_ph_s_per_mw`]).
    pub hashrate_ph_s_per_mw: f64,
    /// Pool fee as a fraction.
    pub pool_fee: f64,
}

impl FleetTerms {
    /// Revenue of one MW over a day of power at a hashprice, USD per MW-day.
    pub fn revenue_usd_per_mw_day(&self, hashprice_usd_per_ph_day: f64) -> f64 {
        self.hashrate_ph_s_per_mw * hashprice_usd_per_ph_day * (1.0 - self.pool_fee)
    }
}

/// How one MW of machines comes to run at a site.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Deployment {
    /// Paid before month 1, USD per MW: build-out, machines or the route's cost.
    pub upfront_usd_per_mw: f64,
    /// The part of it depreciated for tax, USD per MW.
    pub depreciable_usd_per_mw: f64,
    /// Days before the machines run (shipping and installation).
    pub idle_days: f64,
    /// The machines' resale value at the end of month 36, USD per MW.
    pub residual_usd_per_mw: f64,
}

/// The projection's money terms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FinanceTerms {
    /// Straight-line tax depreciation, years (at least 1).
    pub depreciation_years: f64,
    /// The NPV's discount rate, % per year.
    pub discount_rate_pct_per_year: f64,
    /// [`formulas::discount_factor`] of months 0 to 36, worked out once for every projection.
    discount: [f64; MONTHS + 1],
}

impl FinanceTerms {
    pub fn new(depreciation_years: f64, discount_rate_pct_per_year: f64) -> FinanceTerms {
        let discount = std::array::from_fn(|m| formulas::discount_factor(discount_rate_pct_per_year, m as f64));
        FinanceTerms { depreciation_years, discount_rate_pct_per_year, discount }
    }
}

/// One month's cash for one MW, USD per MW-month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MonthCash {
    pub revenue_usd: f64,
    pub power_usd: f64,
    pub levy_usd: f64,
    pub opex_usd: f64,
    /// The demand-response credit of the running days (hourly prices only).
    pub dr_credit_usd: f64,
    /// Revenue less power, levy and opex, plus the credit.
    pub pre_tax_usd: f64,
    /// Tax depreciation deducted before tax (not cash).
    pub depreciation_usd: f64,
    /// Income tax on the profit after depreciation; zero for a loss.
    pub tax_usd: f64,
    /// Pre-tax less tax.
    pub net_usd: f64,
    /// False when the hashprice earns less than power and levy cost, so no machine runs.
    pub mining: bool,
}

/// Days of `month` (1-based) in which a fleet that arrives after `idle_days` runs:
/// clamp(month × D − idle_days, 0, D), with D = [`DAYS_PER_MONTH`].
pub fn running_days(month: u32, idle_days: f64) -> f64 {
    (month as f64 * DAYS_PER_MONTH - idle_days).clamp(0.0, DAYS_PER_MONTH)
}

/// Projection month `month`'s cash per MW at a hashprice (USD per PH/s per day), for a fleet that
/// runs `running_days` of the month (all [`DAYS_PER_MONTH`] of it, or fewer while it is moved).
///
/// The machines run only in the hours whose price plus levy is below what a kWh of hashing
/// earns (economic shutdown; a flat price runs every hour or none): with s the share of hours
/// mined (of the month's own curve, if any) and t = running_days × uptime × s: revenue = R × t,
/// power = 24 000 kWh × (mean price of the mined hours) × t, levy = 24 000 kWh × levy × t. Opex
/// is paid in full every month, with or without power, because hosting is contracted by the
/// month. Tax is [`formulas::income_tax_usd`] of the profit after `depreciation_usd`.
pub fn month_cash_usd_per_mw(
    hashprice_usd_per_ph_day: f64,
    fleet: &FleetTerms,
    site: &SiteTerms,
    month: u32,
    running_days: f64,
    depreciation_usd: f64,
) -> MonthCash {
    let costs = site.costs_in(month);
    let hours = MinedMonth::at(hashprice_usd_per_ph_day, fleet, &costs);
    month_cash(&hours, &site.costs, site.tax_pct, running_days, depreciation_usd)
}

/// What one running day of a month earns per MW and which of its hours are mined: the part of the
/// month's cash that depends on the hashprice and the month's prices, not on the deployment.
#[derive(Clone, Copy, Debug, PartialEq)]
struct MinedMonth {
    revenue_per_day: f64,
    mined: Mined,
}

impl MinedMonth {
    fn at(hashprice_usd_per_ph_day: f64, fleet: &FleetTerms, costs: &SiteCosts) -> MinedMonth {
        let revenue_per_day = fleet.revenue_usd_per_mw_day(hashprice_usd_per_ph_day);
        MinedMonth { revenue_per_day, mined: costs.mined(costs.threshold_usd_per_kwh(revenue_per_day)) }
    }
}

/// A site's 36 months on a hashprice path: each month's revenue and mined hours, worked out once
/// per region and shared by every deployment projected there (a new build and each move).
#[derive(Clone, Debug, PartialEq)]
pub struct SiteMonths {
    site: SiteTerms,
    months: Vec<MinedMonth>,
}

impl SiteMonths {
    pub fn new(path: &[f64; MONTHS], fleet: &FleetTerms, site: SiteTerms) -> SiteMonths {
        // Each calendar month's costs, worked out once rather than in each of the 36 months.
        let monthly: Vec<SiteCosts> = match &site.profile {
            Some(p) if p.is_monthly() => (1..=12).map(|m| site.costs_in_calendar(m)).collect(),
            _ => vec![site.costs.clone()],
        };
        let months = (1..=MONTHS as u32)
            .zip(path)
            .map(|(month, &hashprice)| {
                let costs = &monthly[(site.calendar_month(month) as usize - 1) % monthly.len()];
                MinedMonth::at(hashprice, fleet, costs)
            })
            .collect();
        SiteMonths { site, months }
    }
}

/// The month's cash from its revenue and mined hours; levy, uptime and opex are the same in every
/// month's costs, so `costs` may be the year's.
fn month_cash(
    hours: &MinedMonth,
    costs: &SiteCosts,
    tax_pct: f64,
    running_days: f64,
    depreciation_usd: f64,
) -> MonthCash {
    let MinedMonth { revenue_per_day, mined } = *hours;
    // Days of power in which the machines run: the hours mined, of those with power.
    let mined_days = running_days * costs.uptime * mined.share;
    let revenue_usd = revenue_per_day * mined_days;
    let power_usd = KWH_PER_MW_DAY * mined.mean_price_usd_per_kwh.unwrap_or(0.0) * mined_days;
    let levy_usd = KWH_PER_MW_DAY * costs.levy_usd_per_kwh * mined_days;
    let opex_usd = costs.opex_usd_per_mw_month;
    // The credit is earned for the days the site is there to be called on.
    let dr_credit_usd = costs.dr_credit_usd_per_mw_year / (12.0 * DAYS_PER_MONTH) * running_days;
    let pre_tax_usd = revenue_usd - power_usd - levy_usd - opex_usd + dr_credit_usd;
    let tax_usd = formulas::income_tax_usd(pre_tax_usd, depreciation_usd, tax_pct);
    MonthCash {
        revenue_usd,
        power_usd,
        levy_usd,
        opex_usd,
        dr_credit_usd,
        pre_tax_usd,
        depreciation_usd,
        tax_usd,
        net_usd: pre_tax_usd - tax_usd,
        mining: mined.share > 0.0,
    }
}

/// One MW's 36 months at a site.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    /// Expected cumulative cash for months 0 to 36, USD per MW: index 0 is −upfront, month m adds
    /// its net weighted by the chance the site is still open, and month 36 adds the residual value.
    pub cumulative_usd_per_mw: Vec<f64>,
    /// The same cash discounted to month 0, USD per MW: the NPV.
    pub npv_usd_per_mw: f64,
    /// The months (1 to 36) in which the machines could run but are switched off because the
    /// hashprice earns less than power and levy cost.
    pub off_months: Vec<u32>,
    /// The chance that the site is still open after 36 months, as a fraction.
    pub survival_36m: f64,
}

/// Projects one MW at a site over the hashprice path: see [`month_cash_usd_per_mw`] for a month,
/// [`formulas::survival`] for the weights and [`formulas::discount_factor`] for the NPV. The
/// residual value is not weighted by survival: a site shut for good still has machines to sell.
pub fn project(months: &SiteMonths, deployment: &Deployment, finance: &FinanceTerms) -> Projection {
    let site = &months.site;
    let mut cumulative = Vec::with_capacity(MONTHS + 1);
    let mut total = -deployment.upfront_usd_per_mw;
    let mut npv = total;
    let mut off_months = Vec::new();
    cumulative.push(total);
    // Survival compounds month by month: (1 − r)^(m / 12) = ((1 − r)^(1 / 12))^m.
    let survival_step = formulas::survival(site.policy_risk_pct_per_year, 1.0);
    let mut survival = 1.0;
    for (i, hours) in months.months.iter().enumerate() {
        let month = i as u32 + 1;
        let days = running_days(month, deployment.idle_days);
        let depreciation =
            formulas::depreciation_usd(deployment.depreciable_usd_per_mw, finance.depreciation_years, month);
        let cash = month_cash(hours, &site.costs, site.tax_pct, days, depreciation);
        if !cash.mining && days > 0.0 && site.costs.uptime > 0.0 {
            off_months.push(month);
        }
        survival *= survival_step;
        let expected = cash.net_usd * survival;
        total += expected;
        npv += expected * finance.discount[month as usize];
        cumulative.push(total);
    }
    cumulative[MONTHS] += deployment.residual_usd_per_mw;
    npv += deployment.residual_usd_per_mw * finance.discount[MONTHS];
    Projection {
        cumulative_usd_per_mw: cumulative,
        npv_usd_per_mw: npv,
        off_months,
        survival_36m: formulas::survival(site.policy_risk_pct_per_year, MONTHS as f64),
    }
}

/// The first month (1 to 36) whose cumulative cash is ≥ 0, or `None`: never within 36 months.
pub fn payback_month(cumulative: &[f64]) -> Option<u32> {
    (1..cumulative.len()).find(|&m| cumulative[m] >= 0.0).map(|m| m as u32)
}
