//! User-defined regions: ids, names, editing actions, CSV import and export, and scale.

use proptest::prelude::*;
use sitecost::chart::{render_svg, ChartKind};
use sitecost::model::region::{color_for_id, slug_id};
use sitecost::model::sites::{export, preview};
use sitecost::model::*;

fn ids(s: &Scenario) -> Vec<&str> {
    s.regions.iter().map(|r| &*r.id).collect()
}

#[test]
fn slugs_are_ascii_url_safe_unique_and_never_a_seed_id() {
    let none = |_: &str| false;
    assert_eq!(slug_id("Paraguay Hydro #2", none), "paraguay-hydro-2");
    assert_eq!(slug_id("  North Dakota — flare gas  ", none), "north-dakota-flare-gas");
    assert_eq!(slug_id("Парагвай", none), "site");
    assert_eq!(slug_id("<img src=x onerror=alert(1)>", none), "img-src-x-onerror-alert-1");
    assert_eq!(slug_id("Texas", none), "texas-2", "seed ids stay reserved");
    assert_eq!(slug_id("x", |id| id == "x" || id == "x-2"), "x-3");
    assert!(slug_id(&"a".repeat(60), none).len() <= 40);
}

#[test]
fn ids_stay_put_when_regions_are_renamed_and_new_ones_are_unique() {
    let mut s = Scenario::default();
    s.apply(&Action::AddRegion).unwrap();
    s.apply(&Action::AddRegion).unwrap();
    assert_eq!(&ids(&s)[6..], ["new-site", "new-site-2"]);
    assert_eq!(&*s.regions[7].name, "New site 2");
    s.apply(&Action::RenameRegion(6, "Paraguay hydro".into())).unwrap();
    s.apply(&Action::RenameRegion(1, "Texas, second tariff".into())).unwrap();
    assert_eq!(
        &ids(&s)[..],
        ["kazakhstan", "texas", "wyoming", "new-york", "georgia", "siberia", "new-site", "new-site-2"]
    );
    s.apply(&Action::DuplicateRegion(1)).unwrap();
    assert_eq!(ids(&s)[2], "texas-second-tariff-copy");
    assert_eq!(s.regions[2].values.price_usd_per_kwh, s.regions[1].values.price_usd_per_kwh);
    let unique: std::collections::HashSet<_> = ids(&s).into_iter().collect();
    assert_eq!(unique.len(), s.regions.len());
    // A user region's colour follows its id, so a rename keeps it.
    let renamed = s.regions.iter().find(|r| &*r.id == "new-site").unwrap();
    assert_eq!(&*renamed.name, "Paraguay hydro");
    assert_eq!(renamed.color_rgb, color_for_id("new-site"));
}

#[test]
fn names_are_checked() {
    let mut s = Scenario::default();
    for (bad, error) in [
        ("", NameError::Empty),
        ("   ", NameError::Empty),
        (&"x".repeat(61), NameError::TooLong),
        ("two\nlines", NameError::ControlCharacter),
        ("siberia (russia)", NameError::Taken),
    ] {
        let before = s.clone();
        assert_eq!(s.apply(&Action::RenameRegion(0, bad.to_string())), Err(ApplyError::Name(error)), "{bad:?}");
        assert_eq!(s, before);
    }
    let emoji = "🚀".repeat(60);
    s.apply(&Action::RenameRegion(0, emoji.clone())).unwrap();
    assert_eq!(&*s.regions[0].name, emoji);
    // Renaming a region to its own name in another case is fine.
    s.apply(&Action::RenameRegion(1, "TEXAS (ercot)".into())).unwrap();
}

#[test]
fn remove_undo_move_and_restore() {
    let mut s = Scenario::default();
    let texas = s.regions[1].clone();
    s.apply(&Action::RemoveRegion(1)).unwrap();
    assert!(!ids(&s).contains(&"texas"));
    s.apply(&Action::InsertRegion(1, texas.clone())).unwrap();
    assert_eq!(s, Scenario::default(), "undo puts the region back as it was");
    assert_eq!(s.apply(&Action::InsertRegion(1, texas)), Err(ApplyError::IdTaken));

    s.apply(&Action::MoveRegion(0, 5)).unwrap();
    assert_eq!(ids(&s), ["texas", "wyoming", "new-york", "georgia", "siberia", "kazakhstan"]);
    s.apply(&Action::MoveRegion(5, 0)).unwrap();
    assert_eq!(s, Scenario::default());

    s.apply(&Action::RemoveRegion(5)).unwrap();
    s.apply(&Action::RemoveRegion(0)).unwrap();
    s.apply(&Action::SetRegion(0, RegionField::Price, 0.05)).unwrap();
    s.apply(&Action::RestoreSeeds).unwrap();
    assert_eq!(ids(&s), ["texas", "wyoming", "new-york", "georgia", "kazakhstan", "siberia"]);
    assert_eq!(s.regions[0].values.price_usd_per_kwh, 0.05, "restoring does not reset the regions still there");
    assert_eq!(s.apply(&Action::RemoveRegion(99)), Err(ApplyError::NoSuchRegion));
}

