//! The `folio` command line. The commands live in `cli/`; the work they do
//! lives in the `folio` library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
