//! `bina backup DIR` and `bina restore DIR`: a consistent copy of the database and of the
//! evidence files it names, taken while the server runs, and the way back.
//!
//! - SQLite: `VACUUM INTO` writes the database as one read transaction sees it; the server
//!   goes on writing meanwhile (in WAL mode a reader does not block the writer).
//! - PostgreSQL: `pg_dump` (custom format) from one snapshot; `pg_restore` brings it back.
//!   Both must be the server's major version or newer (`postgresql-client`).
//!
//! Evidence files are written before the row that names them commits and are never changed
//! or removed afterwards, so copying, after the snapshot, the files the database names finds
//! every file the snapshot names. Sessions are left out: a restored Bina asks everyone to
//! log in again, and a backup holds no live session ids.
//!
//! A backup folder holds `bina.db` or `bina.pgdump`, the folder `bukti/`, and `CADANGAN.txt`
//! (what it is, when it was made, how many evidence files).

use std::path::{Path, PathBuf};
use std::process::Command;

use bina_app::calendar::wita_date_time;
use bina_app::db::{Db, DbKind, unix_now};
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool};

const SQLITE_FILE: &str = "bina.db";
const POSTGRES_FILE: &str = "bina.pgdump";
const EVIDENCE: &str = "bukti";
const MANIFEST: &str = "CADANGAN.txt";

/// What a backup run did, for its last line.
pub struct Made {
    pub evidence_files: usize,
}

/// Makes a backup of the running database `db` (at `url`) into `dir`, which must be empty
/// or absent.
pub async fn backup(db: &Db, url: &str, evidence_dir: &str, dir: &Path) -> Result<Made, String> {
    if dir.exists() && dir.read_dir().map_err(io(dir))?.next().is_some() {
        return Err(format!(
            "{} is not empty: choose a new folder",
            dir.display()
        ));
    }
    std::fs::create_dir_all(dir.join(EVIDENCE)).map_err(io(dir))?;
    match db.kind {
        DbKind::Sqlite => {
            let copy = dir.join(SQLITE_FILE);
            sqlx::query("VACUUM INTO $1")
                .bind(copy.display().to_string())
                .execute(&db.pool)
                .await
                .map_err(|e| format!("VACUUM INTO failed: {e}"))?;
            let copy_db = open_sqlite(&copy).await?;
            sqlx::query("DELETE FROM tower_sessions")
                .execute(&copy_db)
                .await
                .map_err(|e| format!("cannot leave the sessions out: {e}"))?;
            let checked = check_sqlite(&copy_db).await;
            copy_db.close().await;
            checked?;
        }
        DbKind::Postgres => {
            run(Command::new("pg_dump")
                .arg("--format=custom")
                .arg("--exclude-table-data=tower_sessions.session")
                .arg(format!("--file={}", dir.join(POSTGRES_FILE).display()))
                .arg(format!("--dbname={url}")))?;
        }
    }
    // Listed after the snapshot: every file it names, and perhaps a few newer ones.
    let named: Vec<String> =
        sqlx::query("SELECT evidence_file FROM jp_entry WHERE evidence_file IS NOT NULL")
            .fetch_all(&db.pool)
            .await
            .map_err(|e| format!("cannot list the evidence: {e}"))?
            .iter()
            .map(|r| r.get("evidence_file"))
            .collect();
    let evidence_files = copy_files(&named, Path::new(evidence_dir), &dir.join(EVIDENCE))?;
    let manifest = format!(
        "Cadangan Bina\n{}\ndibuat: {} WITA\nberkas bukti: {evidence_files}\n",
        engine_line(db.kind),
        wita_date_time(unix_now())
    );
    std::fs::write(dir.join(MANIFEST), manifest).map_err(io(dir))?;
    Ok(Made { evidence_files })
}

