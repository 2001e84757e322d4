//! Charts drawn with plotters, generic over `DrawingBackend`: the page draws them on a canvas,
//! tests and exports render the very same functions to SVG.

mod bars;
pub mod break_even;
pub mod cumulative_cash;
mod either;
mod measured;
pub mod payback;
pub mod price_duration;
pub mod profit_by_region;
pub mod profit_vs_hashprice;
mod sans_metrics;
pub mod sensitivity;
pub mod stay_or_move;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::format::nice_ceil;
use crate::model::Report;
use bars::{band_center, bar_chart, draw_band_labels, draw_more_note, Bands};
pub use either::Either;
pub use measured::{css_font, text_box, Measured, TextMeasure};
pub use sans_metrics::SansMetrics;

/// What one chart shows, each chart's `Inputs` built from the report: the only value its
/// drawing reads, so the page redraws a chart exactly when this changes (a capacity cap, for
/// instance, moves no line of the profit-vs-hashprice chart, and often nothing at all).
#[derive(Clone, Debug, PartialEq)]
pub enum ChartData {
    ProfitVsHashprice(profit_vs_hashprice::Inputs),
    BreakEven(break_even::Inputs),
    ProfitByRegion(profit_by_region::Inputs),
    CumulativeCash(cumulative_cash::Inputs),
    Payback(payback::Inputs),
    StayOrMove(stay_or_move::Inputs),
    Sensitivity(sensitivity::Inputs),
    PriceDuration(price_duration::Inputs),
}

/// The error a drawing function returns on backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Where a drawn chart's plot area lies, in the drawing's pixels, and the x range it spans:
/// what the page needs to place a [cursor](ChartKind::cursor) over the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotFrame {
    pub x_range: (f64, f64),
    pub left_px: i32,
    pub right_px: i32,
    pub top_px: i32,
    pub bottom_px: i32,
}

impl PlotFrame {
    /// The pixel column of `x`, as the drawn cursor line would cover it; `None` off the axis.
    pub fn x_px(&self, x: f64) -> Option<f64> {
        let (x0, x1) = self.x_range;
        if !(x0..=x1).contains(&x) || x1 <= x0 {
            return None;
        }
        Some(f64::from(self.left_px) + (x - x0) / (x1 - x0) * f64::from(self.right_px - self.left_px))
    }
}

/// The charts of the page, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    ProfitVsHashprice,
    BreakEven,
    ProfitByRegion,
    CumulativeCash,
    Payback,
    StayOrMove,
    Sensitivity,
    PriceDuration,
}

impl ChartKind {
    pub const ALL: [ChartKind; 8] = [
        ChartKind::ProfitVsHashprice,
        ChartKind::BreakEven,
        ChartKind::ProfitByRegion,
        ChartKind::CumulativeCash,
        ChartKind::Payback,
        ChartKind::StayOrMove,
        ChartKind::Sensitivity,
        ChartKind::PriceDuration,
    ];

