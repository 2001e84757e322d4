//! `sitecost-render`: a saved scenario's figures from the command line — every chart as SVG, the
//! two CSVs and summary.md — by the page's own model and chart code (see `sitecost::figures`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sitecost::chart::{MIN_WIDTH, SIZE};
use sitecost::figures::{figures, read_scenario};

const USAGE: &str = "usage: sitecost-render SCENARIO --out DIR [--width PX] [--page URL]

SCENARIO  the JSON file the page exports (\"Scenario (JSON)\"), a file holding a scenario link,
          or the link itself (an address with #s=…)
--out     the folder to write into (made if missing)
--width   the charts' column width in CSS pixels, 280 to 640 (default 640, as the page exports)
--page    the page's address for summary.md's link (default sitecost.html)

PNG is not made here: rasterising text needs a font library. The page's PNG buttons make one.";

struct Args {
    scenario: String,
    out: PathBuf,
    width_px: u32,
    page: String,
}

/// Reads the command line; every mistake is named, with the usage after them.
fn parse(args: &[String]) -> Result<Args, Vec<String>> {
    let (mut scenario, mut out, mut width_px, mut page) = (None, None, SIZE.0, "sitecost.html".to_string());
    let mut problems = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| rest.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--out" => out = value("--out").map_err(|e| problems.push(e)).ok().map(PathBuf::from),
            "--page" => {
                page = value("--page").unwrap_or_else(|e| {
                    problems.push(e);
                    page.clone()
                })
            }
            "--width" => match value("--width").map(|w| w.parse::<u32>()) {
                Ok(Ok(w)) if (MIN_WIDTH..=SIZE.0).contains(&w) => width_px = w,
                Ok(_) => problems.push(format!("--width must be a whole number from {MIN_WIDTH} to {}", SIZE.0)),
                Err(e) => problems.push(e),
            },
            "--png" => problems.push("--png: PNG is left to the page (its PNG buttons); this tool writes SVG".into()),
            flag if flag.starts_with("--") => problems.push(format!("{flag} is not an option")),
            path if scenario.is_none() => scenario = Some(path.to_string()),
            extra => problems.push(format!("{extra}: only one scenario at a time")),
        }
    }
    if scenario.is_none() {
        problems.push("no scenario given".into());
    }
    if out.is_none() {
        problems.push("--out is missing".into());
    }
    match (scenario, out) {
        (Some(scenario), Some(out)) if problems.is_empty() => Ok(Args { scenario, out, width_px, page }),
        _ => Err(problems),
    }
}

/// A scenario argument: a file's text, or the link itself when no such file exists.
fn scenario_text(arg: &str) -> Result<String, String> {
    let path = Path::new(arg);
    if path.exists() || !arg.contains("s=") {
        std::fs::read_to_string(path).map_err(|e| format!("{arg}: {e}"))
    } else {
        Ok(arg.to_string())
    }
}

fn fail(problems: &[String], usage: bool) -> ExitCode {
    for problem in problems {
        eprintln!("sitecost-render: {problem}");
    }
    if usage {
        eprintln!("\n{USAGE}");
    }
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse(&args) {
        Ok(args) => args,
        Err(problems) => return fail(&problems, true),
    };
    // Everything is read and checked before anything is written.
    let scenario = match scenario_text(&args.scenario).map_err(|e| vec![e]).and_then(|t| read_scenario(&t)) {
        Ok(scenario) => scenario,
        Err(problems) => return fail(&problems, false),
    };
    let files = figures(&scenario, args.width_px, &args.page);
    let written = std::fs::create_dir_all(&args.out)
        .and_then(|()| files.iter().try_for_each(|(name, text)| std::fs::write(args.out.join(name), text)));
    if let Err(e) = written {
        return fail(&[format!("{}: {e}", args.out.display())], false);
    }
    for (name, _) in &files {
        println!("{}", args.out.join(name).display());
    }
    ExitCode::SUCCESS
}
