//! The report: every figure the tables and charts show, derived from a scenario in one pass.

use std::rc::Rc;

use super::allocation::allocate;
use super::calendar::YearMonth;
use super::fields::{GlobalField, RegionValues};
use super::formulas::{self, SiteCosts, KWH_PER_MW_DAY};
use super::market::HashpriceMode;
use super::profile::DurationCurve;
use super::projection::{self, Deployment, FinanceTerms, FleetTerms, MarketPath, SiteMonths, SiteTerms, MONTHS};
use super::region::Region;
use super::scenario::Scenario;
use super::sensitivity::{sensitivity_grid, SensitivityGrid, SensitivityInputs, SENSITIVITY_CELLS};
use super::stay_or_move::{self, FleetInOrigin, MoveOption, OptionKind};
use crate::format::nice_ceil;

/// One region's figures. Percentages are fractions nowhere here: uptime stays in percent.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionReport {
    pub id: Rc<str>,
    pub name: Rc<str>,
    pub color_rgb: [u8; 3],
    /// The region's inputs as they are in the scenario.
    pub values: RegionValues,
    /// Uptime after seasonal downtime, % of all hours: what the margin and projection use.
    pub effective_uptime_pct: f64,
    /// The all-in break-even power price, USD/kWh; `None` for a site without power.
    pub break_even_usd_per_kwh: Option<f64>,
    /// The all-in break-even hashprice, USD per PH/s per day; `None` for a site without power.
    pub break_even_usd_per_ph_day: Option<f64>,
    /// The all-in margin, USD per MW-day ([`formulas::margin_usd_per_mw_day`]).
    pub margin_usd_per_mw_day: f64,
    pub allocated_mw: f64,
    /// Hashrate of the machines placed in the region, whether or not the site has power.
    pub hashrate_ph_s: f64,
    pub profit_usd_per_day: f64,
    /// The region took its whole cap while fleet was still left to place.
    pub cap_binds: bool,
    /// Margin (USD per MW-day) along the hashprice axis ([`margin_line`]): the points that draw
    /// the whole line. Shared: a line whose inputs did not change is reused ([`report_after`]).
    pub margin_line: Rc<[(f64, f64)]>,
    /// The share of hours mined at the current hashprice, before uptime, %: 100 or 0 for a flat
    /// price.
    pub mined_hours_pct: f64,
    /// The mean price paid over the hours mined, USD/kWh; `None` when none is mined.
    pub effective_usd_per_kwh: Option<f64>,
    /// The price an hour must be below to be mined at the current hashprice, USD/kWh: R / 24 000 − levy.
    pub threshold_usd_per_kwh: f64,
    /// The hourly profile's prices over the year as a duration curve (not yet shifted to the
    /// region's price); `None` for a flat price. Shared with the scenario, so a copy is a count.
    pub year_curve: Option<DurationCurve>,
    /// What one MW of a new deployment here costs before month 1, USD per MW: the site
    /// build-out plus the machines (unit price × TH/s per MW).
    pub upfront_usd_per_mw: f64,
    /// The first month whose cumulative cash per MW is ≥ 0; `None`: never within 36 months.
    pub payback_months: Option<u32>,
    /// Expected cumulative cash per MW after 36 months, upfront and residual value included,
    /// USD per MW (the table's `net_36m_usd`).
    pub net_36m_usd_per_mw: f64,
    /// The same cash discounted to today, USD per MW (the table's `npv_usd`).
    pub npv_usd_per_mw: f64,
    /// The chance the site is still open after 36 months, % (policy risk).
    pub survival_36m_pct: f64,
    /// The months (1 to 36) a new deployment here is switched off: the hashprice earns less than
    /// power and levy cost.
    pub off_months: Vec<u32>,
    /// Cumulative cash per MW of a new deployment for months 0 to 36, USD per MW; index 0 is
    /// −upfront.
    pub cumulative_usd_per_mw: Vec<f64>,
    /// What the margin line was drawn from: the site's costs, the hashprice axis and the fleet.
    line_basis: (SiteCosts, (f64, f64), FleetTerms),
}

/// Figures summed over all regions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub allocated_mw: f64,
    pub hashrate_ph_s: f64,
    pub profit_usd_per_day: f64,
    /// Fleet that no profitable region had room for.
    pub unplaced_mw: f64,
}

