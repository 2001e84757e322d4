//! The 36-month projection against hand arithmetic and brute force: the hashprice path and the halving, payback, stay or move, tax and seasonal downtime.

use sitecost::model::formulas;
use sitecost::model::projection::{self, FleetTerms, SiteTerms, DAYS_PER_MONTH, MONTHS};
use sitecost::model::*;
use sitecost::model::{OptionKind, PLAN_ID};

fn close(actual: f64, expected: f64, what: &str) {
    let tol = 1e-9 * expected.abs().max(1.0);
    assert!((actual - expected).abs() <= tol, "{what}: got {actual}, expected {expected}");
}

/// A scenario whose projection is easy to follow by hand: $60/PH/day, difficulty +1 %/month
/// before the halving and flat after it, price +2 %/month, 3.125 BTC subsidy and 0.125 BTC fees
/// (a reward of 3.25 BTC, 1.6875 after the halving), from December 2026 with the halving in
/// April 2028.
fn hand_scenario() -> Scenario {
    let mut s = Scenario::default();
    s.apply(&Action::SetStartMonth(YearMonth { year: 2026, month: 12 })).unwrap();
    for (field, v) in [
        (GlobalField::Hashprice, 60.0),
        (GlobalField::DifficultyGrowth, 1.0),
        (GlobalField::DifficultyGrowthAfterHalving, 0.0),
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
    // Month m is path[m − 1] = 60 × 1.02^m / difficulty_m × reward_m / 3.25, where difficulty
    // grows 1 % in months 1–16 and not at all from the halving month on.
    let before = 60.0 * 1.02f64.powi(16) / 1.01f64.powi(16);
    close(path[15], before, "month 16, the last before the halving");
    let halving = 60.0 * 1.02f64.powi(17) / 1.01f64.powi(16) * (1.5625 + 0.125) / 3.25;
    close(path[16], halving, "month 17, the halving month, already halved and with the growth after it");
    let after = 60.0 * 1.02f64.powi(18) / 1.01f64.powi(16) * 1.6875 / 3.25;
    close(path[17], after, "month 18");
    let last = 60.0 * 1.02f64.powi(36) / 1.01f64.powi(16) * 1.6875 / 3.25;
    close(path[35], last, "month 36");
    // The same months as plain numbers, to two decimals: 70.24, 37.20, 37.95, 54.20.
    for (value, rounded) in [(before, 70.24), (halving, 37.20), (after, 37.95), (last, 54.20)] {
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
    close(r.hashprice_path_usd_per_ph_day[1], 60.0 * 1.02f64.powi(2) / 1.01 * 1.6875 / 3.25, "month 2");
    // Halving at the start: every month is halved. After month 36 (November 2029): none is.
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2026, month: 12 })).unwrap();
    assert_eq!(report(&s).halving_month_index, Some(1));
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2029, month: 11 })).unwrap();
    assert_eq!(report(&s).halving_month_index, Some(36));
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2029, month: 12 })).unwrap();
    let r = report(&s);
    assert_eq!(r.halving_month_index, None);
    close(r.hashprice_path_usd_per_ph_day[35], 60.0 * 1.02f64.powi(36) / 1.01f64.powi(36), "no halving");
    // The growth after the halving applies from the halving month on: +3 % from month 2.
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2027, month: 1 })).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::DifficultyGrowthAfterHalving, 3.0)).unwrap();
    let r = report(&s);
    close(r.hashprice_path_usd_per_ph_day[2], 60.0 * 1.02f64.powi(3) / (1.01 * 1.03 * 1.03) * 1.6875 / 3.25, "month 3");
    s.apply(&Action::SetHalvingMonth(YearMonth { year: 2029, month: 12 })).unwrap();

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

