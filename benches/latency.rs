//! `make bench`: input-to-layout latency of the release page in headless Chromium, first-chart time and sizes.
//!
//! Prints one figure per line (`name value`), writes the same as JSON to
//! `target/bench/latency.json`, and with `--check` exits non-zero when a target is missed.

#[path = "../tests/support/mod.rs"]
mod support;

use std::process::Command;

use serde_json::{json, Map, Value};
use sitecost::model::codec::fragment;
use sitecost::model::{Action, NewSite, Scenario};
use support::webdriver::Browser;

/// Input events per scenario, spread over the hashprice slider, one region's price and one cap.
const EVENTS: usize = 240;
/// Fresh page loads averaged for the first-chart time.
const LOADS: usize = 5;

/// The targets of issue 5, checked by `make bench-check`.
const TARGETS: [(&str, f64); 4] = [
    ("default.p95_ms", 4.0),
    ("regions50.p95_ms", 16.0),
    ("first_chart_ms", 150.0),
    ("single_file_gzip_bytes", 200_000.0),
];

/// Dispatches each planned input event, waits one macrotask (the app's update and its
/// effects run in microtasks before it), forces layout, and records the time in ms.
const RUN_PLAN: &str = r#"
    const plan = arguments[0], done = arguments[arguments.length - 1];
    const channel = new MessageChannel();
    const macrotask = () => new Promise(resolve => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
    (async () => {
        const times = [];
        try {
        for (const [id, value] of plan) {
            const el = document.getElementById(id);
            const t0 = performance.now();
            el.value = String(value);
            el.dispatchEvent(new Event('input', { bubbles: true }));
            await macrotask();
            void document.body.offsetHeight;
            times.push(performance.now() - t0);
        }
        } catch (e) { done(String(e)); return; }
        done(times);
    })();
"#;

fn plan_mixed(region: &str) -> Vec<Value> {
    (0..EVENTS)
        .map(|i| {
            let t = (i / 3) as f64 / (EVENTS / 3) as f64;
            match i % 3 {
                0 => json!(["hashprice", (20.0 + 100.0 * t).round()]),
                1 => json!([format!("price-{region}"), ((0.02 + 0.08 * t) * 1000.0).round() / 1000.0]),
                _ => json!([format!("cap-{region}"), (50.0 + 700.0 * t).round()]),
            }
        })
        .collect()
}

/// A drag across the hashprice slider's whole range, one step of 0.5 at a time, and back.
fn plan_drag() -> Vec<Value> {
    let up = (0..=300).map(|i| json!(["hashprice", i as f64 * 0.5]));
    let down = (0..=300).rev().map(|i| json!(["hashprice", i as f64 * 0.5]));
    up.chain(down).collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank]
}

