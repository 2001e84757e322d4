//! The native integration tests, one binary: the model, codecs, charts as SVG, text, the tidy rules and the unpacker.

#[path = "../support/link.rs"]
mod link;

/// Whether a default's source text is what a reader can check: a citation with a year (19xx or
/// 20xx), or a sentence that starts by calling itself an assumption and gives its reason.
pub fn dated_or_assumed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let year = (0..bytes.len().saturating_sub(3)).any(|i| {
        let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
        let alone = (i == 0 || !bytes[i - 1].is_ascii_digit()) && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        digits && alone && (bytes[i..i + 2] == *b"19" || bytes[i..i + 2] == *b"20")
    });
    let assumption = text.strip_prefix("Assumption: ").is_some_and(|reason| reason.split_whitespace().count() >= 4);
    year || assumption
}

mod allocation;
mod charts;
mod codec;
mod codec_versions;
mod decision_inputs;
mod fields;
mod flexible;
mod formulas;
mod model;
mod prices_csv;
mod profile;
mod projection;
mod regions;
mod render;
mod report_after;
mod text;
mod tidy;
mod unlzma;