/// Cumulative cash per MW of a new deployment, months 0 to 36, and its NPV, computed afresh from
/// the inputs with none of the projection's functions: the reference for payback and NPV.
fn brute_force_cumulative(s: &Scenario, region: &Region) -> (Vec<f64>, f64) {
    let g = &s.globals;
    let v = &g.values;
    let hashprice_now = match g.hashprice_mode {
        HashpriceMode::Direct => v.hashprice_usd_per_ph_day,
        HashpriceMode::Market => {
            86_400e15 / (v.difficulty_t * 1e12 * 2f64.powi(32))
                * (v.subsidy_btc + v.fees_per_block_btc)
                * v.btc_price_usd
        }
    };
    let th_s_per_mw = 1e6 / (v.efficiency_j_per_th * v.pue);
    let machines = v.unit_price_usd_per_th * th_s_per_mw;
    let uptime = region.values.uptime_pct / 100.0 * (12.0 - region.values.downtime_months) / 12.0;
    let halving_offset =
        (g.halving_month.year - g.start_month.year) * 12 + g.halving_month.month as i32 - g.start_month.month as i32;
    let upfront = region.values.capex_usd_per_mw + machines;
    let mut total = -upfront;
    let mut npv = -upfront;
    let mut out = vec![total];
    let (mut difficulty, mut price) = (1.0, 1.0);
    for month in 1..=36 {
        let halved = month > halving_offset;
        let growth =
            if halved { v.difficulty_growth_after_halving_pct_per_month } else { v.difficulty_growth_pct_per_month };
        difficulty *= 1.0 + growth / 100.0;
        price *= 1.0 + v.btc_price_growth_pct_per_month / 100.0;
        let subsidy = if halved { v.subsidy_btc / 2.0 } else { v.subsidy_btc };
        let reward = v.subsidy_btc + v.fees_per_block_btc;
        let reward_factor = if reward == 0.0 { 1.0 } else { (subsidy + v.fees_per_block_btc) / reward };
        let hashprice = hashprice_now * price / difficulty * reward_factor;
        // A kWh of hashing earns this; the machines run only when it beats power and levy.
        let usd_per_kwh_mined = th_s_per_mw / 1000.0 * hashprice * (1.0 - v.pool_fee_pct / 100.0) / 24_000.0;
        let energy_price = region.values.price_usd_per_kwh + region.values.levy_usd_per_kwh;
        let hours = if usd_per_kwh_mined > energy_price { 365.25 / 12.0 * 24.0 * uptime } else { 0.0 };
        let profit = 1000.0 * hours * (usd_per_kwh_mined - energy_price) - region.values.opex_usd_per_mw_month;
        let schedule = 12.0 * v.depreciation_years;
        let depreciation = if (month as f64) <= schedule {
            upfront / schedule
        } else {
            upfront / schedule * (schedule - (month as f64 - 1.0)).max(0.0)
        };
        let taxable = profit - depreciation;
        let tax = if taxable > 0.0 { taxable * region.values.tax_pct / 100.0 } else { 0.0 };
        let open = (1.0 - region.values.policy_risk_pct_per_year / 100.0).powf(month as f64 / 12.0);
        total += (profit - tax) * open;
        npv += (profit - tax) * open / (1.0 + v.discount_rate_pct_per_year / 100.0).powf(month as f64 / 12.0);
        out.push(total);
    }
    let residual = machines * v.residual_value_pct / 100.0;
    out[36] += residual;
    npv += residual / (1.0 + v.discount_rate_pct_per_year / 100.0).powi(3);
    (out, npv)
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
        // Flat prices here; the hourly profile has its own brute force below.
        s.apply(&Action::ClearPriceProfile("texas".into())).unwrap();
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
        set_global(&mut s, GlobalField::DifficultyGrowthAfterHalving, 0.45 + unit() * 0.15);
        set_global(&mut s, GlobalField::ResidualValue, unit() * 0.5);
        set_global(&mut s, GlobalField::DepreciationYears, unit() * 0.3);
        set_global(&mut s, GlobalField::DiscountRate, unit() * 0.6);
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
                    RegionField::PolicyRisk => 0.3,
                    _ => 1.0,
                };
                s.apply(&Action::SetRegion(i, field, spec.min + (spec.max - spec.min) * share * unit())).unwrap();
            }
        }
        let r = report(&s);
        for (row, region) in r.rows.iter().zip(&s.regions) {
            let (reference, npv) = brute_force_cumulative(&s, region);
            close(row.npv_usd_per_mw, npv, &format!("case {case}, {} NPV", region.id));
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
    // Undiscounted, so the NPV is the 36-month net and ranks as it does.
    s.apply(&Action::SetGlobal(GlobalField::DiscountRate, 0.0)).unwrap();
    for i in 0..s.regions.len() {
        // No route, build-out or tax: the owned fleet and a new deployment differ only by the
        // machines' purchase.
        for field in [RegionField::MoveCost, RegionField::Capex, RegionField::MoveDays, RegionField::ExitCost] {
            s.apply(&Action::SetRegion(i, field, 0.0)).unwrap();
        }
        s.apply(&Action::SetRegion(i, RegionField::ExitDays, 0.0)).unwrap();
        s.apply(&Action::SetRegion(i, RegionField::Tax, 0.0)).unwrap();
        // Every cap (the smallest is 100 MW) holds the 50 MW fleet.
        assert!(s.regions[i].values.cap_mw >= 50.0);
    }
    let r = report(&s);
    assert_eq!(r.origin, Some(0));
    assert_eq!(r.stay_or_move.len(), s.regions.len() + 1, "stay, five moves and the plan");
    for option in r.stay_or_move.iter().filter(|o| o.kind != OptionKind::Plan) {
        let row = &r.rows[option.region_index];
        // The regional projection buys machines for a new deployment; the owned fleet does not.
        let operating_net_per_mw = row.net_36m_usd_per_mw + row.upfront_usd_per_mw;
        close(option.net_36m_usd, 50.0 * operating_net_per_mw, &option.id);
        close(option.npv_usd, option.net_36m_usd, "undiscounted");
        assert_eq!(option.mw, 50.0);
        assert_eq!(option.upfront_usd, 0.0);
        assert_eq!(option.kind == OptionKind::Stay, &*option.id == "kazakhstan");
    }
    // So the ranking is the regional one (every region has the same machine cost per MW), and the
    // plan, which moves the whole fleet to the best region, ties with that move and follows it.
    let mut by_region: Vec<&str> = r.rows.iter().map(|x| &*x.id).collect();
    by_region.sort_by(|a, b| {
        let net = |id: &str| r.rows.iter().find(|x| &*x.id == id).unwrap().net_36m_usd_per_mw;
        net(b).total_cmp(&net(a))
    });
    let ranked: Vec<&str> = r.stay_or_move.iter().map(|o| &*o.id).filter(|id| *id != PLAN_ID).collect();
    assert_eq!(ranked, by_region);
    assert_eq!(&*r.stay_or_move[1].id, PLAN_ID);
    close(r.stay_or_move[1].npv_usd, r.stay_or_move[0].npv_usd, "the plan is the best move");
    let stay = r.stay_or_move.iter().find(|o| o.kind == OptionKind::Stay).unwrap();
    for option in r.stay_or_move.iter().filter(|o| o.kind != OptionKind::Stay) {
        close(option.vs_stay_usd, option.net_36m_usd - stay.net_36m_usd, "difference");
    }
}

