//! Sessions live in the database, so several server processes share them. The store crate
//! has one type per engine; `Engine` picks the one that matches `DATABASE_URL`, and `Store`
//! puts a short memory of recently read sessions in front of it (see `db::recent`).

use std::time::Duration;

use async_trait::async_trait;
use bina_app::db::{
    NativePool,
    recent::{Recent, Writes},
};
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    session::{Id, Record},
    session_store,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Clone, Debug)]
enum Engine {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

#[derive(Clone, Debug)]
pub struct Store {
    engine: Engine,
    /// The stores' own pool, kept to close it at shutdown.
    pool: NativePool,
    recent: Recent<Id, Record>,
}

impl Store {
    /// A store that reads every session from the database.
    pub fn new(pool: NativePool) -> Store {
        let engine = match pool.clone() {
            NativePool::Sqlite(pool) => Engine::Sqlite(SqliteStore::new(pool)),
            NativePool::Postgres(pool) => Engine::Postgres(PostgresStore::new(pool)),
        };
        Store {
            engine,
            pool,
            recent: Recent::new(Duration::ZERO, 0, Writes::default()),
        }
    }

    /// The same store, remembering the sessions it read or wrote in `recent`.
    pub fn remembering(self, recent: Recent<Id, Record>) -> Store {
        Store { recent, ..self }
    }

    /// Creates the session table if it is missing.
    pub async fn migrate(&self) -> Result<(), sqlx::Error> {
        match &self.engine {
            Engine::Sqlite(s) => s.migrate().await,
            Engine::Postgres(s) => s.migrate().await,
        }
    }

    /// Closes the pool once its connections are back (at shutdown).
    pub async fn close(&self) {
        match &self.pool {
            NativePool::Sqlite(pool) => pool.close().await,
            NativePool::Postgres(pool) => pool.close().await,
        }
    }

    async fn load_from_database(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match &self.engine {
            Engine::Sqlite(s) => s.load(id).await,
            Engine::Postgres(s) => s.load(id).await,
        }
    }
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match &self.engine {
            Engine::Sqlite(s) => s.create(record).await?,
            Engine::Postgres(s) => s.create(record).await?,
        }
        self.recent.put(record.id, record.clone());
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match &self.engine {
            Engine::Sqlite(s) => s.save(record).await?,
            Engine::Postgres(s) => s.save(record).await?,
        }
        self.recent.put(record.id, record.clone());
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let record = self
            .recent
            .get_or_load(*id, self.load_from_database(id))
            .await?;
        // The database leaves out expired sessions; a remembered one may expire meanwhile.
        Ok(record.filter(|r| r.expiry_date > time::OffsetDateTime::now_utc()))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.recent.forget(id);
        match &self.engine {
            Engine::Sqlite(s) => s.delete(id).await,
            Engine::Postgres(s) => s.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for Store {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match &self.engine {
            Engine::Sqlite(s) => s.delete_expired().await,
            Engine::Postgres(s) => s.delete_expired().await,
        }
    }
}
