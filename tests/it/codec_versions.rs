//! Links and files of earlier versions still open, and the newer inputs in a link or file fall back or are refused field by field.

use sitecost::model::codec::{decode_link, encode_link, from_json, to_json};
use sitecost::model::*;

use crate::link::signed;

#[test]
fn version_1_links_and_files_still_open_with_the_new_inputs_at_their_defaults() {
    // A version-1 link: five globals, then price, cap and uptime per region (Texas changed,
    // a user site named and noted).
    let d = decode_link(&signed(
        "1~55~17.5~1.2~2.5~400~kazakhstan*0.04*100*85~texas*0.07*450*96~paraguay*0.03*80*98*Paraguay*dam",
    ))
    .unwrap();
    assert_eq!(d.problems, Vec::new());
    let s = &d.scenario;
    let defaults = Globals::default();
    assert_eq!(
        (
            s.globals.values.hashprice_usd_per_ph_day,
            s.globals.values.efficiency_j_per_th,
            s.globals.values.pue,
            s.globals.values.fleet_mw
        ),
        (55.0, 17.5, 1.2, 400.0)
    );
    for field in GlobalField::ALL.into_iter().skip(5) {
        assert_eq!(s.globals.value(field), defaults.value(field), "{field:?}");
    }
    assert_eq!(s.globals.hashprice_mode, HashpriceMode::Direct);
    assert_eq!(s.globals.hardware, Hardware::Custom, "17.5 J/TH is not the default machine's 21.5");
    assert_eq!(s.globals.origin_region.as_deref(), Some("kazakhstan"));
    assert_eq!((s.globals.start_month, s.globals.halving_month), (defaults.start_month, defaults.halving_month));
    let seeds = seed_regions();
    let texas = &s.regions[1];
    assert_eq!((texas.values.price_usd_per_kwh, texas.values.cap_mw, texas.values.uptime_pct), (0.07, 450.0, 96.0));
    for field in RegionField::ALL.into_iter().skip(3) {
        assert_eq!(texas.value(field), seeds[1].value(field), "a seed keeps its seed {field:?}");
        assert_eq!(s.regions[2].value(field), region_template(field), "a user site takes the template {field:?}");
    }
    // Its re-encoding is a link of the current version that gives back the same scenario.
    let again = encode_link(s);
    assert!(
        again.starts_with("5~55~17.5~1.2~2.5~400~96532~153.33~3.125~0.02~2.5~0~1.5~6~10~3~15~direct~custom~kazakhstan~2025-11~2028-04~~"),
        "{again}"
    );
    assert_eq!(decode_link(&again).unwrap().scenario, *s);

    // A version-1 file, as the previous release wrote it.
    let v1 = r#"{
      "schema": "sitecost-scenario",
      "version": 1,
      "globals": {"hashprice_usd_per_ph_day": 55, "efficiency_j_per_th": 21.5, "pue": 1.2, "pool_fee_pct": 2.5, "fleet_mw": 400},
      "regions": [
        {"id": "siberia", "name": "Siberia (Russia)", "power_usd_per_kwh": 0.03, "cap_mw": 300, "uptime_pct": 70, "note": ""},
        {"id": "paraguay", "name": "Paraguay", "power_usd_per_kwh": 0.03, "cap_mw": 80, "uptime_pct": 98, "note": "dam"}
      ]
    }"#;
    let s = from_json(v1).unwrap();
    assert_eq!(s.globals.hardware, Hardware::S19Xp, "21.5 J/TH is the default machine");
    assert_eq!(s.regions[0].values.uptime_pct, 70.0);
    assert_eq!(s.regions[0].values.downtime_months, 4.0, "Siberia's seed winter ban");
    assert_eq!(s.regions[1].values.move_days, region_template(RegionField::MoveDays));
    assert_eq!(from_json(&to_json(&s)).unwrap(), s);
    assert!(to_json(&s).contains("\"version\": 5"));
}

fn region_template(field: RegionField) -> f64 {
    field.spec().default
}

