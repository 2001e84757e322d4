//! Input fields: labels, units, allowed ranges, and the parsing that keeps bad values out of the model.

use std::fmt;

/// What a control edits, how it is labelled and which values it allows.
///
/// The range is inclusive and is the same for the slider and the typed number field;
/// the slider additionally snaps to `step`, the typed field does not.
#[derive(Debug, PartialEq)]
pub struct FieldSpec {
    /// The DOM id of a global control, or the prefix of a regional one (`price-<region>`).
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// Why a typed value was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    NotANumber,
    Negative,
    OutOfRange,
}

/// A refused value, with everything needed to tell the user what is allowed.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub spec: &'static FieldSpec,
    pub problem: Problem,
    /// The text as the user typed it, trimmed.
    pub input: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.spec;
        let why = match self.problem {
            Problem::NotANumber if self.input.is_empty() => "it is empty".to_string(),
            Problem::NotANumber => format!("\u{201c}{}\u{201d} is not a number", self.input),
            Problem::Negative => format!("{} is negative", self.input),
            Problem::OutOfRange => format!("{} is outside that range", self.input),
        };
        write!(f, "{} must be a number from {} to {} {}; {}.", s.label, s.min, s.max, s.unit, why)
    }
}

impl FieldSpec {
    /// Accepts a finite value inside the range.
    pub fn check(&'static self, value: f64) -> Result<f64, InputError> {
        if value.is_finite() && value >= self.min && value <= self.max {
            return Ok(value);
        }
        let problem = match value {
            v if v.is_nan() => Problem::NotANumber,
            v if v < 0.0 && self.min >= 0.0 => Problem::Negative,
            _ => Problem::OutOfRange,
        };
        Err(InputError { spec: self, problem, input: format!("{value}") })
    }

    /// Parses typed text exactly (no snapping to the step) and checks the range.
    ///
    /// Rust's float parser accepts `inf` and `NaN`; both are refused here as not a number.
    pub fn parse(&'static self, text: &str) -> Result<f64, InputError> {
        let input = text.trim();
        match input.parse::<f64>() {
            Ok(v) if v.is_finite() => self.check(v).map_err(|e| InputError { input: input.to_string(), ..e }),
            _ => Err(InputError { spec: self, problem: Problem::NotANumber, input: input.to_string() }),
        }
    }
}

/// Inputs that apply to the whole fleet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GlobalField {
    Hashprice,
    Efficiency,
    Pue,
    PoolFee,
    FleetMw,
}

/// Inputs that each region has its own value of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegionField {
    Price,
    Cap,
    Uptime,
}

// The efficiency and PUE minimums are above zero because both divide in the formulas.
static HASHPRICE: FieldSpec =
    FieldSpec { key: "hashprice", label: "Hashprice", unit: "USD/PH/day", min: 0.0, max: 150.0, step: 0.5 };
static EFFICIENCY: FieldSpec =
    FieldSpec { key: "efficiency", label: "Fleet efficiency", unit: "J/TH", min: 5.0, max: 60.0, step: 0.1 };
static PUE: FieldSpec =
    FieldSpec { key: "pue", label: "PUE (overhead)", unit: "\u{d7}", min: 1.0, max: 2.0, step: 0.01 };
static POOL_FEE: FieldSpec =
    FieldSpec { key: "pool-fee", label: "Pool fee", unit: "%", min: 0.0, max: 10.0, step: 0.1 };
static FLEET_MW: FieldSpec =
    FieldSpec { key: "fleet-mw", label: "Fleet size", unit: "MW", min: 0.0, max: 2000.0, step: 1.0 };
static PRICE: FieldSpec =
    FieldSpec { key: "price", label: "Power price", unit: "USD/kWh", min: 0.0, max: 0.2, step: 0.001 };
static CAP: FieldSpec = FieldSpec { key: "cap", label: "Capacity cap", unit: "MW", min: 0.0, max: 1000.0, step: 1.0 };
static UPTIME: FieldSpec = FieldSpec { key: "uptime", label: "Uptime", unit: "%", min: 0.0, max: 100.0, step: 1.0 };

impl GlobalField {
    pub const ALL: [GlobalField; 5] =
        [GlobalField::Hashprice, GlobalField::Efficiency, GlobalField::Pue, GlobalField::PoolFee, GlobalField::FleetMw];

    pub fn spec(self) -> &'static FieldSpec {
        match self {
            GlobalField::Hashprice => &HASHPRICE,
            GlobalField::Efficiency => &EFFICIENCY,
            GlobalField::Pue => &PUE,
            GlobalField::PoolFee => &POOL_FEE,
            GlobalField::FleetMw => &FLEET_MW,
        }
    }
}

impl RegionField {
    pub const ALL: [RegionField; 3] = [RegionField::Price, RegionField::Cap, RegionField::Uptime];

    pub fn spec(self) -> &'static FieldSpec {
        match self {
            RegionField::Price => &PRICE,
            RegionField::Cap => &CAP,
            RegionField::Uptime => &UPTIME,
        }
    }
}
