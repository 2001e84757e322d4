//! The built page in headless Chromium, driven through its DOM contract: controls, table, charts.
//!
//! These tests load the release build from `dist/` (made by `make dist`) through a loopback
//! server, and compare what the page shows with the native model on the same inputs.

use crate::support::page::{chart_kind, Page, ALL_CHARTS, CHARTS};
use serde_json::json;
use sitecost::model::{report, Action, GlobalField, RegionField, Scenario, METRICS};

const REGIONS: [&str; 6] = ["kazakhstan", "texas", "wyoming", "new-york", "georgia", "siberia"];

/// Checks every cell of the page's table against the native report of `scenario`.
fn assert_table_matches(page: &Page, scenario: &Scenario) {
    let expected = report(scenario);
    let table = page.table();
    let mut checked = 0;
    for (region, metric, value) in &table {
        let want = if region == "total" {
            let t = &expected.totals;
            match metric.as_str() {
                "allocated_mw" => t.allocated_mw,
                "hashrate_ph_s" => t.hashrate_ph_s,
                "profit_usd_per_day" => t.profit_usd_per_day,
                other => panic!("unexpected total metric {other}"),
            }
        } else {
            let row = expected.rows.iter().find(|r| &*r.id == region).expect("a known region");
            let m = METRICS.iter().find(|m| m.name == metric).unwrap_or_else(|| panic!("unexpected metric {metric}"));
            (m.value)(row).unwrap_or(f64::INFINITY)
        };
        assert!(
            *value == want || (value - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{region} {metric}: page {value}, model {want}"
        );
        checked += 1;
    }
    assert_eq!(checked, 6 * METRICS.len() + 3, "every region's metrics and the total's three");
}

#[test]
fn page_shows_every_region_control_table_row_and_chart() {
    let page = Page::open();
    let b = &page.browser;
    let mut controls: Vec<(String, String)> = ["hashprice", "efficiency", "pue", "pool-fee", "fleet-mw"]
        .iter()
        .zip(["USD/PH/day", "J/TH", "\u{d7}", "%", "MW"])
        .map(|(id, unit)| (id.to_string(), unit.to_string()))
        .collect();
    for region in REGIONS {
        for (key, unit) in [("price", "USD/kWh"), ("cap", "MW"), ("uptime", "%")] {
            controls.push((format!("{key}-{region}"), unit.to_string()));
        }
    }
    for (id, unit) in &controls {
        assert_eq!(page.attr(&format!("#{id}"), "type"), json!("range"), "#{id} is a slider");
        assert_eq!(page.attr(&format!("#{id}-value"), "inputmode"), json!("decimal"), "#{id}-value is a number field");
        let label = page.text(&format!("label[for=\"{id}\"]"));
        assert!(label.contains(&format!("({unit})")), "label of #{id} gives its unit: {label:?}");
    }
    for region in REGIONS.iter().chain(["total"].iter()) {
        let cells = b.exec(
            "return document.querySelectorAll(`#results tr[data-region=\"${arguments[0]}\"] td[data-metric]`).length;",
            json!([region]),
        );
        assert_eq!(cells, json!(if *region == "total" { 3 } else { METRICS.len() }), "cells of {region}");
    }
    assert_table_matches(&page, &Scenario::default());
    let expected = report(&Scenario::default());
    for chart in ALL_CHARTS {
        assert_eq!(page.caption(chart), chart_kind(chart).caption(), "{chart}'s caption");
        page.drawn(chart, &expected);
    }
    // Sources are cited on the page, and assumptions labelled.
    assert!(page.text("#sources").contains("EIA"));
    assert!(
        b.exec("return document.querySelectorAll('.badge[aria-label=assumption]').length;", json!([]))
            .as_u64()
            .unwrap()
            >= 6
    );
    page.assert_no_console_errors();
}

#[test]
fn sliders_and_typed_values_drive_every_figure_by_the_formulas() {
    let page = Page::open();
    let mut scenario = Scenario::default();
    let steps: [(&str, f64, Action, &str); 5] = [
        ("hashprice", 62.5, Action::SetGlobal(GlobalField::Hashprice, 62.5), "62.5"),
        ("fleet-mw", 700.0, Action::SetGlobal(GlobalField::FleetMw, 700.0), "700"),
        ("pool-fee", 2.5, Action::SetGlobal(GlobalField::PoolFee, 2.5), "2.5"),
        ("cap-texas", 120.0, Action::SetRegion(1, RegionField::Cap, 120.0), "120"),
        ("uptime-kazakhstan", 60.0, Action::SetRegion(0, RegionField::Uptime, 60.0), "60"),
    ];
    for (id, value, action, shown) in steps {
        let before = page.table();
        page.slide(id, value);
        page.wait_table_change(&before, id);
        scenario.apply(&action).unwrap();
        assert_table_matches(&page, &scenario);
        assert_eq!(
            page.browser.exec("return document.getElementById(arguments[0]).value;", json!([format!("{id}-value")])),
            json!(shown)
        );
    }

    // A typed value applies exactly, even between the slider's 0.001 steps.
    let before = page.table();
    page.browser.retype("#price-texas-value", "0.0655");
    page.browser
        .wait_until("document.getElementById('price-texas-value').value === '0.0655'", "the typed text to stay");
    scenario.apply(&Action::SetRegion(1, RegionField::Price, 0.0655)).unwrap();
    page.browser.wait_until(
        &format!(
            "document.querySelector('tr[data-region=texas] td[data-metric=break_even_usd_per_ph_day]').dataset.value === '{}'",
            report(&scenario).rows[1].break_even_usd_per_ph_day.unwrap()
        ),
        "Texas's break-even hashprice at exactly 0.0655 USD/kWh",
    );
    assert_ne!(page.table(), before);
    assert_table_matches(&page, &scenario);
    page.assert_no_console_errors();
}

#[test]
fn bad_typed_values_are_refused_with_the_reason_and_the_last_good_value_stays() {
    let page = Page::open();
    let b = &page.browser;
    let good = page.table();
    let prints = page.drawn_prints(&CHARTS);
    // Typed key by key, every prefix of these is refused too ("4e2" is 400); "61" and "1e999"
    // are pasted whole, because typing "6" first would rightly apply 6 J/TH.
    for (bad, pasted) in [("abc", false), ("-3", false), ("0", false), ("4e2", false), ("61", true), ("1e999", true)] {
        if pasted {
            page.paste("#efficiency-value", bad);
        } else {
            b.retype("#efficiency-value", bad);
        }
        b.wait_until(
            &format!("document.getElementById('efficiency-error').textContent.includes({})", json!(bad)),
            "an error naming the typed text",
        );
        let message = page.text("#efficiency-error");
        assert!(message.contains("Fleet efficiency") && message.contains("5 to 60 J/TH"), "{bad:?}: {message}");
        assert_eq!(page.attr("#efficiency-error", "role"), json!("alert"));
        assert_eq!(page.attr("#efficiency-value", "aria-invalid"), json!("true"));
        assert_eq!(page.table(), good, "{bad:?} reached the model");
        assert_eq!(b.exec("return document.getElementById('efficiency').value;", json!([])), json!("21.5"));
    }
    assert!(!page.text("#results").contains("NaN") && !page.text("#results").contains("inf"));
    let after: Vec<(i64, i64)> = CHARTS.iter().map(|c| page.canvas(c)).collect();
    assert_eq!(prints, after, "refused values redrew a chart");

    // PUE divides as well: zero is refused.
    b.retype("#pue-value", "0");
    b.wait_until("document.getElementById('pue-error').textContent.includes('PUE')", "an error for PUE");
    assert_eq!(page.table(), good);

    // A good value clears the error and applies.
    b.retype("#efficiency-value", "25");
    b.wait_until("document.getElementById('efficiency-error').textContent === ''", "the error to clear");
    let mut scenario = Scenario::default();
    scenario.apply(&Action::SetGlobal(GlobalField::Efficiency, 25.0)).unwrap();
    page.wait_table_change(&good, "a good efficiency");
    assert_table_matches(&page, &scenario);
    assert_eq!(b.exec("return document.getElementById('efficiency').value;", json!([])), json!("25"));
    page.assert_no_console_errors();
}

#[test]
fn keyboard_moves_a_slider_by_its_step_and_charts_redraw() {
    let page = Page::open();
    let before = page.table();
    let prints = page.drawn_prints(&CHARTS);
    // U+E012 is the left-arrow key: one step of 0.01 USD/PH/day each, fifty of them from 39.83
    // to 39.33 (enough to move the break-even bars by pixels, not enough to reorder the regions'
    // margins, which would redraw the profit chart's legend).
    page.browser.send_keys("#hashprice", &"\u{E012}".repeat(50));
    page.wait_table_change(&before, "the arrow keys");
    page.browser
        .wait_until("document.getElementById('hashprice-value').value === '39.33'", "the field to follow the slider");
    let mut scenario = Scenario::default();
    scenario.apply(&Action::SetGlobal(GlobalField::Hashprice, 39.33)).unwrap();
    assert_table_matches(&page, &scenario);
    assert!(page.metric("total", "profit_usd_per_day") > 0.0);
    // The break-even chart depends on hashprice and must redraw; on the profit line chart only
    // the cursor line moves, over a canvas that stays as it was.
    page.wait_canvas_change(CHARTS[1], prints[1]);
    assert_eq!(page.canvas(CHARTS[0]), prints[0], "the profit chart is not drawn again for a hashprice change");
    let cursor = format!("figure[data-chart=\"{}\"] .cursor", CHARTS[0]);
    assert_eq!(page.attr(&cursor, "data-value"), json!("39.33"));
    page.assert_no_console_errors();
}

#[test]
fn the_profit_charts_cursor_stands_at_the_hashprice_on_its_axis() {
    let page = Page::open();
    let cursor = "figure[data-chart=\"profit-vs-hashprice\"] .cursor";
    // The cursor's offset from the plot's left edge, in CSS pixels, once the chart is drawn.
    let offset = |hp: f64| -> f64 {
        page.slide("hashprice", hp);
        page.browser.wait_until(
            &format!("document.querySelector('{cursor}').dataset.value === '{hp}' && getComputedStyle(document.querySelector('{cursor}')).visibility === 'visible'"),
            "the cursor to follow the slider",
        );
        let v = page.browser.exec(
            "const c = document.querySelector(arguments[0]); return c.getBoundingClientRect().left - c.parentElement.getBoundingClientRect().left;",
            json!([cursor]),
        );
        v.as_f64().unwrap()
    };
    let (at_40, at_60, at_80) = (offset(40.0), offset(60.0), offset(80.0));
    // The hashprice axis is linear: equal steps of hashprice move the cursor equal distances.
    assert!(at_60 > at_40 + 20.0, "the cursor moves right as hashprice rises ({at_40} → {at_60})");
    assert!(((at_80 - at_60) - (at_60 - at_40)).abs() <= 1.0, "{at_40} {at_60} {at_80}");
    page.assert_no_console_errors();
}

#[test]
fn a_chart_out_of_sight_is_drawn_when_it_comes_into_view() {
    let page = Page::open();
    let b = &page.browser;
    let chart = "profit-by-region";
    // Scrolled to the top of a short window, the last chart is far below the viewport.
    b.set_window_size(1280, 500);
    b.exec("window.scrollTo(0, 0);", json!([]));
    b.wait_until(
        &format!("document.querySelector('figure[data-chart={chart}]').getBoundingClientRect().top > 1200"),
        "the chart to be far below the viewport",
    );
    // Far out of sight from the start, it is first drawn once the page rests (a blank canvas
    // hashes to 0).
    crate::support::poll("the chart's first drawing, at rest", || page.canvas(chart).0 != 0);
    let before = page.canvas(chart);
    let table = page.table();
    page.slide("fleet-mw", 120.0);
    page.wait_table_change(&table, "a smaller fleet");
    // Out of sight it waits (so that a slider event costs only the charts the user sees)...
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(page.canvas(chart), before, "the chart was drawn while out of sight");
    // ...and it shows the new figures as soon as it comes into view.
    b.exec(&format!("document.querySelector('figure[data-chart={chart}]').scrollIntoView();"), json!([]));
    page.wait_canvas_change(chart, before);
    page.assert_no_console_errors();
}

#[test]
fn the_stay_or_move_table_is_skipped_out_of_sight_during_input_and_laid_out_at_rest() {
    let page = Page::open();
    let b = &page.browser;
    b.set_window_size(1280, 500);
    b.exec("window.scrollTo(0, 0);", json!([]));
    let shown = "return document.querySelector('#stay-or-move td').checkVisibility({ contentVisibilityAuto: true });";
    // While inputs come, the table (its figures change with each) is skipped out of sight; it
    // sits in a block of its own since `content-visibility` does not apply to a table itself.
    let mut hashprice = 40.0;
    crate::support::poll("the table to be skipped during input", || {
        hashprice += 1.0;
        page.slide("hashprice", hashprice);
        b.exec(shown, json!([])) == json!(false)
    });
    // A second after the last input the page rests, and the table is laid out again.
    b.wait_until("document.documentElement.classList.contains('resting')", "the page to rest");
    crate::support::poll("the table to be laid out at rest", || b.exec(shown, json!([])) == json!(true));
    // And an input ends the rest at once.
    page.slide("hashprice", 30.0);
    assert_eq!(b.exec("return document.documentElement.classList.contains('resting');", json!([])), json!(false));
    page.assert_no_console_errors();
}

#[test]
fn a_price_change_redraws_the_profit_chart_as_a_fresh_page_draws_it() {
    // Within the same axes the page paints only the profit chart's plot area again, leaving
    // its axes and labels as they were: the result must be the very pixels of a whole drawing.
    let page = Page::open();
    let chart = CHARTS[0];
    let first = page.canvas(chart);
    let mut cheaper = Scenario::default();
    cheaper.apply(&Action::SetRegion(1, RegionField::Price, 0.03)).unwrap();
    let axes = |s: &Scenario| sitecost::chart::ChartKind::ProfitVsHashprice.data(&report(s)).axes();
    assert_eq!(axes(&cheaper), axes(&Scenario::default()), "the test needs a change within the same axes");
    page.slide("price-texas", 0.03);
    page.wait_canvas_change(chart, first);
    let redrawn = page.canvas(chart);
    // The same scenario in a fresh document is drawn whole.
    let url = page.server.as_ref().expect("a served page").url();
    page.browser.goto("about:blank");
    page.visit(&format!("{url}{}", sitecost::model::codec::fragment(&cheaper, false)));
    page.wait_shows(chart, &report(&cheaper));
    assert_eq!(page.canvas(chart), redrawn, "the redrawn plot area differs from a whole drawing");
    // And back at the default price, the chart is the first drawing again.
    page.slide("price-texas", 0.045);
    page.wait_canvas_change(chart, redrawn);
    assert_eq!(page.canvas(chart), first);
    page.assert_no_console_errors();
}
