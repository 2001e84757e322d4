//! Scenario codecs: links and JSON files round-trip exactly, and damaged input is an error, never a panic.

use proptest::prelude::*;
use sitecost::model::codec::{crc32, decode_link, encode_link, from_json, to_json};
use sitecost::model::json;
use sitecost::model::*;

/// Signs a hand-made link body the way `encode_link` does.
fn signed(body: &str) -> String {
    format!("{body}~{:08x}", crc32(body.as_bytes()))
}

/// The seven regional numbers after price, cap and uptime, each anywhere in its field's range.
fn region_extras() -> impl Strategy<Value = [f64; 7]> {
    (
        0.0..=200_000.0f64,
        0.0..=0.1f64,
        0.0..=12.0f64,
        0.0..=90.0f64,
        0.0..=5_000_000.0f64,
        0.0..=2_000_000.0f64,
        0.0..=365.0f64,
    )
        .prop_map(|t| [t.0, t.1, t.2, t.3, t.4, t.5, t.6])
}

/// A region id for a global choice: none, one of the regions (by position, modulo their
/// number), or an id that names no region (a removed origin is kept by id).
fn id_choice() -> impl Strategy<Value = Option<Result<usize, String>>> {
    proptest::option::of(prop_oneof![any::<usize>().prop_map(Ok), "gone-[a-z0-9]{1,8}".prop_map(Err)])
}

fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    let globals = (0.0..=150.0f64, 5.0..=60.0f64, 1.0..=2.0f64, 0.0..=10.0f64, 0.0..=2000.0f64);
    let market = (
        0.0..=1_000_000.0f64,
        1.0..=2000.0f64,
        0.0..=50.0f64,
        0.0..=10.0f64,
        -20.0..=20.0f64,
        -20.0..=20.0f64,
        0.0..=200.0f64,
    );
    let choices =
        (any::<bool>(), 0..Hardware::ALL.len(), id_choice(), (2000..=2190i32, 1..=12u8), 0..=120i64, id_choice());
    let seed = (
        (any::<bool>(), 0.0..=0.2f64, 0.0..=1000.0f64, 0.0..=100.0f64, proptest::option::of("[A-Za-z ~*%é🚀]{1,20}")),
        region_extras(),
    );
    let site = (
        ("[A-Za-z0-9 ,~*%\"<>é🚀]{1,30}", 0.0..=0.2f64, 0.0..=1000.0f64, 0.0..=100.0f64, "[a-z ~*%]{0,12}"),
        region_extras(),
    );
    (globals, market, choices, proptest::collection::vec(seed, 6), proptest::collection::vec(site, 0..6)).prop_map(
        |(g, m, c, seeds, sites)| {
            let mut s = Scenario {
                globals: Globals {
                    hashprice_usd_per_ph_day: g.0,
                    efficiency_j_per_th: g.1,
                    pue: g.2,
                    pool_fee_pct: g.3,
                    fleet_mw: g.4,
                    btc_price_usd: m.0,
                    difficulty_t: m.1,
                    subsidy_btc: m.2,
                    fees_per_block_btc: m.3,
                    difficulty_growth_pct_per_month: m.4,
                    btc_price_growth_pct_per_month: m.5,
                    unit_price_usd_per_th: m.6,
                    ..Globals::default()
                },
                ..Scenario::default()
            };
            // Keep some seeds, with new values and sometimes a new name.
            let mut kept = Vec::new();
            let mut extras = Vec::new();
            for (region, ((keep, p, c, u, name), more)) in s.regions.iter().zip(seeds) {
                if keep {
                    let mut r = region.clone();
                    r.power_usd_per_kwh = p;
                    r.cap_mw = c;
                    r.uptime_pct = u;
                    extras.push(more);
                    if let Some(n) = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()) {
                        r.name = format!("{n} {}", r.id).as_str().into();
                    }
                    kept.push(r);
                }
            }
            s.regions = kept;
            let new: Vec<NewSite> = sites
                .into_iter()
                .enumerate()
                .map(|(i, ((name, p, c, u, note), more))| {
                    extras.push(more);
                    NewSite {
                        name: format!("{} #{i}", name.trim()),
                        power_usd_per_kwh: p,
                        cap_mw: c,
                        uptime_pct: u,
                        note,
                        costs: Vec::new(),
                    }
                })
                .collect();
            s.apply(&Action::AddSites(new)).unwrap();
            for (i, more) in extras.into_iter().enumerate() {
                for (field, v) in RegionField::ALL[3..].iter().zip(more) {
                    s.apply(&Action::SetRegion(i, *field, v)).unwrap();
                }
            }
            // The choices, set the way the page sets them.
            let (market_mode, hardware, origin, (year, month), halving_offset, sensitivity) = c;
            let mode = if market_mode { HashpriceMode::Market } else { HashpriceMode::Direct };
            s.apply(&Action::SetHashpriceMode(mode)).unwrap();
            s.apply(&Action::SetHardware(Hardware::ALL[hardware])).unwrap();
            let start = YearMonth::new(year, month).unwrap();
            s.globals.start_month = start;
            s.globals.halving_month = start.plus_months(halving_offset).unwrap();
            let ids: Vec<String> = s.regions.iter().map(|r| r.id.to_string()).collect();
            let pick = |choice: Option<Result<usize, String>>| match choice {
                None => None,
                Some(Ok(i)) if !ids.is_empty() => Some(ids[i % ids.len()].as_str().into()),
                Some(Ok(_)) => None,
                Some(Err(gone)) => Some(gone.as_str().into()),
            };
            // Set directly: an id that names no region cannot be chosen, only left behind.
            s.globals.origin_region = pick(origin);
            s.globals.sensitivity_region = pick(sensitivity);
            s
        },
    )
}

