//! Per-address rate limiting for the routes anyone can call (`/o/…`).
//!
//! A token bucket per client address: `rate` requests a second on average,
//! bursts up to twice that. A flood from one address is answered 429 while
//! every other address is served as usual. Behind a reverse proxy every
//! request comes from the proxy's address: limit there instead (rate 0
//! turns this off).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

/// Addresses tracked at most; idle ones are forgotten first.
const MAX_ADDRESSES: usize = 100_000;

/// Token buckets by client address.
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl RateLimiter {
    /// `rate` requests a second per address; 0 allows everything.
    pub fn new(rate: u32) -> Self {
        RateLimiter { rate: f64::from(rate), burst: f64::from(rate) * 2.0, buckets: Mutex::new(HashMap::new()) }
    }

    /// Whether a request from `addr` may proceed now.
    pub fn allow(&self, addr: IpAddr) -> bool {
        if self.rate <= 0.0 {
            return true;
        }
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        if buckets.len() >= MAX_ADDRESSES && !buckets.contains_key(&addr) {
            // Forget addresses whose buckets have refilled: they lose nothing.
            let (rate, burst) = (self.rate, self.burst);
            buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * rate < burst);
            if buckets.len() >= MAX_ADDRESSES {
                buckets.clear();
            }
        }
        let (tokens, at) = buckets.entry(addr).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.rate).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_is_limited_without_affecting_another() {
        let limiter = RateLimiter::new(5);
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let allowed = (0..50).filter(|_| limiter.allow(a)).count();
        assert_eq!(allowed, 10, "a burst of twice the rate");
        assert!(limiter.allow(b));
        assert!(RateLimiter::new(0).allow(a));
    }
}
