//! The decision model in the page: market hashprice, hardware presets, the 36-month projection, stay-or-move and the sensitivity map.

use crate::support::page::Page;
use serde_json::json;
use sitecost::model::{report, Action, GlobalField, Hardware, HashpriceMode, Report, Scenario, YearMonth};

/// The `data-value` of `css` as a number.
fn value_of(page: &Page, css: &str) -> f64 {
    let v = page.attr(css, "data-value");
    v.as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("{css} has no numeric data-value: {v}"))
}

/// Waits until the projection columns of the table show what the native model gives for `scenario`.
fn wait_projection_matches(page: &Page, scenario: &Scenario) {
    let expected: Report = report(scenario);
    for row in &expected.rows {
        let payback = row.payback_months.map_or("never".to_string(), |m| m.to_string());
        let net = row.net_36m_usd_per_mw;
        page.browser.wait_until(
            &format!(
                "(() => {{ const tr = document.querySelector('#results tr[data-region=\"{id}\"]');
                   const p = tr.querySelector('td[data-metric=payback_months]').dataset.value;
                   const n = +tr.querySelector('td[data-metric=net_36m_usd]').dataset.value;
                   return p === {payback:?} && Math.abs(n - {net}) <= 1e-6 * Math.max(1, Math.abs({net})); }})()",
                id = row.id
            ),
            &format!("{}'s payback and 36-month net to follow the model", row.id),
        );
    }
}

/// The charts the decision model added that any hashprice or efficiency change moves. The
/// fourth, the payback bars, shows "never" for every region under the defaults and after these
/// changes too; the projection test checks it where a payback appears.
const NEW_CHARTS: [&str; 3] = ["cumulative-cash", "stay-or-move", "sensitivity"];

/// Scrolls each chart into view in turn (charts out of sight are drawn when they come near it),
/// waits until it shows its chart of the default scenario, and returns their pixel prints; then
/// scrolls back to the top.
fn prints_in_view(page: &Page, charts: &[&str]) -> Vec<(i64, i64)> {
    let defaults = report(&Scenario::default());
    let prints = charts.iter().map(|chart| page.drawn(chart, &defaults)).collect();
    page.browser.exec("window.scrollTo(0, 0);", json!([]));
    prints
}

/// Waits until each chart, scrolled into view, differs from its print in `before`.
fn wait_redrawn(page: &Page, charts: &[&str], before: Vec<(i64, i64)>) {
    for (chart, before) in charts.iter().zip(before) {
        page.browser
            .exec(&format!("document.querySelector('figure[data-chart={chart}]').scrollIntoView();"), json!([]));
        page.wait_canvas_change(chart, before);
    }
    page.browser.exec("window.scrollTo(0, 0);", json!([]));
}

/// A script true when the control `shown` is visible and the control `hidden` is in the page,
/// under a `hidden` group, and not visible (the groups share a cell, the other one invisible).
fn shown_only(shown: &str, hidden: &str) -> String {
    let visible = |id: &str| format!("document.getElementById('{id}').checkVisibility({{visibilityProperty: true}})");
    format!(
        "{} && document.getElementById('{shown}').closest('[hidden]') === null && \
         document.getElementById('{hidden}') !== null && !{} && \
         document.getElementById('{hidden}').closest('[hidden]') !== null",
        visible(shown),
        visible(hidden)
    )
}

#[test]
fn market_mode_derives_the_hashprice_and_switching_back_keeps_the_slider() {
    let page = Page::open();
    let mut scenario = Scenario::default();
    // The derived hashprice is shown in both modes.
    let derived = value_of(&page, "#hashprice-derived");
    assert!((derived - report(&scenario).hashprice_derived_usd_per_ph_day).abs() < 1e-9, "derived {derived}");
    // At the defaults the two agree to the cent (39.83), so the market's BTC price then moves
    // every figure and every new chart.
    let before = page.table();
    let prints = prints_in_view(&page, &NEW_CHARTS);
    page.choose("hashprice-mode", "market");
    scenario.apply(&Action::SetHashpriceMode(HashpriceMode::Market)).unwrap();
    page.wait_table_change(&before, "market mode");
    wait_projection_matches(&page, &scenario);
    // Only the mode in use shows its sliders; the other's are hidden, not removed.
    page.browser.wait_until(&shown_only("btc-price", "hashprice"), "the market's sliders alone");
    let table = page.table();
    page.slide("btc-price", 120_000.0);
    scenario.apply(&Action::SetGlobal(GlobalField::BtcPrice, 120_000.0)).unwrap();
    page.wait_table_change(&table, "a higher BTC price");
    wait_projection_matches(&page, &scenario);
    // The derived hashprice (49.51, against the slider's 39.83) reaches every new chart.
    wait_redrawn(&page, &NEW_CHARTS, prints);
    let margin = page.metric("texas", "margin_usd_per_mw_day");
    let want = report(&scenario).rows.iter().find(|r| &*r.id == "texas").unwrap().margin_usd_per_mw_day;
    assert!((margin - want).abs() < 1e-6, "Texas margin in market mode: page {margin}, model {want}");

    // A market input moves the derived hashprice and, in market mode, every figure.
    let table = page.table();
    page.slide("btc-price", 130_000.0);
    scenario.apply(&Action::SetGlobal(GlobalField::BtcPrice, 130_000.0)).unwrap();
    page.wait_table_change(&table, "a higher BTC price");
    let derived = value_of(&page, "#hashprice-derived");
    let want = report(&scenario).hashprice_derived_usd_per_ph_day;
    assert!((derived - want).abs() < 1e-9 && derived > 0.0, "derived {derived}, model {want}");
    wait_projection_matches(&page, &scenario);

    // Back to direct: the slider's 39.83 is still there, and the figures are the slider's again.
    page.choose("hashprice-mode", "direct");
    scenario.apply(&Action::SetHashpriceMode(HashpriceMode::Direct)).unwrap();
    page.browser.wait_until("document.getElementById('hashprice-value').value === '39.83'", "the slider's value");
    page.browser.wait_until(&shown_only("hashprice", "btc-price"), "the hashprice slider alone");
    wait_projection_matches(&page, &scenario);
    page.assert_no_console_errors();
}

