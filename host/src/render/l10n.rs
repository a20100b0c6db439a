//! Locale-aware formatting of numbers, money, percentages, dates and
//! relative days, all from ICU4X's CLDR data.
//!
//! Building formatters loads locale data, so a [`LocaleFormats`] is made
//! once per locale tag and shared by every render ([`FormatCache`]).
//! Inputs are exact: amounts arrive as decimal strings (`"1234.50"`) and
//! never pass through binary floats.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use fixed_decimal::Decimal;
use icu_calendar::{Date, Iso};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::input::{DateTime as IcuDateTime, Time};
use icu_datetime::options::TimePrecision;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_experimental::relativetime::options::Numeric;
use icu_experimental::relativetime::{RelativeTimeFormatter, RelativeTimeFormatterOptions};
use icu_locale_core::Locale;
use icu_locale_core::preferences::extensions::unicode::keywords::CurrencyType;
use icu_plurals::{PluralCategory, PluralRules};
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};

/// The formatters for one locale.
pub struct LocaleFormats {
    locale: Locale,
    decimal: DecimalFormatter,
    percent: PercentFormatter<DecimalFormatter>,
    date: DateTimeFormatter<YMD>,
    datetime: DateTimeFormatter<YMDT>,
    relative_day: RelativeTimeFormatter,
    plurals: PluralRules,
    currencies: Mutex<HashMap<String, Arc<CurrencyFormatter<DecimalFormatter>>>>,
}

fn data_error(what: &str, locale: &Locale, e: impl std::fmt::Display) -> String {
    format!("no {what} data for locale `{locale}`: {e}")
}

/// Parses an exact decimal given as text (`"1234.50"`, `"-3"`).
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    Decimal::from_str(text.trim()).map_err(|_| format!("`{text}` is not a decimal number"))
}

impl LocaleFormats {
    /// Loads every formatter for `locale`.
    pub fn new(locale: &Locale) -> Result<Self, String> {
        let mut relative = RelativeTimeFormatterOptions::default();
        relative.numeric = Some(Numeric::Auto);
        Ok(LocaleFormats {
            locale: locale.clone(),
            decimal: DecimalFormatter::try_new(locale.into(), Default::default()).map_err(|e| data_error("number", locale, e))?,
            percent: PercentFormatter::try_new(locale.into(), Default::default()).map_err(|e| data_error("percent", locale, e))?,
            date: DateTimeFormatter::try_new(locale.into(), YMD::medium()).map_err(|e| data_error("date", locale, e))?,
            datetime: DateTimeFormatter::try_new(locale.into(), YMDT::medium().with_time_precision(TimePrecision::Minute))
                .map_err(|e| data_error("date-time", locale, e))?,
            relative_day: RelativeTimeFormatter::try_new_long_day(locale.into(), relative)
                .map_err(|e| data_error("relative-time", locale, e))?,
            plurals: PluralRules::try_new_cardinal(locale.into()).map_err(|e| data_error("plural", locale, e))?,
            currencies: Mutex::new(HashMap::new()),
        })
    }

    /// `1234.5` → `1,234.5` (en), `1.234,5` (de), …
    pub fn number(&self, value: &str) -> Result<String, String> {
        Ok(self.decimal.format(&parse_decimal(value)?).to_string())
    }

    /// An amount in an ISO 4217 currency with the locale's symbol, grouping
    /// and placement, at the currency's minor unit: `RM 1,234.50`, `NT$1,234.00`, `¥1,235`.
    pub fn money(&self, amount: &str, currency: &str) -> Result<String, String> {
        let value = parse_decimal(amount)?;
        let formatter = self.currency(currency)?;
        Ok(formatter.format_fixed_decimal(&value).to_string())
    }

    fn currency(&self, code: &str) -> Result<Arc<CurrencyFormatter<DecimalFormatter>>, String> {
        let key = code.trim().to_ascii_lowercase();
        let mut cache = self.currencies.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = cache.get(&key) {
            return Ok(found.clone());
        }
        let currency = CurrencyType::try_from_str(&key).map_err(|_| format!("`{code}` is not an ISO 4217 currency code"))?;
        let formatter = CurrencyFormatter::try_new_symbol((&self.locale).into(), currency, Default::default())
            .map_err(|e| data_error(&format!("{code} currency"), &self.locale, e))?;
        let formatter = Arc::new(formatter);
        // Codes come from plans; keep the set small whatever they send.
        if cache.len() >= 64 {
            cache.clear();
        }
        cache.insert(key, formatter.clone());
        Ok(formatter)
    }

    /// A ratio given in percent: `"12.5"` → `12.5%` (en), `12,5 %` (fr), …
    pub fn percent(&self, value: &str) -> Result<String, String> {
        Ok(self.percent.format(&parse_decimal(value)?).to_string())
    }

    /// A calendar date (`2026-12-01`) in the locale's medium style.
    pub fn date(&self, date: NaiveDate) -> Result<String, String> {
        Ok(self.date.format(&iso_date(date)?).to_string())
    }