#[test]
fn bad_new_values_in_a_link_fall_back_and_say_so() {
    let d = decode_link(&signed(
        "2~50~17.5~1.1~2~300~100000~0~3.125~0.03~-30~0~20~sideways~s21~Bad*Id~2026-13~2040-01~ghost\
         ~texas*0.066*500*97*6000*0.002*13*21*450000*80000*90",
    ))
    .unwrap();
    let g = &d.scenario.globals;
    assert_eq!(g.values.difficulty_t, 153.33);
    assert_eq!(g.values.difficulty_growth_pct_per_month, 2.5);
    assert_eq!(g.hashprice_mode, HashpriceMode::Direct);
    assert_eq!(g.hardware, Hardware::S21);
    assert_eq!(g.origin_region.as_deref(), Some("kazakhstan"));
    assert_eq!(g.start_month, YearMonth { year: 2025, month: 11 });
    assert_eq!(g.halving_month, YearMonth { year: 2028, month: 4 });
    assert_eq!(g.sensitivity_region.as_deref(), Some("ghost"), "an id that names no region is kept");
    let texas = &d.scenario.regions[0];
    assert_eq!((texas.values.levy_usd_per_kwh, texas.values.downtime_months), (0.002, 0.0));
    let text = d.problems.iter().map(|p| p.with_fallback()).collect::<Vec<_>>().join("\n");
    for expected in [
        "Network difficulty: Network difficulty must be a number from 1 to 2000 T; 0 is outside that range. Using 153.33 instead.",
        "Difficulty growth: Difficulty growth must be a number from -20 to 20 %/month; -30 is outside that range. Using 2.5 instead.",
        "Hashprice mode: \u{201c}sideways\u{201d} is neither direct nor market. Using direct instead.",
        "Origin region: \u{201c}Bad*Id\u{201d} is not a region id. Using kazakhstan instead.",
        "Projection start: \u{201c}2026-13\u{201d} is not a month from 2000-01 to 2200-12. Using 2025-11 instead.",
        "Halving month: \u{201c}2040-01\u{201d} is not a month from the projection's start (2025-11) to ten years after it. Using 2028-04 instead.",
        "Texas (ERCOT), seasonal downtime: Seasonal downtime must be a number from 0 to 12 months/year; 13 is outside that range. Using 0 instead.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert_eq!(d.problems.len(), 7, "{text}");
    // A machine whose efficiency does not match becomes custom, and the link says so.
    let d =
        decode_link(&signed("2~50~19~1.1~2~300~100000~150~3.125~0.03~2~0~20~market~s21~~2030-01~2030-01~")).unwrap();
    assert_eq!(d.scenario.globals.hardware, Hardware::Custom);
    assert_eq!(d.scenario.globals.values.efficiency_j_per_th, 19.0);
    assert_eq!(d.scenario.globals.origin_region, None);
    assert_eq!(d.scenario.globals.hashprice_mode, HashpriceMode::Market);
    assert_eq!(d.scenario.regions, vec![]);
    assert_eq!(
        d.problems.iter().map(|p| p.with_fallback()).collect::<Vec<_>>(),
        ["Hardware: the Antminer S21 runs at 17.5 J/TH, not 19 J/TH. Using custom instead."]
    );
    // A region token of version 1's shape in a version-2 link is refused as a whole.
    assert!(decode_link(&signed(
        "2~50~21.5~1.1~2~300~100000~150~3.125~0.03~2~0~20~direct~s19-xp~~2026-12~2028-04~~texas*0.07*500*97"
    ))
    .unwrap_err()
    .contains("region"));
}

#[test]
fn a_version_2_file_names_every_bad_new_value_and_changes_nothing() {
    let text = to_json(&Scenario::default())
        .replace("\"hashprice_mode\": \"direct\"", "\"hashprice_mode\": 3")
        .replace("\"halving_month\": \"2028-04\"", "\"halving_month\": \"2025-01\"")
        .replace("\"origin_region\": \"kazakhstan\"", "\"origin_region\": \"no such id!\"")
        .replace("\"tax_pct\": 25.0", "\"tax_pct\": 101")
        .replace("\"subsidy_btc\": 3.125,", "");
    let problems = from_json(&text).unwrap_err();
    let all = problems.join("\n");
    for expected in [
        "globals.hashprice_mode: expected a string; found a number.",
        "Halving month: \u{201c}2025-01\u{201d} is not a month from the projection's start (2025-11) to ten years after it.",
        "Origin region: \u{201c}no such id!\u{201d} is not a region id.",
        "Siberia (Russia), income tax: Income tax must be a number from 0 to 90 %; 101 is outside that range.",
        "Block subsidy: Block subsidy must be a number; it is missing.",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in\n{all}");
    }
    assert!(!all.contains("Using"), "a file is never silently repaired: {all}");
    // Every new value is written by name, with null for no origin.
    let mut s = Scenario::default();
    s.apply(&Action::SetOrigin(None)).unwrap();
    let json = to_json(&s);
    for key in [
        "\"btc_price_usd\": 96532",
        "\"difficulty_t\": 153.33",
        "\"unit_price_usd_per_th\": 6",
        "\"difficulty_growth_after_halving_pct_per_month\": 1.5",
        "\"residual_value_pct\": 10",
        "\"depreciation_years\": 3",
        "\"discount_rate_pct_per_year\": 15",
        "\"exit_cost_usd_per_mw\": 15000",
        "\"policy_risk_pct_per_year\": 10",
        "\"hardware\": \"s19-xp\"",
        "\"origin_region\": null",
        "\"start_month\": \"2025-11\"",
        "\"sensitivity_region\": null",
        "\"levy_usd_per_kwh\": 0.0039",
        "\"move_days\": 90",
    ] {
        assert!(json.contains(key), "{key} missing in {json}");
    }
    assert_eq!(from_json(&json).unwrap(), s);
}
