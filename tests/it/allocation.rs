//! Allocation: worked examples, and optimality against brute force on many small cases.

use sitecost::model::allocation::{allocate, Allocation};

fn mws(a: &[Allocation]) -> Vec<f64> {
    a.iter().map(|x| x.mw).collect()
}

#[test]
fn fills_best_margin_first_up_to_caps() {
    // Margins 100, 300, 200; caps 50, 40, 100; fleet 120: 40 to the best, 80 to the next.
    let a = allocate(120.0, &[100.0, 300.0, 200.0], &[50.0, 40.0, 100.0]);
    assert_eq!(mws(&a), vec![0.0, 40.0, 80.0]);
    assert_eq!(a.iter().map(|x| x.cap_binds).collect::<Vec<_>>(), vec![false, true, false]);
}

#[test]
fn never_places_fleet_where_margin_is_not_positive() {
    let a = allocate(500.0, &[-5.0, 0.0, 10.0], &[100.0, 100.0, 100.0]);
    assert_eq!(mws(&a), vec![0.0, 0.0, 100.0]);
    assert!(a[2].cap_binds, "400 MW were left when the only profitable region filled up");
}

#[test]
fn ties_keep_region_order_and_fractions_are_exact() {
    let a = allocate(150.5, &[7.0, 7.0, 7.0], &[100.0, 100.0, 100.0]);
    assert_eq!(mws(&a), vec![100.0, 50.5, 0.0]);
}

#[test]
fn a_cap_that_exactly_fits_the_fleet_does_not_bind() {
    let a = allocate(100.0, &[5.0, 4.0], &[100.0, 100.0]);
    assert_eq!(mws(&a), vec![100.0, 0.0]);
    assert!(!a[0].cap_binds);
}

#[test]
fn zero_fleet_places_nothing() {
    let a = allocate(0.0, &[5.0], &[100.0]);
    assert_eq!(a, vec![Allocation { mw: 0.0, cap_binds: false }]);
}

/// The best objective over every integer allocation. With integer caps and fleet the linear
/// program's optimum is integral (its constraint matrix is totally unimodular), so integers suffice.
fn brute_force(fleet: i64, margins: &[f64], caps: &[i64]) -> f64 {
    fn go(i: usize, left: i64, margins: &[f64], caps: &[i64]) -> f64 {
        if i == margins.len() {
            return 0.0;
        }
        (0..=caps[i].min(left))
            .map(|x| x as f64 * margins[i] + go(i + 1, left - x, margins, caps))
            .fold(f64::MIN, f64::max)
    }
    go(0, fleet, margins, caps)
}

#[test]
fn greedy_matches_brute_force_on_small_cases() {
    // A fixed linear congruential generator: the same 3 000 cases on every run.
    let mut seed: u64 = 0x5eed;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for case in 0..3000 {
        let n = 1 + next(4) as usize;
        // Small margins from −3 to 6 make ties, zeros and losses common.
        let margins: Vec<f64> = (0..n).map(|_| next(10) as f64 - 3.0).collect();
        let caps: Vec<i64> = (0..n).map(|_| next(6) as i64).collect();
        let fleet = next(13) as i64;
        let caps_f: Vec<f64> = caps.iter().map(|&c| c as f64).collect();
        let a = allocate(fleet as f64, &margins, &caps_f);
        let objective: f64 = a.iter().zip(&margins).map(|(x, m)| x.mw * m).sum();
        let best = brute_force(fleet, &margins, &caps);
        assert_eq!(objective, best, "case {case}: margins {margins:?}, caps {caps:?}, fleet {fleet}, got {a:?}");
        let placed: f64 = a.iter().map(|x| x.mw).sum();
        assert!(placed <= fleet as f64, "case {case}: placed more than the fleet");
        for (i, x) in a.iter().enumerate() {
            assert!(x.mw >= 0.0 && x.mw <= caps_f[i], "case {case}: region {i} outside its cap");
            assert!(x.mw == 0.0 || margins[i] > 0.0, "case {case}: fleet placed at a margin ≤ 0");
        }
    }
}
