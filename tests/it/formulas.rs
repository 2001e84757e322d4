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

#[test]
fn margin_per_mw_day() {
    // (HP, E, PUE, fee, p, uptime, expected USD per MW-day)
    let table = [
        // 40 PH/s × 50 × 0.98 = 1960 revenue; 24 000 × 0.05 = 1200 power.
        (50.0, 20.0, 1.25, 0.02, 0.05, 1.0, 760.0),
        // Half the hours: half of both.
        (50.0, 20.0, 1.25, 0.02, 0.05, 0.5, 380.0),
        // No revenue at zero hashprice: 0.85 × −960.
        (0.0, 21.5, 1.1, 0.02, 0.04, 0.85, -816.0),
        // 100 PH/s × 40 = 4000; 24 000 × 0.1 = 2400.
        (40.0, 10.0, 1.0, 0.0, 0.1, 1.0, 1600.0),
        // No uptime, no margin either way.
        (40.0, 10.0, 1.0, 0.0, 0.1, 0.0, 0.0),
        // Free power: all revenue.
        (40.0, 10.0, 1.0, 0.0, 0.0, 1.0, 4000.0),
    ];
    for (hp, e, pue, f, p, u, expected) in table {
        close(margin_usd_per_mw_day(hp, e, pue, f, p, u), expected);
    }
}

#[test]
fn break_even_power_price() {
    // HP × (1 − f) / (24 × E × PUE): 50 × 0.98 / 600 and 40 / 240.
    close(break_even_usd_per_kwh(50.0, 20.0, 1.25, 0.02), 49.0 / 600.0);
    close(break_even_usd_per_kwh(40.0, 10.0, 1.0, 0.0), 1.0 / 6.0);
    close(break_even_usd_per_kwh(0.0, 10.0, 1.0, 0.0), 0.0);
}

#[test]
fn break_even_hashprice() {
    // 24 × E × PUE × p / (1 − f): 24 × 20 × 1.25 × 0.05 / 0.98 = 30 / 0.98, and 24 × 10 × 0.1.
    close(break_even_usd_per_ph_day(20.0, 1.25, 0.02, 0.05), 30.0 / 0.98);
    close(break_even_usd_per_ph_day(10.0, 1.0, 0.0, 0.1), 24.0);
}

#[test]
fn margin_is_zero_at_both_break_evens() {
    for (e, pue, f, p, u) in [(21.5, 1.1, 0.02, 0.04, 0.85), (15.0, 1.3, 0.025, 0.0688, 0.97)] {
        let hp = break_even_usd_per_ph_day(e, pue, f, p);
        close(margin_usd_per_mw_day(hp, e, pue, f, p, u), 0.0);
        let p_even = break_even_usd_per_kwh(hp, e, pue, f);
        close(p_even, p);
    }
}
