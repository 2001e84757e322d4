//! Chart 5: the payback month of a new deployment in each region, or "never within 36 months".

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{band_center, bar_chart, draw_band_labels, draw_more_note, rgb, Bands, DrawResult, FONT};
use crate::model::{RegionReport, Report};

/// The projection's length in months: a region that never pays back gets a bar this long.
const HORIZON: f64 = 36.0;

/// What the chart shows: a band per region, the fastest to pay back when there are many.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub(super) bands: Bands<Bar>,
}

/// One region's band.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Bar {
    name: Rc<str>,
    color_rgb: [u8; 3],
    payback_months: Option<u32>,
}

impl Inputs {
    /// The chart's bands for `report`.
    pub fn from_report(report: &Report) -> Self {
        // Fastest payback first; those that never pay back last, the closest to paying first.
        let rank = |r: &RegionReport| match r.payback_months {
            Some(m) => -f64::from(m),
            None => -1000.0 + r.net_36m_usd_per_mw * 1e-12,
        };
        let bands = Bands::best(&report.rows, rank, |r| Bar {
            name: r.name.clone(),
            color_rgb: r.color_rgb,
            payback_months: r.payback_months,
        });
        Inputs { bands }
    }
}

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, inputs: &Inputs) -> DrawResult<DB> {
    let Bands { shown: rows, hidden } = &inputs.bands;
    let mut chart = bar_chart(area, (0.0, HORIZON + 6.0), rows.len(), *hidden, "Payback (months)")?;
    let mark = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, row) in rows.iter().enumerate() {
        let c = band_center(i, rows.len());
        let color = rgb(row.color_rgb);
        let (end, fill, label) = match row.payback_months {
            Some(m) => (f64::from(m), color.mix(0.85).filled(), format!("month {m}")),
            // A pale bar across the whole horizon: still there after 36 months, still owing.
            None => (HORIZON, color.mix(0.2).filled(), "never within 36 months".to_string()),
        };
        chart.draw_series(std::iter::once(Rectangle::new([(0.0, c - 0.3), (end, c + 0.3)], fill)))?;
        let (x, y) = chart.backend_coord(&(if row.payback_months.is_some() { end } else { 0.0 }, c));
        area.draw(&Text::new(label, (x + 6, y), mark.clone()))?;
    }
    draw_band_labels(area, &chart, &rows.iter().map(|r| &*r.name).collect::<Vec<_>>())?;
    draw_more_note(area, *hidden, "fastest to pay back")
}
