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

/// Numeric inputs that apply to the whole fleet (each one a slider and a typed field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GlobalField {
    /// The hashprice used in direct mode, USD per PH/s per day.
    Hashprice,
    Efficiency,
    Pue,
    PoolFee,
    FleetMw,
    /// Bitcoin's price in USD, for the market hashprice.
    BtcPrice,
    /// Network difficulty in T (10¹²), for the market hashprice.
    Difficulty,
    /// Block subsidy in BTC before the halving.
    Subsidy,
    /// Average transaction fees per block in BTC.
    FeesPerBlock,
    /// Difficulty growth in % per month (negative for a falling difficulty), for the projection.
    DifficultyGrowth,
    /// Bitcoin price change in % per month (negative for a falling price), for the projection.
    BtcPriceGrowth,
    /// Price of new machines in USD per TH/s, for the upfront cost of a new deployment.
    UnitPrice,
}

/// Numeric inputs that each region has its own value of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegionField {
    Price,
    Cap,
    Uptime,
    /// Hosting and other operating costs besides power, USD per MW-month; paid whether or not the
    /// site has power.
    Opex,
    /// A levy on the power a miner uses, USD/kWh, paid on top of the power price.
    Levy,
    /// Months of the year without power (seasonal bans), on top of the uptime.
    DowntimeMonths,
    /// Income tax on a month's profit, in %.
    Tax,
    /// Site build-out for a new deployment, USD per MW of facility power.
    Capex,
    /// Shipping and duties to bring one MW of machines from the origin region, USD per MW.
    MoveCost,
    /// Days the machines earn nothing while they are moved from the origin region.
    MoveDays,
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
static BTC_PRICE: FieldSpec =
    FieldSpec { key: "btc-price", label: "BTC price", unit: "USD", min: 0.0, max: 1_000_000.0, step: 100.0 };
// Difficulty divides in the market hashprice, so its minimum is above zero.
static DIFFICULTY: FieldSpec =
    FieldSpec { key: "difficulty", label: "Network difficulty", unit: "T", min: 1.0, max: 2000.0, step: 0.1 };
// The step is fine enough for 1.5625 BTC, the subsidy after the 2028 halving.
static SUBSIDY: FieldSpec =
    FieldSpec { key: "subsidy", label: "Block subsidy", unit: "BTC", min: 0.0, max: 50.0, step: 0.0001 };
static FEES_PER_BLOCK: FieldSpec =
    FieldSpec { key: "fees-per-block", label: "Fees per block", unit: "BTC", min: 0.0, max: 10.0, step: 0.001 };
// Growth rates stay above −100 % so that a difficulty or price never reaches zero (difficulty
// divides); ±20 % a month is already a tenfold change in a year.
static DIFFICULTY_GROWTH: FieldSpec = FieldSpec {
    key: "difficulty-growth",
    label: "Difficulty growth",
    unit: "%/month",
    min: -20.0,
    max: 20.0,
    step: 0.1,
};
static BTC_PRICE_GROWTH: FieldSpec =
    FieldSpec { key: "btc-price-growth", label: "BTC price change", unit: "%/month", min: -20.0, max: 20.0, step: 0.1 };
static UNIT_PRICE: FieldSpec =
    FieldSpec { key: "unit-price", label: "Machine price", unit: "USD/TH", min: 0.0, max: 200.0, step: 0.5 };
static OPEX: FieldSpec =
    FieldSpec { key: "opex", label: "Hosting and opex", unit: "USD/MW-month", min: 0.0, max: 200_000.0, step: 100.0 };
static LEVY: FieldSpec =
    FieldSpec { key: "levy", label: "Power levy", unit: "USD/kWh", min: 0.0, max: 0.1, step: 0.0001 };
static DOWNTIME_MONTHS: FieldSpec =
    FieldSpec { key: "downtime", label: "Seasonal downtime", unit: "months/year", min: 0.0, max: 12.0, step: 0.5 };
