//! The chart functions rendered to SVG strings: what each chart must show.

use sitecost::chart::{render_svg, ChartKind};
use sitecost::model::OptionKind;
use sitecost::model::*;

fn svg(kind: ChartKind, scenario: &Scenario) -> String {
    render_svg(kind, &report(scenario))
}

/// How many `<text>` elements read exactly `text` (plotters writes the text on its own line).
fn texts(svg: &str, text: &str) -> usize {
    svg.matches(&format!(">\n{text}\n</text>")).count()
}

#[test]
fn every_chart_of_all_regions_names_every_region() {
    let s = Scenario::default();
    // The stay-or-move chart names options ("Stay in …", "→ …"), the map and the price-duration
    // curve one region each: below.
    let one_region = |k: &ChartKind| matches!(k, ChartKind::Sensitivity | ChartKind::PriceDuration);
    for kind in ChartKind::ALL.into_iter().filter(|k| *k != ChartKind::StayOrMove && !one_region(k)) {
        let out = svg(kind, &s);
        assert!(out.starts_with("<svg"), "{kind:?}");
        let r = report(&s);
        for (region, row) in s.regions.iter().zip(&r.rows) {
            // The cumulative-cash legend counts the months a site is switched off (and shortens
            // a long entry with an ellipsis).
            match (kind, row.off_months.len()) {
                (ChartKind::CumulativeCash, n) if n > 0 => {
                    let full = format!("{} (off {n} mo)", region.name);
                    let shown = out.lines().filter(|l| l.len() > 3 && full.starts_with(l.trim_end_matches('\u{2026}')));
                    assert_eq!(shown.count(), 1, "{kind:?} names {full} once");
                }
                _ => assert_eq!(texts(&out, &region.name), 1, "{kind:?} names {} once", region.name),
            }
        }
        assert!(!out.contains("NaN") && !out.contains("inf"), "{kind:?} has a non-finite coordinate");
    }
}

#[test]
fn profit_chart_marks_each_break_even_and_the_current_hashprice() {
    let s = Scenario::default();
    let r = report(&s);
    let out = svg(ChartKind::ProfitVsHashprice, &s);
    // One dot per region whose break-even lies on the 0–150 axis: all six at the defaults.
    assert_eq!(out.matches("<circle").count(), 6);
    for row in &r.rows {
        let [red, green, blue] = row.color_rgb;
        assert!(out.contains(&format!("#{red:02X}{green:02X}{blue:02X}")), "{} colour missing", row.name);
    }
    // Moving the hashprice moves the vertical line and nothing else about the regions.
    let mut moved = s.clone();
    moved.apply(&Action::SetGlobal(GlobalField::Hashprice, 80.0)).unwrap();
    let out2 = svg(ChartKind::ProfitVsHashprice, &moved);
    assert_ne!(out, out2);
    assert_eq!(out2.matches("<circle").count(), 6);
}

#[test]
fn break_even_off_the_axis_has_no_dot() {
    let mut s = Scenario::default();
    // At 60 J/TH, PUE 2 and 20 ¢/kWh, break-even is 24 × 60 × 2 × 0.2 / 0.98 ≈ $588/PH/day.
    s.apply(&Action::SetGlobal(GlobalField::Efficiency, 60.0)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::Pue, 2.0)).unwrap();
    s.apply(&Action::SetRegion(0, RegionField::Price, 0.2)).unwrap();
    // Every flat break-even is now at least 24 × 60 × 2 × p / 0.98 ≈ 2 939 × p: only New York
    // ($0.04 → $118 and more) and Siberia ($0.035 → $103 and more) stay on the 0–150 axis, and
    // Texas, whose flexible load skips the dear hours, breaks even lower still.
    assert_eq!(svg(ChartKind::ProfitVsHashprice, &s).matches("<circle").count(), 3);
}

