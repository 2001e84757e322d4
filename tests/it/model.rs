//! The scenario and report: seed regions, input validation, actions, and report consistency.

use sitecost::model::fields::Problem;
use sitecost::model::formulas;
use sitecost::model::*;

#[test]
fn seed_regions_have_fixed_ids_and_sourced_values() {
    let regions = seed_regions();
    let ids: Vec<&str> = regions.iter().map(|r| &*r.id).collect();
    assert_eq!(ids, ["kazakhstan", "texas", "wyoming", "new-york", "georgia", "siberia"]);
    for r in &regions {
        for field in RegionField::ALL {
            let src = r.source(field);
            assert!(crate::dated_or_assumed(&src.text), "{} {:?} needs a dated source: {}", r.id, field, src.text);
            let spec = field.spec();
            assert!((spec.min..=spec.max).contains(&r.value(field)), "{} {:?} out of range", r.id, field);
        }
    }
    let kz = &regions[0];
    assert_eq!((kz.values.price_usd_per_kwh, kz.values.cap_mw), (0.04, 100.0));
    assert!(!kz.source(RegionField::Cap).assumption, "the 100 MW cap is a published figure");
    let tx = &regions[1];
    assert_eq!(tx.values.price_usd_per_kwh, 0.045, "the mean its hourly profile is shifted to");
    let profile = tx.profile.as_ref().expect("Texas buys at ERCOT's hourly prices");
    assert!(profile.is_monthly() && profile.count() > 8700, "a year of hours, one curve a month");
    assert!(regions.iter().filter(|r| r.id != tx.id).all(|r| r.profile.is_none()), "the others are flat");
    assert!(tx.source(RegionField::Cap).assumption, "US caps are our assumption and must say so");
    let colors: std::collections::HashSet<_> = regions.iter().map(|r| r.color_rgb).collect();
    assert_eq!(colors.len(), regions.len(), "every region has its own colour");
}

#[test]
fn a_new_or_imported_site_labels_the_values_it_was_not_given_as_assumptions() {
    let mut s = Scenario::default();
    s.apply(&Action::AddRegion).unwrap();
    let added = s.regions.len() - 1;
    // "Add region" gives every field the template's round value: all of them are ours.
    for field in RegionField::ALL {
        assert!(s.regions[added].source(field).assumption, "{field:?} of a new site is assumed");
    }
    // A value the user sets is theirs; the footnote's citation changes with it.
    let before = s.regions[added].citation();
    s.apply(&Action::SetRegion(added, RegionField::Opex, 7000.0)).unwrap();
    let opex = s.regions[added].source(RegionField::Opex);
    assert_eq!((opex.text.as_str(), opex.assumption), ("Entered by the user.", false));
    assert_ne!(s.regions[added].citation(), before);
    assert!(s.regions[added].source(RegionField::Tax).assumption, "the others stay assumed");

    // An imported site: its own columns carry its note, the columns it lacked are assumed.
    s.apply(&Action::AddSites(vec![NewSite {
        name: "Imported".into(),
        note: "Utility tariff sheet, 2026".into(),
        values: vec![
            (RegionField::Price, 0.031),
            (RegionField::Cap, 80.0),
            (RegionField::Uptime, 90.0),
            (RegionField::Tax, 12.0),
        ],
    }]))
    .unwrap();
    let imported = &s.regions[s.regions.len() - 1];
    for field in [RegionField::Price, RegionField::Cap, RegionField::Uptime, RegionField::Tax] {
        let src = imported.source(field);
        assert_eq!((src.text.as_str(), src.assumption), ("Utility tariff sheet, 2026", false), "{field:?}");
    }
    for field in [RegionField::Opex, RegionField::Capex, RegionField::MoveCost, RegionField::MoveDays] {
        assert!(imported.source(field).assumption, "{field:?} came from the template");
    }

    // The labels follow the values, so a scenario link restores them too.
    let decoded = codec::decode_link(&codec::encode_link(&s)).unwrap().scenario;
    for (a, b) in s.regions.iter().zip(&decoded.regions) {
        assert_eq!(a.citation(), b.citation(), "{}", a.id);
    }
}