#[test]
fn at_most_a_hundred_regions() {
    let mut s = Scenario::default();
    while s.regions.len() < MAX_REGIONS {
        s.apply(&Action::AddRegion).unwrap();
    }
    assert_eq!(s.apply(&Action::AddRegion), Err(ApplyError::TooManyRegions));
    assert_eq!(s.apply(&Action::DuplicateRegion(0)), Err(ApplyError::TooManyRegions));
}

#[test]
fn a_hundred_regions_go_through_the_model_and_every_chart() {
    let mut s = Scenario::default();
    for i in 0..94 {
        s.apply(&Action::AddRegion).unwrap();
        let last = s.regions.len() - 1;
        s.apply(&Action::SetRegion(last, RegionField::Price, 0.002 * (i % 50) as f64)).unwrap();
        s.apply(&Action::RenameRegion(last, format!("{} Site with a long name number {i}", "🚀".repeat(i % 4))))
            .unwrap();
    }
    s.apply(&Action::SetGlobal(GlobalField::FleetMw, 2000.0)).unwrap();
    let r = report(&s);
    assert_eq!(r.rows.len(), 100);
    assert!(r.totals.allocated_mw <= 2000.0);
    for kind in ChartKind::ALL {
        let svg = render_svg(kind, &r);
        assert!(!svg.contains("NaN"), "{kind:?}");
    }
    // The line chart's legend names the best eight and counts the rest.
    assert!(render_svg(ChartKind::ProfitVsHashprice, &r).contains("+92 more (thin lines)"));
    // The bar charts show the best twelve, each in a 24 px band with its own label, and say
    // how many more the table has: 64 + 12 × 24 + 20 px tall.
    let bars = render_svg(ChartKind::BreakEven, &r);
    assert!(bars.starts_with("<svg width=\"640\" height=\"372\""), "{}", &bars[..80]);
    assert_eq!(bars.matches("text-anchor=\"end\"").count(), 12);
    assert!(bars.contains("+88 more regions (showing the 12 with the most headroom; the table has all)"));
    let profit = render_svg(ChartKind::ProfitByRegion, &r);
    assert!(profit.contains("+88 more regions (showing the 12 most profitable; the table has all)"));
    // The most profitable region is among those shown.
    let best = r.rows.iter().max_by(|a, b| a.profit_usd_per_day.total_cmp(&b.profit_usd_per_day)).unwrap();
    assert!(profit.contains(&sitecost::chart::short_label(&best.name, 18)));
}

#[test]
fn hostile_names_are_escaped_text_in_svg() {
    let mut s = Scenario::default();
    s.apply(&Action::RenameRegion(0, "<img src=x onerror=alert(1)>".into())).unwrap();
    s.apply(&Action::RenameRegion(1, "\"; DROP TABLE".into())).unwrap();
    for kind in ChartKind::ALL {
        let svg = render_svg(kind, &report(&s));
        assert!(!svg.contains("<img"), "{kind:?} let markup through");
        // Long names are shortened (to 22 characters, or what fits beside a bar) with an
        // ellipsis, and escaped all the same.
        // The price-duration curve shows one region: the second, the only one with hourly prices.
        assert!(svg.contains("&lt;img src=") || kind == ChartKind::PriceDuration, "{kind:?}");
        assert!(!svg.contains("onerror=alert(1)&gt;"), "{kind:?} should have shortened the name");
        // The sensitivity map shows one region: the origin, the first here.
        if kind != ChartKind::Sensitivity {
            assert!(svg.contains("&quot;; DROP TABLE"), "{kind:?}");
        }
    }
}

#[test]
fn import_accepts_the_documented_shapes() {
    // Reordered columns, upper-case headers, CRLF, a BOM, quoted fields with commas, an extra column.
    let text = "\u{feff}Cap_MW,NAME,uptime_pct,Price_USD_per_kWh,Source,extra\r\n\
                120,\"Paraguay, Itaipú hydro\",98,0.032,\"Broker sheet, May 2026\",x\r\n\
                15.5,North Dakota flare gas,90,0.02,,y\r\n";
    let p = preview(text, ["Texas (ERCOT)"]);
    assert_eq!(p.problem, None);
    let good = p.good();
    assert_eq!(good.len(), 2);
    assert_eq!(
        good[0],
        NewSite {
            name: "Paraguay, Itaipú hydro".into(),
            note: "Broker sheet, May 2026".into(),
            values: vec![(RegionField::Price, 0.032), (RegionField::Cap, 120.0), (RegionField::Uptime, 98.0)],
        }
    );
    assert_eq!(good[1].values[1], (RegionField::Cap, 15.5));
    let mut s = Scenario::default();
    s.apply(&Action::AddSites(good)).unwrap();
    assert_eq!(&ids(&s)[6..], ["paraguay-itaip-hydro", "north-dakota-flare-gas"]);
}

