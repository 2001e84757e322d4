//! Style and architecture rules, checked on the source tree so they cannot drift.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_rust_file_opens_with_a_module_doc_line() {
    for dir in ["src", "tests", "unlzma/src"] {
        for file in rust_files(&root().join(dir)) {
            let text = fs::read_to_string(&file).unwrap();
            assert!(text.starts_with("//! "), "{} must open with a `//!` line saying what it is for", file.display());
        }
    }
}

#[test]
fn the_model_imports_no_ui_browser_or_chart_crate() {
    for file in rust_files(&root().join("src/model")) {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for banned in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys", "plotters"] {
                assert!(
                    !line.contains(&format!("{banned}::")),
                    "{}:{}: the model must stay pure Rust, but names {banned}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}

#[test]
fn each_ui_file_holds_one_component_named_after_it() {
    for file in rust_files(&root().join("src/ui")) {
        let stem = file.file_stem().unwrap().to_str().unwrap().to_string();
        let text = fs::read_to_string(&file).unwrap();
        let components: Vec<&str> = text
            .lines()
            .zip(text.lines().skip(1))
            .filter(|(attr, _)| attr.trim() == "#[component]")
            .filter_map(|(_, f)| f.trim().strip_prefix("pub fn ").and_then(|r| r.split('(').next()))
            .collect();
        // Hooks of our own live in files named after them (`use_autosave.rs`), beside the components.
        let helpers = [
            "mod",
            "state",
            "download",
            "canvas_draw",
            "canvas_surface",
            "chart_painter",
            "paint_queue",
            "startup",
            "mount",
            "storage",
        ];
        if helpers.contains(&stem.as_str()) || stem.starts_with("use_") {
            assert!(components.is_empty(), "{} should hold no component", file.display());
            continue;
        }
        let camel: String = stem.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect();
        assert_eq!(components, vec![camel.as_str()], "{} must define exactly the component {camel}", file.display());
    }
}

#[test]
fn every_component_function_is_short_enough_to_read_at_once() {
    // Behaviour that is not layout belongs in a hook of our own (`use_*.rs`).
    const MAX_LINES: usize = 80;
    for file in rust_files(&root().join("src/ui")) {
        let text = fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (start, _) in lines.iter().enumerate().filter(|(_, l)| l.trim() == "#[component]") {
            let end = (start..lines.len()).find(|&i| lines[i].starts_with('}')).expect("a component ends");
            let name = lines[start + 1].trim();
            let length = end - start;
            assert!(length <= MAX_LINES, "{}: `{name}` is {length} lines (at most {MAX_LINES})", file.display());
        }
    }
}

#[test]
fn main_only_mounts_the_app() {
    let main = fs::read_to_string(root().join("src/main.rs")).unwrap();
    let code: Vec<&str> = main.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//")).collect();
    assert!(code.len() <= 5, "src/main.rs should only mount the app, found {} lines of code", code.len());
}

#[test]
fn nothing_user_typed_can_become_markup() {
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&file).unwrap();
        for banned in ["from_html_unchecked", "set_inner_html", "inner_html"] {
            assert!(!text.contains(banned), "{} uses {banned}: render text with text APIs only", file.display());
        }
    }
}