#[test]
fn profit_chart_labels_only_regions_whose_cap_binds() {
    let mut s = Scenario::default();
    // Defaults: all 300 MW go to Texas, whose flexible load has the best all-in margin, well
    // within its 500 MW cap.
    let out = svg(ChartKind::ProfitByRegion, &s);
    assert_eq!(texts(&out, "cap"), 0);
    assert_eq!(texts(&out, "not placed"), 5, "every region but Texas gets nothing");
    s.apply(&Action::SetGlobal(GlobalField::FleetMw, 2000.0)).unwrap();
    assert_eq!(
        texts(&svg(ChartKind::ProfitByRegion, &s), "cap"),
        4,
        "1 000 MW of profitable caps (Kazakhstan, Texas, New York, Siberia) for 2 000 MW"
    );
    s.apply(&Action::SetGlobal(GlobalField::FleetMw, 50.0)).unwrap();
    assert_eq!(texts(&svg(ChartKind::ProfitByRegion, &s), "cap"), 0);
}

#[test]
fn degenerate_inputs_draw_finite_charts() {
    let mut s = Scenario::default();
    // Nothing anywhere: zero uptime, zero fleet, zero hashprice.
    s.apply(&Action::SetGlobal(GlobalField::Hashprice, 0.0)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::FleetMw, 0.0)).unwrap();
    for i in 0..s.regions.len() {
        s.apply(&Action::SetRegion(i, RegionField::Uptime, 0.0)).unwrap();
        s.apply(&Action::SetRegion(i, RegionField::Price, 0.0)).unwrap();
    }
    for kind in ChartKind::ALL {
        let out = svg(kind, &s);
        assert!(!out.contains("NaN") && !out.contains("inf"), "{kind:?}");
    }
}

#[test]
fn a_chart_is_redrawn_only_when_what_it_shows_changes() {
    let base = Scenario::default();
    let inputs = |s: &Scenario| ChartKind::ALL.map(|k| k.data(&report(s)));
    let before = inputs(&base);
    // A cap that does not bind changes no chart: Texas gets no fleet either way.
    let mut cap = base.clone();
    cap.apply(&Action::SetRegion(1, RegionField::Cap, 800.0)).unwrap();
    assert_eq!(inputs(&cap), before);
    // A binding cap changes only the allocation chart.
    let mut binding = base.clone();
    binding.apply(&Action::SetRegion(1, RegionField::Cap, 150.0)).unwrap();
    let after = inputs(&binding);
    assert_eq!(after[..2], before[..2]);
    assert_ne!(after[2], before[2]);
    // Hashprice moves the break-even and allocation charts; on the profit chart it moves only
    // the cursor, which the page draws over the canvas.
    let mut hp = base.clone();
    hp.apply(&Action::SetGlobal(GlobalField::Hashprice, 39.5)).unwrap();
    let after = inputs(&hp);
    assert_eq!(after[0], before[0]);
    assert!((1..3).all(|i| after[i] != before[i]));
    assert_eq!(ChartKind::ProfitVsHashprice.cursor(&report(&hp)), Some(39.5));
    // A rename changes every chart's labels.
    let mut renamed = base.clone();
    renamed.apply(&Action::RenameRegion(2, "Cheyenne".into())).unwrap();
    let after = inputs(&renamed);
    assert!((0..3).all(|i| after[i] != before[i]));
    // Whatever changes an SVG changes the inputs or the cursor (checked on these four edits).
    for s in [&cap, &binding, &hp, &renamed] {
        for (i, kind) in ChartKind::ALL.into_iter().enumerate() {
            if render_svg(kind, &report(s)) != render_svg(kind, &report(&base)) {
                assert!(
                    inputs(s)[i] != before[i] || kind.cursor(&report(s)) != kind.cursor(&report(&base)),
                    "{kind:?} changed without its inputs or its cursor changing"
                );
            }
        }
    }
}

/// The seed regions and `extra` more, priced apart so that they rank apart.
fn with_regions(extra: usize) -> Scenario {
    let mut s = Scenario::default();
    for i in 0..extra {
        s.apply(&Action::AddRegion).unwrap();
        let last = s.regions.len() - 1;
        s.apply(&Action::SetRegion(last, RegionField::Price, 0.01 + 0.004 * i as f64)).unwrap();
    }
    s
}

