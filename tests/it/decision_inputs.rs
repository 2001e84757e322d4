//! The decision model's inputs and the map drawn from them: the market hashprice against the published worked example, hardware presets, the new fields' specs, and the sensitivity map.

use sitecost::model::market::hashprice_usd_per_ph_day;
use sitecost::model::*;

fn close(actual: f64, expected: f64, what: &str) {
    let tol = 1e-9 * expected.abs().max(1.0);
    assert!((actual - expected).abs() <= tol, "{what}: got {actual}, expected {expected}");
}

#[test]
fn market_hashprice_matches_the_published_worked_example() {
    // 86 400 × 10¹⁵ / (100 × 10¹² × 2³²) × 3.125 × 100 000 = 62.864 USD/PH/day.
    let hp = hashprice_usd_per_ph_day(100.0, 3.125, 0.0, 100_000.0);
    assert!((hp - 62.864).abs() < 0.001, "{hp}");
    // Fees add to the subsidy; doubling the difficulty halves the hashprice.
    close(hashprice_usd_per_ph_day(100.0, 3.0, 0.125, 100_000.0), hp, "fees");
    close(hashprice_usd_per_ph_day(200.0, 3.125, 0.0, 100_000.0), hp / 2.0, "difficulty");

    // Through the scenario: market mode uses the formula everywhere; direct mode keeps the slider,
    // and switching back and forth keeps both sets of values.
    let mut s = Scenario::default();
    s.apply(&Action::SetGlobal(GlobalField::Hashprice, 61.0)).unwrap();
    for (field, v) in [
        (GlobalField::Difficulty, 100.0),
        (GlobalField::BtcPrice, 100_000.0),
        (GlobalField::Subsidy, 3.125),
        (GlobalField::FeesPerBlock, 0.0),
    ] {
        s.apply(&Action::SetGlobal(field, v)).unwrap();
    }
    let direct = report(&s);
    assert_eq!(direct.hashprice_usd_per_ph_day, 61.0);
    assert_eq!(direct.hashprice_derived_usd_per_ph_day, hp, "the derived value is shown in both modes");
    s.apply(&Action::SetHashpriceMode(HashpriceMode::Market)).unwrap();
    let market = report(&s);
    assert_eq!(market.hashprice_usd_per_ph_day, hp);
    assert_eq!(market.hashprice_mode, HashpriceMode::Market);
    let g = &s.globals;
    let m = formulas::margin_usd_per_mw_day(
        hp,
        g.values.efficiency_j_per_th,
        g.values.pue,
        g.values.pool_fee_pct / 100.0,
        s.regions[1].values.price_usd_per_kwh,
        s.regions[1].effective_uptime(),
    );
    assert_eq!(market.rows[1].margin_usd_per_mw_day, m, "the table uses the market hashprice");
    s.apply(&Action::SetHashpriceMode(HashpriceMode::Direct)).unwrap();
    assert_eq!(s.globals.values.hashprice_usd_per_ph_day, 61.0);
    assert_eq!(report(&s), direct);
}

#[test]
fn presets_set_the_efficiency_and_an_edit_makes_it_custom() {
    let mut s = Scenario::default();
    assert_eq!(s.globals.hardware, Hardware::S19Xp);
    assert_eq!(Some(s.globals.values.efficiency_j_per_th), Hardware::S19Xp.efficiency_j_per_th());
    let table = [
        (Hardware::S19Xp, 141.0, 21.5),
        (Hardware::S21, 200.0, 17.5),
        (Hardware::S21Pro, 234.0, 15.0),
        (Hardware::S21Xp, 270.0, 13.5),
        (Hardware::M60S, 186.0, 18.5),
    ];
    for (hardware, th_s, j_per_th) in table {
        s.apply(&Action::SetHardware(hardware)).unwrap();
        assert_eq!(s.globals.values.efficiency_j_per_th, j_per_th);
        assert_eq!(hardware.hashrate_th_s(), Some(th_s));
        assert!(hardware.source().unwrap().contains(&format!("{th_s} TH/s")), "{hardware:?}");
        assert_eq!(Hardware::from_id(hardware.id()), Some(hardware));
    }
    // Typing the preset's own value keeps the preset; any other value is a custom machine.
    s.apply(&Action::SetGlobal(GlobalField::Efficiency, 18.5)).unwrap();
    assert_eq!(s.globals.hardware, Hardware::M60S);
    s.apply(&Action::SetGlobal(GlobalField::Efficiency, 19.0)).unwrap();
    assert_eq!(s.globals.hardware, Hardware::Custom);
    s.apply(&Action::SetHardware(Hardware::Custom)).unwrap();
    assert_eq!(s.globals.values.efficiency_j_per_th, 19.0, "custom keeps the efficiency");
    // A refused efficiency changes nothing, machine included.
    s.apply(&Action::SetHardware(Hardware::S21)).unwrap();
    let before = s.clone();
    assert!(s.apply(&Action::SetGlobal(GlobalField::Efficiency, 0.0)).is_err());
    assert_eq!(s, before);
    // Machines are part of a new deployment's upfront cost: $20/TH × 10⁶ / (17.5 × 1.1) TH/s per MW.
    let r = report(&s);
    close(r.rows[1].upfront_usd_per_mw, 450_000.0 + 20.0 * 1e6 / (17.5 * 1.1), "Texas upfront");
}

