//! Every numeric input, declared once: its DOM key, label, unit, range, step, default and source, file name and UI group.
//!
//! The declarations below are the one place a numeric input is described. The controls, the
//! parser and its error messages, the link and JSON codecs, the sites CSV, the seed data file,
//! the template of a new site, the sources footnote and the "assumed" badges all read them. A
//! field's `name` is its Rust field, its JSON key, its CSV column and its `regions.csv` column.

use std::fmt;

/// Where a control sits on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// The hashprice slider, shown in direct mode.
    DirectHashprice,
    /// The market inputs shown in market mode only (price and difficulty).
    Market,
    /// The block reward, shown in both modes: the projection halves the subsidy.
    Reward,
    /// The machines: their efficiency and price (beside the hardware preset).
    Machines,
    /// The site overhead, pool and fleet size.
    Fleet,
    /// The projection's growth rates.
    Projection,
    /// A region's own price, cap and uptime: always shown, and required in the sites CSV.
    Site,
    /// A region's costs, policy and relocation terms, folded away by default.
    Costs,
}

/// What a control edits, how it is labelled and which values it allows.
///
/// The range is inclusive and is the same for the slider and the typed number field;
/// the slider additionally snaps to `step`, the typed field does not.
#[derive(Debug, PartialEq)]
pub struct FieldSpec {
    /// The Rust field, JSON key, CSV column and `regions.csv` column (units in the name).
    pub name: &'static str,
    /// The DOM id of a global control, or the prefix of a regional one (`price-<region>`).
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// A global's default, or the value a new site starts with.
    pub default: f64,
    /// Where the default comes from; text starting with "Assumption" is labelled as ours.
    pub source: &'static str,
    pub group: Group,
    /// The first scenario format version (link and JSON) that carries the field.
    pub since: u32,
    /// Names earlier JSON files used for this field, still read.
    pub old_names: &'static [&'static str],
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

    /// Whether the default is our own assumption rather than a published figure.
    pub fn assumed(&self) -> bool {
        self.source.starts_with("Assumption")
    }
}

