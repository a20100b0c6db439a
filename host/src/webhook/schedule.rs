//! When a failed delivery is tried again.
//!
//! The default schedule is the Standard Webhooks one: attempts at once,
//! then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (about 27 hours
//! of retries; an endpoint is disabled only after 5 days of failures, so a
//! receiver down for a weekend loses nothing it cannot replay). Each wait
//! is jittered by ±10% so a receiver that comes back is not hit by every
//! retry in the same second. A `Retry-After` from the receiver lengthens
//! the wait (never shortens it), up to the schedule's longest step.

use chrono::{DateTime, Utc};
use std::time::Duration;

/// The waits before attempts 2, 3, … (the first is immediate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetrySchedule(Vec<Duration>);

impl Default for RetrySchedule {
    fn default() -> Self {
        let m = |n: u64| Duration::from_secs(n * 60);
        RetrySchedule(vec![Duration::from_secs(5), m(5), m(30), m(120), m(300), m(600), m(600)])
    }
}

impl RetrySchedule {
    /// A schedule of these waits (for tests and on-premises tuning).
    pub fn new(waits: Vec<Duration>) -> Self {
        RetrySchedule(waits)
    }

    /// Parses `5s,5m,30m`: the waits before attempts 2, 3, …
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut waits = Vec::new();
        for part in text.split(',').map(str::trim) {
            waits.push(parse_wait(part).ok_or_else(|| format!("`{part}` is not a wait such as 500ms, 5s, 30m or 2h"))?);
        }
        if waits.is_empty() || waits.len() > 20 {
            return Err("give 1 to 20 waits, such as 5s,5m,30m".into());
        }
        Ok(RetrySchedule(waits))
    }

    /// Attempts in all.
    pub fn attempts(&self) -> i64 {
        self.0.len() as i64 + 1
    }

    /// When to try again after attempt `attempt` (1-based) failed at
    /// `now`, or `None` if that was the last. `jitter` is in [0, 1).
    pub fn next(&self, attempt: i64, now: DateTime<Utc>, retry_after: Option<Duration>, jitter: f64) -> Option<DateTime<Utc>> {
        let index = usize::try_from(attempt - 1).ok()?;
        let wait = *self.0.get(index)?;
        let factor = 0.9 + 0.2 * jitter.clamp(0.0, 1.0);
        let mut wait = wait.mul_f64(factor);
        if let Some(asked) = retry_after {
            let longest = self.0.iter().max().copied().unwrap_or_default();
            wait = wait.max(asked.min(longest));
        }
        let wait = chrono::Duration::from_std(wait).ok()?;
        now.checked_add_signed(wait)
    }
}

fn parse_wait(text: &str) -> Option<Duration> {
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = text.split_at(split);
    let n: u64 = n.parse().ok()?;
    Some(match unit {
        "ms" => Duration::from_millis(n),
        "s" => Duration::from_secs(n),
        "m" => Duration::from_secs(n.checked_mul(60)?),
        "h" => Duration::from_secs(n.checked_mul(3600)?),
        _ => return None,
    })
}

/// A `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = DateTime::parse_from_rfc2822(value).ok()?.with_timezone(&Utc);
    (at - now).to_std().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_schedule_is_the_specifications() {
        let s = RetrySchedule::default();
        assert_eq!(s.attempts(), 8);
        let now = Utc::now();
        let mid = |attempt| (s.next(attempt, now, None, 0.5).unwrap() - now).num_seconds();
        assert_eq!([mid(1), mid(2), mid(3), mid(4), mid(5), mid(6), mid(7)], [5, 300, 1800, 7200, 18000, 36000, 36000]);
        assert_eq!(s.next(8, now, None, 0.5), None, "eight attempts, then it gives up");
        // Jitter stays within ±10%.
        let low = (s.next(3, now, None, 0.0).unwrap() - now).num_seconds();
        let high = (s.next(3, now, None, 0.999).unwrap() - now).num_seconds();
        assert_eq!((low, high), (1620, 1979));
    }

    #[test]
    fn retry_after_lengthens_but_never_shortens_or_exceeds_the_longest_wait() {
        let s = RetrySchedule::default();
        let now = Utc::now();
        let wait = |asked: u64| (s.next(1, now, Some(Duration::from_secs(asked)), 0.5).unwrap() - now).num_seconds();
        assert_eq!(wait(1), 5);
        assert_eq!(wait(120), 120);
        assert_eq!(wait(10 * 86_400), 36_000);
        assert_eq!(parse_retry_after("120", now), Some(Duration::from_secs(120)));
        let date = (now + chrono::Duration::seconds(90)).to_rfc2822();
        let parsed = parse_retry_after(&date, now).unwrap().as_secs();
        assert!((88..=90).contains(&parsed), "{parsed}");
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn schedules_parse() {
        assert_eq!(
            RetrySchedule::parse("200ms, 1s,2m,1h").unwrap(),
            RetrySchedule::new(vec![
                Duration::from_millis(200),
                Duration::from_secs(1),
                Duration::from_secs(120),
                Duration::from_secs(3600)
            ])
        );
        assert!(RetrySchedule::parse("5x").unwrap_err().contains("5x"));
        assert!(RetrySchedule::parse("").is_err());
    }
}
