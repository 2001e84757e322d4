//! sitecost: a Bitcoin-mining site-cost explorer (pure model, charts, and the Yew UI).
pub mod chart;
pub mod figures;
pub mod format;
pub mod model;
pub mod ui;
