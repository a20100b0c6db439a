//! Exact decimal money with ISO 4217 currencies.
//!
//! Amounts are [`Decimal`]s, never floats. Rounding to a currency's minor
//! unit (2 for MYR, USD, EUR, CNY, TWD; 0 for JPY) is half-up, away from zero.

use crate::PlanError;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer, ser::SerializeStruct};
use std::fmt;

/// An ISO 4217 currency that has a minor unit (so it can be paid in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency {
    code: &'static str,
    minor_units: u32,
}

impl Currency {
    /// Parses an ISO 4217 code such as `MYR` found at `path` in the request.
    pub fn parse(path: &str, code: &str) -> Result<Self, PlanError> {
        let iso = iso_currency::Currency::from_code(code.trim())
            .ok_or_else(|| PlanError::invalid(path, format!("`{code}` is not an ISO 4217 currency code")))?;
        let minor_units =
            iso.exponent().ok_or_else(|| PlanError::invalid(path, format!("`{code}` has no minor unit and cannot be invoiced")))?;
        Ok(Currency { code: iso.code(), minor_units: u32::from(minor_units) })
    }

    /// The three-letter code, e.g. `MYR`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// Digits after the decimal point in this currency (2 for MYR, 0 for JPY).
    pub fn minor_units(&self) -> u32 {
        self.minor_units
    }

    /// `amount` rounded half-up (away from zero) to this currency's minor unit.
    pub fn round(&self, amount: Decimal) -> Decimal {
        amount.round_dp_with_strategy(self.minor_units, RoundingStrategy::MidpointAwayFromZero)
    }
}

/// `a × b` when the 28-digit decimal arithmetic holds it exactly; `None`
/// when the product would be rounded (too many digits) or is out of range.
/// Rounding happens once, to the currency's minor unit, never before.
pub fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (a, b) = (a.normalize(), b.normalize());
    // Exact when the product's digits fit: its scale is the sum of the
    // scales, and its digits at most the sum of the digits (28 digits are
    // always below the 96-bit mantissa's limit).
    let digits = |d: Decimal| d.mantissa().unsigned_abs().checked_ilog10().map_or(1, |n| n + 1);
    if a.scale() + b.scale() > 28 || digits(a) + digits(b) > 28 {
        return None;
    }
    a.checked_mul(b)
}

/// `a / 100` exactly, or `None` past 28 decimal places.
pub fn exact_percent(a: Decimal) -> Option<Decimal> {
    let a = a.normalize();
    (a.scale() + 2 <= 28).then(|| a / Decimal::ONE_HUNDRED)
}

/// An amount of money in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub amount: Decimal,
    pub currency: Currency,
}

impl Money {
    /// `amount` in `currency`, exactly as given (not rounded).
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Money { amount, currency }
    }

    /// Zero in `currency`.
    pub fn zero(currency: Currency) -> Self {
        Money { amount: Decimal::ZERO, currency }
    }

    /// This amount rounded half-up to the currency's minor unit.
    pub fn rounded(self) -> Self {
        Money { amount: self.currency.round(self.amount), ..self }
    }

    /// The sum of two amounts in the same currency.
    pub fn checked_add(self, other: Money) -> Result<Money, PlanError> {
        if self.currency != other.currency {
            return Err(PlanError::internal(format!("cannot add {} to {}", other.currency.code(), self.currency.code())));
        }
        let amount = self.amount.checked_add(other.amount).ok_or_else(|| PlanError::internal("amount overflow"))?;
        Ok(Money { amount, ..self })
    }

    /// True when the amount is below zero.
    pub fn is_negative(&self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    /// The amount as text with exactly the currency's minor digits, e.g. `12.50`.
    pub fn amount_text(&self) -> String {
        let mut rounded = self.currency.round(self.amount);
        rounded.rescale(self.currency.minor_units);
        rounded.to_string()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.currency.code, self.amount_text())
    }
}

/// Serialized for templates as `{"amount": "12.50", "currency": "MYR", "minor_units": 2}`;
/// the amount is a string so no float ever touches it.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Money", 3)?;
        s.serialize_field("amount", &self.amount_text())?;
        s.serialize_field("currency", self.currency.code)?;
        s.serialize_field("minor_units", &self.currency.minor_units)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn minor_units_follow_iso_4217() {
        for code in ["MYR", "USD", "EUR", "CNY", "TWD"] {
            assert_eq!(Currency::parse("c", code).unwrap().minor_units(), 2, "{code}");
        }
        assert_eq!(Currency::parse("c", "JPY").unwrap().minor_units(), 0);
    }

    #[test]
    fn rounding_is_half_up_away_from_zero() {
        let myr = Currency::parse("c", "MYR").unwrap();
        assert_eq!(myr.round(d("1.005")), d("1.01"));
        assert_eq!(myr.round(d("1.004")), d("1.00"));
        assert_eq!(myr.round(d("-1.005")), d("-1.01"));
        let jpy = Currency::parse("c", "JPY").unwrap();
        assert_eq!(jpy.round(d("100.5")), d("101"));
    }

    #[test]
    fn unknown_and_unpayable_codes_name_the_path() {
        assert!(matches!(Currency::parse("data.currency", "ZZZ"), Err(PlanError::InvalidInput { path, .. }) if path == "data.currency"));
        assert!(Currency::parse("data.currency", "XAU").is_err());
    }

    #[test]
    fn serializes_amount_as_fixed_text() {
        let m = Money::new(d("12.5"), Currency::parse("c", "MYR").unwrap());
        assert_eq!(serde_json::to_value(m).unwrap(), serde_json::json!({"amount": "12.50", "currency": "MYR", "minor_units": 2}));
        let y = Money::new(d("1200"), Currency::parse("c", "JPY").unwrap());
        assert_eq!(y.amount_text(), "1200");
    }

    #[test]
    fn exact_products_or_none() {
        assert_eq!(exact_mul(d("12"), d("49.90")), Some(d("598.80")));
        assert_eq!(exact_mul(d("0.0000000000001"), d("0.000000000000001")), Some(d("0.0000000000000000000000000001")));
        assert_eq!(exact_mul(d("10.01"), d("0.99999999999999999999999999")), None, "30 places would be rounded");
        assert_eq!(exact_mul(d("79228162514264337593543950335"), d("2")), None, "overflow");
        assert_eq!(exact_percent(d("12.5")), Some(d("0.125")));
        assert_eq!(exact_percent(d("0.000000000000000000000000001")), None);
    }

    #[test]
    fn adding_different_currencies_fails() {
        let a = Money::zero(Currency::parse("c", "MYR").unwrap());
        let b = Money::zero(Currency::parse("c", "USD").unwrap());
        assert!(a.checked_add(b).is_err());
    }
}