#[test]
fn a_bar_chart_is_not_redrawn_for_a_region_it_leaves_to_the_table() {
    let base = with_regions(14);
    let r = report(&base);
    // The dearest site has the least headroom, the least profit and the slowest payback.
    let last = base.regions.len() - 1;
    let mut dearer = base.clone();
    dearer.apply(&Action::SetRegion(last, RegionField::Price, 0.07)).unwrap();
    let r2 = report(&dearer);
    assert_ne!(r2.rows[last], r.rows[last]);
    for kind in [ChartKind::BreakEven, ChartKind::ProfitByRegion, ChartKind::Payback] {
        assert_eq!(kind.data(&r2), kind.data(&r), "{kind:?} shows the 12 best of 20");
        assert_eq!(render_svg(kind, &r2), render_svg(kind, &r), "{kind:?}");
    }
    // The line charts draw every region, faint beyond the legend's eight.
    assert_ne!(ChartKind::ProfitVsHashprice.data(&r2), ChartKind::ProfitVsHashprice.data(&r));
}

#[test]
fn a_charts_size_from_its_data_is_the_size_read_from_the_report() {
    // The share panel sizes the embed from the report; the page draws at the data's size.
    let mut none = Scenario::default();
    none.apply(&Action::SetOrigin(None)).unwrap();
    for s in [Scenario::default(), with_regions(6), with_regions(20), none] {
        let r = report(&s);
        for kind in ChartKind::ALL {
            for width in [200, 280, 333, 640, 900] {
                assert_eq!(kind.data(&r).size_at(width), kind.size_at(&r, width), "{kind:?} at {width} px");
            }
        }
    }
    // Twenty-six regions: the bar charts show twelve bands and the "+14 more" line.
    let r = report(&with_regions(20));
    assert_eq!(ChartKind::BreakEven.data(&r).size_at(640), (640, 64 + 12 * 24 + 20));
}

#[test]
fn axes_hold_still_while_a_slider_moves_a_little() {
    // Tick labels are the SVG texts centred under the x axis.
    let ticks = |hp: f64, kind: ChartKind| -> Vec<String> {
        let mut s = Scenario::default();
        s.apply(&Action::SetGlobal(GlobalField::Hashprice, hp)).unwrap();
        let svg = svg(kind, &s);
        let lines: Vec<&str> = svg.lines().collect();
        lines.windows(2).filter(|w| w[0].contains("text-anchor=\"middle\"")).map(|w| w[1].to_string()).collect()
    };
    for kind in ChartKind::ALL {
        assert_eq!(ticks(47.0, kind), ticks(48.0, kind), "{kind:?} moved its axis for a 1 USD/PH/day step");
    }
    // The break-even axis ends on a nice number: Texas's 0.084 × 1.1 rounds up to 0.1.
    assert_eq!(ticks(47.0, ChartKind::BreakEven).last().map(String::as_str), Some("0.1"));
}

#[test]
fn cumulative_cash_marks_the_halving_and_moves_it_with_the_date() {
    let mut s = Scenario::default();
    let out = svg(ChartKind::CumulativeCash, &s);
    assert_eq!(texts(&out, "halving 2028-04"), 1);
    s.apply(&Action::SetHalvingMonth(YearMonth::parse("2027-06").unwrap())).unwrap();
    let moved = svg(ChartKind::CumulativeCash, &s);
    assert_eq!(texts(&moved, "halving 2027-06"), 1);
    // A halving after the 36 months is not drawn at all.
    s.apply(&Action::SetHalvingMonth(YearMonth::parse("2031-01").unwrap())).unwrap();
    assert!(!svg(ChartKind::CumulativeCash, &s).contains("halving"));
}

