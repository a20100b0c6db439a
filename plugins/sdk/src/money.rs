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
    // The common case, cheaply: a product that keeps the sum of the scales
    // was not rounded (rust_decimal rounds only by lowering the scale).
    let product = a.checked_mul(b)?;
    if product.scale() == a.scale() + b.scale() {
        return Some(product);
    }
    exact_mul_by_digits(a, b)
}

/// [`exact_mul`] by integer arithmetic: each factor as `m × 10^e` with
/// `m` not a multiple of ten, the product of the `m`s in 128 bits, and the
/// result when 96 bits and 28 decimal places hold it. A product too large
/// for 128 bits is refused: it is far past what a decimal holds anyway.
fn exact_mul_by_digits(a: Decimal, b: Decimal) -> Option<Decimal> {
    let ((ma, ea), (mb, eb)) = (reduced(a), reduced(b));
    let (mut m, mut e) = (ma.checked_mul(mb)?, ea + eb);
    if m == 0 {
        return Some(Decimal::ZERO);
    }
    while m % 10 == 0 {
        m /= 10;
        e += 1;
    }
    let mantissa = match u32::try_from(e) {
        Ok(up) => m.checked_mul(10u128.checked_pow(up)?)?,
        Err(_) => m,
    };
    let scale = u32::try_from(-e.min(0)).ok().filter(|&s| s <= 28)?;
    let signed = i128::try_from(mantissa).ok().filter(|&m| m < 1 << 96)?;
    let negative = a.is_sign_negative() != b.is_sign_negative();
    Decimal::try_from_i128_with_scale(if negative { -signed } else { signed }, scale).ok()
}

/// `d` as `m × 10^e`, with `m` not a multiple of ten (or zero).
fn reduced(d: Decimal) -> (u128, i64) {
    let (mut m, mut e) = (d.mantissa().unsigned_abs(), -i64::from(d.scale()));
    while m != 0 && m % 10 == 0 {
        m /= 10;
        e += 1;
    }
    (m, e)
}

/// `a / 100` exactly, or `None` past 28 decimal places. The same digits
/// two places further right: no division.
pub fn exact_percent(a: Decimal) -> Option<Decimal> {
    let a = if a.scale() + 2 <= 28 { a } else { a.normalize() };
    Decimal::try_from_i128_with_scale(a.mantissa(), a.scale() + 2).ok()
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

    /// The exact product by integer arithmetic, where the mantissas' product
    /// fits an i128: trailing zeros dropped, `None` unless 96 bits and 28
    /// places hold it.
    fn oracle(a: Decimal, b: Decimal) -> Option<Option<Decimal>> {
        let (mut m, mut scale) = (a.mantissa().checked_mul(b.mantissa())?, a.scale() + b.scale());
        while scale > 0 && m % 10 == 0 {
            m /= 10;
            scale -= 1;
        }
        Some(Decimal::try_from_i128_with_scale(m, scale).ok())
    }

    #[test]
    fn exact_products_match_integer_arithmetic() {
        let values = [
            "0",
            "1",
            "-1",
            "12",
            "49.90",
            "0.3333333333",
            "99.5",
            "0.995",
            "8.125",
            "0.08125",
            "1000000000000",
            "0.0000000000001",
            "0.00000000000000000001",
            "12345678901234.5678",
            "-9999999999.99999",
            "10.01",
            "100.000000",
            "7922816251426433759",
        ];
        for a in values {
            for b in values {
                let (a, b) = (d(a), d(b));
                let Some(expected) = oracle(a, b) else { continue };
                assert_eq!(exact_mul(a, b).map(|p| p.normalize()), expected.map(|p| p.normalize()), "{a} × {b}");
            }
        }
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
