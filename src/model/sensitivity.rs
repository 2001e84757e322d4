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
    /// Shared: a grid whose cells did not change reuses them ([`sensitivity_grid`]'s `previous`).
    pub margins_usd_per_mw_day: Rc<[f64]>,
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
    /// What the cells were computed from: the inputs without the current point.
    basis: SensitivityInputs,
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
#[derive(Clone, Debug, PartialEq)]
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

impl SensitivityInputs {
    /// The inputs the cells depend on: all but the current point (the region's price and the
    /// hashprice), since every cell has its own price and hashprice.
    fn basis(&self) -> SensitivityInputs {
        SensitivityInputs {
            site: formulas::SiteCosts { price_usd_per_kwh: 0.0, ..self.site.clone() },
            hashprice_usd_per_ph_day: 0.0,
            ..self.clone()
        }
    }
}

/// Computes the grid with `n_price` × `n_hashprice` cells (each at least 1).
///
/// Every cell is the table's margin formula evaluated in the same order of operations, so the map
/// and the table agree to the last bit (`tests/it/projection.rs` checks cells against
/// [`formulas::margin_usd_per_mw_day`]); the revenue of each row and the power bill of each
/// column are computed once. The cells do not depend on the current point, so when `previous`
/// was computed from the same inputs but for the current point (a hashprice or price slider
/// moved), its cells, scale and break-even line are reused and only the point is new.
pub fn sensitivity_grid(
    previous: Option<&SensitivityGrid>,
    region_index: usize,
    id: Rc<str>,
    name: Rc<str>,
    inputs: &SensitivityInputs,
    n_price: usize,
    n_hashprice: usize,
) -> SensitivityGrid {
    let (n_price, n_hashprice) = (n_price.max(1), n_hashprice.max(1));
    let basis = inputs.basis();
    let current = (inputs.site.price_usd_per_kwh, inputs.hashprice_usd_per_ph_day);
    let current_margin = formulas::margin_usd_per_mw_day(
        formulas::revenue_usd_per_mw_day(current.1, inputs.efficiency_j_per_th, inputs.pue, inputs.pool_fee),
        &inputs.site,
    );
    if let Some(previous) =
        previous.filter(|g| g.basis == basis && (g.n_price, g.n_hashprice) == (n_price, n_hashprice))
    {
        return SensitivityGrid {
            region_index,
            id,
            name,
            current,
            current_margin_usd_per_mw_day: current_margin,
            ..previous.clone()
        };
    }
    let price_spec = RegionField::Price.spec();
    let price_axis = (price_spec.min, price_spec.max);
    let hashprice_axis = inputs.hashprice_axis;
    let SensitivityInputs { efficiency_j_per_th: e, pue, pool_fee: fee, ref site, .. } = *inputs;
    let revenue = |hp: f64| formulas::revenue_usd_per_mw_day(hp, e, pue, fee);
    // Cell by cell the table's formula, u × 24 000 × gain − opex, with each row's threshold and
    // each column's price computed once.
    let prices: Vec<f64> = (0..n_price).map(|i| cell_centre(price_axis, n_price, i)).collect();
    let (uptime, opex_usd) = (site.uptime, site.fixed_usd_per_mw_day());
    let mut margins = Vec::with_capacity(n_price * n_hashprice);
    for j in 0..n_hashprice {
        let threshold = site.threshold_usd_per_kwh(revenue(cell_centre(hashprice_axis, n_hashprice, j)));
        margins.extend(
            prices
                .iter()
                .map(|&p| uptime * formulas::KWH_PER_MW_DAY * site.gain_at_price_usd_per_kwh(threshold, p) - opex_usd),
        );
    }
    // A plain comparison rather than `f64::max` (whose NaN handling stops the loop from being
    // vectorised): every input is finite, so no cell is NaN.
    let max_abs = margins.iter().fold(0.0, |max: f64, m| if m.abs() > max { m.abs() } else { max });
    // The break-even hashprice is linear in the (mean) power price, b(p) = b(0) + slope × p with a
    // positive slope (efficiency and PUE above zero, the pool fee below 100 %; a profile's shift
    // moves its break-even threshold one for one), so the line
    // enters on the left edge at b(0), if that is inside the box, and leaves through the right
    // edge or the top.
    let break_even = |p: f64| {
        formulas::break_even_usd_per_ph_day(e, pue, fee, &formulas::SiteCosts { price_usd_per_kwh: p, ..site.clone() })
    };
    let (p_min, p_max, hp_max) = (price_axis.0, price_axis.1, hashprice_axis.1);
    let break_even_line = break_even(p_min).zip(break_even(p_max)).and_then(|(b0, b1)| {
        let slope = (b1 - b0) / (p_max - p_min);
        let end = if b1 <= hp_max { (p_max, b1) } else { (p_min + (hp_max - b0) / slope, hp_max) };
        (b0 <= hp_max).then_some([(p_min, b0), end])
    });
    SensitivityGrid {
        region_index,
        id,
        name,
        price_axis_usd_per_kwh: price_axis,
        hashprice_axis_usd_per_ph_day: hashprice_axis,
        n_price,
        n_hashprice,
        margins_usd_per_mw_day: margins.into(),
        max_abs_margin_usd_per_mw_day: max_abs,
        break_even_line,
        current,
        current_margin_usd_per_mw_day: current_margin,
        basis,
    }
}
