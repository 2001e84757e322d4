//! Chart 3: profit per day by region for the current allocation, marking the regions whose cap binds.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    band_center, band_label_px, draw_band_labels, draw_more_note, nice_ceil, region_color, shown_rows, DrawResult,
    FONT, NOTE_PX,
};
use crate::format::compact;
use crate::model::Report;

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, report: &Report) -> DrawResult<DB> {
    let (rows, hidden) = shown_rows(report, |r| r.profit_usd_per_day + r.margin_usd_per_mw_day * 1e-9);
    let n = rows.len().max(1) as f64;
    // Headroom on the right leaves room for the "cap" marks.
    let x_max = nice_ceil(rows.iter().map(|r| r.profit_usd_per_day).fold(1.0f64, f64::max) * 1.2);
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
        .x_desc("Profit (USD/day)")
        .label_style((FONT, 12))
        .draw()?;

    let mark = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, row) in rows.iter().enumerate() {
        let c = band_center(i, rows.len());
        let profit = row.profit_usd_per_day;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, c - 0.3), (profit, c + 0.3)],
            region_color(row).mix(0.85).filled(),
        )))?;
        if row.cap_binds {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(profit, c - 0.4), (profit, c + 0.4)],
                BLACK.stroke_width(3),
            )))?;
            let (x, y) = chart.backend_coord(&(profit, c));
            area.draw(&Text::new("cap", (x + 6, y), mark.clone()))?;
        } else if row.allocated_mw == 0.0 {
            // An empty band would read as missing data; say why it is empty.
            let (x, y) = chart.backend_coord(&(0.0, c));
            area.draw(&Text::new("not placed", (x + 6, y), mark.clone().color(&BLACK.mix(0.55))))?;
        }
    }
    draw_band_labels(area, &chart, &rows)?;
    draw_more_note(area, hidden, "most profitable")
}