#[test]
fn typed_values_parse_exactly_and_bad_ones_say_why() {
    let price = RegionField::Price.spec();
    assert_eq!(price.parse(" 0.0655 "), Ok(0.0655), "no snapping to the 0.001 step");
    let eff = GlobalField::Efficiency.spec();
    for (text, problem) in [
        ("abc", Problem::NotANumber),
        ("", Problem::NotANumber),
        ("NaN", Problem::NotANumber),
        ("inf", Problem::NotANumber),
        ("-3", Problem::Negative),
        ("0", Problem::OutOfRange),
        ("61", Problem::OutOfRange),
    ] {
        let err = eff.parse(text).expect_err(text);
        assert_eq!(err.problem, problem, "{text:?}");
        let message = err.to_string();
        assert!(message.starts_with("Fleet efficiency must be a number from 5 to 60 J/TH"), "{message}");
    }
    assert_eq!(
        eff.parse("abc").unwrap_err().to_string(),
        "Fleet efficiency must be a number from 5 to 60 J/TH; \u{201c}abc\u{201d} is not a number."
    );
    assert!(GlobalField::Pue.spec().parse("0").is_err(), "PUE divides, so zero is refused");
}

#[test]
fn apply_changes_one_value_and_refuses_bad_ones_untouched() {
    let mut s = Scenario::default();
    s.apply(&Action::SetGlobal(GlobalField::Hashprice, 61.25)).unwrap();
    assert_eq!(s.globals.values.hashprice_usd_per_ph_day, 61.25);
    s.apply(&Action::SetRegion(1, RegionField::Price, 0.0655)).unwrap();
    assert_eq!(s.regions[1].values.price_usd_per_kwh, 0.0655);

    let before = s.clone();
    for bad in [
        Action::SetGlobal(GlobalField::Efficiency, 0.0),
        Action::SetGlobal(GlobalField::Pue, f64::NAN),
        Action::SetGlobal(GlobalField::FleetMw, -1.0),
        Action::SetRegion(0, RegionField::Uptime, 101.0),
        Action::SetRegion(0, RegionField::Price, f64::INFINITY),
        Action::SetGlobal(GlobalField::Difficulty, 0.0),
        Action::SetGlobal(GlobalField::DifficultyGrowth, -21.0),
        Action::SetGlobal(GlobalField::BtcPrice, -1.0),
        Action::SetRegion(0, RegionField::DowntimeMonths, 12.5),
        Action::SetRegion(0, RegionField::Levy, f64::NAN),
        Action::SetRegion(0, RegionField::Tax, 95.0),
        Action::SetOrigin(Some("atlantis".into())),
        Action::SetSensitivityRegion(Some("".into())),
        Action::SetHalvingMonth(YearMonth { year: 2025, month: 6 }),
    ] {
        assert!(s.apply(&bad).is_err(), "{bad:?} should be refused");
        assert_eq!(s, before, "{bad:?} changed the scenario");
    }
    // An index past the end (a region removed meanwhile) is refused, not a panic.
    assert_eq!(s.apply(&Action::SetRegion(99, RegionField::Cap, 5.0)), Err(ApplyError::NoSuchRegion));
    assert_eq!(s, before);
}

fn close_to(actual: f64, expected: f64) {
    assert!((actual - expected).abs() <= 1e-9 * expected.abs().max(1.0), "got {actual}, expected {expected}");
}

