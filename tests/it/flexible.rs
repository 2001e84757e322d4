//! Flexible load: a site with hourly prices mines only the hours that pay, against plain loops over the hours.

use sitecost::model::codec::{decode_link, encode_link, from_json, to_json};
use sitecost::model::formulas::{self, SiteCosts};
use sitecost::model::profile::{texas_seed_profile, PriceProfile};
use sitecost::model::projection::{self, FleetTerms, SiteTerms, DAYS_PER_MONTH};
use sitecost::model::*;

fn close(actual: f64, expected: f64, what: &str) {
    let tol = 1e-9 * expected.abs().max(1.0);
    assert!((actual - expected).abs() <= tol, "{what}: got {actual}, expected {expected}");
}

/// Every hour of a profile, month by month, as it was compiled.
fn hours(profile: &PriceProfile) -> Vec<f64> {
    profile.curves().iter().flat_map(|c| c.sorted_usd_per_kwh().iter().copied()).collect()
}

/// (margin per MW-day, share mined, mean price paid) by a plain loop over the hours, shifted so
/// that their mean is `mean`.
fn by_the_hour(prices: &[f64], mean: f64, revenue: f64, site: &SiteCosts) -> (f64, f64, Option<f64>) {
    let shift = mean - prices.iter().sum::<f64>() / prices.len() as f64;
    let (mut gain, mut mined, mut paid) = (0.0, 0usize, 0.0);
    for &p in prices {
        let price = p + shift;
        let margin = revenue - 24_000.0 * (price + site.levy_usd_per_kwh);
        if margin > 0.0 {
            gain += margin;
            mined += 1;
            paid += price;
        }
    }
    let n = prices.len() as f64;
    let margin = site.uptime * gain / n - site.opex_usd_per_mw_month / DAYS_PER_MONTH;
    (margin, mined as f64 / n, (mined > 0).then(|| paid / mined as f64))
}

#[test]
fn texas_mines_the_hours_that_pay_as_a_loop_over_every_hour_does() {
    let mut s = Scenario::default();
    let texas = s.regions[1].clone();
    let profile = texas.profile.clone().expect("Texas's seed profile");
    for (hashprice, mean) in [(39.83, 0.045), (25.0, 0.045), (60.0, 0.02), (39.83, 0.12)] {
        s.apply(&Action::SetGlobal(GlobalField::Hashprice, hashprice)).unwrap();
        s.apply(&Action::SetRegion(1, RegionField::Price, mean)).unwrap();
        let r = report(&s);
        let row = &r.rows[1];
        let g = &s.globals.values;
        let revenue = formulas::revenue_usd_per_mw_day(hashprice, g.efficiency_j_per_th, g.pue, g.pool_fee_pct / 100.0);
        let (margin, share, paid) = by_the_hour(&hours(&profile), mean, revenue, &s.regions[1].costs());
        close(row.margin_usd_per_mw_day, margin, &format!("margin at {hashprice}, {mean}"));
        close(row.mined_hours_pct, share * 100.0, "hours mined");
        match (row.effective_usd_per_kwh, paid) {
            (Some(a), Some(b)) => close(a, b, "price paid"),
            (a, b) => assert_eq!(a, b),
        }
        // Both break-evens give a zero margin; a flexible site pays back above the flat one's.
        let at = |p: f64| SiteCosts { price_usd_per_kwh: p, ..s.regions[1].costs() };
        let be = row.break_even_usd_per_kwh.unwrap();
        assert!(formulas::margin_usd_per_mw_day(revenue, &at(be)).abs() < 1e-6, "zero at the mean break-even");
        let be_hp = row.break_even_usd_per_ph_day.unwrap();
        let revenue_at = formulas::revenue_usd_per_mw_day(be_hp, g.efficiency_j_per_th, g.pue, g.pool_fee_pct / 100.0);
        assert!(formulas::margin_usd_per_mw_day(revenue_at, &s.regions[1].costs()).abs() < 1e-6);
        let flat = SiteCosts { profile: None, ..s.regions[1].costs() };
        assert!(be >= formulas::break_even_usd_per_kwh(revenue, &flat).unwrap() - 1e-12, "flexibility never hurts");
    }
    // A flat site mines all its hours at its own price, or none.
    let r = report(&Scenario::default());
    assert_eq!((r.rows[0].mined_hours_pct, r.rows[0].effective_usd_per_kwh), (100.0, Some(0.04)));
    assert_eq!((r.rows[2].mined_hours_pct, r.rows[2].effective_usd_per_kwh), (0.0, None), "Wyoming is off");
}

