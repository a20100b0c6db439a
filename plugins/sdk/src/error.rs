use std::fmt;

/// Why a plugin declined to plan a document. The host turns each variant
/// into a clear error for the caller; the JSON path in `InvalidInput` tells
/// them exactly which field to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// The request's input is wrong at `path` (e.g. `data.lines[2].quantity`).
    InvalidInput { path: String, message: String },
    /// Data the plan needs is absent; the string says what.
    MissingData(String),
    /// Something went wrong inside the plugin that the caller cannot fix.
    Internal(String),
}

impl PlanError {
    /// Input at `path` is wrong because of `message`.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        PlanError::InvalidInput { path: path.into(), message: message.into() }
    }

    /// Data the plan needs is absent.
    pub fn missing(what: impl Into<String>) -> Self {
        PlanError::MissingData(what.into())
    }

    /// The plugin itself failed.
    pub fn internal(message: impl Into<String>) -> Self {
        PlanError::Internal(message.into())
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::InvalidInput { path, message } => write!(f, "invalid input at {path}: {message}"),
            PlanError::MissingData(what) => write!(f, "missing data: {what}"),
            PlanError::Internal(message) => write!(f, "internal error: {message}"),
        }
    }
}

impl std::error::Error for PlanError {}