static TAX: FieldSpec = FieldSpec { key: "tax", label: "Income tax", unit: "%", min: 0.0, max: 90.0, step: 0.25 };
static CAPEX: FieldSpec =
    FieldSpec { key: "capex", label: "Site build-out", unit: "USD/MW", min: 0.0, max: 5_000_000.0, step: 10_000.0 };
static MOVE_COST: FieldSpec = FieldSpec {
    key: "move-cost",
    label: "Shipping and duties",
    unit: "USD/MW",
    min: 0.0,
    max: 2_000_000.0,
    step: 1000.0,
};
static MOVE_DAYS: FieldSpec =
    FieldSpec { key: "move-days", label: "Relocation downtime", unit: "days", min: 0.0, max: 365.0, step: 1.0 };

impl GlobalField {
    /// Every numeric global, in the order of the controls and of the link format.
    pub const ALL: [GlobalField; 12] = [
        GlobalField::Hashprice,
        GlobalField::Efficiency,
        GlobalField::Pue,
        GlobalField::PoolFee,
        GlobalField::FleetMw,
        GlobalField::BtcPrice,
        GlobalField::Difficulty,
        GlobalField::Subsidy,
        GlobalField::FeesPerBlock,
        GlobalField::DifficultyGrowth,
        GlobalField::BtcPriceGrowth,
        GlobalField::UnitPrice,
    ];

    /// The globals of the first scenario format (links and files of version 1), in their order.
    pub const V1: [GlobalField; 5] =
        [GlobalField::Hashprice, GlobalField::Efficiency, GlobalField::Pue, GlobalField::PoolFee, GlobalField::FleetMw];

    /// The inputs of the market hashprice, which direct mode does not use.
    pub const MARKET: [GlobalField; 4] =
        [GlobalField::BtcPrice, GlobalField::Difficulty, GlobalField::Subsidy, GlobalField::FeesPerBlock];

    pub fn spec(self) -> &'static FieldSpec {
        match self {
            GlobalField::Hashprice => &HASHPRICE,
            GlobalField::Efficiency => &EFFICIENCY,
            GlobalField::Pue => &PUE,
            GlobalField::PoolFee => &POOL_FEE,
            GlobalField::FleetMw => &FLEET_MW,
            GlobalField::BtcPrice => &BTC_PRICE,
            GlobalField::Difficulty => &DIFFICULTY,
            GlobalField::Subsidy => &SUBSIDY,
            GlobalField::FeesPerBlock => &FEES_PER_BLOCK,
            GlobalField::DifficultyGrowth => &DIFFICULTY_GROWTH,
            GlobalField::BtcPriceGrowth => &BTC_PRICE_GROWTH,
            GlobalField::UnitPrice => &UNIT_PRICE,
        }
    }
}

impl RegionField {
    /// Every numeric regional field, in the order of the controls and of the link format.
    pub const ALL: [RegionField; 10] = [
        RegionField::Price,
        RegionField::Cap,
        RegionField::Uptime,
        RegionField::Opex,
        RegionField::Levy,
        RegionField::DowntimeMonths,
        RegionField::Tax,
        RegionField::Capex,
        RegionField::MoveCost,
        RegionField::MoveDays,
    ];

    /// This field's position in [`RegionField::ALL`].
    pub fn index(self) -> usize {
        RegionField::ALL.iter().position(|&f| f == self).expect("every field is in ALL")
    }

    /// The regional fields of the first scenario format (links and files of version 1).
    pub const V1: [RegionField; 3] = [RegionField::Price, RegionField::Cap, RegionField::Uptime];

    pub fn spec(self) -> &'static FieldSpec {
        match self {
            RegionField::Price => &PRICE,
            RegionField::Cap => &CAP,
            RegionField::Uptime => &UPTIME,
            RegionField::Opex => &OPEX,
            RegionField::Levy => &LEVY,
            RegionField::DowntimeMonths => &DOWNTIME_MONTHS,
            RegionField::Tax => &TAX,
            RegionField::Capex => &CAPEX,
            RegionField::MoveCost => &MOVE_COST,
            RegionField::MoveDays => &MOVE_DAYS,
        }
    }
}