    /// The `data-chart` name of the chart's `<figure>` (part of the DOM contract).
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::ProfitVsHashprice => "profit-vs-hashprice",
            ChartKind::BreakEven => "break-even",
            ChartKind::ProfitByRegion => "profit-by-region",
            ChartKind::CumulativeCash => "cumulative-cash",
            ChartKind::Payback => "payback",
            ChartKind::StayOrMove => "stay-or-move",
            ChartKind::Sensitivity => "sensitivity",
            ChartKind::PriceDuration => "price-duration",
        }
    }

    /// The figure caption: what is plotted, in which units, and how to read the marks.
    pub fn caption(self) -> &'static str {
        match self {
            ChartKind::ProfitVsHashprice => {
                "Profit per MW-day (USD) against hashprice (USD/PH/day), one line per region. Dots mark each \
                 region's break-even hashprice; the vertical line is the current hashprice."
            }
            ChartKind::BreakEven => {
                "Power price (bar, USD/kWh) against break-even power price (black tick). Green: headroom below \
                 break-even; red: how far above break-even the region is."
            }
            ChartKind::ProfitByRegion => {
                "Profit per day (USD) by region for the current fleet allocation. \u{201c}cap\u{201d} marks a \
                 region that took its whole capacity cap while fleet was left to place."
            }
            ChartKind::CumulativeCash => {
                "Cumulative cash (USD per MW) of a new deployment in each region over 36 months: site build-out and \
                 machines first, then each month's net after power, levy, opex and tax, with difficulty growth, the \
                 BTC price path and the halving (vertical line)."
            }
            ChartKind::Payback => {
                "The month in which a new deployment in each region has paid back its build-out and machines; a pale \
                 bar means not within 36 months."
            }
            ChartKind::StayOrMove => {
                "The fleet in the origin region: net cash over 36 months of staying (outlined) against moving to \
                 each other region (shipping, duties, build-out and downtime included), best first, with the month \
                 from which each move is ahead."
            }
            ChartKind::Sensitivity => {
                "Margin (USD per MW-day) of one region over power price and hashprice: blue pays, red loses, white \
                 breaks even. The black line is break-even; the ring is the region's current power price and \
                 hashprice."
            }
            ChartKind::PriceDuration => {
                "One region's hourly power prices over the year, cheapest first (USD/kWh, shifted to its price): \
                 the site mines the hours below the black line, R / 24 000 less the levy at the current hashprice \
                 (shaded); the dashed line is the mean price."
            }
        }
    }

    /// What this chart of `report` shows: see [`ChartData`].
    pub fn data(self, report: &Report) -> ChartData {
        match self {
            ChartKind::ProfitVsHashprice => {
                ChartData::ProfitVsHashprice(profit_vs_hashprice::Inputs::from_report(report))
            }
            ChartKind::BreakEven => ChartData::BreakEven(break_even::Inputs::from_report(report)),
            ChartKind::ProfitByRegion => ChartData::ProfitByRegion(profit_by_region::Inputs::from_report(report)),
            ChartKind::CumulativeCash => ChartData::CumulativeCash(cumulative_cash::Inputs::from_report(report)),
            ChartKind::Payback => ChartData::Payback(payback::Inputs::from_report(report)),
            ChartKind::StayOrMove => ChartData::StayOrMove(stay_or_move::Inputs::from_report(report)),
            ChartKind::Sensitivity => ChartData::Sensitivity(sensitivity::Inputs::from_report(report)),
            ChartKind::PriceDuration => ChartData::PriceDuration(price_duration::Inputs::from_report(report)),
        }
    }

    /// The value a chart marks with a vertical line across its plot: the current hashprice on
    /// the profit chart. On the page this line is an element over the canvas, moved without
    /// drawing the chart again (see [`ChartData::draw_framed`]): dragging the hashprice slider
    /// changes nothing else in that chart.
    pub fn cursor(self, report: &Report) -> Option<f64> {
        (self == ChartKind::ProfitVsHashprice).then_some(report.hashprice_usd_per_ph_day)
    }
}

impl ChartData {
    /// Which chart this is the data of.
    pub fn kind(&self) -> ChartKind {
        match self {
            ChartData::ProfitVsHashprice(_) => ChartKind::ProfitVsHashprice,
            ChartData::BreakEven(_) => ChartKind::BreakEven,
            ChartData::ProfitByRegion(_) => ChartKind::ProfitByRegion,
            ChartData::CumulativeCash(_) => ChartKind::CumulativeCash,
            ChartData::Payback(_) => ChartKind::Payback,
            ChartData::StayOrMove(_) => ChartKind::StayOrMove,
            ChartData::Sensitivity(_) => ChartKind::Sensitivity,
            ChartData::PriceDuration(_) => ChartKind::PriceDuration,
        }
    }

    /// The axis ranges (x then y) of a chart whose axes, grid and labels can stay on the page
    /// while what lies inside its plot area is drawn again: the profit chart's, where a price
    /// slider moves one line and most often leaves the axes where they were. `None` for the
    /// charts always drawn whole.
    pub fn axes(&self) -> Option<[f64; 4]> {
        match self {
            ChartData::ProfitVsHashprice(inputs) => Some(inputs.axes()),
            _ => None,
        }
    }

