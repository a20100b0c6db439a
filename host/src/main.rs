//! The `folio` command line. The commands live in `cli/`; the work they do
//! lives in the `folio` library.

mod cli;

/// See host/Cargo.toml: glibc malloc was a fifth of the service's CPU time under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
