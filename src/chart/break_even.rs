//! Chart 2: each region's power price against its break-even power price.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{band_center, bar_chart, draw_band_labels, draw_more_note, nice_ceil, rgb, Bands, DrawResult};
use crate::model::Report;

/// Green for headroom and vermillion for shortfall, from the Okabe–Ito palette that region
/// colours also come from, so the two read apart for colour-blind readers.
const HEADROOM: RGBColor = RGBColor(0, 158, 115);
const SHORTFALL: RGBColor = RGBColor(213, 94, 0);

/// What the chart shows: a band per region, those with the most headroom when there are many.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub(super) bands: Bands<Bar>,
}

/// One region's band.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Bar {
    name: Rc<str>,
    color_rgb: [u8; 3],
    price_usd_per_kwh: f64,
    /// `None` for a site without power; a negative one (opex above revenue at any price) is drawn at zero.
    break_even_usd_per_kwh: Option<f64>,
}

impl Inputs {
    /// The chart's bands for `report`.
    pub fn from_report(report: &Report) -> Self {
        let bands = Bands::best(
            &report.rows,
            |r| r.break_even_usd_per_kwh.map_or(f64::NEG_INFINITY, |b| b - r.values.price_usd_per_kwh),
            |r| Bar {
                name: r.name.clone(),
                color_rgb: r.color_rgb,
                price_usd_per_kwh: r.values.price_usd_per_kwh,
                break_even_usd_per_kwh: r.break_even_usd_per_kwh,
            },
        );
        Inputs { bands }
    }
}

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, inputs: &Inputs) -> DrawResult<DB> {
    let Bands { shown: rows, hidden } = &inputs.bands;
    let x_max = nice_ceil(
        rows.iter().map(|r| r.price_usd_per_kwh.max(r.break_even_usd_per_kwh.unwrap_or(0.0))).fold(0.01f64, f64::max)
            * 1.1,
    );
    let mut chart = bar_chart(area, (0.0, x_max), rows.len(), *hidden, "Power price, a profile's mean (USD/kWh)")?;

    for (i, row) in rows.iter().enumerate() {
        let c = band_center(i, rows.len());
        let price = row.price_usd_per_kwh;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, c - 0.3), (price, c + 0.3)],
            rgb(row.color_rgb).mix(0.8).filled(),
        )))?;
        let Some(be) = row.break_even_usd_per_kwh.map(|b| b.max(0.0)) else { continue };
        let gap = if be >= price { HEADROOM } else { SHORTFALL };
        chart.draw_series(std::iter::once(PathElement::new(vec![(price, c), (be, c)], gap.stroke_width(4))))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(be, c - 0.42), (be, c + 0.42)],
            BLACK.stroke_width(2),
        )))?;
    }
    draw_band_labels(area, &chart, &rows.iter().map(|r| &*r.name).collect::<Vec<_>>())?;
    draw_more_note(area, *hidden, "with the most headroom")
}
