//! The 36-month projection against hand arithmetic and brute force: the hashprice path and the halving, payback, stay or move, tax and seasonal downtime.

use sitecost::model::formulas;
use sitecost::model::projection::{self, FleetTerms, SiteTerms, DAYS_PER_MONTH, MONTHS};
use sitecost::model::*;

fn close(actual: f64, expected: f64, what: &str) {
    let tol = 1e-9 * expected.abs().max(1.0);
    assert!((actual - expected).abs() <= tol, "{what}: got {actual}, expected {expected}");
}

/// A scenario whose projection is easy to follow by hand: $60/PH/day, difficulty +1 %/month,
/// price +2 %/month, 3.125 BTC subsidy and 0.125 BTC fees (a reward of 3.25 BTC, 1.6875 after the
/// halving), from December 2026 with the halving in April 2028.
fn hand_scenario() -> Scenario {
    let mut s = Scenario::default();
    for (field, v) in [
        (GlobalField::Hashprice, 60.0),
        (GlobalField::DifficultyGrowth, 1.0),
        (GlobalField::BtcPriceGrowth, 2.0),
        (GlobalField::Subsidy, 3.125),
        (GlobalField::FeesPerBlock, 0.125),
    ] {
        s.apply(&Action::SetGlobal(field, v)).unwrap();
    }
    s
}

#[test]
fn hashprice_path_halves_the_subsidy_from_the_halving_month() {
    let r = report(&hand_scenario());
    // December 2026 is month 1, December 2027 month 13, so April 2028 is month 13 + 4 = 17.
    assert_eq!(r.start_month, YearMonth { year: 2026, month: 12 });
    assert_eq!(r.halving_month_index, Some(17));
    let path = &r.hashprice_path_usd_per_ph_day;
    assert_eq!(path.len(), 36);
    // Month m is path[m − 1] = 60 × 1.02^m / 1.01^m × reward_m / 3.25.
    let before = 60.0 * 1.02f64.powi(16) / 1.01f64.powi(16);
    close(path[15], before, "month 16, the last before the halving");
    let halving = 60.0 * 1.02f64.powi(17) / 1.01f64.powi(17) * (1.5625 + 0.125) / 3.25;
    close(path[16], halving, "month 17, the halving month, already halved");
    let after = 60.0 * 1.02f64.powi(18) / 1.01f64.powi(18) * 1.6875 / 3.25;
    close(path[17], after, "month 18");
    let last = 60.0 * 1.02f64.powi(36) / 1.01f64.powi(36) * 1.6875 / 3.25;
    close(path[35], last, "month 36");
    // The same months as plain numbers, to two decimals: 70.24, 36.83, 37.20, 44.42.
    for (value, rounded) in [(before, 70.24), (halving, 36.83), (after, 37.20), (last, 44.42)] {
        assert!((value - rounded).abs() < 0.005, "{value} vs {rounded}");
    }
}

#[test]
fn the_user_moves_the_halving_within_ten_years_of_the_start() {
    let mut s = hand_scenario();
    // January 2027 is the second month.
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2027, month: 1 })).unwrap();
    let r = report(&s);
    assert_eq!(r.halving_month_index, Some(2));
    close(r.hashprice_path_usd_per_ph_day[0], 60.0 * 1.02 / 1.01, "month 1 keeps the full subsidy");
    close(r.hashprice_path_usd_per_ph_day[1], 60.0 * 1.02f64.powi(2) / 1.01f64.powi(2) * 1.6875 / 3.25, "month 2");
    // Halving at the start: every month is halved. After month 36 (November 2029): none is.
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2026, month: 12 })).unwrap();
    assert_eq!(report(&s).halving_month_index, Some(1));
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2029, month: 11 })).unwrap();
    assert_eq!(report(&s).halving_month_index, Some(36));
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2029, month: 12 })).unwrap();
    let r = report(&s);
    assert_eq!(r.halving_month_index, None);
    close(r.hashprice_path_usd_per_ph_day[35], 60.0 * 1.02f64.powi(36) / 1.01f64.powi(36), "no halving");

    // Refused, with the scenario unchanged: before the start, more than ten years after it, a
    // month that does not exist, and a start that would leave the halving behind.
    let before = s.clone();
    for bad in [
        Action::SetHalvingMonth(YearMonth { year: 2026, month: 11 }),
        Action::SetHalvingMonth(YearMonth { year: 2036, month: 12 + 1 }),
        Action::SetHalvingMonth(YearMonth { year: 2037, month: 1 }),
        Action::SetStartMonth(YearMonth { year: 2030, month: 1 }),
        Action::SetStartMonth(YearMonth { year: 2019, month: 11 }),
    ] {
        assert!(s.apply(&bad).is_err(), "{bad:?}");
        assert_eq!(s, before, "{bad:?}");
    }
    assert_eq!(
        s.apply(&Action::SetHalvingMonth(YearMonth { year: 2026, month: 11 })).unwrap_err().to_string(),
        "The halving month (2026-11) must be from the projection's start (2026-12) to ten years after it."
    );
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2036, month: 12 })).unwrap();
}

