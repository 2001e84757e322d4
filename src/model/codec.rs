//! The scenario as a link fragment and as a JSON file: encoding, and decoding that checks every field.
//!
//! A link is `1~<5 globals>~<region>~…~<crc32>`: a version, the globals in [`GlobalField::ALL`]
//! order, one token per region (`id*price*cap*uptime`, then `*name*note` unless it is an unrenamed
//! seed with no note) and a CRC-32 of everything before it, so that any truncation or changed
//! character is caught. Names and notes are percent-encoded; every other character is one a mail
//! client leaves alone. Numbers are written in their shortest exact decimal form, so a link gives
//! back exactly the numbers it was made from.

use std::fmt::Write;

use super::fields::{FieldSpec, GlobalField, RegionField};
use super::json::{self, Json};
use super::region::{check_name, seed_regions, Region, TEMPLATE};
use super::scenario::{Globals, Scenario, MAX_REGIONS};

pub const LINK_VERSION: u32 = 1;
pub const JSON_SCHEMA: &str = "sitecost-scenario";
pub const JSON_VERSION: u32 = 1;

/// JSON member names of the globals, in [`GlobalField::ALL`] order.
const GLOBAL_KEYS: [&str; 5] = ["hashprice_usd_per_ph_day", "efficiency_j_per_th", "pue", "pool_fee_pct", "fleet_mw"];
/// JSON member names of a region's numbers, in [`RegionField::ALL`] order.
const REGION_KEYS: [&str; 3] = ["power_usd_per_kwh", "cap_mw", "uptime_pct"];

/// CRC-32 (IEEE), bit by bit: a link is a few hundred bytes, so a table would buy nothing.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn percent_encode(text: &str, out: &mut String) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_' {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Encodes a scenario as the text after `s=` in a link's fragment.
pub fn encode_link(scenario: &Scenario) -> String {
    let seeds = seed_regions();
    let mut out = format!("{LINK_VERSION}");
    for field in GlobalField::ALL {
        let _ = write!(out, "~{}", scenario.globals.value(field));
    }
    for r in &scenario.regions {
        let _ = write!(out, "~{}*{}*{}*{}", r.id, r.power_usd_per_kwh, r.cap_mw, r.uptime_pct);
        let plain_seed = r.note.is_empty() && seeds.iter().any(|s| s.id == r.id && s.name == r.name);
        if !plain_seed {
            out.push('*');
            percent_encode(&r.name, &mut out);
            out.push('*');
            percent_encode(&r.note, &mut out);
        }
    }
    let crc = crc32(out.as_bytes());
    let _ = write!(out, "~{crc:08x}");
    out
}

/// A scenario read from a link, and what had to be replaced by defaults on the way.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub scenario: Scenario,
    /// One sentence per field or region that was out of range or unreadable.
    pub problems: Vec<String>,
}

/// A region as written in a link or file, before it is checked.
struct RawRegion {
    id: String,
    name: Option<String>,
    numbers: [Result<f64, String>; 3],
    note: String,
}

/// Checks values one by one, keeping a readable note of every problem.
#[derive(Default)]
struct Checker {
    problems: Vec<String>,
}

impl Checker {
    /// The value if it is a number inside the field's range; otherwise `fallback`, noted.
    fn number(&mut self, place: &str, spec: &'static FieldSpec, raw: &Result<f64, String>, fallback: f64) -> f64 {
        let problem = match raw {
            Ok(v) => match spec.check(*v) {
                Ok(v) => return v,
                Err(e) => e.to_string(),
            },
            Err(what) => format!("{} must be a number; {what}.", spec.label),
        };
        self.problems.push(format!("{place}: {problem} Using {fallback} instead."));
        fallback
    }

    fn globals(&mut self, raw: &[Result<f64, String>; 5]) -> Globals {
        let defaults = Globals::default();
        let mut globals = defaults.clone();
        for (i, field) in GlobalField::ALL.into_iter().enumerate() {
            let v = self.number(field.spec().label, field.spec(), &raw[i], defaults.value(field));
            globals.set_value(field, v);
        }
        globals
    }