proptest! {
    #[test]
    fn every_scenario_round_trips_through_a_link(s in scenario_strategy()) {
        let link = encode_link(&s);
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~*%".contains(&b)), "{}", link);
        let decoded = decode_link(&link).unwrap();
        prop_assert_eq!(decoded.problems, Vec::<String>::new());
        prop_assert_eq!(decoded.scenario, s);
    }

    #[test]
    fn every_scenario_round_trips_through_json(s in scenario_strategy()) {
        prop_assert_eq!(from_json(&to_json(&s)).unwrap(), s);
    }

    #[test]
    fn json_reader_never_panics(text in "\\PC{0,200}") {
        let _ = json::parse(&text);
        let _ = from_json(&text);
    }
}

#[test]
fn every_truncation_and_every_changed_byte_is_an_error() {
    let mut s = Scenario::default();
    s.apply(&Action::AddSites(vec![NewSite {
        name: "Paraguay, hydro 🚀".into(),
        power_usd_per_kwh: 0.031,
        cap_mw: 80.0,
        uptime_pct: 98.0,
        note: "broker".into(),
        costs: Vec::new(),
    }]))
    .unwrap();
    let link = encode_link(&s);
    assert_eq!(decode_link(&link).unwrap().scenario, s);
    for end in 0..link.len() {
        assert!(decode_link(&link[..end]).is_err(), "truncated at {end} decoded");
    }
    let bytes = link.as_bytes();
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut changed = bytes.to_vec();
            changed[i] ^= 1 << bit;
            let text = String::from_utf8_lossy(&changed);
            assert!(decode_link(&text).is_err(), "flipping bit {bit} of byte {i} decoded: {text}");
        }
    }
}

#[test]
fn a_link_of_another_version_or_shape_says_what_is_wrong() {
    assert!(decode_link(&signed("3~50~21.5~1.1~2~300")).unwrap_err().contains("version \u{201c}3\u{201d}"));
    assert!(decode_link(&signed("2~50~21.5~1.1~2~300")).unwrap_err().contains("lacks"), "v2 has 12 numbers");
    assert!(decode_link(&signed("1~50~21.5")).unwrap_err().contains("lacks"));
    assert!(decode_link(&signed("1~50~21.5~1.1~2~300~texas*1")).unwrap_err().contains("region"));
    assert!(decode_link("").is_err());
    assert!(decode_link("garbage").is_err());
}

