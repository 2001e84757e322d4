//! The field declarations: every declared field round-trips through the link, the JSON file and the sites CSV.

use sitecost::model::codec::{decode_link, encode_link, from_json, to_json};
use sitecost::model::sites::{export, preview};
use sitecost::model::*;

/// A value of the field's range that no default or seed holds and whose text is exact.
fn odd_value(spec: &FieldSpec) -> f64 {
    spec.min + (spec.max - spec.min) * 0.371
}

#[test]
fn every_global_field_round_trips_through_the_link_and_the_file_by_its_declaration() {
    for field in GlobalField::ALL {
        let spec = field.spec();
        let mut s = Scenario::default();
        s.apply(&Action::SetGlobal(field, odd_value(spec))).unwrap();
        assert_ne!(s, Scenario::default(), "{field:?} changed the scenario");
        let link = decode_link(&encode_link(&s)).unwrap();
        assert_eq!((link.scenario.globals.value(field), link.problems), (odd_value(spec), vec![]), "{field:?} link");
        let json = to_json(&s);
        assert!(json.contains(&format!("\"{}\": {}", spec.name, serde_json::json!(odd_value(spec)))), "{json}");
        assert_eq!(from_json(&json).unwrap().globals.value(field), odd_value(spec), "{field:?} file");
    }
}

#[test]
fn every_region_field_round_trips_through_the_link_the_file_and_the_sites_csv() {
    for field in RegionField::ALL {
        let spec = field.spec();
        let mut s = Scenario::default();
        s.apply(&Action::SetRegion(1, field, odd_value(spec))).unwrap();
        let link = decode_link(&encode_link(&s)).unwrap();
        assert_eq!((link.scenario.regions[1].value(field), link.problems), (odd_value(spec), vec![]), "{field:?}");
        let json = to_json(&s);
        assert!(json.contains(&format!("\"{}\": {}", spec.name, serde_json::json!(odd_value(spec)))), "{json}");
        assert_eq!(from_json(&json).unwrap().regions[1].value(field), odd_value(spec), "{field:?} file");
        let csv = export(&s.regions[1..2]);
        assert!(csv.lines().next().unwrap().split(',').any(|c| c == spec.name), "{field:?} has a CSV column");
        let site = preview(&csv, []).good().remove(0);
        assert!(site.values.contains(&(field, odd_value(spec))), "{field:?} CSV: {:?}", site.values);
    }
}

#[test]
fn declarations_are_complete_and_consistent() {
    let globals = GlobalField::ALL.map(|f| f.spec());
    let regions = RegionField::ALL.map(|f| f.spec());
    let all: Vec<&FieldSpec> = globals.iter().chain(&regions).copied().collect();
    for spec in &all {
        assert!(spec.min < spec.max && spec.step > 0.0, "{} has a range", spec.key);
        assert!((spec.min..=spec.max).contains(&spec.default), "{}'s default is in range", spec.key);
        assert!(spec.since >= 1 && spec.since <= sitecost::model::codec::LINK_VERSION, "{}", spec.key);
        assert!(!spec.label.is_empty() && !spec.unit.is_empty(), "{} is labelled with its unit", spec.key);
        assert!(crate::dated_or_assumed(spec.source), "{}'s default needs a dated source: {}", spec.key, spec.source);
    }
    // Keys are DOM ids, names are file keys and CSV columns: each is used once.
    for key in [|s: &&FieldSpec| s.key, |s: &&FieldSpec| s.name] {
        let mut seen: Vec<&str> = all.iter().map(key).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), all.len());
    }
    // Every regional field's seed value and its citation are in the seed file.
    let header = sitecost::model::csv::parse(sitecost::model::region::SEED_CSV).unwrap().remove(0).fields;
    for field in RegionField::ALL {
        assert!(header.iter().any(|h| h == field.spec().name), "regions.csv has {}", field.spec().name);
        let source = sitecost::model::region::seed_source_column(field);
        assert!(header.contains(&source), "regions.csv has {source}");
    }
}

#[test]
fn page_keys_jump_a_tenth_of_the_range_on_the_step_and_stop_at_the_ends() {
    let hashprice = GlobalField::Hashprice.spec();
    assert_eq!((hashprice.min, hashprice.max, hashprice.step), (0.0, 150.0, 0.01));
    assert_eq!(hashprice.keyed(39.83, "PageUp"), Some(54.83));
    assert_eq!(hashprice.keyed(39.83, "PageDown"), Some(24.83));
    assert_eq!(hashprice.keyed(140.0, "PageUp"), Some(150.0));
    assert_eq!(hashprice.keyed(3.0, "PageDown"), Some(0.0));
    assert_eq!(hashprice.keyed(39.83, "Home"), Some(0.0));
    assert_eq!(hashprice.keyed(39.83, "End"), Some(150.0));
    assert_eq!(hashprice.keyed(39.83, "ArrowUp"), None, "arrows keep the browser's step");
    let price = RegionField::Price.spec();
    assert_eq!((price.min, price.max, price.step), (0.0, 0.2, 0.001));
    assert_eq!(price.keyed(0.041, "PageUp"), Some(0.061), "0.02 up, shown without float noise");
    for field in GlobalField::ALL.iter().map(|f| f.spec()).chain(RegionField::ALL.iter().map(|f| f.spec())) {
        for key in ["PageUp", "PageDown", "Home", "End"] {
            let v = field.keyed(field.default, key).unwrap();
            assert!(field.check(v).is_ok(), "{} {key}: {v}", field.key);
        }
    }
}

#[test]
fn a_fields_decimals_are_the_fewest_that_write_its_step_exactly() {
    let specs = GlobalField::ALL.into_iter().map(|f| f.spec()).chain(RegionField::ALL.into_iter().map(|f| f.spec()));
    for spec in specs {
        let d = spec.decimals();
        let written = |d: usize| format!("{:.*}", d, spec.step).parse::<f64>().unwrap();
        assert_eq!(written(d), spec.step, "{}: {d} decimals", spec.name);
        assert!(d == 0 || written(d - 1) != spec.step, "{}: {d} decimals is one too many", spec.name);
    }
    assert_eq!(GlobalField::Hashprice.spec().decimals(), 2);
    assert_eq!(RegionField::Price.spec().decimals(), 3);
}
