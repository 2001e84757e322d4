//! `sitecost-render` run as a user runs it: the files it writes, their contents against the page's
//! own code, and bad input refused whole.

use std::path::PathBuf;
use std::process::{Command, Output};

use sitecost::chart::{render_svg, render_svg_at, ChartKind};
use sitecost::figures::read_scenario;
use sitecost::model::codec::{encode_link, to_json};
use sitecost::model::{report, report_csv, stay_or_move_csv, Action, RegionField, Scenario};

/// A fresh folder under the system's temporary one, for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitecost-render-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitecost-render")).args(args).output().expect("the binary runs")
}

fn read(dir: &std::path::Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A scenario other than the defaults: Texas's price, a levy, the fleet, and an origin.
fn edited() -> Scenario {
    let mut s = Scenario::default();
    s.apply(&Action::SetRegion(1, RegionField::Price, 0.052)).unwrap();
    s.apply(&Action::SetRegion(0, RegionField::Levy, 0.004)).unwrap();
    s.apply(&Action::SetOrigin(Some("kazakhstan".into()))).unwrap();
    s
}

#[test]
fn the_files_are_the_pages_figures_for_a_file_and_for_a_link() {
    for (name, scenario) in [("default", Scenario::default()), ("edited", edited())] {
        let dir = scratch(name);
        let file = dir.join("scenario.json");
        std::fs::write(&file, to_json(&scenario)).unwrap();
        let link = format!("https://example.org/sitecost/#s={}", encode_link(&scenario));
        for (input, out) in [(file.display().to_string(), dir.join("from-file")), (link, dir.join("from-link"))] {
            let output = run(&[&input, "--out", out.to_str().unwrap(), "--page", "https://example.org/sitecost/"]);
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            let r = report(&scenario);
            for kind in ChartKind::ALL {
                let svg = read(&out, &format!("sitecost-{}.svg", kind.name()));
                assert_eq!(svg, render_svg(kind, &r), "{name}: {kind:?}");
                let shown = if kind == ChartKind::PriceDuration { "Texas (ERCOT)" } else { "Kazakhstan" };
                assert!(svg.starts_with("<svg") && svg.contains(shown), "{name}: {kind:?}");
            }
            assert_eq!(read(&out, "sitecost-results.csv"), report_csv(&r));
            assert_eq!(read(&out, "sitecost-stay-or-move.csv"), stay_or_move_csv(&r));
            let summary = read(&out, "summary.md");
            assert!(summary.contains(&r.summary_sentence()), "{summary}");
            let texas =
                "- Power price: 0.052 USD/kWh (your value; the default 0.045 USD/kWh: Assumption: a mean of 4.5";
            assert_eq!(summary.contains(texas), name == "edited", "{summary}");
            assert!(summary.contains("Assumption"), "sources are stated: {summary}");
            // The link opens the very same scenario.
            let at = summary.find("<https://example.org/sitecost/#s=").expect("the link");
            let link = &summary[at + 1..at + summary[at..].find('>').unwrap()];
            assert_eq!(to_json(&read_scenario(link).unwrap()), to_json(&scenario), "{name}");
        }
    }
}

#[test]
fn the_width_sets_the_charts_column() {
    let dir = scratch("width");
    std::fs::write(dir.join("s.json"), to_json(&Scenario::default())).unwrap();
    let out = dir.join("out");
    let output = run(&[dir.join("s.json").to_str().unwrap(), "--out", out.to_str().unwrap(), "--width", "400"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let svg = read(&out, "sitecost-profit-vs-hashprice.svg");
    assert!(svg.starts_with("<svg width=\"400\""), "{}", &svg[..80]);
    assert_eq!(svg, render_svg_at(ChartKind::ProfitVsHashprice, &report(&Scenario::default()), 400));
}

#[test]
fn bad_input_lists_every_problem_exits_2_and_writes_nothing() {
    let dir = scratch("bad");
    let text = to_json(&Scenario::default())
        .replace("\"pue\": 1.1", "\"pue\": \"high\"")
        .replace("\"cap_mw\": 500", "\"cap_mw\": -5");
    std::fs::write(dir.join("bad.json"), text).unwrap();
    let out = dir.join("out");
    let output = run(&[dir.join("bad.json").to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("PUE (overhead) must be a number; found a string."), "{stderr}");
    assert!(stderr.contains("Capacity cap must be a number from 0 to 1000 MW; -5 is negative."), "{stderr}");
    assert!(!out.exists(), "nothing is written");
    // A link with an out-of-range value is refused too (the page would open it at the default).
    let link = format!("#s={}", encode_link(&Scenario::default()));
    let output = run(&[&link.replace("s=5~", "s=6~"), "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!out.exists());
    // Command-line mistakes are named, every one.
    let output = run(&["--width", "9000", "--png"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    for expected in [
        "--width must be a whole number from 280 to 640",
        "PNG is left to the page",
        "no scenario given",
        "--out is missing",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
}
