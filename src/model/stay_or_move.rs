//! Stay or move: the options for the fleet already in the origin region (stay, move to each region, or the best plan), ranked by NPV.

use std::rc::Rc;

use super::allocation::allocate;
use super::formulas;
use super::projection::{project, Deployment, FinanceTerms, Projection, SiteMonths, MONTHS};
use super::region::Region;

/// The first month (1 to 36) in which `option`'s cumulative cash has caught up with `baseline`'s,
/// or `None` if it never does within the projection.
pub fn break_even_month(option: &[f64], baseline: &[f64]) -> Option<u32> {
    (1..option.len().min(baseline.len())).find(|&m| option[m] >= baseline[m]).map(|m| m as u32)
}

/// What an option does with the fleet in the origin region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// The whole fleet stays.
    Stay,
    /// As much of the fleet as the region's cap takes moves there; the rest stays.
    Move,
    /// The best split: each MW where its NPV is highest, under caps.
    Plan,
}

/// Part of the fleet in one region, in an option.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub region_index: usize,
    /// True for the part of the fleet that stays in the origin region.
    pub stays: bool,
    pub id: Rc<str>,
    pub name: Rc<str>,
    pub mw: f64,
}

/// One choice for the fleet that is in the origin region now: stay, move, or the best plan.
#[derive(Clone, Debug, PartialEq)]
pub struct MoveOption {
    pub kind: OptionKind,
    /// The destination's position in the scenario (the origin's for staying and the plan).
    pub region_index: usize,
    /// The destination's id, or `plan`.
    pub id: Rc<str>,
    pub name: Rc<str>,
    pub color_rgb: [u8; 3],
    /// Where the fleet runs, MW per region, the origin first (staying) then moves.
    pub placements: Vec<Placement>,
    /// MW moved out of the origin (a move, the plan), or the whole fleet (staying).
    pub mw: f64,
    /// Paid before month 1, USD: (route cost + build-out) × MW moved; zero for staying.
    pub upfront_usd: f64,
    /// Expected cumulative cash after 36 months, USD, upfront and the fleet's residual value included.
    pub net_36m_usd: f64,
    /// The same, discounted: the NPV, USD.
    pub npv_usd: f64,
    /// `net_36m_usd` less staying's, USD (zero for staying).
    pub vs_stay_usd: f64,
    /// The first month in which the option has caught up with staying (see [`break_even_month`]);
    /// `None` for staying and for an option that never catches up within 36 months.
    pub break_even_month: Option<u32>,
    /// Months the option's sites are switched off, the most of any of its sites.
    pub off_months: Vec<u32>,
    /// Cumulative cash for months 0 to 36, USD.
    pub cumulative_usd: Vec<f64>,
}

impl MoveOption {
    /// What the option does with the fleet, in words: "keep 300 MW in Kazakhstan", "move 300 MW
    /// to Texas", or "move 100 MW to New York and 50 MW to Texas; keep 150 MW in Kazakhstan".
    pub fn what_it_does(&self) -> String {
        let mw = |v: f64| crate::format::grouped(v, 0);
        let stay = self.placements.iter().find(|p| p.stays);
        let moves: Vec<&Placement> = self.placements.iter().filter(|p| !p.stays).collect();
        let moves: Vec<String> = moves.iter().map(|p| format!("{} MW to {}", mw(p.mw), p.name)).collect();
        let keep = stay.map(|p| format!("keep {} MW in {}", mw(p.mw), p.name));
        match (moves.as_slice(), keep) {
            ([], Some(keep)) => keep,
            ([], None) => String::new(),
            (moves, keep) => {
                let moved = match moves {
                    [one] => one.clone(),
                    [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                    [] => unreachable!("not empty"),
                };
                keep.map_or(format!("move {moved}"), |keep| format!("move {moved}; {keep}"))
            }
        }
    }
}

/// The id of the plan's row (`data-option="plan"`); no region may take it.
pub const PLAN_ID: &str = "plan";

/// What stay or move needs besides the regions and their months on the hashprice path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FleetInOrigin {
    pub finance: FinanceTerms,
    /// MW of machines already owned.
    pub fleet_mw: f64,
    /// The fleet's resale value at the end of month 36, USD per MW (the same in every option).
    pub residual_usd_per_mw: f64,
}