#[test]
fn new_fields_are_sourced_checked_and_named_for_the_dom() {
    let keys: Vec<&str> = GlobalField::ALL.iter().map(|f| f.spec().key).collect();
    for key in
        ["btc-price", "difficulty", "subsidy", "fees-per-block", "difficulty-growth", "btc-price-growth", "unit-price"]
    {
        assert!(keys.contains(&key), "{key}");
    }
    let region_keys: Vec<&str> = RegionField::ALL.iter().map(|f| f.spec().key).collect();
    assert_eq!(
        region_keys,
        ["price", "cap", "uptime", "opex", "levy", "downtime", "tax", "capex", "move-cost", "move-days"]
    );
    let defaults = Globals::default();
    for field in GlobalField::ALL {
        let spec = field.spec();
        assert!((spec.min..=spec.max).contains(&defaults.value(field)), "{field:?} default out of range");
        let source = Globals::source(field);
        assert!(crate::dated_or_assumed(&source.text), "{field:?} needs a dated source: {}", source.text);
    }
    assert!(Globals::source(GlobalField::BtcPrice).assumption);
    assert!(Globals::source(GlobalField::UnitPrice).text.contains("2023"), "the machine price is dated");
    // Growth may be negative, down to −20 %/month; below that is out of range, not "negative".
    let growth = GlobalField::DifficultyGrowth.spec();
    assert_eq!(growth.parse("-3.5"), Ok(-3.5));
    let err = growth.parse("-25").unwrap_err();
    assert_eq!(err.problem, sitecost::model::fields::Problem::OutOfRange);
    assert_eq!(
        err.to_string(),
        "Difficulty growth must be a number from -20 to 20 %/month; -25 is outside that range."
    );
    assert!(GlobalField::Difficulty.spec().parse("0").is_err(), "difficulty divides, so zero is refused");
    assert!(RegionField::DowntimeMonths.spec().parse("13").is_err());
    // Kazakhstan's levy: 1 tenge/kWh at 500 KZT/USD, cited.
    let kz = &seed_regions()[0];
    assert_eq!(kz.values.levy_usd_per_kwh, 0.002);
    assert!(kz.source(RegionField::Levy).text.contains("1 tenge"));
    assert!(!kz.source(RegionField::Tax).assumption);
    let siberia = &seed_regions()[5];
    assert_eq!(siberia.values.downtime_months, 4.0);
    assert!(siberia.source(RegionField::DowntimeMonths).text.contains("15 November to 15 March"));
    // A region the user adds takes the template.
    let mut s = Scenario::default();
    s.apply(&Action::AddRegion).unwrap();
    let added = s.regions.last().unwrap();
    let values: Vec<f64> = RegionField::ALL.iter().map(|&f| added.value(f)).collect();
    assert_eq!(values, [0.05, 50.0, 95.0, 5000.0, 0.0, 0.0, 20.0, 400_000.0, 50_000.0, 60.0]);
}