/// Everything the UI shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The effective hashprice every figure uses: the slider's in direct mode, the market
    /// formula's in market mode; USD per PH/s per day.
    pub hashprice_usd_per_ph_day: f64,
    pub hashprice_mode: HashpriceMode,
    /// The market formula's hashprice, whatever the mode (`<output id="hashprice-derived">`).
    pub hashprice_derived_usd_per_ph_day: f64,
    /// The hashprice axis of the profit chart and the sensitivity map ([`hashprice_axis`]).
    pub hashprice_axis: (f64, f64),
    pub hashrate_ph_s_per_mw: f64,
    pub rows: Vec<RegionReport>,
    pub totals: Totals,
    /// The row with the highest margin, if any margin is positive (the page title and summary
    /// name it).
    pub best: Option<usize>,
    /// The projection's first month (month 1).
    pub start_month: YearMonth,
    pub halving_month: YearMonth,
    /// The projection month (1 to 36) of the halving, if it falls within the projection.
    pub halving_month_index: Option<u32>,
    /// Hashprice of months 1 to 36 (index 0 is month 1), USD per PH/s per day.
    pub hashprice_path_usd_per_ph_day: Vec<f64>,
    /// The row of the origin region; `None` when there is none or it was removed.
    pub origin: Option<usize>,
    /// Stay or move for the fleet in the origin region, best 36-month net first; empty without
    /// an origin.
    pub stay_or_move: Vec<MoveOption>,
    /// The row whose hourly prices the price-duration chart shows: the chosen region if it has a
    /// profile, else the first region with one; `None` when no region has hourly prices.
    pub price_duration: Option<usize>,
    /// The sensitivity map of the chosen region (100 × 100 cells); `None` without regions.
    /// Shared, so that the map's chart keeps it without copying its cells on every event.
    pub sensitivity: Option<Rc<SensitivityGrid>>,
}

impl Report {
    /// The best plan in one sentence, e.g. "Best over 36 months: keep 300 MW in Kazakhstan (NPV
    /// $…)." or "Best over 36 months: move 100 MW to New York; keep 200 MW in Kazakhstan (NPV
    /// $…)."; `None` without an origin.
    pub fn plan_sentence(&self) -> Option<String> {
        let plan = self.stay_or_move.iter().find(|o| o.kind == OptionKind::Plan)?;
        let npv = crate::format::grouped(plan.npv_usd, 0);
        Some(format!("Best over 36 months: {} (NPV ${npv}).", plan.what_it_does()))
    }

    /// The summary's sentence: the new capacity placed, what it earns, the best margin and what
    /// found no room (the page's `#summary`, `sitecost-render`'s summary.md).
    pub fn summary_sentence(&self) -> String {
        let (t, mw) = (&self.totals, |v: f64| crate::format::grouped(v, 0));
        let used = self.rows.iter().filter(|r| r.allocated_mw > 0.0).count();
        let mut text = format!(
            "Placed as new capacity: {} MW in {used} region{}, {} PH/s, profit ${} per day (all-in).",
            mw(t.allocated_mw),
            if used == 1 { "" } else { "s" },
            mw(t.hashrate_ph_s),
            mw(t.profit_usd_per_day)
        );
        match self.best_row() {
            Some(best) => {
                text += &format!(" Best margin: {} at ${} per MW-day.", best.name, mw(best.margin_usd_per_mw_day))
            }
            None => text += " No region makes money at these inputs.",
        }
        if t.unplaced_mw > 0.0 {
            text += &format!(" {} MW not placed: no profitable region has room left.", mw(t.unplaced_mw));
        }
        text
    }

    /// The row with the highest positive margin.
    pub fn best_row(&self) -> Option<&RegionReport> {
        self.best.map(|i| &self.rows[i])
    }
}

/// The hashprice axis of the charts, USD per PH/s per day: the hashprice field's range (0–150),
/// so it stays put while the user drags; a market hashprice beyond 150 / 1.1 raises its end to
/// the round number above 1.1 × the hashprice, so the current value stays inside the charts.
pub fn hashprice_axis(hashprice_usd_per_ph_day: f64) -> (f64, f64) {
    let spec = GlobalField::Hashprice.spec();
    (spec.min, spec.max.max(nice_ceil(hashprice_usd_per_ph_day * 1.1)))
}

