//! Sharing a scenario: links, autosave, broken links and files, downloads, and the embed.

use crate::support::link::signed;
use crate::support::page::{Page, ALL_CHARTS, CHARTS};
use serde_json::json;
use sitecost::model::codec::encode_link;
use sitecost::model::{report, Action, GlobalField, RegionField, Scenario};

fn share_link(page: &Page) -> String {
    page.browser.exec("return document.getElementById('share-link').value;", json!([])).as_str().unwrap().to_string()
}

/// Replaces the clipboard with one that keeps what is written in `window.copied`, since a
/// headless browser may refuse the real one.
const FAKE_CLIPBOARD: &str = "Object.defineProperty(navigator, 'clipboard', { value: {
    writeText: text => { window.copied = text; return Promise.resolve(); } } });";

/// Changes five inputs of different kinds through the DOM contract.
fn change_five_inputs(page: &Page) {
    for (id, value) in [
        ("hashprice", 61.5),
        ("efficiency", 17.5),
        ("fleet-mw", 450.0),
        ("price-texas", 0.041),
        ("uptime-siberia", 66.0),
    ] {
        let before = page.table();
        page.slide(id, value);
        page.wait_table_change(&before, id);
    }
    // A typed value between slider steps must survive exactly.
    page.paste("#cap-georgia-value", "123.25");
    page.browser.wait_until(
        "document.querySelector('tr[data-region=georgia]') && document.getElementById('cap-georgia').value !== '300'",
        "the typed cap",
    );
}

#[test]
fn a_link_reproduces_the_exact_scenario_in_a_fresh_browser() {
    let page = Page::open();
    change_five_inputs(&page);
    let table = page.table();
    // The field shows the link once the burst of changes has ended: the link of the same changes
    // made natively.
    let mut expected = Scenario::default();
    let index = |id: &str| expected.index_of(id).unwrap();
    let changes = [
        Action::SetGlobal(GlobalField::Hashprice, 61.5),
        Action::SetGlobal(GlobalField::Efficiency, 17.5),
        Action::SetGlobal(GlobalField::FleetMw, 450.0),
        Action::SetRegion(index("texas"), RegionField::Price, 0.041),
        Action::SetRegion(index("siberia"), RegionField::Uptime, 66.0),
        Action::SetRegion(index("georgia"), RegionField::Cap, 123.25),
    ];
    for change in &changes {
        expected.apply(change).unwrap();
    }
    let tail = format!("#s={}", encode_link(&expected));
    page.browser.wait_until(
        &format!("document.getElementById('share-link').value.endsWith({})", json!(tail)),
        "the share panel's link to follow the changes",
    );
    let link = share_link(&page);
    assert!(link.bytes().all(|b| b.is_ascii_graphic()), "the link survives e-mail: {link}");
    let fresh = Page::load(&link);
    assert_eq!(fresh.table(), table, "the link gave other numbers");
    assert_eq!(
        fresh.browser.exec("return document.getElementById('cap-georgia-value').value;", json!([])),
        json!("123.25")
    );
    // The address bar follows the scenario, so copying it works as well as "Copy link".
    page.browser.wait_until(&format!("location.href === {}", json!(link)), "the address bar to show the scenario");
    fresh.assert_no_console_errors();
}