/// Cumulative cash per MW of a new deployment, months 0 to 36, computed afresh from the inputs
/// with none of the projection's functions: the reference for payback.
fn brute_force_cumulative(s: &Scenario, region: &Region) -> Vec<f64> {
    let g = &s.globals;
    let hashprice_now = match g.hashprice_mode {
        HashpriceMode::Direct => g.values.hashprice_usd_per_ph_day,
        HashpriceMode::Market => {
            86_400e15 / (g.values.difficulty_t * 1e12 * 2f64.powi(32))
                * (g.values.subsidy_btc + g.values.fees_per_block_btc)
                * g.values.btc_price_usd
        }
    };
    let th_s_per_mw = 1e6 / (g.values.efficiency_j_per_th * g.values.pue);
    let uptime = region.values.uptime_pct / 100.0 * (12.0 - region.values.downtime_months) / 12.0;
    let halving_offset =
        (g.halving_month.year - g.start_month.year) * 12 + g.halving_month.month as i32 - g.start_month.month as i32;
    let mut total = -(region.values.capex_usd_per_mw + g.values.unit_price_usd_per_th * th_s_per_mw);
    let mut out = vec![total];
    let (mut difficulty, mut price) = (1.0, 1.0);
    for month in 1..=36 {
        difficulty *= 1.0 + g.values.difficulty_growth_pct_per_month / 100.0;
        price *= 1.0 + g.values.btc_price_growth_pct_per_month / 100.0;
        let subsidy = if month > halving_offset { g.values.subsidy_btc / 2.0 } else { g.values.subsidy_btc };
        let reward = g.values.subsidy_btc + g.values.fees_per_block_btc;
        let reward_factor = if reward == 0.0 { 1.0 } else { (subsidy + g.values.fees_per_block_btc) / reward };
        let hashprice = hashprice_now * price / difficulty * reward_factor;
        let hours = 365.25 / 12.0 * 24.0 * uptime;
        let revenue = th_s_per_mw / 1000.0 * hashprice / 24.0 * hours * (1.0 - g.values.pool_fee_pct / 100.0);
        let energy_kwh = 1000.0 * hours;
        let profit = revenue
            - energy_kwh * (region.values.price_usd_per_kwh + region.values.levy_usd_per_kwh)
            - region.values.opex_usd_per_mw_month;
        let tax = if profit > 0.0 { profit * region.values.tax_pct / 100.0 } else { 0.0 };
        total += profit - tax;
        out.push(total);
    }
    out
}