    /// An instant shown in the IANA zone `timezone`, to the minute.
    pub fn datetime(&self, at: DateTime<Utc>, timezone: &str) -> Result<String, String> {
        let tz: chrono_tz::Tz = timezone.parse().map_err(|_| format!("`{timezone}` is not an IANA time zone"))?;
        let local = at.with_timezone(&tz).naive_local();
        let time = Time::try_new(local.hour() as u8, local.minute() as u8, local.second() as u8, 0)
            .map_err(|e| format!("time {local} is out of range: {e}"))?;
        let input = IcuDateTime { date: iso_date(local.date())?, time };
        Ok(self.datetime.format(&input).to_string())
    }

    /// Days from today: `in 14 days`, `tomorrow`, `2 days ago`, in the locale.
    pub fn relative_days(&self, days: i64) -> String {
        self.relative_day.format(Decimal::from(days)).to_string()
    }

    /// The CLDR plural category of `count` in this locale: `one`, `other`, …
    pub fn plural_category(&self, count: &str) -> Result<&'static str, String> {
        let value = parse_decimal(count)?;
        Ok(match self.plurals.category_for(&value) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        })
    }
}

fn iso_date(date: NaiveDate) -> Result<Date<Iso>, String> {
    Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8).map_err(|e| format!("date {date} is out of range: {e}"))
}

/// Formatters by locale tag, built on first use and shared.
pub struct FormatCache {
    by_locale: Mutex<lru::LruCache<String, Arc<LocaleFormats>>>,
}

/// Locale tags whose formatters are kept. Tags come from customer data, so
/// the cache is bounded; a busy service sees a few dozen.
const KEPT_LOCALES: std::num::NonZeroUsize = match std::num::NonZeroUsize::new(64) {
    Some(n) => n,
    None => std::num::NonZeroUsize::MIN,
};

impl Default for FormatCache {
    fn default() -> Self {
        FormatCache { by_locale: Mutex::new(lru::LruCache::new(KEPT_LOCALES)) }
    }
}

impl FormatCache {
    /// The formatters for the BCP 47 tag `tag`. Looked up by the tag as
    /// given, so a tag is parsed only the first time it is seen (among the
    /// last 64 seen).
    pub fn get(&self, tag: &str) -> Result<Arc<LocaleFormats>, String> {
        if let Some(found) = self.by_locale.lock().unwrap_or_else(PoisonError::into_inner).get(tag) {
            return Ok(found.clone());
        }
        let formats = Arc::new(LocaleFormats::new(&super::locale::parse_locale(tag)?)?);
        self.by_locale.lock().unwrap_or_else(PoisonError::into_inner).put(tag.to_string(), formats.clone());
        Ok(formats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formats(tag: &str) -> LocaleFormats {
        LocaleFormats::new(&tag.parse().unwrap()).unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn money_follows_locale_and_currency() {
        assert_eq!(formats("en-US").money("1234.5", "USD").unwrap(), "$1,234.50");
        // CLDR separates the ringgit symbol with a no-break space.
        assert_eq!(formats("ms-MY").money("2315.08", "MYR").unwrap(), "RM\u{a0}2,315.08");
        assert_eq!(formats("zh-TW").money("1088640", "TWD").unwrap(), "$1,088,640.00");
        assert_eq!(formats("en").money("1099", "JPY").unwrap(), "¥1,099");
        assert!(formats("en").money("12", "XYZ1").is_err());
        assert!(formats("en").money("twelve", "USD").is_err());
    }

    #[test]
    fn numbers_percent_and_plurals() {
        assert_eq!(formats("en").number("1234567.25").unwrap(), "1,234,567.25");
        assert_eq!(formats("en").percent("80.5").unwrap(), "80.5%");
        assert_eq!(formats("en").plural_category("1").unwrap(), "one");
        assert_eq!(formats("en").plural_category("3").unwrap(), "other");
        assert_eq!(formats("zh-CN").plural_category("1").unwrap(), "other");
    }

    #[test]
    fn dates_in_each_supported_locale() {
        let d = date("2026-12-01");
        assert_eq!(formats("en").date(d).unwrap(), "Dec 1, 2026");
        assert_eq!(formats("ms").date(d).unwrap(), "1 Dis 2026");
        assert_eq!(formats("zh-CN").date(d).unwrap(), "2026年12月1日");
        assert_eq!(formats("zh-TW").date(d).unwrap(), "2026年12月1日");
    }

    #[test]
    fn datetime_is_shown_in_the_customers_zone() {
        let at = DateTime::parse_from_rfc3339("2026-11-30T20:30:00Z").unwrap().with_timezone(&Utc);
        // 20:30 UTC is 04:30 the next day in Kuala Lumpur.
        let text = formats("en").datetime(at, "Asia/Kuala_Lumpur").unwrap();
        assert!(text.starts_with("Dec 1, 2026"), "{text}");
        assert!(text.contains("4:30"), "{text}");
        assert!(formats("en").datetime(at, "Mars/Base").is_err());
    }

    #[test]
    fn relative_days_read_naturally() {
        assert_eq!(formats("en").relative_days(14), "in 14 days");
        assert_eq!(formats("en").relative_days(1), "tomorrow");
        assert_eq!(formats("en").relative_days(-2), "2 days ago");
        assert_eq!(formats("ms").relative_days(9), "dalam 9 hari");
        assert_eq!(formats("zh-CN").relative_days(3), "3天后");
        assert_eq!(formats("zh-TW").relative_days(9), "9 天後");
    }
}