#[test]
fn copy_link_copies_the_scenario_as_it_is_at_the_click_even_before_the_field_follows() {
    let page = Page::open();
    page.browser.exec(FAKE_CLIPBOARD, json!([]));
    // Hold back the field's 150 ms delay, so that it still shows the link before the change.
    page.browser.exec(
        "const later = window.setTimeout;
         window.setTimeout = (f, ms, ...rest) => ms === 150 ? 0 : later(f, ms, ...rest);",
        json!([]),
    );
    let before = share_link(&page);
    let table = page.table();
    page.slide("hashprice", 61.5);
    page.wait_table_change(&table, "the hashprice slider");
    page.browser.exec("document.getElementById('copy-link').click();", json!([]));
    page.browser.wait_until("window.copied !== undefined", "the copy");
    let copied = page.browser.exec("return window.copied;", json!([])).as_str().unwrap().to_string();
    assert_eq!(share_link(&page), before, "the field still waits");
    let mut expected = Scenario::default();
    expected.apply(&Action::SetGlobal(GlobalField::Hashprice, 61.5)).unwrap();
    assert!(copied.ends_with(&format!("#s={}", encode_link(&expected))), "{copied}");
    assert_eq!(page.text("#share-status"), "Link copied.");
    page.assert_no_console_errors();
}

#[test]
fn the_scenario_is_autosaved_and_reset_asks_first() {
    let page = Page::open();
    change_five_inputs(&page);
    let table = page.table();
    // Reopen the page's plain address (no scenario in it): the autosave brings the scenario back.
    let plain = page.server.as_ref().unwrap().url();
    page.visit(&plain);
    assert_eq!(page.table(), table, "the reload lost the scenario");

    page.browser.find_and_click("#reset");
    assert!(page.text(".share .confirm").contains("Discard your scenario"));
    page.browser.find_and_click("#reset-cancel");
    assert_eq!(page.table(), table, "cancelling the reset changed the scenario");
    page.browser.find_and_click("#reset");
    page.browser.find_and_click("#reset-confirm");
    page.wait_table_change(&table, "the reset");
    let defaults = Page::load(&plain);
    assert_eq!(page.table(), defaults.table());
    page.visit(&plain);
    assert_eq!(page.table(), defaults.table(), "after a reset, a reload starts from the defaults");
    page.assert_no_console_errors();
}

#[test]
fn broken_links_show_what_was_wrong_and_never_a_blank_page() {
    let server_page = Page::open();
    let base = server_page.server.as_ref().unwrap().url();
    let good = encode_link(&Scenario::default());
    let defaults = server_page.table();
    let cases = [
        (format!("#s={}", &good[..good.len() - 20]), "damaged or cut short", true),
        (format!("#s={}", signed("9~50~21.5~1.1~2~300")), "version \u{201c}9\u{201d}", true),
        (
            format!("#s={}", signed("1~999~20~1.1~2~300~texas*0.05*100*90")),
            "999 is outside that range. Using 39.83 instead.",
            false,
        ),
    ];
    for (fragment, expected, all_defaults) in cases {
        let page = Page::load(&format!("{base}{fragment}"));
        let banner = page.text("#banner");
        assert!(banner.contains(expected), "{fragment}: {banner}");
        // What the page shows: the defaults, or field by field: the bad hashprice fell back, the
        // good efficiency and Texas stayed.
        let mut s = Scenario { regions: vec![Scenario::default().regions[1].clone()], ..Scenario::default() };
        s.globals.values.efficiency_j_per_th = 20.0;
        s.regions[0].values.price_usd_per_kwh = 0.05;
        s.regions[0].values.cap_mw = 100.0;
        s.regions[0].values.uptime_pct = 90.0;
        let r = report(&if all_defaults { Scenario::default() } else { s });
        for chart in CHARTS {
            page.drawn(chart, &r);
        }
        if all_defaults {
            assert_eq!(page.table(), defaults);
        } else {
            assert_eq!(Some(page.metric("texas", "break_even_usd_per_ph_day")), r.rows[0].break_even_usd_per_ph_day);
        }
        page.browser.find_and_click("#dismiss-banner");
        page.browser.wait_until("!document.getElementById('banner')", "the banner to go");
    }
}

