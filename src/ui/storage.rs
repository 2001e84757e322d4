//! The autosaved scenario in localStorage, which may be missing, full or refused (private mode).

/// Where the scenario is kept; the version matches the link format it is stored in.
const KEY: &str = "sitecost.scenario.v1";

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "the browser refuses storage to this page".to_string())?
        .ok_or_else(|| "this browser has no local storage".to_string())
}

/// The saved link text, if any.
pub fn load() -> Result<Option<String>, String> {
    storage()?.get_item(KEY).map_err(|_| "the saved scenario could not be read".to_string())
}

/// Saves the link text; fails when storage is full or unavailable.
pub fn save(link: &str) -> Result<(), String> {
    storage()?.set_item(KEY, link).map_err(|_| "storage is full or unavailable".to_string())
}

/// Forgets the saved scenario (after "Reset to defaults").
pub fn clear() -> Result<(), String> {
    storage()?.remove_item(KEY).map_err(|_| "storage is unavailable".to_string())
}
