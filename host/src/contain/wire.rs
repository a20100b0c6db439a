//! What the parent and a worker say to each other, and how it is framed.
//!
//! A frame is a JSON header followed by raw bytes:
//! `[header length: u32 LE][body length: u32 LE][header][body]`. Headers are
//! small (a request, an answer, an error); bodies carry what would be
//! wasteful as JSON (bundles, compiled plugins, documents). Both lengths
//! are checked before anything is allocated.

use crate::contract::ContractVersion;
use crate::contract::types::{Manifest, Plan, Request};
use crate::render::{Format, PageView, RenderError};
use crate::runtime::{CallError, LoadError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Write};

/// The largest header either side accepts.
pub(crate) const MAX_HEADER: usize = 8 << 20;
/// The largest body either side accepts: a bundle or a document.
pub(crate) const MAX_BODY: usize = 512 << 20;

/// What the parent asks a worker to do.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Call {
    /// Answer with the worker's process id and engine fingerprint.
    Hello,
    /// Keep this bundle (the first `bundle_len` bytes of the body) and its
    /// compiled plugin (the rest) for the calls that name `digest`.
    Load { digest: String, bundle_len: usize },
    /// Plan `request` with the plugin of `digest` and render it as `format`.
    Render { digest: String, request: Request, format: Format, memory: usize },
    /// Plan `request` with the plugin of `digest`, without rendering.
    Plan { digest: String, request: Request, memory: usize },
    /// Render `plan`, made by the plugin of `digest` for `request`, as
    /// `format`; with `view`, as an interactive document's page.
    RenderPlan { digest: String, request: Request, plan: Box<Plan>, format: Format, view: Option<PageView>, memory: usize },
    /// Render the template's declared fallback (no plan).
    Fallback { digest: String, template: String, locale: String, at: DateTime<Utc>, format: Format, memory: usize },
    /// What the bundle of `digest` can render.
    Inspect { digest: String, memory: usize },
    /// Verify the bundle (the first `bundle_len` bytes of the body), compile
    /// its plugin (or load the compiled plugin that follows it, from the
    /// artifact cache), check it against its contract and manifest, compile
    /// its templates. Answers [`Reply::Admitted`] with the compiled plugin
    /// as body.
    Admit { bundle_len: usize, memory: usize },
    /// Compile the component in the body (no bundle yet) and describe it.
    /// Answers [`Reply::Compiled`] with the compiled plugin as body.
    Compile { contract: ContractVersion, memory: usize },
}

impl Call {
    /// The memory the call may allocate, if it is a job (not setup).
    pub(crate) fn memory(&self) -> Option<usize> {
        match self {
            Call::Hello | Call::Load { .. } => None,
            Call::Render { memory, .. }
            | Call::Plan { memory, .. }
            | Call::RenderPlan { memory, .. }
            | Call::Fallback { memory, .. }
            | Call::Inspect { memory, .. }
            | Call::Admit { memory, .. }
            | Call::Compile { memory, .. } => Some(*memory),
        }
    }
}

/// What a bundle offers besides its manifest, learned by compiling its templates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// Kinds with a block that has an image (SVG) variant, so their
    /// documents can be drawn as PNG.
    pub image_kinds: Vec<String>,
}

/// What a worker answers.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Reply {
    Hello {
        pid: u32,
        fingerprint: String,
    },
    Loaded,
    /// The call names a bundle this worker does not hold: send [`Call::Load`].
    Missing,
    /// The document's bytes are the body.
    Document {
        format: Format,
        file_name: String,
        freshness_seconds: u32,
    },
    Plan(Plan),
    /// The template declares no fallback in that format.
    NoFallback,
    Facts(Facts),
    /// The bundle is admitted; the compiled plugin is the body.
    Admitted {
        manifest: Manifest,
        digest: String,
        facts: Facts,
    },
    /// The component compiled; the compiled plugin is the body.
    Compiled {
        manifest: Manifest,
    },
    Failed(JobError),
}

