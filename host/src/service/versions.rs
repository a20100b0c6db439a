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

/// Which version of a plugin a request asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Selector {
    /// An exact version, `1.2.0`.
    Version(String),
    /// Whatever version an alias points at, `stable`.
    Alias(String),
}

impl Selector {
    /// The selector a request's `version` and `alias` make: the version if
    /// given, else the alias, else `stable`. `None` when both are given.
    pub fn of(version: Option<&str>, alias: Option<&str>) -> Option<Selector> {
        match (version, alias) {
            (Some(_), Some(_)) => None,
            (Some(v), None) => Some(Selector::Version(v.to_string())),
            (None, a) => Some(Selector::Alias(a.unwrap_or("stable").to_string())),
        }
    }
}

/// Resolved versions by plugin name and selector.
#[derive(Default)]
pub struct VersionCache {
    entries: Mutex<HashMap<(String, Selector), (PluginVersion, Instant)>>,
}

impl VersionCache {
    /// The cached resolution of `selector` for `plugin`, if still fresh.
    pub fn get(&self, plugin: &str, selector: &Selector) -> Option<PluginVersion> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let (version, at) = entries.get(&(plugin.to_string(), selector.clone()))?;
        (at.elapsed() < VERSION_TTL).then(|| version.clone())
    }

    /// Remembers a resolution.
    pub fn put(&self, plugin: &str, selector: &Selector, version: &PluginVersion) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert((plugin.to_string(), selector.clone()), (version.clone(), Instant::now()));
    }

    /// Forgets every resolution for `plugin` (after a publish or alias move).
    pub fn forget(&self, plugin: &str) {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).retain(|(p, _), _| p != plugin);
    }
}