    /// Draws the chart on `area`, with a line at the [cursor](ChartKind::cursor) value when
    /// there is one (exports and tests) or without (the page draws it over the canvas), and
    /// says where the plot area lies for a chart that has a cursor.
    pub fn draw_framed<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        cursor: Option<f64>,
    ) -> Result<Option<PlotFrame>, DrawingAreaErrorKind<DB::ErrorType>> {
        area.fill(&WHITE)?;
        let drawn = match self {
            ChartData::ProfitVsHashprice(inputs) => return profit_vs_hashprice::draw(area, inputs, cursor).map(Some),
            ChartData::BreakEven(inputs) => break_even::draw(area, inputs),
            ChartData::ProfitByRegion(inputs) => profit_by_region::draw(area, inputs),
            ChartData::CumulativeCash(inputs) => cumulative_cash::draw(area, inputs),
            ChartData::Payback(inputs) => payback::draw(area, inputs),
            ChartData::StayOrMove(inputs) => stay_or_move::draw(area, inputs),
            ChartData::Sensitivity(inputs) => sensitivity::draw(area, inputs),
            ChartData::PriceDuration(inputs) => price_duration::draw(area, inputs),
        };
        drawn.map(|()| None)
    }

    /// The size to draw at in a column `width` CSS pixels wide: see [`ChartKind::size_at`].
    pub fn size_at(&self, width: u32) -> (u32, u32) {
        let bands = match self {
            ChartData::BreakEven(inputs) => inputs.bands.count(),
            ChartData::ProfitByRegion(inputs) => inputs.bands.count(),
            ChartData::Payback(inputs) => inputs.bands.count(),
            ChartData::StayOrMove(inputs) => inputs.bands.count(),
            ChartData::ProfitVsHashprice(_)
            | ChartData::CumulativeCash(_)
            | ChartData::Sensitivity(_)
            | ChartData::PriceDuration(_) => 0,
        };
        self.kind().size_for(bands, width)
    }
}

/// The width of every chart and the height of a chart with few regions, in CSS pixels.
pub const SIZE: (u32, u32) = (640, 320);

/// The narrowest chart, in CSS pixels: a 320 px embed less its padding.
pub const MIN_WIDTH: u32 = 280;

/// Regions a bar chart shows; beyond this it shows the best and says how many more the table has.
pub const BARS_MAX: usize = 12;

/// Height of the "more in the table" line under a bar chart, in CSS pixels.
pub(super) const NOTE_PX: u32 = 20;

/// Height of one region's band in the bar charts, in CSS pixels: enough for a 13 px label.
const BAND_PX: u32 = 24;

impl ChartKind {
    /// The size to draw at, at the full width: see [`ChartKind::size_at`].
    pub fn size(self, report: &Report) -> (u32, u32) {
        self.size_at(report, SIZE.0)
    }

    /// The size to draw at in a column `width` CSS pixels wide (clamped to 280–640): text keeps
    /// its size on narrow screens instead of shrinking with the picture. The bar charts grow
    /// with the number of regions so that every region keeps a legible label; the line chart
    /// keeps its height and limits its legend.
    pub fn size_at(self, report: &Report, width: u32) -> (u32, u32) {
        let bands = match self {
            ChartKind::BreakEven | ChartKind::ProfitByRegion | ChartKind::Payback => report.rows.len(),
            ChartKind::StayOrMove => report.stay_or_move.len(),
            ChartKind::ProfitVsHashprice
            | ChartKind::CumulativeCash
            | ChartKind::Sensitivity
            | ChartKind::PriceDuration => 0,
        };
        self.size_for(bands, width)
    }

