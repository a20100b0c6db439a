//! Open-time renders that are not attempted again for a while.
//!
//! Open links need no key, so whatever a link's render costs, anybody can
//! make it cost that again by opening the link. When a link's render is
//! stopped (its CPU or memory budget, a crash, a plugin past its limits),
//! the link is suspended: opens get its fallback without rendering until
//! the suspension ends. The same holds for a template's declared fallback.
//! Entries are kept in a bounded map, so floods of distinct links cannot
//! grow it without end.

use std::num::NonZeroUsize;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// What is suspended: a link's render in a format, or a bundle's fallback.
pub type SuspendKey = (String, &'static str);

/// Suspended renders and when each suspension ends.
pub struct Suspensions {
    until: Mutex<lru::LruCache<SuspendKey, Instant>>,
    duration: Duration,
}

/// Suspensions kept at most; the oldest go first.
const KEPT: NonZeroUsize = match NonZeroUsize::new(100_000) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

impl Suspensions {
    /// Suspensions that last `duration`.
    pub fn new(duration: Duration) -> Self {
        Suspensions { until: Mutex::new(lru::LruCache::new(KEPT)), duration }
    }

    /// Suspends `key` from now (0 duration: never).
    pub fn suspend(&self, key: SuspendKey) {
        if self.duration.is_zero() {
            return;
        }
        let until = Instant::now() + self.duration;
        self.until.lock().unwrap_or_else(PoisonError::into_inner).put(key, until);
    }

    /// Whether `key` is suspended now.
    pub fn suspended(&self, key: &SuspendKey) -> bool {
        let mut map = self.until.lock().unwrap_or_else(PoisonError::into_inner);
        match map.peek(key) {
            Some(until) if *until > Instant::now() => true,
            Some(_) => {
                map.pop(key);
                false
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suspensions_end() {
        let s = Suspensions::new(Duration::from_millis(50));
        let key = ("lnk_1".to_string(), "html");
        assert!(!s.suspended(&key));
        s.suspend(key.clone());
        assert!(s.suspended(&key));
        assert!(!s.suspended(&("lnk_1".to_string(), "png")));
        std::thread::sleep(Duration::from_millis(60));
        assert!(!s.suspended(&key));
        let never = Suspensions::new(Duration::ZERO);
        never.suspend(key.clone());
        assert!(!never.suspended(&key));
    }
}
