//! The authorization matrix: every route `bina routes` lists (the server-function registry
//! and the plain routes), called as each identity, must get the outcome its row in
//! [`MATRIX`] expects. A route without a row fails the test, so a new server function cannot
//! land without saying who may call it; a row for a route that no longer exists fails too.
//!
//! The identities are the demo's: the pegawai (a teacher of Dinas Pendidikan), her atasan
//! (the school's principal), a mentor and the pengelola of the same OPD, and the admin of
//! BKPSDMD. "Wrong owner" and "wrong OPD" are rows whose arguments name another person's
//! record (the pegawai's plan, her JP entry, her mentorship) or another OPD (the admin's own
//! entry, an OPD the pengelola does not manage).

use std::collections::HashMap;

use crate::common::{
    PASSWORD, Server, TestDb, browser, call, call_multipart, listed_routes, logged_in, whoami,
};
use crate::course_completion::done;
use crate::course_files::png;
use crate::learning::{course_id, enrol, module_ids};
use crate::ledger::{PDF, entry_form, record, today};
use crate::mentoring::{count, database, m06, start_mentorship};
use crate::quiz::{imported, set_test};
use crate::scorm::packaged_module;
use reqwest::{Client, StatusCode, header};
use serde_json::Value;

mod rows;

use rows::MATRIX;

on_both_engines!(every_route_answers_each_identity_as_its_row_says);

/// Who calls, in the order of a row's outcomes.
const IDENTITIES: [&str; 6] = [
    "anonymous",
    "pegawai",
    "atasan",
    "mentor",
    "pengelola_opd",
    "admin",
];

/// Routes after which the client is someone else (logged in, logged out): each identity
/// calls them on a client of its own.
const CHANGE_WHO_CALLS: &[&str] = &["POST /api/masuk", "POST /api/keluar"];

/// The outcome letter of a response.
fn outcome(status: StatusCode, location: Option<&str>) -> char {
    match status.as_u16() {
        401 => 'U',
        300..=399 if location.is_some_and(|l| l.starts_with("/masuk")) => 'U',
        403 => 'F',
        404 => 'N',
        200..=399 | 409 | 422 => 'A',
        // 400, 429, 5xx: the row's arguments are wrong, or the server failed.
        _ => '?',
    }
}

/// The records the rows name, made through the app as its people would.
struct Fixture {
    values: HashMap<&'static str, String>,
}