#[test]
fn broken_json_files_are_refused_field_by_field_and_change_nothing() {
    let page = Page::open();
    change_five_inputs(&page);
    let table = page.table();
    let dir = page.browser.downloads();
    std::fs::create_dir_all(&dir).unwrap();
    let good = sitecost::model::codec::to_json(&Scenario::default());
    let files = [
        ("not-json.json", "this is not json".to_string(), "The file is not JSON"),
        ("future.json", good.replace("\"version\": 5", "\"version\": 9"), "version 9"),
        (
            "types.json",
            good.replace("\"pue\": 1.1", "\"pue\": \"high\"").replace("\"cap_mw\": 500", "\"cap_mw\": 5000"),
            "Capacity cap must be a number from 0 to 1000 MW; 5000 is outside that range.",
        ),
    ];
    for (name, contents, expected) in files {
        let path = dir.join(name);
        std::fs::write(&path, contents).unwrap();
        page.browser.send_keys("#import-json", &path.display().to_string());
        page.browser.wait_until(
            &format!(
                "document.getElementById('banner') && document.getElementById('banner').textContent.includes({})",
                json!(name)
            ),
            "the import banner",
        );
        let banner = page.text("#banner");
        assert!(banner.contains(expected), "{name}: {banner}");
        assert!(banner.contains("your scenario is unchanged"));
        assert_eq!(page.table(), table, "{name} changed the scenario");
        page.browser.find_and_click("#dismiss-banner");
    }
    // A good file replaces the scenario.
    let path = dir.join("good.json");
    std::fs::write(&path, good).unwrap();
    page.browser.send_keys("#import-json", &path.display().to_string());
    page.wait_table_change(&table, "a good file");
    assert_eq!(page.table(), Page::load(&page.server.as_ref().unwrap().url()).table());
}

#[test]
fn every_export_downloads_what_it_says() {
    let page = Page::open();
    let b = &page.browser;
    for (i, chart) in ALL_CHARTS.into_iter().enumerate() {
        // Chromium stops a page's downloads after ten or so in a row (not every run, and not
        // something a person clicking meets): the page is opened afresh halfway.
        if i == ALL_CHARTS.len() / 2 {
            page.visit(&page.server.as_ref().unwrap().url());
        }
        b.find_and_click(&format!("#export-svg-{chart}"));
        let svg = String::from_utf8(b.downloaded(&format!("sitecost-{chart}.svg"))).unwrap();
        assert!(svg.starts_with("<svg"), "{chart}");
        // The sensitivity map is one region's: the origin's; the price-duration curve Texas's.
        let names: &[&str] = match chart {
            "sensitivity" => &["Kazakhstan"],
            "price-duration" => &["Texas (ERCOT)", "mines below $"],
            _ => &["Kazakhstan", "Texas (ERCOT)", "Siberia (Russia)"],
        };
        for name in names {
            assert!(svg.contains(name), "{chart}.svg lacks {name}");
        }
        b.find_and_click(&format!("#export-png-{chart}"));
        let png = b.downloaded(&format!("sitecost-{chart}.png"));
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{chart}.png is a PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        let chart_height = if chart == "sensitivity" { 480 } else { 320 };
        assert_eq!((width, height), (1280, 2 * chart_height), "{chart}.png is twice the chart's size");
    }
    b.find_and_click("#export-csv");
    let csv = String::from_utf8(b.downloaded("sitecost-results.csv")).unwrap();
    let rows: Vec<Vec<String>> = sitecost::model::csv::parse(&csv).unwrap().into_iter().map(|r| r.fields).collect();
    assert_eq!(rows[0][..3], ["region_id", "region_name", "price_usd_per_kwh"]);
    assert_eq!(rows.len(), 1 + 6 + 1, "header, six regions, total");
    assert_eq!(rows[7][0], "total");
    assert_eq!(rows[7][12].parse::<f64>().unwrap(), page.metric("total", "profit_usd_per_day"));
    b.find_and_click("#export-stay-or-move");
    let csv = String::from_utf8(b.downloaded("sitecost-stay-or-move.csv")).unwrap();
    let rows: Vec<Vec<String>> = sitecost::model::csv::parse(&csv).unwrap().into_iter().map(|r| r.fields).collect();
    let expected = sitecost::model::report(&Scenario::default());
    assert_eq!(rows.len(), 1 + expected.stay_or_move.len(), "header and one row per option");
    assert_eq!(rows[1][1], *expected.stay_or_move[0].id, "ranked as the model ranks them");
    b.find_and_click("#export-json");
    let json = String::from_utf8(b.downloaded("sitecost-scenario.json")).unwrap();
    assert_eq!(sitecost::model::codec::from_json(&json).unwrap(), Scenario::default());
    page.assert_no_console_errors();
}