#[test]
fn moving_pays_the_route_upfront_and_loses_its_days() {
    let s = Scenario::default();
    let r = report(&s);
    let g = &s.globals;
    let (kazakhstan, texas) = (&s.regions[0], &s.regions[1]);
    let option = r.stay_or_move.iter().find(|o| &*o.id == "texas").unwrap();
    let stay = r.stay_or_move.iter().find(|o| o.kind == OptionKind::Stay).unwrap();
    // 300 MW of fleet; Texas's cap of 500 takes all of it. Kazakhstan's 100 MW cap limits new
    // mining only: staying runs the whole fleet.
    assert_eq!((option.mw, stay.mw), (300.0, 300.0));
    assert_eq!(stay.placements.len(), 1);
    assert_eq!((&*stay.placements[0].id, stay.placements[0].mw), ("kazakhstan", 300.0));
    // Upfront: Kazakhstan's exit, Texas's arrival and Texas's build-out.
    let route = kazakhstan.values.exit_cost_usd_per_mw + texas.values.move_cost_usd_per_mw;
    assert_eq!(option.upfront_usd, 300.0 * (route + texas.values.capex_usd_per_mw));
    // Idle for Kazakhstan's exit days and Texas's arrival days: 21 + 90 = 111 days. Months 1 to 3
    // (91.3125 days) earn nothing and pay only opex (expected: times the chance Texas is still
    // open); month 4 runs for 4 × 30.4375 − 111 = 10.75 days.
    let idle = kazakhstan.values.exit_days + texas.values.move_days;
    assert_eq!(idle, 111.0);
    let open = |m: f64| formulas::survival(texas.values.policy_risk_pct_per_year, m);
    for m in 1..=3 {
        let step = option.cumulative_usd[m] - option.cumulative_usd[m - 1];
        close(step, -300.0 * 6000.0 * open(m as f64), &format!("month {m}"));
    }
    let site = SiteTerms::of(texas, s.globals.start_month);
    let fleet = FleetTerms {
        hashrate_ph_s_per_mw: formulas::hashrate_ph_s_per_mw(g.values.efficiency_j_per_th, g.values.pue),
        pool_fee: g.values.pool_fee_pct / 100.0,
    };
    let upfront_per_mw = option.upfront_usd / 300.0;
    let depreciation = formulas::depreciation_usd(upfront_per_mw, g.values.depreciation_years, 4);
    let month4 =
        projection::month_cash_usd_per_mw(r.hashprice_path_usd_per_ph_day[3], &fleet, &site, 4, 10.75, depreciation);
    close(option.cumulative_usd[4] - option.cumulative_usd[3], 300.0 * month4.net_usd * open(4.0), "month 4");
    close(4.0 * DAYS_PER_MONTH - 111.0, 10.75, "days of month 4");
    // Break-even: the first month in which moving has caught up with staying.
    let expected = (1..=36).find(|&m| option.cumulative_usd[m] >= stay.cumulative_usd[m]).map(|m| m as u32);
    assert_eq!(option.break_even_month, expected);
    // Ranked best NPV first.
    assert!(r.stay_or_move.windows(2).all(|w| w[0].npv_usd >= w[1].npv_usd));
}

