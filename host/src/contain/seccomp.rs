//! The system calls a render worker keeps.
//!
//! A worker reads jobs from its socket, runs plugins and renders, and writes
//! the answer back. After it has set itself up (the Wasm engine, its epoch
//! thread) it installs this filter on every thread: memory management,
//! reading and writing descriptors it already holds, futexes, clocks,
//! signals to itself and the calls wasmtime makes for memory images stay
//! allowed. Everything else fails with `EPERM`: no opening files, no
//! sockets, no new processes or threads, no `exec`, no signals to others.
//! A bug in a parser that lets a hostile bundle run code inside a worker
//! still leaves it nothing to reach.

use seccompiler::{BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter, SeccompRule, TargetArch};
use std::collections::BTreeMap;

/// `PAGEMAP_SCAN`, `_IOWR('f', 16, struct pm_scan_arg)` (96 bytes): the
/// one `ioctl` a worker makes, on its own `/proc/self/pagemap`, for
/// wasmtime's pooling allocator to find the pages a call dirtied.
const PAGEMAP_SCAN: u64 = 0xC060_6610;

/// Calls a worker may make with any arguments.
const ALLOWED: &[i64] = &[
    // Descriptors it already holds: its socket, its note pipe, memfds.
    libc::SYS_read,
    libc::SYS_write,
    libc::SYS_readv,
    libc::SYS_writev,
    libc::SYS_pread64,
    libc::SYS_pwrite64,
    libc::SYS_lseek,
    libc::SYS_close,
    libc::SYS_fstat,
    libc::SYS_fcntl,
    libc::SYS_recvfrom,
    libc::SYS_recvmsg,
    libc::SYS_sendto,
    libc::SYS_sendmsg,
    libc::SYS_shutdown,
    // Memory.
    libc::SYS_mmap,
    libc::SYS_munmap,
    libc::SYS_mprotect,
    libc::SYS_madvise,
    libc::SYS_mremap,
    libc::SYS_brk,
    libc::SYS_mincore,
    // wasmtime's copy-on-write memory images of a plugin's data.
    libc::SYS_memfd_create,
    libc::SYS_ftruncate,
    // Threads it already has, time and randomness.
    libc::SYS_futex,
    libc::SYS_sched_yield,
    libc::SYS_sched_getaffinity,
    libc::SYS_nanosleep,
    libc::SYS_clock_nanosleep,
    libc::SYS_clock_gettime,
    libc::SYS_clock_getres,
    libc::SYS_gettimeofday,
    libc::SYS_getrandom,
    libc::SYS_gettid,
    libc::SYS_getpid,
    libc::SYS_rseq,
    // Signals: wasmtime turns traps into errors with handlers installed
    // before the filter; abort() raises SIGABRT on itself.
    libc::SYS_rt_sigreturn,
    libc::SYS_rt_sigprocmask,
    libc::SYS_rt_sigaction,
    libc::SYS_sigaltstack,
    libc::SYS_restart_syscall,
    libc::SYS_exit,
    libc::SYS_exit_group,
];

/// The filter for a worker whose process id is `pid` (signals may go to
/// its own threads only).
pub(crate) fn worker_filter(pid: i32) -> Result<BpfProgram, String> {
    let mut rules: BTreeMap<i64, Vec<SeccompRule>> = ALLOWED.iter().map(|&call| (call, Vec::new())).collect();
    let condition =
        |arg: u8, value: u64| SeccompCondition::new(arg, SeccompCmpArgLen::Dword, SeccompCmpOp::Eq, value).map_err(|e| e.to_string());
    let own_process = SeccompRule::new(vec![condition(0, pid as u32 as u64)?]).map_err(|e| e.to_string())?;
    rules.insert(libc::SYS_tgkill, vec![own_process]);
    let pagemap = SeccompRule::new(vec![condition(1, PAGEMAP_SCAN)?]).map_err(|e| e.to_string())?;
    rules.insert(libc::SYS_ioctl, vec![pagemap]);
    let arch: TargetArch = std::env::consts::ARCH
        .try_into()
        .map_err(|_| format!("render workers need seccomp, which Folio supports on x86_64 and aarch64, not {}", std::env::consts::ARCH))?;
    let filter = SeccompFilter::new(rules, SeccompAction::Errno(libc::EPERM as u32), SeccompAction::Allow, arch)
        .map_err(|e| format!("cannot build the worker's seccomp filter: {e}"))?;
    filter.try_into().map_err(|e: seccompiler::BackendError| format!("cannot compile the worker's seccomp filter: {e}"))
}

/// Installs `filter` on every thread of this process (it cannot be undone).
pub(crate) fn install(filter: &BpfProgram) -> Result<(), String> {
    seccompiler::apply_filter_all_threads(filter)
        .map_err(|e| format!("cannot install the render worker's seccomp filter ({e}); Folio renders only in workers it can confine"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// Set in the child process the probe test starts.
    const PROBE: &str = "FOLIO_SECCOMP_PROBE";

    /// Runs in a fresh copy of this test binary (so no other test's
    /// threads share the filter): installs the worker filter and checks
    /// what still works and what no longer does.
    #[test]
    fn probe() {
        if std::env::var_os(PROBE).is_none() {
            return;
        }
        let filter = worker_filter(std::process::id() as i32).unwrap();
        install(&filter).unwrap();
        let denied = |result: std::io::Result<()>, what: &str| {
            let err = result.err().unwrap_or_else(|| panic!("{what} was allowed"));
            assert_eq!(err.raw_os_error(), Some(libc::EPERM), "{what}: {err}");
        };
        denied(std::fs::read("/etc/hostname").map(drop), "opening a file");
        denied(std::net::TcpStream::connect("127.0.0.1:9").map(drop), "a socket");
        denied(std::thread::Builder::new().spawn(|| {}).map(drop), "a thread");
        denied(Command::new("/bin/true").status().map(drop), "a process");
        // SAFETY: a plain fork; the child (if there were one) exits at once.
        let forked = unsafe { libc::fork() };
        if forked == 0 {
            unsafe { libc::_exit(0) };
        }
        assert_eq!(forked, -1, "fork was allowed");
        // What rendering needs still works.
        let mut v = vec![1u8; 64 << 20];
        v[12345] = 7;
        assert_eq!(v.iter().map(|&b| b as u64).sum::<u64>(), (64 << 20) + 6);
        let _ = std::time::Instant::now().elapsed();
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).unwrap();
        println!("seccomp probe: ok");
    }

    #[test]
    fn the_filter_denies_files_sockets_and_processes() {
        let exe = std::env::current_exe().unwrap();
        let out = Command::new(exe)
            .args(["--exact", "contain::seccomp::tests::probe", "--nocapture", "--test-threads=1"])
            .env(PROBE, "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && stdout.contains("seccomp probe: ok"), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    }
}
