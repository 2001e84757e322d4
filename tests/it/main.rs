//! The native integration tests, one binary: the model, codecs, charts as SVG, text and the tidy rules.

#[path = "../support/link.rs"]
mod link;

mod allocation;
mod charts;
mod codec;
mod codec_versions;
mod decision_inputs;
mod formulas;
mod model;
mod projection;
mod regions;
mod text;
mod tidy;
