//! Region names, ids and colours: what a name may be, the URL-safe id made from it, and the
//! colour a user region keeps through renames.

/// The longest region name, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// Why a region name was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum NameError {
    Empty,
    TooLong,
    ControlCharacter,
    Taken,
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NameError::Empty => "A region name cannot be empty.",
            NameError::TooLong => "A region name has at most 60 characters.",
            NameError::ControlCharacter => "A region name cannot contain line breaks or control characters.",
            NameError::Taken => "Another region already has this name.",
        })
    }
}

/// Checks a name and returns it trimmed. Names compare case-insensitively for `Taken`, so that
/// "Texas" and "texas" never label two lines of one chart.
pub fn check_name<'a>(name: &'a str, others: impl IntoIterator<Item = &'a str>) -> Result<&'a str, NameError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(NameError::TooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(NameError::ControlCharacter);
    }
    let lower = name.to_lowercase();
    if others.into_iter().any(|o| o.trim().to_lowercase() == lower) {
        return Err(NameError::Taken);
    }
    Ok(name)
}

/// The seed ids, reserved so that "Restore seed regions" can always bring a seed back.
pub const SEED_IDS: [&str; 6] = ["kazakhstan", "texas", "wyoming", "new-york", "georgia", "siberia"];

/// A URL-safe id for a new region: the name's ASCII letters and digits in lower case, other
/// runs of characters as one hyphen, at most 40 characters, "site" if nothing is left, and a
/// numeric suffix while the id is taken (seed ids count as taken).
pub fn slug_id(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c.to_ascii_lowercase());
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
        if base.len() >= 40 {
            break;
        }
    }
    let base = match base.trim_end_matches('-') {
        "" => "site",
        b => b,
    }
    .to_string();
    // The stay-or-move table's plan row is `data-option="plan"`, so no region may be `plan`.
    let free = |id: &str| !taken(id) && !SEED_IDS.contains(&id) && id != super::stay_or_move::PLAN_ID;
    if free(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| free(id)).expect("some suffix is free")
}

/// A name not yet used: `base`, else `base 2`, `base 3`… (trimmed to fit the length limit).
pub fn unused_name(base: &str, names: impl Fn(&str) -> bool) -> String {
    let base: String = base.chars().take(MAX_NAME_CHARS - 4).collect();
    if !names(&base) {
        return base;
    }
    (2..).map(|n| format!("{base} {n}")).find(|n| !names(n)).expect("some suffix is free")
}

/// A colour for a user region, derived from its id so that it survives renames, reorders and
/// links: the id's hash picks a hue, saturation and lightness stay where lines read on white.
pub fn color_for_id(id: &str) -> [u8; 3] {
    // FNV-1a: small, stable across platforms and releases (unlike std's hasher).
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3));
    let hue = (hash % 360) as f64;
    let lightness = 0.38 + ((hash >> 16) % 12) as f64 / 100.0;
    hsl_to_rgb(hue, 0.65, lightness)
}

fn hsl_to_rgb(hue: f64, s: f64, l: f64) -> [u8; 3] {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let h = hue / 60.0;
    let x = c * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    let to_byte = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    [to_byte(r), to_byte(g), to_byte(b)]
}
