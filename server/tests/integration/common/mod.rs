//! Test harness: runs the real `bina` binary against a fresh SQLite file or a fresh
//! PostgreSQL database, and talks to it over HTTP like a browser would.

#![allow(dead_code)]

use std::{
    collections::HashMap,
    net::TcpListener,
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::atomic::{AtomicUsize, Ordering},
    time::{Duration, Instant},
};

use reqwest::{Client, StatusCode, redirect::Policy};
use serde_json::Value;

pub const PASSWORD: &str = "bina-demo";
/// Employees in a test city: enough for every demo role, small enough to seed in a blink.
const TEST_EMPLOYEES: &str = "1500";

static COUNTER: AtomicUsize = AtomicUsize::new(0);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Runs a test body on one engine. PostgreSQL tests need `BINA_TEST_POSTGRES_URL`, a server
/// URL without a database name (`postgres://postgres@127.0.0.1:5432`) whose user may
/// create databases; without it they are skipped, unless
/// `BINA_REQUIRE_POSTGRES=1`, when they fail.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::common::TestDb::create($crate::common::Engine::Sqlite).await.unwrap()).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if let Some(db) = $crate::common::TestDb::create($crate::common::Engine::Postgres).await {
                        super::$name(db).await;
                    }
                }
            }
        )*
    };
}

/// A database made for one test, removed by [`TestDb::remove`].
pub struct TestDb {
    pub engine: Engine,
    pub url: String,
    file: Option<PathBuf>,
    pg_name: Option<(String, String)>,
    pub accounts: HashMap<String, String>,
    /// The evidence folder of this database's servers: its own, so that tests running at the
    /// same time do not see each other's uploads.
    pub evidence: PathBuf,
}

impl TestDb {
    /// A database with the demo city in it.
    pub async fn create(engine: Engine) -> Option<TestDb> {
        let mut db = TestDb::create_empty(engine).await?;
        db.accounts = db.seed(&[]);
        Some(db)
    }

    /// A database with nothing in it yet (not even migrated), on the same engine.
    pub async fn create_empty(engine: Engine) -> Option<TestDb> {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let pid = std::process::id();
        let db = match engine {
            Engine::Sqlite => {
                let file = std::env::temp_dir().join(format!("bina-test-{pid}-{n}.db"));
                let _ = std::fs::remove_file(&file);
                TestDb {
                    engine,
                    url: format!("sqlite://{}", file.display()),
                    file: Some(file),
                    pg_name: None,
                    accounts: HashMap::new(),
                    evidence: evidence_dir(pid, n),
                }
            }
            Engine::Postgres => {
                let Ok(base) = std::env::var("BINA_TEST_POSTGRES_URL") else {
                    assert!(
                        std::env::var("BINA_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                        "BINA_REQUIRE_POSTGRES=1 but BINA_TEST_POSTGRES_URL is not set"
                    );
                    eprintln!("PostgreSQL not configured: test skipped");
                    return None;
                };
                let name = format!("bina_test_{pid}_{n}");
                use sqlx::Connection;
                let base = base.trim_end_matches('/').to_owned();
                let mut conn = sqlx::PgConnection::connect(&format!("{base}/postgres"))
                    .await
                    .expect("connect to PostgreSQL");
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                let url = format!("{base}/{name}");
                TestDb {
                    engine,
                    url,
                    file: None,
                    pg_name: Some((base, name)),
                    accounts: HashMap::new(),
                    evidence: evidence_dir(pid, n),
                }
            }
        };
        Some(db)
    }

    /// Runs `bina seed --demo` and reads the demo logins (role → NIP) from its table.
    fn seed(&self, env: &[(&str, &str)]) -> HashMap<String, String> {
        let out = bina(self, env)
            .args(["seed", "--demo", "--employees", TEST_EMPLOYEES])
            .output()
            .expect("run bina seed");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "seed failed: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
            .lines()
            .filter_map(|line| {
                let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
                (cells.len() == 3
                    && cells[1].len() == 18
                    && cells[1].chars().all(|c| c.is_ascii_digit()))
                .then(|| (cells[0].to_owned(), cells[1].to_owned()))
            })
            .collect()
    }

    pub fn nip(&self, role: &str) -> String {
        self.accounts
            .get(role)
            .unwrap_or_else(|| panic!("no demo {role}"))
            .clone()
    }

    /// The SQLite file, if this is a SQLite database.
    pub fn sqlite_file(&self) -> Option<&std::path::Path> {
        self.file.as_deref()
    }

    /// Files in this database's evidence folder now.
    pub fn evidence_files(&self) -> usize {
        std::fs::read_dir(&self.evidence).map_or(0, |dir| dir.count())
    }

    pub async fn remove(self) {
        let _ = std::fs::remove_dir_all(&self.evidence);
        if let Some(file) = &self.file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
        }
        if let Some((base, name)) = &self.pg_name {
            use sqlx::Connection;
            if let Ok(mut conn) = sqlx::PgConnection::connect(&format!("{base}/postgres")).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await;
            }
        }
    }
}

