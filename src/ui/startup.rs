//! Which scenario the page opens with: the link's if it carries one, else the autosaved one, else the defaults.

use super::state::Banner;
use super::storage;
use crate::model::codec::{decode_link, encode_link, parse_fragment};
use crate::model::Scenario;

/// The opening scenario and what the user should be told about where it came from.
pub struct Start {
    pub scenario: Scenario,
    pub banner: Option<Banner>,
    pub embed: bool,
    /// Set when storage cannot be used: changes will not survive a reload.
    pub storage_problem: Option<String>,
    /// The page opened without a link, on the autosaved scenario or on the defaults with none
    /// saved: a reload finds this scenario as it is, so it need not be saved before a change.
    pub kept: bool,
}

fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

fn banner(title: &str, lines: Vec<String>) -> Option<Banner> {
    Some(Banner { title: title.into(), lines })
}

/// The scenario a link carries, with a banner when some or all of it could not be used.
pub fn from_link(link: &str) -> (Scenario, Option<Banner>) {
    match decode_link(link) {
        Ok(d) if d.problems.is_empty() => (d.scenario, None),
        Ok(d) => (
            d.scenario,
            banner(
                "Some values in this link could not be used; they were replaced by defaults.",
                d.problems.iter().map(|p| p.with_fallback()).collect(),
            ),
        ),
        Err(e) => {
            (Scenario::default(), banner("This link's scenario could not be read; showing the defaults.", vec![e]))
        }
    }
}

/// The scenario in the address bar's fragment now, if it carries one (after the user pastes a
/// new link into the address bar of an open page).
pub fn from_current_fragment() -> Option<(Scenario, Option<Banner>)> {
    parse_fragment(&hash()).scenario.map(from_link)
}

/// Whether the app runs in a browser; natively it is being prerendered (`src/bin/prerender.rs`)
/// and has no window, address or storage to read: it shows the defaults.
pub fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}

pub fn start() -> Start {
    if !in_browser() {
        return Start { scenario: Scenario::default(), banner: None, embed: false, storage_problem: None, kept: true };
    }
    let hash = hash();
    let fragment = parse_fragment(&hash);
    let saved = storage::load();
    let storage_problem = saved.as_ref().err().cloned();
    let linked = fragment.scenario.is_some();
    let (scenario, banner) = match (fragment.scenario, saved) {
        // The address bar's link carries hourly profiles short; the autosave of the same scenario
        // carries them whole, and wins when it is the same scenario.
        (Some(link), Ok(Some(text))) if decode_link(&text).is_ok_and(|d| encode_link(&d.scenario) == link) => {
            from_link(&text)
        }
        (Some(link), _) => from_link(link),
        (None, Ok(Some(text))) => match decode_link(&text) {
            Ok(d) => (d.scenario, None),
            Err(e) => {
                (Scenario::default(), banner("Your saved scenario could not be read; showing the defaults.", vec![e]))
            }
        },
        (None, _) => (Scenario::default(), None),
    };
    let kept = !linked && storage_problem.is_none() && banner.is_none();
    Start { scenario, banner, embed: fragment.embed, storage_problem, kept }
}