    /// Builds the regions, skipping (with a note) any that cannot stand: a bad or repeated id,
    /// a new region without a usable name, or more than the scenario holds.
    fn regions(&mut self, raw: Vec<RawRegion>) -> Vec<Region> {
        let seeds = seed_regions();
        let mut regions: Vec<Region> = Vec::new();
        for (i, r) in raw.into_iter().enumerate() {
            let place = format!("Region {} ({})", i + 1, r.id);
            if regions.len() == MAX_REGIONS {
                self.problems.push(format!("{place}: a scenario holds at most {MAX_REGIONS} regions; left out."));
                continue;
            }
            let id_ok = !r.id.is_empty()
                && r.id.len() <= 60
                && r.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !id_ok || regions.iter().any(|x| *x.id == *r.id) {
                self.problems.push(format!("{place}: the id is not valid or is used twice; left out."));
                continue;
            }
            let seed = seeds.iter().find(|s| *s.id == *r.id);
            let base = seed.cloned().unwrap_or_else(|| {
                let (p, c, u) = TEMPLATE;
                Region::user(&r.id, "", p, c, u, "")
            });
            let name = match (&r.name, seed) {
                (None, Some(s)) => s.name.to_string(),
                (None, None) => {
                    self.problems.push(format!("{place}: a region that is not a seed needs a name; left out."));
                    continue;
                }
                (Some(n), _) => match check_name(n, regions.iter().map(|x| &*x.name)) {
                    Ok(n) => n.to_string(),
                    Err(e) => {
                        self.problems.push(format!("{place}: {e} Left out."));
                        continue;
                    }
                },
            };
            let mut region = Region { name: name.as_str().into(), note: r.note.as_str().into(), ..base };
            for (k, field) in RegionField::ALL.into_iter().enumerate() {
                let fallback = region.value(field);
                let v = self.number(
                    &format!("{name}, {}", field.spec().label.to_lowercase()),
                    field.spec(),
                    &r.numbers[k],
                    fallback,
                );
                region.set_value(field, v);
            }
            regions.push(region);
        }
        regions
    }
}

fn number_text(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("\u{201c}{text}\u{201d} is not a number")),
    }
}

/// Decodes the text after `s=`. A link that is damaged, cut short or of another version is an
/// error as a whole (its sentence says which); a well-formed link whose values are out of range
/// decodes with those fields set to their defaults and a sentence for each.
pub fn decode_link(text: &str) -> Result<Decoded, String> {
    let (body, crc) = text.rsplit_once('~').ok_or("The link's scenario is cut short.")?;
    // Compared as text, so that an upper-case digit (a changed byte) is caught too.
    if crc != format!("{:08x}", crc32(body.as_bytes())) {
        return Err("The link's scenario is damaged or cut short (its checksum does not match).".into());
    }
    let tokens: Vec<&str> = body.split('~').collect();
    if tokens[0] != LINK_VERSION.to_string() {
        return Err(format!(
            "The link was made by scenario format version \u{201c}{}\u{201d}; this page reads version {LINK_VERSION}.",
            tokens[0]
        ));
    }
    if tokens.len() < 6 {
        return Err("The link's scenario lacks some of the market and fleet values.".into());
    }
    let raw_globals: [Result<f64, String>; 5] = std::array::from_fn(|i| number_text(tokens[1 + i]));
    let mut raw_regions = Vec::new();
    for token in &tokens[6..] {
        let parts: Vec<&str> = token.split('*').collect();
        if parts.len() != 4 && parts.len() != 6 {
            return Err("The link's scenario has a region it cannot read.".into());
        }
        let (name, note) = if parts.len() == 6 {
            let decode = |t: &str| percent_decode(t).ok_or("The link's scenario has a name it cannot read.");
            (Some(decode(parts[4])?), decode(parts[5])?)
        } else {
            (None, String::new())
        };
        raw_regions.push(RawRegion {
            id: parts[0].to_string(),
            name,
            numbers: std::array::from_fn(|i| number_text(parts[1 + i])),
            note,
        });
    }
    let mut checker = Checker::default();
    let globals = checker.globals(&raw_globals);
    let regions = checker.regions(raw_regions);
    Ok(Decoded { scenario: Scenario { globals, regions }, problems: checker.problems })
}

/// The scenario as a JSON document with its schema name and version.
pub fn to_json(scenario: &Scenario) -> String {
    let globals = GlobalField::ALL
        .into_iter()
        .zip(GLOBAL_KEYS)
        .map(|(f, k)| (k.to_string(), Json::Number(scenario.globals.value(f))))
        .collect();
    let regions = scenario
        .regions
        .iter()
        .map(|r| {
            let mut members = vec![
                ("id".to_string(), Json::String(r.id.to_string())),
                ("name".to_string(), Json::String(r.name.to_string())),
            ];
            members.extend(
                RegionField::ALL.into_iter().zip(REGION_KEYS).map(|(f, k)| (k.to_string(), Json::Number(r.value(f)))),
            );
            members.push(("note".to_string(), Json::String(r.note.to_string())));
            Json::Object(members)
        })
        .collect();
    json::write(&Json::Object(vec![
        ("schema".to_string(), Json::String(JSON_SCHEMA.to_string())),
        ("version".to_string(), Json::Number(JSON_VERSION as f64)),
        ("globals".to_string(), Json::Object(globals)),
        ("regions".to_string(), Json::Array(regions)),
    ]))
}