/// Points of a region's margin (USD per MW-day) against hashprice over `axis`. Flat: the two
/// ends and the hashprice below which the machines are off (clamped to the axis), since the
/// margin is −opex per day up to that point and linear after it. With an hourly profile the
/// line bends at every hour's price, so it is sampled at 61 points.
fn margin_line(
    axis: (f64, f64),
    margin_at: impl Fn(f64) -> f64,
    site: &SiteCosts,
    revenue_per_hashprice: f64,
) -> Vec<(f64, f64)> {
    let xs: Vec<f64> = match site.profile {
        None => {
            let off_below = KWH_PER_MW_DAY * (site.price_usd_per_kwh + site.levy_usd_per_kwh) / revenue_per_hashprice;
            vec![axis.0, off_below.clamp(axis.0, axis.1), axis.1]
        }
        Some(_) => (0..=60).map(|i| axis.0 + (axis.1 - axis.0) * f64::from(i) / 60.0).collect(),
    };
    xs.into_iter().map(|x| (x, margin_at(x))).collect()
}

/// Derives the report from a scenario.
pub fn report(scenario: &Scenario) -> Report {
    build(scenario, None)
}

/// The same report as [`report`] (equal, field for field), reusing from `previous` the parts whose
/// inputs have not changed: the sensitivity map's cells, which do not depend on the current price
/// or hashprice, and each region's margin line, which depends only on its costs, the fleet and the axis. A
/// slider then recomputes those only for what it moved.
pub fn report_after(previous: &Report, scenario: &Scenario) -> Report {
    build(scenario, Some(previous))
}