#[test]
fn each_projection_month_uses_its_own_calendar_month_of_prices() {
    let s = Scenario::default();
    let r = report(&s);
    let profile = texas_seed_profile();
    let g = &s.globals.values;
    let fleet = FleetTerms {
        hashrate_ph_s_per_mw: formulas::hashrate_ph_s_per_mw(g.efficiency_j_per_th, g.pue),
        pool_fee: g.pool_fee_pct / 100.0,
    };
    let site = SiteTerms::of(&s.regions[1], s.globals.start_month);
    // The projection starts in November 2025: month 1 is November's hours, month 3 January's.
    assert_eq!(s.globals.start_month.month, 11);
    for (month, calendar) in [(1u32, 11usize), (2, 12), (3, 1), (9, 7)] {
        let hashprice = r.hashprice_path_usd_per_ph_day[month as usize - 1];
        let cash = projection::month_cash_usd_per_mw(hashprice, &fleet, &site, month, DAYS_PER_MONTH, 0.0);
        let revenue = fleet.revenue_usd_per_mw_day(hashprice);
        let prices = profile.curves()[calendar - 1].sorted_usd_per_kwh();
        // The month's own hours, shifted like the year's: the slider's mean less the year's mean.
        let shift = s.regions[1].values.price_usd_per_kwh - profile.mean_usd_per_kwh();
        let mined: Vec<f64> = prices.iter().map(|p| p + shift).filter(|&p| 24_000.0 * p < revenue).collect();
        let days = DAYS_PER_MONTH * site.costs.uptime * mined.len() as f64 / prices.len() as f64;
        close(cash.revenue_usd, revenue * days, &format!("month {month} revenue"));
        let paid = mined.iter().sum::<f64>() / mined.len().max(1) as f64;
        close(cash.power_usd, 24_000.0 * paid * days, &format!("month {month} power"));
    }
}

#[test]
fn an_imported_profile_sets_the_mean_and_travels_exactly_in_links_and_files() {
    let mut s = Scenario::default();
    // 24 hours, timestamped in one month only, so one curve for every month: 12 hours at 2 ¢,
    // 12 at 10.0004 ¢ (kept to $0.1/MWh: 10 ¢).
    let rows: Vec<(Option<u8>, f64)> = (0..24).map(|h| (Some(7), if h < 12 { 0.02 } else { 0.100_04 })).collect();
    s.apply(&Action::SetPriceProfile("wyoming".into(), rows)).unwrap();
    let wyoming = &s.regions[2];
    let profile = wyoming.profile.clone().unwrap();
    assert!(!profile.is_monthly(), "a month missing: one curve for every month");
    assert_eq!(profile.count(), 24);
    close(wyoming.values.price_usd_per_kwh, 0.06, "the slider is the mean");
    // Half the hours are below the threshold (1 650.4 / 24 000 ≈ 6.88 ¢): mined at 2 ¢.
    let row = &report(&s).rows[2];
    assert_eq!(row.mined_hours_pct, 50.0);
    close(row.effective_usd_per_kwh.unwrap(), 0.02, "the price of the hours mined");
    // The link and the file give back the same profile, to the bit.
    let again = decode_link(&encode_link(&s)).unwrap();
    assert!(again.problems.is_empty());
    assert_eq!(again.scenario, s);
    assert_eq!(from_json(&to_json(&s)).unwrap(), s);
    assert!(encode_link(&s).contains("*ercot-hb-west-2025"), "the seed travels as its name");
    // The slider moves the mean and keeps the shape; clearing returns a flat price.
    s.apply(&Action::SetRegion(2, RegionField::Price, 0.07)).unwrap();
    close(report(&s).rows[2].effective_usd_per_kwh.unwrap(), 0.03, "shifted by 1 ¢");
    s.apply(&Action::ClearPriceProfile("wyoming".into())).unwrap();
    assert_eq!(s.regions[2].profile, None);
    assert_eq!(report(&s).rows[2].mined_hours_pct, 0.0, "flat 7 ¢ is above the threshold");
    // A damaged token falls back to a flat price and says so; a version-3 link keeps the seed's.
    let link = encode_link(&Scenario::default());
    let (body, _checksum) = link.rsplit_once('~').unwrap();
    let d = decode_link(&crate::link::signed(&body.replace("*ercot-hb-west-2025", "*0_5_10_zz"))).unwrap();
    assert_eq!(d.scenario.regions[1].profile, None);
    assert!(d.problems.iter().any(|p| p.with_fallback().contains("hourly prices")));
}