#[test]
fn import_reports_what_is_wrong_with_each_row() {
    let text = "name,price_usd_per_kwh,cap_mw,uptime_pct\n\
                Good one,0.04,10,90\n\
                ,0.04,10,90\n\
                Bad price,abc,10,90\n\
                Negative cap,0.04,-5,90\n\
                Too much uptime,0.04,10,120\n\
                texas (ercot),0.04,10,90\n\
                good ONE,0.04,10,90\n\
                Missing,0.04,,90\n\
                Short row,0.04\n";
    let p = preview(text, ["Texas (ERCOT)"]);
    let errors: Vec<(usize, String)> =
        p.rows.iter().filter_map(|r| r.outcome.as_ref().err().map(|e| (r.line, e.join("; ")))).collect();
    let expect = [
        (3, "A region name cannot be empty."),
        (4, "price_usd_per_kwh: Power price must be a number from 0 to 0.2 USD/kWh; \u{201c}abc\u{201d} is not a number."),
        (5, "-5 is negative"),
        (6, "120 is outside that range"),
        (7, "duplicate name \u{201c}texas (ercot)\u{201d}"),
        (8, "duplicate name \u{201c}good ONE\u{201d}"),
        (9, "cap_mw is missing"),
        (10, "has 2 fields where the header has 4"),
    ];
    assert_eq!(errors.len(), expect.len(), "{errors:#?}");
    for ((line, message), (want_line, want)) in errors.iter().zip(expect) {
        assert_eq!(*line, want_line);
        assert!(message.contains(want), "line {line}: {message:?} lacks {want:?}");
    }
    assert_eq!(p.good().len(), 1);
}

#[test]
fn import_refuses_a_file_without_the_required_columns() {
    let p = preview("name,price\nA,0.1\n", []);
    assert_eq!(
        p.problem.as_deref(),
        Some("The header lacks the required column(s) price_usd_per_kwh, cap_mw, uptime_pct.")
    );
    assert!(p.rows.is_empty());
    assert!(preview("", []).problem.is_some());
    assert!(preview("name,\"open\n", []).problem.unwrap().contains("line 1"));
}

fn site() -> impl Strategy<Value = NewSite> {
    // Names of any Unicode (no control characters), 1–60 characters, with commas and quotes likely.
    let name = proptest::collection::vec(
        prop_oneof![Just(','), Just('"'), Just(' '), any::<char>().prop_filter("printable", |c| !c.is_control())],
        1..=60,
    )
    .prop_map(|cs| cs.into_iter().collect::<String>())
    .prop_filter("a name must not be blank", |n| !n.trim().is_empty() && n.trim() == n);
    let note = "[a-zA-Z ,\"\n]{0,30}".prop_map(|n| n.trim().to_string());
    // Every declared field, anywhere in its range: the export carries them all.
    let values = proptest::collection::vec(0.0..=1.0f64, RegionField::COUNT).prop_map(|ts| {
        RegionField::ALL
            .into_iter()
            .zip(ts)
            .map(|(f, t)| (f, f.spec().min + t * (f.spec().max - f.spec().min)))
            .collect::<Vec<_>>()
    });
    (name, note, values).prop_map(|(name, note, values)| NewSite { name, note, values })
}

proptest! {
    #[test]
    fn export_then_import_gives_the_same_sites(sites in proptest::collection::vec(site(), 0..12)) {
        // Names must differ (case-insensitively) to be importable at all.
        let mut seen = std::collections::HashSet::new();
        let sites: Vec<NewSite> = sites.into_iter().filter(|s| seen.insert(s.name.to_lowercase())).collect();
        let mut s = Scenario { regions: vec![], ..Scenario::default() };
        s.apply(&Action::AddSites(sites.clone())).unwrap();
        let text = export(&s.regions);
        let p = preview(&text, []);
        prop_assert_eq!(&p.problem, &None);
        prop_assert_eq!(p.good(), sites);
    }
}

#[test]
fn import_names_the_line_of_the_file_after_blank_lines_and_quoted_line_breaks() {
    // Line 1 header; line 2 a good site whose source spans lines 2–3; line 4 blank; line 5 bad.
    let text = "name,price_usd_per_kwh,cap_mw,uptime_pct,source\n\
                Good,0.03,10,90,\"first line\nsecond line\"\n\
                \n\
                Bad,abc,10,90,\n";
    let p = preview(text, []);
    let lines: Vec<(usize, bool)> = p.rows.iter().map(|r| (r.line, r.outcome.is_ok())).collect();
    assert_eq!(lines, [(2, true), (5, false)]);
}