/// Every route that is not a page, as `bina routes` lists them (`METHOD PATH`).
pub fn listed_routes() -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_bina"))
        .arg("routes")
        .output()
        .expect("bina routes");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The `bina` binary with this database and its evidence folder in its environment.
pub fn bina(db: &TestDb, env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bina"));
    cmd.env("DATABASE_URL", &db.url)
        .env("BINA_LOG", "warn")
        .env("BINA_EVIDENCE_DIR", &db.evidence);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// Where the servers of one test database keep uploaded evidence.
fn evidence_dir(pid: u32, n: usize) -> PathBuf {
    std::env::temp_dir().join(format!("bina-test-evidence-{pid}-{n}"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One running `bina serve` process.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    pub async fn start(db: &TestDb) -> Server {
        Server::start_with(db, &[]).await
    }

    pub async fn start_with(db: &TestDb, env: &[(&str, &str)]) -> Server {
        Server::start_listening_on(db, env, "127.0.0.1").await
    }

    /// A server listening on `host` (`0.0.0.0`: every address, as a deployment does),
    /// reached through 127.0.0.1.
    pub async fn start_listening_on(db: &TestDb, env: &[(&str, &str)], host: &str) -> Server {
        let port = free_port();
        let child = bina(db, env)
            .env("BINA_ADDR", format!("{host}:{port}"))
            .arg("serve")
            .stdout(Stdio::null())
            .spawn()
            .expect("start bina serve");
        let server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let probe = Client::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(res) = probe.get(format!("{}/healthz", server.base)).send().await
                && res.status() == StatusCode::OK
            {
                return server;
            }
            assert!(Instant::now() < deadline, "server did not come up");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The most memory the server process has held so far (its peak resident set, VmHWM),
    /// in megabytes; `None` where /proc does not say.
    pub fn peak_memory_mb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024)
    }

    /// Sends SIGTERM (what a service manager sends to stop it) and waits for the process to
    /// exit; returns its exit status.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill -TERM");
        assert!(sent.success());
        self.child.wait().expect("wait for bina")
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
pub fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

/// The result of a server function call: HTTP status and the JSON body.
pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
}

/// Calls a server function as the hydrated app does (form-encoded arguments, JSON back).
pub async fn call(
    client: &Client,
    server: &Server,
    endpoint: &str,
    args: &[(&str, &str)],
) -> Reply {
    let res = client
        .post(server.url(&format!("/api/{endpoint}")))
        .header("accept", "application/json")
        .form(args)
        .send()
        .await
        .expect("server function call");
    let status = res.status();
    let text = res.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Reply { status, body }
}

/// Posts a multipart form (an upload) to a server function, JSON back.
pub async fn call_multipart(
    client: &Client,
    server: &Server,
    endpoint: &str,
    form: reqwest::multipart::Form,
) -> Reply {
    let res = client
        .post(server.url(&format!("/api/{endpoint}")))
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .expect("multipart call");
    let status = res.status();
    let text = res.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Reply { status, body }
}

pub async fn login(client: &Client, server: &Server, nip: &str, password: &str) -> Reply {
    call(
        client,
        server,
        "masuk",
        &[("nip", nip), ("password", password)],
    )
    .await
}

/// Logs a fresh client in and returns it.
pub async fn logged_in(server: &Server, nip: &str) -> Client {
    let client = browser();
    let reply = login(&client, server, nip, PASSWORD).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "login of {nip}: {}",
        reply.body
    );
    client
}

/// The HTML of a page as this client gets it.
pub async fn html(client: &Client, server: &Server, path: &str) -> String {
    let res = client.get(server.url(path)).send().await.expect("page");
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.expect("page text")
}

/// The current user as the server sees this client's session (`null` when anonymous).
pub async fn whoami(client: &Client, server: &Server) -> Value {
    let reply = call(client, server, "saya", &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

/// Sleeps until just after the next second begins, for tests of rules counted in whole
/// seconds (session ages) whose first steps must fall within one second.
pub async fn at_start_of_a_second() {
    let into_second = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_millis();
    tokio::time::sleep(Duration::from_millis(u64::from(1010 - into_second))).await;
}