/// The panels hold the app's state as of its last render instead of re-rendering with every
/// input: a download right after an input must still carry that input.
#[test]
fn downloads_carry_the_input_made_just_before_the_click() {
    let page = Page::open();
    let b = &page.browser;
    b.wait_until("document.getElementById('export-sites')", "the export panels");
    page.slide("hashprice", 58.0);
    page.slide("price-texas", 0.031);
    let mut expected = Scenario::default();
    let texas = expected.index_of("texas").unwrap();
    for change in [Action::SetGlobal(GlobalField::Hashprice, 58.0), Action::SetRegion(texas, RegionField::Price, 0.031)]
    {
        expected.apply(&change).unwrap();
    }
    b.find_and_click("#export-json");
    let json = String::from_utf8(b.downloaded("sitecost-scenario.json")).unwrap();
    assert_eq!(sitecost::model::codec::from_json(&json).unwrap(), expected);
    b.find_and_click("#export-csv");
    let csv = String::from_utf8(b.downloaded("sitecost-results.csv")).unwrap();
    assert_eq!(csv, sitecost::model::report_csv(&report(&expected)));
    b.find_and_click("#export-sites");
    let csv = String::from_utf8(b.downloaded("sitecost-sites.csv")).unwrap();
    assert_eq!(csv, sitecost::model::sites::export(&expected.regions));
    assert!(csv.lines().any(|l| l.starts_with("Texas (ERCOT),0.031,")), "{csv}");
}

#[test]
fn the_embed_snippet_renders_charts_and_table_in_an_iframe_at_320_px() {
    let page = Page::open();
    page.slide("hashprice", 58.0);
    page.browser.wait_until("document.getElementById('share-link').value.includes('~58~')", "the link to follow");
    let snippet = page
        .browser
        .exec("return document.getElementById('embed-code').value;", json!([]))
        .as_str()
        .unwrap()
        .to_string();
    assert!(snippet.starts_with("<iframe src=\"") && snippet.contains("#embed&amp;s=5~58~"), "{snippet}");
    // A plain page of someone's report, holding the snippet in a 320 px column.
    let host = page.browser.downloads().join("report.html");
    std::fs::create_dir_all(host.parent().unwrap()).unwrap();
    let narrow = snippet.replace("width=\"100%\"", "width=\"320\"");
    std::fs::write(&host, format!("<!DOCTYPE html><html><body><h1>Our report</h1>{narrow}</body></html>")).unwrap();
    // Serve the host page from the app's server so the test can look inside the same-origin iframe.
    let dist_copy = crate::support::dist_dir().join("report-host-test.html");
    std::fs::copy(&host, &dist_copy).unwrap();
    let url = format!("{}report-host-test.html", page.server.as_ref().unwrap().url());
    page.browser.goto(&url);
    let inside = "document.querySelector('iframe').contentDocument";
    page.browser.wait_until(
        &format!(
            "{inside} && {inside}.querySelectorAll('figure[data-chart] canvas').length === {} \
             && {inside}.querySelector('#results tr[data-region=total]') && !{inside}.getElementById('prerendered')",
            ALL_CHARTS.len()
        ),
        "the embed to render in the iframe",
    );
    let facts = page.browser.exec(
        &format!(
            "const d = {inside}; const f = document.querySelector('iframe');
             return [d.querySelectorAll('.inputs, .share, #sources').length,
                     d.documentElement.scrollWidth, d.documentElement.scrollHeight, f.clientHeight,
                     d.getElementById('open-full').href,
                     d.querySelector('[data-metric=break_even_usd_per_ph_day]') !== null];"
        ),
        json!([]),
    );
    std::fs::remove_file(&dist_copy).unwrap();
    assert_eq!(facts[0], json!(0), "the embed shows no controls");
    assert!(facts[1].as_u64().unwrap() <= 320, "the embed is wider than its 320 px frame: {facts}");
    assert!(facts[2].as_u64().unwrap() <= facts[3].as_u64().unwrap(), "the embed needs a scrollbar: {facts}");
    assert!(
        facts[4].as_str().unwrap().contains("#s=5~58~") && !facts[4].as_str().unwrap().contains("embed"),
        "{facts}"
    );
}

