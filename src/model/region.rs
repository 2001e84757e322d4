//! Candidate regions: their power price, capacity cap and uptime, and the sourced seed data.

use std::rc::Rc;

use super::csv;
use super::fields::RegionField;

/// Where a default value comes from: a citation with its date, or an assumption of ours.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced {
    pub text: String,
    /// True when the value is our own assumption rather than a published figure;
    /// the UI labels such values so that nobody cites them as facts.
    pub assumption: bool,
}

impl Sourced {
    fn new(text: &str) -> Self {
        Sourced { text: text.to_string(), assumption: text.starts_with("Assumption") }
    }
}

/// The sources of a region's default values, one per regional field.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSources {
    pub price: Sourced,
    pub cap: Sourced,
    pub uptime: Sourced,
}

impl RegionSources {
    pub fn get(&self, field: RegionField) -> &Sourced {
        match field {
            RegionField::Price => &self.price,
            RegionField::Cap => &self.cap,
            RegionField::Uptime => &self.uptime,
        }
    }
}

/// One candidate region with its editable values.
///
/// Strings are shared (`Rc`) because a report is derived from the scenario on every slider
/// event and copies them into its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// Stable, URL-safe id used by the DOM contract (`price-<id>`, `tr[data-region="<id>"]`);
    /// it never changes, not even when the region is renamed.
    pub id: Rc<str>,
    /// Free text of 1 to [`MAX_NAME_CHARS`] characters; shown only through text APIs.
    pub name: Rc<str>,
    /// The region's colour in every chart.
    pub color_rgb: [u8; 3],
    pub power_usd_per_kwh: f64,
    pub cap_mw: f64,
    pub uptime_pct: f64,
    /// The user's own note on where the numbers come from (may be empty).
    pub note: Rc<str>,
    /// Citations of the seed data, kept by a seed region and its copies; `None` for a region
    /// the user made or imported.
    pub sources: Option<Rc<RegionSources>>,
}

/// A region's name and where its values come from: what the sources footnote shows, which
/// stays equal while only values change (so the footnote is not rendered again).
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    pub name: Rc<str>,
    pub sources: Option<Rc<RegionSources>>,
    pub note: Rc<str>,
}

impl Citation {
    /// Where a field's value comes from: the seed citation, else the user's note.
    pub fn source(&self, field: RegionField) -> Sourced {
        match &self.sources {
            Some(s) => s.get(field).clone(),
            None if !self.note.is_empty() => Sourced { text: self.note.to_string(), assumption: false },
            None => Sourced { text: USER_SOURCE.to_string(), assumption: false },
        }
    }
}

/// The longest region name, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// A region made in the page: a round set of values the user is expected to change.
pub const TEMPLATE: (f64, f64, f64) = (0.05, 50.0, 95.0);

/// What to say about a value that has no seed citation.
const USER_SOURCE: &str = "Entered by the user.";

impl Region {
    /// A region the user made or imported; its colour follows from its id.
    pub fn user(id: &str, name: &str, power_usd_per_kwh: f64, cap_mw: f64, uptime_pct: f64, note: &str) -> Region {
        Region {
            id: id.into(),
            name: name.into(),
            color_rgb: color_for_id(id),
            power_usd_per_kwh,
            cap_mw,
            uptime_pct,
            note: note.into(),
            sources: None,
        }
    }

    /// Where a field's value comes from: the seed citation, else the user's note.
    pub fn source(&self, field: RegionField) -> Sourced {
        self.citation().source(field)
    }

    /// What the region's values are cited from, without the values themselves.
    pub fn citation(&self) -> Citation {
        Citation { name: self.name.clone(), sources: self.sources.clone(), note: self.note.clone() }
    }

    /// The one-line source text of the CSV export: the user's note, else the seed citations.
    pub fn source_text(&self) -> String {
        match (&*self.note, &self.sources) {
            ("", Some(s)) => format!("Power price: {} Cap: {} Uptime: {}", s.price.text, s.cap.text, s.uptime.text),
            (note, _) => note.to_string(),
        }
    }

    pub fn value(&self, field: RegionField) -> f64 {
        match field {
            RegionField::Price => self.power_usd_per_kwh,
            RegionField::Cap => self.cap_mw,
            RegionField::Uptime => self.uptime_pct,
        }
    }

    pub(crate) fn set_value(&mut self, field: RegionField, value: f64) {
        match field {
            RegionField::Price => self.power_usd_per_kwh = value,
            RegionField::Cap => self.cap_mw = value,
            RegionField::Uptime => self.uptime_pct = value,
        }
    }
}

/// The seed data, compiled in so that the page needs no request to start.
pub const SEED_CSV: &str = include_str!("regions.csv");

/// The six seed regions, in display order.
///
/// The data file is part of the build and `tests/regions.rs` parses it, so a malformed file
/// fails the tests rather than the page; the `expect`s below can therefore not fire in a build
/// that passed them.
pub fn seed_regions() -> Vec<Region> {
    let records = csv::parse(SEED_CSV).expect("regions.csv is valid CSV");
    let header = &records[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("regions.csv lacks {name}"));
    let (id, name, color) = (col("id"), col("name"), col("color"));
    let (price, cap, uptime) = (col("price_usd_per_kwh"), col("cap_mw"), col("uptime_pct"));
    let (price_src, cap_src, uptime_src) = (col("price_source"), col("cap_source"), col("uptime_source"));
    records[1..]
        .iter()
        .map(|r| {
            let num = |i: usize, field: RegionField| {
                field.spec().parse(&r[i]).unwrap_or_else(|e| panic!("regions.csv, {}: {e}", r[id]))
            };
            Region {
                id: r[id].as_str().into(),
                name: r[name].as_str().into(),
                color_rgb: parse_hex_color(&r[color]).unwrap_or_else(|| panic!("regions.csv, {}: bad colour", r[id])),
                power_usd_per_kwh: num(price, RegionField::Price),
                cap_mw: num(cap, RegionField::Cap),
                uptime_pct: num(uptime, RegionField::Uptime),
                note: "".into(),
                sources: Some(Rc::new(RegionSources {
                    price: Sourced::new(&r[price_src]),
                    cap: Sourced::new(&r[cap_src]),
                    uptime: Sourced::new(&r[uptime_src]),
                })),
            }
        })
        .collect()
}

/// Reads `#rrggbb`.
pub fn parse_hex_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

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
    let free = |id: &str| !taken(id) && !SEED_IDS.contains(&id);
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