fn json_number(value: Option<&Json>) -> Result<f64, String> {
    match value {
        Some(Json::Number(n)) => Ok(*n),
        Some(other) => Err(format!("found {}", other.kind())),
        None => Err("it is missing".to_string()),
    }
}

/// Reads a scenario JSON file. Unlike a link, a file is all or nothing: any problem (not JSON,
/// another schema or version, a wrong type, a value out of range) is an error listing every
/// problem found, and the caller keeps its current scenario.
pub fn from_json(text: &str) -> Result<Scenario, Vec<String>> {
    let doc = json::parse(text).map_err(|e| vec![format!("The file is not JSON: {e}.")])?;
    if doc.get("schema") != Some(&Json::String(JSON_SCHEMA.to_string())) {
        return Err(vec![format!(
            "The file is not a sitecost scenario (its \u{201c}schema\u{201d} is not \u{201c}{JSON_SCHEMA}\u{201d})."
        )]);
    }
    match doc.get("version") {
        Some(Json::Number(v)) if *v == JSON_VERSION as f64 => {}
        other => {
            let found = other.map_or("none".to_string(), |v| match v {
                Json::Number(n) => n.to_string(),
                v => v.kind().to_string(),
            });
            return Err(vec![format!(
                "The file has scenario version {found}; this page reads version {JSON_VERSION}."
            )]);
        }
    }
    let mut checker = Checker::default();
    let mut type_problems = Vec::new();
    let g = doc.get("globals");
    if !matches!(g, Some(Json::Object(_))) {
        type_problems.push("globals: expected an object.".to_string());
    }
    let raw_globals: [Result<f64, String>; 5] =
        std::array::from_fn(|i| json_number(g.and_then(|g| g.get(GLOBAL_KEYS[i]))));
    let mut raw_regions = Vec::new();
    match doc.get("regions") {
        Some(Json::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let text = |key: &str| match item.get(key) {
                    Some(Json::String(s)) => Ok(Some(s.clone())),
                    None => Ok(None),
                    Some(other) => Err(format!("regions[{i}].{key}: expected a string, found {}.", other.kind())),
                };
                let (id, name, note) = (text("id"), text("name"), text("note"));
                for e in [&id, &name, &note].into_iter().filter_map(|r| r.as_ref().err()) {
                    type_problems.push(e.clone());
                }
                raw_regions.push(RawRegion {
                    id: id.ok().flatten().unwrap_or_default(),
                    name: name.ok().flatten(),
                    numbers: std::array::from_fn(|k| json_number(item.get(REGION_KEYS[k]))),
                    note: note.ok().flatten().unwrap_or_default(),
                });
            }
        }
        _ => type_problems.push("regions: expected an array.".to_string()),
    }
    let globals = checker.globals(&raw_globals);
    let regions = checker.regions(raw_regions);
    let mut problems = type_problems;
    // In a file nothing is replaced silently: drop the "using … instead" tail of link messages.
    problems.extend(checker.problems.into_iter().map(|p| match p.find(" Using ") {
        Some(i) => p[..i].to_string(),
        None => p,
    }));
    if problems.is_empty() {
        Ok(Scenario { globals, regions })
    } else {
        Err(problems)
    }
}

/// What a page's URL fragment asks for: embed mode, and a scenario (the text after `s=`).
#[derive(Debug, Default, PartialEq)]
pub struct Fragment<'a> {
    pub embed: bool,
    pub scenario: Option<&'a str>,
}

/// Reads a fragment such as `#embed&s=1~…`; unknown parts are ignored.
pub fn parse_fragment(hash: &str) -> Fragment<'_> {
    let mut fragment = Fragment::default();
    for part in hash.trim_start_matches('#').split('&') {
        if part == "embed" {
            fragment.embed = true;
        } else if let Some(s) = part.strip_prefix("s=") {
            fragment.scenario = Some(s);
        }
    }
    fragment
}

/// Writes the fragment (with its `#`) for a scenario, in embed mode or not.
pub fn fragment(scenario: &Scenario, embed: bool) -> String {
    format!("#{}s={}", if embed { "embed&" } else { "" }, encode_link(scenario))
}
