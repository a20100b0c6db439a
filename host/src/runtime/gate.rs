//! A counting gate that bounds live instances to the pooling allocator's
//! capacity, so a burst of calls queues instead of failing.

use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Admits at most `capacity` holders at a time.
pub(crate) struct Gate {
    capacity: u32,
    in_use: Mutex<u32>,
    freed: Condvar,
}

/// A slot in the gate, given back on drop.
pub(crate) struct Pass<'a>(&'a Gate);

impl Gate {
    pub(crate) fn new(capacity: u32) -> Self {
        Gate { capacity: capacity.max(1), in_use: Mutex::new(0), freed: Condvar::new() }
    }

    pub(crate) fn capacity(&self) -> u32 {
        self.capacity
    }

    /// Waits up to `timeout` for a slot; `None` if none came free.
    pub(crate) fn enter(&self, timeout: Duration) -> Option<Pass<'_>> {
        let deadline = Instant::now() + timeout;
        let mut in_use = self.in_use.lock().unwrap_or_else(PoisonError::into_inner);
        while *in_use >= self.capacity {
            let left = deadline.checked_duration_since(Instant::now())?;
            in_use = self.freed.wait_timeout(in_use, left).unwrap_or_else(PoisonError::into_inner).0;
        }
        *in_use += 1;
        Some(Pass(self))
    }
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        let mut in_use = self.0.in_use.lock().unwrap_or_else(PoisonError::into_inner);
        *in_use -= 1;
        self.0.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admits_up_to_capacity_then_waits() {
        let gate = Gate::new(2);
        let a = gate.enter(Duration::ZERO).unwrap();
        let _b = gate.enter(Duration::ZERO).unwrap();
        assert!(gate.enter(Duration::from_millis(10)).is_none());
        drop(a);
        assert!(gate.enter(Duration::ZERO).is_some());
    }
}
