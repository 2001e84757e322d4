//! Duration curves and price profiles: gain, mined share and threshold against hand-worked numbers and a plain loop.

use sitecost::model::formulas::{
    break_even_usd_per_kwh, break_even_usd_per_ph_day, hashrate_ph_s_per_mw, margin_usd_per_mw_day,
    revenue_usd_per_mw_day, SiteCosts, DAYS_PER_MONTH, KWH_PER_MW_DAY,
};
use sitecost::model::profile::{texas_seed_profile, DurationCurve, Mined, PriceProfile, TEXAS_SEED_SOURCE};

fn close(actual: f64, expected: f64) {
    let tol = 1e-12 * expected.abs().max(1.0);
    assert!((actual - expected).abs() <= tol, "got {actual}, expected {expected}");
}

fn curve(prices_usd_per_kwh: &[f64]) -> DurationCurve {
    DurationCurve::from_prices(prices_usd_per_kwh).expect("a valid curve")
}

#[test]
fn a_curve_sorts_its_prices_and_knows_its_mean() {
    let c = curve(&[0.10, 0.01, 0.05, 0.02]);
    assert_eq!(c.len(), 4);
    assert_eq!(c.sorted_usd_per_kwh(), &[0.01, 0.02, 0.05, 0.10]);
    close(c.mean_usd_per_kwh(), 0.18 / 4.0);
    assert_eq!((c.min(), c.max()), (0.01, 0.10));
    assert_eq!(DurationCurve::from_prices(&[]), None);
    assert_eq!(DurationCurve::from_prices(&[0.01, f64::NAN]), None);
    assert_eq!(DurationCurve::from_prices(&[f64::INFINITY]), None);
}

#[test]
fn gain_and_mined_on_four_prices_by_hand() {
    // Prices 0.01, 0.02, 0.05, 0.10 USD/kWh. Each row: threshold t, shift s, gain, share, mean price paid.
    let c = curve(&[0.01, 0.02, 0.05, 0.10]);
    let table: [(f64, f64, f64, f64, Option<f64>); 7] = [
        // t = 0.03: 0.01 and 0.02 mined, gain (0.02 + 0.01) / 4.
        (0.03, 0.0, 0.0075, 0.5, Some(0.015)),
        // t = 0.06: three mined, gain (0.05 + 0.04 + 0.01) / 4, paid (0.01 + 0.02 + 0.05) / 3.
        (0.06, 0.0, 0.025, 0.75, Some(0.08 / 3.0)),
        // Shift −0.02: prices −0.01, 0.00, 0.03, 0.08; 0.03 is not below 0.03. Gain (0.04 + 0.03) / 4.
        (0.03, -0.02, 0.0175, 0.5, Some(-0.005)),
        // Shift −0.03: prices −0.02, −0.01, 0.02, 0.07, t = 0: the negative hours earn. Gain (0.02 + 0.01) / 4.
        (0.0, -0.03, 0.0075, 0.5, Some(-0.015)),
        // Everything mined: t − mean = 0.2 − 0.045.
        (0.2, 0.0, 0.155, 1.0, Some(0.045)),
        // A threshold equal to the lowest price mines nothing.
        (0.01, 0.0, 0.0, 0.0, None),
        // Shift +0.05: prices 0.06 .. 0.15, t = 0.065 mines only the first.
        (0.065, 0.05, 0.005 / 4.0, 0.25, Some(0.06)),
    ];
    for (t, s, gain, share, mean) in table {
        close(c.gain_usd_per_kwh(t, s), gain);
        let Mined { share: got_share, mean_price_usd_per_kwh } = c.mined(t, s);
        close(got_share, share);
        match (mean_price_usd_per_kwh, mean) {
            (Some(got), Some(expected)) => close(got, expected),
            (got, expected) => assert_eq!(got, expected, "t = {t}, s = {s}"),
        }
    }
}

#[test]
fn threshold_for_gain_on_four_prices_by_hand() {
    let c = curve(&[0.01, 0.02, 0.05, 0.10]);
    // (gain, shift, threshold): the inverse of the rows above.
    let table = [
        (0.0075, 0.0, 0.03),
        (0.025, 0.0, 0.06),
        // Exactly at the kink of 0.05 shifted to 0.03.
        (0.0175, -0.02, 0.03),
        (0.0075, -0.03, 0.0),
        // Past the highest price the gain rises one for one: t = mean + gain.
        (0.155, 0.0, 0.2),
        (1.0, 0.0, 1.045),
        // A gain of zero: the lowest price plus the shift.
        (0.0, 0.0, 0.01),
        (0.0, -0.03, -0.02),
        (-1.0, 0.0, 0.01),
    ];
    for (gain, s, t) in table {
        close(c.threshold_for_gain(gain, s), t);
    }
}