#[test]
fn out_of_range_values_fall_back_field_by_field() {
    let d = decode_link(&signed(
        "1~999~21.5~0~2~300~texas*0.07*abc*97~wyoming*0.05*100*90~bad%id*0.1*1*1*X*~mars*0.01*5*50",
    ))
    .unwrap();
    let g = &d.scenario.globals;
    assert_eq!((g.hashprice_usd_per_ph_day, g.efficiency_j_per_th, g.pue), (50.0, 21.5, 1.1));
    let texas = &d.scenario.regions[0];
    assert_eq!(
        (texas.power_usd_per_kwh, texas.cap_mw, texas.uptime_pct),
        (0.07, 500.0, 97.0),
        "cap falls back to Texas's default"
    );
    assert_eq!(d.scenario.regions.len(), 2, "the bad id and the unnamed new region are left out");
    let text = d.problems.join("\n");
    for expected in [
        "Hashprice: Hashprice must be a number from 0 to 150 USD/PH/day; 999 is outside that range. Using 50 instead.",
        "PUE (overhead): PUE (overhead) must be a number from 1 to 2 \u{d7}; 0 is outside that range. Using 1.1 instead.",
        "Texas (ERCOT), capacity cap: Capacity cap must be a number; \u{201c}abc\u{201d} is not a number. Using 500 instead.",
        "Region 3 (bad%id): the id is not valid",
        "Region 4 (mars): a region that is not a seed needs a name",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn bad_json_files_are_refused_with_every_problem_named() {
    assert!(from_json("not json").unwrap_err()[0].starts_with("The file is not JSON"));
    assert!(from_json("{}").unwrap_err()[0].contains("not a sitecost scenario"));
    assert!(from_json(r#"{"schema":"sitecost-scenario","version":3}"#).unwrap_err()[0].contains("version 3"));
    let text = to_json(&Scenario::default())
        .replace("\"pue\": 1.1", "\"pue\": \"high\"")
        .replace("\"cap_mw\": 500", "\"cap_mw\": -5")
        .replace("\"name\": \"Wyoming\"", "\"name\": 7");
    let problems = from_json(&text).unwrap_err();
    let all = problems.join("\n");
    assert!(all.contains("PUE (overhead): PUE (overhead) must be a number; found a string."), "{all}");
    assert!(
        all.contains("Texas (ERCOT), capacity cap: Capacity cap must be a number from 0 to 1000 MW; -5 is negative."),
        "{all}"
    );
    assert!(all.contains("regions[2].name: expected a string, found a number."), "{all}");
    assert!(!all.contains("Using"), "a file is never silently repaired: {all}");
}

#[test]
fn json_reads_escapes_and_refuses_deep_nesting() {
    assert_eq!(json::parse(r#""a\"\\\/\n\u00e9\ud83d\ude80""#).unwrap(), json::Json::String("a\"\\/\né🚀".into()));
    assert!(json::parse(&"[".repeat(100)).unwrap_err().contains("nested too deeply"));
    assert!(json::parse("[1,]").is_err());
    assert!(json::parse("1e999").is_err());
}

#[test]
fn fragments_carry_embed_mode_and_the_scenario() {
    use sitecost::model::codec::{fragment, parse_fragment};
    let s = Scenario::default();
    let f = fragment(&s, true);
    let parsed = parse_fragment(&f);
    assert!(parsed.embed);
    assert_eq!(decode_link(parsed.scenario.unwrap()).unwrap().scenario, s);
    assert_eq!(parse_fragment("#other&s=abc").scenario, Some("abc"));
    assert_eq!(parse_fragment(""), Default::default());
}

#[test]
fn version_1_links_and_files_still_open_with_the_new_inputs_at_their_defaults() {
    // A version-1 link: five globals, then price, cap and uptime per region (Texas changed,
    // a user site named and noted).
    let d = decode_link(&signed(
        "1~55~17.5~1.2~2.5~400~kazakhstan*0.04*100*85~texas*0.07*450*96~paraguay*0.03*80*98*Paraguay*dam",
    ))
    .unwrap();
    assert_eq!(d.problems, Vec::<String>::new());
    let s = &d.scenario;
    let defaults = Globals::default();
    assert_eq!(
        (s.globals.hashprice_usd_per_ph_day, s.globals.efficiency_j_per_th, s.globals.pue, s.globals.fleet_mw),
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
    assert_eq!((texas.power_usd_per_kwh, texas.cap_mw, texas.uptime_pct), (0.07, 450.0, 96.0));
    for field in RegionField::ALL.into_iter().skip(3) {
        assert_eq!(texas.value(field), seeds[1].value(field), "a seed keeps its seed {field:?}");
        assert_eq!(s.regions[2].value(field), region_template(field), "a user site takes the template {field:?}");
    }
    // Its re-encoding is a version-2 link that gives back the same scenario.
    let again = encode_link(s);
    assert!(again
        .starts_with("2~55~17.5~1.2~2.5~400~100000~150~3.125~0.03~2~0~20~direct~custom~kazakhstan~2026-12~2028-04~~"));
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
    assert_eq!(s.regions[0].uptime_pct, 70.0);
    assert_eq!(s.regions[0].downtime_months, 4.0, "Siberia's seed winter ban");
    assert_eq!(s.regions[1].move_days, region_template(RegionField::MoveDays));
    assert_eq!(from_json(&to_json(&s)).unwrap(), s);
    assert!(to_json(&s).contains("\"version\": 2"));
}

fn region_template(field: RegionField) -> f64 {
    let i = RegionField::ALL.iter().position(|&f| f == field).unwrap();
    sitecost::model::region::TEMPLATE[i]
}

#[test]
fn bad_new_values_in_a_link_fall_back_and_say_so() {
    let d = decode_link(&signed(
        "2~50~17.5~1.1~2~300~100000~0~3.125~0.03~-30~0~20~sideways~s21~Bad*Id~2026-13~2040-01~ghost\
         ~texas*0.066*500*97*6000*0.002*13*21*450000*80000*90",
    ))
    .unwrap();
    let g = &d.scenario.globals;
    assert_eq!(g.difficulty_t, 150.0);
    assert_eq!(g.difficulty_growth_pct_per_month, 2.0);
    assert_eq!(g.hashprice_mode, HashpriceMode::Direct);
    assert_eq!(g.hardware, Hardware::S21);
    assert_eq!(g.origin_region.as_deref(), Some("kazakhstan"));
    assert_eq!(g.start_month, YearMonth { year: 2026, month: 12 });
    assert_eq!(g.halving_month, YearMonth { year: 2028, month: 4 });
    assert_eq!(g.sensitivity_region.as_deref(), Some("ghost"), "an id that names no region is kept");
    let texas = &d.scenario.regions[0];
    assert_eq!((texas.levy_usd_per_kwh, texas.downtime_months), (0.002, 0.0));
    let text = d.problems.join("\n");
    for expected in [
        "Network difficulty: Network difficulty must be a number from 1 to 2000 T; 0 is outside that range. Using 150 instead.",
        "Difficulty growth: Difficulty growth must be a number from -20 to 20 %/month; -30 is outside that range. Using 2 instead.",
        "Hashprice mode: \u{201c}sideways\u{201d} is neither direct nor market. Using direct instead.",
        "Origin region: \u{201c}Bad*Id\u{201d} is not a region id. Using kazakhstan instead.",
        "Projection start: \u{201c}2026-13\u{201d} is not a month from 2000-01 to 2200-12. Using 2026-12 instead.",
        "Halving month: \u{201c}2040-01\u{201d} is not a month from the projection's start (2026-12) to ten years after it. Using 2028-04 instead.",
        "Texas (ERCOT), seasonal downtime: Seasonal downtime must be a number from 0 to 12 months/year; 13 is outside that range. Using 0 instead.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert_eq!(d.problems.len(), 7, "{text}");
    // A machine whose efficiency does not match becomes custom, and the link says so.
    let d =
        decode_link(&signed("2~50~19~1.1~2~300~100000~150~3.125~0.03~2~0~20~market~s21~~2030-01~2030-01~")).unwrap();
    assert_eq!(d.scenario.globals.hardware, Hardware::Custom);
    assert_eq!(d.scenario.globals.efficiency_j_per_th, 19.0);
    assert_eq!(d.scenario.globals.origin_region, None);
    assert_eq!(d.scenario.globals.hashprice_mode, HashpriceMode::Market);
    assert_eq!(d.scenario.regions, vec![]);
    assert_eq!(d.problems, ["Hardware: the Antminer S21 runs at 17.5 J/TH, not 19 J/TH. Using custom instead."]);
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
        .replace("\"halving_month\": \"2028-04\"", "\"halving_month\": \"2026-01\"")
        .replace("\"origin_region\": \"kazakhstan\"", "\"origin_region\": \"no such id!\"")
        .replace("\"tax_pct\": 25", "\"tax_pct\": 101")
        .replace("\"subsidy_btc\": 3.125,", "");
    let problems = from_json(&text).unwrap_err();
    let all = problems.join("\n");
    for expected in [
        "globals.hashprice_mode: expected a string; found a number.",
        "Halving month: \u{201c}2026-01\u{201d} is not a month from the projection's start (2026-12) to ten years after it.",
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
        "\"btc_price_usd\": 100000",
        "\"difficulty_t\": 150",
        "\"unit_price_usd_per_th\": 20",
        "\"hardware\": \"s19-xp\"",
        "\"origin_region\": null",
        "\"start_month\": \"2026-12\"",
        "\"sensitivity_region\": null",
        "\"levy_usd_per_kwh\": 0.002",
        "\"move_days\": 90",
    ] {
        assert!(json.contains(key), "{key} missing in {json}");
    }
    assert_eq!(from_json(&json).unwrap(), s);
}
