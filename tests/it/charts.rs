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
    // The stay-or-move chart names options ("Stay in …", "→ …") and the map one region: below.
    for kind in ChartKind::ALL.into_iter().filter(|k| !matches!(k, ChartKind::StayOrMove | ChartKind::Sensitivity)) {
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
    // Every break-even is now 24 × 60 × 2 × p / 0.98 ≈ 2 939 × p: only New York ($0.04 → $118)
    // and Siberia ($0.035 → $103) stay on the 0–150 axis.
    assert_eq!(svg(ChartKind::ProfitVsHashprice, &s).matches("<circle").count(), 2);
}

#[test]
fn profit_chart_labels_only_regions_whose_cap_binds() {
    let mut s = Scenario::default();
    // Defaults: 300 MW go to New York (100, full) and Siberia (200 of 300); Kazakhstan's all-in
    // margin is a little lower than Siberia's, and Texas, Wyoming and Georgia lose money.
    let out = svg(ChartKind::ProfitByRegion, &s);
    assert_eq!(texts(&out, "cap"), 1);
    assert_eq!(texts(&out, "not placed"), 4, "Kazakhstan, Texas, Wyoming and Georgia get nothing");
    s.apply(&Action::SetGlobal(GlobalField::FleetMw, 2000.0)).unwrap();
    assert_eq!(texts(&svg(ChartKind::ProfitByRegion, &s), "cap"), 3, "500 MW of profitable caps for 2 000 MW");
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
    binding.apply(&Action::SetRegion(3, RegionField::Cap, 150.0)).unwrap();
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
        assert_eq!(ticks(50.0, kind), ticks(51.0, kind), "{kind:?} moved its axis for a 1 USD/PH/day step");
    }
    // The break-even axis ends on a nice number: 0.0863 × 1.1 rounds up to 0.1.
    assert_eq!(ticks(50.0, ChartKind::BreakEven).last().map(String::as_str), Some("0.1"));
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