#[test]
fn payback_matches_a_brute_force_monthly_loop() {
    // A fixed linear congruential generator: the same 400 scenarios on every run.
    let mut seed: u64 = 0x0006_5eed;
    let mut unit = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut paying = 0;
    let mut never = 0;
    for case in 0..400 {
        let mut s = Scenario::default();
        let set_global = |s: &mut Scenario, field: GlobalField, u: f64| {
            let spec = field.spec();
            s.apply(&Action::SetGlobal(field, spec.min + (spec.max - spec.min) * u)).unwrap();
        };
        set_global(&mut s, GlobalField::Hashprice, 0.2 + 0.8 * unit());
        set_global(&mut s, GlobalField::Efficiency, unit() * 0.3);
        set_global(&mut s, GlobalField::Pue, unit());
        set_global(&mut s, GlobalField::PoolFee, unit());
        set_global(&mut s, GlobalField::DifficultyGrowth, 0.5 + unit() * 0.1);
        set_global(&mut s, GlobalField::BtcPriceGrowth, 0.45 + unit() * 0.15);
        set_global(&mut s, GlobalField::FeesPerBlock, unit() * 0.05);
        set_global(&mut s, GlobalField::UnitPrice, unit() * 0.1);
        set_global(&mut s, GlobalField::BtcPrice, 0.05 + unit() * 0.1);
        set_global(&mut s, GlobalField::Difficulty, unit() * 0.2);
        if unit() < 0.3 {
            s.apply(&Action::SetHashpriceMode(HashpriceMode::Market)).unwrap();
        }
        let halving = s.globals.start_month.plus_months((unit() * 40.0) as i64).unwrap();
        s.apply(&Action::SetHalvingMonth(halving)).unwrap();
        for i in 0..s.regions.len() {
            for field in RegionField::ALL {
                let spec = field.spec();
                // Keep costs in the range where both outcomes happen often.
                let share = match field {
                    RegionField::Price => 0.5,
                    RegionField::Opex => 0.05,
                    RegionField::Levy => 0.1,
                    RegionField::Capex => 0.05,
                    _ => 1.0,
                };
                s.apply(&Action::SetRegion(i, field, spec.min + (spec.max - spec.min) * share * unit())).unwrap();
            }
        }
        let r = report(&s);
        for (row, region) in r.rows.iter().zip(&s.regions) {
            let reference = brute_force_cumulative(&s, region);
            for (m, (&a, &b)) in row.cumulative_usd_per_mw.iter().zip(&reference).enumerate() {
                let tol = 1e-9 * b.abs().max(1e3);
                assert!((a - b).abs() <= tol, "case {case}, {} month {m}: {a} vs {b}", region.id);
            }
            let expected = (1..=36).find(|&m| reference[m] >= 0.0).map(|m| m as u32);
            // A cumulative within rounding of zero could fall either way; no such case is drawn.
            assert_eq!(row.payback_months, expected, "case {case}, {}: {reference:?}", region.id);
            assert_eq!(row.net_36m_usd_per_mw, row.cumulative_usd_per_mw[36]);
            match expected {
                Some(_) => paying += 1,
                None => never += 1,
            }
        }
    }
    assert!(paying > 300 && never > 300, "both outcomes are exercised: {paying} pay back, {never} never");
}

#[test]
fn staying_or_moving_at_no_cost_is_the_plain_regional_comparison() {
    let mut s = Scenario::default();
    s.apply(&Action::SetGlobal(GlobalField::FleetMw, 50.0)).unwrap();
    for i in 0..s.regions.len() {
        for field in [RegionField::MoveCost, RegionField::Capex, RegionField::MoveDays] {
            s.apply(&Action::SetRegion(i, field, 0.0)).unwrap();
        }
        // Every cap (the smallest is 100 MW) holds the 50 MW fleet.
        assert!(s.regions[i].values.cap_mw >= 50.0);
    }
    let r = report(&s);
    assert_eq!(r.origin, Some(0));
    assert_eq!(r.stay_or_move.len(), s.regions.len());
    for option in &r.stay_or_move {
        let row = &r.rows[option.region_index];
        // The regional projection buys machines for a new deployment; the owned fleet does not.
        let operating_net_per_mw = row.net_36m_usd_per_mw + row.upfront_usd_per_mw;
        close(option.net_36m_usd, 50.0 * operating_net_per_mw, &option.id);
        assert_eq!(option.mw, 50.0);
        assert_eq!(option.upfront_usd, 0.0);
        assert_eq!(option.stay, &*option.id == "kazakhstan");
    }
    // So the ranking is the regional one (every region has the same machine cost per MW).
    let mut by_region: Vec<&str> = r.rows.iter().map(|x| &*x.id).collect();
    by_region.sort_by(|a, b| {
        let net = |id: &str| r.rows.iter().find(|x| &*x.id == id).unwrap().net_36m_usd_per_mw;
        net(b).total_cmp(&net(a))
    });
    let ranked: Vec<&str> = r.stay_or_move.iter().map(|o| &*o.id).collect();
    assert_eq!(ranked, by_region);
    let stay = r.stay_or_move.iter().find(|o| o.stay).unwrap();
    for option in r.stay_or_move.iter().filter(|o| !o.stay) {
        close(option.vs_stay_usd, option.net_36m_usd - stay.net_36m_usd, "difference");
    }
}