/// Chromium's cumulative main-thread times, in ms: script, layout, style recalculation, task.
fn metrics(browser: &Browser) -> [f64; 4] {
    let m = browser.cdp("Performance.getMetrics", json!({}));
    let get = |name: &str| {
        m["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == name)
            .map_or(0.0, |x| x["value"].as_f64().unwrap())
    };
    ["ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskDuration"].map(|n| get(n) * 1000.0)
}

/// p50, p95, max of the event times, and the per-event breakdown (script, layout, style, task).
fn measure(browser: &Browser, url: &str, plan: Vec<Value>) -> ((f64, f64, f64), [f64; 4]) {
    // A fresh document each time, whatever the previous one's fragment was.
    browser.goto("about:blank");
    browser.goto(url);
    browser.wait_until("document.querySelectorAll('figure[data-chart] canvas').length === 3", "the app");
    // Warm up: the first events compile and allocate; users drag after the page has settled.
    browser.exec_async_with(RUN_PLAN, json!([plan[..20].to_vec()]));
    browser.cdp("Performance.enable", json!({}));
    let before = metrics(browser);
    let n = plan.len() as f64;
    let times = browser.exec_async_with(RUN_PLAN, json!([plan]));
    let after = metrics(browser);
    let breakdown: [f64; 4] = std::array::from_fn(|i| (after[i] - before[i]) / n);
    let mut times: Vec<f64> = serde_json::from_value(times).expect("times");
    times.sort_by(f64::total_cmp);
    ((percentile(&times, 50.0), percentile(&times, 95.0), *times.last().unwrap()), breakdown)
}

fn gzip_size(path: &std::path::Path) -> u64 {
    let out = Command::new("gzip").args(["-9", "-c"]).arg(path).output().expect("gzip runs");
    out.stdout.len() as u64
}

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let dist = support::dist_dir();
    let single = dist.join("sitecost.html");
    let url = format!("file://{}", single.display());
    // Every scenario is opened by its own link, so the autosave of the previous one never leaks in.
    let default_url = format!("{url}{}", fragment(&Scenario::default(), false));
    let mut fifty = Scenario::default();
    let sites = (0..44)
        .map(|i| NewSite {
            name: format!("Candidate site {i}"),
            power_usd_per_kwh: 0.02 + 0.001 * i as f64,
            cap_mw: 20.0 + 5.0 * i as f64,
            uptime_pct: 90.0,
            note: String::new(),
        })
        .collect();
    fifty.apply(&Action::AddSites(sites)).expect("50 regions");
    let fifty_url = format!("{url}{}", fragment(&fifty, false));

    let mut figures: Vec<(String, f64)> = Vec::new();
    let browser = Browser::start();
    for (name, page, plan) in [
        ("default", default_url.as_str(), plan_mixed("texas")),
        ("regions50", fifty_url.as_str(), plan_mixed("candidate-site-7")),
        ("drag", default_url.as_str(), plan_drag()),
    ] {
        let ((p50, p95, max), [script, layout, style, task]) = measure(&browser, page, plan);
        figures.push((format!("{name}.p50_ms"), p50));
        figures.push((format!("{name}.p95_ms"), p95));
        figures.push((format!("{name}.max_ms"), max));
        // Where an event's time goes on the main thread, averaged: script (model, Yew diff,
        // chart drawing), layout, style recalculation, and the whole task.
        figures.push((format!("{name}.script_ms_per_event"), script));
        figures.push((format!("{name}.layout_ms_per_event"), layout));
        figures.push((format!("{name}.style_ms_per_event"), style));
        figures.push((format!("{name}.task_ms_per_event"), task));
    }
    drop(browser);

    // First chart: navigation to the first drawn chart. "Warm" reloads the file in a browser
    // that is already running, as a double-click does with the browser open; "cold" starts a
    // new browser first, which adds Chromium's own start-up (fonts above all) to the figure.
    let first_chart = |b: &Browser| {
        b.goto("about:blank");
        b.goto(&default_url);
        b.wait_until("performance.getEntriesByName('sitecost:first-chart').length > 0", "the first chart");
        b.exec("return performance.getEntriesByName('sitecost:first-chart')[0].startTime;", json!([]))
            .as_f64()
            .expect("a time")
    };
    let warm_browser = Browser::start();
    first_chart(&warm_browser);
    let mut warm: Vec<f64> = (0..LOADS).map(|_| first_chart(&warm_browser)).collect();
    drop(warm_browser);
    let mut cold: Vec<f64> = (0..LOADS).map(|_| first_chart(&Browser::start())).collect();
    warm.sort_by(f64::total_cmp);
    cold.sort_by(f64::total_cmp);
    figures.push(("first_chart_ms".into(), percentile(&warm, 50.0)));
    figures.push(("first_chart_cold_browser_ms".into(), percentile(&cold, 50.0)));

    let wasm = std::fs::read_dir(&dist)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "wasm"))
        .expect("a .wasm in dist/");
    figures.push(("wasm_bytes".into(), std::fs::metadata(&wasm).unwrap().len() as f64));
    figures.push(("wasm_gzip_bytes".into(), gzip_size(&wasm) as f64));
    figures.push(("single_file_bytes".into(), std::fs::metadata(&single).unwrap().len() as f64));
    figures.push(("single_file_gzip_bytes".into(), gzip_size(&single) as f64));

    let mut json = Map::new();
    for (name, value) in &figures {
        println!("{name} {}", (value * 100.0).round() / 100.0);
        json.insert(name.clone(), json!(value));
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("latency.json"), serde_json::to_string_pretty(&json).unwrap()).unwrap();
    println!("written target/bench/latency.json");

    if check {
        let mut missed = 0;
        for (name, limit) in TARGETS {
            let value = figures.iter().find(|(n, _)| n == name).unwrap().1;
            let ok = value <= limit;
            println!("target {name} <= {limit}: {} ({value:.2})", if ok { "met" } else { "MISSED" });
            missed += usize::from(!ok);
        }
        if missed > 0 {
            eprintln!("{missed} target(s) missed");
            std::process::exit(1);
        }
    }
}
