//! Scenario codecs: links and JSON files round-trip exactly, and damaged input is an error, never a panic.

use proptest::prelude::*;
use sitecost::model::codec::{decode_link, encode_link, from_json, to_json};
use sitecost::model::json;
use sitecost::model::*;

use crate::link::signed;

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