#[test]
fn payback_says_never_or_names_the_month() {
    let mut s = Scenario::default();
    let out = svg(ChartKind::Payback, &s);
    let r = report(&s);
    let never = r.rows.iter().filter(|r| r.payback_months.is_none()).count();
    assert_eq!(texts(&out, "never within 36 months"), never);
    s.apply(&Action::SetGlobal(GlobalField::DifficultyGrowth, 0.0)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::BtcPriceGrowth, 6.0)).unwrap();
    let r = report(&s);
    let out = svg(ChartKind::Payback, &s);
    for row in &r.rows {
        if let Some(m) = row.payback_months {
            assert!(texts(&out, &format!("month {m}")) >= 1, "{} pays back in month {m}", row.name);
        }
    }
    assert!(r.rows.iter().any(|r| r.payback_months.is_some()));
}

#[test]
fn stay_or_move_shows_staying_and_every_move() {
    let s = Scenario::default();
    let r = report(&s);
    let out = svg(ChartKind::StayOrMove, &s);
    assert_eq!(texts(&out, "Stay in Kazakhstan"), 1);
    assert_eq!(texts(&out, "Best plan"), 1);
    for o in r.stay_or_move.iter().filter(|o| o.kind == OptionKind::Move) {
        assert_eq!(texts(&out, &format!("\u{2192} {}", o.name)), 1, "the move to {}", o.name);
    }
    // Without an origin there is nothing to compare, and the chart says nothing false.
    let mut none = s.clone();
    none.apply(&Action::SetOrigin(None)).unwrap();
    let out = svg(ChartKind::StayOrMove, &none);
    assert!(!out.contains("Stay in") && !out.contains("NaN"));
}

#[test]
fn sensitivity_map_is_coloured_in_runs_with_the_line_and_the_point() {
    let s = Scenario::default();
    let out = svg(ChartKind::Sensitivity, &s);
    // 10 000 cells, merged into runs of one colour along each row.
    let rects = out.matches("<rect").count();
    assert!((100..3000).contains(&rects), "{rects} rectangles");
    // Both ends of the scale appear: losses (red) and profits (blue).
    let fills: Vec<(u8, u8, u8)> = out
        .match_indices("fill=\"#")
        .filter_map(|(i, m)| {
            let hex = out.get(i + m.len()..i + m.len() + 6)?;
            let c = |k: usize| u8::from_str_radix(&hex[k..k + 2], 16).ok();
            Some((c(0)?, c(2)?, c(4)?))
        })
        .collect();
    assert!(fills.iter().any(|&(r, _, b)| u16::from(r) > u16::from(b) + 40), "red cells for losses");
    assert!(fills.iter().any(|&(r, _, b)| u16::from(b) > u16::from(r) + 40), "blue cells for profits");
    assert!(out.contains("Kazakhstan: "), "the current point is labelled with the region");
    assert!(out.matches("<circle").count() >= 2, "the current point is marked");
    assert!(!out.contains("NaN"));
}

/// The profit chart drawn to SVG with its cursor line or without, and where its plot lies.
fn framed_svg(scenario: &Scenario, with_cursor: bool) -> (String, sitecost::chart::PlotFrame) {
    use plotters::prelude::*;
    let r = report(scenario);
    let kind = ChartKind::ProfitVsHashprice;
    let mut out = String::new();
    let frame = {
        let data = kind.data(&r);
        let area = SVGBackend::with_string(&mut out, data.size_at(640)).into_drawing_area();
        let cursor = kind.cursor(&r).filter(|_| with_cursor);
        let frame = data.draw_framed(&area, cursor).unwrap().expect("the profit chart has a frame");
        area.present().unwrap();
        frame
    };
    (out, frame)
}

