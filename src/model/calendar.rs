//! Calendar months for the projection: a year and a month, written `YYYY-MM` as an `<input type="month">` does.

use std::fmt;

/// A calendar month. The projection counts whole months, so no day is needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1 (January) to 12 (December).
    pub month: u8,
}

/// The years a month may name: wide enough for any projection, narrow enough that month
/// arithmetic can never overflow.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2200;

impl YearMonth {
    /// A month if both parts are valid (year in [`YEARS`], month 1–12).
    pub fn new(year: i32, month: u8) -> Option<YearMonth> {
        (YEARS.contains(&year) && (1..=12).contains(&month)).then_some(YearMonth { year, month })
    }

    /// Reads `YYYY-MM` exactly (four digits, a hyphen, two digits), the value of an
    /// `<input type="month">`.
    pub fn parse(text: &str) -> Option<YearMonth> {
        let text = text.trim();
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 || !(year.bytes().chain(month.bytes()).all(|b| b.is_ascii_digit())) {
            return None;
        }
        YearMonth::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// Months since January of year 0; the difference of two of these counts months between them.
    pub fn index(self) -> i64 {
        self.year as i64 * 12 + (self.month as i64 - 1)
    }

    /// The month `months` later (earlier when negative), if it stays inside [`YEARS`].
    pub fn plus_months(self, months: i64) -> Option<YearMonth> {
        let index = self.index().checked_add(months)?;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        YearMonth::new(year, (index.rem_euclid(12) + 1) as u8)
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i64 {
        later.index() - self.index()
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Written as `YYYY-MM`.
impl serde::Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