    /// The size of this chart with `bands` regions (or options) to show, shown or left to the
    /// table, for the bar charts; read from the report (the share panel's embed height) and
    /// from a chart's data (the drawing) alike.
    fn size_for(self, bands: usize, width: u32) -> (u32, u32) {
        let width = width.clamp(MIN_WIDTH, SIZE.0);
        let note = if bands > BARS_MAX { NOTE_PX } else { 0 };
        let bars = (width, SIZE.1.max(64 + BAND_PX * bands.min(BARS_MAX) as u32 + note));
        match self {
            ChartKind::ProfitVsHashprice | ChartKind::CumulativeCash | ChartKind::PriceDuration => (width, SIZE.1),
            ChartKind::BreakEven | ChartKind::ProfitByRegion | ChartKind::Payback | ChartKind::StayOrMove => bars,
            // Square-ish cells: the map is as tall as the plot is wide, less the axis labels.
            ChartKind::Sensitivity => (width, (width * 3 / 4).max(SIZE.1)),
        }
    }
}

/// A chart as an SVG document at its size for a column `width_px` wide, its text laid out in
/// [`SansMetrics`]: the page's SVG downloads and `sitecost-render` both write this, byte for byte.
pub fn render_svg_at(kind: ChartKind, report: &Report, width_px: u32) -> String {
    render_svg_measured::<SVGBackend<'static>, _>(kind, report, &SansMetrics, width_px)
}

/// [`render_svg_at`] at the page's chart width, [`SIZE`]`.0`.
pub fn render_svg(kind: ChartKind, report: &Report) -> String {
    render_svg_at(kind, report, SIZE.0)
}

/// Renders a chart to an SVG document, measuring text with `measure`.
///
/// The drawing goes through `Either<Page, _>`, the type the page also draws its canvas through
/// (`Page`), so that the chart code is compiled once for both; `Page` is never drawn on here.
pub fn render_svg_measured<Page: DrawingBackend, M: TextMeasure>(
    kind: ChartKind,
    report: &Report,
    measure: &M,
    width_px: u32,
) -> String {
    let mut svg = String::new();
    {
        let data = kind.data(report);
        let inner = SVGBackend::with_string(&mut svg, data.size_at(width_px));
        let area = Either::<Page, _>::Right(Measured { inner, measure, logical_size: None }).into_drawing_area();
        data.draw_framed(&area, kind.cursor(report)).expect("drawing to an SVG string cannot fail");
        area.present().expect("presenting an SVG string cannot fail");
    }
    svg
}

/// Every text of every chart is 12 px of this family: on a canvas, each change of font costs a
/// font resolution (measured: most of a chart's drawing time when labels, axis titles and
/// region names alternated between 12, 13 and 15 px).
const FONT: &str = "sans-serif";

/// The indices of `keys`, largest first, equal keys in their order: one sort for every chart
/// that ranks its regions (sorting code is large in the wasm, and each comparator would have
/// its own copy).
fn rank_desc(keys: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[b].total_cmp(&keys[a]));
    order
}

/// A region's colour as plotters takes it.
fn rgb([r, g, b]: [u8; 3]) -> RGBColor {
    RGBColor(r, g, b)
}

/// A (low, high) pair that always spans something and always includes zero, padded by 8 %
/// and rounded outward to nice numbers, so a flat or empty series never yields a degenerate
/// axis and small changes leave the axis where it was (the reader's eye need not follow).
fn padded_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.filter(|v| v.is_finite()).fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if hi - lo < 1e-9 {
        return (lo - 1.0, hi + 1.0);
    }
    let pad = (hi - lo) * 0.08;
    let low = if lo < 0.0 { -nice_ceil(pad - lo) } else { lo };
    let high = if hi > 0.0 { nice_ceil(hi + pad) } else { hi + pad };
    (low, high)
}

/// Region names as they fit beside a bar: at most `max_chars` characters, then an ellipsis.
pub fn short_label(name: &str, max_chars: usize) -> String {
    if name.chars().count() <= max_chars {
        return name.to_string();
    }
    let mut out: String = name.chars().take(max_chars - 1).collect();
    out.push('\u{2026}');
    out
}
