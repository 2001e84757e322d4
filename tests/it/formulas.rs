//! Every formula against values worked out by hand, with the arithmetic in the comments.

use sitecost::model::formulas::*;

fn close(actual: f64, expected: f64) {
    let tol = 1e-9 * expected.abs().max(1.0);
    assert!((actual - expected).abs() <= tol, "got {actual}, expected {expected}");
}

#[test]
fn hashrate_per_mw() {
    // (E J/TH, PUE, expected PH/s per MW): 1000 / (E × PUE).
    let table = [(20.0, 1.25, 40.0), (10.0, 1.0, 100.0), (21.5, 1.1, 1000.0 / 23.65), (50.0, 2.0, 10.0)];
    for (e, pue, expected) in table {
        close(hashrate_ph_s_per_mw(e, pue), expected);
    }
}

/// A site's costs: price p, levy L (USD/kWh), uptime u, opex O (USD/MW-month).
fn site(p: f64, levy: f64, u: f64, opex: f64) -> SiteCosts {
    SiteCosts::flat(p, levy, u, opex)
}

#[test]
fn revenue_per_mw_day() {
    // 1000 / (20 × 1.25) = 40 PH/s; 40 × 50 × 0.98 = 1960.
    close(revenue_usd_per_mw_day(50.0, 20.0, 1.25, 0.02), 1960.0);
    // 100 PH/s × 40, no fee.
    close(revenue_usd_per_mw_day(40.0, 10.0, 1.0, 0.0), 4000.0);
}

#[test]
fn all_in_margin_per_mw_day() {
    // D = 365.25 / 12 = 30.4375 days; opex 3043.75 a month is 100 a day.
    // (revenue R, p, L, u, O, expected USD per MW-day)
    let table = [
        // 1960 − 24 000 × 0.05 = 760; no levy or opex.
        (1960.0, 0.05, 0.0, 1.0, 0.0, 760.0),
        // Half the hours: half of the running margin.
        (1960.0, 0.05, 0.0, 0.5, 0.0, 380.0),
        // A levy of 0.005: 24 000 × 0.055 = 1320; 1960 − 1320 = 640.
        (1960.0, 0.05, 0.005, 1.0, 0.0, 640.0),
        // Opex of 100 a day on top: 640 − 100 = 540; at 85 % uptime 0.85 × 640 − 100 = 444.
        (1960.0, 0.05, 0.005, 1.0, 3043.75, 540.0),
        (1960.0, 0.05, 0.005, 0.85, 3043.75, 444.0),
        // Revenue below power and levy: switched off, only the opex is lost.
        (1000.0, 0.05, 0.005, 0.85, 3043.75, -100.0),
        // No uptime: only the opex.
        (4000.0, 0.1, 0.0, 0.0, 3043.75, -100.0),
        // Free power, no opex: all revenue.
        (4000.0, 0.0, 0.0, 1.0, 0.0, 4000.0),
    ];
    for (revenue, p, levy, u, opex, expected) in table {
        close(margin_usd_per_mw_day(revenue, &site(p, levy, u, opex)), expected);
    }
}

#[test]
fn all_in_break_even_power_price() {
    // p* = (R − O / (D × u)) / 24 000 − L.
    // No levy or opex: 1960 / 24 000.
    close(break_even_usd_per_kwh(1960.0, &site(0.05, 0.0, 1.0, 0.0)).unwrap(), 1960.0 / 24_000.0);
    // A levy of 0.005 lowers it by exactly 0.005.
    close(break_even_usd_per_kwh(1960.0, &site(0.05, 0.005, 1.0, 0.0)).unwrap(), 1960.0 / 24_000.0 - 0.005);
    // Opex of 100 a day at 80 % uptime: (1960 − 125) / 24 000 − 0.005 = 0.0764583…
    close(break_even_usd_per_kwh(1960.0, &site(0.05, 0.005, 0.8, 3043.75)).unwrap(), 1835.0 / 24_000.0 - 0.005);
    // The price does not enter; without power there is none.
    assert_eq!(break_even_usd_per_kwh(1960.0, &site(0.0, 0.005, 0.0, 3043.75)), None);
}