#[test]
fn moving_pays_upfront_and_loses_the_move_days() {
    let s = Scenario::default();
    let r = report(&s);
    let g = &s.globals;
    let texas = &s.regions[1];
    let option = r.stay_or_move.iter().find(|o| &*o.id == "texas").unwrap();
    let stay = r.stay_or_move.iter().find(|o| o.stay).unwrap();
    // 300 MW of fleet, Texas's cap is 500: all of it moves; Kazakhstan's cap keeps 100 MW running.
    assert_eq!((option.mw, stay.mw), (300.0, 100.0));
    assert_eq!(option.upfront_usd, 300.0 * (80_000.0 + 450_000.0));
    assert_eq!(option.cumulative_usd[0], -option.upfront_usd);
    // 90 days idle: months 1 and 2 (60.875 days) earn nothing and pay only opex; month 3 runs
    // for 3 × 30.4375 − 90 = 1.3125 days.
    assert_eq!(option.cumulative_usd[1] - option.cumulative_usd[0], -300.0 * 6000.0);
    assert_eq!(option.cumulative_usd[2] - option.cumulative_usd[1], -300.0 * 6000.0);
    let site = SiteTerms::of(texas);
    let fleet = FleetTerms {
        hashrate_ph_s_per_mw: formulas::hashrate_ph_s_per_mw(g.values.efficiency_j_per_th, g.values.pue),
        pool_fee: g.values.pool_fee_pct / 100.0,
    };
    let month3 = projection::month_cash_usd_per_mw(r.hashprice_path_usd_per_ph_day[2], &fleet, &site, 1.3125);
    close(option.cumulative_usd[3] - option.cumulative_usd[2], 300.0 * month3.net_usd, "month 3");
    close(3.0 * DAYS_PER_MONTH - 90.0, 1.3125, "days of month 3");
    // Break-even: the first month in which moving has caught up with staying.
    let expected = (1..=36).find(|&m| option.cumulative_usd[m] >= stay.cumulative_usd[m]).map(|m| m as u32);
    assert_eq!(option.break_even_month, expected);
    // Ranked best first.
    assert!(r.stay_or_move.windows(2).all(|w| w[0].net_36m_usd >= w[1].net_36m_usd));
}

#[test]
fn without_its_origin_there_is_no_stay_or_move_until_it_comes_back() {
    let mut s = Scenario::default();
    s.apply(&Action::RemoveRegion(0)).unwrap();
    assert_eq!(s.globals.origin_region.as_deref(), Some("kazakhstan"), "kept by id");
    let r = report(&s);
    assert_eq!((r.origin, r.stay_or_move.len()), (None, 0));
    s.apply(&Action::RestoreSeeds).unwrap();
    assert_eq!(report(&s).stay_or_move.len(), 6);
    // The origin must name a region; none is allowed.
    let before = s.clone();
    assert_eq!(
        s.apply(&Action::SetOrigin(Some("atlantis".into()))),
        Err(ApplyError::UnknownRegionId("atlantis".into()))
    );
    assert_eq!(s, before);
    s.apply(&Action::SetOrigin(Some("siberia".into()))).unwrap();
    let r = report(&s);
    assert_eq!(r.origin, s.index_of("siberia"));
    assert!(r.stay_or_move.iter().any(|o| o.stay && &*o.id == "siberia"));
    s.apply(&Action::SetOrigin(None)).unwrap();
    assert!(report(&s).stay_or_move.is_empty());
}

#[test]
fn tax_never_applies_to_a_loss() {
    let fleet = FleetTerms { hashrate_ph_s_per_mw: 40.0, pool_fee: 0.0 };
    let site = SiteTerms {
        power_usd_per_kwh: 0.05,
        levy_usd_per_kwh: 0.0,
        opex_usd_per_mw_month: 0.0,
        tax_pct: 25.0,
        uptime: 1.0,
    };
    // 40 PH/s × $20 = $800 revenue a day against 24 000 kWh × 0.05 = $1 200 of power: a loss.
    let loss = projection::month_cash_usd_per_mw(20.0, &fleet, &site, DAYS_PER_MONTH);
    close(loss.pre_tax_usd, -400.0 * DAYS_PER_MONTH, "pre-tax loss");
    assert_eq!(loss.tax_usd, 0.0);
    assert_eq!(loss.net_usd, loss.pre_tax_usd);
    // At $50: $2 000 − $1 200 = $800 a day of profit, taxed at 25 %.
    let profit = projection::month_cash_usd_per_mw(50.0, &fleet, &site, DAYS_PER_MONTH);
    close(profit.tax_usd, 200.0 * DAYS_PER_MONTH, "tax on a profit");
    close(profit.net_usd, 600.0 * DAYS_PER_MONTH, "net of a profit");

    // In the report: a region that loses every month has the same cumulative cash at 0 % and at
    // 90 % tax, and a profitable one loses exactly the tax.
    let mut s = Scenario::default();
    s.apply(&Action::SetGlobal(GlobalField::Hashprice, 10.0)).unwrap();
    let base = report(&s);
    s.apply(&Action::SetRegion(1, RegionField::Tax, 90.0)).unwrap();
    s.apply(&Action::SetRegion(1, RegionField::Tax, 0.0)).unwrap();
    assert_eq!(report(&s).rows[1].cumulative_usd_per_mw, base.rows[1].cumulative_usd_per_mw, "0 % vs 21 %");
    s.apply(&Action::SetRegion(1, RegionField::Tax, 90.0)).unwrap();
    assert_eq!(report(&s).rows[1].cumulative_usd_per_mw, base.rows[1].cumulative_usd_per_mw, "90 % vs 21 %");
}

