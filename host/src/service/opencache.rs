//! Open-time renders shared within their freshness window.
//!
//! A billing run's reminder is opened by many people at once, and each
//! person may open it several times. Renders are keyed by what they depend
//! on: the link and format, the customer profile's version (which every profile write
//! and every event bumps) and the plugin bundle's digest. An entry is
//! reused for as long as the plan's `freshness_seconds` says. Concurrent
//! opens of the same key wait for one render (single flight); a failed
//! render is not kept, so the next open tries again. The cache holds at
//! most 64 MiB of renders: when full it drops expired entries, and then
//! everything, so memory stays bounded under any open pattern.

use axum::body::Bytes;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;

/// What a render depends on: the link, the format, the customer profile's
/// version and the bundle digest.
pub type OpenKey = (String, &'static str, i64, String);

/// A finished render and when it stops being fresh.
#[derive(Clone)]
pub struct Rendered {
    pub bytes: Bytes,
    pub fresh_until: Instant,
}

/// Entries kept at most.
const MAX_ENTRIES: usize = 50_000;
/// Rendered bytes kept at most (64 MiB): memory stays bounded however many
/// links are opened.
const MAX_BYTES: usize = 64 << 20;

/// Renders by [`OpenKey`].
#[derive(Default)]
pub struct OpenCache {
    inner: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    map: HashMap<OpenKey, Arc<OnceCell<Rendered>>>,
    /// Bytes of the finished renders in `map`.
    bytes: usize,
}

impl Entries {
    /// Makes room for one more entry: drops expired entries when full, and
    /// everything when that is not enough.
    fn make_room(&mut self) {
        if self.map.len() < MAX_ENTRIES && self.bytes < MAX_BYTES {
            return;
        }
        let now = Instant::now();
        self.map.retain(|_, c| c.get().is_none_or(|r| r.fresh_until > now));
        self.bytes = self.map.values().filter_map(|c| c.get()).map(|r| r.bytes.len()).sum();
        if self.map.len() >= MAX_ENTRIES || self.bytes >= MAX_BYTES {
            self.map.clear();
            self.bytes = 0;
        }
    }

    /// Removes `key` if it still maps to `cell`.
    fn remove(&mut self, key: &OpenKey, cell: &Arc<OnceCell<Rendered>>) {
        if self.map.get(key).is_some_and(|c| Arc::ptr_eq(c, cell)) {
            self.map.remove(key);
            self.bytes = self.bytes.saturating_sub(cell.get().map_or(0, |r| r.bytes.len()));
        }
    }
}

impl OpenCache {
    /// The fresh render for `key`, or the result of `render` (run once for
    /// all concurrent callers). `render` returns the bytes and their
    /// freshness in seconds. Returns whether the answer came from the cache.
    pub async fn get_or_render<E, F, Fut>(&self, key: OpenKey, render: F) -> Result<(Bytes, bool), E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<(Vec<u8>, u32), E>>,
    {
        let cell = {
            let mut entries = self.lock();
            if let Some(stale) = entries.map.get(&key).filter(|c| c.get().is_some_and(|r| r.fresh_until <= Instant::now())).cloned() {
                entries.remove(&key, &stale);
            }
            if !entries.map.contains_key(&key) {
                entries.make_room();
            }
            entries.map.entry(key.clone()).or_default().clone()
        };
        let mut rendered_here = false;
        let result = cell
            .get_or_try_init(|| async {
                rendered_here = true;
                let (bytes, seconds) = render().await?;
                Ok(Rendered { bytes: Bytes::from(bytes), fresh_until: Instant::now() + Duration::from_secs(u64::from(seconds)) })
            })
            .await;
        match result {
            Ok(rendered) => {
                if rendered_here {
                    let mut entries = self.lock();
                    if entries.map.get(&key).is_some_and(|c| Arc::ptr_eq(c, &cell)) {
                        entries.bytes += rendered.bytes.len();
                    }
                }
                Ok((rendered.bytes.clone(), !rendered_here))
            }
            Err(e) => {
                // Keep nothing for a failure; the next open renders again.
                self.lock().remove(&key, &cell);
                Err(e)
            }
        }
    }

    /// Entries and bytes held now.
    pub fn size(&self) -> (usize, usize) {
        let entries = self.lock();
        (entries.map.len(), entries.bytes)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn key(version: i64) -> OpenKey {
        ("lnk_1".into(), "html", version, "digest".into())
    }

    #[tokio::test]
    async fn concurrent_opens_render_once_and_share_the_result() {
        let cache = Arc::new(OpenCache::default());
        let renders = Arc::new(AtomicU32::new(0));
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (cache, renders) = (cache.clone(), renders.clone());
            tasks.push(tokio::spawn(async move {
                cache
                    .get_or_render(key(1), || async {
                        renders.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok::<_, ()>((b"doc".to_vec(), 60))
                    })
                    .await
                    .unwrap()
            }));
        }
        for task in tasks {
            assert_eq!(task.await.unwrap().0, &b"doc"[..]);
        }
        assert_eq!(renders.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_new_profile_version_or_an_expired_entry_renders_again_and_failures_are_not_kept() {
        let cache = OpenCache::default();
        let ok = |text: &'static str, secs: u32| move || async move { Ok::<_, ()>((text.as_bytes().to_vec(), secs)) };
        assert_eq!(cache.get_or_render(key(1), ok("a", 60)).await.unwrap(), (Bytes::from_static(b"a"), false));
        assert_eq!(cache.get_or_render(key(1), ok("b", 60)).await.unwrap(), (Bytes::from_static(b"a"), true));
        assert_eq!(cache.get_or_render(key(2), ok("c", 0)).await.unwrap().0, &b"c"[..]);
        assert_eq!(cache.get_or_render(key(2), ok("d", 0)).await.unwrap().0, &b"d"[..], "freshness 0 never reuses");
        assert!(cache.get_or_render(key(3), || async { Err::<(Vec<u8>, u32), _>("boom") }).await.is_err());
        assert_eq!(cache.get_or_render(key(3), ok("e", 60)).await.unwrap().0, &b"e"[..]);
        assert_eq!(cache.size(), (3, 3), "a, d and e are held; the replaced and failed entries are not counted");
    }

    #[tokio::test]
    async fn memory_stays_within_the_byte_budget() {
        let cache = OpenCache::default();
        let doc = vec![0u8; 1 << 20];
        for version in 0..200 {
            let doc = doc.clone();
            cache.get_or_render(key(version), || async move { Ok::<_, ()>((doc, 3600)) }).await.unwrap();
            let (entries, bytes) = cache.size();
            assert!(bytes <= MAX_BYTES && entries <= MAX_BYTES >> 20, "{entries} entries, {bytes} bytes after {version}");
        }
    }
}