#[test]
fn a_hardware_preset_sets_the_efficiency_and_the_figures_follow() {
    let page = Page::open();
    let before = page.table();
    let prints = prints_in_view(&page, &NEW_CHARTS);
    page.choose("hardware", Hardware::S21.id());
    let mut scenario = Scenario::default();
    scenario.apply(&Action::SetHardware(Hardware::S21)).unwrap();
    page.wait_table_change(&before, "the S21 preset");
    page.browser.wait_until("document.getElementById('efficiency-value').value === '17.5'", "17.5 J/TH");
    wait_projection_matches(&page, &scenario);
    wait_redrawn(&page, &NEW_CHARTS, prints);
    // Moving the efficiency away from the preset's makes the machine "custom".
    page.slide("efficiency", 19.0);
    page.browser.wait_until("document.getElementById('hardware').value === 'custom'", "the custom choice");
    page.assert_no_console_errors();
}

#[test]
fn projection_inputs_move_payback_net_and_redraw_the_new_charts() {
    let page = Page::open();
    let mut scenario = Scenario::default();
    wait_projection_matches(&page, &scenario);
    let charts = ["cumulative-cash", "payback", "stay-or-move"];
    let prints = prints_in_view(&page, &charts);

    // Flat difficulty and a rising price: new deployments start to pay back within 36 months
    // (with the defaults, none does).
    page.slide("difficulty-growth", 0.0);
    scenario.apply(&Action::SetGlobal(GlobalField::DifficultyGrowth, 0.0)).unwrap();
    wait_projection_matches(&page, &scenario);
    page.slide("btc-price-growth", 6.0);
    scenario.apply(&Action::SetGlobal(GlobalField::BtcPriceGrowth, 6.0)).unwrap();
    wait_projection_matches(&page, &scenario);
    assert!(report(&scenario).rows.iter().any(|r| r.payback_months.is_some()), "a payback to show");

    // The halving moved a year later: later months keep the full subsidy.
    page.browser.exec(
        "const el = document.getElementById('halving-date');
         el.value = '2029-04';
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        json!([]),
    );
    scenario.apply(&Action::SetHalvingMonth(YearMonth::parse("2029-04").unwrap())).unwrap();
    wait_projection_matches(&page, &scenario);

    wait_redrawn(&page, &charts, prints);

    // A halving before the projection starts is refused, and says why.
    page.browser.exec(
        "const el = document.getElementById('halving-date');
         el.value = '2020-01';
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        json!([]),
    );
    page.browser.wait_until(
        "document.getElementById('halving-date-error').textContent.includes('2020-01')",
        "the refusal beside the month",
    );
    wait_projection_matches(&page, &scenario);
    page.assert_no_console_errors();
}

#[test]
fn stay_or_move_ranks_the_moves_for_the_origin_fleet() {
    let page = Page::open();
    let mut scenario = Scenario::default();
    let expected = report(&scenario);
    let ids: Vec<String> = serde_json::from_value(page.browser.exec(
        "return [...document.querySelectorAll('#stay-or-move tbody tr')].map(tr => tr.dataset.option);",
        json!([]),
    ))
    .unwrap();
    let want: Vec<String> = expected.stay_or_move.iter().map(|o| o.id.to_string()).collect();
    assert_eq!(ids, want, "the table ranks the options as the model does");
    for o in &expected.stay_or_move {
        let net = value_of(&page, &format!("#stay-or-move tr[data-option=\"{}\"] td[data-metric=net_36m_usd]", o.id));
        assert!((net - o.net_36m_usd).abs() <= 1e-6 * o.net_36m_usd.abs().max(1.0), "{}: {net}", o.id);
    }
    // Another origin changes the comparison.
    page.choose("origin-region", "siberia");
    scenario.apply(&Action::SetOrigin(Some("siberia".into()))).unwrap();
    page.browser.wait_until(
        "document.querySelector('#stay-or-move tr.stay').dataset.option === 'siberia'",
        "Siberia as the place to stay",
    );
    page.assert_no_console_errors();
}

#[test]
fn the_sensitivity_map_moves_its_break_even_line_with_the_efficiency() {
    let page = Page::open();
    let line = || page.attr("figure[data-chart=sensitivity]", "data-break-even-line");
    let before_line = line();
    // Drawn means coloured: every colour step of the default map is in its pixels.
    let before = prints_in_view(&page, &["sensitivity"]);
    page.slide("efficiency", 30.0);
    page.browser.wait_until(
        &format!("document.querySelector('figure[data-chart=sensitivity]').dataset.breakEvenLine !== {}", before_line),
        "the break-even line to move",
    );
    let mut scenario = Scenario::default();
    scenario.apply(&Action::SetGlobal(GlobalField::Efficiency, 30.0)).unwrap();
    let grid = report(&scenario).sensitivity.expect("a map");
    let want = format!("{:?}", grid.break_even_line);
    assert_eq!(line(), json!(want), "the line the page drew is the model's");
    wait_redrawn(&page, &["sensitivity"], before);
    page.assert_no_console_errors();
}
