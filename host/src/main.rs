//! The `folio` command line. The commands live in `cli/`; the work they do
//! lives in the `folio` library.

// As in the library: no `unwrap`/`expect` outside tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

/// mimalloc (see host/Cargo.toml: glibc malloc was a fifth of the service's
/// CPU time under load), wrapped in the memory budget render workers
/// enforce (`folio::budget`; it only counts in a worker).
#[global_allocator]
static ALLOCATOR: folio::budget::Budgeted<mimalloc::MiMalloc> = folio::budget::Budgeted::new(mimalloc::MiMalloc);

fn main() -> std::process::ExitCode {
    cli::main()
}
