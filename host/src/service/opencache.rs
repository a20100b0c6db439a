//! Open-time renders shared within their freshness window.
//!
//! A billing run's reminder is opened by many people at once, and each
//! person may open it several times. Renders are keyed by what they depend
//! on: the link, the customer profile's version (which every profile write
//! and every event bumps) and the plugin bundle's digest. An entry is
//! reused for as long as the plan's `freshness_seconds` says. Concurrent
//! opens of the same key wait for one render (single flight); a failed
//! render is not kept, so the next open tries again.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;

/// What a render depends on.
pub type OpenKey = (String, i64, String);

/// A finished render and when it stops being fresh.
#[derive(Clone)]
pub struct Rendered {
    pub bytes: Arc<Vec<u8>>,
    pub fresh_until: Instant,
}

/// Entries kept at most; expired ones are dropped first, then everything.
const MAX_ENTRIES: usize = 50_000;

/// Renders by [`OpenKey`].
#[derive(Default)]
pub struct OpenCache {
    entries: Mutex<HashMap<OpenKey, Arc<OnceCell<Rendered>>>>,
}

impl OpenCache {
    /// The fresh render for `key`, or the result of `render` (run once for
    /// all concurrent callers). `render` returns the bytes and their
    /// freshness in seconds. Returns whether the answer came from the cache.
    pub async fn get_or_render<E, F, Fut>(&self, key: OpenKey, render: F) -> Result<(Arc<Vec<u8>>, bool), E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<(Vec<u8>, u32), E>>,
    {
        let cell = {
            let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
            let stale = entries.get(&key).and_then(|c| c.get()).is_some_and(|r| r.fresh_until <= Instant::now());
            if stale {
                entries.remove(&key);
            }
            if entries.len() >= MAX_ENTRIES {
                let now = Instant::now();
                entries.retain(|_, c| c.get().is_some_and(|r| r.fresh_until > now));
                if entries.len() >= MAX_ENTRIES {
                    entries.clear();
                }
            }
            entries.entry(key.clone()).or_default().clone()
        };
        let mut rendered_here = false;
        let result = cell
            .get_or_try_init(|| async {
                rendered_here = true;
                let (bytes, seconds) = render().await?;
                Ok(Rendered { bytes: Arc::new(bytes), fresh_until: Instant::now() + Duration::from_secs(u64::from(seconds)) })
            })
            .await;
        match result {
            Ok(rendered) => Ok((rendered.bytes.clone(), !rendered_here)),
            Err(e) => {
                // Keep nothing for a failure; the next open renders again.
                let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
                if entries.get(&key).is_some_and(|c| Arc::ptr_eq(c, &cell)) {
                    entries.remove(&key);
                }
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn key(version: i64) -> OpenKey {
        ("lnk_1".into(), version, "digest".into())
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
            assert_eq!(*task.await.unwrap().0, b"doc");
        }
        assert_eq!(renders.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_new_profile_version_or_an_expired_entry_renders_again_and_failures_are_not_kept() {
        let cache = OpenCache::default();
        let ok = |text: &'static str, secs: u32| move || async move { Ok::<_, ()>((text.as_bytes().to_vec(), secs)) };
        assert_eq!(cache.get_or_render(key(1), ok("a", 60)).await.unwrap(), (Arc::new(b"a".to_vec()), false));
        assert_eq!(cache.get_or_render(key(1), ok("b", 60)).await.unwrap(), (Arc::new(b"a".to_vec()), true));
        assert_eq!(*cache.get_or_render(key(2), ok("c", 0)).await.unwrap().0, b"c");
        assert_eq!(*cache.get_or_render(key(2), ok("d", 0)).await.unwrap().0, b"d", "freshness 0 never reuses");
        assert!(cache.get_or_render(key(3), || async { Err::<(Vec<u8>, u32), _>("boom") }).await.is_err());
        assert_eq!(*cache.get_or_render(key(3), ok("e", 60)).await.unwrap().0, b"e");
    }
}
