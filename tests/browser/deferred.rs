//! Views deferred out of sight: far from the screen they keep their last figures during input,
//! and show the last input's before they can be seen (on coming near) and once the page rests.

use crate::support::page::Page;
use crate::support::server::Server;
use serde_json::json;
use sitecost::model::codec::fragment;
use sitecost::model::{report, Action, GlobalField, NewSite, RegionField, Scenario};

#[test]
fn the_stay_or_move_table_out_of_sight_shows_the_last_input_when_it_comes_near() {
    let page = Page::open();
    let b = &page.browser;
    b.exec("window.scrollTo(0, 0);", json!([]));
    // Far out of sight, the table is not rendered again with each input...
    let npv = "#stay-or-move tr[data-option=\"kazakhstan\"] td[data-metric=npv_usd]";
    let mut s = Scenario::default();
    let first = b.exec(&format!("return document.querySelector('{npv}').dataset.value;"), json!([]));
    for hashprice in [45.0, 50.0, 55.0] {
        page.slide("hashprice", hashprice);
        s.apply(&Action::SetGlobal(GlobalField::Hashprice, hashprice)).unwrap();
    }
    let now = b.exec(
        &format!("return [document.querySelector('{npv}').dataset.value, document.documentElement.classList.contains('resting')];"),
        json!([]),
    );
    // (Unless the page has rested meanwhile, as a stalled machine may.)
    if now[1] == json!(false) {
        assert_eq!(now[0], first, "the table far out of sight was rendered again during input");
    }
    let want = report(&s).stay_or_move.into_iter().find(|o| &*o.id == "kazakhstan").unwrap().npv_usd;
    // ...and shows the last input's figures once it comes near, before the page rests.
    b.exec("document.getElementById('stay-or-move').scrollIntoView();", json!([]));
    b.wait_until(
        &format!(
            "document.querySelector('{npv}').dataset.value === '{want}' && \
             !document.documentElement.classList.contains('resting')"
        ),
        "the table's figures, caught up on coming near",
    );
    // Out of sight again, it catches up with the next input once the page rests.
    b.exec("window.scrollTo(0, 0);", json!([]));
    page.slide("hashprice", 35.0);
    s.apply(&Action::SetGlobal(GlobalField::Hashprice, 35.0)).unwrap();
    let want = report(&s).stay_or_move.into_iter().find(|o| &*o.id == "kazakhstan").unwrap().npv_usd;
    b.wait_until(&format!("document.querySelector('{npv}').dataset.value === '{want}'"), "the figures at rest");
    page.assert_no_console_errors();
}

/// The default regions and `n` candidate sites: a table taller than the screen.
fn many_regions(n: usize) -> Scenario {
    let mut s = Scenario::default();
    let sites = (0..n)
        .map(|i| NewSite {
            name: format!("Candidate site {i}"),
            note: String::new(),
            values: vec![(RegionField::Price, 0.02 + 0.001 * i as f64), (RegionField::Cap, 20.0 + 5.0 * i as f64)],
        })
        .collect();
    s.apply(&Action::AddSites(sites)).unwrap();
    s
}

#[test]
fn a_results_row_out_of_sight_shows_the_last_input_when_it_comes_near() {
    let mut s = many_regions(44);
    let server = Server::start(crate::support::dist_dir(), "/");
    let page = Page::load(&format!("{}{}", server.url(), fragment(&s, false)));
    let b = &page.browser;
    b.exec("window.scrollTo(0, 0);", json!([]));
    let margin = |id: &str| format!("#results tr[data-region=\"{id}\"] td[data-metric=margin_usd_per_mw_day]");
    let (near, far) = (margin("kazakhstan"), margin("candidate-site-43"));
    let read = |css: &str| b.exec(&format!("return document.querySelector('{css}').dataset.value;"), json!([]));
    let first = read(&far);
    for hashprice in [45.0, 50.0, 55.0] {
        page.slide("hashprice", hashprice);
        s.apply(&Action::SetGlobal(GlobalField::Hashprice, hashprice)).unwrap();
    }
    let want = |s: &Scenario, id: &str| {
        let r = report(s);
        r.rows.iter().find(|r| &*r.id == id).unwrap().margin_usd_per_mw_day.to_string()
    };
    // A row on screen shows the input at once...
    b.wait_until(
        &format!("document.querySelector('{near}').dataset.value === '{}'", want(&s, "kazakhstan")),
        "a row in sight",
    );
    // ...while a row far out of sight keeps its figures (unless the page has rested meanwhile).
    let now = b.exec(
        &format!("return [document.querySelector('{far}').dataset.value, document.documentElement.classList.contains('resting')];"),
        json!([]),
    );
    if now[1] == json!(false) {
        assert_eq!(now[0], first, "a row far out of sight was rendered again during input");
    }
    // It shows the last input's figures once it comes near, before the page rests...
    b.exec(&format!("document.querySelector('{far}').scrollIntoView();"), json!([]));
    b.wait_until(
        &format!(
            "document.querySelector('{far}').dataset.value === '{}' && \
             !document.documentElement.classList.contains('resting')",
            want(&s, "candidate-site-43")
        ),
        "the far row's figures, caught up on coming near",
    );
    // ...and, out of sight again, catches up with the next input once the page rests.
    b.exec("window.scrollTo(0, 0);", json!([]));
    page.slide("hashprice", 35.0);
    s.apply(&Action::SetGlobal(GlobalField::Hashprice, 35.0)).unwrap();
    b.wait_until(
        &format!("document.querySelector('{far}').dataset.value === '{}'", want(&s, "candidate-site-43")),
        "the far row's figures at rest",
    );
    let rows = b.exec("return document.querySelectorAll('#results tbody tr').length;", json!([]));
    assert_eq!(rows, json!(50), "every region has its row");
    page.assert_no_console_errors();
}
