//! Every numeric input, declared once: its DOM key, label, unit, range, step, default and source, file name and UI group.
//!
//! The declarations (`declared.rs`) are the one place a numeric input is described. The
//! controls, the parser and its error messages, the link and JSON codecs, the sites CSV, the seed
//! data file, the template of a new site, the sources footnote and the "assumed" badges all read
//! them. A field's `name` is its Rust field, its JSON key, its CSV column and its `regions.csv`
//! column. This file holds what a declaration is (`FieldSpec`, `declare_fields!`) and how a typed
//! value is checked against it.

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

    /// Where a key pressed on the field's slider takes `value`: PageUp and PageDown a tenth of
    /// the range up or down (snapped to the step), Home and End the ends; `None` for any other
    /// key (arrows keep the browser's own step). The slider handles these keys itself, so they
    /// jump the same way in every browser.
    pub fn keyed(&self, value: f64, key: &str) -> Option<f64> {
        let page = ((self.max - self.min) / 10.0 / self.step).round().max(1.0) * self.step;
        let target = match key {
            "PageUp" => value + page,
            "PageDown" => value - page,
            "Home" => self.min,
            "End" => self.max,
            _ => return None,
        };
        // Snapped to the step from the minimum, as the range input snaps, and rounded to the
        // step's decimals so that 0.1 + 0.2 does not show as 0.30000000000000004.
        let snapped = self.min + ((target - self.min) / self.step).round() * self.step;
        let scale = 10f64.powi(self.decimals() as i32);
        Some(((snapped * scale).round() / scale).clamp(self.min, self.max))
    }

    /// The step's decimals (0.001 → 3, 2.5 → 1): a value written with these is as precise as
    /// the field can be set.
    pub fn decimals(&self) -> usize {
        (0..6)
            .find(|&d| {
                let scaled = self.step * 10f64.powi(d as i32);
                (scaled - scaled.round()).abs() < 1e-9
            })
            .unwrap_or(6)
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

// The declarations use the macro above, so they come after it.
mod declared;
pub use declared::*;