#[test]
fn the_sensitivity_map_is_the_margin_formula_on_a_fine_grid() {
    let mut s = Scenario::default();
    let r = report(&s);
    let grid = r.sensitivity.as_ref().unwrap();
    assert_eq!(&*grid.id, "kazakhstan", "the origin by default");
    assert_eq!((grid.n_price, grid.n_hashprice), (100, 100));
    assert_eq!(grid.margins_usd_per_mw_day.len(), 10_000);
    let g = &s.globals;
    let (e, pue, fee) = (g.values.efficiency_j_per_th, g.values.pue, g.values.pool_fee_pct / 100.0);
    let u = s.regions[0].effective_uptime();
    // Cell centres: column i at 0.2 × (i + 0.5) / 100 USD/kWh, row j at 150 × (j + 0.5) / 100.
    for (i, j) in [(0, 0), (37, 81), (99, 99), (50, 12)] {
        let (p, hp) = (0.2 * (i as f64 + 0.5) / 100.0, 150.0 * (j as f64 + 0.5) / 100.0);
        close(grid.price_at(i), p, "price");
        close(grid.hashprice_at(j), hp, "hashprice");
        assert_eq!(grid.margin(i, j), formulas::margin_usd_per_mw_day(hp, e, pue, fee, p, u));
    }
    // The current point is the table's figure; the break-even line has zero margin at both ends
    // and separates the signs.
    assert_eq!(grid.current, (0.04, 50.0));
    assert_eq!(grid.current_margin_usd_per_mw_day, r.rows[0].margin_usd_per_mw_day);
    for (p, hp) in grid.break_even_line {
        assert!(formulas::margin_usd_per_mw_day(hp, e, pue, fee, p, u).abs() < 1e-9);
    }
    // 24 × 21.5 × 1.1 × 0.2 / 0.98 ≈ 115.8 < 150: the line leaves through the right edge.
    assert_eq!(grid.break_even_line[1].0, 0.2);
    for i in 0..100 {
        for j in 0..100 {
            let be = formulas::break_even_usd_per_ph_day(e, pue, fee, grid.price_at(i));
            let m = grid.margin(i, j);
            assert!(if grid.hashprice_at(j) > be { m > 0.0 } else { m <= 0.0 }, "cell {i},{j}");
            assert!(m.abs() <= grid.max_abs_margin_usd_per_mw_day);
        }
    }
    // Another region on request; at 60 J/TH and PUE 2 the line leaves through the top.
    s.apply(&Action::SetSensitivityRegion(Some("texas".into()))).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::Efficiency, 60.0)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::Pue, 2.0)).unwrap();
    let grid = report(&s).sensitivity.unwrap();
    assert_eq!((&*grid.id, grid.region_index), ("texas", 1));
    assert_eq!(grid.break_even_line[1].1, 150.0);
    close(grid.break_even_line[1].0, 150.0 * 0.98 / (24.0 * 60.0 * 2.0), "where the line meets the top");
    assert_eq!(
        s.apply(&Action::SetSensitivityRegion(Some("mars".into()))),
        Err(ApplyError::UnknownRegionId("mars".into()))
    );
    // When the chosen region goes, the map falls back to the origin, then to the first region.
    s.apply(&Action::RemoveRegion(1)).unwrap();
    assert_eq!(&*report(&s).sensitivity.unwrap().id, "kazakhstan");
    s.apply(&Action::RemoveRegion(0)).unwrap();
    assert_eq!(&*report(&s).sensitivity.unwrap().id, "wyoming");
    let empty = Scenario { regions: vec![], ..Scenario::default() };
    assert_eq!(report(&empty).sensitivity, None);
}

#[test]
fn a_market_hashprice_above_the_slider_range_stays_on_the_charts() {
    let mut s = Scenario::default();
    s.apply(&Action::SetHashpriceMode(HashpriceMode::Market)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::BtcPrice, 400_000.0)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::Difficulty, 150.0)).unwrap();
    let r = report(&s);
    let hp = r.hashprice_usd_per_ph_day;
    // 86 400 × 10¹⁵ / (150 × 10¹² × 2³²) × 3.155 × 400 000 ≈ 169.3 USD/PH/day.
    close(
        hp,
        86_400e15 / (150e12 * 2f64.powi(32)) * (3.125 + s.globals.values.fees_per_block_btc) * 400_000.0,
        "hashprice",
    );
    let grid = r.sensitivity.unwrap();
    // The axis ends at the round number above 1.1 × 169.3 = 186.2, on the map and the profit
    // chart alike, and the cells follow it.
    assert_eq!(grid.hashprice_axis_usd_per_ph_day, (0.0, 200.0));
    assert_eq!(r.hashprice_axis, (0.0, 200.0));
    assert!(r.rows.iter().all(|row| row.margin_line[1].0 == 200.0), "the profit lines reach the end");
    close(grid.hashprice_at(99), 200.0 * 99.5 / 100.0, "the top row's centre");
    assert_eq!(grid.current.1, hp);
    assert!(grid.current.1 < grid.hashprice_axis_usd_per_ph_day.1, "the current point is on the map");
    // Within the slider's range the axis is the slider's, so the map holds still.
    s.apply(&Action::SetGlobal(GlobalField::BtcPrice, 100_000.0)).unwrap();
    assert_eq!(report(&s).sensitivity.unwrap().hashprice_axis_usd_per_ph_day, (0.0, 150.0));
}