/// Why a job failed inside a worker that lived to say so.
#[derive(Debug, Clone, Serialize, Deserialize, thiserror::Error)]
pub enum JobError {
    /// The plugin did not produce a plan (its own error or a sandbox limit).
    #[error("{0}")]
    Plan(CallError),
    /// The plan could not be rendered.
    #[error("{0}")]
    Render(RenderError),
    /// The bundle was refused.
    #[error("{0}")]
    Bundle(String),
    /// The plugin could not be loaded.
    #[error("{0}")]
    Load(LoadError),
    /// Code in the worker panicked (a bug in a renderer or parser, set off
    /// by this job's input). The worker is replaced after answering.
    #[error("the render crashed: {0}")]
    Panic(String),
    /// The job tried to allocate more than its memory budget and stopped.
    #[error("the job needed more than its {limit}-byte memory budget")]
    Memory { limit: usize },
    /// The parent sent something the worker cannot act on (a bug).
    #[error("the worker could not act on the call: {0}")]
    Protocol(String),
}

/// Writes one frame.
pub(crate) fn write_frame(out: &mut impl Write, header: &impl Serialize, body: &[u8]) -> io::Result<()> {
    let header = serde_json::to_vec(header).map_err(io::Error::other)?;
    out.write_all(&frame_prefix(header.len(), body.len())?)?;
    out.write_all(&header)?;
    out.write_all(body)?;
    out.flush()
}

/// The 8-byte prefix of a frame with these lengths.
pub(crate) fn frame_prefix(header: usize, body: usize) -> io::Result<[u8; 8]> {
    if header > MAX_HEADER || body > MAX_BODY {
        return Err(io::Error::new(io::ErrorKind::InvalidData, format!("frame of {header}+{body} bytes is over the limit")));
    }
    let mut prefix = [0u8; 8];
    prefix[..4].copy_from_slice(&(header as u32).to_le_bytes());
    prefix[4..].copy_from_slice(&(body as u32).to_le_bytes());
    Ok(prefix)
}

/// The header and body lengths a prefix announces, checked against the limits.
pub(crate) fn parse_prefix(prefix: [u8; 8]) -> io::Result<(usize, usize)> {
    let header = u32::from_le_bytes([prefix[0], prefix[1], prefix[2], prefix[3]]) as usize;
    let body = u32::from_le_bytes([prefix[4], prefix[5], prefix[6], prefix[7]]) as usize;
    if header > MAX_HEADER || body > MAX_BODY {
        return Err(io::Error::new(io::ErrorKind::InvalidData, format!("frame of {header}+{body} bytes is over the limit")));
    }
    Ok((header, body))
}

/// Reads one frame; `Ok(None)` at a clean end of the stream.
pub(crate) fn read_frame<T: for<'de> Deserialize<'de>>(input: &mut impl Read) -> io::Result<Option<(T, Vec<u8>)>> {
    let mut prefix = [0u8; 8];
    match input.read_exact(&mut prefix) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let (header_len, body_len) = parse_prefix(prefix)?;
    let mut header = vec![0u8; header_len];
    input.read_exact(&mut header)?;
    let mut body = vec![0u8; body_len];
    input.read_exact(&mut body)?;
    let header = serde_json::from_slice(&header).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    Ok(Some((header, body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_oversized_ones_are_refused() {
        let mut buf = Vec::new();
        write_frame(&mut buf, &Call::Inspect { digest: "d".into(), memory: 5 }, b"body").unwrap();
        let (call, body): (Call, Vec<u8>) = read_frame(&mut buf.as_slice()).unwrap().unwrap();
        assert!(matches!(call, Call::Inspect { ref digest, memory: 5 } if digest == "d"));
        assert_eq!(body, b"body");
        assert!(read_frame::<Call>(&mut &[][..]).unwrap().is_none(), "a clean end");
        let mut huge = (u32::MAX).to_le_bytes().to_vec();
        huge.extend([0; 4]);
        assert!(read_frame::<Call>(&mut huge.as_slice()).is_err());
    }
}
