//! The plugin's global allocator: an arena for one call.
//!
//! The host runs every call in a fresh instance and throws the instance
//! away afterwards, so a plugin's heap only ever lives for one plan. That is
//! the classic case for an arena: allocation bumps a pointer, and memory is
//! reclaimed wholesale when the instance goes. Frees of the most recent
//! block are taken back, and the most recent block grows in place, which
//! covers the common patterns (a `String` or `Vec` being built, temporaries
//! dropped in reverse order).
//!
//! Two details make calls cheap for the host:
//! - allocation starts in the slack between the end of static data and the
//!   end of the initial memory the host links plugins with (the memory
//!   layout is set in one place: `host/src/contract/layout.rs`), so a
//!   typical plan never calls `memory.grow` (each growth costs the host an
//!   `mprotect`);
//! - nothing is searched or split, which the plan benchmark shows in the
//!   Wasm/native ratio (docs/benchmarks.md, "Plugin plan").
//!
//! The trade-off: a plan's memory use is what it allocates in total, not its
//! peak live size. Requests are capped at 1 MiB and memory at 64 MiB, so a
//! plan that parses even a maximal request fits; a plugin that allocates and
//! frees in a long loop should reuse its buffers. Running out is a clean
//! `MemoryLimit` error from the host.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32::{memory_grow, memory_size};
use core::cell::Cell;

#[cfg(target_feature = "atomics")]
compile_error!("the folio-plugin allocator assumes single-threaded Wasm (no atomics)");

const PAGE: usize = 64 * 1024;

unsafe extern "C" {
    /// Provided by the linker: the first byte after the stack and static data.
    static __heap_base: u8;
}

/// A bump allocator over linear memory from `__heap_base` up.
struct Arena {
    /// The next free byte; 0 until the first allocation.
    next: Cell<usize>,
    /// The end of linear memory as last seen.
    end: Cell<usize>,
}

// SAFETY: plugins run single-threaded (checked above), so the cells are
// never touched concurrently.
unsafe impl Sync for Arena {}

impl Arena {
    /// Makes room up to `new_next`, growing memory if needed.
    fn reserve(&self, new_next: usize) -> bool {
        if new_next <= self.end.get() {
            return true;
        }
        let pages = (new_next - self.end.get()).div_ceil(PAGE);
        if memory_grow(0, pages) == usize::MAX {
            return false;
        }
        self.end.set(self.end.get() + pages * PAGE);
        true
    }

    /// True when `ptr..ptr+size` is the most recent allocation.
    fn is_top(&self, ptr: *mut u8, size: usize) -> bool {
        (ptr as usize).checked_add(size) == Some(self.next.get())
    }
}

unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if self.next.get() == 0 {
            self.next.set(&raw const __heap_base as usize);
            self.end.set(memory_size(0) * PAGE);
        }
        let align_mask = layout.align() - 1;
        let Some(start) = self.next.get().checked_add(align_mask).map(|n| n & !align_mask) else {
            return core::ptr::null_mut();
        };
        let Some(new_next) = start.checked_add(layout.size()) else {
            return core::ptr::null_mut();
        };
        if !self.reserve(new_next) {
            return core::ptr::null_mut();
        }
        self.next.set(new_next);
        start as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if self.is_top(ptr, layout.size()) {
            self.next.set(ptr as usize);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if self.is_top(ptr, layout.size()) {
            let Some(new_next) = (ptr as usize).checked_add(new_size) else {
                return core::ptr::null_mut();
            };
            if self.reserve(new_next) {
                self.next.set(new_next);
                return ptr;
            }
            return core::ptr::null_mut();
        }
        // SAFETY: `layout.align()` is a valid alignment and `new_size`, as
        // GlobalAlloc::realloc requires, does not overflow when rounded to it.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks are valid for the copied length and distinct.
            unsafe { core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size)) };
        }
        new
    }
}

#[global_allocator]
static ARENA: Arena = Arena { next: Cell::new(0), end: Cell::new(0) };