#[test]
fn a_full_storage_degrades_to_a_notice() {
    let page = Page::open();
    // Fill this origin's storage to the brim, keeping the app's own key out of it.
    page.browser.exec(
        "localStorage.clear();
         let i = 0;
         for (let n = 1 << 20; n >= 1; n >>= 1) {
             const chunk = 'x'.repeat(n);
             for (;;) { try { localStorage.setItem('f' + i++, chunk); } catch (e) { break; } }
         }",
        json!([]),
    );
    let probe = page.browser.exec(
        "try { localStorage.setItem('probe', 'x'.repeat(400)); return 'stored ' + localStorage.length; } catch (e) { return 'refused'; }",
        json!([]),
    );
    assert_eq!(probe, json!("refused"), "the storage is not full yet");
    let before = page.table();
    page.slide("fleet-mw", 900.0);
    page.wait_table_change(&before, "the fleet size");
    page.browser.wait_until("document.getElementById('storage-notice')", "the storage notice");
    assert!(page.text("#storage-notice").contains("not saved in this browser"));
    // The page still works, and nothing was logged as an error.
    let before = page.table();
    page.slide("hashprice", 40.0);
    page.wait_table_change(&before, "the hashprice");
    page.assert_no_console_errors();
    page.browser.exec("localStorage.clear();", json!([]));
}

#[test]
fn printing_shows_charts_and_table_without_controls_or_clipping() {
    let page = Page::open();
    page.browser.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    // A4 at 96 px per inch, less 10 mm margins each side: about 718 px of printable width.
    page.browser.set_window_size(718, 1000);
    page.browser.wait_until("getComputedStyle(document.querySelector('.inputs')).display === 'none'", "print styles");
    let facts = page.browser.exec(
        "const visible = s => [...document.querySelectorAll(s)].filter(e => e.offsetParent !== null).length;
         return [visible('input, button:not(.sort), textarea'), visible('#results'), visible('figure[data-chart] canvas'),
                 Math.max(...[...document.querySelectorAll('figure[data-chart] canvas')].map(c => c.getBoundingClientRect().right)),
                 document.documentElement.scrollWidth,
                 [...document.querySelectorAll('body *')].filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)
                     .slice(0, 3).map(e => e.tagName + '#' + e.id + '.' + e.className)];",
        json!([]),
    );
    assert_eq!(facts[0], json!(0), "controls still print: {facts}");
    assert_eq!(facts[1], json!(1));
    assert_eq!(facts[2], json!(ALL_CHARTS.len()));
    // Charts out of sight are drawn when they come into view; printing draws them all.
    page.browser.exec("window.dispatchEvent(new Event('beforeprint'));", json!([]));
    let defaults = report(&Scenario::default());
    for chart in ALL_CHARTS {
        page.wait_shows(chart, &defaults);
    }
    assert!(facts[3].as_f64().unwrap() <= 718.0, "a chart is clipped: {facts}");
    assert!(facts[4].as_u64().unwrap() <= 718, "the page is wider than the paper: {facts}");
}
