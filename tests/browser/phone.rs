//! On a phone (390 × 844, mobile emulation): a slider's effect stays in sight while it moves, and
//! the page never scrolls sideways, down to 320 px, and the tables cut no figure off at any width.

use serde_json::json;
use sitecost::format::grouped;
use sitecost::model::codec::{encode_link, fragment_of};
use sitecost::model::{report, Action, GlobalField, RegionField, Scenario};

use crate::support::page::Page;
use crate::support::poll;

fn emulate(page: &Page, width: u32, height: u32) {
    page.browser.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 3, "mobile": true }),
    );
}

/// Whether the element `id` lies wholly inside the viewport, and is shown.
fn in_view(page: &Page, css: &str) -> bool {
    page.browser
        .exec(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();
             return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;",
            json!([css]),
        )
        .as_bool()
        .unwrap()
}

fn scrolls_sideways(page: &Page) -> bool {
    page.browser.exec("return document.documentElement.scrollWidth > innerWidth;", json!([])).as_bool().unwrap()
}

#[test]
fn on_a_phone_the_live_summary_shows_each_sliders_effect_as_it_moves() {
    let page = Page::open();
    emulate(&page, 390, 844);
    let mut scenario = Scenario::default();
    let moves = [
        ("hashprice", 70.0, Action::SetGlobal(GlobalField::Hashprice, 70.0)),
        ("price-texas", 0.03, Action::SetRegion(1, RegionField::Price, 0.03)),
        ("price-new-york", 0.02, Action::SetRegion(3, RegionField::Price, 0.02)),
    ];
    for (id, value, action) in moves {
        page.browser.exec("document.getElementById(arguments[0]).scrollIntoView({ block: 'center' });", json!([id]));
        let before = page.text("#live-summary");
        page.slide(id, value);
        poll(&format!("the live summary after {id}"), || page.text("#live-summary") != before);
        scenario.apply(&action).unwrap();
        let r = report(&scenario);
        let best = r.best_row().unwrap();
        let profit = format!("Fleet profit ${}/day", grouped(r.totals.profit_usd_per_day, 0));
        let best = format!("best {} at ${}/MW-day", best.name, grouped(best.margin_usd_per_mw_day, 0));
        assert_eq!(page.text("#live-summary [data-live=profit]"), profit, "{id}");
        assert_eq!(page.text("#live-summary [data-live=best]"), best, "{id}");
        assert!(in_view(&page, "#live-summary"), "{id}: the live summary is out of sight");
        assert!(in_view(&page, &format!("#{id}")), "{id}: the slider is hidden under the live summary");
        assert!(!scrolls_sideways(&page), "{id}: the page scrolls sideways at 390 px");
    }
    emulate(&page, 320, 640);
    assert!(!scrolls_sideways(&page), "the page scrolls sideways at 320 px");
    // On a wide screen the results sit beside the inputs, and the strip is not shown.
    emulate(&page, 1366, 768);
    assert!(!in_view(&page, "#live-summary"));
}

/// The cells of the two tables whose text is wider than the cell (cut off, or over the next),
/// and the tables wider than their column, each as `selector-or-metric:px`.
const CUT_OFF: &str = "
    const cut = [];
    for (const cell of document.querySelectorAll('#results th, #results td, #stay-or-move th, #stay-or-move td')) {
        if (cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth + 1) {
            cut.push((cell.dataset.metric || cell.textContent.trim().slice(0, 20)) + ':' + (cell.scrollWidth - cell.clientWidth));
        }
    }
    for (const table of document.querySelectorAll('table#results, table#stay-or-move')) {
        const over = table.getBoundingClientRect().width - table.parentElement.clientWidth;
        if (over > 1) cut.push('#' + table.id + ':' + over);
    }
    return cut;";

#[test]
fn at_every_width_no_figure_of_the_tables_is_cut_off_or_over_its_neighbour() {
    let page = Page::open();
    // At rest, the stay-or-move table is laid out even out of sight.
    page.browser.wait_until("document.documentElement.classList.contains('resting')", "the page at rest");
    for width in [320, 390, 480, 600, 768, 900, 1024, 1366, 1600, 1920] {
        emulate(&page, width, 900);
        let cut = page.browser.exec(CUT_OFF, json!([]));
        assert_eq!(cut, json!([]), "at {width} px");
        assert!(!scrolls_sideways(&page), "the page scrolls sideways at {width} px");
    }
    // Larger figures (a fleet of 1 940 MW) keep within their columns too.
    page.slide("fleet-mw", 1940.0);
    page.browser.wait_until("document.documentElement.classList.contains('resting')", "the page at rest again");
    let mut big = Scenario::default();
    big.apply(&Action::SetGlobal(GlobalField::FleetMw, 1940.0)).unwrap();
    assert_eq!(page.metric("total", "profit_usd_per_day"), report(&big).totals.profit_usd_per_day);
    for width in [390, 768, 1366] {
        emulate(&page, width, 900);
        assert_eq!(page.browser.exec(CUT_OFF, json!([])), json!([]), "at {width} px with 1 940 MW");
    }
    // Fifty regions: fifty rows, and the options to stay or move among them.
    let mut fifty = Scenario::default();
    while fifty.regions.len() < 50 {
        fifty.apply(&Action::AddRegion).unwrap();
    }
    let server = page.server.as_ref().unwrap().url();
    page.visit(&format!("{server}{}", fragment_of(&encode_link(&fifty), false)));
    page.browser.wait_until(
        "document.querySelectorAll('#results tbody tr').length === 50 \
         && document.querySelectorAll('#stay-or-move tbody tr').length > 7",
        "fifty rows and their options",
    );
    for width in [320, 768, 1366] {
        emulate(&page, width, 900);
        assert_eq!(page.browser.exec(CUT_OFF, json!([])), json!([]), "at {width} px with fifty regions");
    }
}