#[test]
fn the_route_costs_the_exit_of_where_it_starts_and_the_arrival_where_it_ends() {
    // Texas → Kazakhstan pays Texas's exit and Kazakhstan's arrival; Kazakhstan → Texas the
    // other two.
    let mut s = Scenario::default();
    s.apply(&Action::SetGlobal(GlobalField::FleetMw, 50.0)).unwrap();
    let (kz, tx) = (s.regions[0].values, s.regions[1].values);
    let to_texas = report(&s).stay_or_move.into_iter().find(|o| &*o.id == "texas").unwrap();
    assert_eq!(to_texas.upfront_usd, 50.0 * (kz.exit_cost_usd_per_mw + tx.move_cost_usd_per_mw + tx.capex_usd_per_mw));
    s.apply(&Action::SetOrigin(Some("texas".into()))).unwrap();
    let r = report(&s);
    let to_kazakhstan = r.stay_or_move.iter().find(|o| &*o.id == "kazakhstan").unwrap();
    assert_eq!(
        to_kazakhstan.upfront_usd,
        50.0 * (tx.exit_cost_usd_per_mw + kz.move_cost_usd_per_mw + kz.capex_usd_per_mw)
    );
    assert!(kz.move_cost_usd_per_mw > 0.0, "arriving in Kazakhstan is not free");
    // Idle for Texas's exit days and Kazakhstan's arrival days; months fully idle pay opex only.
    let idle = tx.exit_days + kz.move_days;
    let full_months = (idle / DAYS_PER_MONTH).floor() as usize;
    assert!(full_months >= 1);
    let open = |m: f64| formulas::survival(kz.policy_risk_pct_per_year, m);
    for m in 1..=full_months {
        let step = to_kazakhstan.cumulative_usd[m] - to_kazakhstan.cumulative_usd[m - 1];
        close(step, -50.0 * kz.opex_usd_per_mw_month * open(m as f64), &format!("month {m}"));
    }
    // Staying pays nothing upfront.
    let stay = r.stay_or_move.iter().find(|o| o.kind == OptionKind::Stay).unwrap();
    assert_eq!((&*stay.id, stay.upfront_usd), ("texas", 0.0));
}

