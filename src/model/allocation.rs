//! Placing a fleet of MW across regions: greedy by margin, which is optimal for this linear problem.

/// How much of the fleet one region received, and whether its cap stopped it from receiving more.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Allocation {
    pub mw: f64,
    /// True when the region took its whole cap while fleet was still left to place,
    /// that is when a higher cap would have raised the profit.
    pub cap_binds: bool,
}

/// Allocates `fleet_mw` to regions in order of margin (USD per MW-day), each up to its cap (MW),
/// never to a region whose margin is ≤ 0. Ties keep region order, so the result is deterministic.
///
/// Maximising Σ mᵢ·xᵢ subject to 0 ≤ xᵢ ≤ capᵢ and Σ xᵢ ≤ fleet is a fractional knapsack with unit
/// weights, for which filling the best margin first is optimal; `tests/it/allocation.rs` checks that
/// against brute force.
pub fn allocate(fleet_mw: f64, margins_usd_per_mw_day: &[f64], caps_mw: &[f64]) -> Vec<Allocation> {
    assert_eq!(margins_usd_per_mw_day.len(), caps_mw.len(), "one cap per margin");
    let mut order: Vec<usize> = (0..margins_usd_per_mw_day.len()).collect();
    // `sort_by` is stable, so equal margins keep region order.
    order.sort_by(|&a, &b| margins_usd_per_mw_day[b].total_cmp(&margins_usd_per_mw_day[a]));
    let mut out = vec![Allocation::default(); caps_mw.len()];
    let mut left_mw = fleet_mw.max(0.0);
    for i in order {
        if margins_usd_per_mw_day[i] <= 0.0 || left_mw <= 0.0 {
            break;
        }
        let cap = caps_mw[i].max(0.0);
        let mw = cap.min(left_mw);
        out[i] = Allocation { mw, cap_binds: cap < left_mw };
        left_mw -= mw;
    }
    out
}
