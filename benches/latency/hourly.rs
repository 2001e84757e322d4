//! `make bench`'s hourly-price scenario: fifty regions with a year of hourly prices each, and the time to import one.

use std::path::PathBuf;

use serde_json::{json, Value};
use sitecost::model::codec::to_json;
use sitecost::model::{Action, Scenario};

use super::support::month_and_day;
use super::support::webdriver::Browser;

/// Hours in the synthetic year (2025, not a leap year).
pub const HOURS: usize = 8_760;

/// Imports of the 8 760-row CSV timed, each on a fresh document; the figure is their median.
pub const IMPORTS: usize = 5;

/// A 64-bit mix of two numbers (splitmix64), for noise that is the same in every run.
fn mix(a: u64, b: u64) -> u64 {
    let mut z = (a << 32 ^ b).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE5_E4B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A synthetic but wholesale-like year of hourly prices for region number `region`: (calendar
/// month, USD/kWh). A base of 3–4.7 ¢, an evening peak and a summer peak whose sizes and hours
/// differ by region, noise of ±0.4 ¢, about one hour in 125 spiking to $0.2–2/kWh, and spring
/// nights now and then below zero, as ERCOT's are.
pub fn hourly_rows(region: usize) -> Vec<(Option<u8>, f64)> {
    use std::f64::consts::TAU;
    let r = region as u64;
    let base = 0.03 + 0.0007 * (region % 25) as f64;
    let daily = 0.006 + 0.0015 * (region % 5) as f64;
    let seasonal = 0.004 + 0.002 * (region % 4) as f64;
    let peak_hour = 16.0 + (region % 4) as f64;
    (0..HOURS)
        .map(|h| {
            let (day, hour) = (h / 24, h % 24);
            let (month, _) = month_and_day(day);
            let noise = mix(r, h as u64);
            let uniform = (noise % 10_000) as f64 / 10_000.0;
            let mut price = base
                + daily * (TAU * (hour as f64 - peak_hour + 6.0) / 24.0).sin()
                + seasonal * (TAU * (day as f64 - 215.0) / 365.0).cos()
                + 0.008 * (uniform - 0.5);
            let roll = (noise >> 20) % 1_000;
            if roll < 8 {
                price = 0.2 + 1.8 * ((noise >> 40) % 1_000) as f64 / 1_000.0;
            } else if (3..=5).contains(&month) && hour < 6 && roll < 60 {
                price = -0.002 - 0.02 * uniform;
            }
            (Some(month), price)
        })
        .collect()
}

/// The rows as the CSV a user would paste: ISO timestamps in Central standard time and prices
/// in USD/MWh to $0.1, as market data comes.
pub fn price_csv(rows: &[(Option<u8>, f64)]) -> String {
    let mut csv = String::from("timestamp,usd_per_mwh\n");
    for (h, (_, price_usd_per_kwh)) in rows.iter().enumerate() {
        let (month, day) = month_and_day(h / 24);
        csv.push_str(&format!("2025-{month:02}-{day:02}T{:02}:00-06:00,{:.1}\n", h % 24, price_usd_per_kwh * 1000.0));
    }
    csv
}

/// `scenario` with a synthetic year of hourly prices ([`hourly_rows`]) for every region that has
/// no profile yet; a seed profile (Texas's ERCOT year) stays.
pub fn with_hourly_profiles(scenario: &Scenario) -> Scenario {
    let mut hourly = scenario.clone();
    for (i, region) in scenario.regions.iter().enumerate() {
        if region.profile.is_none() {
            hourly
                .apply(&Action::SetPriceProfile(region.id.to_string(), hourly_rows(i)))
                .expect("a synthetic profile is a valid one");
        }
    }
    hourly
}

/// A scenario file for the page's `import-json` input, and what opening it shows: how many
/// regions have an hourly profile and how many intervals they hold in all.
pub struct ScenarioFile {
    pub path: PathBuf,
    pub profiles: usize,
    pub intervals: usize,
}

impl ScenarioFile {
    /// Writes `scenario` as a scenario file at `path`.
    pub fn write(scenario: &Scenario, path: PathBuf) -> ScenarioFile {
        std::fs::write(&path, to_json(scenario)).expect("the scenario file is written");
        let counts: Vec<usize> =
            scenario.regions.iter().filter_map(|r| r.profile.as_ref().map(|p| p.count())).collect();
        ScenarioFile { path, profiles: counts.len(), intervals: counts.iter().sum() }
    }

    /// Opens the file on the page already open, through its `import-json` input, and waits until
    /// the regions' notes show every profile with every interval.
    ///
    /// A file rather than a link, since a file carries every hour of a profile, while a link may
    /// carry a compact curve of it only.
    pub fn open(&self, browser: &Browser) {
        browser.send_keys("#import-json", &self.path.display().to_string());
        browser.wait_until(
            &format!(
                "(() => {{ const counts = [...document.querySelectorAll('p[id^=\"profile-\"]')]
                     .map(p => Number((/Hourly prices: ([\\d,]+) intervals/.exec(p.textContent) || [0, '0'])[1].replace(/,/g, '')));
                   return counts.length === {} && counts.reduce((a, b) => a + b, 0) === {}; }})()",
                self.profiles, self.intervals
            ),
            "every region's hourly profile",
        );
    }
}