/// The best split by brute force: every way of putting whole MW in the destinations (the rest
/// stays), each MW earning its option's NPV per MW.
fn brute_force_plan(fleet: i64, stay_per_mw: f64, moves: &[(f64, i64)]) -> f64 {
    fn best(left: i64, moves: &[(f64, i64)], stay_per_mw: f64) -> f64 {
        match moves.split_first() {
            None => left as f64 * stay_per_mw,
            Some((&(npv, cap), rest)) => {
                (0..=cap.min(left)).map(|x| x as f64 * npv + best(left - x, rest, stay_per_mw)).fold(f64::MIN, f64::max)
            }
        }
    }
    best(fleet, moves, stay_per_mw)
}

#[test]
fn the_plan_is_the_best_split_found_by_brute_force() {
    let mut seed: u64 = 0x91a7;
    let mut unit = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut split = 0;
    for case in 0..60 {
        let mut s = Scenario::default();
        // Small whole numbers of MW, so that brute force can try every split.
        s.apply(&Action::SetGlobal(GlobalField::FleetMw, (1.0 + unit() * 12.0).floor())).unwrap();
        s.apply(&Action::SetGlobal(GlobalField::Hashprice, 40.0 + unit() * 80.0)).unwrap();
        for i in 0..s.regions.len() {
            s.apply(&Action::SetRegion(i, RegionField::Cap, (unit() * 6.0).floor())).unwrap();
            s.apply(&Action::SetRegion(i, RegionField::Price, 0.02 + unit() * 0.06)).unwrap();
            s.apply(&Action::SetRegion(i, RegionField::Capex, unit() * 100_000.0)).unwrap();
        }
        let r = report(&s);
        let fleet = s.globals.values.fleet_mw;
        let stay = r.stay_or_move.iter().find(|o| o.kind == OptionKind::Stay).unwrap();
        let plan = r.stay_or_move.iter().find(|o| o.kind == OptionKind::Plan).unwrap();
        // Per MW: each move row moves min(fleet, cap) and keeps the rest at the origin.
        let stay_per_mw = stay.npv_usd / fleet;
        let moves: Vec<(f64, i64)> = r
            .stay_or_move
            .iter()
            .filter(|o| o.kind == OptionKind::Move && o.mw > 0.0)
            .map(|o| {
                ((o.npv_usd - stay_per_mw * (fleet - o.mw)) / o.mw, s.regions[o.region_index].values.cap_mw as i64)
            })
            .collect();
        let best = brute_force_plan(fleet as i64, stay_per_mw, &moves);
        let tol = 1e-6 * best.abs().max(1.0);
        assert!((plan.npv_usd - best).abs() <= tol, "case {case}: plan {} vs brute force {best}", plan.npv_usd);
        assert!(r.stay_or_move.iter().all(|o| o.npv_usd <= plan.npv_usd + tol), "case {case}: no row beats the plan");
        let placed: f64 = plan.placements.iter().map(|p| p.mw).sum();
        assert_eq!(placed, fleet, "case {case}: the plan places the whole fleet");
        if plan.placements.len() > 2 {
            split += 1;
        }
    }
    assert!(split > 5, "cases where the plan splits the fleet three ways or more: {split}");
}

