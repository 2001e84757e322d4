//! Chart 7: one region's margin per MW-day over power price × hashprice, diverging around zero, with the break-even line and the current point.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{short_label, DrawResult, FONT};
use crate::format::compact;
use crate::model::{Report, SensitivityGrid};

/// Colour steps on each side of zero: cells within one step share a colour, so a row of cells
/// is drawn as a few rectangles instead of a hundred.
const STEPS: f64 = 8.0;

/// The colour step of a margin that is `t` of the largest |margin| (−1 to 1): −STEPS to STEPS.
fn color_step(t: f64) -> i32 {
    (t.clamp(-1.0, 1.0) * STEPS).round() as i32
}

/// The colour of a step: red for a loss, blue for a profit, white at zero (a diverging scale
/// that stays readable with red-green colour blindness).
fn diverging(step: i32) -> RGBColor {
    let k = f64::from(step.abs()) / STEPS;
    let end = if step < 0 { (178.0, 24.0, 43.0) } else { (33.0, 102.0, 172.0) };
    let mix = |c: f64| (255.0 + (c - 255.0) * k).round() as u8;
    RGBColor(mix(end.0), mix(end.1), mix(end.2))
}

/// What the chart shows: the map of the chosen region, shared with the report; `None` without
/// regions.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    grid: Option<Rc<SensitivityGrid>>,
}

impl Inputs {
    /// The map of `report`.
    pub fn from_report(report: &Report) -> Self {
        Inputs { grid: report.sensitivity.clone() }
    }
}

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, inputs: &Inputs) -> DrawResult<DB> {
    let Some(grid) = &inputs.grid else {
        let style = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Center, VPos::Center));
        let (w, h) = area.dim_in_pixel();
        return area.draw(&Text::new("Add a region to see its map.", (w as i32 / 2, h as i32 / 2), style));
    };
    let (x0, x1) = grid.price_axis_usd_per_kwh;
    let (y0, y1) = grid.hashprice_axis_usd_per_ph_day;
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|v| format!("{v:.2}"))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .x_desc("Power price, a profile's mean (USD/kWh)")
        .y_desc("Hashprice (USD/PH/day)")
        .label_style((FONT, 12))
        .axis_desc_style((FONT, 12))
        .draw()?;

    let (dx, dy) = ((x1 - x0) / grid.n_price as f64, (y1 - y0) / grid.n_hashprice as f64);
    // Losses and gains each have a scale of their own: a site that switches off loses at most its
    // opex, far less than it can earn, and a shared scale would leave the losses all but white.
    let (loss, gain) = grid.margins_usd_per_mw_day.iter().fold((0.0f64, 0.0f64), |(l, g), &m| (l.min(m), g.max(m)));
    let scaled = |m: f64| if m < 0.0 { m / -loss } else { m / gain.max(f64::MIN_POSITIVE) };
    // Runs of cells of one colour along a row are one rectangle, and rectangles are drawn
    // colour by colour, so a canvas paints a few paths instead of ten thousand cells.
    let mut runs: Vec<(i32, [(f64, f64); 2])> = Vec::new();
    for j in 0..grid.n_hashprice {
        let y = y0 + dy * j as f64;
        let mut i = 0;
        while i < grid.n_price {
            let step = color_step(scaled(grid.margin(i, j)));
            let mut end = i + 1;
            while end < grid.n_price && color_step(scaled(grid.margin(end, j))) == step {
                end += 1;
            }
            runs.push((step, [(x0 + dx * i as f64, y), (x0 + dx * end as f64, y + dy)]));
            i = end;
        }
    }
    runs.sort_by_key(|r| r.0);
    chart.draw_series(runs.into_iter().map(|(step, corners)| Rectangle::new(corners, diverging(step).filled())))?;
    chart.draw_series(grid.break_even_line.map(|line| PathElement::new(line.to_vec(), BLACK.stroke_width(2))))?;
    let (px, py) = grid.current;
    chart.draw_series(std::iter::once(Circle::new((px, py), 5, BLACK.stroke_width(2))))?;
    chart.draw_series(std::iter::once(Circle::new((px, py), 2, BLACK.filled())))?;
    let (cx, cy) = chart.backend_coord(&(px, py));
    let style = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Left, VPos::Bottom));
    let label = format!("{}: {} USD/MW-day", short_label(&grid.name, 22), compact(grid.current_margin_usd_per_mw_day));
    area.draw(&Text::new(label, (cx + 8, cy - 6), style))?;
    Ok(())
}