/// Times one import of `csv` for `region`, in ms, with the panel in sight as a user has it:
/// pasting it into `import-prices-text` until the preview counts its rows and is painted, then
/// confirming until the region's row of the results table changes and is painted.
const TIME_IMPORT: &str = r#"
    const [csv, region, rows] = arguments, done = arguments[arguments.length - 1];
    const channel = new MessageChannel();
    const macrotask = () => new Promise(resolve => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
    const until = async (test, what) => {
        const deadline = performance.now() + 20000;
        while (!test()) {
            if (performance.now() > deadline) throw new Error('timed out waiting for ' + what);
            await macrotask();
        }
    };
    const painted = () => new Promise(resolve => requestAnimationFrame(() => macrotask().then(resolve)));
    const row = () => [...document.querySelectorAll(`#results tr[data-region="${region}"] td[data-metric]`)].map(td => td.dataset.value).join(' ');
    (async () => {
        try {
            const select = document.getElementById('prices-region');
            select.value = region;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            await macrotask();
            const before = row();
            const text = document.getElementById('import-prices-text');
            text.scrollIntoView({ block: 'center' });
            await painted();
            const t0 = performance.now();
            text.value = csv;
            text.dispatchEvent(new Event('input', { bubbles: true }));
            await until(() => {
                const count = document.querySelector('#import-prices-preview [data-stat=count]');
                return count && count.textContent.replace(/\D/g, '') === String(rows);
            }, 'the preview');
            const confirm = document.getElementById('import-prices-confirm');
            await until(() => !confirm.disabled, 'the confirm button');
            await painted();
            const t1 = performance.now();
            confirm.click();
            await until(() => row() !== before, 'the table');
            await painted();
            const t2 = performance.now();
            done([t1 - t0, t2 - t1]);
        } catch (e) { done(String(e)); }
    })();
"#;

/// The median over [`IMPORTS`] fresh documents at `url` of importing an 8 760-row CSV into
/// `region`, in ms: the whole import, its preview and its confirmation, each the median of its own.
pub fn import_times(browser: &Browser, url: &str, region: &str) -> [f64; 3] {
    let csv = price_csv(&hourly_rows(7));
    let mut times: [Vec<f64>; 3] = Default::default();
    for _ in 0..IMPORTS {
        browser.goto("about:blank");
        browser.goto(url);
        browser.wait_until(
            &format!(
                "document.querySelectorAll('figure[data-chart] canvas').length === {} && document.getElementById('import-prices-text')",
                sitecost::chart::ChartKind::ALL.len()
            ),
            "the app",
        );
        let result: Value = browser.exec_async_with(TIME_IMPORT, json!([&csv, region, HOURS]));
        let [preview, confirm] = [0, 1].map(|i| result[i].as_f64().unwrap_or_else(|| panic!("import: {result}")));
        for (list, t) in times.iter_mut().zip([preview + confirm, preview, confirm]) {
            list.push(t);
        }
    }
    times.map(super::median)
}
