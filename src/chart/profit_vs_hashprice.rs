//! Chart 1: profit per MW-day against hashprice, a line per region, with break-evens and the current hashprice.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::rc::Rc;

use super::{padded_range, rank_desc, rgb, short_label, DrawResult, PlotFrame, FONT};
use crate::format::compact;
use crate::model::Report;

/// Regions named in the legend; more would cover the lines they label.
pub const LEGEND_MAX: usize = 8;

/// What the chart shows: a line per region, and the order that ranks them. The current
/// hashprice is not here: it is the chart's cursor (see `ChartKind::cursor`).
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    /// The hashprice axis, USD per PH/s per day.
    hashprice_axis: (f64, f64),
    /// One line per region, in scenario order.
    lines: Vec<Line>,
    /// Indices into `lines`, best current margin first: the legend's order.
    ranked: Vec<usize>,
}

/// One region's line and its break-even dot.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    name: Rc<str>,
    color_rgb: [u8; 3],
    margin_line: Rc<[(f64, f64)]>,
    /// `None` for a site without power, which has no break-even.
    break_even_usd_per_ph_day: Option<f64>,
}

impl Inputs {
    /// The chart's lines for `report`.
    pub fn from_report(report: &Report) -> Self {
        let lines = report
            .rows
            .iter()
            .map(|r| Line {
                name: r.name.clone(),
                color_rgb: r.color_rgb,
                margin_line: r.margin_line.clone(),
                break_even_usd_per_ph_day: r.break_even_usd_per_ph_day,
            })
            .collect();
        let ranked = rank_desc(&report.rows.iter().map(|r| r.margin_usd_per_mw_day).collect::<Vec<_>>());
        Inputs { hashprice_axis: report.hashprice_axis, lines, ranked }
    }

    /// The chart's axis ranges, x then y: the hashprice axis, and the profit axis over every
    /// region's line, padded and rounded to nice numbers so that it holds still while a slider
    /// moves a line a little.
    pub(super) fn axes(&self) -> [f64; 4] {
        let (x0, x1) = self.hashprice_axis;
        let (y0, y1) = padded_range(self.lines.iter().flat_map(|l| l.margin_line.iter().map(|p| p.1)));
        [x0, x1, y0, y1]
    }
}

/// Draws the chart, with a line at the `cursor` hashprice if any (the page draws that line
/// itself, over the canvas); returns where the plot area lies.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    inputs: &Inputs,
    cursor: Option<f64>,
) -> Result<PlotFrame, DrawingAreaErrorKind<DB::ErrorType>> {
    let [x0, x1, y0, y1] = inputs.axes();
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

    let ranked = inputs.ranked.iter().map(|&i| &inputs.lines[i]);
    let legend = draw_ranked_lines(
        &mut chart,
        ranked.map(|l| RankedLine { name: &l.name, color: rgb(l.color_rgb), points: l.margin_line.to_vec() }),
    )?;
    // Break-even hashprices on the zero line; a region whose break-even lies off the axis has no dot.
    chart.draw_series(
        inputs
            .lines
            .iter()
            .filter_map(|l| l.break_even_usd_per_ph_day.filter(|&b| b >= x0 && b <= x1).map(|b| (b, l.color_rgb)))
            .map(|(b, color)| Circle::new((b, 0.0), 4, rgb(color).filled())),
    )?;

    let (plot_x, plot_y) = chart.backend_coord(&(x0, y1));
    let (right_px, bottom_px) = chart.backend_coord(&(x1, y0));
    let frame = PlotFrame { x_range: (x0, x1), left_px: plot_x, right_px, top_px: plot_y, bottom_px };
    if let Some(hp) = cursor {
        chart.draw_series(std::iter::once(PathElement::new(vec![(hp, y0), (hp, y1)], BLACK.stroke_width(1))))?;
    }

    draw_legend(area, (plot_x + 10, plot_y + 8), &legend)?;
    Ok(frame)
}

/// A line of a line chart, as [`draw_ranked_lines`] draws it.
pub(super) struct RankedLine<'a> {
    pub(super) name: &'a str,
    pub(super) color: RGBColor,
    pub(super) points: Vec<(f64, f64)>,
}

/// Draws one line per region, best first: with many regions only the best few get a bold line
/// and a legend entry; the rest are drawn thin and faint underneath, and the legend says how
/// many they are. Returns the legend's entries.
pub(super) fn draw_ranked_lines<'a, DB: DrawingBackend>(
    chart: &mut ChartContext<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    ranked: impl Iterator<Item = RankedLine<'a>>,
) -> Result<Vec<(String, ShapeStyle)>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut top: Vec<RankedLine> = ranked.collect();
    let rest = top.split_off(top.len().min(LEGEND_MAX));
    let mut legend: Vec<(String, ShapeStyle)> =
        top.iter().map(|l| (short_label(l.name, 22), l.color.stroke_width(2))).collect();
    if !rest.is_empty() {
        legend.push((format!("+{} more (thin lines)", rest.len()), BLACK.mix(0.35).stroke_width(1)));
    }
    for line in rest {
        chart.draw_series(std::iter::once(PathElement::new(line.points, line.color.mix(0.35).stroke_width(1))))?;
    }
    for line in top {
        chart.draw_series(std::iter::once(PathElement::new(line.points, line.color.stroke_width(2))))?;
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
