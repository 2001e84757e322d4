//! Chart 6: for the fleet in the origin region, the NPV of staying, of moving to each other region and of the best plan.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    band_center, bar_chart, draw_band_labels, draw_more_note, nice_ceil, rgb, Bands, DrawResult, BARS_MAX, FONT,
};
use crate::format::compact;
use crate::model::{OptionKind, Report};

/// What the chart shows: a band per option, best first, staying and the plan always among them.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub(super) bands: Bands<Bar>,
    /// The lowest and the highest NPV of every option, shown or not, and zero: USD.
    npv_range_usd: (f64, f64),
}

/// One option's band: staying, moving to a region, or the plan.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Bar {
    name: Rc<str>,
    color_rgb: [u8; 3],
    kind: OptionKind,
    npv_usd: f64,
    break_even_month: Option<u32>,
}

impl Inputs {
    /// The chart's bands for `report`.
    pub fn from_report(report: &Report) -> Self {
        // The options come ranked, best first; staying and the plan are always shown, in rank.
        let options = &report.stay_or_move;
        let kept = |i: usize, kind: OptionKind| i < BARS_MAX - 2 || kind != OptionKind::Move;
        let mut shown: Vec<_> = options.iter().enumerate().filter(|(i, o)| kept(*i, o.kind)).map(|p| p.1).collect();
        shown.truncate(BARS_MAX);
        let hidden = options.len() - shown.len();
        let shown = shown
            .into_iter()
            .map(|o| Bar {
                name: o.name.clone(),
                color_rgb: o.color_rgb,
                kind: o.kind,
                npv_usd: o.npv_usd,
                break_even_month: o.break_even_month,
            })
            .collect();
        let lo = options.iter().map(|o| o.npv_usd).fold(0.0f64, f64::min);
        let hi = options.iter().map(|o| o.npv_usd).fold(0.0f64, f64::max);
        Inputs { bands: Bands { shown, hidden }, npv_range_usd: (lo, hi) }
    }
}

pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, inputs: &Inputs) -> DrawResult<DB> {
    let Bands { shown, hidden } = &inputs.bands;
    let (lo, hi) = inputs.npv_range_usd;
    // Room on the right of the bars (or of zero, for losses) for each bar's note.
    let x0 = if lo < 0.0 { -nice_ceil(-lo * 1.05) } else { 0.0 };
    let x1 = nice_ceil((hi * 1.7).max(-lo * 0.9).max(1.0));
    let mut chart = bar_chart(area, (x0, x1), shown.len(), *hidden, "NPV over 36 months (USD, expected)")?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (0.0, shown.len().max(1) as f64)],
        BLACK.mix(0.45),
    )))?;
    let mark = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, option) in shown.iter().enumerate() {
        let c = band_center(i, shown.len());
        let color = rgb(option.color_rgb);
        let net = option.npv_usd;
        chart
            .draw_series(std::iter::once(Rectangle::new([(0.0, c - 0.3), (net, c + 0.3)], color.mix(0.85).filled())))?;
        if option.kind == OptionKind::Stay {
            // The baseline every move is measured against.
            chart.draw_series(std::iter::once(Rectangle::new(
                [(0.0, c - 0.3), (net, c + 0.3)],
                BLACK.stroke_width(2),
            )))?;
        }
        let note = match (option.kind, option.break_even_month) {
            (OptionKind::Stay, _) => format!("stay: {}", compact(net)),
            (_, Some(m)) => format!("{} \u{b7} beats staying from month {m}", compact(net)),
            (OptionKind::Plan, None) => format!("plan: {}", compact(net)),
            (_, None) => format!("{} \u{b7} never beats staying", compact(net)),
        };
        let (x, y) = chart.backend_coord(&(net.max(0.0), c));
        area.draw(&Text::new(note, (x + 6, y), mark.clone()))?;
    }
    let names: Vec<String> = shown
        .iter()
        .map(|o| match o.kind {
            OptionKind::Stay => format!("Stay in {}", o.name),
            OptionKind::Move => format!("\u{2192} {}", o.name),
            OptionKind::Plan => "Best plan".to_string(),
        })
        .collect();
    draw_band_labels(area, &chart, &names.iter().map(String::as_str).collect::<Vec<_>>())?;
    draw_more_note(area, *hidden, "best moves")
}