impl Fixture {
    async fn make(server: &Server, db: &TestDb, who: &HashMap<&str, Client>) -> Fixture {
        let mut values = HashMap::new();
        let pegawai = &who["pegawai"];
        values.insert("pegawai_nip", db.nip("pegawai"));
        values.insert("password", PASSWORD.to_owned());
        values.insert("today", today());

        // Her plan, with one item.
        let page = call(pegawai, server, "rencana", &[]).await.body;
        let year = page["plan"]["year"].as_i64().unwrap().to_string();
        let competency = page["competencies"][0]["id"].as_i64().unwrap().to_string();
        let added = call(
            pegawai,
            server,
            "rencana-tambah",
            &[
                ("year", &year),
                ("competency_id", &competency),
                ("path", "pelatihan_teknis"),
                ("title", "Pelatihan Penilaian Pembelajaran"),
                ("planned_jp", "12"),
                ("target_quarter", "2"),
                ("program_id", ""),
            ],
        )
        .await;
        assert_eq!(added.status, StatusCode::OK, "{}", added.body);
        let page = call(pegawai, server, "rencana", &[]).await.body;
        values.insert("plan", id(&page["plan"]["id"]));
        values.insert("item", id(&page["plan"]["items"][0]["id"]));
        values.insert("year", year);
        values.insert("competency", competency);

        // Her JP entry, and one of the admin's own (another OPD, and her own).
        values.insert("entry", recorded_entry(server, pegawai).await);
        values.insert("admin_entry", recorded_entry(server, &who["admin"]).await);

        // Her mentorship with the demo mentor, with a session to confirm and a goal; and a
        // request of hers in it (accepted: the request rows may only be refused or 409).
        let mentor = &who["mentor"];
        let mentor_id = whoami(mentor, server).await["employee_id"]
            .as_i64()
            .unwrap();
        let m06 = m06(pegawai, server).await;
        let mentorship = start_mentorship(
            (pegawai, mentor),
            server,
            mentor_id,
            m06,
            "Menyusun RPP yang baik",
        )
        .await;
        let request = count(
            &database(db).await,
            &format!("SELECT request_id FROM mentorship WHERE id = {mentorship}"),
        )
        .await;
        let logged = call(
            mentor,
            server,
            "bimbingan-sesi",
            &[
                ("mentorship_id", &mentorship),
                ("session[held_on]", &today()),
                ("session[minutes]", "60"),
                ("session[mode]", "online"),
                ("session[notes]", "Sesi pertama"),
            ],
        )
        .await;
        assert_eq!(logged.status, StatusCode::OK, "{}", logged.body);
        let goal = call(
            pegawai,
            server,
            "bimbingan-tujuan",
            &[("mentorship_id", &mentorship), ("tujuan", "RPP tersusun")],
        )
        .await;
        assert_eq!(goal.status, StatusCode::OK, "{}", goal.body);
        let view = call(pegawai, server, "bimbingan", &[("id", &mentorship)])
            .await
            .body;
        values.insert("session", id(&view["sessions"][0]["id"]));
        values.insert("goal", id(&view["goals"][0]["id"]));
        values.insert("request", request.to_string());
        values.insert("mentorship", mentorship);
        values.insert("mentor_id", mentor_id.to_string());
        values.insert("m06", m06.to_string());

        // An OPD the pengelola does not manage, and a colleague of the pegawai without a
        // demo login (the admin designates her as a mentor).
        let own = call(
            &who["pengelola_opd"],
            server,
            "pegawai",
            &[("query", ""), ("page", "1")],
        )
        .await
        .body["opd_id"]
            .as_i64()
            .unwrap();
        values.insert("other_opd", if own == 1 { "2" } else { "1" }.to_owned());
        let team = call(&who["atasan"], server, "tim", &[]).await.body;
        let colleague = team
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["nip"].as_str().unwrap().to_owned())
            .find(|nip| !db.accounts.values().any(|demo| demo == nip))
            .expect("the atasan has staff without a demo login");
        values.insert("colleague_nip", colleague);
        learning(server, db, who, &mut values).await;
        Fixture { values }
    }

    /// The row's arguments with every `{name}` filled in.
    fn fill(&self, template: &str) -> Vec<(String, String)> {
        serde_urlencoded::from_str::<Vec<(String, String)>>(template)
            .unwrap()
            .into_iter()
            .map(|(key, value)| {
                let value = match value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                    Some(name) => self
                        .values
                        .get(name)
                        .unwrap_or_else(|| panic!("no {{{name}}} in the fixture"))
                        .clone(),
                    None => value,
                };
                (key, value)
            })
            .collect()
    }
}