fn build(scenario: &Scenario, previous: Option<&Report>) -> Report {
    let g = &scenario.globals;
    let v = &g.values;
    let fee = v.pool_fee_pct / 100.0;
    let (e, pue, hp) = (v.efficiency_j_per_th, v.pue, g.effective_hashprice_usd_per_ph_day());
    let per_mw = formulas::hashrate_ph_s_per_mw(e, pue);
    let axis = hashprice_axis(hp);
    let fleet = FleetTerms { hashrate_ph_s_per_mw: per_mw, pool_fee: fee };
    let margin_at = |hp: f64, site: &SiteCosts| formulas::margin_usd_per_mw_day(fleet.revenue_usd_per_mw_day(hp), site);

    let halving_month_index = projection::halving_month_index(g.start_month, g.halving_month);
    let path = projection::hashprice_path(&MarketPath {
        base_usd_per_ph_day: hp,
        difficulty_growth_pct_per_month: v.difficulty_growth_pct_per_month,
        difficulty_growth_after_halving_pct_per_month: v.difficulty_growth_after_halving_pct_per_month,
        btc_price_growth_pct_per_month: v.btc_price_growth_pct_per_month,
        subsidy_btc: v.subsidy_btc,
        fees_per_block_btc: v.fees_per_block_btc,
        halving_month_index,
    });
    let finance = FinanceTerms::new(v.depreciation_years, v.discount_rate_pct_per_year);
    let machines_usd_per_mw = formulas::machines_usd_per_mw(v.unit_price_usd_per_th, e, pue);
    let residual_usd_per_mw = formulas::residual_usd_per_mw(machines_usd_per_mw, v.residual_value_pct);

    let costs: Vec<SiteCosts> = scenario.regions.iter().map(Region::costs).collect();
    let margins: Vec<f64> = costs.iter().map(|c| margin_at(hp, c)).collect();
    let caps: Vec<f64> = scenario.regions.iter().map(|r| r.values.cap_mw).collect();
    let allocations = allocate(v.fleet_mw, &margins, &caps);

    let months: Vec<SiteMonths> =
        scenario.regions.iter().map(|r| SiteMonths::new(&path, &fleet, SiteTerms::of(r, g.start_month))).collect();
    let rows: Vec<RegionReport> = scenario
        .regions
        .iter()
        .zip(costs.iter().zip(margins.iter().zip(&allocations)))
        .zip(&months)
        .enumerate()
        .map(|(i, ((r, (site, (&margin, a))), months))| {
            let upfront_usd_per_mw = r.values.capex_usd_per_mw + machines_usd_per_mw;
            let deployment = Deployment {
                upfront_usd_per_mw,
                depreciable_usd_per_mw: upfront_usd_per_mw,
                idle_days: 0.0,
                residual_usd_per_mw,
            };
            let projection = projection::project(months, &deployment, &finance);
            let break_even_hp = formulas::break_even_usd_per_ph_day(e, pue, fee, site);
            let line_basis = (site.clone(), axis, fleet);
            let margin_line = match previous.and_then(|p| p.rows.get(i)) {
                Some(before) if before.id == r.id && before.line_basis == line_basis => before.margin_line.clone(),
                _ => margin_line(axis, |hp| margin_at(hp, site), site, fleet.revenue_usd_per_mw_day(1.0)).into(),
            };
            let threshold_usd_per_kwh = site.threshold_usd_per_kwh(fleet.revenue_usd_per_mw_day(hp));
            let mined = site.mined(threshold_usd_per_kwh);
            RegionReport {
                id: r.id.clone(),
                name: r.name.clone(),
                color_rgb: r.color_rgb,
                values: r.values,
                effective_uptime_pct: site.uptime * 100.0,
                break_even_usd_per_kwh: formulas::break_even_usd_per_kwh(fleet.revenue_usd_per_mw_day(hp), site),
                break_even_usd_per_ph_day: break_even_hp,
                margin_usd_per_mw_day: margin,
                allocated_mw: a.mw,
                hashrate_ph_s: a.mw * per_mw,
                profit_usd_per_day: a.mw * margin,
                cap_binds: a.cap_binds,
                margin_line,
                mined_hours_pct: mined.share * 100.0,
                effective_usd_per_kwh: mined.mean_price_usd_per_kwh,
                threshold_usd_per_kwh,
                year_curve: site.profile.as_ref().map(|(curve, _)| curve.clone()),
                upfront_usd_per_mw,
                payback_months: projection::payback_month(&projection.cumulative_usd_per_mw),
                net_36m_usd_per_mw: projection.cumulative_usd_per_mw[MONTHS],
                npv_usd_per_mw: projection.npv_usd_per_mw,
                survival_36m_pct: projection.survival_36m * 100.0,
                off_months: projection.off_months,
                cumulative_usd_per_mw: projection.cumulative_usd_per_mw,
                line_basis,
            }
        })
        .collect();

    let mut totals = Totals::default();
    for row in &rows {
        totals.allocated_mw += row.allocated_mw;
        totals.hashrate_ph_s += row.hashrate_ph_s;
        totals.profit_usd_per_day += row.profit_usd_per_day;
    }
    totals.unplaced_mw = (v.fleet_mw - totals.allocated_mw).max(0.0);

    let best = (0..rows.len())
        .filter(|&i| rows[i].margin_usd_per_mw_day > 0.0)
        .max_by(|&a, &b| rows[a].margin_usd_per_mw_day.total_cmp(&rows[b].margin_usd_per_mw_day));
    let origin = scenario.origin_index();
    let in_origin = FleetInOrigin { finance, fleet_mw: v.fleet_mw, residual_usd_per_mw };
    let stay_or_move = stay_or_move::stay_or_move(&scenario.regions, origin, &months, &in_origin);
    let sensitivity = scenario.sensitivity_index().map(|i| {
        let r = &scenario.regions[i];
        let inputs = SensitivityInputs {
            efficiency_j_per_th: e,
            pue,
            pool_fee: fee,
            site: costs[i].clone(),
            hashprice_usd_per_ph_day: hp,
            hashprice_axis: axis,
        };
        let before = previous.and_then(|p| p.sensitivity.as_deref());
        Rc::new(sensitivity_grid(
            before,
            i,
            r.id.clone(),
            r.name.clone(),
            &inputs,
            SENSITIVITY_CELLS,
            SENSITIVITY_CELLS,
        ))
    });
    Report {
        hashprice_usd_per_ph_day: hp,
        hashprice_mode: g.hashprice_mode,
        hashprice_derived_usd_per_ph_day: g.market_hashprice_usd_per_ph_day(),
        hashprice_axis: axis,
        hashrate_ph_s_per_mw: per_mw,
        rows,
        totals,
        best,
        start_month: g.start_month,
        halving_month: g.halving_month,
        halving_month_index,
        hashprice_path_usd_per_ph_day: path.to_vec(),
        origin,
        stay_or_move,
        price_duration: scenario.price_duration_index(),
        sensitivity,
    }
}
