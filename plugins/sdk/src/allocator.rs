//! The plugin's global allocator: talc, fed first from the linear memory
//! the plugin starts with, and only then by growing memory.
//!
//! Every call runs in a fresh instance whose memory starts at the size the
//! host links plugins with (`--initial-memory`). Rust's default Wasm
//! allocator ignores that slack and calls `memory.grow` for its first
//! allocation, and each growth costs the host an `mprotect` (undone again
//! when the pooled instance slot is reset). Claiming the slack first means a
//! typical plan never grows memory at all.

use core::alloc::Layout;
use core::arch::wasm32::{memory_grow, memory_size};
use core::ptr::NonNull;
use talc::base::Talc;
use talc::base::binning::Binning;
use talc::cell::TalcSyncCell;
use talc::source::Source;
use talc::wasm::WasmBinning;

const PAGE: usize = 64 * 1024;
/// Headroom for talc's chunk metadata and alignment when sizing a growth.
const GROWTH_OVERHEAD: usize = 256;

unsafe extern "C" {
    /// Provided by the linker: the first byte after static data and the stack.
    static __heap_base: u8;
}

/// A talc [`Source`]: the initial memory's free tail first, then `memory.grow`,
/// extending the heap in place whenever the new pages follow it.
#[derive(Debug)]
pub struct InitialThenGrow {
    end: Option<NonNull<u8>>,
    claimed_initial: bool,
}

impl InitialThenGrow {
    const fn new() -> Self {
        InitialThenGrow { end: None, claimed_initial: false }
    }
}

// SAFETY: `acquire` only touches memory the module owns (from `__heap_base`
// to the end of linear memory, or pages it just grew) and never allocates.
unsafe impl Source for InitialThenGrow {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        if !talc.source.claimed_initial {
            talc.source.claimed_initial = true;
            let base = &raw const __heap_base as usize;
            let end = memory_size(0) * PAGE;
            if end > base {
                // SAFETY: [base, end) is linear memory past static data and the
                // stack; nothing else in the module uses it.
                if let Some(heap_end) = unsafe { talc.claim(base as *mut u8, end - base) } {
                    talc.source.end = Some(heap_end);
                    return Ok(());
                }
            }
        }
        let needed = layout.size().saturating_add(layout.align()).saturating_add(GROWTH_OVERHEAD);
        let pages = needed.div_ceil(PAGE);
        let previous = memory_grow(0, pages);
        if previous == usize::MAX {
            return Err(());
        }
        let new_base = (previous * PAGE) as *mut u8;
        let new_end = new_base.wrapping_add(pages * PAGE);
        match talc.source.end.take() {
            // SAFETY: the grown pages directly follow the current heap.
            Some(old_end) if old_end.as_ptr() == new_base => {
                talc.source.end = Some(unsafe { talc.extend(old_end, new_end) });
            }
            // SAFETY: freshly grown pages belong to no one else.
            _ => talc.source.end = unsafe { talc.claim(new_base, pages * PAGE) },
        }
        Ok(())
    }
}

#[global_allocator]
static ALLOCATOR: TalcSyncCell<InitialThenGrow, WasmBinning> = TalcSyncCell::new_wasm(InitialThenGrow::new());
