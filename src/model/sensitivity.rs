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
/// of column i and the hashprice of row j; the margin is
/// [`formulas::margin_usd_per_mw_day`] with the region's uptime after seasonal downtime.
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
    /// The break-even line (margin = 0) as two (USD/kWh, USD/PH/day) points: the box's corner
    /// (0, 0), through which it always passes, and where it leaves the box. At zero uptime every
    /// margin is zero and the line still shows where the margin would change sign.
    pub break_even_line: [(f64, f64); 2],
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
    /// The region's uptime after seasonal downtime, as a fraction.
    pub uptime: f64,
    /// The current point: the region's power price (USD/kWh) and the effective hashprice.
    pub power_usd_per_kwh: f64,
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
    let SensitivityInputs { efficiency_j_per_th: e, pue, pool_fee: fee, uptime, .. } = *inputs;
    let margin = |p: f64, hp: f64| formulas::margin_usd_per_mw_day(hp, e, pue, fee, p, uptime);
    // margin = uptime × (revenue(hp) − power(p)), as in the formula.
    let hashrate = formulas::hashrate_ph_s_per_mw(e, pue);
    let power_usd: Vec<f64> =
        (0..n_price).map(|i| formulas::KWH_PER_MW_DAY * cell_centre(price_axis, n_price, i)).collect();
    let mut margins = Vec::with_capacity(n_price * n_hashprice);
    for j in 0..n_hashprice {
        let revenue_usd = hashrate * cell_centre(hashprice_axis, n_hashprice, j) * (1.0 - fee);
        margins.extend(power_usd.iter().map(|&power| uptime * (revenue_usd - power)));
    }
    // A plain comparison rather than `f64::max` (whose NaN handling stops the loop from being
    // vectorised): every input is finite, so no cell is NaN.
    let max_abs = margins.iter().fold(0.0, |max: f64, m| if m.abs() > max { m.abs() } else { max });
    // The break-even hashprice is linear in the power price, b(p) = slope × p, so the line starts
    // at the box's corner (both fields start at zero) and leaves through the right edge or the
    // top. The slope is positive: efficiency and PUE are above zero and the pool fee below 100 %.
    let slope = formulas::break_even_usd_per_ph_day(e, pue, fee, 1.0);
    let (p_max, hp_max) = (price_axis.1, hashprice_axis.1);
    let end = if slope * p_max <= hp_max { (p_max, slope * p_max) } else { (hp_max / slope, hp_max) };
    let break_even_line = [(price_axis.0, hashprice_axis.0), end];
    let current = (inputs.power_usd_per_kwh, inputs.hashprice_usd_per_ph_day);
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
