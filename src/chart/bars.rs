//! The frame the bar charts share: one horizontal band per region, names to the left, the best
//! [`BARS_MAX`] when there are more, and a line saying how many the table has besides.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{rank_desc, short_label, DrawResult, BARS_MAX, FONT, NOTE_PX};
use crate::model::RegionReport;

/// Horizontal bands, top to bottom, one per region: returns the band centre on a 0..n axis.
pub(super) fn band_center(index: usize, count: usize) -> f64 {
    count as f64 - index as f64 - 0.5
}

/// Width of the region-name column of the bar charts: 150 px, less on narrow charts.
fn band_label_px<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> u32 {
    (area.dim_in_pixel().0 * 3 / 10).min(150)
}

/// The bands a bar chart shows, top to bottom, and how many regions (or options) it leaves
/// to the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Bands<T> {
    pub(super) shown: Vec<T>,
    pub(super) hidden: usize,
}

impl<T> Bands<T> {
    /// A band made by `band` for each row, best first by `rank` when there are more than
    /// [`BARS_MAX`] (otherwise every row, in scenario order).
    pub(super) fn best(
        rows: &[RegionReport],
        rank: impl Fn(&RegionReport) -> f64,
        band: impl Fn(&RegionReport) -> T,
    ) -> Self {
        if rows.len() <= BARS_MAX {
            return Bands { shown: rows.iter().map(band).collect(), hidden: 0 };
        }
        let ranked = rank_desc(&rows.iter().map(rank).collect::<Vec<_>>());
        Bands { shown: ranked[..BARS_MAX].iter().map(|&i| band(&rows[i])).collect(), hidden: rows.len() - BARS_MAX }
    }

    /// The regions (or options) there are, shown or not.
    pub(super) fn count(&self) -> usize {
        self.shown.len() + self.hidden
    }
}

/// The coordinate system the bar charts share: x over `x_range` under the bars, one band per
/// shown region, names to the left and room for the "more regions" line when `hidden > 0`.
#[allow(clippy::type_complexity)]
pub(super) fn bar_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    x_range: (f64, f64),
    bands: usize,
    hidden: usize,
    x_desc: &str,
) -> Result<
    ChartContext<'a, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>,
    DrawingAreaErrorKind<DB::ErrorType>,
> {
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .margin_bottom(if hidden > 0 { 12 + NOTE_PX as i32 } else { 12 })
        .x_label_area_size(40)
        .y_label_area_size(band_label_px(area))
        .build_cartesian_2d(x_range.0..x_range.1, 0.0..bands.max(1) as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .light_line_style(TRANSPARENT)
        .bold_line_style(BLACK.mix(0.08))
        .x_labels(6)
        .x_label_formatter(&|v| crate::format::compact(*v))
        .x_desc(x_desc)
        .label_style((FONT, 12))
        .axis_desc_style((FONT, 12))
        .draw()?;
    Ok(chart)
}

/// Says under a bar chart how many regions it leaves to the table.
pub(super) fn draw_more_note<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    hidden: usize,
    what: &str,
) -> DrawResult<DB> {
    if hidden == 0 {
        return Ok(());
    }
    let (_, height) = area.dim_in_pixel();
    let grey = BLACK.mix(0.6);
    let style = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Left, VPos::Bottom)).color(&grey);
    let text = format!("+{hidden} more regions (showing the {BARS_MAX} {what}; the table has all)");
    area.draw(&Text::new(text, (12, height as i32 - 4), style))
}

/// Writes each band's name (a region's) to the left of its band, right-aligned against the plot.
///
/// Drawn as plain text elements: plotters' axis labels would measure every label, which on
/// the web forces a layout per label.
pub(super) fn draw_band_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartContext<
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
    names: &[&str],
) -> DrawResult<DB> {
    let style = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Right, VPos::Center));
    let left = chart.x_range().start;
    for (i, name) in names.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(left, band_center(i, names.len())));
        // About 8 px per character of a 12 px font (wide letters included) decides how much fits.
        let fits = (band_label_px(area) as usize / 8).max(6);
        area.draw(&Text::new(short_label(name, fits.min(22)), (x - 6, y), style.clone()))?;
    }
    Ok(())
}
