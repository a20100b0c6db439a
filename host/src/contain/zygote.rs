//! The zygote: a small, single-threaded process that render workers are
//! forked from.
//!
//! The server is multi-threaded, and forking a multi-threaded process is
//! unsafe (another thread may hold a lock the child then waits on for
//! ever). So the parent execs the `folio` binary once more as
//! `folio __zygote`, which loads what every render shares (the renderer,
//! the font files, and, in the service, the parsed fonts), never starts a
//! thread, and forks a worker whenever the parent asks. Workers share the
//! zygote's memory copy-on-write.
//!
//! The control socket (`SOCK_SEQPACKET`, fd 3 in the zygote) carries one
//! small JSON message per packet. To start a worker the parent sends
//! `spawn` with two descriptors attached: the worker's end of its call
//! socket and the write end of its note pipe. The zygote forks, and
//! answers `spawned` with the worker's pid and a pidfd for it (so the
//! parent can kill exactly that process, never a recycled pid). When a
//! worker exits, the zygote reaps it and writes how it ended to its note
//! pipe before closing it: the parent learns, from one pipe, whether the
//! worker ran out of memory (the worker's own note) and how it died.

use super::worker::{self, WorkerSettings};
use crate::render::Renderer;
use rustix::net::{
    AddressFamily, RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, SendAncillaryBuffer, SendAncillaryMessage, SendFlags, SocketFlags,
    SocketType, recvmsg, sendmsg, socketpair,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{IoSlice, IoSliceMut};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

/// The descriptor the zygote finds its control socket on.
const CONTROL_FD: RawFd = 3;
/// The largest control message.
const MAX_MESSAGE: usize = 64 << 10;

/// How the zygote sets up, sent as its first message.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ZygoteInit {
    /// Parse the fonts now (the service), rather than only reading the
    /// files and parsing them in each worker that needs them (the CLI).
    pub(crate) parse_fonts: bool,
    /// What templates may do in one render.
    pub(crate) render_limits: crate::render::RenderLimits,
    pub(crate) worker: WorkerSettings,
}

#[derive(Debug, Serialize, Deserialize)]
enum ToZygote {
    Init(ZygoteInit),
    /// Fork a worker; its call socket and note pipe are attached.
    Spawn,
}

#[derive(Debug, Serialize, Deserialize)]
enum FromZygote {
    Ready,
    /// The pidfd is attached.
    Spawned {
        pid: i32,
    },
    Failed(String),
}

/// A worker process the zygote started, as the parent holds it.
pub(crate) struct Spawned {
    pub(crate) pid: i32,
    pub(crate) pidfd: OwnedFd,
    /// The parent's end of the call socket.
    pub(crate) channel: OwnedFd,
    /// The read end of the note pipe.
    pub(crate) note: OwnedFd,
}

/// The parent's handle on a running zygote.
pub(crate) struct Zygote {
    control: OwnedFd,
    child: Child,
}

