//! Chart 1: profit per MW-day against hashprice, a line per region, with break-evens and the current hashprice.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{padded_range, region_color, short_label, DrawResult, PlotFrame, FONT};
use crate::format::compact;
use crate::model::{RegionReport, Report};

/// Regions named in the legend; more would cover the lines they label.
pub const LEGEND_MAX: usize = 8;

/// The chart's axis ranges, x then y: the hashprice axis, and the profit axis over every
/// region's line, padded and rounded to nice numbers so that it holds still while a slider
/// moves a line a little.
pub(super) fn axes(report: &Report) -> [f64; 4] {
    let (x0, x1) = report.hashprice_axis;
    let (y0, y1) = padded_range(report.rows.iter().flat_map(|r| r.margin_line.iter().map(|p| p.1)));
    [x0, x1, y0, y1]
}

/// Draws the chart, with the current hashprice's line when `with_cursor` (the page draws that
/// line itself, over the canvas); returns where the plot area lies.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &Report,
    with_cursor: bool,
) -> Result<PlotFrame, DrawingAreaErrorKind<DB::ErrorType>> {
    let [x0, x1, y0, y1] = axes(report);
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
        .axis_desc_style((FONT, 12))
        .draw()?;

    // The zero line is where a region stops paying.
    chart.draw_series(std::iter::once(PathElement::new(vec![(x0, 0.0), (x1, 0.0)], BLACK.mix(0.45))))?;

    let legend = draw_ranked_lines(&mut chart, report, |r| r.margin_usd_per_mw_day, |r| r.margin_line.to_vec())?;
    // Break-even hashprices on the zero line; a region whose break-even lies off the axis has no dot.
    chart.draw_series(
        report
            .rows
            .iter()
            .filter(|r| r.break_even_usd_per_ph_day >= x0 && r.break_even_usd_per_ph_day <= x1)
            .map(|r| Circle::new((r.break_even_usd_per_ph_day, 0.0), 4, region_color(r).filled())),
    )?;

    let (plot_x, plot_y) = chart.backend_coord(&(x0, y1));
    let (right_px, bottom_px) = chart.backend_coord(&(x1, y0));
    let frame = PlotFrame { x_range: (x0, x1), left_px: plot_x, right_px, top_px: plot_y, bottom_px };
    if with_cursor {
        let hp = report.hashprice_usd_per_ph_day;
        chart.draw_series(std::iter::once(PathElement::new(vec![(hp, y0), (hp, y1)], BLACK.stroke_width(1))))?;
    }

    draw_legend(area, (plot_x + 10, plot_y + 8), &legend)?;
    Ok(frame)
}

/// Draws one line per region, ranked by `rank`: with many regions only the best few get a bold
/// line and a legend entry; the rest are drawn thin and faint underneath, and the legend says
/// how many they are. Returns the legend's entries.
pub(super) fn draw_ranked_lines<DB: DrawingBackend>(
    chart: &mut ChartContext<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    report: &Report,
    rank: impl Fn(&RegionReport) -> f64,
    points: impl Fn(&RegionReport) -> Vec<(f64, f64)>,
) -> Result<Vec<(String, ShapeStyle)>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut order: Vec<&RegionReport> = report.rows.iter().collect();
    order.sort_by(|a, b| rank(b).total_cmp(&rank(a)));
    let (top, rest) = order.split_at(order.len().min(LEGEND_MAX));
    for row in rest {
        chart
            .draw_series(std::iter::once(PathElement::new(points(row), region_color(row).mix(0.35).stroke_width(1))))?;
    }
    for row in top {
        chart.draw_series(std::iter::once(PathElement::new(points(row), region_color(row).stroke_width(2))))?;
    }
    let mut legend: Vec<(String, ShapeStyle)> =
        top.iter().map(|r| (short_label(&r.name, 22), region_color(r).stroke_width(2))).collect();
    if !rest.is_empty() {
        legend.push((format!("+{} more (thin lines)", rest.len()), BLACK.mix(0.35).stroke_width(1)));
    }
    Ok(legend)
}

/// Draws a legend box at `origin` (top-left, in pixels): a line sample and a label per entry.
///
/// plotters' own series legend sizes itself through the font directly, which on the web means
/// a DOM layout (and an inline style) per label; this one measures through the backend.
pub(super) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    origin: (i32, i32),
    entries: &[(String, ShapeStyle)],
) -> DrawResult<DB> {
    const ROW_PX: i32 = 16;
    const SAMPLE_PX: i32 = 18;
    let font = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Left, VPos::Center));
    let mut width = 0;
    for (label, _) in entries {
        width = width.max(area.estimate_text_size(label, &font)?.0 as i32);
    }
    let (x, y) = origin;
    let size = (SAMPLE_PX + width + 18, ROW_PX * entries.len() as i32 + 8);
    area.draw(&Rectangle::new([(x, y), (x + size.0, y + size.1)], WHITE.mix(0.85).filled()))?;
    area.draw(&Rectangle::new([(x, y), (x + size.0, y + size.1)], BLACK.mix(0.3)))?;
    for (i, (label, style)) in entries.iter().enumerate() {
        let cy = y + 4 + ROW_PX / 2 + ROW_PX * i as i32;
        area.draw(&PathElement::new(vec![(x + 6, cy), (x + 6 + SAMPLE_PX, cy)], *style))?;
        area.draw(&Text::new(label.clone(), (x + 12 + SAMPLE_PX, cy), font.clone()))?;
    }
    Ok(())
}