fn assert_all_finite(r: &Report) {
    let text = format!("{r:?}");
    assert!(!text.contains("NaN") && !text.contains("inf"), "a non-finite number in the report");
}

#[test]
fn twelve_months_of_seasonal_downtime_earn_nothing_and_stay_finite() {
    let mut s = Scenario::default();
    s.apply(&Action::SetRegion(5, RegionField::DowntimeMonths, 12.0)).unwrap();
    let r = report(&s);
    let siberia = &r.rows[5];
    assert_eq!(siberia.effective_uptime_pct, 0.0);
    assert_eq!(siberia.margin_usd_per_mw_day, 0.0);
    assert_eq!(siberia.allocated_mw, 0.0, "no fleet goes where there is no margin");
    // No revenue and no power bill: each month costs exactly the opex, never taxed.
    let cum = &siberia.cumulative_usd_per_mw;
    for m in 1..=MONTHS {
        close(cum[m] - cum[m - 1], -4000.0, &format!("month {m}"));
    }
    assert_eq!(siberia.payback_months, None);
    let site = SiteTerms::of(&s.regions[5]);
    let fleet = FleetTerms { hashrate_ph_s_per_mw: r.hashrate_ph_s_per_mw, pool_fee: 0.02 };
    let month = projection::month_cash_usd_per_mw(80.0, &fleet, &site, DAYS_PER_MONTH);
    assert_eq!((month.revenue_usd, month.power_usd, month.levy_usd, month.tax_usd), (0.0, 0.0, 0.0, 0.0));
    assert_all_finite(&r);

    // Everything at its edge at once: no reward, no uptime, no fleet, falling difficulty and
    // price, the map of a region without power.
    for (field, v) in [
        (GlobalField::Subsidy, 0.0),
        (GlobalField::FeesPerBlock, 0.0),
        (GlobalField::DifficultyGrowth, -20.0),
        (GlobalField::BtcPriceGrowth, -20.0),
        (GlobalField::FleetMw, 0.0),
        (GlobalField::UnitPrice, 0.0),
    ] {
        s.apply(&Action::SetGlobal(field, v)).unwrap();
    }
    s.apply(&Action::SetHashpriceMode(HashpriceMode::Market)).unwrap();
    for i in 0..s.regions.len() {
        s.apply(&Action::SetRegion(i, RegionField::DowntimeMonths, 12.0)).unwrap();
        s.apply(&Action::SetRegion(i, RegionField::Uptime, 0.0)).unwrap();
    }
    s.apply(&Action::SetSensitivityRegion(Some("siberia".into()))).unwrap();
    let r = report(&s);
    assert_eq!(r.hashprice_usd_per_ph_day, 0.0);
    assert_all_finite(&r);
    let grid = r.sensitivity.as_ref().unwrap();
    assert_eq!(grid.max_abs_margin_usd_per_mw_day, 0.0);
    assert!(grid.margins_usd_per_mw_day.iter().all(|&m| m == 0.0));
    // With no reward at all, the reward factor is 1, not 0 / 0.
    s.apply(&Action::SetHashpriceMode(HashpriceMode::Direct)).unwrap();
    let r = report(&s);
    assert!(r.hashprice_path_usd_per_ph_day.iter().all(|hp| hp.is_finite() && *hp > 0.0));
    assert_all_finite(&r);
}