#[test]
fn residual_value_depreciation_and_npv_by_hand() {
    // One MW of a new deployment whose every month is the same: hashprice flat, no halving, a
    // flat power price.
    let mut s = Scenario::default();
    s.apply(&Action::ClearPriceProfile("texas".into())).unwrap();
    for (field, v) in [
        (GlobalField::Hashprice, 60.0),
        (GlobalField::DifficultyGrowth, 0.0),
        (GlobalField::DifficultyGrowthAfterHalving, 0.0),
        (GlobalField::BtcPriceGrowth, 0.0),
        (GlobalField::Efficiency, 20.0),
        (GlobalField::Pue, 1.25),
        (GlobalField::PoolFee, 0.0),
        (GlobalField::UnitPrice, 10.0),
        (GlobalField::ResidualValue, 20.0),
        (GlobalField::DepreciationYears, 3.0),
        (GlobalField::DiscountRate, 12.0),
    ] {
        s.apply(&Action::SetGlobal(field, v)).unwrap();
    }
    s.apply(&Action::SetHalvingMonth(s.globals.start_month.plus_months(100).unwrap())).unwrap();
    for (field, v) in [
        (RegionField::Price, 0.05),
        (RegionField::Levy, 0.0),
        (RegionField::Uptime, 100.0),
        (RegionField::DowntimeMonths, 0.0),
        (RegionField::Opex, 0.0),
        (RegionField::Tax, 25.0),
        (RegionField::Capex, 140_000.0),
        (RegionField::PolicyRisk, 0.0),
    ] {
        s.apply(&Action::SetRegion(1, field, v)).unwrap();
    }
    let row = &report(&s).rows[1];
    // 40 PH/s × 60 = 2400 a day against 24 000 × 0.05 = 1200 of power: 1200 a day, 36 525 a month.
    // Machines: $10/TH × 40 000 TH/s = 400 000; upfront 540 000, depreciated 15 000 a month.
    // Tax: (36 525 − 15 000) × 25 % = 5 381.25; net 31 143.75 a month.
    // Residual: 20 % of 400 000 = 80 000 at month 36.
    let monthly = 36_525.0 - (36_525.0 - 15_000.0) * 0.25;
    close(monthly, 31_143.75, "net a month");
    close(row.net_36m_usd_per_mw, -540_000.0 + 36.0 * monthly + 80_000.0, "36-month net");
    // NPV at 12 % a year: each month m discounted by 1.12^(−m/12).
    let npv: f64 = -540_000.0
        + (1..=36).map(|m| monthly / 1.12f64.powf(m as f64 / 12.0)).sum::<f64>()
        + 80_000.0 / 1.12f64.powi(3);
    close(row.npv_usd_per_mw, npv, "NPV");
    // Payback on undiscounted cash: 540 000 / 31 143.75 = 17.3 → month 18.
    assert_eq!(row.payback_months, Some(18));
    assert_eq!(row.survival_36m_pct, 100.0);
    // A 10 %-a-year policy risk weights month m by 0.9^(m/12); the residual is kept whole.
    s.apply(&Action::SetRegion(1, RegionField::PolicyRisk, 10.0)).unwrap();
    let row = &report(&s).rows[1];
    let expected: f64 = -540_000.0 + (1..=36).map(|m| monthly * 0.9f64.powf(m as f64 / 12.0)).sum::<f64>() + 80_000.0;
    close(row.net_36m_usd_per_mw, expected, "expected 36-month net");
    close(row.survival_36m_pct, 72.9, "0.9³");
}

