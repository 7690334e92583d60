//! Server only: the database pool over SQLite or PostgreSQL, migrations and write transactions.
//!
//! All application SQL is written once, in the subset both engines accept (`$1` placeholders,
//! `RETURNING`, integers for booleans and unix seconds for times), and runs through sqlx's
//! `Any` driver. The URL picks the engine and its migration folder at runtime.

pub mod idempotency;
pub mod recent;

use std::{path::Path, str::FromStr, time::Duration};

use sqlx::{
    Any, AnyPool, Executor, Transaction,
    any::AnyPoolOptions,
    migrate::Migrator,
    postgres::{PgPool, PgPoolOptions},
    sqlite::{
        SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
    },
};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// A write transaction, as [`Db::begin_write`] opens it.
pub type Tx = Transaction<'static, Any>;

/// A unique-index refusal (two equal rows written at once): the caller turns it into the
/// feature's own "already exists" error.
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// How long a SQLite connection waits for a lock before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

impl DbKind {
    pub fn from_url(url: &str) -> Result<DbKind, sqlx::Error> {
        if url.starts_with("sqlite:") {
            Ok(DbKind::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DbKind::Postgres)
        } else {
            Err(sqlx::Error::Configuration(
                "DATABASE_URL must start with sqlite: or postgres://".into(),
            ))
        }
    }
}

/// The application's handle on the database. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub kind: DbKind,
}

/// The engine-specific pool the session store needs (it does not speak `Any`).
#[derive(Clone, Debug)]
pub enum NativePool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

fn pool_size(kind: DbKind) -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
    match kind {
        // SQLite serialises writers anyway; a few readers per core are plenty.
        DbKind::Sqlite => (cores * 4).clamp(4, 16),
        // PostgreSQL's sweet spot is about two connections per core per process.
        DbKind::Postgres => (cores * 4).clamp(4, 32),
    }
}

fn sqlite_options(url: &str) -> Result<SqliteConnectOptions, sqlx::Error> {
    Ok(SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(SQLITE_BUSY_TIMEOUT))
}

/// Creates the folder of a SQLite database file if it is missing.
fn ensure_sqlite_dir(url: &str) -> std::io::Result<()> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    match Path::new(path).parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
}

impl Db {
    /// Connects to the database named by `url` and returns the shared `Any` pool plus the
    /// engine-specific pool the session store uses.
    pub async fn connect(url: &str) -> Result<(Db, NativePool), sqlx::Error> {
        sqlx::any::install_default_drivers();
        let kind = DbKind::from_url(url)?;
        let size = pool_size(kind);
        match kind {
            DbKind::Sqlite => {
                ensure_sqlite_dir(url).map_err(sqlx::Error::Io)?;
                // The native pool creates the file and switches it to WAL before the `Any`
                // pool opens it; WAL is a property of the file, the other pragmas are per
                // connection.
                //
                // Neither pool pings a connection before each use: a SQLite connection is a
                // file handle that cannot drop, and sqlx pings through the connection's
                // worker thread, a round trip of thread switches per query (a home page under
                // load went from about 15.6 to 11.5 context switches without it).
                let native = SqlitePoolOptions::new()
                    .max_connections(4)
                    .test_before_acquire(false)
                    .connect_with(sqlite_options(url)?)
                    .await?;
                let pool = AnyPoolOptions::new()
                    .max_connections(size)
                    .test_before_acquire(false)
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            conn.execute(
                                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                                 PRAGMA synchronous = NORMAL;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect(url)
                    .await?;
                Ok((Db { pool, kind }, NativePool::Sqlite(native)))
            }
            DbKind::Postgres => {
                let native = PgPoolOptions::new().max_connections(4).connect(url).await?;
                let pool = AnyPoolOptions::new()
                    .max_connections(size)
                    .connect(url)
                    .await?;
                Ok((Db { pool, kind }, NativePool::Postgres(native)))
            }
        }
    }

    /// Applies the migrations of this engine's folder.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self.kind {
            DbKind::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await,
            DbKind::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await,
        }
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock up front
    /// (`BEGIN IMMEDIATE`), so two writers queue on the busy timeout instead of deadlocking
    /// when both try to upgrade a read lock.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        match self.kind {
            DbKind::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            DbKind::Postgres => self.pool.begin().await,
        }
    }
}

/// A search text as a `LIKE … ESCAPE '\'` pattern that finds it anywhere, lower-cased, its
/// wildcards escaped, so a search for "50%" finds "50%", not everything.
pub fn like_pattern(query: &str) -> String {
    let escaped = query
        .trim()
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Seconds since the Unix epoch, UTC: how Bina stores time.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Application state given to every server function and page render.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub settings: std::sync::Arc<crate::settings::Settings>,
}
