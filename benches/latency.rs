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

/// Rounds per scenario, each on a fresh document. The machine is shared and its speed drifts by
/// up to 2x within minutes, so one round's p95 says as much about the neighbours as about the
/// page: a scenario's figures are the median round's, and the spread of the rounds is printed.
const ROUNDS: usize = 5;

/// The browser window: the most common laptop screen. Charts out of sight are drawn when they
/// come near the viewport, so what an event costs depends on how much of the page is seen.
const WINDOW: (u32, u32) = (1366, 768);

/// The targets of issue 5, checked by `make bench-check`.
const TARGETS: [(&str, f64); 4] = [
    ("default.p95_ms", 4.0),
    ("regions50.p95_ms", 16.0),
    ("first_chart_ms", 150.0),
    ("single_file_gzip_bytes", 200_000.0),
];

/// Dispatches each planned input event, waits one macrotask (the app's update and its
/// effects run in microtasks before it), forces layout, and records the time in ms.
///
/// Back to back (the `default` and `regions50` figures, which the targets are about), each event
/// follows the last one's layout at once, several to a frame: the one event in six or so that a
/// frame lands in also carries that frame's paint. Paced (`drag`), each event waits for a frame
/// to be rendered first, one event per frame, as a slider being dragged delivers them.
const RUN_PLAN: &str = r#"
    const plan = arguments[0], paced = arguments[1], done = arguments[arguments.length - 1];
    const channel = new MessageChannel();
    const macrotask = () => new Promise(resolve => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
    const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
    (async () => {
        const times = [];
        try {
        for (const [id, value] of plan) {
            if (paced) {
                // The frame's callbacks run, then its style, layout and paint; the macrotask
                // after them starts the event at the beginning of a frame interval.
                await frame();
                await macrotask();
            }
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

/// One round's p50, p95 and max of the event times, and its per-event breakdown (script,
/// layout, style, task).
fn measure(browser: &Browser, url: &str, plan: Vec<Value>, paced: bool, profile: bool) -> ((f64, f64, f64), [f64; 4]) {
    open_warmed(browser, url, &plan, paced, None);
    browser.cdp("Performance.enable", json!({}));
    let before = metrics(browser);
    let n = plan.len() as f64;
    if profile {
        browser.cdp("Profiler.enable", json!({}));
        browser.cdp("Profiler.setSamplingInterval", json!({ "interval": 100 }));
        browser.cdp("Profiler.start", json!({}));
    }
    let times = browser.exec_async_with(RUN_PLAN, json!([&plan, paced]));
    let after = metrics(browser);
    if profile {
        print_profile(&browser.cdp("Profiler.stop", json!({}))["profile"], n);
    }
    let breakdown: [f64; 4] = std::array::from_fn(|i| (after[i] - before[i]) / n);
    let mut times: Vec<f64> = serde_json::from_value(times).expect("times");
    if std::env::var("SHOW_PERCENTILES").is_ok() {
        // The spread of the whole scenario, then of each control's events alone.
        let spread = |label: &str, mut t: Vec<f64>| {
            t.sort_by(f64::total_cmp);
            let ps: Vec<String> = [10.0, 25.0, 50.0, 75.0, 85.0, 90.0, 95.0, 99.0]
                .iter()
                .map(|&p| format!("p{p}={:.1}", percentile(&t, p)))
                .collect();
            eprintln!("{label:>20}: {}", ps.join(" "));
        };
        spread("all", times.clone());
        for (control, ts) in by_control(&plan, &times) {
            spread(&control, ts);
        }
    }
    times.sort_by(f64::total_cmp);
    ((percentile(&times, 50.0), percentile(&times, 95.0), *times.last().unwrap()), breakdown)
}

/// Adds the CSS rules in the environment variable `var`, if set (`rule; rule`, split at `}`),
/// to the page's style sheet, to try a CSS change without a build.
///
/// Through the CSSOM, because the page's Content-Security-Policy admits only its own style
/// sheet: a `<style>` element added by script is ignored without a word.
fn add_css(browser: &Browser, var: &str) {
    if let Ok(css) = std::env::var(var) {
        let rules = insert_css(browser, &css);
        eprintln!("{var}: the page's style sheet has {rules} rules with these");
    }
}

/// Adds CSS rules (`rule; rule`, split at `}`) to the page's style sheet; returns how many
/// rules it then has.
fn insert_css(browser: &Browser, css: &str) -> u64 {
    browser.exec(
        "const sheet = document.styleSheets[0];
         for (const rule of arguments[0].split('}').filter(r => r.trim())) sheet.insertRule(rule + '}', sheet.cssRules.length);
         return sheet.cssRules.length;",
        json!([css]),
    )
    .as_u64()
    .unwrap_or(0)
}

/// With `--profile`: a sampled CPU profile of the timed events; prints the functions with the
/// most self time, and our own functions by total time (themselves and what they call), per
/// event. Wasm functions have names in a build that keeps them (`data-keep-debug`).
fn print_profile(profile: &Value, events: f64) {
    use std::collections::{HashMap, HashSet};
    let nodes = profile["nodes"].as_array().expect("profile nodes");
    let mut name_of = HashMap::new();
    let mut parent = HashMap::new();
    for node in nodes {
        let frame = &node["callFrame"];
        let file = frame["url"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
        name_of.insert(
            node["id"].as_u64().unwrap(),
            format!("{} {file:.12}", frame["functionName"].as_str().unwrap_or("?")),
        );
        for child in node["children"].as_array().into_iter().flatten() {
            parent.insert(child.as_u64().unwrap(), node["id"].as_u64().unwrap());
        }
    }
    let mut self_ms: HashMap<&str, f64> = HashMap::new();
    let mut total_ms: HashMap<&str, f64> = HashMap::new();
    let samples = profile["samples"].as_array().unwrap();
    let deltas = profile["timeDeltas"].as_array().unwrap();
    for (sample, delta) in samples.iter().zip(deltas).skip(1) {
        let ms = delta.as_f64().unwrap() / 1000.0;
        let mut id = sample.as_u64().unwrap();
        *self_ms.entry(name_of[&id].as_str()).or_default() += ms;
        let mut seen = HashSet::new();
        loop {
            let name = name_of[&id].as_str();
            if name.contains("sitecost::") && seen.insert(name) {
                *total_ms.entry(name).or_default() += ms;
            }
            match parent.get(&id) {
                Some(&p) => id = p,
                None => break,
            }
        }
    }
    for (label, map, count) in [("self", self_ms, 30), ("total", total_ms, 30)] {
        let mut top: Vec<_> = map.into_iter().collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (name, ms) in top.into_iter().take(count) {
            println!("  profile {label} {:>8.3} ms/event  {name:.140}", ms / events);
        }
    }
}

/// With `--trace` (and `--drag` for the drag plan): Chromium's trace events during one
/// scenario's timed events, summed by name and thread (nested events count in their parents
/// too), in ms per event. `TRACE_JS` runs a script first and `TRACE_CSS` adds CSS rules (to try
/// a change without a build).
fn print_trace(url: &str, plan: Vec<Value>, paced: bool) {
    let browser = Browser::start_tracing(Some(
        "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,blink,cc,v8.execute",
    ));
    browser.set_window_size(WINDOW.0, WINDOW.1);
    browser.goto(url);
    browser.wait_until("document.querySelectorAll('figure[data-chart] canvas').length === 7", "the app");
    browser.exec_async_with(RUN_PLAN, json!([plan[..20].to_vec(), paced]));
    if let Ok(script) = std::env::var("TRACE_JS") {
        browser.exec(&script, json!([]));
    }
    add_css(&browser, "TRACE_CSS");
    let n = plan.len() as f64;
    browser.exec("performance.mark('bench-start');", json!([]));
    browser.exec_async_with(RUN_PLAN, json!([plan, paced]));
    let events: Vec<Value> = browser
        .logs("performance")
        .into_iter()
        .filter_map(|entry| serde_json::from_str::<Value>(entry["message"].as_str()?).ok())
        .filter(|m| m["message"]["method"] == "Tracing.dataCollected")
        .map(|m| m["message"]["params"].clone())
        .collect();
    // Only what happened after the mark: the page load and the warm-up are left out.
    let start = events.iter().find(|e| e["name"] == "bench-start").and_then(|e| e["ts"].as_f64()).expect("the mark");
    // Per name and thread: the time summed over the events, and how many times it ran (a
    // frame's phases run once a frame, so their count tells the frames and ms/count their cost).
    let mut totals: std::collections::HashMap<String, (f64, u32)> = std::collections::HashMap::new();
    for event in events.iter().filter(|e| e["ph"] == "X" && e["ts"].as_f64().unwrap_or(0.0) >= start) {
        let key = format!("{} [thread {}]", event["name"].as_str().unwrap_or("?"), event["tid"]);
        let total = totals.entry(key).or_default();
        total.0 += event["dur"].as_f64().unwrap_or(0.0) / 1000.0;
        total.1 += 1;
    }
    let mut top: Vec<_> = totals.into_iter().collect();
    top.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0));
    for (name, (ms, count)) in top.into_iter().take(50) {
        println!("  trace {:>8.3} ms/event {count:>6} times {:>7.3} ms each  {name}", ms / n, ms / f64::from(count));
    }
}

/// One page's figures in `--compare`: each round's p50 and p95, and each control's p50 per round.
#[derive(Clone, Default)]
struct PageRounds {
    figures: Vec<(f64, f64)>,
    controls: Vec<(String, Vec<f64>)>,
}

/// With `--compare OTHER.html…`: the pages to measure against the built single file.
fn compare_pages() -> Option<Vec<String>> {
    let args: Vec<String> = std::env::args().collect();
    let at = args.iter().position(|a| a == "--compare")?;
    Some(args[at + 1..].iter().filter(|a| !a.starts_with("--")).cloned().collect())
}

/// With `--compare`: the default scenario (or, with `--regions50`, the fifty regions) on the
/// built page and on each other page, round by round in one browser (`COMPARE_ROUNDS`, 7 by
/// default), so that the machine's drift falls on every page alike. Prints, per page, the
/// median round's p50 and p95 and each round's p95, and the median of each control's p50.
fn compare(built: &str, others: &[String], fragment: &str, plan: Vec<Value>) {
    let rounds: usize = std::env::var("COMPARE_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(7);
    // Each page: its label, its address, and the CSS rules added to it (`css:RULES` is the
    // built page with those rules, to try a CSS change without a build).
    let mut pages: Vec<(String, String, Option<&str>)> = vec![("built".into(), built.to_string(), None)];
    pages.extend(others.iter().map(|p| match p.strip_prefix("css:") {
        Some(rules) => (p.clone(), built.to_string(), Some(rules)),
        None => {
            let path = std::fs::canonicalize(p).unwrap_or_else(|e| panic!("{p}: {e}"));
            (p.clone(), format!("file://{}", path.display()), None)
        }
    }));
    let browser = Browser::start();
    browser.set_window_size(WINDOW.0, WINDOW.1);
    let mut results = vec![PageRounds::default(); pages.len()];
    for _ in 0..rounds {
        for ((_, page, css), result) in pages.iter().zip(&mut results) {
            let times = run_round(&browser, &format!("{page}#{fragment}"), &plan, *css);
            let mut sorted = times.clone();
            sorted.sort_by(f64::total_cmp);
            result.figures.push((percentile(&sorted, 50.0), percentile(&sorted, 95.0)));
            for (control, mut ts) in by_control(&plan, &times) {
                ts.sort_by(f64::total_cmp);
                let p50 = percentile(&ts, 50.0);
                match result.controls.iter_mut().find(|(c, _)| *c == control) {
                    Some((_, v)) => v.push(p50),
                    None => result.controls.push((control, vec![p50])),
                }
            }
        }
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    for ((page, _, _), PageRounds { figures: round_figures, controls }) in pages.iter().zip(results) {
        let p95s: Vec<String> = round_figures.iter().map(|r| format!("{:.1}", r.1)).collect();
        println!("{page}");
        println!(
            "  p50 {:.2}  p95 {:.2}  (rounds' p95: {})",
            median(round_figures.iter().map(|r| r.0).collect()),
            median(round_figures.iter().map(|r| r.1).collect()),
            p95s.join(" ")
        );
        let controls: Vec<String> = controls.into_iter().map(|(c, v)| format!("{c} {:.2}", median(v))).collect();
        println!("  p50 by control: {}", controls.join(", "));
    }
}

/// One round of `plan` on a fresh document of `url`, after the warm-up: each event's time in ms.
fn run_round(browser: &Browser, url: &str, plan: &[Value], css: Option<&str>) -> Vec<f64> {
    open_warmed(browser, url, plan, false, css);
    serde_json::from_value(browser.exec_async_with(RUN_PLAN, json!([plan, false]))).expect("times")
}

/// Opens `url` on a fresh document, applies `BENCH_JS`, `BENCH_CSS` and `css`, and runs the first
/// events of `plan` as a warm-up: the first events compile and allocate, and users drag after
/// the page has settled.
fn open_warmed(browser: &Browser, url: &str, plan: &[Value], paced: bool, css: Option<&str>) {
    // A fresh document each time, whatever the previous one's fragment was.
    browser.goto("about:blank");
    browser.goto(url);
    browser.wait_until(
        "document.querySelectorAll('figure[data-chart] canvas').length === 7 && document.getElementById('share-link')",
        "the app",
    );
    if let Ok(script) = std::env::var("BENCH_JS") {
        browser.exec(&script, json!([]));
    }
    add_css(browser, "BENCH_CSS");
    if let Some(rules) = css {
        insert_css(browser, rules);
    }
    browser.exec_async_with(RUN_PLAN, json!([plan[..20].to_vec(), paced]));
}

/// The event times of `plan` grouped by the control each event went to, in plan order.
fn by_control(plan: &[Value], times: &[f64]) -> Vec<(String, Vec<f64>)> {
    let mut groups: Vec<(String, Vec<f64>)> = Vec::new();
    for (event, &t) in plan.iter().zip(times) {
        let id = event[0].as_str().unwrap_or("?").to_string();
        match groups.iter_mut().find(|(c, _)| *c == id) {
            Some((_, ts)) => ts.push(t),
            None => groups.push((id, vec![t])),
        }
    }
    groups
}

/// The machine's CPU time since boot, all of it and the part stolen by the hypervisor, in
/// clock ticks (`/proc/stat`; `None` where there is none).
fn cpu_times() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let ticks: Vec<u64> = stat.lines().next()?.split_whitespace().skip(1).filter_map(|t| t.parse().ok()).collect();
    // user nice system idle iowait irq softirq steal: guest times are already in user and nice.
    Some((ticks.iter().take(8).sum(), *ticks.get(7)?))
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
            costs: Vec::new(),
        })
        .collect();
    fifty.apply(&Action::AddSites(sites)).expect("50 regions");
    let fifty_url = format!("{url}{}", fragment(&fifty, false));

    if std::env::args().any(|a| a == "--trace") {
        let drag = std::env::args().any(|a| a == "--drag");
        // Paced as the scenarios are: the drag one event per frame, the mixed events back to back.
        print_trace(&default_url, if drag { plan_drag() } else { plan_mixed("texas") }, drag);
        return;
    }
    if let Some(others) = compare_pages() {
        let (scenario_url, plan_region) = if std::env::args().any(|a| a == "--regions50") {
            (fifty_url.as_str(), "candidate-site-7")
        } else {
            (default_url.as_str(), "texas")
        };
        let fragment = scenario_url.split_once('#').map_or("", |(_, f)| f);
        compare(&url, &others, fragment, plan_mixed(plan_region));
        return;
    }
    let profile = std::env::args().any(|a| a == "--profile");
    let mut figures: Vec<(String, f64)> = Vec::new();
    let cpu_before = cpu_times();
    let browser = Browser::start();
    browser.set_window_size(WINDOW.0, WINDOW.1);
    for (name, page, plan, paced) in [
        ("default", default_url.as_str(), plan_mixed("texas"), false),
        ("regions50", fifty_url.as_str(), plan_mixed("candidate-site-7"), false),
        ("drag", default_url.as_str(), plan_drag(), true),
    ] {
        let rounds: Vec<((f64, f64, f64), [f64; 4])> =
            // `--profile` samples the first round of the default scenario.
            (0..ROUNDS).map(|round| measure(&browser, page, plan.clone(), paced, profile && round == 0 && name == "default")).collect();
        let median_of = |f: &dyn Fn(&((f64, f64, f64), [f64; 4])) -> f64| {
            let mut v: Vec<f64> = rounds.iter().map(f).collect();
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let p95s: Vec<f64> = rounds.iter().map(|r| r.0 .1).collect();
        figures.push((format!("{name}.p50_ms"), median_of(&|r| r.0 .0)));
        figures.push((format!("{name}.p95_ms"), median_of(&|r| r.0 .1)));
        figures.push((format!("{name}.p95_ms_lowest_round"), p95s.iter().copied().fold(f64::INFINITY, f64::min)));
        figures.push((format!("{name}.p95_ms_highest_round"), p95s.iter().copied().fold(0.0, f64::max)));
        figures.push((format!("{name}.max_ms"), rounds.iter().map(|r| r.0 .2).fold(0.0, f64::max)));
        // Where an event's time goes on the main thread, averaged over the median round by
        // each: script (model, Yew diff, chart drawing), layout, style recalculation, and the
        // whole task.
        for (i, part) in ["script", "layout", "style", "task"].into_iter().enumerate() {
            figures.push((format!("{name}.{part}_ms_per_event"), median_of(&|r| r.1[i])));
        }
    }
    drop(browser);
    if let (Some(before), Some(after)) = (cpu_before, cpu_times()) {
        // The share of the machine's CPU time that the hypervisor gave to other guests while
        // the scenarios ran: a shared machine's figures are slower when it is high.
        let total = (after.0 - before.0).max(1) as f64;
        figures.push(("cpu_steal_pct".into(), 100.0 * (after.1 - before.1) as f64 / total));
    }

    // First chart: navigation to the first drawn chart. "Warm" reloads the file in a browser
    // that is already running, as a double-click does with the browser open; "cold" starts a
    // new browser first, which adds Chromium's own start-up (fonts above all) to the figure.
    // Also returns how long of it the single file spent unpacking its wasm.
    let first_chart = |b: &Browser| {
        b.goto("about:blank");
        b.goto(&default_url);
        b.wait_until("performance.getEntriesByName('sitecost:first-chart').length > 0", "the first chart");
        let times = b.exec(
            "return [performance.getEntriesByName('sitecost:first-chart')[0].startTime, \
                     performance.getEntriesByName('sitecost:unpack')[0].duration];",
            json!([]),
        );
        (times[0].as_f64().expect("a time"), times[1].as_f64().expect("a duration"))
    };
    let warm_browser = Browser::start();
    warm_browser.set_window_size(WINDOW.0, WINDOW.1);
    first_chart(&warm_browser);
    let (mut warm, mut unpack): (Vec<f64>, Vec<f64>) = (0..LOADS).map(|_| first_chart(&warm_browser)).unzip();
    drop(warm_browser);
    let cold_browser = || {
        let b = Browser::start();
        b.set_window_size(WINDOW.0, WINDOW.1);
        b
    };
    let mut cold: Vec<f64> = (0..LOADS).map(|_| first_chart(&cold_browser()).0).collect();
    warm.sort_by(f64::total_cmp);
    unpack.sort_by(f64::total_cmp);
    cold.sort_by(f64::total_cmp);
    figures.push(("first_chart_ms".into(), percentile(&warm, 50.0)));
    figures.push(("first_chart_unpack_ms".into(), percentile(&unpack, 50.0)));
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
