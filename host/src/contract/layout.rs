//! A plugin's linear memory, as the host links it and runs it. The numbers
//! live here, in one place, because they only work together:
//!
//! ```text
//! 0 ─ shadow stack (STACK) ─ static data ─ heap … ─ INITIAL_MEMORY ─ (grows) … ─ MAX_MEMORY
//!     └────────── RESIDENT_WINDOW: kept resident, reset page by page ──────────┘
//! ```
//!
//! - `folio plugin build` links plugins with a [`STACK`]-byte shadow stack
//!   and [`INITIAL_MEMORY`] of linear memory, so a typical plan never calls
//!   `memory.grow` (each growth is an `mprotect` in the host, undone when the
//!   pooled slot is reset).
//! - The SDK's allocator (`plugins/sdk/src/allocator.rs`) is an arena for
//!   one call that starts after the stack and static data, and grows memory
//!   only past `INITIAL_MEMORY`.
//! - The sandbox keeps the first [`RESIDENT_WINDOW`] bytes of each pooled
//!   slot resident and resets only the pages a call dirtied, so a typical
//!   plan's stack, data and heap should fall inside it; the reset scans the
//!   whole window, so it is no larger than that.
//! - A call may grow memory to [`MAX_MEMORY`] (`runtime::Limits`), which
//!   must hold a request of the largest size ([`MAX_REQUEST`]) parsed, and
//!   the plan built from it, in an arena that never frees.

/// Wasm's page size.
pub const PAGE: usize = 64 << 10;
/// A plugin's shadow stack. Plan logic is shallow; serde's nesting limit
/// needs a fraction of this (Rust's own default is 1 MiB).
pub const STACK: usize = 256 << 10;
/// The linear memory a plugin starts with.
pub const INITIAL_MEMORY: usize = 4 << 20;
/// Linear memory per pooled slot kept resident and reset in place.
pub const RESIDENT_WINDOW: usize = 2 << 20;
/// The most linear memory a call may have (the default limit).
pub const MAX_MEMORY: usize = 64 << 20;
/// The largest request a plugin is given (the default limit).
pub const MAX_REQUEST: usize = 1 << 20;
/// The largest plan a plugin may return (the default limit).
pub const MAX_PLAN: usize = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;

    /// Checked when the tests compile (a wrong number fails the build of
    /// the test suite), and listed here as the test of how they relate.
    #[test]
    fn the_numbers_fit_together() {
        const {
            assert!(INITIAL_MEMORY.is_multiple_of(PAGE), "memory comes in whole pages");
            assert!(RESIDENT_WINDOW.is_multiple_of(PAGE));
            assert!(STACK < RESIDENT_WINDOW, "the stack sits inside the resident window");
            assert!(RESIDENT_WINDOW <= INITIAL_MEMORY, "the window covers memory every call has, no more");
            // The arena never frees: a maximal request, its parsed form (a few
            // times its size in serde_json values) and a maximal plan, with room.
            assert!(STACK + 8 * MAX_REQUEST + 2 * MAX_PLAN < MAX_MEMORY / 2);
        }
    }
}