#[test]
fn a_flat_curve_reproduces_the_flat_all_in_formulas() {
    // One price p: gain = max(t − p, 0), so the margin is u × 24 000 × gain(R / 24 000 − L) − O / D.
    let (e, pue, fee) = (17.5, 1.1, 0.02);
    for (p, levy, u, opex, hp) in [
        (0.05, 0.0, 1.0, 0.0, 45.0),
        (0.05, 0.004, 0.95, 2_000.0, 45.0),
        (0.08, 0.01, 0.9, 5_000.0, 30.0),
        (-0.01, 0.0, 0.98, 1_000.0, 40.0),
        (0.02, 0.002, 0.5, 3_000.0, 60.0),
    ] {
        let flat = curve(&[p]);
        let site = SiteCosts::flat(p, levy, u, opex);
        let r = revenue_usd_per_mw_day(hp, e, pue, fee);
        let threshold = r / KWH_PER_MW_DAY - levy;
        close(flat.gain_usd_per_kwh(threshold, 0.0), (threshold - p).max(0.0));
        let opex_per_day = opex / DAYS_PER_MONTH;
        let margin = u * KWH_PER_MW_DAY * flat.gain_usd_per_kwh(threshold, 0.0) - opex_per_day;
        close(margin, margin_usd_per_mw_day(r, &site));
        // Break-evens: the threshold that earns the opex, gain = O / D / (24 000 × u).
        let needed = opex_per_day / (KWH_PER_MW_DAY * u);
        let t_star = flat.threshold_for_gain(needed, 0.0);
        close(t_star, p + needed);
        let hp_star = (t_star + levy) * KWH_PER_MW_DAY / (hashrate_ph_s_per_mw(e, pue) * (1.0 - fee));
        close(hp_star, break_even_usd_per_ph_day(e, pue, fee, &site).unwrap());
        // The break-even mean price at this hashprice: the shift that leaves exactly `needed`.
        let p_star = threshold - needed;
        let shift = p_star - p;
        close(flat.threshold_for_gain(needed, shift), threshold);
        close(p_star, break_even_usd_per_kwh(r, &site).unwrap());
    }
}

#[test]
fn the_issues_hand_worked_profile() {
    // 8 000 h at $0.03 and 760 h at $0.50; 17.5 J/TH, PUE 1, no fee, levy, opex, uptime 100 %.
    // HP = 33.6: R = 1000 / 17.5 × 33.6 = 1 920 USD/MW-day, threshold 1 920 / 24 000 = 0.08 USD/kWh.
    let mut prices = vec![0.03; 8_000];
    prices.extend(std::iter::repeat_n(0.50, 760));
    let c = curve(&prices);
    let r = revenue_usd_per_mw_day(33.6, 17.5, 1.0, 0.0);
    close(r, 1_920.0);
    let margin = KWH_PER_MW_DAY * c.gain_usd_per_kwh(r / KWH_PER_MW_DAY, 0.0);
    // Mines 8 000 of 8 760 hours and earns 1 920 − 24 000 × 0.03 = 1 200 in each.
    close(margin, 8_000.0 / 8_760.0 * (1_920.0 - 720.0));
    let mined = c.mined(r / KWH_PER_MW_DAY, 0.0);
    close(mined.share, 8_000.0 / 8_760.0);
    close(mined.mean_price_usd_per_kwh.unwrap(), 0.03);
    // The flat mean price, (8 000 × 0.03 + 760 × 0.5) / 8 760 ≈ 0.0708, is not below 0.08 by enough:
    // a flat site would earn 1 920 − 24 000 × 0.0708 ≈ 221, less than the flexible 1 096.
    let flat_margin = 1_920.0 - KWH_PER_MW_DAY * c.mean_usd_per_kwh();
    close(c.mean_usd_per_kwh(), (8_000.0 * 0.03 + 760.0 * 0.5) / 8_760.0);
    assert!(flat_margin < margin / 4.0, "flat {flat_margin} against flexible {margin}");
}