/// Margin before opex (u × 24 000 × G, USD per MW-day) of a site with `profile` at a hashprice.
fn running_margin(profile: &PriceProfile, hashprice: f64) -> f64 {
    let site = SiteCosts {
        profile: Some((profile.year().clone(), profile.mean_usd_per_kwh())),
        ..SiteCosts::flat(profile.mean_usd_per_kwh(), 0.0, 1.0, 0.0)
    };
    formulas::margin_usd_per_mw_day(formulas::revenue_usd_per_mw_day(hashprice, 17.5, 1.1, 0.02), &site)
}

#[test]
fn a_link_carries_a_profile_short_within_half_a_percent_of_its_margin() {
    // A spiky synthetic year: mostly 3–5 ¢, a tenth of the hours at 20 ¢, a few at $5, some below zero.
    let spiky: Vec<(Option<u8>, f64)> = (0..8760)
        .map(|h| {
            let base = 0.04 + 0.01 * ((h as f64) / 24.0 * std::f64::consts::TAU).sin();
            let price = match h % 97 {
                0 => 5.0,
                1..=9 => 0.2,
                10..=14 => -0.02,
                _ => base,
            };
            (Some((h / 730 % 12 + 1) as u8), price)
        })
        .collect();
    let spiky = PriceProfile::from_series(&spiky, "synthetic").unwrap();
    for full in [texas_seed_profile(), spiky] {
        let short = PriceProfile::from_token(&full.to_link_token()).unwrap();
        assert!(full.to_link_token().len() < 4_000, "short: {} bytes", full.to_link_token().len());
        for hashprice in (0..=150).map(f64::from) {
            let (a, b) = (running_margin(&full, hashprice), running_margin(&short, hashprice));
            // 0.5 % of the margin (or of $1 per MW-day where it is smaller).
            assert!((a - b).abs() <= 0.005 * a.abs().max(1.0), "at {hashprice}: whole {a}, short {b}");
        }
    }
    // The seed travels as its name, and the whole profile round-trips through the autosave's link.
    let mut s = Scenario::default();
    s.apply(&Action::SetPriceProfile(
        "wyoming".into(),
        (0..8760).map(|h| (None, 0.03 + 0.0001 * (h % 500) as f64)).collect(),
    ))
    .unwrap();
    let whole = sitecost::model::codec::encode_link_whole(&s);
    assert_eq!(decode_link(&whole).unwrap().scenario, s);
    assert!(encode_link(&s).len() < whole.len() / 5, "the shared link stays short");
}

#[test]
fn a_shift_keeps_the_shape_and_negative_hours_earn_more_than_revenue() {
    let profile = PriceProfile::from_series(&[(None, -0.01), (None, 0.02), (None, 0.05), (None, 0.3)], "hand").unwrap();
    let curve = profile.year();
    // Shifting every hour by s is the same as lowering the threshold by s.
    for (t, s) in [(0.04, 0.01), (0.1, -0.02), (0.0, 0.005)] {
        close(curve.gain_usd_per_kwh(t, s), curve.gain_usd_per_kwh(t - s, 0.0), "shift");
    }
    // At a threshold of 3 ¢: mined at −1 ¢ (earning 4 ¢, more than the 3 ¢ a kWh of hashing
    // brings, since the site is paid to take power) and at 2 ¢ (1 ¢): a gain of 5 / 4 ¢.
    close(curve.gain_usd_per_kwh(0.03, 0.0), 0.05 / 4.0, "gain");
    let mined = curve.mined(0.03, 0.0);
    assert_eq!(mined.share, 0.5);
    close(mined.mean_price_usd_per_kwh.unwrap(), 0.005, "price paid");
}

proptest::proptest! {
    /// Margin against hashprice is convex and never falls: each hour adds max(R − cost, 0).
    #[test]
    fn the_margin_is_convex_and_non_decreasing_in_hashprice(
        prices in proptest::collection::vec(-0.05f64..0.5, 24..200),
        opex in 0.0f64..20_000.0,
    ) {
        let rows: Vec<(Option<u8>, f64)> = prices.iter().map(|&p| (None, p)).collect();
        let profile = PriceProfile::from_series(&rows, "random").unwrap();
        let site = SiteCosts {
            profile: Some((profile.year().clone(), profile.mean_usd_per_kwh())),
            ..SiteCosts::flat(profile.mean_usd_per_kwh(), 0.001, 0.9, opex)
        };
        let margin = |hp: f64| formulas::margin_usd_per_mw_day(formulas::revenue_usd_per_mw_day(hp, 20.0, 1.1, 0.02), &site);
        let points: Vec<f64> = (0..=60).map(|i| margin(f64::from(i) * 2.5)).collect();
        for w in points.windows(3) {
            proptest::prop_assert!(w[1] >= w[0] - 1e-9, "non-decreasing: {w:?}");
            proptest::prop_assert!(w[2] - w[1] >= w[1] - w[0] - 1e-6, "convex: {w:?}");
        }
    }
}

