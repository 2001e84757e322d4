//! The scenario as a link fragment: short, versioned, checksummed, and safe to paste into an e-mail.
//!
//! A link (version 2) is `2~<12 numbers>~<mode>~<hardware>~<origin>~<start>~<halving>~<sensitivity>~<region>~…~<crc32>`:
//! a version; the numeric globals in [`GlobalField::ALL`] order; the hashprice mode (`direct` or
//! `market`), the hardware id, the origin region id (empty for none), the projection's start and
//! halving months (`YYYY-MM`) and the sensitivity region id (empty for the default); one token per
//! region (`id*` and its ten numbers in [`RegionField::ALL`] order separated by `*`, then
//! `*name*note` unless it is an unrenamed seed with no note); and a CRC-32 of everything before
//! it, so that any truncation or changed character is caught. Names and notes are
//! percent-encoded; every other character is one a mail client leaves alone. Numbers are written
//! in their shortest exact decimal form, so a link gives back exactly the numbers it was made from.
//!
//! Version-1 links (`1~<5 globals>~id*price*cap*uptime[*name*note]~…~<crc32>`, before the market,
//! projection and relocation inputs) still decode; what they lack takes its default.

use std::fmt::Write;
use std::rc::Rc;

use super::{Checker, Decoded, RawChoices, RawRegion};
use crate::model::fields::{GlobalField, RegionField};
use crate::model::profile::PriceProfile;
use crate::model::region::seed_regions;
use crate::model::scenario::Scenario;

/// The version `encode_link` writes; [`decode_link`] also reads version 1.
pub const LINK_VERSION: u32 = 5;

/// CRC-32 (IEEE), the checksum at the end of a link.
pub fn crc32(bytes: &[u8]) -> u32 {
    // A byte at a time through a table: a link with hourly profiles runs to kilobytes, and it
    // is encoded on every change.
    !bytes.iter().fold(!0u32, |crc, &b| CRC_TABLE[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8))
}

/// The CRC-32 of every byte value, built at compile time from the polynomial 0xEDB88320.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

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

/// Encodes a scenario as the text after `s=` in a link's fragment; hourly profiles as their
/// short quantile curves ([`PriceProfile::to_link_token`]).
pub fn encode_link(scenario: &Scenario) -> String {
    encode(scenario, PriceProfile::to_link_token)
}

/// The same as [`encode_link`] with every hourly profile whole: what the autosave keeps, so that
/// a reload loses nothing.
pub fn encode_link_whole(scenario: &Scenario) -> String {
    encode(scenario, PriceProfile::to_token)
}

fn encode(scenario: &Scenario, profile_token: fn(&PriceProfile) -> Rc<str>) -> String {
    let seeds = seed_regions();
    let g = &scenario.globals;
    let mut out = format!("{LINK_VERSION}");
    for field in GlobalField::in_version(LINK_VERSION) {
        let _ = write!(out, "~{}", g.value(field));
    }
    let _ = write!(
        out,
        "~{}~{}~{}~{}~{}~{}",
        g.hashprice_mode.as_str(),
        g.hardware.id(),
        g.origin_region.as_deref().unwrap_or(""),
        g.start_month,
        g.halving_month,
        g.sensitivity_region.as_deref().unwrap_or("")
    );
    for r in &scenario.regions {
        out.push('~');
        out.push_str(&r.id);
        for field in RegionField::in_version(LINK_VERSION) {
            let _ = write!(out, "*{}", r.value(field));
        }
        // The hourly profile's token (URL-safe by construction), empty for a flat price.
        out.push('*');
        if let Some(profile) = &r.profile {
            out.push_str(&profile_token(profile));
        }
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
    // What each version carries: its numeric globals, how many tokens of choices follow them,
    // and each region's numbers.
    let version = match tokens[0].parse::<u32>() {
        Ok(v) if (1..=LINK_VERSION).contains(&v) && tokens[0] == v.to_string() => v,
        _ => {
            let other = tokens[0];
            return Err(format!(
                "The link was made by scenario format version \u{201c}{other}\u{201d}; this page reads versions 1 \
                 to {LINK_VERSION}."
            ));
        }
    };
    let global_fields: Vec<GlobalField> = GlobalField::in_version(version).collect();
    let region_fields: Vec<RegionField> = RegionField::in_version(version).collect();
    let choice_count = if version >= 2 { 6 } else { 0 };
    let header = 1 + global_fields.len() + choice_count;
    if tokens.len() < header {
        return Err("The link's scenario lacks some of the market and fleet values.".into());
    }
    let raw_globals: Vec<(GlobalField, Result<f64, String>)> =
        global_fields.iter().enumerate().map(|(i, &f)| (f, number_text(tokens[1 + i]))).collect();
    let choices = match &tokens[1 + global_fields.len()..header] {
        [mode, hardware, origin, start, halving, sensitivity] => {
            let id = |t: &str| Some(if t.is_empty() { None } else { Some(t.to_string()) });
            RawChoices {
                hashprice_mode: Some(mode.to_string()),
                hardware: Some(hardware.to_string()),
                origin_region: id(origin),
                start_month: Some(start.to_string()),
                halving_month: Some(halving.to_string()),
                sensitivity_region: id(sensitivity),
            }
        }
        _ => RawChoices::default(),
    };
    let mut raw_regions = Vec::new();
    for token in &tokens[header..] {
        let parts: Vec<&str> = token.split('*').collect();
        // From version 4 a profile token follows the numbers.
        let numbers_end = 1 + region_fields.len() + usize::from(version >= 4);
        if parts.len() != numbers_end && parts.len() != numbers_end + 2 {
            return Err("The link's scenario has a region it cannot read.".into());
        }
        let (name, note) = if parts.len() == numbers_end + 2 {
            let decode = |t: &str| percent_decode(t).ok_or("The link's scenario has a name it cannot read.");
            (Some(decode(parts[numbers_end])?), decode(parts[numbers_end + 1])?)
        } else {
            (None, String::new())
        };
        raw_regions.push(RawRegion {
            id: parts[0].to_string(),
            name,
            numbers: region_fields.iter().enumerate().map(|(i, &f)| (f, number_text(parts[1 + i]))).collect(),
            note,
            profile: (version >= 4).then(|| parts[numbers_end - 1].to_string()),
        });
    }
    let mut checker = Checker::default();
    let globals = checker.globals(&raw_globals, &choices);
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