/// A fixed linear congruential generator: the same cases on every run.
fn lcg(seed: u64) -> impl FnMut() -> f64 {
    let mut state = seed;
    move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random curve: 1..60 prices in −0.05..0.45 USD/kWh, every third case rounded so prices repeat.
fn random_prices(unit: &mut impl FnMut() -> f64, case: usize) -> Vec<f64> {
    let n = 1 + (unit() * 60.0) as usize;
    (0..n)
        .map(|_| {
            let p = -0.05 + 0.5 * unit();
            if case.is_multiple_of(3) {
                (p * 100.0).round() / 100.0
            } else {
                p
            }
        })
        .collect()
}

#[test]
fn gain_and_mined_agree_with_a_plain_loop_on_random_curves() {
    let mut unit = lcg(0x00c0_ffee);
    let mut partly_mined = 0;
    for case in 0..500 {
        let prices = random_prices(&mut unit, case);
        let c = curve(&prices);
        for draw in 0..20_u32 {
            let shift = -0.1 + 0.2 * unit();
            // Every fourth threshold sits exactly on a shifted price, which is not mined.
            let on_a_price = prices[(unit() * prices.len() as f64) as usize] + shift;
            let threshold = if draw.is_multiple_of(4) { on_a_price } else { -0.1 + 0.6 * unit() };
            let n = prices.len() as f64;
            let mined: Vec<f64> = prices.iter().map(|p| p + shift).filter(|&q| q < threshold).collect();
            let gain = mined.iter().map(|q| threshold - q).sum::<f64>() / n;
            assert!((c.gain_usd_per_kwh(threshold, shift) - gain).abs() < 1e-12, "case {case}");
            let got = c.mined(threshold, shift);
            assert_eq!(got.share, mined.len() as f64 / n, "case {case}");
            match got.mean_price_usd_per_kwh {
                Some(mean) => assert!((mean - mined.iter().sum::<f64>() / mined.len() as f64).abs() < 1e-12),
                None => assert!(mined.is_empty()),
            }
            partly_mined += usize::from(got.share > 0.0 && got.share < 1.0);
        }
    }
    // The thresholds land inside the curves often enough for the comparison to mean something.
    assert!(partly_mined > 3_000, "only {partly_mined} of 10 000 cases mine part of the curve");
}

#[test]
fn threshold_for_gain_inverts_gain_on_random_curves() {
    let mut unit = lcg(0x7e57);
    for case in 0..500 {
        let prices = random_prices(&mut unit, case);
        let c = curve(&prices);
        for _ in 0..20 {
            let shift = -0.1 + 0.2 * unit();
            // Gains from zero to past the highest price's kink.
            let gain = 0.3 * unit() * unit();
            let t = c.threshold_for_gain(gain, shift);
            assert!((c.gain_usd_per_kwh(t, shift) - gain).abs() < 1e-12, "case {case}: gain at t");
            // The smallest such threshold: a hair lower earns less.
            assert!(c.gain_usd_per_kwh(t - 1e-9, shift) < gain, "case {case}: t is not the smallest");
            // And the other way round, wherever the gain is rising.
            let threshold = c.min() + shift + 0.4 * unit();
            let back = c.threshold_for_gain(c.gain_usd_per_kwh(threshold, shift), shift);
            assert!((back - threshold).abs() < 1e-9, "case {case}: {back} against {threshold}");
        }
    }
}

#[test]
fn from_series_keeps_monthly_curves_only_when_every_month_is_there() {
    // Every month once, and January twice more: twelve curves, the mean weighted by interval.
    let mut rows: Vec<(Option<u8>, f64)> = (1..=12).map(|m| (Some(m), f64::from(m) / 100.0)).collect();
    rows.extend([(Some(1), 0.20), (Some(1), 0.29)]);
    let monthly = PriceProfile::from_series(&rows, "test").unwrap();
    assert!(monthly.is_monthly());
    assert_eq!(monthly.curves().len(), 12);
    assert_eq!(monthly.count(), 14);
    // (0.01 + … + 0.12 + 0.20 + 0.29) / 14 = (0.78 + 0.49) / 14.
    close(monthly.mean_usd_per_kwh(), 1.27 / 14.0);
    assert_eq!(monthly.curve_for_month(1).sorted_usd_per_kwh(), &[0.01, 0.20, 0.29]);
    assert_eq!(monthly.curve_for_month(7).sorted_usd_per_kwh(), &[0.07]);
    assert_eq!(monthly.curve_for_month(12).sorted_usd_per_kwh(), &[0.12]);
    assert_eq!(monthly.source(), "test");

    // One row without a month: one curve of every row, the same for any month.
    let mut untimed = rows.clone();
    untimed.push((None, 0.05));
    let single = PriceProfile::from_series(&untimed, "test").unwrap();
    assert!(!single.is_monthly());
    assert_eq!(single.curves().len(), 1);
    assert_eq!(single.count(), 15);
    close(single.mean_usd_per_kwh(), 1.32 / 15.0);
    assert_eq!(single.curve_for_month(3), single.curve_for_month(11));
    assert_eq!(single.curve_for_month(3).len(), 15);

    // A month with no row (no June): one curve as well.
    let no_june: Vec<_> = rows.iter().copied().filter(|&(m, _)| m != Some(6)).collect();
    assert_eq!(PriceProfile::from_series(&no_june, "test").unwrap().curves().len(), 1);
    // A month outside 1..=12 counts as no month.
    let mut odd = rows.clone();
    odd.push((Some(13), 0.05));
    assert_eq!(PriceProfile::from_series(&odd, "test").unwrap().curves().len(), 1);

    assert_eq!(PriceProfile::from_series(&[], "test"), None);
    assert_eq!(PriceProfile::from_series(&[(None, f64::NAN)], "test"), None);
    assert_eq!(PriceProfile::from_curves(vec![curve(&[0.01]), curve(&[0.02])], "test"), None);
}

#[test]
fn profiles_compare_by_content() {
    let rows: Vec<(Option<u8>, f64)> = (0..48).map(|h| (None, f64::from(h % 7) / 100.0)).collect();
    let a = PriceProfile::from_series(&rows, "test").unwrap();
    assert_eq!(a, a.clone());
    assert_eq!(a, PriceProfile::from_series(&rows, "test").unwrap());
    assert_ne!(a, PriceProfile::from_series(&rows, "other").unwrap());
    let mut changed = rows.clone();
    changed[5].1 += 0.001;
    assert_ne!(a, PriceProfile::from_series(&changed, "test").unwrap());
}

#[test]
fn texas_seed_profile_is_ercot_hb_west_2025_by_month() {
    let texas = texas_seed_profile();
    // 8 760 hours of 2025 less the fall-back hour the source merged.
    assert_eq!(texas.count(), 8_759);
    assert!(texas.is_monthly());
    let hours: Vec<usize> = texas.curves().iter().map(DurationCurve::len).collect();
    // Central time: March loses the spring-forward hour; November's repeated hour is merged away.
    assert_eq!(hours, [744, 672, 743, 720, 744, 720, 744, 744, 720, 744, 720, 744]);
    // The CSV's mean is 32.8782 USD/MWh; quantizing to $0.1/MWh moves it by 0.0002 USD/MWh.
    assert!((texas.mean_usd_per_kwh() - 0.0328782).abs() < 1e-6, "mean {}", texas.mean_usd_per_kwh());
    let all: Vec<f64> = texas.curves().iter().flat_map(|c| c.sorted_usd_per_kwh().iter().copied()).collect();
    let lowest = all.iter().copied().fold(f64::INFINITY, f64::min);
    let highest = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // −30.625 and 1 963.41 USD/MWh in the CSV, to the nearest $0.1/MWh.
    close(lowest, -0.0306);
    close(highest, 1.9634);
    // 269 of 8 759 hours above $0.10/kWh (3.071 %), as in the CSV; 625 below zero, the CSV's 637 less
    // the 12 within $0.05/MWh of zero, which round to zero.
    assert_eq!(all.iter().filter(|&&p| p > 0.10).count(), 269);
    assert_eq!(all.iter().filter(|&&p| p < 0.0).count(), 625);
    assert_eq!(texas.source(), TEXAS_SEED_SOURCE);
    assert!(texas.source().contains("HB_WEST") && texas.source().contains("2025"));
    // Parsed once: a second call shares the same prices.
    let again = texas_seed_profile();
    assert_eq!(again.curves()[6].sorted_usd_per_kwh().as_ptr(), texas.curves()[6].sorted_usd_per_kwh().as_ptr());
}