/// Stay, move to each region, and the best plan, ranked by NPV (best first; ties keep region
/// order, the plan after the row it equals). Empty when there is no origin region.
///
/// The fleet is `fleet_mw` of machines already owned, so no option buys machines, and every
/// option ends with the same machines to sell. Staying runs the whole fleet at the origin's
/// terms with nothing upfront: a region's cap limits new capacity only. Moving to region R moves
/// min(fleet, R's cap) MW, which pay exit(origin) + arrival(R) + R's build-out per MW before
/// month 1 (depreciated for tax) and earn nothing for exit days(origin) + arrival days(R); the
/// rest stays. The plan moves each MW where its NPV is highest: per MW the NPV is the same for
/// every MW of an option, so greedy filling ([`allocate`]) of the gains over staying is optimal.
/// `months` holds each region's [`SiteMonths`], in the regions' order.
pub fn stay_or_move(
    regions: &[Region],
    origin: Option<usize>,
    months: &[SiteMonths],
    terms: &FleetInOrigin,
) -> Vec<MoveOption> {
    let Some(origin) = origin.filter(|&o| o < regions.len()) else {
        return Vec::new();
    };
    let from = &regions[origin];
    let deployments: Vec<Deployment> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if i == origin {
                return Deployment::default();
            }
            let route = formulas::route_usd_per_mw(from.values.exit_cost_usd_per_mw, r.values.move_cost_usd_per_mw);
            let upfront = route + r.values.capex_usd_per_mw;
            Deployment {
                upfront_usd_per_mw: upfront,
                depreciable_usd_per_mw: upfront,
                idle_days: from.values.exit_days + r.values.move_days,
                residual_usd_per_mw: 0.0,
            }
        })
        .collect();
    let per_mw: Vec<Projection> = months.iter().zip(&deployments).map(|(m, d)| project(m, d, &terms.finance)).collect();
    let fleet_mw = terms.fleet_mw.max(0.0);
    let residual_usd = terms.residual_usd_per_mw * fleet_mw;
    let discount_36 = formulas::discount_factor(terms.finance.discount_rate_pct_per_year, MONTHS as f64);
    let option = |kind: OptionKind, index: usize, moves: &[(usize, f64)]| {
        let r = &regions[index];
        let moved_mw: f64 = moves.iter().map(|m| m.1).sum::<f64>() + 0.0;
        let mut parts = vec![(origin, fleet_mw - moved_mw)];
        parts.extend(moves.iter().copied().filter(|m| m.1 > 0.0));
        let mut cumulative_usd = vec![0.0; MONTHS + 1];
        let (mut npv_usd, mut off_months) = (residual_usd * discount_36, Vec::new());
        for &(i, mw) in parts.iter().filter(|p| p.1 > 0.0) {
            for (total, v) in cumulative_usd.iter_mut().zip(&per_mw[i].cumulative_usd_per_mw) {
                *total += v * mw;
            }
            npv_usd += per_mw[i].npv_usd_per_mw * mw;
            if per_mw[i].off_months.len() > off_months.len() {
                off_months = per_mw[i].off_months.clone();
            }
        }
        cumulative_usd[MONTHS] += residual_usd;
        let (id, name, color_rgb) = match kind {
            OptionKind::Plan => (Rc::from(PLAN_ID), Rc::from("Best plan"), PLAN_RGB),
            _ => (r.id.clone(), r.name.clone(), r.color_rgb),
        };
        MoveOption {
            kind,
            region_index: index,
            id,
            name,
            color_rgb,
            placements: parts
                .iter()
                .filter(|p| p.1 > 0.0)
                .map(|&(i, mw)| Placement {
                    region_index: i,
                    stays: i == origin,
                    id: regions[i].id.clone(),
                    name: regions[i].name.clone(),
                    mw,
                })
                .collect(),
            mw: if kind == OptionKind::Stay { fleet_mw } else { moved_mw },
            // Adding 0.0 turns the empty sum's −0.0 into 0.
            upfront_usd: moves.iter().map(|&(i, mw)| deployments[i].upfront_usd_per_mw * mw).sum::<f64>() + 0.0,
            net_36m_usd: cumulative_usd[MONTHS],
            npv_usd,
            vs_stay_usd: 0.0,
            break_even_month: None,
            off_months,
            cumulative_usd,
        }
    };
    let stay = option(OptionKind::Stay, origin, &[]);
    let mut options: Vec<MoveOption> = (0..regions.len())
        .map(|i| {
            if i == origin {
                stay.clone()
            } else {
                option(OptionKind::Move, i, &[(i, fleet_mw.min(regions[i].values.cap_mw.max(0.0)))])
            }
        })
        .collect();
    let gains: Vec<f64> = per_mw
        .iter()
        .enumerate()
        .map(|(i, p)| if i == origin { 0.0 } else { p.npv_usd_per_mw - per_mw[origin].npv_usd_per_mw })
        .collect();
    let caps: Vec<f64> = regions.iter().map(|r| r.values.cap_mw).collect();
    let moves: Vec<(usize, f64)> =
        allocate(fleet_mw, &gains, &caps).iter().enumerate().map(|(i, a)| (i, a.mw)).filter(|m| m.1 > 0.0).collect();
    options.push(option(OptionKind::Plan, origin, &moves));
    for o in &mut options {
        if o.kind != OptionKind::Stay && o.mw > 0.0 {
            o.vs_stay_usd = o.net_36m_usd - stay.net_36m_usd;
            o.break_even_month = break_even_month(&o.cumulative_usd, &stay.cumulative_usd);
        }
    }
    // `sort_by` is stable, so equal NPVs keep region order and the plan follows the row it equals.
    options.sort_by(|a, b| b.npv_usd.total_cmp(&a.npv_usd));
    options
}

/// The plan's colour in the charts: near-black, apart from every region's.
pub const PLAN_RGB: [u8; 3] = [40, 40, 40];
