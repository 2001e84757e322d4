//! The browser tests, one binary: the release builds driven in headless Chromium through the DOM contract.

#[path = "../support/mod.rs"]
mod support;

mod accessibility;
mod autosave;
mod basics;
mod capture;
mod decision;
mod deferred;
mod economics;
mod first_paint;
mod flexible;
mod hosting;
mod jumps;
mod panics;
mod phone;
mod regions;
mod reports;
mod sharing;
