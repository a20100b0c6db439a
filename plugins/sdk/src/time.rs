//! Dates and times on the host-supplied render instant.
//!
//! A plugin has no clock: "now" is always [`crate::Request::at`]. Calendar
//! arithmetic happens in the customer's time zone, so a due date "net 30"
//! falls on the customer's calendar day, not UTC's.

use crate::PlanError;
use chrono::{DateTime, Days, LocalResult, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// An instant seen in a customer's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    at: DateTime<Utc>,
    tz: Tz,
}

impl LocalTime {
    /// `at` in the IANA zone `timezone`; an unknown zone is an input error on `customer.timezone`.
    pub fn new(at: DateTime<Utc>, timezone: &str) -> Result<Self, PlanError> {
        let tz: Tz =
            timezone.parse().map_err(|_| PlanError::invalid("customer.timezone", format!("`{timezone}` is not an IANA time zone")))?;
        Ok(LocalTime { at, tz })
    }

    /// The customer's calendar date at this instant.
    pub fn date(&self) -> NaiveDate {
        self.at.with_timezone(&self.tz).date_naive()
    }

    /// The time zone.
    pub fn zone(&self) -> Tz {
        self.tz
    }

    /// The calendar date `days` after this instant's date.
    pub fn date_plus_days(&self, days: u32) -> NaiveDate {
        self.date().checked_add_days(Days::new(u64::from(days))).unwrap_or(NaiveDate::MAX)
    }

    /// Whole calendar days from this instant's date to `date` (negative when past).
    pub fn days_until(&self, date: NaiveDate) -> i64 {
        (date - self.date()).num_days()
    }

    /// The instant at which `date` ends (midnight after it) in this zone, in
    /// UTC. Where the clocks jump forward at midnight (Santiago, Havana,
    /// Beirut and Cairo do on some daylight-saving days), local midnight
    /// never happens: the day ends at the jump, which is midnight in the
    /// offset in force before it.
    pub fn end_of_day(&self, date: NaiveDate) -> DateTime<Utc> {
        let next = date.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX);
        let midnight = next.and_hms_opt(0, 0, 0).unwrap_or_default();
        match self.tz.from_local_datetime(&midnight) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
            LocalResult::None => {
                // The offset a day earlier is the one in force before the jump.
                let before = midnight - chrono::Duration::days(1);
                let offset = self.tz.offset_from_utc_datetime(&before).fix().local_minus_utc();
                Utc.from_utc_datetime(&(midnight - chrono::Duration::seconds(i64::from(offset))))
            }
        }
    }
}

/// Parses an ISO 8601 calendar date (`2026-01-31`) found at `path`.
pub fn parse_date(path: &str, text: &str) -> Result<NaiveDate, PlanError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| PlanError::invalid(path, format!("`{text}` is not a date (expected YYYY-MM-DD)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn local_date_follows_the_customers_zone() {
        // 20:00 UTC on the 31st is already 1 Feb in Kuala Lumpur (UTC+8).
        let t = LocalTime::new(at("2026-01-31T20:00:00Z"), "Asia/Kuala_Lumpur").unwrap();
        assert_eq!(t.date(), NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
        assert_eq!(t.date_plus_days(30), NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
        assert_eq!(t.days_until(NaiveDate::from_ymd_opt(2026, 1, 30).unwrap()), -2);
    }

    #[test]
    fn unknown_zone_names_the_field() {
        let err = LocalTime::new(at("2026-01-01T00:00:00Z"), "Mars/Olympus").unwrap_err();
        assert!(matches!(err, PlanError::InvalidInput { ref path, .. } if path == "customer.timezone"), "{err}");
    }

    #[test]
    fn end_of_day_is_local_midnight() {
        let t = LocalTime::new(at("2026-01-01T00:00:00Z"), "Asia/Taipei").unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        assert_eq!(t.end_of_day(d), at("2026-01-10T16:00:00Z"));
    }

    #[test]
    fn a_day_ends_at_the_jump_where_midnight_does_not_exist() {
        // Chile starts daylight saving time at midnight on 6 September 2026.
        let t = LocalTime::new(at("2026-08-06T12:00:00Z"), "America/Santiago").unwrap();
        let due = NaiveDate::from_ymd_opt(2026, 9, 5).unwrap();
        assert_eq!(t.end_of_day(due), at("2026-09-06T04:00:00Z"));
        // Wherever local midnight is skipped, the day still ends when the next begins.
        for zone in ["America/Santiago", "America/Havana", "Asia/Beirut", "Africa/Cairo", "Asia/Kuala_Lumpur", "Europe/London"] {
            let t = LocalTime::new(at("2026-01-01T00:00:00Z"), zone).unwrap();
            let tz: Tz = zone.parse().unwrap();
            let mut date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            for _ in 0..365 {
                let end = t.end_of_day(date);
                let last = (end - chrono::Duration::seconds(1)).with_timezone(&tz).date_naive();
                let first = end.with_timezone(&tz).date_naive();
                assert_eq!((last, first), (date, date.succ_opt().unwrap()), "{zone} {date}");
                date = date.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn parse_date_names_the_path() {
        assert!(parse_date("data.issued", "2026-02-30").is_err());
        assert_eq!(parse_date("data.issued", "2026-02-28").unwrap(), NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
    }
}
