//! Desktop-specific APIs (dialogs, file operations)

pub mod dialogs;
pub mod file;
