//! Chart 8: one region's hourly prices sorted over the year (a price-duration curve), with the threshold below which it mines, the mined share shaded and the mean marked.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{nice_ceil, rgb, short_label, DrawResult, FONT};
use crate::model::profile::DurationCurve;
use crate::model::Report;

/// The mined hours' shade: the headroom green of the break-even chart.
const MINED: RGBColor = RGBColor(0, 158, 115);

/// Points drawn of a curve at most: 8 760 hours would cost a canvas far more than they show.
const MAX_POINTS: usize = 400;

/// What the chart shows: the chosen region's curve at the current price and hashprice; `None`
/// when no region has hourly prices.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    view: Option<View>,
}

/// One region's curve and the lines across it.
#[derive(Clone, Debug, PartialEq)]
struct View {
    name: Rc<str>,
    color_rgb: [u8; 3],
    /// The year's prices, sorted, before the shift (shared with the scenario: compared by pointer).
    curve: DurationCurve,
    /// The region's (mean) price, USD/kWh: every hour is shifted by this less the curve's mean.
    mean_usd_per_kwh: f64,
    /// R / 24 000 − levy, USD/kWh: the hours below it are mined; it moves with the hashprice.
    threshold_usd_per_kwh: f64,
}

impl Inputs {
    /// The curve of the report's [price-duration row](Report::price_duration).
    pub fn from_report(report: &Report) -> Self {
        let view = report.price_duration.and_then(|i| {
            let row = &report.rows[i];
            Some(View {
                name: row.name.clone(),
                color_rgb: row.color_rgb,
                curve: row.year_curve.clone()?,
                mean_usd_per_kwh: row.values.price_usd_per_kwh,
                threshold_usd_per_kwh: row.threshold_usd_per_kwh,
            })
        });
        Inputs { view }
    }
}

/// Round ends, in steps of a nice fifth of the span, around the 1st–99th percentile of the
/// shifted prices, the mean and the threshold: a few spike hours do not squash the curve, and a
/// slider moving a little leaves the axis where it was.
fn y_range(shifted_usd_per_kwh: &[f64], also: [f64; 2]) -> (f64, f64) {
    let n = shifted_usd_per_kwh.len();
    let at = |q: f64| shifted_usd_per_kwh[((n - 1) as f64 * q).round() as usize];
    let lo = also.iter().fold(at(0.01), |a, &b| a.min(b));
    let hi = also.iter().fold(at(0.99), |a, &b| a.max(b));
    let step = nice_ceil(((hi - lo) / 5.0).max(0.002));
    ((lo / step).floor() * step, ((hi / step).ceil() * step).max((lo / step).floor() * step + step))
}

/// At most [`MAX_POINTS`] of the sorted prices as (share of the year %, price), the first (the
/// lowest) and the last (the highest) always among them.
fn downsampled(shifted_usd_per_kwh: &[f64]) -> Vec<(f64, f64)> {
    let n = shifted_usd_per_kwh.len();
    if n == 1 {
        return vec![(0.0, shifted_usd_per_kwh[0]), (100.0, shifted_usd_per_kwh[0])];
    }
    let k = n.min(MAX_POINTS);
    (0..k)
        .map(|j| (j * (n - 1) + (k - 1) / 2) / (k - 1))
        .map(|i| (i as f64 * 100.0 / (n - 1) as f64, shifted_usd_per_kwh[i]))
        .collect()
}

/// A price as the labels write it, USD/kWh to a tenth of a cent: "$0.045", "−$0.018".
fn usd(price_usd_per_kwh: f64) -> String {
    let sign = if price_usd_per_kwh < -0.0005 { "\u{2212}" } else { "" };
    format!("{sign}${:.3}", price_usd_per_kwh.abs())
}

fn draw_note<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str) -> DrawResult<DB> {
    let style = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Center, VPos::Center));
    let (w, h) = area.dim_in_pixel();
    area.draw(&Text::new(text, (w as i32 / 2, h as i32 / 2), style))
}

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, inputs: &Inputs) -> DrawResult<DB> {
    let Some(v) = &inputs.view else {
        return draw_note(area, "No region has hourly prices: import them under \u{201c}Hourly power prices\u{201d}.");
    };
    let shift = v.mean_usd_per_kwh - v.curve.mean_usd_per_kwh();
    let shifted: Vec<f64> = v.curve.sorted_usd_per_kwh().iter().map(|p| p + shift).collect();
    let (t, mean) = (v.threshold_usd_per_kwh, v.mean_usd_per_kwh);
    let (y0, y1) = y_range(&shifted, [t, mean]);
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(0.0..100.0, y0..y1)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(BLACK.mix(0.08))
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.2}"))
        .x_desc("Share of the year's hours, cheapest first (%)")
        .y_desc("Power price (USD/kWh)")
        .label_style((FONT, 12))
        .axis_desc_style((FONT, 12))
        .draw()?;

    // The hours mined are those left of where the curve crosses the threshold.
    let share_pct = v.curve.mined(t, shift).share * 100.0;
    if share_pct > 0.0 {
        chart.draw_series(std::iter::once(Rectangle::new([(0.0, y0), (share_pct, t)], MINED.mix(0.2).filled())))?;
    }
    // Spike hours beyond the axis run along its edge; the top-left note gives the full range.
    let points: Vec<(f64, f64)> = downsampled(&shifted).into_iter().map(|(x, y)| (x, y.clamp(y0, y1))).collect();
    chart.draw_series(std::iter::once(PathElement::new(points, rgb(v.color_rgb).stroke_width(2))))?;
    chart.draw_series(std::iter::once(PathElement::new(vec![(0.0, t), (100.0, t)], BLACK.stroke_width(2))))?;
    // Dashes of 2 % of the year with gaps of 1 %.
    let dashes = (0..34)
        .map(|i| f64::from(i) * 3.0)
        .map(|x| PathElement::new(vec![(x, mean), ((x + 2.0).min(100.0), mean)], BLACK.mix(0.6)));
    chart.draw_series(dashes)?;

    let (right, t_px) = chart.backend_coord(&(100.0, t));
    let (left, mean_px) = chart.backend_coord(&(0.0, mean));
    let (_, top) = chart.backend_coord(&(0.0, y1));
    let style = |h: HPos, v: VPos| TextStyle::from((FONT, 12)).pos(Pos::new(h, v));
    // A sorted curve leaves the top left and the bottom right empty: the higher line's label
    // goes above it on the left (past the title when near the top), the lower's below it on the
    // right, so the two keep apart however close the lines come.
    let t_text = format!("mines below {}/kWh", usd(t));
    let mean_text = format!("mean {}/kWh", usd(mean));
    let (high, high_px, low, low_px) =
        if t >= mean { (t_text, t_px, mean_text, mean_px) } else { (mean_text, mean_px, t_text, t_px) };
    let high_x = if high_px - top < 40 { (left + right) / 2 } else { left + 4 };
    area.draw(&Text::new(high, (high_x, high_px - 4), style(HPos::Left, VPos::Bottom)))?;
    area.draw(&Text::new(low, (right - 4, low_px + 4), style(HPos::Right, VPos::Top)))?;
    let title = format!("{}: mines {share_pct:.0} % of {} h", short_label(&v.name, 22), v.curve.len());
    area.draw(&Text::new(title, (left + 4, top + 4), style(HPos::Left, VPos::Top)))?;
    let (min, max) = (shifted[0], shifted[shifted.len() - 1]);
    let range = format!("hours from {} to {}/kWh", usd(min), usd(max));
    area.draw(&Text::new(range, (left + 4, top + 20), style(HPos::Left, VPos::Top)))?;
    Ok(())
}