#[test]
fn a_month_whose_revenue_is_below_power_and_levy_runs_no_machine() {
    let fleet = FleetTerms { hashrate_ph_s_per_mw: 40.0, pool_fee: 0.0 };
    let costs = formulas::SiteCosts::flat(0.05, 0.005, 0.9, 3000.0);
    let site = SiteTerms::flat(costs, 20.0, 0.0);
    // 40 × 30 = 1200 a day against 24 000 × 0.055 = 1320 of power and levy: off. Nothing is
    // earned, drawn or taxed; the opex is owed.
    let off = projection::month_cash_usd_per_mw(30.0, &fleet, &site, 1, DAYS_PER_MONTH, 0.0);
    assert!(!off.mining);
    assert_eq!((off.revenue_usd, off.power_usd, off.levy_usd, off.tax_usd), (0.0, 0.0, 0.0, 0.0));
    assert_eq!(off.net_usd, -3000.0);
    // At 40: 1600 − 1320 = 280 a day of power, × 0.9 × 30.4375 days, less 3000 of opex.
    let on = projection::month_cash_usd_per_mw(40.0, &fleet, &site, 1, DAYS_PER_MONTH, 0.0);
    assert!(on.mining);
    close(on.pre_tax_usd, 280.0 * 0.9 * DAYS_PER_MONTH - 3000.0, "pre-tax");

    // In the report: a hashprice path that falls below the power bill switches a site off for
    // those months, which the row counts.
    let mut s = Scenario::default();
    s.apply(&Action::SetGlobal(GlobalField::DifficultyGrowth, 5.0)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::DifficultyGrowthAfterHalving, 5.0)).unwrap();
    let r = report(&s);
    let row = &r.rows[3];
    assert!(!row.off_months.is_empty(), "New York switches off as difficulty climbs");
    let fleet = FleetTerms { hashrate_ph_s_per_mw: r.hashrate_ph_s_per_mw, pool_fee: 0.02 };
    let site = SiteTerms::of(&s.regions[3], s.globals.start_month);
    for m in 1..=36u32 {
        let revenue = fleet.revenue_usd_per_mw_day(r.hashprice_path_usd_per_ph_day[m as usize - 1]);
        let off = revenue <= 24_000.0 * (site.costs.price_usd_per_kwh + site.costs.levy_usd_per_kwh);
        assert_eq!(row.off_months.contains(&m), off, "month {m}");
    }
    // Machines never run at a loss: an off month loses exactly its expected opex, no more.
    let m = row.off_months[0] as usize;
    let step = row.cumulative_usd_per_mw[m] - row.cumulative_usd_per_mw[m - 1];
    let open = formulas::survival(s.regions[3].values.policy_risk_pct_per_year, m as f64);
    close(step, -s.regions[3].values.opex_usd_per_mw_month * open, "an off month costs its opex");
}

#[test]
fn without_its_origin_there_is_no_stay_or_move_until_it_comes_back() {
    let mut s = Scenario::default();
    s.apply(&Action::RemoveRegion(0)).unwrap();
    assert_eq!(s.globals.origin_region.as_deref(), Some("kazakhstan"), "kept by id");
    let r = report(&s);
    assert_eq!((r.origin, r.stay_or_move.len()), (None, 0));
    s.apply(&Action::RestoreSeeds).unwrap();
    assert_eq!(report(&s).stay_or_move.len(), 6 + 1, "staying, five moves and the plan");
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
    assert!(r.stay_or_move.iter().any(|o| o.kind == OptionKind::Stay && &*o.id == "siberia"));
    s.apply(&Action::SetOrigin(None)).unwrap();
    assert!(report(&s).stay_or_move.is_empty());
}

