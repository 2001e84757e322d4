//! Chart 3: profit per day by region for the current allocation, marking the regions whose cap binds.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{band_center, bar_chart, draw_band_labels, draw_more_note, nice_ceil, rgb, Bands, DrawResult, FONT};
use crate::model::Report;

/// What the chart shows: a band per region, the most profitable when there are many.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub(super) bands: Bands<Bar>,
}

/// One region's band.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Bar {
    name: Rc<str>,
    color_rgb: [u8; 3],
    profit_usd_per_day: f64,
    cap_binds: bool,
    /// Some of the fleet is placed there.
    placed: bool,
}

impl Inputs {
    /// The chart's bands for `report`.
    pub fn from_report(report: &Report) -> Self {
        let bands = Bands::best(
            &report.rows,
            |r| r.profit_usd_per_day + r.margin_usd_per_mw_day * 1e-9,
            |r| Bar {
                name: r.name.clone(),
                color_rgb: r.color_rgb,
                profit_usd_per_day: r.profit_usd_per_day,
                cap_binds: r.cap_binds,
                placed: r.allocated_mw != 0.0,
            },
        );
        Inputs { bands }
    }
}

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, inputs: &Inputs) -> DrawResult<DB> {
    let Bands { shown: rows, hidden } = &inputs.bands;
    // Headroom on the right leaves room for the "cap" marks.
    let x_max = nice_ceil(rows.iter().map(|r| r.profit_usd_per_day).fold(1.0f64, f64::max) * 1.2);
    let mut chart = bar_chart(area, (0.0, x_max), rows.len(), *hidden, "Profit (USD/day)")?;

    let mark = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, row) in rows.iter().enumerate() {
        let c = band_center(i, rows.len());
        let profit = row.profit_usd_per_day;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, c - 0.3), (profit, c + 0.3)],
            rgb(row.color_rgb).mix(0.85).filled(),
        )))?;
        if row.cap_binds {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(profit, c - 0.4), (profit, c + 0.4)],
                BLACK.stroke_width(3),
            )))?;
            let (x, y) = chart.backend_coord(&(profit, c));
            area.draw(&Text::new("cap", (x + 6, y), mark.clone()))?;
        } else if !row.placed {
            // An empty band would read as missing data; say why it is empty.
            let (x, y) = chart.backend_coord(&(0.0, c));
            area.draw(&Text::new("not placed", (x + 6, y), mark.clone().color(&BLACK.mix(0.55))))?;
        }
    }
    draw_band_labels(area, &chart, &rows.iter().map(|r| &*r.name).collect::<Vec<_>>())?;
    draw_more_note(area, *hidden, "most profitable")
}
