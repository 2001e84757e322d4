//! `make bench`'s tools for finding where an event's time goes: a CPU profile, a trace, interleaved comparisons.

use serde_json::{json, Value};

use super::hourly::ScenarioFile;
use super::support::webdriver::Browser;
use super::{add_css, by_control, median, open_warmed, percentile, RUN_PLAN};

/// With `--profile`: a sampled CPU profile of the timed events; prints the functions with the
/// most self time, and our own functions by total time (themselves and what they call), per
/// event. Wasm functions have names in a build that keeps them (`data-keep-debug`).
pub fn print_profile(profile: &Value, events: f64) {
    use std::collections::{HashMap, HashSet};
    if let Ok(path) = std::env::var("PROFILE_JSON") {
        std::fs::write(path, profile.to_string()).expect("the profile is written");
    }
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

/// With `--trace` (and `--drag` for the drag plan, `--regions50-hourly` for that scenario's
/// file and events, or `--jumps` for the jumps in their window): Chromium's trace events during one scenario's timed events, summed by name and thread (nested events count in their parents
/// too), in ms per event. `TRACE_JS` runs a script first and `TRACE_CSS` adds CSS rules (to try
/// a change without a build).
pub fn print_trace(url: &str, import: Option<&ScenarioFile>, plan: Vec<Value>, paced: bool, window: (u32, u32)) {
    let browser = Browser::start_tracing(Some(
        "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,blink,cc,v8.execute",
    ));
    browser.set_window_size(window.0, window.1);
    browser.goto(url);
    browser.wait_until(
        &format!(
            "document.querySelectorAll('figure[data-chart] canvas').length === {}",
            sitecost::chart::ChartKind::ALL.len()
        ),
        "the app",
    );
    if let Some(file) = import {
        file.open(&browser);
    }
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
    if let Ok(path) = std::env::var("TRACE_JSON") {
        std::fs::write(path, Value::Array(events.clone()).to_string()).expect("the trace is written");
    }
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
    // What the layouts and style recalculations covered: objects and elements, summed per event.
    let after = |e: &&Value| e["ts"].as_f64().unwrap_or(0.0) >= start;
    let sum = |name: &str, pointer: &str| -> f64 {
        events.iter().filter(after).filter(|e| e["name"] == name).filter_map(|e| e.pointer(pointer)?.as_f64()).sum()
    };
    println!(
        "  trace layouts: {:.0} dirty of {:.0} objects per event; style: {:.0} elements per event",
        sum("Layout", "/args/beginData/dirtyObjects") / n,
        sum("Layout", "/args/beginData/totalObjects") / n,
        sum("UpdateLayoutTree", "/args/elementCount") / n,
    );
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
pub fn compare_pages() -> Option<Vec<String>> {
    let args: Vec<String> = std::env::args().collect();
    let at = args.iter().position(|a| a == "--compare")?;
    Some(args[at + 1..].iter().filter(|a| !a.starts_with("--")).cloned().collect())
}

/// With `--compare`: the default scenario (or, with `--regions50`, the fifty regions; with
/// `--regions50-hourly`, the fifty with a year of hourly prices each, from `import`; with
/// `--jumps`, the jumps in their taller window) on the
/// built page and on each other page, round by round in one browser (`COMPARE_ROUNDS`, 7 by
/// default), so that the machine's drift falls on every page alike. Prints, per page, the
/// median round's p50 and p95 and each round's p95, and the median of each control's p50.
pub fn compare(
    built: &str,
    others: &[String],
    fragment: &str,
    import: Option<&ScenarioFile>,
    plan: Vec<Value>,
    window: (u32, u32),
) {
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
    browser.set_window_size(window.0, window.1);
    let mut results = vec![PageRounds::default(); pages.len()];
    for _ in 0..rounds {
        for ((_, page, css), result) in pages.iter().zip(&mut results) {
            let times = run_round(&browser, &format!("{page}#{fragment}"), import, &plan, *css);
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
fn run_round(
    browser: &Browser,
    url: &str,
    import: Option<&ScenarioFile>,
    plan: &[Value],
    css: Option<&str>,
) -> Vec<f64> {
    open_warmed(browser, url, import, plan, false, css);
    serde_json::from_value(browser.exec_async_with(RUN_PLAN, json!([plan, false]))).expect("times")
}
