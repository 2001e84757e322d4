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
    let revenue =
        formulas::revenue_usd_per_mw_day(hp, g.values.efficiency_j_per_th, g.values.pue, g.values.pool_fee_pct / 100.0);
    let m = formulas::margin_usd_per_mw_day(revenue, &s.regions[1].costs());
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
        (Hardware::S19Xp, 140.0, 21.5),
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
        // A preset brings its own dated price into the machine price.
        assert_eq!(Some(s.globals.values.unit_price_usd_per_th), hardware.price_usd_per_th());
        assert!(crate::dated_or_assumed(hardware.price_source().unwrap()), "{hardware:?}");
        assert_eq!(Hardware::from_id(hardware.id()), Some(hardware));
    }
    // Typing the preset's own value keeps the preset; any other value is a custom machine.
    s.apply(&Action::SetGlobal(GlobalField::Efficiency, 18.5)).unwrap();
    assert_eq!(s.globals.hardware, Hardware::M60S);
    s.apply(&Action::SetGlobal(GlobalField::Efficiency, 19.0)).unwrap();
    assert_eq!(s.globals.hardware, Hardware::Custom);
    s.apply(&Action::SetHardware(Hardware::Custom)).unwrap();
    assert_eq!(s.globals.values.efficiency_j_per_th, 19.0, "custom keeps the efficiency");
    assert_eq!(Hardware::Custom.price_usd_per_th(), None);
    // The price stays editable and an edit keeps the preset.
    s.apply(&Action::SetHardware(Hardware::S21)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::UnitPrice, 11.5)).unwrap();
    assert_eq!((s.globals.hardware, s.globals.values.unit_price_usd_per_th), (Hardware::S21, 11.5));
    // A refused efficiency changes nothing, machine included.
    s.apply(&Action::SetHardware(Hardware::S21)).unwrap();
    let before = s.clone();
    assert!(s.apply(&Action::SetGlobal(GlobalField::Efficiency, 0.0)).is_err());
    assert_eq!(s, before);
    // Machines are part of a new deployment's upfront cost: the S21's $14/TH × 10⁶ / (17.5 × 1.1)
    // TH/s per MW.
    let r = report(&s);
    close(r.rows[1].upfront_usd_per_mw, 450_000.0 + 14.0 * 1e6 / (17.5 * 1.1), "Texas upfront");
}