/// Brings the backup in `dir` back into the database at `url` and the evidence folder.
/// The server must be stopped. A database that holds data is only replaced with `replace`.
pub async fn restore(
    url: &str,
    evidence_dir: &str,
    dir: &Path,
    replace: bool,
) -> Result<Made, String> {
    let manifest = std::fs::read_to_string(dir.join(MANIFEST))
        .map_err(|_| format!("{} is not a Bina backup (no {MANIFEST})", dir.display()))?;
    let kind = DbKind::from_url(url).map_err(|e| e.to_string())?;
    if !manifest.lines().any(|l| l == engine_line(kind)) {
        return Err(format!(
            "this backup is of another database engine than DATABASE_URL ({})",
            manifest.lines().nth(1).unwrap_or_default()
        ));
    }
    if !replace && holds_data(kind, url).await? {
        return Err("the database already holds data: add --replace to overwrite it".into());
    }
    match kind {
        DbKind::Sqlite => {
            let copy = dir.join(SQLITE_FILE);
            let copy_db = open_sqlite(&copy).await?;
            let checked = check_sqlite(&copy_db).await;
            copy_db.close().await;
            checked?;
            let target = sqlite_path(url)?;
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            // Copied beside the target, then renamed over it: never a half-written database.
            let partial = target.with_extension("restoring");
            std::fs::copy(&copy, &partial).map_err(io(&partial))?;
            std::fs::File::open(&partial)
                .and_then(|f| f.sync_all())
                .map_err(io(&partial))?;
            for suffix in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
            }
            std::fs::rename(&partial, &target).map_err(io(&target))?;
        }
        DbKind::Postgres => {
            run(Command::new("pg_restore")
                .args(["--clean", "--if-exists", "--no-owner", "--exit-on-error"])
                .arg(format!("--dbname={url}"))
                .arg(dir.join(POSTGRES_FILE)))?;
        }
    }
    let files: Vec<String> = std::fs::read_dir(dir.join(EVIDENCE))
        .map_err(io(dir))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let evidence_files = copy_files(&files, &dir.join(EVIDENCE), Path::new(evidence_dir))?;
    Ok(Made { evidence_files })
}

/// The manifest's line that names the engine.
fn engine_line(kind: DbKind) -> &'static str {
    match kind {
        DbKind::Sqlite => "basis data: sqlite",
        DbKind::Postgres => "basis data: postgres",
    }
}

/// Opens a backup copy in rollback-journal mode, so that it stays one self-contained file.
async fn open_sqlite(file: &Path) -> Result<SqlitePool, String> {
    let options = SqliteConnectOptions::new()
        .filename(file)
        .journal_mode(SqliteJournalMode::Delete);
    SqlitePool::connect_with(options)
        .await
        .map_err(|e| format!("cannot open {}: {e}", file.display()))
}

/// SQLite's own check of every page and index of the file.
async fn check_sqlite(db: &SqlitePool) -> Result<(), String> {
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(db)
        .await
        .map_err(|e| format!("integrity check failed: {e}"))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(format!("the copy is damaged: {verdict}"))
    }
}

/// Whether the database at `url` has any employee in it (a missing table is no data).
async fn holds_data(kind: DbKind, url: &str) -> Result<bool, String> {
    if kind == DbKind::Sqlite {
        let path = sqlite_path(url)?;
        if std::fs::metadata(&path).map_or(true, |m| m.len() == 0) {
            return Ok(false);
        }
    }
    let (db, _) = Db::connect(url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let employees = sqlx::query("SELECT COUNT(*) AS n FROM employee")
        .fetch_one(&db.pool)
        .await
        .map(|r| r.get::<i64, _>("n"))
        .unwrap_or(0);
    db.pool.close().await;
    Ok(employees > 0)
}

/// The file of a `sqlite:` URL.
fn sqlite_path(url: &str) -> Result<PathBuf, String> {
    let options: SqliteConnectOptions = url.parse().map_err(|e| format!("{e}"))?;
    Ok(options.get_filename().to_path_buf())
}

/// Copies the named files from `from` to `to` (each fsynced), skipping names that are not
/// plain file names; returns how many were copied.
fn copy_files(names: &[String], from: &Path, to: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(to).map_err(io(to))?;
    let mut copied = 0;
    for name in names {
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            continue;
        }
        let target = to.join(name);
        std::fs::copy(from.join(name), &target)
            .map_err(|e| format!("evidence file {name}: {e}"))?;
        std::fs::File::open(&target)
            .and_then(|f| f.sync_all())
            .map_err(io(&target))?;
        copied += 1;
    }
    Ok(copied)
}

fn run(command: &mut Command) -> Result<(), String> {
    let name = command.get_program().to_string_lossy().into_owned();
    let out = command
        .output()
        .map_err(|e| format!("cannot run {name} (install postgresql-client): {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{name} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}
