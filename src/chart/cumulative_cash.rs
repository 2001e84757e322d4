//! Chart 4: cumulative cash per MW of a new deployment in each region over 36 months, with the halving and the months switched off marked.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::profit_vs_hashprice::{draw_legend, draw_ranked_lines, RankedLine};
use super::{padded_range, rank_desc, rgb, DrawResult, FONT};
use crate::format::compact;
use crate::model::{Report, YearMonth};

/// What the chart shows: a line per region and the halving.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    /// One line per region, best 36-month net first: the legend's order.
    lines: Vec<Line>,
    /// The projection month (1 to 36) of the halving and its date, if it falls within the projection.
    halving: Option<(u32, YearMonth)>,
}

/// One region's cumulative cash.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    name: Rc<str>,
    color_rgb: [u8; 3],
    /// Months 0 to 36, USD per MW.
    cumulative_usd_per_mw: Vec<f64>,
    /// The months (1 to 36) the site is switched off: marked on the line and counted in the legend.
    off_months: Vec<u32>,
}

impl Inputs {
    /// The chart's lines for `report`.
    pub fn from_report(report: &Report) -> Self {
        let rows = &report.rows;
        let ranked = rank_desc(&rows.iter().map(|r| r.net_36m_usd_per_mw).collect::<Vec<_>>());
        let lines = ranked
            .into_iter()
            .map(|i| &rows[i])
            .map(|r| Line {
                name: r.name.clone(),
                color_rgb: r.color_rgb,
                cumulative_usd_per_mw: r.cumulative_usd_per_mw.clone(),
                off_months: r.off_months.clone(),
            })
            .collect();
        Inputs { lines, halving: report.halving_month_index.map(|m| (m, report.halving_month)) }
    }
}

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, inputs: &Inputs) -> DrawResult<DB> {
    let lines = &inputs.lines;
    let months = lines.first().map_or(36, |l| l.cumulative_usd_per_mw.len().saturating_sub(1)) as f64;
    let (y0, y1) = padded_range(lines.iter().flat_map(|l| l.cumulative_usd_per_mw.iter().copied()));
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(64)
        .build_cartesian_2d(0.0..months, y0..y1)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(BLACK.mix(0.08))
        .x_labels(7)
        .y_labels(6)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| compact(*v))
        .x_desc("Month")
        .y_desc("Cumulative cash (USD per MW)")
        .label_style((FONT, 12))
        .axis_desc_style((FONT, 12))
        .draw()?;
    // Above the zero line a deployment has paid for itself.
    chart.draw_series(std::iter::once(PathElement::new(vec![(0.0, 0.0), (months, 0.0)], BLACK.mix(0.45))))?;

    if let Some((m, month)) = inputs.halving {
        // The halving takes effect in its month: the line sits where that month begins.
        let x = f64::from(m) - 1.0;
        chart.draw_series(std::iter::once(PathElement::new(vec![(x, y0), (x, y1)], BLACK.mix(0.6).stroke_width(1))))?;
        let (px, py) = chart.backend_coord(&(x, y1));
        let style = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Left, VPos::Top));
        area.draw(&Text::new(format!("halving {month}"), (px + 4, py + 4), style))?;
    }

    // A month switched off is a hollow ring at the month's end on its region's line.
    for l in lines {
        let color = rgb(l.color_rgb);
        let rings = l.off_months.iter().filter_map(|&m| l.cumulative_usd_per_mw.get(m as usize).map(|&v| (m, v)));
        chart.draw_series(rings.map(|(m, v)| Circle::new((f64::from(m), v), 3, color.stroke_width(1))))?;
    }
    let names: Vec<String> = lines
        .iter()
        .map(|l| match l.off_months.len() {
            0 => l.name.to_string(),
            n => format!("{} (off {n} mo)", l.name),
        })
        .collect();
    let legend = draw_ranked_lines(
        &mut chart,
        lines.iter().zip(&names).map(|(l, name)| RankedLine {
            name,
            color: rgb(l.color_rgb),
            points: l.cumulative_usd_per_mw.iter().enumerate().map(|(m, &v)| (m as f64, v)).collect(),
        }),
    )?;
    // The legend sits bottom-right, where lines that pay back are not.
    let (plot_x, plot_y) = chart.backend_coord(&(0.0, y0));
    draw_legend(area, (plot_x + 10, plot_y - 12 - 16 * legend.len() as i32), &legend)?;
    Ok(())
}
