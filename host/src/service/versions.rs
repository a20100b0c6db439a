//! A short-lived cache of resolved plugin versions, so a burst of renders
//! does not read the alias and version tables once per request.
//!
//! Only published versions are cached. This process forgets a plugin's
//! entries the moment it publishes a version or moves an alias; other
//! replicas see the change within [`VERSION_TTL`].

use crate::store::PluginVersion;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a resolved version is used without asking the database again.
pub const VERSION_TTL: Duration = Duration::from_secs(2);
/// Entries kept at most; the cache is emptied when it fills.
const MAX_ENTRIES: usize = 10_000;

/// Resolved versions by plugin name and selector (`=1.2.0`, `:stable`).
#[derive(Default)]
pub struct VersionCache {
    entries: Mutex<HashMap<(String, String), (PluginVersion, Instant)>>,
}

impl VersionCache {
    /// The cached resolution of `selector` for `plugin`, if still fresh.
    pub fn get(&self, plugin: &str, selector: &str) -> Option<PluginVersion> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let (version, at) = entries.get(&(plugin.to_string(), selector.to_string()))?;
        (at.elapsed() < VERSION_TTL).then(|| version.clone())
    }

    /// Remembers a resolution.
    pub fn put(&self, plugin: &str, selector: &str, version: &PluginVersion) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert((plugin.to_string(), selector.to_string()), (version.clone(), Instant::now()));
    }

    /// Forgets every resolution for `plugin` (after a publish or alias move).
    pub fn forget(&self, plugin: &str) {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).retain(|(p, _), _| p != plugin);
    }
}