#[test]
fn all_in_break_even_hashprice() {
    // HP* = (24 000 × (p + L) + O / (D × u)) / (1000 / (E × PUE) × (1 − f)).
    // 24 000 × 0.05 / (40 × 0.98) = 1200 / 39.2.
    close(break_even_usd_per_ph_day(20.0, 1.25, 0.02, &site(0.05, 0.0, 1.0, 0.0)).unwrap(), 1200.0 / 39.2);
    // Levy 0.005 and opex 100 a day at 80 % uptime: (1320 + 125) / 39.2.
    close(break_even_usd_per_ph_day(20.0, 1.25, 0.02, &site(0.05, 0.005, 0.8, 3043.75)).unwrap(), 1445.0 / 39.2);
    assert_eq!(break_even_usd_per_ph_day(20.0, 1.25, 0.02, &site(0.05, 0.0, 0.0, 0.0)), None);
}

#[test]
fn margin_is_zero_at_both_all_in_break_evens() {
    for (e, pue, f, p, levy, u, opex) in
        [(21.5, 1.1, 0.02, 0.04, 0.002, 0.85, 4000.0), (15.0, 1.3, 0.025, 0.0688, 0.0, 0.97, 6000.0)]
    {
        let costs = site(p, levy, u, opex);
        let hp = break_even_usd_per_ph_day(e, pue, f, &costs).unwrap();
        close(margin_usd_per_mw_day(revenue_usd_per_mw_day(hp, e, pue, f), &costs), 0.0);
        let p_even = break_even_usd_per_kwh(revenue_usd_per_mw_day(hp, e, pue, f), &costs).unwrap();
        close(p_even, p);
    }
}

#[test]
fn survival_discount_depreciation_tax_residual_and_route() {
    // 10 % a year: 0.9 after 12 months, 0.9³ = 0.729 after 36, 0.9^0.5 after 6.
    close(survival(10.0, 12.0), 0.9);
    close(survival(10.0, 36.0), 0.729);
    close(survival(10.0, 6.0), 0.9f64.sqrt());
    close(survival(0.0, 36.0), 1.0);
    close(survival(100.0, 1.0), 0.0);
    // 10 % a year: 1 / 1.1 after a year, 1 / 1.331 after three.
    close(discount_factor(10.0, 12.0), 1.0 / 1.1);
    close(discount_factor(10.0, 36.0), 1.0 / 1.331);
    close(discount_factor(0.0, 36.0), 1.0);
    // 360 000 over 3 years: 10 000 a month for months 1–36, nothing in month 37.
    close(depreciation_usd(360_000.0, 3.0, 1), 10_000.0);
    close(depreciation_usd(360_000.0, 3.0, 36), 10_000.0);
    close(depreciation_usd(360_000.0, 3.0, 37), 0.0);
    // 2.5 years is 30 months: month 30 the last.
    close(depreciation_usd(300_000.0, 2.5, 30), 10_000.0);
    close(depreciation_usd(300_000.0, 2.5, 31), 0.0);
    // Tax on profit after depreciation, never below zero: (50 000 − 10 000) × 21 % = 8 400.
    close(income_tax_usd(50_000.0, 10_000.0, 21.0), 8_400.0);
    close(income_tax_usd(5_000.0, 10_000.0, 21.0), 0.0);
    close(income_tax_usd(-5_000.0, 0.0, 21.0), 0.0);
    // 20 % of 500 000 of machines.
    close(residual_usd_per_mw(500_000.0, 20.0), 100_000.0);
    // Route A → B: exit(A) + arrival(B); B → A: exit(B) + arrival(A).
    let (exit_a, arrive_a, exit_b, arrive_b) = (15_000.0, 30_000.0, 10_000.0, 80_000.0);
    close(route_usd_per_mw(exit_a, arrive_b), 95_000.0);
    close(route_usd_per_mw(exit_b, arrive_a), 40_000.0);
}
