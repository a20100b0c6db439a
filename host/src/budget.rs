//! The memory budget of a render worker (see `contain`).
//!
//! [`Budgeted`] wraps the process's allocator. In the server and the CLI it
//! only forwards (one relaxed load per call). In a render worker,
//! [`enforce`] turns counting on: every job runs with a limit of the bytes
//! it may allocate on top of what the worker held when the job began
//! ([`start_job`]). An allocation past the limit is refused; before
//! refusing, the allocator writes `memory` to the worker's note pipe, so
//! the parent can tell a render that ran out of memory from one that
//! crashed when the process aborts. Memory the Wasm sandbox maps for a
//! plugin's linear memory is charged to the same budget ([`charge`]), so
//! one limit covers the whole render: plan, template, layout and encoding.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicIsize, Ordering};

/// The process's budget. Only render workers switch it on.
static BUDGET: Counter = Counter::new();
/// Where the "out of memory" note goes; -1 for nowhere.
static NOTE_FD: AtomicI32 = AtomicI32::new(-1);

/// Live bytes against a limit.
struct Counter {
    /// Whether allocations are counted.
    on: AtomicBool,
    /// Net bytes allocated since counting began. Memory allocated before
    /// that and freed after makes it negative, which is why it is signed.
    live: AtomicIsize,
    /// `live` may not pass this; `isize::MAX` between jobs.
    limit: AtomicIsize,
    /// Set when an allocation was refused during the current job.
    tripped: AtomicBool,
}

impl Counter {
    const fn new() -> Self {
        Counter {
            on: AtomicBool::new(false),
            live: AtomicIsize::new(0),
            limit: AtomicIsize::new(isize::MAX),
            tripped: AtomicBool::new(false),
        }
    }

    fn on(&self) -> bool {
        self.on.load(Ordering::Relaxed)
    }

    /// Adds `bytes` to the live count; false (and nothing added) when that
    /// would pass the limit. The first refusal of a job is reported.
    fn admit(&self, bytes: usize) -> bool {
        let bytes = isize::try_from(bytes).unwrap_or(isize::MAX);
        let before = self.live.fetch_add(bytes, Ordering::Relaxed);
        if before.saturating_add(bytes) > self.limit.load(Ordering::Relaxed) {
            self.live.fetch_sub(bytes, Ordering::Relaxed);
            if !self.tripped.swap(true, Ordering::Relaxed) {
                note_refusal();
            }
            return false;
        }
        true
    }

    fn forget(&self, bytes: usize) {
        self.live.fetch_sub(isize::try_from(bytes).unwrap_or(isize::MAX), Ordering::Relaxed);
    }

    fn start_job(&self, limit: usize) {
        self.tripped.store(false, Ordering::Relaxed);
        let live = self.live.load(Ordering::Relaxed);
        self.limit.store(live.saturating_add(isize::try_from(limit).unwrap_or(isize::MAX)), Ordering::Relaxed);
    }

    fn end_job(&self) -> bool {
        self.limit.store(isize::MAX, Ordering::Relaxed);
        self.tripped.load(Ordering::Relaxed)
    }
}

/// What a worker writes to its note pipe when it refuses an allocation.
pub const MEMORY_NOTE: &[u8] = b"memory\n";

/// The global allocator of the `folio` binary: `inner` with a memory budget
/// that render workers switch on.
pub struct Budgeted<A> {
    inner: A,
}

impl<A> Budgeted<A> {
    /// `inner`, counted only once [`enforce`] is called.
    pub const fn new(inner: A) -> Self {
        Budgeted { inner }
    }
}

/// Tells the parent an allocation was refused, with nothing but a `write`
/// (no allocation: the allocator is in use).
fn note_refusal() {
    let fd = NOTE_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        // SAFETY: writing a static buffer to a descriptor this process owns.
        unsafe { libc::write(fd, MEMORY_NOTE.as_ptr().cast(), MEMORY_NOTE.len()) };
    }
}

// SAFETY: every call is forwarded to `inner` unchanged; the wrapper only
// counts, and refuses (returns null) before calling `inner`.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Budgeted<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if BUDGET.on() && !BUDGET.admit(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: the caller's contract is passed on.
        unsafe { self.inner.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if BUDGET.on() && !BUDGET.admit(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: the caller's contract is passed on.
        unsafe { self.inner.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on.
        unsafe { self.inner.dealloc(ptr, layout) };
        if BUDGET.on() {
            BUDGET.forget(layout.size());
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let enforcing = BUDGET.on();
        let old = layout.size();
        if enforcing && new_size > old && !BUDGET.admit(new_size - old) {
            return std::ptr::null_mut();
        }
        // SAFETY: the caller's contract is passed on.
        let out = unsafe { self.inner.realloc(ptr, layout, new_size) };
        if enforcing {
            if out.is_null() && new_size > old {
                BUDGET.forget(new_size - old);
            } else if !out.is_null() && new_size < old {
                BUDGET.forget(old - new_size);
            }
        }
        out
    }
}

/// Turns counting on for this process (a render worker), with notes about
/// refused allocations written to `note_fd`.
pub fn enforce(note_fd: i32) {
    NOTE_FD.store(note_fd, Ordering::Relaxed);
    BUDGET.live.store(0, Ordering::Relaxed);
    BUDGET.limit.store(isize::MAX, Ordering::Relaxed);
    BUDGET.on.store(true, Ordering::Relaxed);
}

/// Starts a job that may allocate `limit` bytes on top of what is live now.
pub fn start_job(limit: usize) {
    BUDGET.start_job(limit);
}

/// Ends the current job: no limit until the next one. Returns whether the
/// job had an allocation refused.
pub fn end_job() -> bool {
    BUDGET.end_job()
}

/// Net bytes allocated since counting began.
pub fn live() -> isize {
    BUDGET.live.load(Ordering::Relaxed)
}

/// Charges `bytes` of memory the process maps itself (a plugin's linear
/// memory) to the current job. False, with nothing charged, when that
/// passes the job's limit. Always true where counting is off.
pub fn charge(bytes: usize) -> bool {
    !BUDGET.on() || BUDGET.admit(bytes)
}

/// Gives back memory [`charge`] took.
pub fn release(bytes: usize) {
    if BUDGET.on() {
        BUDGET.forget(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The process-wide budget stays off in the test binary (its allocator
    // is not `Budgeted`); a counter of the test's own is exercised here, and
    // the worker tests exercise the real thing in a worker process.
    #[test]
    fn jobs_are_limited_from_what_is_live_when_they_start() {
        let counter = Counter::new();
        counter.on.store(true, Ordering::Relaxed);
        assert!(counter.admit(5000), "no limit between jobs");
        counter.start_job(1000);
        assert!(counter.admit(600));
        assert!(!counter.admit(600), "over the limit");
        assert!(counter.end_job(), "the refusal is remembered");
        counter.forget(600);
        counter.start_job(1000);
        assert!(counter.admit(1000));
        assert!(!counter.end_job());
        counter.forget(7000);
        assert_eq!(counter.live.load(Ordering::Relaxed), -1000, "memory from before counting may be freed");
    }
}