#[test]
fn the_sites_export_and_each_region_say_how_the_site_buys_power() {
    let s = Scenario::default();
    let rows: Vec<Vec<String>> = sitecost::model::csv::parse(&sitecost::model::sites::export(&s.regions))
        .unwrap()
        .into_iter()
        .map(|r| r.fields)
        .collect();
    let column = rows[0].iter().position(|h| h == "price_profile").expect("a price_profile column");
    assert_eq!(rows[2][column], "hourly, 8,759 h, mean $0.045", "Texas");
    assert!(rows.iter().skip(1).filter(|r| r[0] != "Texas (ERCOT)").all(|r| r[column] == "flat"));
    assert!(s
        .regions
        .iter()
        .filter(|r| r.profile.is_none())
        .all(|r| r.source(RegionField::Price).text.contains("Flat:")));
    // Importing the export gives the same sites' numbers; the column is for reading.
    let preview = sitecost::model::sites::preview(&sitecost::model::sites::export(&s.regions), []);
    assert!(preview.problem.is_none() && preview.rows.len() == 6);
}

#[test]
fn a_demand_response_credit_adds_to_an_hourly_site_only_by_hand() {
    // The hand-worked site: 8 000 h at $0.03 and 760 h at $0.50, 17.5 J/TH, PUE 1, no
    // fee, levy or opex, uptime 100 %, R = $1 920 per MW-day; now with C = $36 525 per MW-year,
    // $100 per MW-day.
    let hours: Vec<(Option<u8>, f64)> = (0..8_760).map(|h| (None, if h < 8_000 { 0.03 } else { 0.50 })).collect();
    let mut s = Scenario::default();
    s.apply(&Action::SetGlobal(GlobalField::Efficiency, 17.5)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::Pue, 1.0)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::PoolFee, 0.0)).unwrap();
    s.apply(&Action::SetGlobal(GlobalField::Hashprice, 33.6)).unwrap();
    let w = s.index_of("wyoming").unwrap();
    for (field, value) in [
        (RegionField::Opex, 0.0),
        (RegionField::Levy, 0.0),
        (RegionField::Uptime, 100.0),
        (RegionField::DowntimeMonths, 0.0),
        (RegionField::DrCredit, 36_525.0),
    ] {
        s.apply(&Action::SetRegion(w, field, value)).unwrap();
    }
    // Flat, the credit earns nothing: the margin is the flat price's alone.
    let flat = report(&s).rows[w].margin_usd_per_mw_day;
    close(flat, 1_920.0 - 24_000.0 * 0.075, "a flat site earns no credit");
    s.apply(&Action::SetPriceProfile("wyoming".into(), hours)).unwrap();
    let mean = (8_000.0 * 0.03 + 760.0 * 0.50) / 8_760.0;
    s.apply(&Action::SetRegion(w, RegionField::Price, (mean * 10_000.0_f64).round() / 10_000.0)).unwrap();
    let shift = s.regions[w].values.price_usd_per_kwh - mean;
    let row = &report(&s).rows[w];
    let energy = 8_000.0 / 8_760.0 * (1_920.0 - 24_000.0 * (0.03 + shift));
    close(row.margin_usd_per_mw_day, energy + 100.0, "the margin gains C / 365.25");
    // The break-even hashprice is where the energy margin is −$100: below the hour price of the
    // cheap hours, nothing is mined and the credit alone is left, so it is where mining starts.
    let be = row.break_even_usd_per_ph_day.unwrap();
    let per_hp = 1_920.0 / 33.6;
    close(be, 24_000.0 * (0.03 + shift) / per_hp, "with C above the opex, the break-even is where mining starts");
    // The projection counts the credit in every month the site runs.
    let fleet = FleetTerms { hashrate_ph_s_per_mw: 1_000.0 / 17.5, pool_fee: 0.0 };
    let site = SiteTerms::of(&s.regions[w], s.globals.start_month);
    let off = projection::month_cash_usd_per_mw(0.0, &fleet, &site, 1, DAYS_PER_MONTH, 0.0);
    close(off.dr_credit_usd, 36_525.0 / 12.0, "a month's credit");
    close(off.pre_tax_usd, 36_525.0 / 12.0, "nothing mined, no opex: the credit is the month's profit");
}