#[test]
fn the_pages_cursor_stands_where_the_exported_chart_draws_its_line() {
    for hp in [20.0, 51.0, 80.0, 140.0] {
        let mut s = Scenario::default();
        s.apply(&Action::SetGlobal(GlobalField::Hashprice, hp)).unwrap();
        let (with, frame) = framed_svg(&s, true);
        let (without, frame_without) = framed_svg(&s, false);
        assert_eq!(frame, frame_without, "the cursor does not move the plot");
        // What the cursor adds is one element: the vertical line, at the frame's x for `hp`.
        let added: Vec<&str> = with.lines().filter(|l| !without.lines().any(|w| w == *l)).collect();
        assert_eq!(added.len(), 1, "{added:?}");
        let points = added[0].split("points=\"").nth(1).expect("a polyline").split('"').next().unwrap();
        let xs: Vec<f64> = points.split_whitespace().map(|p| p.split(',').next().unwrap().parse().unwrap()).collect();
        let x = frame.x_px(hp).expect("on the axis");
        assert!(xs.iter().all(|&px| (px - x).abs() <= 1.0), "hashprice {hp}: line at {xs:?}, cursor at {x}");
        assert_eq!(texts(&with, "<text"), texts(&without, "<text"));
    }
    // Off the axis, there is no cursor.
    let (_, frame) = framed_svg(&Scenario::default(), false);
    assert_eq!(frame.x_px(frame.x_range.1 + 1.0), None);
}

#[test]
fn the_profit_charts_axes_hold_while_a_price_moves_a_little_and_follow_a_large_move() {
    // The page paints only the plot area again while these hold (see `ChartData::axes`).
    let axes = |s: &Scenario| ChartKind::ProfitVsHashprice.data(&report(s)).axes().expect("the profit chart has axes");
    let base = Scenario::default();
    let mut small = base.clone();
    small.apply(&Action::SetRegion(1, RegionField::Price, 0.064)).unwrap();
    assert_eq!(axes(&small), axes(&base));
    let mut large = base.clone();
    large.apply(&Action::SetRegion(1, RegionField::Price, 0.005)).unwrap();
    let (before, after) = (axes(&base), axes(&large));
    assert_eq!(before[..2], after[..2], "the hashprice axis is fixed");
    assert!(after[3] > before[3], "a much cheaper site lifts the profit axis: {before:?} → {after:?}");
    // Only the profit chart is drawn this way; the others are drawn whole.
    assert!(ChartKind::ALL
        .iter()
        .filter(|k| k.data(&report(&base)).axes().is_some())
        .eq([&ChartKind::ProfitVsHashprice]));
}

