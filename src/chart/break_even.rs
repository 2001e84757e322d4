//! Chart 2: each region's power price against its break-even power price.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    band_center, band_label_px, draw_band_labels, draw_more_note, nice_ceil, region_color, shown_rows, DrawResult,
    FONT, NOTE_PX,
};
use crate::format::compact;
use crate::model::Report;

/// Green for headroom and vermillion for shortfall, from the Okabe–Ito palette that region
/// colours also come from, so the two read apart for colour-blind readers.
const HEADROOM: RGBColor = RGBColor(0, 158, 115);
const SHORTFALL: RGBColor = RGBColor(213, 94, 0);

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, report: &Report) -> DrawResult<DB> {
    let (rows, hidden) = shown_rows(report, |r| r.break_even_usd_per_kwh - r.power_usd_per_kwh);
    let n = rows.len().max(1) as f64;
    let x_max =
        nice_ceil(rows.iter().map(|r| r.power_usd_per_kwh.max(r.break_even_usd_per_kwh)).fold(0.01f64, f64::max) * 1.1);
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        // Room under the axis for the "more regions" line.
        .margin_bottom(if hidden > 0 { 12 + NOTE_PX } else { 12 })
        .x_label_area_size(40)
        .y_label_area_size(band_label_px(area))
        .build_cartesian_2d(0.0..x_max, 0.0..n)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .light_line_style(TRANSPARENT)
        .bold_line_style(BLACK.mix(0.08))
        .x_labels(6)
        .x_label_formatter(&|v| compact(*v))
        .x_desc("Power price (USD/kWh)")
        .label_style((FONT, 12))
        .draw()?;

    for (i, row) in rows.iter().enumerate() {
        let c = band_center(i, rows.len());
        let (price, be) = (row.power_usd_per_kwh, row.break_even_usd_per_kwh);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, c - 0.3), (price, c + 0.3)],
            region_color(row).mix(0.8).filled(),
        )))?;
        let gap = if be >= price { HEADROOM } else { SHORTFALL };
        chart.draw_series(std::iter::once(PathElement::new(vec![(price, c), (be, c)], gap.stroke_width(4))))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(be, c - 0.42), (be, c + 0.42)],
            BLACK.stroke_width(2),
        )))?;
    }
    draw_band_labels(area, &chart, &rows)?;
    draw_more_note(area, hidden, "with the most headroom")
}
