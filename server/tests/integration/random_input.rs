//! Thousands of generated requests to every route that is not a page, as `bina routes` lists
//! them (the server-function registry and the plain routes, not a hand list): form bodies
//! with the argument names Bina uses and hostile values, bytes that are no form, JSON and
//! broken multipart, from an anonymous browser and from logged-in people. None may get a
//! 5xx.

use crate::common::{Server, TestDb, browser, listed_routes, logged_in};
use reqwest::{Client, Method};

on_both_engines!(generated_requests_never_get_a_5xx);

/// Requests per route and client.
const PER_ROUTE: usize = 40;

const NAMES: &[&str] = &[
    "id",
    "year",
    "tahun",
    "nip",
    "password",
    "current",
    "new",
    "confirmation",
    "plan_id",
    "item_id",
    "entry_id",
    "mentorship_id",
    "session_id",
    "goal_id",
    "request_id",
    "mentor_id",
    "competency_id",
    "program_id",
    "opd_id",
    "page",
    "query",
    "title",
    "path",
    "planned_jp",
    "target_quarter",
    "keputusan",
    "komentar",
    "alasan",
    "tujuan",
    "kemajuan",
    "nilai",
    "jawaban",
    "tindakan",
    "kode",
    "level",
    "jabatan",
    "lihat",
    "opd",
    "kunci",
    "session[held_on]",
    "session[minutes]",
    "session[mode]",
    "session[notes]",
    "profile[capacity]",
    "profile[mode]",
    "profile[expertise][0]",
    "program[title]",
    "program[jp]",
    "program[competency_id]",
    "entry[competency_id]",
    "entry[level]",
    "ke",
    "kembali",
    "tabel",
    "module_id",
    "import_id",
    "question_id",
    "quiz_id",
    "attempt_id",
    "jenis",
    "jawaban[q1]",
    "jawaban[q1-0]",
    "jawaban[1]",
    "tes[pass]",
    "tes[attempts]",
    "tes[count]",
    "code",
    "search",
    "certificate_id",
    "reason",
    "enrolment_id",
    "hari",
    "sesi",
    "laporan",
    "laporan[status]",
    "paket",
    "module[package]",
];

const VALUES: &[&str] = &[
    "",
    "0",
    "-1",
    "1",
    "2",
    "3",
    "7",
    "2026",
    "99999999999999999999",
    "-9223372036854775809",
    "1e400",
    "NaN",
    "true",
    "null",
    "[]",
    "{}",
    "setujui",
    "kembalikan",
    "tolak",
    "verifikasi",
    "cabut",
    "tetapkan",
    "online",
    "pelatihan_teknis",
    "198609262015051001",
    "\u{0}",
    "\u{202E}gnp.exe",
    "%",
    "%zz",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "😀",
    "e\u{301}",
    "\r\n",
    "\t",
];

fn value(rng: &mut fastrand::Rng) -> String {
    match rng.u8(0..10) {
        0 => "x".repeat(rng.usize(1000..70_000)),
        1 => rng.i64(..).to_string(),
        2 => (0..rng.usize(1..20)).map(|_| rng.char(..)).collect(),
        _ => VALUES[rng.usize(..VALUES.len())].to_owned(),
    }
}

/// One generated request body: its content type and bytes.
fn body(rng: &mut fastrand::Rng) -> (&'static str, Vec<u8>) {
    match rng.u8(0..10) {
        0 => (
            "application/x-www-form-urlencoded",
            (0..rng.usize(0..200)).map(|_| rng.u8(..)).collect(),
        ),
        1 => (
            "application/json",
            br#"{"nip": 1, "password": [null]}"#.to_vec(),
        ),
        2 => (
            "multipart/form-data; boundary=XyZ",
            b"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nA\r\n--Xy".to_vec(),
        ),
        _ => {
            let pairs: Vec<(String, String)> = (0..rng.usize(0..8))
                .map(|_| (NAMES[rng.usize(..NAMES.len())].to_owned(), value(rng)))
                .collect();
            (
                "application/x-www-form-urlencoded",
                serde_urlencoded::to_string(&pairs).unwrap().into_bytes(),
            )
        }
    }
}

fn routes() -> Vec<(Method, String)> {
    listed_routes()
        .iter()
        .filter_map(|line| {
            let (method, path) = line.split_once(' ')?;
            Some((method.parse().ok()?, path.replace("{id}", "1")))
        })
        .collect()
}

async fn generated_requests_never_get_a_5xx(db: TestDb) {
    let server = Server::start(&db).await;
    let routes = routes();
    assert!(
        routes.len() > 40,
        "the registry lists every server function"
    );
    let clients: Vec<(&str, Client)> = vec![
        ("anonymous", browser()),
        ("pegawai", logged_in(&server, &db.nip("pegawai")).await),
        ("admin", logged_in(&server, &db.nip("admin")).await),
    ];
    let mut rng = fastrand::Rng::with_seed(20_261_202);
    let mut sent = 0;
    let mut failures = Vec::new();
    for (who, client) in &clients {
        for (method, path) in &routes {
            // Logging out or in would change who the client is for the rest of the run.
            if *who != "anonymous" && (path == "/api/keluar" || path == "/api/masuk") {
                continue;
            }
            for _ in 0..PER_ROUTE {
                let (kind, mut bytes) = body(&mut rng);
                let request = if *method == Method::GET {
                    // As a query string (within what a URL may hold): every byte that is not
                    // a plain one percent-encoded.
                    bytes.truncate(2000);
                    let query: String = bytes
                        .iter()
                        .map(|&b| match b {
                            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'=' | b'&' | b'%' => {
                                (b as char).to_string()
                            }
                            _ => format!("%{b:02X}"),
                        })
                        .collect();
                    client.get(server.url(&format!("{path}?{query}")))
                } else {
                    let accept = if rng.bool() {
                        "text/html"
                    } else {
                        "application/json"
                    };
                    client
                        .request(method.clone(), server.url(path))
                        .header("content-type", kind)
                        .header("accept", accept)
                        .body(bytes)
                };
                sent += 1;
                match request.send().await {
                    Ok(res) if res.status().is_server_error() => {
                        failures.push(format!("{who} {method} {path}: {}", res.status()));
                    }
                    Ok(_) => {}
                    // A dropped connection is a failure too (a panic the server did not catch).
                    Err(e) => failures.push(format!("{who} {method} {path}: {e}")),
                }
            }
        }
    }
    println!(
        "generated requests ({:?}): {sent}, 5xx: {}",
        db.engine,
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {sent} got a 5xx: {:?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
    server.stop();
    db.remove().await;
}