#[test]
fn tax_never_applies_to_a_loss() {
    let fleet = FleetTerms { hashrate_ph_s_per_mw: 40.0, pool_fee: 0.0 };
    let costs = formulas::SiteCosts::flat(0.05, 0.0, 1.0, 0.0);
    let site = SiteTerms::flat(costs, 25.0, 0.0);
    // 40 PH/s × $35 = $1 400 revenue a day against 24 000 kWh × 0.05 = $1 200 of power, less
    // $20 000 of depreciation: a loss for tax, no tax.
    let loss = projection::month_cash_usd_per_mw(35.0, &fleet, &site, 1, DAYS_PER_MONTH, 20_000.0);
    close(loss.pre_tax_usd, 200.0 * DAYS_PER_MONTH, "pre-tax");
    assert_eq!(loss.tax_usd, 0.0);
    assert_eq!(loss.net_usd, loss.pre_tax_usd);
    // At $50: $2 000 − $1 200 = $800 a day of profit, taxed at 25 % after $10 000 of depreciation.
    let profit = projection::month_cash_usd_per_mw(50.0, &fleet, &site, 1, DAYS_PER_MONTH, 10_000.0);
    close(profit.tax_usd, (800.0 * DAYS_PER_MONTH - 10_000.0) * 0.25, "tax on a profit after depreciation");
    close(profit.net_usd, 800.0 * DAYS_PER_MONTH - profit.tax_usd, "net of a profit");

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
    close(siberia.margin_usd_per_mw_day, -4000.0 / DAYS_PER_MONTH, "the opex alone");
    assert_eq!(siberia.break_even_usd_per_kwh, None);
    assert_eq!(siberia.allocated_mw, 0.0, "no fleet goes where there is no margin");
    // No revenue and no power bill: each month costs exactly the (expected) opex, never taxed.
    let cum = &siberia.cumulative_usd_per_mw;
    let open = |m: usize| formulas::survival(s.regions[5].values.policy_risk_pct_per_year, m as f64);
    for m in 1..MONTHS {
        close(cum[m] - cum[m - 1], -4000.0 * open(m), &format!("month {m}"));
    }
    assert_eq!(siberia.payback_months, None);
    let site = SiteTerms::of(&s.regions[5], s.globals.start_month);
    let fleet = FleetTerms { hashrate_ph_s_per_mw: r.hashrate_ph_s_per_mw, pool_fee: 0.02 };
    let month = projection::month_cash_usd_per_mw(80.0, &fleet, &site, 1, DAYS_PER_MONTH, 0.0);
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
    let opex = -4000.0 / DAYS_PER_MONTH;
    assert!(grid.margins_usd_per_mw_day.iter().all(|&m| m == opex), "only the opex, at any price");
    assert_eq!(grid.break_even_line, None);
    // With no reward at all, the reward factor is 1, not 0 / 0.
    s.apply(&Action::SetHashpriceMode(HashpriceMode::Direct)).unwrap();
    let r = report(&s);
    assert!(r.hashprice_path_usd_per_ph_day.iter().all(|hp| hp.is_finite() && *hp > 0.0));
    assert_all_finite(&r);
}

#[test]
fn the_summary_states_the_best_plan_in_one_sentence() {
    let mut s = Scenario::default();
    let r = report(&s);
    let plan = r.stay_or_move.iter().find(|o| o.kind == OptionKind::Plan).unwrap();
    assert_eq!(plan.mw, 0.0, "at the defaults every move loses against staying");
    let sentence = r.plan_sentence().unwrap();
    assert!(sentence.starts_with("Best over 36 months: keep 300 MW in Kazakhstan (NPV $"), "{sentence}");
    // Cheap power, no build-out and no arrival cost in New York: its 100 MW cap fills, the rest stays.
    for (field, v) in [(RegionField::Price, 0.01), (RegionField::Capex, 0.0), (RegionField::MoveCost, 0.0)] {
        s.apply(&Action::SetRegion(3, field, v)).unwrap();
    }
    let r = report(&s);
    let sentence = r.plan_sentence().unwrap();
    assert!(
        sentence.starts_with("Best over 36 months: move 100 MW to New York; keep 200 MW in Kazakhstan"),
        "{sentence}"
    );
    let plan = r.stay_or_move.iter().find(|o| o.kind == OptionKind::Plan).unwrap();
    assert_eq!(plan.mw, 100.0);
    // Moving to New York alone is that same split; the plan ties with it and follows it.
    assert_eq!((&*r.stay_or_move[0].id, &*r.stay_or_move[1].id), ("new-york", PLAN_ID));
    assert_eq!(r.stay_or_move[0].npv_usd, plan.npv_usd);
    s.apply(&Action::SetOrigin(None)).unwrap();
    assert_eq!(report(&s).plan_sentence(), None);
}