/// Declares a kind of field: the enum naming each field, the struct holding one value per
/// field (named by the field's `name`), and the table of specs, from one list of entries.
macro_rules! declare_fields {
    (
        $(#[$enum_doc:meta])* enum $field:ident;
        $(#[$values_doc:meta])* struct $values:ident;
        $( $(#[$doc:meta])* $variant:ident $name:ident { $($key:ident: $value:expr),+ $(,)? } )+
    ) => {
        $(#[$enum_doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $field { $( $(#[$doc])* $variant ),+ }

        impl $field {
            /// How many fields there are.
            pub const COUNT: usize = [$(stringify!($variant)),+].len();

            /// Every field, in the order of the controls and of the link format.
            pub const ALL: [$field; $field::COUNT] = [$($field::$variant),+];

            /// The field's declaration.
            pub fn spec(self) -> &'static FieldSpec {
                static SPECS: &[FieldSpec] = &[$( FieldSpec { name: stringify!($name), $($key: $value,)+ ..BASE } ),+];
                &SPECS[self as usize]
            }

            /// This field's position in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }

            /// The fields a scenario format version carries, in order.
            pub fn in_version(version: u32) -> impl Iterator<Item = $field> {
                $field::ALL.into_iter().filter(move |f| f.spec().since <= version)
            }

            /// The fields of one group of controls, in order.
            pub fn in_group(group: Group) -> impl Iterator<Item = $field> {
                $field::ALL.into_iter().filter(move |f| f.spec().group == group)
            }
        }

        $(#[$values_doc])*
        #[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
        pub struct $values { $( $(#[$doc])* pub $name: f64 ),+ }

        impl $values {
            pub fn get(&self, field: $field) -> f64 {
                match field { $( $field::$variant => self.$name ),+ }
            }

            pub fn set(&mut self, field: $field, value: f64) {
                match field { $( $field::$variant => self.$name = value ),+ }
            }

            /// Every field at its declared default.
            pub fn defaults() -> Self {
                $values { $( $name: $field::$variant.spec().default ),+ }
            }
        }
    };
}

/// What every declaration shares unless it says otherwise.
const BASE: FieldSpec = FieldSpec {
    name: "",
    key: "",
    label: "",
    unit: "",
    min: 0.0,
    max: 0.0,
    step: 1.0,
    default: 0.0,
    source: "",
    group: Group::Fleet,
    since: 2,
    old_names: &[],
};

declare_fields! {
    /// Numeric inputs that apply to the whole fleet (each one a slider and a typed field).
    enum GlobalField;
    /// One value per [`GlobalField`]; percentages are kept as the user typed them.
    struct GlobalValues;

    /// The hashprice used in direct mode, USD per PH/s per day.
    Hashprice hashprice_usd_per_ph_day {
        key: "hashprice", label: "Hashprice", unit: "USD/PH/day", max: 150.0, step: 0.5, default: 50.0,
        source: "Assumption: near the 2025 hashprice, which moved between about $40 and $65/PH/day.",
        group: Group::DirectHashprice, since: 1
    }
    // The efficiency and PUE minimums are above zero because both divide in the formulas.
    Efficiency efficiency_j_per_th {
        key: "efficiency", label: "Fleet efficiency", unit: "J/TH", min: 5.0, max: 60.0, step: 0.1, default: 21.5,
        source: "Antminer S19 XP, 21.5 J/TH (Bitmain specification, 2022).", group: Group::Machines, since: 1
    }
    Pue pue {
        key: "pue", label: "PUE (overhead)", unit: "\u{d7}", min: 1.0, max: 2.0, step: 0.01, default: 1.1,
        source: "Assumption: air-cooled site, 10% of power for cooling and losses.", since: 1
    }
    PoolFee pool_fee_pct {
        key: "pool-fee", label: "Pool fee", unit: "%", max: 10.0, step: 0.1, default: 2.0,
        source: "Assumption: a typical FPPS pool fee of 2%.", since: 1
    }
    FleetMw fleet_mw {
        key: "fleet-mw", label: "Fleet size", unit: "MW", max: 2000.0, default: 300.0,
        source: "Assumption: a mid-sized fleet leaving Kazakhstan.", since: 1
    }
    /// Bitcoin's price in USD, for the market hashprice.
    BtcPrice btc_price_usd {
        key: "btc-price", label: "BTC price", unit: "USD", max: 1_000_000.0, step: 100.0, default: 100_000.0,
        source: "Assumption: a round $100 000, near the late-2025 price (between about $85 000 and \
                 $125 000 in October\u{2013}November 2025).",
        group: Group::Market
    }
    /// Network difficulty in T (10¹²), for the market hashprice; it divides, so its minimum is above zero.
    Difficulty difficulty_t {
        key: "difficulty", label: "Network difficulty", unit: "T", min: 1.0, max: 2000.0, step: 0.1, default: 150.0,
        source: "Approximate network difficulty in November 2025: about 150 T.", group: Group::Market
    }
    /// Block subsidy in BTC before the halving; the step is fine enough for 1.5625 BTC.
    Subsidy subsidy_btc {
        key: "subsidy", label: "Block subsidy", unit: "BTC", max: 50.0, step: 0.0001, default: 3.125,
        source: "3.125 BTC per block since the halving of April 2024 (block 840 000).", group: Group::Reward
    }
    /// Average transaction fees per block in BTC.
    FeesPerBlock fees_per_block_btc {
        key: "fees-per-block", label: "Fees per block", unit: "BTC", max: 10.0, step: 0.001, default: 0.03,
        source: "Assumption: about 0.03 BTC of fees per block, near the late-2025 level (about 1 % of the reward).",
        group: Group::Reward
    }
    // Growth rates stay above −100 % so that a difficulty or price never reaches zero (difficulty
    // divides); ±20 % a month is already a tenfold change in a year.
    /// Difficulty growth in % per month (negative for a falling difficulty), for the projection.
    DifficultyGrowth difficulty_growth_pct_per_month {
        key: "difficulty-growth", label: "Difficulty growth", unit: "%/month", min: -20.0, max: 20.0, step: 0.1,
        default: 2.0,
        source: "Assumption: 2 % a month, a little slower than 2025, when difficulty rose from about 110 T to 150 T.",
        group: Group::Projection
    }
    /// Bitcoin price change in % per month (negative for a falling price), for the projection.
    BtcPriceGrowth btc_price_growth_pct_per_month {
        key: "btc-price-growth", label: "BTC price change", unit: "%/month", min: -20.0, max: 20.0, step: 0.1,
        source: "Assumption: a flat bitcoin price.", group: Group::Projection
    }
    /// Price of new machines in USD per TH/s, for the upfront cost of a new deployment.
    UnitPrice unit_price_usd_per_th {
        key: "unit-price", label: "Machine price", unit: "USD/TH", max: 200.0, step: 0.5, default: 20.0,
        source: "About $20/TH for new machines under 25 J/TH (market prices of mid-2023); a dated figure.",
        group: Group::Machines
    }
}

/// The reason behind every starting value of a new site: a round value between the seed regions.
const TEMPLATE: &str = "Assumption: the round starting value of a new site, not a published figure; set your own.";

declare_fields! {
    /// Numeric inputs that each region has its own value of.
    enum RegionField;
    /// One value per [`RegionField`]. A seed region's values come from `regions.csv`; a new site
    /// starts at the declared defaults (its template).
    struct RegionValues;

    /// Power price, USD/kWh.
    Price price_usd_per_kwh {
        key: "price", label: "Power price", unit: "USD/kWh", max: 0.2, step: 0.001, default: 0.05,
        source: TEMPLATE, group: Group::Site, since: 1, old_names: &["power_usd_per_kwh"]
    }
    /// Facility power the region can take, MW.
    Cap cap_mw {
        key: "cap", label: "Capacity cap", unit: "MW", max: 1000.0, default: 50.0, source: TEMPLATE,
        group: Group::Site, since: 1
    }
    /// Share of hours with power outside the seasonal downtime, %.
    Uptime uptime_pct {
        key: "uptime", label: "Uptime", unit: "%", max: 100.0, default: 95.0, source: TEMPLATE, group: Group::Site,
        since: 1
    }
    /// Hosting and other operating costs besides power, USD per MW-month; paid whether or not the
    /// site has power.
    Opex opex_usd_per_mw_month {
        key: "opex", label: "Hosting and opex", unit: "USD/MW-month", max: 200_000.0, step: 100.0, default: 5000.0,
        source: TEMPLATE, group: Group::Costs
    }
    /// A levy on the power a miner uses, USD/kWh, paid on top of the power price.
    Levy levy_usd_per_kwh {
        key: "levy", label: "Power levy", unit: "USD/kWh", max: 0.1, step: 0.0001, source: TEMPLATE,
        group: Group::Costs
    }
    /// Months of the year without power (seasonal bans), 0–12, on top of the uptime.
    DowntimeMonths downtime_months {
        key: "downtime", label: "Seasonal downtime", unit: "months/year", max: 12.0, step: 0.5, source: TEMPLATE,
        group: Group::Costs
    }
    /// Income tax on a month's profit, in %.
    Tax tax_pct {
        key: "tax", label: "Income tax", unit: "%", max: 90.0, step: 0.25, default: 20.0, source: TEMPLATE,
        group: Group::Costs
    }
    /// Site build-out for a new deployment, USD per MW of facility power.
    Capex capex_usd_per_mw {
        key: "capex", label: "Site build-out", unit: "USD/MW", max: 5_000_000.0, step: 10_000.0, default: 400_000.0,
        source: TEMPLATE, group: Group::Costs
    }
    /// Shipping and duties to bring one MW of machines from the origin region, USD per MW.
    MoveCost move_cost_usd_per_mw {
        key: "move-cost", label: "Shipping and duties", unit: "USD/MW", max: 2_000_000.0, step: 1000.0,
        default: 50_000.0, source: TEMPLATE, group: Group::Costs
    }
    /// Days the machines earn nothing while they are moved from the origin region.
    MoveDays move_days {
        key: "move-days", label: "Relocation downtime", unit: "days", max: 365.0, default: 60.0, source: TEMPLATE,
        group: Group::Costs
    }
}
