//! Faults, on both databases: a backup taken while people write restores every write
//! acknowledged before it (with its evidence file); a server killed with SIGKILL in the
//! middle of a stream of writes loses none it acknowledged and shows none half-written; a
//! server told to stop lets requests finish for a bounded time and closes its pools.

use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::common::{Server, TestDb, bina, call, logged_in};
use crate::ledger::{PDF, entry_form, today};
use reqwest::{Client, StatusCode};
use sqlx::Row;

on_both_engines!(
    a_backup_taken_during_writes_restores_every_acknowledged_write,
    a_killed_server_keeps_every_acknowledged_write,
    a_stopping_server_waits_for_requests_only_so_long_and_closes_its_pools,
);

/// The people who write at once, each on their own session.
const WRITERS: [&str; 4] = ["pegawai", "atasan", "mentor", "pengelola_opd"];

/// The titles of the entries the server acknowledged (HTTP 200), in order.
type Acknowledged = Arc<Mutex<Vec<String>>>;

/// Records JP entries with evidence as `client`, titled `{prefix}-{n}`, until the server
/// stops answering or `stop` says so; every acknowledged title goes into `acked`.
async fn write_entries(
    client: Client,
    server_base: String,
    prefix: String,
    acked: Acknowledged,
    stop: Arc<std::sync::atomic::AtomicBool>,
) {
    use std::sync::atomic::Ordering;
    let day = today();
    for n in 0.. {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let title = format!("{prefix}-{n}");
        let sent = client
            .post(format!("{server_base}/api/jp-catat"))
            .header("accept", "application/json")
            .multipart(entry_form(&title, &day, PDF.to_vec(), "s.pdf"))
            .send()
            .await;
        match sent {
            Ok(res) if res.status() == StatusCode::OK => acked.lock().unwrap().push(title),
            Ok(res) => panic!("{title}: {}", res.status()),
            // The server is gone: the rest of this stream was never acknowledged.
            Err(_) => return,
        }
    }
}

/// The entries of the test's writers in the database at `url`: (title, evidence file).
async fn entries_in(url: &str, prefix: &str) -> Vec<(String, String)> {
    let (db, _) = bina_app::db::Db::connect(url).await.unwrap();
    let rows =
        sqlx::query("SELECT title, evidence_file FROM jp_entry WHERE title LIKE $1 ORDER BY id")
            .bind(format!("{prefix}%"))
            .fetch_all(&db.pool)
            .await
            .unwrap();
    db.pool.close().await;
    rows.iter()
        .map(|r| (r.get("title"), r.get("evidence_file")))
        .collect()
}

/// Every acknowledged title is in `found` exactly once, and every entry found has its
/// evidence file, whole, in `evidence`.
fn assert_all_kept(acked: &[String], found: &[(String, String)], evidence: &Path) {
    for title in acked {
        let copies = found.iter().filter(|(t, _)| t == title).count();
        assert_eq!(copies, 1, "{title}: acknowledged, found {copies} times");
    }
    for (title, file) in found {
        let bytes = std::fs::read(evidence.join(file))
            .unwrap_or_else(|e| panic!("{title}: evidence {file}: {e}"));
        assert_eq!(bytes, PDF, "{title}: evidence {file} is not whole");
    }
}

