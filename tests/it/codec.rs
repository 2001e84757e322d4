//! Scenario codecs: links and JSON files round-trip exactly, and damaged input is an error, never a panic.

use proptest::prelude::*;
use sitecost::model::codec::{decode_link, encode_link, from_json, to_json};
use sitecost::model::FieldSpec;
use sitecost::model::*;

use crate::link::signed;

/// Fractions of a range, one per field: each field's value is placed anywhere in its declared
/// range, its ends included.
fn fractions(count: usize) -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec(prop_oneof![1 => Just(0.0), 1 => Just(1.0), 8 => 0.0..=1.0f64], count)
}

/// The value at `t` (0 to 1) of a field's range.
fn in_range(spec: &FieldSpec, t: f64) -> f64 {
    spec.min + t * (spec.max - spec.min)
}

/// A region id for a global choice: none, one of the regions (by position, modulo their
/// number), or an id that names no region (a removed origin is kept by id).
fn id_choice() -> impl Strategy<Value = Option<Result<usize, String>>> {
    proptest::option::of(prop_oneof![any::<usize>().prop_map(Ok), "gone-[a-z0-9]{1,8}".prop_map(Err)])
}

/// Any scenario the page can hold: every declared global and regional field anywhere in its
/// range, some seeds kept (sometimes renamed), some sites added, and every choice.
pub fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    let choices =
        (any::<bool>(), 0..Hardware::ALL.len(), id_choice(), (2000..=2190i32, 1..=12u8), 0..=120i64, id_choice());
    let seed = (any::<bool>(), proptest::option::of("[A-Za-z ~*%é🚀]{1,20}"), fractions(RegionField::COUNT));
    let site = ("[A-Za-z0-9 ,~*%\"<>é🚀]{1,30}", "[a-z ~*%]{0,12}", fractions(RegionField::COUNT));
    (fractions(GlobalField::COUNT), choices, proptest::collection::vec(seed, 6), proptest::collection::vec(site, 0..6))
        .prop_map(|(globals, c, seeds, sites)| {
            let mut s = Scenario::default();
            for (field, t) in GlobalField::ALL.into_iter().zip(globals) {
                s.apply(&Action::SetGlobal(field, in_range(field.spec(), t))).unwrap();
            }
            // Keep some seeds, with new values and sometimes a new name.
            let mut kept = Vec::new();
            for (region, (keep, name, values)) in s.regions.iter().zip(seeds) {
                if keep {
                    let mut r = region.clone();
                    for (field, t) in RegionField::ALL.into_iter().zip(values) {
                        r.values.set(field, in_range(field.spec(), t));
                    }
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
                .map(|(i, (name, note, values))| NewSite {
                    name: format!("{} #{i}", name.trim()),
                    note,
                    values: RegionField::ALL.into_iter().zip(values).map(|(f, t)| (f, in_range(f.spec(), t))).collect(),
                })
                .collect();
            s.apply(&Action::AddSites(new)).unwrap();
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
        })
}

proptest! {
    #[test]
    fn every_scenario_round_trips_through_a_link(s in scenario_strategy()) {
        let link = encode_link(&s);
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~*%".contains(&b)), "{}", link);
        let decoded = decode_link(&link).unwrap();
        prop_assert_eq!(decoded.problems, Vec::new());
        prop_assert_eq!(decoded.scenario, s);
    }

    #[test]
    fn every_scenario_round_trips_through_json(s in scenario_strategy()) {
        prop_assert_eq!(from_json(&to_json(&s)).unwrap(), s);
    }

    #[test]
    fn a_damaged_json_file_is_refused_or_read_never_a_panic(
        s in scenario_strategy(),
        damage in proptest::collection::vec((any::<prop::sample::Index>(), damage_strategy()), 1..4),
    ) {
        let mut text = to_json(&s);
        for (at, d) in &damage {
            text = d.apply(&text, at.index(text.len().max(1)));
        }
        // Either every problem is named, or the file still reads as a scenario the page can hold.
        match from_json(&text) {
            Err(problems) => prop_assert!(!problems.is_empty() && problems.iter().all(|p| !p.is_empty())),
            Ok(read) => prop_assert_eq!(from_json(&to_json(&read)).unwrap(), read),
        }
    }

    #[test]
    fn a_damaged_link_is_refused_or_decoded_with_defaults_never_a_panic(
        s in scenario_strategy(),
        damage in proptest::collection::vec((any::<prop::sample::Index>(), damage_strategy()), 1..4),
    ) {
        let link = encode_link(&s);
        let (body, _) = link.rsplit_once('~').unwrap();
        let mut damaged = body.to_string();
        for (at, d) in &damage {
            damaged = d.apply(&damaged, at.index(damaged.len().max(1)));
        }
        // Signed again, so that the damage reaches the decoder's checks behind the checksum.
        match decode_link(&signed(&damaged)) {
            Err(why) => prop_assert!(why.starts_with("The link")),
            Ok(d) => {
                for p in &d.problems {
                    prop_assert!(p.with_fallback().ends_with(" instead.") || p.with_fallback().ends_with("Left out."));
                }
                prop_assert_eq!(decode_link(&encode_link(&d.scenario)).unwrap().scenario, d.scenario);
            }
        }
    }
}

/// One way to damage a valid scenario text at a byte position.
#[derive(Clone, Debug)]
enum Damage {
    /// Cut the text there.
    Truncate,
    /// Flip one bit of the byte there.
    Flip(u8),
    /// Copy the `"key": value` member that holds that position after itself (a duplicate key).
    Duplicate,
    /// Put a value of another type (or a huge or odd number) in place of the number or string there.
    Replace(&'static str),
}

fn damage_strategy() -> impl Strategy<Value = Damage> {
    prop_oneof![
        Just(Damage::Truncate),
        (0u8..8).prop_map(Damage::Flip),
        Just(Damage::Duplicate),
        prop::sample::select(vec![
            "null",
            "true",
            "\"x\"",
            "[]",
            "{}",
            "1e308",
            "-1e308",
            "1e999",
            "18446744073709551617",
            "-0",
            "0.1e-320",
            "NaN",
            "~",
            "*",
            "%zz",
        ])
        .prop_map(Damage::Replace),
    ]
}

impl Damage {
    fn apply(&self, text: &str, at: usize) -> String {
        // Work on a char boundary so the text stays a string, as a file read as text would.
        let at = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        match self {
            Damage::Truncate => text[..at].to_string(),
            Damage::Flip(bit) => {
                let mut bytes = text.as_bytes().to_vec();
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << bit;
                }
                String::from_utf8_lossy(&bytes).into_owned()
            }
            Damage::Duplicate => {
                let start = text[..at].rfind(['\n', '~']).map_or(0, |i| i + 1);
                let end = text[at..].find(['\n', '~']).map_or(text.len(), |i| at + i);
                format!(
                    "{}{}{}",
                    &text[..end],
                    if text[start..end].ends_with(',') { "\n" } else { ",\n" },
                    &text[start..]
                )
            }
            Damage::Replace(with) => {
                // The token around `at`: a run of characters that are not JSON or link punctuation.
                let is_token = |c: char| !matches!(c, ',' | ':' | '{' | '}' | '[' | ']' | '~' | '*' | '\n');
                let start = text[..at].rfind(|c| !is_token(c)).map_or(0, |i| i + 1);
                let end = text[at..].find(|c| !is_token(c)).map_or(text.len(), |i| at + i);
                format!("{}{with}{}", &text[..start], &text[end..])
            }
        }
    }
}

#[test]
fn every_truncation_and_every_changed_byte_is_an_error() {
    let mut s = Scenario::default();
    s.apply(&Action::AddSites(vec![NewSite {
        name: "Paraguay, hydro 🚀".into(),
        note: "broker".into(),
        values: vec![(RegionField::Price, 0.031), (RegionField::Cap, 80.0), (RegionField::Uptime, 98.0)],
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
    assert!(decode_link(&signed("6~50~21.5~1.1~2~300")).unwrap_err().contains("version \u{201c}6\u{201d}"));
    assert!(decode_link(&signed("5~50~21.5~1.1~2~300")).unwrap_err().contains("lacks"), "v5 has 16 numbers");
    assert!(decode_link(&signed("4~50~21.5~1.1~2~300")).unwrap_err().contains("lacks"), "v4 has 16 numbers");
    assert!(decode_link(&signed("3~50~21.5~1.1~2~300")).unwrap_err().contains("lacks"), "v3 has 16 numbers");
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
    assert_eq!((g.values.hashprice_usd_per_ph_day, g.values.efficiency_j_per_th, g.values.pue), (39.83, 21.5, 1.1));
    let texas = &d.scenario.regions[0].values;
    assert_eq!(
        (texas.price_usd_per_kwh, texas.cap_mw, texas.uptime_pct),
        (0.07, 500.0, 97.0),
        "cap falls back to Texas's default"
    );
    assert_eq!(d.scenario.regions.len(), 2, "the bad id and the unnamed new region are left out");
    let text = d.problems.iter().map(|p| p.with_fallback()).collect::<Vec<_>>().join("\n");
    for expected in [
        "Hashprice: Hashprice must be a number from 0 to 150 USD/PH/day; 999 is outside that range. Using 39.83 instead.",
        "PUE (overhead): PUE (overhead) must be a number from 1 to 2 \u{d7}; 0 is outside that range. Using 1.1 instead.",
        "Texas (ERCOT), capacity cap: Capacity cap must be a number; \u{201c}abc\u{201d} is not a number. Using 500 instead.",
        "Region 3 (bad%id): the id is not valid or is used twice. Left out.",
        "Region 4 (mars): a region that is not a seed needs a name. Left out.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn bad_json_files_are_refused_with_every_problem_named() {
    assert!(from_json("not json").unwrap_err()[0].starts_with("The file is not JSON"));
    assert!(from_json("{}").unwrap_err()[0].contains("not a sitecost scenario"));
    assert!(from_json(r#"{"schema":"sitecost-scenario","version":6}"#).unwrap_err()[0].contains("version 6"));
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
fn a_file_of_the_first_json_names_still_opens() {
    // Files saved before the power price was named as in the CSV call it `power_usd_per_kwh`.
    let mut s = Scenario::default();
    s.apply(&Action::SetRegion(1, RegionField::Price, 0.0432)).unwrap();
    let text = to_json(&s);
    assert!(text.contains("\"price_usd_per_kwh\": 0.0432"), "{text}");
    let old = text.replace("\"price_usd_per_kwh\"", "\"power_usd_per_kwh\"");
    assert_eq!(from_json(&old).unwrap(), s);
}

#[test]
fn json_reads_escapes_and_refuses_deep_nesting() {
    let mut s = Scenario::default();
    s.apply(&Action::SetNote(0, "a\"\\/\né🚀".into())).unwrap();
    let text = to_json(&s).replace("\"note\": \"a\\\"", "\"note\": \"a\\u0022");
    assert_eq!(&*from_json(&text).unwrap().regions[0].note, "a\"\\/\né🚀");
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(from_json(&deep).unwrap_err()[0].starts_with("The file is not JSON: recursion limit exceeded"));
    assert!(from_json("[1,]").unwrap_err()[0].starts_with("The file is not JSON"));
    let huge = to_json(&Scenario::default()).replace("\"pue\": 1.1", "\"pue\": 1e999");
    assert!(from_json(&huge).unwrap_err()[0].starts_with("The file is not JSON"), "a number beyond f64 is refused");
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
