//! Quantity values: an interval in the base unit of what is measured,
//! widened by qualifier and precision, with the form an editor reads.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Relative slack between figures written in different units (or in a
/// convertible one, see [`QuantityValue::convertible`]): writers round a
/// converted figure to a round number (120 mph → "195 km/h").
pub const CONVERSION_SLACK: f64 = 0.01;

/// Whether a measure is money: written as a currency code ("USD", "PESO").
pub fn is_money(measure: &str) -> bool {
    !measure.is_empty() && measure.chars().all(|c| c.is_ascii_uppercase())
}

/// A normalised quantity or duration: an interval in a base unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityValue {
    /// What is measured: `count`, `percent`, `percentage points`, a
    /// currency id (`USD`) or a dimension of the unit table (`duration`).
    pub measure: String,
    /// Lowest and highest value the text allows, in the base unit.
    #[serde(with = "super::float")]
    pub low: f64,
    #[serde(with = "super::float")]
    pub high: f64,
    /// As an editor reads it: "about 12,000", "USD 4.2 billion", "30 days".
    pub shown: String,
    /// The unit it was written in (`km`, `mi`; empty for counts), so a
    /// conversion between units allows for the rounding of the converted
    /// figure ("120 mph (195 km/h)": 120 mph is 193.1 km/h).
    pub unit: String,
    /// The figure an "about" hedges, in the base unit: two hedged figures
    /// agree when each lies within the other's hedge ("some 12,000" and
    /// "about 12,400"), not merely when the hedges touch ("about 56" and
    /// "about 50" are two figures).
    #[serde(with = "super::float::option")]
    pub about: Option<f64>,
    /// Written in a unit with others of its dimension (km and miles, mph
    /// and km/h) other than time: then figures in the same unit may be
    /// conversions rounded differently ("195 km/h" and "193 km/h" both
    /// for 120 mph), and get the same slack.
    pub convertible: bool,
}

impl fmt::Display for QuantityValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

impl QuantityValue {
    /// Whether both values can be true of the same subject: same measure
    /// and overlapping intervals (with a hair of slack for unit factors).
    pub fn compatible(&self, other: &Self) -> bool {
        let slack = if self.unit != other.unit || (self.convertible && other.convertible) {
            CONVERSION_SLACK
        } else {
            1e-9
        };
        let eps = |x: f64| x.abs() * slack + 1e-12;
        if let (Some(a), Some(b)) = (self.about, other.about) {
            let within = |x: f64, v: &Self| v.low - eps(v.low) <= x && x <= v.high + eps(v.high);
            return self.measure == other.measure && within(a, other) && within(b, self);
        }
        self.measure == other.measure
            && self.low - eps(self.low) <= other.high + eps(other.high)
            && other.low - eps(other.low) <= self.high + eps(self.high)
    }

    /// A point to order values by (the middle, or the bound when open).
    pub fn midpoint(&self) -> f64 {
        if self.high.is_finite() {
            (self.low + self.high) / 2.0
        } else {
            self.low
        }
    }
}
