//! `report_after` reuses parts of the previous report: it must equal a report made from scratch after any action.

use std::rc::Rc;

use proptest::prelude::*;
use sitecost::model::{report, report_after, Action, GlobalField, RegionField, Scenario};

/// A year of hourly prices with a calendar month each: a daily wave, a summer peak, spikes and
/// some negative hours, different per `seed`.
fn year(seed: usize) -> Vec<(Option<u8>, f64)> {
    (0..8_760)
        .map(|h| {
            let (day, hour) = (h / 24, h % 24);
            let month = (day * 12 / 365 + 1) as u8;
            let wave = 0.01 * ((hour as f64 + seed as f64) / 24.0 * std::f64::consts::TAU).sin();
            let summer = if (6..=8).contains(&month) { 0.02 } else { 0.0 };
            let spike = if (h * 7 + seed).is_multiple_of(97) {
                1.5
            } else if (h + seed).is_multiple_of(211) {
                -0.01
            } else {
                0.0
            };
            (Some(month), 0.035 + wave + summer + spike)
        })
        .collect()
}

/// The seed regions, Texas with its ERCOT year and Wyoming with a synthetic one.
fn start() -> Scenario {
    let mut s = Scenario::default();
    s.apply(&Action::SetPriceProfile("wyoming".into(), year(3))).unwrap();
    s
}

/// An action from three numbers: which kind, which field or region, and where in its range.
fn action(s: &Scenario, kind: u8, which: usize, t: f64) -> Action {
    let region = which % s.regions.len().max(1);
    let id = s.regions.get(region).map(|r| r.id.to_string()).unwrap_or_default();
    let within = |min: f64, max: f64| min + t * (max - min);
    match kind % 9 {
        0 => {
            let field = GlobalField::ALL[which % GlobalField::COUNT];
            Action::SetGlobal(field, within(field.spec().min, field.spec().max))
        }
        1 | 2 => {
            let field = RegionField::ALL[which % RegionField::COUNT];
            Action::SetRegion(region, field, within(field.spec().min, field.spec().max))
        }
        3 => Action::SetGlobal(GlobalField::Hashprice, within(0.0, 150.0)),
        4 => Action::SetSensitivityRegion(Some(id)),
        5 => Action::SetOrigin(Some(id)),
        6 => Action::MoveRegion(region, (which / 7) % s.regions.len().max(1)),
        7 => {
            if t < 0.5 {
                Action::ClearPriceProfile(id)
            } else {
                Action::SetPriceProfile(id, year(which))
            }
        }
        _ => {
            if t < 0.5 {
                Action::RemoveRegion(region)
            } else {
                Action::DuplicateRegion(region)
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_report_after_any_actions_equals_one_made_from_scratch(
        steps in proptest::collection::vec((any::<u8>(), any::<usize>(), 0.0..=1.0f64), 1..12)
    ) {
        let mut s = start();
        let mut previous = report(&s);
        for (kind, which, t) in steps {
            let a = action(&s, kind, which, t);
            if s.apply(&a).is_err() {
                continue;
            }
            let after = report_after(&previous, &s);
            prop_assert!(after == report(&s), "after {a:?}");
            previous = after;
        }
    }
}

#[test]
fn a_hashprice_or_price_move_reuses_the_sensitivity_cells_and_the_margin_lines() {
    let mut s = start();
    let before = report(&s);
    s.apply(&Action::SetGlobal(GlobalField::Hashprice, 55.0)).unwrap();
    let after = report_after(&before, &s);
    let cells = |r: &sitecost::model::Report| r.sensitivity.as_ref().unwrap().margins_usd_per_mw_day.clone();
    assert!(Rc::ptr_eq(&cells(&before), &cells(&after)), "the map's cells are the same cells");
    assert_ne!(before.sensitivity.as_ref().unwrap().current, after.sensitivity.as_ref().unwrap().current);
    for (b, a) in before.rows.iter().zip(&after.rows) {
        assert!(Rc::ptr_eq(&b.margin_line, &a.margin_line), "{}'s line is the same line", a.id);
    }

    // A region's price moves its own line only; the efficiency moves every line and the cells.
    let wyoming = s.index_of("wyoming").unwrap();
    s.apply(&Action::SetRegion(wyoming, RegionField::Price, 0.05)).unwrap();
    let moved = report_after(&after, &s);
    for (i, (a, m)) in after.rows.iter().zip(&moved.rows).enumerate() {
        assert_eq!(Rc::ptr_eq(&a.margin_line, &m.margin_line), i != wyoming, "{}", m.id);
    }
    s.apply(&Action::SetGlobal(GlobalField::Efficiency, 20.0)).unwrap();
    let slower = report_after(&moved, &s);
    assert!(!Rc::ptr_eq(&cells(&moved), &cells(&slower)));
    assert!(slower.rows.iter().zip(&moved.rows).all(|(a, b)| !Rc::ptr_eq(&a.margin_line, &b.margin_line)));
    assert!(slower == report(&s));
}