/// The points of each `<polyline>` of `svg` stroked in `stroke` (e.g. "#000000") at `width` px.
fn polylines(svg: &str, stroke: &str, width: u32) -> Vec<Vec<(f64, f64)>> {
    let head = format!("stroke=\"{stroke}\" stroke-width=\"{width}\" points=\"");
    svg.split("<polyline")
        .skip(1)
        .filter_map(|e| e.split(&head).nth(1))
        .map(|e| {
            let points = e.split('"').next().unwrap();
            points
                .split_whitespace()
                .map(|p| p.split_once(',').map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap())).unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn price_duration_shows_the_first_profiled_region_with_its_threshold_and_mean() {
    let s = Scenario::default();
    let r = report(&s);
    // Texas is the only seed with hourly prices.
    let texas = &r.rows[1];
    assert_eq!(r.price_duration, Some(1));
    let out = svg(ChartKind::PriceDuration, &s);
    let t = texas.threshold_usd_per_kwh;
    assert_eq!(texts(&out, &format!("mines below ${t:.3}/kWh")), 1);
    assert_eq!(texts(&out, "mean $0.045/kWh"), 1);
    let share = texas.mined_hours_pct;
    assert!(share > 50.0 && share < 100.0, "Texas mines most hours but not all: {share}");
    let hours = texas.year_curve.as_ref().unwrap().len();
    assert!(hours > 8700, "a year of hours: {hours}");
    assert_eq!(texts(&out, &format!("Texas (ERCOT): mines {share:.0} % of {hours} h")), 1);
    // ERCOT's West hub had negative hours in 2025 and spikes far above the axis.
    assert!(out.contains("hours from \u{2212}$0.0"), "the lowest hour is below zero");
    assert!(!out.contains("NaN") && !out.contains("inf"));
    // The curve, in Texas's colour, is at most 400 points and climbs from left to right.
    let curve = &polylines(&out, "#D55E00", 2)[0];
    assert!(curve.len() <= 400 && curve.len() >= 300, "{} points", curve.len());
    assert!(curve.windows(2).all(|w| w[1].0 > w[0].0 && w[1].1 <= w[0].1), "sorted, cheapest first");
    // The mined share is one shaded rectangle from the left edge to where the curve crosses t.
    assert_eq!(out.matches("<rect").count(), 2, "the background and the mined share");
}

#[test]
fn price_duration_threshold_moves_with_the_hashprice_and_its_axis_holds() {
    let at = |hp: f64| {
        let mut s = Scenario::default();
        s.apply(&Action::SetGlobal(GlobalField::Hashprice, hp)).unwrap();
        let r = report(&s);
        let out = render_svg(ChartKind::PriceDuration, &r);
        // The black 2 px line across the whole plot is the threshold; its height in pixels.
        let line = polylines(&out, "#000000", 2).into_iter().find(|l| l.len() == 2 && l[0].1 == l[1].1).unwrap();
        (ChartKind::PriceDuration.data(&r), line[0].1, r.rows[1].threshold_usd_per_kwh, out)
    };
    let (low, low_y, low_t, low_svg) = at(40.0);
    let (high, high_y, high_t, high_svg) = at(42.0);
    assert_ne!(low, high, "the chart is redrawn for a new hashprice");
    assert!(high_t > low_t && high_y < low_y, "a higher hashprice raises the line: {low_y} → {high_y}");
    assert_eq!(texts(&high_svg, &format!("mines below ${high_t:.3}/kWh")), 1);
    // The price axis's tick labels (right-aligned beside it) stay where they were.
    let y_ticks = |svg: &str| -> Vec<String> {
        let lines: Vec<&str> = svg.lines().collect();
        let numeric = |w: &&[&str]| w[1].parse::<f64>().is_ok();
        lines
            .windows(2)
            .filter(|w| w[0].contains("text-anchor=\"end\""))
            .filter(numeric)
            .map(|w| w[1].to_string())
            .collect()
    };
    assert_eq!(y_ticks(&low_svg), y_ticks(&high_svg));
    assert!(y_ticks(&low_svg).len() >= 4);
}

#[test]
fn price_duration_without_hourly_prices_says_so() {
    let mut s = Scenario::default();
    s.apply(&Action::ClearPriceProfile("texas".into())).unwrap();
    let r = report(&s);
    assert_eq!(r.price_duration, None);
    let out = render_svg(ChartKind::PriceDuration, &r);
    assert_eq!(texts(&out, "No region has hourly prices: import them under \u{201c}Hourly power prices\u{201d}."), 1);
    assert!(!out.contains("<polyline") && !out.contains("mines below") && !out.contains("NaN"));
}

#[test]
fn price_duration_follows_the_region_picked_when_it_has_hourly_prices() {
    let mut s = Scenario::default();
    // Kazakhstan has no hourly prices: the chart stays on Texas.
    s.apply(&Action::SetPriceDurationRegion(Some("kazakhstan".into()))).unwrap();
    assert_eq!(report(&s).price_duration, Some(1));
    // Once it has some, the chart shows them, shifted to its price.
    let rows: Vec<(Option<u8>, f64)> = (0..48).map(|h| (None, if h < 36 { 0.02 } else { 0.10 })).collect();
    s.apply(&Action::SetPriceProfile("kazakhstan".into(), rows)).unwrap();
    let r = report(&s);
    assert_eq!(r.price_duration, Some(0));
    let out = render_svg(ChartKind::PriceDuration, &r);
    assert_eq!(texts(&out, "mean $0.040/kWh"), 1);
    assert!(out.contains("Kazakhstan: mines "));
    assert_eq!(texts(&out, "hours from $0.020 to $0.100/kWh"), 1);
    assert_eq!(
        s.apply(&Action::SetPriceDurationRegion(Some("mars".into()))),
        Err(ApplyError::UnknownRegionId("mars".into()))
    );
}
