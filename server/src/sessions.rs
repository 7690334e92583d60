//! Sessions live in the database, so several server processes share them. The store crate
//! has one type per engine; this enum picks the one that matches `DATABASE_URL`.

use async_trait::async_trait;
use bina_app::db::NativePool;
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    session::{Id, Record},
    session_store,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Store {
    pub fn new(pool: NativePool) -> Store {
        match pool {
            NativePool::Sqlite(pool) => Store::Sqlite(SqliteStore::new(pool)),
            NativePool::Postgres(pool) => Store::Postgres(PostgresStore::new(pool)),
        }
    }

    /// Creates the session table if it is missing.
    pub async fn migrate(&self) -> Result<(), sqlx::Error> {
        match self {
            Store::Sqlite(s) => s.migrate().await,
            Store::Postgres(s) => s.migrate().await,
        }
    }
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Store::Sqlite(s) => s.create(record).await,
            Store::Postgres(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Store::Sqlite(s) => s.save(record).await,
            Store::Postgres(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Store::Sqlite(s) => s.load(id).await,
            Store::Postgres(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Store::Sqlite(s) => s.delete(id).await,
            Store::Postgres(s) => s.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for Store {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            Store::Sqlite(s) => s.delete_expired().await,
            Store::Postgres(s) => s.delete_expired().await,
        }
    }
}