#[test]
fn new_fields_are_sourced_checked_and_named_for_the_dom() {
    let keys: Vec<&str> = GlobalField::ALL.iter().map(|f| f.spec().key).collect();
    for key in [
        "btc-price",
        "difficulty",
        "subsidy",
        "fees-per-block",
        "difficulty-growth",
        "difficulty-growth-after-halving",
        "btc-price-growth",
        "unit-price",
        "residual-value",
        "depreciation-years",
        "discount-rate",
    ] {
        assert!(keys.contains(&key), "{key}");
    }
    let region_keys: Vec<&str> = RegionField::ALL.iter().map(|f| f.spec().key).collect();
    assert_eq!(
        region_keys,
        [
            "price",
            "cap",
            "uptime",
            "opex",
            "levy",
            "downtime",
            "tax",
            "capex",
            "move-cost",
            "move-days",
            "exit-cost",
            "exit-days",
            "policy-risk",
            "dr-credit"
        ]
    );
    let defaults = Globals::default();
    for field in GlobalField::ALL {
        let spec = field.spec();
        assert!((spec.min..=spec.max).contains(&defaults.value(field)), "{field:?} default out of range");
        let source = Globals::source(field);
        assert!(crate::dated_or_assumed(&source.text), "{field:?} needs a dated source: {}", source.text);
    }
    // Every market default is of one month, and the projection starts in it.
    for field in [GlobalField::BtcPrice, GlobalField::Difficulty, GlobalField::FeesPerBlock] {
        let source = Globals::source(field);
        assert!(!source.assumption && source.text.contains(MARKET_DATA_MONTH_TEXT), "{field:?}: {}", source.text);
    }
    assert_eq!(defaults.start_month, MARKET_DATA_MONTH);
    // The direct hashprice is the market formula's at those defaults, to the cent.
    let market = defaults.market_hashprice_usd_per_ph_day();
    assert_eq!((market * 100.0).round() / 100.0, defaults.values.hashprice_usd_per_ph_day);
    assert_eq!(defaults.values.hashprice_usd_per_ph_day, 39.83);
    // The default machine price is the default machine's.
    assert_eq!(Some(defaults.values.unit_price_usd_per_th), defaults.hardware.price_usd_per_th());
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
    // Kazakhstan's levy: 2 tenge/kWh since 2024 at 510 KZT/USD, cited.
    let kz = &seed_regions()[0];
    assert_eq!(kz.values.levy_usd_per_kwh, 0.0039);
    assert!(kz.source(RegionField::Levy).text.contains("2 tenge per kWh"));
    // Combined income tax: state tax is deductible federally, 21 + s × (1 − 0.21).
    for (i, state_pct) in [(3, 7.25), (4, 5.19)] {
        let combined = seed_regions()[i].values.tax_pct;
        assert!((combined - (21.0 + state_pct * 0.79)).abs() < 0.005, "{combined}");
    }
    assert!(!kz.source(RegionField::Tax).assumption);
    let siberia = &seed_regions()[5];
    assert_eq!(siberia.values.downtime_months, 4.0);
    assert!(siberia.source(RegionField::DowntimeMonths).text.contains("15 November to 15 March"));
    // A region the user adds takes the template.
    let mut s = Scenario::default();
    s.apply(&Action::AddRegion).unwrap();
    let added = s.regions.last().unwrap();
    let values: Vec<f64> = RegionField::ALL.iter().map(|&f| added.value(f)).collect();
    assert_eq!(values, [0.05, 50.0, 95.0, 5000.0, 0.0, 0.0, 20.0, 400_000.0, 50_000.0, 60.0, 20_000.0, 14.0, 2.0, 0.0]);
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
    let costs = s.regions[0].costs();
    let at = |p: f64| formulas::SiteCosts { price_usd_per_kwh: p, ..costs.clone() };
    let margin =
        |p: f64, hp: f64| formulas::margin_usd_per_mw_day(formulas::revenue_usd_per_mw_day(hp, e, pue, fee), &at(p));
    // Cell centres: column i at 0.2 × (i + 0.5) / 100 USD/kWh, row j at 150 × (j + 0.5) / 100.
    for (i, j) in [(0, 0), (37, 81), (99, 99), (50, 12)] {
        let (p, hp) = (0.2 * (i as f64 + 0.5) / 100.0, 150.0 * (j as f64 + 0.5) / 100.0);
        close(grid.price_at(i), p, "price");
        close(grid.hashprice_at(j), hp, "hashprice");
        close(grid.margin(i, j), margin(p, hp), "the all-in margin");
    }
    // The current point is the table's figure; the break-even line has zero margin at both ends
    // and separates the signs.
    assert_eq!(grid.current, (0.04, r.hashprice_usd_per_ph_day));
    assert_eq!(grid.current_margin_usd_per_mw_day, r.rows[0].margin_usd_per_mw_day);
    let line = grid.break_even_line.expect("the line crosses the map");
    for (p, hp) in line {
        assert!(margin(p, hp).abs() < 1e-9, "zero margin at {p}, {hp}");
    }
    // It enters on the left edge above zero: opex and levy need revenue even with free power.
    assert_eq!(line[0].0, 0.0);
    assert!(line[0].1 > 0.0);
    // 24 000 × (0.2 + 0.002) + opex ≈ 4848 + 157 a day over 1000 / 23.65 × 0.98 PH/s ≈ 118 < 150:
    // the line leaves through the right edge.
    assert_eq!(line[1].0, 0.2);
    for i in 0..100 {
        for j in 0..100 {
            let be = formulas::break_even_usd_per_ph_day(e, pue, fee, &at(grid.price_at(i))).unwrap();
            let m = grid.margin(i, j);
            assert!(if grid.hashprice_at(j) > be { m > 0.0 } else { m <= 0.0 }, "cell {i},{j}");
            assert!(m.abs() <= grid.max_abs_margin_usd_per_mw_day);
        }
    }
    // Another region on request; at 60 J/TH and PUE 2 the line leaves through the top.
    s.apply(&Action::SetSensitivityRegion(Some("georgia".into()))).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::Efficiency, 60.0)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::Pue, 2.0)).unwrap();
    let grid = report(&s).sensitivity.unwrap();
    assert_eq!((&*grid.id, grid.region_index), ("georgia", 4));
    let line = grid.break_even_line.expect("the line enters the map");
    assert_eq!(line[1].1, 150.0);
    // Georgia: no levy, opex 6000 a month at 97 % uptime; the top is where revenue at 150 pays
    // the power and the opex: 150 × 1000 / 120 × 0.98 = 24 000 × p + 6000 / (30.4375 × 0.97).
    let georgia_opex_per_day = 6000.0 / (365.25 / 12.0) / 0.97;
    close(line[1].0, (150.0 * 1000.0 / 120.0 * 0.98 - georgia_opex_per_day) / 24_000.0, "where the line meets the top");
    assert_eq!(
        s.apply(&Action::SetSensitivityRegion(Some("mars".into()))),
        Err(ApplyError::UnknownRegionId("mars".into()))
    );
    // When the chosen region goes, the map falls back to the origin, then to the first region.
    s.apply(&Action::RemoveRegion(4)).unwrap();
    assert_eq!(&*report(&s).sensitivity.unwrap().id, "kazakhstan");
    s.apply(&Action::RemoveRegion(0)).unwrap();
    assert_eq!(&*report(&s).sensitivity.unwrap().id, "texas");
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
    assert!(r.rows.iter().all(|row| row.margin_line.last().unwrap().0 == 200.0), "the profit lines reach the end");
    close(grid.hashprice_at(99), 200.0 * 99.5 / 100.0, "the top row's centre");
    assert_eq!(grid.current.1, hp);
    assert!(grid.current.1 < grid.hashprice_axis_usd_per_ph_day.1, "the current point is on the map");
    // Within the slider's range the axis is the slider's, so the map holds still.
    s.apply(&Action::SetGlobal(GlobalField::BtcPrice, 100_000.0)).unwrap();
    assert_eq!(report(&s).sensitivity.unwrap().hashprice_axis_usd_per_ph_day, (0.0, 150.0));
}
