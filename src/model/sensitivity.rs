//! The sensitivity map: one region's margin per MW-day over a grid of power price × hashprice.

use std::rc::Rc;

use super::fields::RegionField;
use super::formulas;

/// Cells along each axis of the map in the report (10 000 cells in all).
pub const SENSITIVITY_CELLS: usize = 100;

/// Margin (USD per MW-day) at the centre of every cell of a power price × hashprice grid.
///
/// The axes are the range of the power price field (0–0.2 USD/kWh) and the charts' hashprice axis
/// (the field's 0–150 USD/PH/day, raised above a larger market hashprice), so the map holds still
/// while sliders move and the current point stays on it. Cell (i, j) has the power price
/// of column i and the hashprice of row j; the margin is the all-in
/// [`formulas::margin_usd_per_mw_day`] with the region's levy, opex and uptime after seasonal
/// downtime.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityGrid {
    /// The region's position in the scenario and the report's rows.
    pub region_index: usize,
    pub id: Rc<str>,
    pub name: Rc<str>,
    /// Power price axis from its first to its last cell edge, USD/kWh.
    pub price_axis_usd_per_kwh: (f64, f64),
    /// Hashprice axis from its first to its last cell edge, USD per PH/s per day.
    pub hashprice_axis_usd_per_ph_day: (f64, f64),
    /// Cells along the power price axis (columns).
    pub n_price: usize,
    /// Cells along the hashprice axis (rows).
    pub n_hashprice: usize,
    /// Row-major margins, USD per MW-day: index j × n_price + i for column i and row j; row 0 is
    /// the lowest hashprice.
    pub margins_usd_per_mw_day: Vec<f64>,
    /// The largest |margin| of the grid (zero when every cell is zero), for a colour scale
    /// symmetric around zero.
    pub max_abs_margin_usd_per_mw_day: f64,
    /// The all-in break-even line (margin = 0) as two (USD/kWh, USD/PH/day) points, where it
    /// enters the box on the left edge and where it leaves it; `None` when it misses the box
    /// (the margin is negative at every hashprice shown) or the site has no power.
    pub break_even_line: Option<[(f64, f64); 2]>,
    /// The region's power price and the effective hashprice: the current point.
    pub current: (f64, f64),
    /// The margin at the current point, USD per MW-day (the table's figure).
    pub current_margin_usd_per_mw_day: f64,
}

impl SensitivityGrid {
    /// The power price at the centre of column `i`, USD/kWh.
    pub fn price_at(&self, i: usize) -> f64 {
        cell_centre(self.price_axis_usd_per_kwh, self.n_price, i)
    }

    /// The hashprice at the centre of row `j`, USD per PH/s per day.
    pub fn hashprice_at(&self, j: usize) -> f64 {
        cell_centre(self.hashprice_axis_usd_per_ph_day, self.n_hashprice, j)
    }

    /// The margin of column `i` and row `j`, USD per MW-day.
    pub fn margin(&self, i: usize, j: usize) -> f64 {
        self.margins_usd_per_mw_day[j * self.n_price + i]
    }
}

fn cell_centre((min, max): (f64, f64), n: usize, i: usize) -> f64 {
    min + (max - min) * (i as f64 + 0.5) / n as f64
}

/// What the grid needs to know about the fleet and the region.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SensitivityInputs {
    pub efficiency_j_per_th: f64,
    pub pue: f64,
    /// Pool fee as a fraction.
    pub pool_fee: f64,
    /// The region's price (the current point's), levy, effective uptime and opex.
    pub site: formulas::SiteCosts,
    /// The effective hashprice: the current point's.
    pub hashprice_usd_per_ph_day: f64,
    /// The hashprice axis, the profit chart's ([`super::report::hashprice_axis`]).
    pub hashprice_axis: (f64, f64),
}

/// Computes the grid with `n_price` × `n_hashprice` cells (each at least 1).
///
/// Every cell is the table's margin formula evaluated in the same order of operations, so the map
/// and the table agree to the last bit (`tests/it/projection.rs` checks cells against
/// [`formulas::margin_usd_per_mw_day`]); the revenue of each row and the power bill of each
/// column are computed once, because the map is recomputed on every slider event.
pub fn sensitivity_grid(
    region_index: usize,
    id: Rc<str>,
    name: Rc<str>,
    inputs: &SensitivityInputs,
    n_price: usize,
    n_hashprice: usize,
) -> SensitivityGrid {
    let (n_price, n_hashprice) = (n_price.max(1), n_hashprice.max(1));
    let price_spec = RegionField::Price.spec();
    let price_axis = (price_spec.min, price_spec.max);
    let hashprice_axis = inputs.hashprice_axis;
    let SensitivityInputs { efficiency_j_per_th: e, pue, pool_fee: fee, site, .. } = *inputs;
    let revenue = |hp: f64| formulas::revenue_usd_per_mw_day(hp, e, pue, fee);
    let margin = |p: f64, hp: f64| {
        formulas::margin_usd_per_mw_day(revenue(hp), &formulas::SiteCosts { price_usd_per_kwh: p, ..site })
    };
    // margin = u × max(revenue(hp) − energy(p), 0) − opex, as in the formula.
    let energy_usd: Vec<f64> = (0..n_price)
        .map(|i| formulas::KWH_PER_MW_DAY * (cell_centre(price_axis, n_price, i) + site.levy_usd_per_kwh))
        .collect();
    let (uptime, opex_usd) = (site.uptime, site.opex_usd_per_mw_day());
    let mut margins = Vec::with_capacity(n_price * n_hashprice);
    for j in 0..n_hashprice {
        let revenue_usd = revenue(cell_centre(hashprice_axis, n_hashprice, j));
        margins.extend(energy_usd.iter().map(|&energy| uptime * (revenue_usd - energy).max(0.0) - opex_usd));
    }
    // A plain comparison rather than `f64::max` (whose NaN handling stops the loop from being
    // vectorised): every input is finite, so no cell is NaN.
    let max_abs = margins.iter().fold(0.0, |max: f64, m| if m.abs() > max { m.abs() } else { max });
    // The break-even hashprice is linear in the power price, b(p) = b(0) + slope × p with a
    // positive slope (efficiency and PUE above zero, the pool fee below 100 %), so the line
    // enters on the left edge at b(0), if that is inside the box, and leaves through the right
    // edge or the top.
    let break_even = |p: f64| {
        formulas::break_even_usd_per_ph_day(e, pue, fee, &formulas::SiteCosts { price_usd_per_kwh: p, ..site })
    };
    let (p_min, p_max, hp_max) = (price_axis.0, price_axis.1, hashprice_axis.1);
    let break_even_line = break_even(p_min).zip(break_even(p_max)).and_then(|(b0, b1)| {
        let slope = (b1 - b0) / (p_max - p_min);
        let end = if b1 <= hp_max { (p_max, b1) } else { (p_min + (hp_max - b0) / slope, hp_max) };
        (b0 <= hp_max).then_some([(p_min, b0), end])
    });
    let current = (site.price_usd_per_kwh, inputs.hashprice_usd_per_ph_day);
    SensitivityGrid {
        region_index,
        id,
        name,
        price_axis_usd_per_kwh: price_axis,
        hashprice_axis_usd_per_ph_day: hashprice_axis,
        n_price,
        n_hashprice,
        margins_usd_per_mw_day: margins,
        max_abs_margin_usd_per_mw_day: max_abs,
        break_even_line,
        current,
        current_margin_usd_per_mw_day: margin(current.0, current.1),
    }
}
