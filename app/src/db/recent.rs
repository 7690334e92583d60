//! A short memory of database reads that every request repeats: the session record and the
//! person behind it. A page and the server functions it calls, or a busy desk reloading a
//! page, then read them once instead of on each request.
//!
//! What this process has written is never served stale: every request that may write (any
//! method but GET and HEAD) counts as a write when it finishes, and a value read before that
//! is not reused. What another server process writes (PostgreSQL deployments with several
//! processes) is seen here once the value ages out, after `BINA_SESSION_CACHE_MS`; 0 turns
//! the memory off.

use std::{
    future::Future,
    hash::Hash,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use moka::sync::Cache;

/// Counts the finished requests of this process that may have written.
#[derive(Clone, Debug, Default)]
pub struct Writes(Arc<AtomicU64>);

impl Writes {
    /// Called when a request that may have written has finished (and committed).
    pub fn finished(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }

    fn count(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }
}

/// Values read recently, each remembered with the write count seen before it was read.
#[derive(Clone)]
pub struct Recent<K, V> {
    cache: Option<Cache<K, (u64, V)>>,
    writes: Writes,
}

impl<K, V> std::fmt::Debug for Recent<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recent")
            .field("enabled", &self.cache.is_some())
            .finish()
    }
}

impl<K, V> Recent<K, V>
where
    K: Hash + Eq + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    /// Remembers at most `capacity` values for `max_age` each; a zero `max_age` remembers
    /// nothing.
    pub fn new(max_age: Duration, capacity: u64, writes: Writes) -> Self {
        let cache = (!max_age.is_zero()).then(|| {
            Cache::builder()
                .max_capacity(capacity)
                .time_to_live(max_age)
                .build()
        });
        Recent { cache, writes }
    }

    /// The remembered value, unless it is too old or a write has finished since it was read.
    fn get(&self, key: &K) -> Option<V> {
        let (seen, value) = self.cache.as_ref()?.get(key)?;
        (seen == self.writes.count()).then_some(value)
    }

    /// The remembered value, or what `load` reads (remembered when it is `Some`).
    pub async fn get_or_load<E, F>(&self, key: K, load: F) -> Result<Option<V>, E>
    where
        F: Future<Output = Result<Option<V>, E>>,
    {
        if let Some(value) = self.get(&key) {
            return Ok(Some(value));
        }
        // Counted before reading: a write that finishes during the read makes it stale.
        let seen = self.writes.count();
        let value = load.await?;
        if let (Some(cache), Some(value)) = (&self.cache, &value) {
            cache.insert(key, (seen, value.clone()));
        }
        Ok(value)
    }

    /// Remembers a value this process has just written.
    pub fn put(&self, key: K, value: V) {
        if let Some(cache) = &self.cache {
            cache.insert(key, (self.writes.count(), value));
        }
    }

    pub fn forget(&self, key: &K) {
        if let Some(cache) = &self.cache {
            cache.invalidate(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recent(max_age: Duration) -> (Recent<u8, &'static str>, Writes) {
        let writes = Writes::default();
        (Recent::new(max_age, 10, writes.clone()), writes)
    }

    async fn load(value: Option<&'static str>) -> Result<Option<&'static str>, ()> {
        Ok(value)
    }

    #[tokio::test]
    async fn remembers_what_it_read_until_a_write_finishes() {
        let (recent, writes) = recent(Duration::from_secs(60));
        assert_eq!(recent.get_or_load(1, load(Some("a"))).await, Ok(Some("a")));
        assert_eq!(
            recent.get_or_load(1, load(Some("b"))).await,
            Ok(Some("a")),
            "read once"
        );
        writes.finished();
        assert_eq!(recent.get(&1), None);
        assert_eq!(recent.get_or_load(1, load(Some("b"))).await, Ok(Some("b")));
    }

    #[tokio::test]
    async fn a_write_finishing_during_the_read_makes_it_stale() {
        let (recent, writes) = recent(Duration::from_secs(60));
        let during = async {
            writes.finished();
            Ok::<_, ()>(Some("old"))
        };
        assert_eq!(recent.get_or_load(1, during).await, Ok(Some("old")));
        assert_eq!(recent.get(&1), None);
    }

    #[tokio::test]
    async fn forgets_with_age_absence_and_on_request() {
        let (recent, _) = recent(Duration::from_millis(50));
        assert_eq!(recent.get_or_load(1, load(None)).await, Ok(None));
        assert_eq!(recent.get(&1), None, "nothing found is not remembered");
        recent.put(2, "x");
        assert_eq!(recent.get(&2), Some("x"));
        recent.forget(&2);
        assert_eq!(recent.get(&2), None);
        recent.put(3, "y");
        std::thread::sleep(Duration::from_millis(80));
        assert_eq!(recent.get(&3), None, "too old");
    }

    #[tokio::test]
    async fn zero_age_remembers_nothing() {
        let (recent, _) = recent(Duration::ZERO);
        recent.put(1, "x");
        assert_eq!(recent.get_or_load(1, load(Some("y"))).await, Ok(Some("y")));
        assert_eq!(recent.get(&1), None);
    }
}