/// The [`WRITERS`], each recording entries titled `{prefix}-{writer}-{n}` on their own
/// session until stopped or the server goes away.
struct Writing {
    acked: Acknowledged,
    stop: Arc<std::sync::atomic::AtomicBool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Writing {
    async fn start(server: &Server, db: &TestDb, prefix: &str) -> Writing {
        let acked: Acknowledged = Arc::default();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut tasks = Vec::new();
        for (i, who) in WRITERS.iter().enumerate() {
            let client = logged_in(server, &db.nip(who)).await;
            tasks.push(tokio::spawn(write_entries(
                client,
                server.base.clone(),
                format!("{prefix}-{i}"),
                acked.clone(),
                stop.clone(),
            )));
        }
        Writing { acked, stop, tasks }
    }

    /// How many writes were acknowledged so far.
    fn acknowledged(&self) -> usize {
        self.acked.lock().unwrap().len()
    }

    async fn until_acknowledged(&self, n: usize) {
        while self.acknowledged() < n {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    }

    /// Stops the writers (or waits for them to notice the server is gone); returns every
    /// acknowledged title.
    async fn finish(self) -> Vec<String> {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        for task in self.tasks {
            task.await.unwrap();
        }
        self.acked.lock().unwrap().clone()
    }
}

async fn a_backup_taken_during_writes_restores_every_acknowledged_write(db: TestDb) {
    let server = Server::start(&db).await;
    let writing = Writing::start(&server, &db, "Cadangan").await;
    writing.until_acknowledged(100).await;

    // The backup runs while the writers go on.
    let before_backup = writing.acked.lock().unwrap().clone();
    let dir = std::env::temp_dir().join(format!("bina-backup-{}", fastrand::u64(..)));
    let out = tokio::task::spawn_blocking({
        let mut command = bina(&db, &[]);
        command.arg("backup").arg(&dir);
        move || command.output().unwrap()
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "backup: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after_backup = writing.acknowledged();
    writing.finish().await;
    assert!(
        after_backup > before_backup.len(),
        "the writers kept writing during the backup"
    );
    server.stop();

    // Restored into a new, empty database and evidence folder.
    let target = TestDb::create_empty(db.engine).await.unwrap();
    let out = bina(&target, &[])
        .arg("restore")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "restore: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = entries_in(&target.url, "Cadangan-").await;
    assert_all_kept(&before_backup, &found, &target.evidence);
    if db.engine == crate::common::Engine::Sqlite {
        let (restored, _) = bina_app::db::Db::connect(&target.url).await.unwrap();
        let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&restored.pool)
            .await
            .unwrap();
        assert_eq!(verdict, "ok");
        restored.pool.close().await;
    }

    // The restored Bina runs: the demo accounts log in and see their own entries, and a
    // second restore over data is refused without --replace.
    let restored = Server::start(&target).await;
    let pegawai = logged_in(&restored, &db.nip("pegawai")).await;
    let ledger = call(&pegawai, &restored, "jp", &[]).await;
    assert_eq!(ledger.status, StatusCode::OK);
    restored.stop();
    let again = bina(&target, &[])
        .arg("restore")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        !again.status.success(),
        "a restore over data needs --replace"
    );
    let _ = std::fs::remove_dir_all(&dir);
    target.remove().await;
    db.remove().await;
}

async fn a_killed_server_keeps_every_acknowledged_write(db: TestDb) {
    let server = Server::start(&db).await;
    let writing = Writing::start(&server, &db, "Tahan").await;
    writing.until_acknowledged(1_000).await;
    // SIGKILL, with writes in flight.
    server.stop();
    let acked = writing.finish().await;

    // After a restart every acknowledged write is there, and no entry lacks its evidence.
    let restarted = Server::start(&db).await;
    let found = entries_in(&db.url, "Tahan-").await;
    println!(
        "kill -9 during writes ({:?}): {} acknowledged, {} found",
        db.engine,
        acked.len(),
        found.len()
    );
    assert_all_kept(&acked, &found, &db.evidence);
    assert!(
        found.len() <= acked.len() + WRITERS.len(),
        "at most one unacknowledged write per writer"
    );
    restarted.stop();
    db.remove().await;
}

async fn a_stopping_server_waits_for_requests_only_so_long_and_closes_its_pools(db: TestDb) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = Server::start_with(&db, &[("BINA_SHUTDOWN_GRACE_SECS", "2")]).await;
    // A finished request, then one whose body stalls halfway (a phone that lost its signal).
    let client = logged_in(&server, &db.nip("pegawai")).await;
    assert_eq!(
        call(&client, &server, "jp", &[]).await.status,
        StatusCode::OK
    );
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut stalled = tokio::net::TcpStream::connect(&address).await.unwrap();
    stalled
        .write_all(
            format!(
                "POST /api/saya HTTP/1.1\r\nHost: {address}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\n\
                 Content-Length: 1000\r\n\r\nnip=1"
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let started = std::time::Instant::now();
    let status = tokio::task::spawn_blocking(move || server.terminate())
        .await
        .unwrap();
    let took = started.elapsed();
    assert!(status.success(), "a stopped server exits cleanly: {status}");
    assert!(
        took >= std::time::Duration::from_secs(2) && took < std::time::Duration::from_secs(6),
        "stopped after the 2 s grace, not before and not much later: {took:?}"
    );
    // The stalled connection is closed, not left hanging.
    let mut rest = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        stalled.read_to_end(&mut rest),
    )
    .await
    .expect("the stalled connection is closed");
    if let Some(file) = db.sqlite_file() {
        // Closed pools checkpoint the write-ahead log into the database and remove it.
        let wal = format!("{}-wal", file.display());
        assert!(
            std::fs::metadata(&wal).map_or(true, |m| m.len() == 0),
            "{wal} is left behind: the pools were not closed"
        );
    }
    db.remove().await;
}