impl Zygote {
    /// Starts `program __zygote` and waits until it is ready (it may load
    /// fonts first). Blocks.
    pub(crate) fn start(program: &Path, init: &ZygoteInit) -> Result<Zygote, String> {
        let (ours, theirs) = socketpair(AddressFamily::UNIX, SocketType::SEQPACKET, SocketFlags::CLOEXEC, None)
            .map_err(|e| format!("cannot create the zygote's socket: {e}"))?;
        let raw = theirs.as_raw_fd();
        let mut command = Command::new(program);
        command.arg("__zygote").stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::inherit());
        // SAFETY: only dup2, which is async-signal-safe, runs between fork and exec.
        unsafe {
            std::os::unix::process::CommandExt::pre_exec(&mut command, move || {
                if libc::dup2(raw, CONTROL_FD) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().map_err(|e| format!("cannot start the render zygote ({} __zygote): {e}", program.display()))?;
        drop(theirs);
        let zygote = Zygote { control: ours, child };
        // Loading and parsing the fonts can take a few seconds on a slow disk.
        set_timeout(&zygote.control, Duration::from_secs(120))?;
        send(&zygote.control, &ToZygote::Init(init.clone()), &[])?;
        match recv::<FromZygote>(&zygote.control)? {
            (FromZygote::Ready, _) => {}
            (FromZygote::Failed(why), _) => return Err(format!("the render zygote could not start: {why}")),
            (other, _) => return Err(format!("the render zygote answered {other:?} to its setup")),
        }
        set_timeout(&zygote.control, Duration::from_secs(30))?;
        Ok(zygote)
    }

    /// Whether the zygote process is still running.
    pub(crate) fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Forks a worker. Blocks (briefly).
    pub(crate) fn spawn(&self) -> Result<Spawned, String> {
        let (channel, worker_channel) = socketpair(AddressFamily::UNIX, SocketType::STREAM, SocketFlags::CLOEXEC, None)
            .map_err(|e| format!("cannot create a worker socket: {e}"))?;
        let (note, worker_note) =
            rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC).map_err(|e| format!("cannot create a worker pipe: {e}"))?;
        send(&self.control, &ToZygote::Spawn, &[worker_channel.as_fd(), worker_note.as_fd()])?;
        drop((worker_channel, worker_note));
        match recv::<FromZygote>(&self.control)? {
            (FromZygote::Spawned { pid }, mut fds) if fds.len() == 1 => {
                let pidfd = fds.remove(0);
                Ok(Spawned { pid, pidfd, channel, note })
            }
            (FromZygote::Failed(why), _) => Err(format!("the render zygote could not start a worker: {why}")),
            (other, _) => Err(format!("the render zygote answered {other:?} to a spawn")),
        }
    }
}

impl Drop for Zygote {
    fn drop(&mut self) {
        // Closing the socket makes it kill its workers and exit; make sure.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn set_timeout(fd: &OwnedFd, timeout: Duration) -> Result<(), String> {
    rustix::net::sockopt::set_socket_timeout(fd, rustix::net::sockopt::Timeout::Recv, Some(timeout))
        .map_err(|e| format!("cannot set the zygote socket's timeout: {e}"))
}

/// Sends one control message with `fds` attached.
fn send(socket: &OwnedFd, message: &impl Serialize, fds: &[std::os::fd::BorrowedFd<'_>]) -> Result<(), String> {
    let bytes = serde_json::to_vec(message).map_err(|e| e.to_string())?;
    let mut space = [MaybeUninit::<u8>::uninit(); rustix::cmsg_space!(ScmRights(2))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    if !fds.is_empty() && !control.push(SendAncillaryMessage::ScmRights(fds)) {
        return Err("too many descriptors for one control message".into());
    }
    sendmsg(socket, &[IoSlice::new(&bytes)], &mut control, SendFlags::NOSIGNAL).map_err(|e| format!("the render zygote's socket: {e}"))?;
    Ok(())
}

/// Receives one control message and the descriptors attached to it.
fn recv<T: for<'de> Deserialize<'de>>(socket: &OwnedFd) -> Result<(T, Vec<OwnedFd>), String> {
    let mut buf = vec![0u8; MAX_MESSAGE];
    let mut space = [MaybeUninit::<u8>::uninit(); rustix::cmsg_space!(ScmRights(2))];
    let mut control = RecvAncillaryBuffer::new(&mut space);
    let received = recvmsg(socket, &mut [IoSliceMut::new(&mut buf)], &mut control, RecvFlags::CMSG_CLOEXEC)
        .map_err(|e| format!("the render zygote's socket: {e}"))?;
    let mut fds = Vec::new();
    for message in control.drain() {
        if let RecvAncillaryMessage::ScmRights(received) = message {
            fds.extend(received);
        }
    }
    if received.bytes == 0 {
        return Err("the render zygote's socket closed".into());
    }
    let message = serde_json::from_slice(&buf[..received.bytes]).map_err(|e| format!("a garbled control message: {e}"))?;
    Ok((message, fds))
}

/// The write end of the zygote's SIGCHLD self-pipe.
static SIGCHLD_PIPE: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_sigchld(_: libc::c_int) {
    // SAFETY: only async-signal-safe calls; errno is saved and restored.
    unsafe {
        let errno = *libc::__errno_location();
        let fd = SIGCHLD_PIPE.load(Ordering::Relaxed);
        if fd >= 0 {
            libc::write(fd, [1u8].as_ptr().cast(), 1);
        }
        *libc::__errno_location() = errno;
    }
}

/// The zygote process (`folio __zygote`): sets up, then forks workers on
/// request until the parent hangs up.
pub fn run() -> Result<(), String> {
    // SAFETY: fd 3 was put there for this process by `Zygote::start`.
    let control = unsafe { OwnedFd::from_raw_fd(CONTROL_FD) };
    let init = match recv::<ToZygote>(&control)? {
        (ToZygote::Init(init), _) => init,
        (other, _) => return Err(format!("the zygote's first message was {other:?}, not its setup")),
    };
    let renderer = match prepare(&init) {
        Ok(renderer) => renderer,
        Err(why) => {
            let _ = send(&control, &FromZygote::Failed(why.clone()), &[]);
            return Err(why);
        }
    };
    let (wake, wake_write) = rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC | rustix::pipe::PipeFlags::NONBLOCK)
        .map_err(|e| format!("cannot create the zygote's pipe: {e}"))?;
    SIGCHLD_PIPE.store(wake_write.as_raw_fd(), Ordering::Relaxed);
    // SAFETY: installs a handler that only writes to a pipe.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigchld as *const () as usize;
        action.sa_flags = libc::SA_RESTART | libc::SA_NOCLDSTOP;
        libc::sigemptyset(&mut action.sa_mask);
        if libc::sigaction(libc::SIGCHLD, &action, std::ptr::null_mut()) != 0 {
            return Err(format!("cannot watch for exited workers: {}", std::io::Error::last_os_error()));
        }
    }
    send(&control, &FromZygote::Ready, &[])?;

    // Each live worker's note pipe, written when it is reaped.
    let mut notes: HashMap<i32, OwnedFd> = HashMap::new();
    let result = loop {
        let mut fds = [
            rustix::event::PollFd::new(&control, rustix::event::PollFlags::IN),
            rustix::event::PollFd::new(&wake, rustix::event::PollFlags::IN),
        ];
        match rustix::event::poll(&mut fds, None) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => break Err(format!("the zygote's poll failed: {e}")),
        }
        let (control_ready, wake_ready) = (!fds[0].revents().is_empty(), !fds[1].revents().is_empty());
        if wake_ready {
            let mut drain = [0u8; 64];
            while matches!(rustix::io::read(&wake, &mut drain), Ok(n) if n > 0) {}
            reap(&mut notes);
        }
        if control_ready {
            match recv::<ToZygote>(&control) {
                Ok((ToZygote::Spawn, fds)) => {
                    let [channel, note]: [OwnedFd; 2] = match fds.try_into() {
                        Ok(pair) => pair,
                        Err(_) => {
                            let _ = send(&control, &FromZygote::Failed("spawn needs two descriptors".into()), &[]);
                            continue;
                        }
                    };
                    if let Err(why) = fork_worker(&renderer, &init.worker, &control, &wake, &wake_write, &mut notes, channel, note) {
                        let _ = send(&control, &FromZygote::Failed(why), &[]);
                    }
                }
                Ok((other, _)) => {
                    let _ = send(&control, &FromZygote::Failed(format!("unexpected {other:?}")), &[]);
                }
                // The parent is gone (or hung up): so are we.
                Err(_) => break Ok(()),
            }
        }
    };
    for pid in notes.keys() {
        // SAFETY: signalling our own children, not yet reaped.
        unsafe { libc::kill(*pid, libc::SIGKILL) };
    }
    result
}

/// The renderer every worker shares, with its fonts read (and parsed, for
/// the service) before any worker exists.
fn prepare(init: &ZygoteInit) -> Result<Renderer, String> {
    let renderer = Renderer::new().map_err(|e| e.to_string())?.with_limits(init.render_limits);
    renderer.preload_fonts(init.parse_fonts).map_err(|e| e.to_string())?;
    // Parsing freed as much as it keeps (copies, a warm-up page): hand those
    // pages back now, or every worker forked from here keeps them resident.
    // SAFETY: mimalloc's collection takes no pointers; with another global
    // allocator it finds nothing of its own to free.
    unsafe { libmimalloc_sys::mi_collect(true) };
    Ok(renderer)
}

#[allow(clippy::too_many_arguments)]
fn fork_worker(
    renderer: &Renderer,
    settings: &WorkerSettings,
    control: &OwnedFd,
    wake: &OwnedFd,
    wake_write: &OwnedFd,
    notes: &mut HashMap<i32, OwnedFd>,
    channel: OwnedFd,
    note: OwnedFd,
) -> Result<(), String> {
    // SAFETY: this process has one thread, so the child starts in a
    // consistent state and may run ordinary code.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(format!("fork failed: {}", std::io::Error::last_os_error()));
    }
    if pid == 0 {
        // The worker: keep only its own socket and pipe.
        // SAFETY: closing descriptors this process inherited and will not use.
        unsafe {
            libc::signal(libc::SIGCHLD, libc::SIG_DFL);
            for fd in [control.as_raw_fd(), wake.as_raw_fd(), wake_write.as_raw_fd()] {
                libc::close(fd);
            }
            for other in notes.values() {
                libc::close(other.as_raw_fd());
            }
        }
        std::mem::forget(std::mem::take(notes));
        worker::run(renderer, settings, channel, note);
    }
    drop(channel);
    notes.insert(pid, note);
    let pidfd = rustix::process::Pid::from_raw(pid)
        .ok_or_else(|| format!("fork returned pid {pid}"))
        .and_then(|p| rustix::process::pidfd_open(p, rustix::process::PidfdFlags::empty()).map_err(|e| format!("pidfd_open: {e}")));
    match pidfd {
        Ok(pidfd) => send(control, &FromZygote::Spawned { pid }, &[pidfd.as_fd()]),
        Err(why) => {
            // SAFETY: our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            Err(why)
        }
    }
}

/// Reaps every exited worker and tells its note pipe how it ended.
fn reap(notes: &mut HashMap<i32, OwnedFd>) {
    loop {
        let mut status = 0;
        // SAFETY: waiting for our own children.
        let pid = unsafe { libc::waitpid(-1, &mut status, libc::WNOHANG) };
        if pid <= 0 {
            return;
        }
        if let Some(note) = notes.remove(&pid) {
            let how = if libc::WIFSIGNALED(status) {
                format!("exit: signal {}\n", libc::WTERMSIG(status))
            } else {
                format!("exit: status {}\n", libc::WEXITSTATUS(status))
            };
            let _ = rustix::io::write(&note, how.as_bytes());
        }
    }
}
