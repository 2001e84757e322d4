//! The scenario as a link fragment: short, versioned, checksummed, and safe to paste into an e-mail.
//!
//! A link is `1~<5 globals>~<region>~…~<crc32>`: a version, the globals in [`GlobalField::ALL`]
//! order, one token per region (`id*price*cap*uptime`, then `*name*note` unless it is an unrenamed
//! seed with no note) and a CRC-32 of everything before it, so that any truncation or changed
//! character is caught. Names and notes are percent-encoded; every other character is one a mail
//! client leaves alone. Numbers are written in their shortest exact decimal form, so a link gives
//! back exactly the numbers it was made from.

use std::fmt::Write;

use super::{Checker, Decoded, RawRegion};
use crate::model::fields::GlobalField;
use crate::model::region::seed_regions;
use crate::model::scenario::Scenario;

pub const LINK_VERSION: u32 = 1;

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
    fragment_of(&encode_link(scenario), embed)
}

/// The fragment for an already encoded scenario (see [`encode_link`]).
pub fn fragment_of(link: &str, embed: bool) -> String {
    format!("#{}s={link}", if embed { "embed&" } else { "" })
}