#[test]
fn report_follows_the_formulas_for_the_defaults() {
    let s = Scenario::default();
    let r = report(&s);
    let g = &s.globals;
    let fee = g.values.pool_fee_pct / 100.0;
    assert_eq!(r.rows.len(), 6);
    for (row, region) in r.rows.iter().zip(&s.regions) {
        let revenue = |hp: f64| formulas::revenue_usd_per_mw_day(hp, g.values.efficiency_j_per_th, g.values.pue, fee);
        let m = formulas::margin_usd_per_mw_day(revenue(g.values.hashprice_usd_per_ph_day), &region.costs());
        assert_eq!(row.margin_usd_per_mw_day, m);
        assert_eq!(row.effective_uptime_pct, region.effective_uptime() * 100.0);
        assert_eq!(row.profit_usd_per_day, row.allocated_mw * m);
        assert_eq!(row.hashrate_ph_s, row.allocated_mw * r.hashrate_ph_s_per_mw);
        assert_eq!(row.margin_line[0].0, 0.0);
        let last = *row.margin_line.last().unwrap();
        assert!((last.1 - formulas::margin_usd_per_mw_day(revenue(150.0), &region.costs())).abs() < 1e-9);
        if region.profile.is_none() {
            // A flat line bends where the machines switch on: the opex alone below that hashprice.
            let (bend, at_bend) = row.margin_line[1];
            close_to(revenue(bend), 24_000.0 * (region.values.price_usd_per_kwh + region.values.levy_usd_per_kwh));
            close_to(at_bend, -region.costs().opex_usd_per_mw_day());
        } else {
            // An hourly profile's line is sampled along the axis, every point on the formula.
            assert_eq!(row.margin_line.len(), 61);
            for &(x, y) in row.margin_line.iter() {
                close_to(y, formulas::margin_usd_per_mw_day(revenue(x), &region.costs()));
            }
        }
    }
    let sum: f64 = r.rows.iter().map(|x| x.profit_usd_per_day).sum();
    assert_eq!(r.totals.profit_usd_per_day, sum);
    // At $39.83/PH/day and 21.5 J/TH × 1.1, revenue is 1000 / 23.65 × 39.83 × 0.98 ≈ 1 650.4 per
    // MW-day. All-in margins, with D = 30.4375 days a month:
    // New York  0.95 × (1 650.4 − 960) − 6 500 / D ≈ 655.9 − 213.6 ≈ 442.4;
    // Siberia   0.95 × 8 / 12 × (1 650.4 − 840) − 4 000 / D ≈ 513.3 − 131.4 ≈ 381.9;
    // Kazakhstan 0.85 × (1 650.4 − 24 000 × 0.0439) − 4 000 / D ≈ 507.3 − 131.4 ≈ 375.9;
    // Texas buys at ERCOT's hourly prices shifted to a mean of 4.5 ¢ and mines in the hours below
    // 1 650.4 / 24 000 ≈ 6.88 ¢: its margin, 0.99 × 24 000 × (mean gain) − 6 000 / D, is the
    // profile's (tests/it/profile.rs checks the curve against a plain loop over the hours);
    // Wyoming (1 800) and Georgia (1 651.2) pay more for power than the machines earn: switched
    // off, they lose their opex. So Texas, the best, takes the whole fleet within its 500 MW.
    let allocated: Vec<(&str, f64)> = r.rows.iter().map(|x| (&*x.id, x.allocated_mw)).collect();
    assert_eq!(
        allocated,
        [
            ("kazakhstan", 0.0),
            ("texas", 300.0),
            ("wyoming", 0.0),
            ("new-york", 0.0),
            ("georgia", 0.0),
            ("siberia", 0.0)
        ]
    );
    let margins: Vec<i64> = r.rows.iter().map(|x| (x.margin_usd_per_mw_day * 10.0).round() as i64).collect();
    assert_eq!(margins, [3759, 4841, -1971, 4424, -1971, 3819]);
    // Kazakhstan's all-in break-even: (R − O / (D × u)) / 24 000 − L.
    let revenue = 1000.0 / 23.65 * 39.83 * 0.98;
    let be = (revenue - 4000.0 / (365.25 / 12.0) / 0.85) / 24_000.0 - 0.0039;
    assert!((r.rows[0].break_even_usd_per_kwh.unwrap() - be).abs() < 1e-12);
    assert_eq!(r.totals.allocated_mw, 300.0);
    assert_eq!(r.totals.unplaced_mw, 0.0);
}

#[test]
fn fleet_larger_than_profitable_room_is_reported_unplaced() {
    let mut s = Scenario::default();
    s.apply(&Action::SetGlobal(GlobalField::FleetMw, 2000.0)).unwrap();
    let r = report(&s);
    // Four regions pay at the defaults (above), so their caps fill: 100 + 500 + 100 + 300 =
    // 1 000 MW; 1 000 MW have nowhere profitable to go.
    assert_eq!(r.totals.allocated_mw, 1000.0);
    assert_eq!(r.totals.unplaced_mw, 1000.0);
    let binding: Vec<&str> = r.rows.iter().filter(|x| x.cap_binds).map(|x| &*x.id).collect();
    assert_eq!(binding, ["kazakhstan", "texas", "new-york", "siberia"]);
}

#[test]
fn the_report_names_the_best_region_only_when_one_pays() {
    let s = Scenario::default();
    let r = report(&s);
    // Texas has the highest margin at the defaults (see the allocation test above).
    assert_eq!(r.best_row().map(|b| &*b.id), Some("texas"));
    let mut none = s.clone();
    none.apply(&Action::SetGlobal(GlobalField::Hashprice, 0.0)).unwrap();
    assert_eq!(report(&none).best, None);
}