/// The courses the learning rows name: the pegawai enrolled in the course the demo mentor
/// facilitates, and applications of hers and of the admin for the classroom course.
async fn learning(
    server: &Server,
    db: &TestDb,
    who: &HashMap<&str, Client>,
    values: &mut HashMap<&'static str, String>,
) {
    let literasi = course_id(db, "Literasi Digital ASN").await;
    let kelas = course_id(db, "Pelatihan Penyusunan Laporan Kinerja").await;
    let (pegawai, admin) = (&who["pegawai"], &who["admin"]);
    for (client, program) in [(pegawai, &literasi), (pegawai, &kelas), (admin, &kelas)] {
        let reply = call(client, server, "belajar-daftar", &[("program_id", program)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    let view = call(
        pegawai,
        server,
        "belajar-program",
        &[("program_id", &literasi)],
    )
    .await
    .body;
    values.insert("literasi_module", id(&view["modules"][0]["id"]));
    let uploaded = call_multipart(
        &who["mentor"],
        server,
        "belajar-berkas",
        course_file_form(&literasi, &id(&view["modules"][0]["id"])),
    )
    .await;
    assert_eq!(uploaded.status, StatusCode::OK, "{}", uploaded.body);
    let files = call(
        &who["mentor"],
        server,
        "belajar-berkas-daftar",
        &[("program_id", &literasi)],
    )
    .await
    .body;
    values.insert("literasi_file", format!("{}.jpg", id(&files[0]["id"])));
    let store = database(db).await;
    quiz(server, &store, who, &literasi, values).await;
    // A module of the course showing Bina's sample SCORM package.
    let (package, module) = packaged_module(&who["mentor"], server, &literasi).await;
    values.insert("scorm_package", package);
    values.insert("scorm_module", module);
    let application = |role: &str| {
        format!(
            "SELECT id FROM enrolment WHERE program_id = {kelas} AND employee_id = \
             (SELECT id FROM employee WHERE nip = '{}')",
            db.nip(role)
        )
    };
    values.insert(
        "application",
        count(&store, &application("pegawai")).await.to_string(),
    );
    values.insert(
        "admin_application",
        count(&store, &application("admin")).await.to_string(),
    );
    let course = course_id(db, "Pelayanan Publik Prima").await;
    certificate(server, &store, pegawai, &course, values).await;
    values.insert("course", course);
    values.insert("literasi", literasi);
}

/// The pegawai's certificate: she completes the three modules of "Pelayanan Publik Prima".
async fn certificate(
    server: &Server,
    store: &bina_app::db::Db,
    pegawai: &Client,
    course: &str,
    values: &mut HashMap<&'static str, String>,
) {
    enrol(pegawai, server, course).await;
    for module in module_ids(pegawai, server, course).await {
        let reply = done(pegawai, server, course, &module).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    let id = count(store, "SELECT MAX(id) FROM certificate").await;
    use sqlx::Row;
    let code: String = sqlx::query(&format!("SELECT code FROM certificate WHERE id = {id}"))
        .fetch_one(&store.pool)
        .await
        .unwrap()
        .get("code");
    values.insert("certificate", id.to_string());
    values.insert("certificate_code", code);
}

/// Two questions of the course the mentor facilitates, its post-test open, and the
/// pegawai's attempt at it.
async fn quiz(
    server: &Server,
    store: &bina_app::db::Db,
    who: &HashMap<&str, Client>,
    literasi: &str,
    values: &mut HashMap<&'static str, String>,
) {
    let mentor = &who["mentor"];
    imported(mentor, server, store, literasi, QUESTIONS).await;
    let newest = |sql: &str| format!("SELECT MAX(id) FROM {sql}");
    values.insert(
        "literasi_import",
        count(store, &newest("question_import")).await.to_string(),
    );
    values.insert(
        "literasi_question",
        count(store, &newest("question")).await.to_string(),
    );
    let reply = set_test(mentor, server, literasi, "pasca", "70", "3").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    values.insert(
        "literasi_quiz",
        count(store, &newest("quiz")).await.to_string(),
    );
    let reply = call(
        &who["pegawai"],
        server,
        "belajar-tes-mulai",
        &[
            ("program_id", literasi),
            ("quiz_id", &values["literasi_quiz"]),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    values.insert(
        "literasi_attempt",
        count(store, &newest("quiz_attempt")).await.to_string(),
    );
}

const QUESTIONS: &str = "Palu ibu kota Sulawesi Tengah. {T}\n\nBerapa JP minimal? {#20}";

fn id(value: &Value) -> String {
    value
        .as_i64()
        .unwrap_or_else(|| panic!("an id, not {value}"))
        .to_string()
}

/// Records a JP entry with evidence as `client`; returns its id.
async fn recorded_entry(server: &Server, client: &Client) -> String {
    let (status, body) = record(client, server, jp_form()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ledger = call(client, server, "jp", &[]).await.body;
    id(&ledger["entries"][0]["id"])
}

fn jp_form() -> reqwest::multipart::Form {
    entry_form("Bimtek Kurikulum Merdeka", &today(), PDF.to_vec(), "s.pdf")
}

/// A picture for a course, from the editor of one of its modules.
fn course_file_form(program: &str, module: &str) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new()
        .text("program_id", program.to_owned())
        .text("module_id", module.to_owned())
        .text("label", "Peta layanan")
        .part(
            "berkas",
            reqwest::multipart::Part::bytes(png(40, 30)).file_name("peta.png"),
        )
}

/// The multipart form a row names (`multipart=jp`, `multipart=berkas&…`).
fn multipart_form(args: &[(String, String)]) -> reqwest::multipart::Form {
    let arg = |key: &str| {
        args.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    match arg("multipart").as_str() {
        "jp" => jp_form(),
        "berkas" => course_file_form(&arg("program_id"), &arg("module_id")),
        "scorm" => reqwest::multipart::Form::new()
            .text("program_id", arg("program_id"))
            .text("module_id", arg("module_id"))
            .part(
                "paket",
                reqwest::multipart::Part::bytes(bina_app::learning::scorm::package::sample())
                    .file_name("paket.zip"),
            ),
        "gift" => reqwest::multipart::Form::new()
            .text("program_id", arg("program_id"))
            .text("module_id", "")
            .text("teks", QUESTIONS),
        other => panic!("no multipart form {other}"),
    }
}

/// The JSON body a row names (`json=scorm&…`): a SCORM runtime's report.
fn json_body(args: &[(String, String)]) -> Value {
    let number = |key: &str| {
        args.iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.parse::<i64>().ok())
            .unwrap_or_default()
    };
    serde_json::json!({
        "program_id": number("program_id"),
        "module_id": number("module_id"),
        "sesi": "matriks",
        "laporan": {
            "status": "incomplete",
            "score": "",
            "session_time": "00:00:10",
            "location": "",
            "suspend_data": "",
        },
    })
}

/// Calls one route as `client`; returns its outcome letter and a line for a failure.
async fn send(
    client: &Client,
    server: &Server,
    route: &str,
    args: &[(String, String)],
) -> (char, String) {
    let (method, path) = route.split_once(' ').unwrap();
    let request = if method == "GET" {
        let mut path = path.to_owned();
        let mut query = Vec::new();
        for (key, value) in args {
            let slot = format!("{{{key}}}");
            if path.contains(&slot) {
                path = path.replace(&slot, value);
            } else {
                query.push((key, value));
            }
        }
        client.get(server.url(&path)).query(&query)
    } else if args.first().is_some_and(|(key, _)| key == "json") {
        client
            .post(server.url(path))
            .header(header::ACCEPT, "application/json")
            .json(&json_body(args))
    } else if args.first().is_some_and(|(key, _)| key == "multipart") {
        client
            .post(server.url(path))
            .header(header::ACCEPT, "application/json")
            .multipart(multipart_form(args))
    } else {
        client
            .post(server.url(path))
            .header(header::ACCEPT, "application/json")
            .form(args)
    };
    let res = request.send().await.expect("request");
    let status = res.status();
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .map(str::to_owned);
    let body: String = res
        .text()
        .await
        .unwrap_or_default()
        .chars()
        .take(120)
        .collect();
    (
        outcome(status, location.as_deref()),
        format!("{status} {body}"),
    )
}

async fn every_route_answers_each_identity_as_its_row_says(db: TestDb) {
    let server = Server::start(&db).await;

    // Every listed route has a row, and every row a listed route.
    let listed = listed_routes();
    assert!(
        listed.len() > 40,
        "the registry lists every server function"
    );
    let in_matrix: Vec<&str> = MATRIX.iter().map(|(route, _, _)| *route).collect();
    let without_row: Vec<&String> = listed
        .iter()
        .filter(|r| !in_matrix.contains(&r.as_str()))
        .collect();
    assert!(
        without_row.is_empty(),
        "routes without a row in MATRIX: {without_row:?}"
    );
    let unknown: Vec<&&str> = in_matrix
        .iter()
        .filter(|r| !listed.iter().any(|l| l == *r))
        .collect();
    assert!(
        unknown.is_empty(),
        "rows for routes bina does not have: {unknown:?}"
    );

    let mut who = HashMap::new();
    who.insert("anonymous", browser());
    for identity in &IDENTITIES[1..] {
        who.insert(*identity, logged_in(&server, &db.nip(identity)).await);
    }
    let fixture = Fixture::make(&server, &db, &who).await;

    let mut wrong = Vec::new();
    for (route, template, expected) in MATRIX {
        let expected: Vec<char> = expected
            .split(' ')
            .map(|c| c.chars().next().unwrap())
            .collect();
        assert_eq!(expected.len(), IDENTITIES.len(), "{route} {template}");
        let args = fixture.fill(template);
        // Refused callers first, then the allowed ones.
        let mut order: Vec<usize> = (0..IDENTITIES.len()).collect();
        order.sort_by_key(|&i| expected[i] == 'A');
        for i in order {
            let identity = IDENTITIES[i];
            let own_client;
            let client = if CHANGE_WHO_CALLS.contains(route) {
                own_client = if identity == "anonymous" {
                    browser()
                } else {
                    logged_in(&server, &db.nip(identity)).await
                };
                &own_client
            } else {
                &who[identity]
            };
            let (got, detail) = send(client, &server, route, &args).await;
            if got != expected[i] {
                wrong.push(format!(
                    "{route} {template} as {identity}: expected {}, got {got} ({detail})",
                    expected[i]
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cells differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    server.stop();
    db.remove().await;
}
