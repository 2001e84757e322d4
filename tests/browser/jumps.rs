//! Jumps: a burst of values across their ranges and of key presses loses no update in the table or any chart.

use serde_json::json;
use sitecost::model::codec::fragment;
use sitecost::model::{report, Action, GlobalField, RegionField, Scenario};

use crate::support::page::{Page, ALL_CHARTS};

/// Sets each (id, value) and dispatches its `input` event, all in one task: a burst the app
/// cannot render between.
const BURST: &str = "for (const [id, value] of arguments[0]) {
        const el = document.getElementById(id);
        el.value = String(value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
    }";

#[test]
fn after_a_burst_of_fifty_jumps_the_table_and_every_chart_show_the_last_inputs() {
    let page = Page::open();
    let texas = Scenario::default().index_of("texas").unwrap();
    let mut expected = Scenario::default();
    let mut burst = Vec::new();
    for i in 0..50 {
        // Ending high on the hashprice and low on the efficiency, so that every chart has shapes.
        let high = (i / 4) % 2 == 0;
        let k = f64::from(i % 5);
        let (id, action) = match i % 4 {
            0 => ("hashprice", Action::SetGlobal(GlobalField::Hashprice, if high { 145.0 - k } else { 5.0 + k })),
            1 => {
                let price = if high { 0.19 - 0.001 * k } else { 0.01 + 0.001 * k };
                ("price-texas", Action::SetRegion(texas, RegionField::Price, (price * 1000.0_f64).round() / 1000.0))
            }
            2 => (
                "fleet-mw",
                Action::SetGlobal(GlobalField::FleetMw, if high { 1950.0 - 10.0 * k } else { 50.0 + 10.0 * k }),
            ),
            _ => (
                "efficiency",
                Action::SetGlobal(GlobalField::Efficiency, if high { 50.0 - 0.5 * k } else { 10.0 + 0.5 * k }),
            ),
        };
        let value = match &action {
            Action::SetGlobal(_, v) | Action::SetRegion(_, _, v) => *v,
            _ => unreachable!(),
        };
        expected.apply(&action).unwrap();
        burst.push(json!([id, value]));
    }
    let table = page.table();
    page.browser.exec(BURST, json!([burst]));
    page.wait_table_change(&table, "the burst");

    // The same scenario opened fresh in another window of the same size is the reference.
    let url = format!("{}{}", page.server.as_ref().unwrap().url(), fragment(&expected, false));
    let fresh = Page::load(&url);
    let final_report = report(&expected);
    crate::support::poll("the table to show the last inputs", || page.table() == fresh.table());
    // Every chart, those on screen and those out of sight brought into view, shows the last
    // inputs pixel for pixel.
    for chart in ALL_CHARTS {
        page.drawn(chart, &final_report);
        let theirs = fresh.drawn(chart, &final_report);
        crate::support::poll(&format!("{chart} to show the last inputs"), || page.canvas(chart) == theirs);
    }
    page.assert_no_console_errors();
}

#[test]
fn page_keys_jump_the_slider_a_tenth_of_its_range() {
    let page = Page::open();
    let press = |id: &str, key: &str| {
        page.browser.exec(
            "document.getElementById(arguments[0]).dispatchEvent(new KeyboardEvent('keydown', { key: arguments[1], bubbles: true, cancelable: true }));",
            json!([id, key]),
        );
    };
    let value = |id: &str| page.browser.exec("return document.getElementById(arguments[0]).value;", json!([id]));
    press("hashprice", "PageUp");
    page.browser.wait_until("document.getElementById('hashprice').value === '54.83'", "PageUp: 39.83 + 15");
    assert_eq!(value("hashprice-value"), json!("54.83"), "the number field follows");
    press("hashprice", "End");
    page.browser.wait_until("document.getElementById('hashprice').value === '150'", "End");
    press("price-texas", "PageDown");
    page.browser.wait_until("document.getElementById('price-texas').value === '0.025'", "PageDown: 0.045 − 0.02");
    let mut expected = Scenario::default();
    expected.apply(&Action::SetGlobal(GlobalField::Hashprice, 150.0)).unwrap();
    let texas = expected.index_of("texas").unwrap();
    expected.apply(&Action::SetRegion(texas, RegionField::Price, 0.025)).unwrap();
    let margin = report(&expected).rows[texas].margin_usd_per_mw_day;
    crate::support::poll("Texas's margin at the keyed values", || {
        (page.metric("texas", "margin_usd_per_mw_day") - margin).abs() < 1e-9 * margin.abs().max(1.0)
    });
    page.assert_no_console_errors();
}

/// Each (id, value) in turn, as a pick (`change`) for a select or a move (`input`) for a slider,
/// and after each a macrotask (the app has rendered): where the blocks below the changed ones
/// stand, as `[id, value, tops]`.
const STEPS_AND_TOPS: &str = "const [steps, blocks] = arguments;
    const done = arguments[arguments.length - 1];
    const tops = () => blocks.map(css => document.querySelector(css).getBoundingClientRect().top);
    (async () => {
        const out = [['start', '', tops()]];
        for (const [id, value] of steps) {
            const el = document.getElementById(id);
            el.value = String(value);
            el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
            await new Promise(resolve => setTimeout(resolve, 0));
            out.push([id, String(value), tops()]);
        }
        done(out);
    })();";

#[test]
fn presets_mode_switches_and_jumps_move_nothing_below_what_they_change() {
    // A block that moves is painted again: an input that changed the height of the hashprice
    // modes, the machine's source, the summary or a table row moved every block below it.
    let page = Page::open();
    page.browser.set_window_size(1400, 1000);
    let blocks = ["fieldset.projection", "#results", "figure[data-chart]", "#results tfoot"];
    let steps = json!([
        ["hashprice-mode", "market"],
        ["hardware", "s21"],
        ["hashprice-mode", "direct"],
        ["hardware", "s21-pro"],
        ["hardware", "s21-xp"],
        ["hardware", "m60s"],
        ["hardware", "s19-xp"],
        ["efficiency", 49.5],
        ["hashprice", 145],
        ["fleet-mw", 1940],
        ["hashprice", 5],
        ["price-texas", 0.19],
        ["fleet-mw", 50],
        ["hashprice", 80],
    ]);
    let out = page.browser.exec_async_with(STEPS_AND_TOPS, json!([steps, blocks]));
    let rows = out.as_array().expect("the steps' tops");
    let start = &rows[0][2];
    for row in rows {
        assert_eq!(&row[2], start, "after {} = {}, the blocks {blocks:?} moved", row[0], row[1]);
    }
    // The steps did reach the page: the last machine is custom (the efficiency moved).
    assert_eq!(page.browser.exec("return document.getElementById('hardware').value;", json!([])), json!("custom"));
    page.assert_no_console_errors();
}
