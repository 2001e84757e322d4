//! All-in economics in the page: the levy and opex in every figure, the whole fleet staying, move costs by route and the plan.

use crate::support::page::Page;
use sitecost::model::{report, Action, RegionField, Scenario, PLAN_ID};

/// Types `text` into the typed field of input `id` (`<id>-value`), as a paste does.
fn type_value(page: &Page, id: &str, text: &str) {
    let before = page.table();
    page.paste(&format!("#{id}-value"), text);
    page.wait_table_change(&before, id);
}

/// The `data-value` of `metric` in the stay-or-move row `option`, as a number.
fn option_value(page: &Page, option: &str, metric: &str) -> f64 {
    let css = format!("#stay-or-move tr[data-option=\"{option}\"] td[data-metric={metric}]");
    let v = page.attr(&css, "data-value");
    v.as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("{css} has no number: {v}"))
}

#[test]
fn a_levy_lowers_the_break_even_power_price_by_exactly_the_levy_without_opex() {
    let page = Page::open();
    type_value(&page, "opex-texas", "0");
    let without = page.metric("texas", "break_even_usd_per_kwh");
    type_value(&page, "levy-texas", "0.01");
    let with = page.metric("texas", "break_even_usd_per_kwh");
    assert!((without - with - 0.01).abs() < 1e-12, "{without} − {with} is the levy");
    // And both are the model's figures.
    let mut s = Scenario::default();
    s.apply(&Action::SetRegion(1, RegionField::Opex, 0.0)).unwrap();
    s.apply(&Action::SetRegion(1, RegionField::Levy, 0.01)).unwrap();
    assert_eq!(Some(with), report(&s).rows[1].break_even_usd_per_kwh);
    page.assert_no_console_errors();
}

#[test]
fn opex_makes_a_site_lose_below_its_break_even_and_it_gets_no_fleet() {
    let page = Page::open();
    // At $20/PH/day Kazakhstan's machines earn less than its power and levy: they switch off,
    // and the site loses exactly its opex, 4 000 a month.
    type_value(&page, "hashprice", "20");
    let margin = page.metric("kazakhstan", "margin_usd_per_mw_day");
    assert_eq!(margin, -4000.0 / (365.25 / 12.0));
    assert_eq!(page.metric("kazakhstan", "allocated_mw"), 0.0);
    assert!(page.metric("kazakhstan", "break_even_usd_per_ph_day") > 20.0);
    // Without opex nothing is lost and nothing is earned: still no fleet.
    type_value(&page, "opex-kazakhstan", "0");
    assert_eq!(page.metric("kazakhstan", "margin_usd_per_mw_day"), 0.0);
    assert_eq!(page.metric("kazakhstan", "allocated_mw"), 0.0);
    page.assert_no_console_errors();
}

#[test]
fn staying_with_a_fleet_larger_than_the_origin_cap_runs_the_whole_fleet() {
    let page = Page::open();
    // 300 MW of fleet against Kazakhstan's cap of 100 MW on new mining.
    assert_eq!(option_value(&page, "kazakhstan", "mw"), 300.0);
    let s = Scenario::default();
    assert_eq!(s.regions[0].values.cap_mw, 100.0);
    let stay = report(&s).stay_or_move.into_iter().find(|o| &*o.id == "kazakhstan").unwrap();
    assert_eq!(option_value(&page, "kazakhstan", "net_36m_usd"), stay.net_36m_usd);
    type_value(&page, "fleet-mw", "1000");
    page.browser.wait_until(
        "document.querySelector('#stay-or-move tr[data-option=\"kazakhstan\"] td[data-metric=mw]').dataset.value === '1000'",
        "staying to run all 1 000 MW",
    );
    // The plan row is there, and the summary states it.
    assert!(option_value(&page, PLAN_ID, "npv_usd").is_finite());
    let summary = page.text("#plan-summary");
    assert!(summary.contains("Best over 36 months: keep 1,000 MW in Kazakhstan"), "{summary}");
    page.assert_no_console_errors();
}

#[test]
fn moving_from_texas_to_kazakhstan_pays_texas_exit_and_kazakhstan_arrival() {
    let page = Page::open();
    page.choose("origin-region", "texas");
    page.browser.wait_until(
        "!!document.querySelector('#stay-or-move tr.stay[data-option=\"texas\"]')",
        "Texas to be the origin",
    );
    let mut s = Scenario::default();
    s.apply(&Action::SetOrigin(Some("texas".into()))).unwrap();
    let (kz, tx) = (s.regions[0].values, s.regions[1].values);
    // Kazakhstan's cap of 100 MW takes 100 of the 300 MW.
    let expected = 100.0 * (tx.exit_cost_usd_per_mw + kz.move_cost_usd_per_mw + kz.capex_usd_per_mw);
    assert_eq!(option_value(&page, "kazakhstan", "upfront_usd"), expected);
    assert_eq!(option_value(&page, "kazakhstan", "mw"), 100.0);
    let model = report(&s).stay_or_move.into_iter().find(|o| &*o.id == "kazakhstan").unwrap();
    assert_eq!(option_value(&page, "kazakhstan", "npv_usd"), model.npv_usd);
    page.assert_no_console_errors();
}
