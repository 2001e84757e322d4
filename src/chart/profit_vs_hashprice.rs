//! Chart 1: profit per MW-day against hashprice, a line per region, with break-evens and the current hashprice.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{padded_range, region_color, short_label, DrawResult, FONT};
use crate::format::compact;
use crate::model::{RegionReport, Report};

/// Regions named in the legend; more would cover the lines they label.
pub const LEGEND_MAX: usize = 8;

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, report: &Report) -> DrawResult<DB> {
    let (x0, x1) = report.hashprice_axis;
    let (y0, y1) = padded_range(report.rows.iter().flat_map(|r| r.margin_line.iter().map(|p| p.1)));
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(64)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(BLACK.mix(0.08))
        .x_labels(8)
        .y_labels(6)
        .x_label_formatter(&|v| compact(*v))
        .y_label_formatter(&|v| compact(*v))
        .x_desc("Hashprice (USD/PH/day)")
        .y_desc("Profit (USD per MW-day)")
        .label_style((FONT, 12))
        .draw()?;

    // The zero line is where a region stops paying.
    chart.draw_series(std::iter::once(PathElement::new(vec![(x0, 0.0), (x1, 0.0)], BLACK.mix(0.45))))?;

    // With many regions only the best few by margin get a bold line and a legend entry; the
    // rest are drawn thin and faint underneath, and the legend says how many they are.
    let mut order: Vec<&RegionReport> = report.rows.iter().collect();
    order.sort_by(|a, b| b.margin_usd_per_mw_day.total_cmp(&a.margin_usd_per_mw_day));
    let (top, rest) = order.split_at(order.len().min(LEGEND_MAX));
    for row in rest {
        let faint = region_color(row).mix(0.35).stroke_width(1);
        chart.draw_series(std::iter::once(PathElement::new(row.margin_line.to_vec(), faint)))?;
    }
    for row in top {
        let color = region_color(row);
        chart
            .draw_series(std::iter::once(PathElement::new(row.margin_line.to_vec(), color.stroke_width(2))))?
            .label(short_label(&row.name, 22))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], color.stroke_width(2)));
    }
    if !rest.is_empty() {
        let grey = BLACK.mix(0.35);
        chart
            .draw_series(std::iter::empty::<PathElement<(f64, f64)>>())?
            .label(format!("+{} more (thin lines)", rest.len()))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], grey.stroke_width(1)));
    }

    // Break-even hashprices on the zero line; a region whose break-even lies off the axis has no dot.
    chart.draw_series(
        report
            .rows
            .iter()
            .filter(|r| r.break_even_usd_per_ph_day >= x0 && r.break_even_usd_per_ph_day <= x1)
            .map(|r| Circle::new((r.break_even_usd_per_ph_day, 0.0), 4, region_color(r).filled())),
    )?;

    let hp = report.hashprice_usd_per_ph_day;
    chart.draw_series(std::iter::once(PathElement::new(vec![(hp, y0), (hp, y1)], BLACK.stroke_width(1))))?;

    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font((FONT, 12))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .draw()?;
    Ok(())
}
