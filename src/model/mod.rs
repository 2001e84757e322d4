//! The pure economics of a mining site: fields, regions, scenario, formulas, allocation, projection and report.
//!
//! Nothing in this module knows about the browser: it compiles and is tested natively,
//! and the UI only ever reads the [`Report`] it produces.
pub mod allocation;
pub mod calendar;
pub mod codec;
pub mod csv;
pub mod fields;
pub mod formulas;
pub mod globals;
pub mod hardware;
pub mod market;
pub mod metrics;
pub mod naming;
pub mod prices_csv;
pub mod profile;
pub mod projection;
pub mod region;
pub mod report;
pub mod scenario;
pub mod sensitivity;
pub mod sites;
pub mod stay_or_move;

pub use calendar::YearMonth;
pub use fields::{FieldSpec, GlobalField, GlobalValues, Group, InputError, RegionField, RegionValues};
pub use hardware::Hardware;
pub use market::HashpriceMode;
pub use metrics::{report_csv, stay_or_move_csv, Metric, METRICS};
pub use region::{seed_regions, Citation, NameError, Region, Sourced, MAX_NAME_CHARS};
pub use report::{report, report_after, RegionReport, Report, Totals};
pub use scenario::{
    Action, ApplyError, Globals, NewSite, Scenario, MARKET_DATA_MONTH, MARKET_DATA_MONTH_TEXT, MAX_NOTE_CHARS,
    MAX_REGIONS,
};
pub use sensitivity::SensitivityGrid;
pub use stay_or_move::{MoveOption, OptionKind, Placement, PLAN_ID};
