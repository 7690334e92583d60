//! SCORM 1.2 packages over HTTP: a package is checked whole and a refused one leaves nothing
//! stored; its files are served under a path of their own to the course's readers only, and
//! framed by Bina's own pages only; a module shows a package of its own course only; the
//! runtime's reports become the module's progress, each session's time counted once, and a
//! passed report completes the course once.

use bina_app::learning::scorm::{
    package::{SAMPLE_FILES, sample, zip_files},
    rules::MANIFEST,
};
use reqwest::{StatusCode, header, multipart::Form};
use serde_json::{Value, json};

use crate::common::{Reply, Server, TestDb, call, call_multipart, logged_in};
use crate::course_completion::done;
use crate::learning::{course_id, enrol, module_ids};
use crate::mentoring::{count, database, employee_id};

on_both_engines!(
    a_package_is_checked_whole_and_a_refused_one_leaves_nothing,
    a_packages_files_are_served_to_the_courses_readers_only,
    a_package_reports_the_module_done_and_completes_the_course_once,
);

/// The demo course whose last module shows Bina's sample package.
const SCORM_COURSE: &str = "Etika Pelayanan: Latihan Interaktif";

pub(crate) async fn upload(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
    module: &str,
    zip: Vec<u8>,
) -> Reply {
    let form = Form::new()
        .text("program_id", program.to_owned())
        .text("module_id", module.to_owned())
        .part(
            "paket",
            reqwest::multipart::Part::bytes(zip).file_name("paket.zip"),
        );
    call_multipart(client, server, "belajar-scorm", form).await
}

async fn packages(client: &reqwest::Client, server: &Server, program: &str) -> Vec<Value> {
    let reply = call(
        client,
        server,
        "belajar-scorm-daftar",
        &[("program_id", program)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body.as_array().unwrap().clone()
}

/// The sample uploaded to `program` by its facilitator and shown by a new published module;
/// returns the package's and the module's ids.
pub(crate) async fn packaged_module(
    facilitator: &reqwest::Client,
    server: &Server,
    program: &str,
) -> (String, String) {
    let reply = upload(facilitator, server, program, "0", sample()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let package = packages(facilitator, server, program).await[0]["id"].to_string();
    let reply = call(
        facilitator,
        server,
        "belajar-modul-simpan",
        &[
            ("program_id", program),
            ("module_id", "0"),
            ("module[title]", "Latihan interaktif"),
            ("module[minutes]", "10"),
            ("module[body]", "Kerjakan latihan di bawah."),
            ("module[required]", "ya"),
            ("module[package]", &package),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let module = module_ids(facilitator, server, program)
        .await
        .last()
        .unwrap()
        .clone();
    let reply = call(
        facilitator,
        server,
        "belajar-modul-terbit",
        &[
            ("program_id", program),
            ("module_id", &module),
            ("catatan", "Latihan interaktif ditambahkan"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    (package, module)
}

/// A runtime's report, as `player.js` sends it.
pub(crate) async fn report(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
    module: &str,
    session: &str,
    status: &str,
    time: &str,
) -> Reply {
    let res = client
        .post(server.url("/api/belajar-scorm-lapor"))
        .header(header::ACCEPT, "application/json")
        .json(&json!({
            "program_id": program.parse::<i64>().unwrap(),
            "module_id": module.parse::<i64>().unwrap(),
            "sesi": session,
            "laporan": {
                "status": status,
                "score": if status == "passed" { "100" } else { "50" },
                "session_time": time,
                "location": "soal-2",
                "suspend_data": "q1=b",
            },
        }))
        .send()
        .await
        .unwrap();
    let status = res.status();
    let text = res.text().await.unwrap_or_default();
    Reply {
        status,
        body: serde_json::from_str(&text).unwrap_or(Value::String(text)),
    }
}

async fn a_package_is_checked_whole_and_a_refused_one_leaves_nothing(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let module = module_ids(&mentor, &server, &literasi).await[0].clone();
    let stored = "SELECT (SELECT COUNT(*) FROM scorm_package) + (SELECT COUNT(*) FROM scorm_file)";
    let before = count(&store, stored).await;

    let manifest = SAMPLE_FILES[0].1;
    let with = |extra: &[(&str, &[u8])]| {
        let mut files: Vec<(&str, &[u8])> = SAMPLE_FILES.to_vec();
        files.extend_from_slice(extra);
        zip_files(&files)
    };
    let scorm_2004 = String::from_utf8_lossy(manifest).replace(
        "<schemaversion>1.2</schemaversion>",
        "<schemaversion>2004 4th Edition</schemaversion>",
    );
    for (name, zip, code) in [
        ("not a zip", b"PK\x03\x04 not really".to_vec(), "NotZip"),
        (
            "zip slip",
            with(&[("../../../tmp/bina-x", b"x")]),
            "UnsafePath",
        ),
        ("absolute", with(&[("/etc/bina-x", b"x")]), "UnsafePath"),
        ("no manifest", zip_files(&SAMPLE_FILES[1..]), "NoManifest"),
        (
            "SCORM 2004",
            zip_files(&[(MANIFEST, scorm_2004.as_bytes()), SAMPLE_FILES[1]]),
            "Scorm2004",
        ),
        (
            "no launch page",
            zip_files(&[(MANIFEST, manifest), SAMPLE_FILES[2]]),
            "NoLaunch",
        ),
    ] {
        let reply = upload(&mentor, &server, &literasi, &module, zip).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}: {}",
            reply.body
        );
        assert_eq!(reply.body, json!({ "Scorm": code }), "{name}");
    }
    // A learner of the course may not upload one.
    let reply = upload(&pegawai, &server, &literasi, &module, sample()).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    assert_eq!(count(&store, stored).await, before, "nothing stored");

    // The sample is taken whole and listed with its title and files.
    let reply = upload(&mentor, &server, &literasi, &module, sample()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let list = packages(&mentor, &server, &literasi).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["title"], "Latihan Interaktif Pelayanan Prima");
    assert_eq!(list[0]["files"], SAMPLE_FILES.len());
    assert_eq!(
        count(&store, stored).await,
        before + 1 + SAMPLE_FILES.len() as i64
    );

    // A module shows a package of its own course only.
    let other = packages(&mentor, &server, &literasi).await[0]["id"].clone();
    let foreign = count(
        &store,
        &format!("SELECT MIN(id) FROM scorm_package WHERE id <> {other}"),
    )
    .await;
    let reply = call(
        &mentor,
        &server,
        "belajar-modul-simpan",
        &[
            ("program_id", &literasi),
            ("module_id", &module),
            ("module[title]", "Dengan paket lain"),
            ("module[minutes]", "10"),
            ("module[body]", "Teks"),
            ("module[package]", &foreign.to_string()),
        ],
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert_eq!(reply.body, json!({ "Scorm": "UnknownPackage" }));
}

async fn a_packages_files_are_served_to_the_courses_readers_only(db: TestDb) {
    let server = Server::start(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    let (package, module) = packaged_module(&mentor, &server, &literasi).await;
    let base = format!("/belajar/{literasi}/scorm/{package}");

    // Not enrolled: the atasan may not; enrolled, the pegawai may.
    let res = atasan
        .get(server.url(&format!("{base}/index.html")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let reply = enrol(&pegawai, &server, &literasi).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let res = pegawai
        .get(server.url(&format!("{base}/index.html")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let headers = res.headers().clone();
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(headers[header::X_FRAME_OPTIONS], "SAMEORIGIN");
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.contains("frame-ancestors 'self'"), "{policy}");
    assert!(res.text().await.unwrap().contains("Kirim jawaban"));
    let res = pegawai
        .get(server.url(&format!("{base}/sco.js")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    // Bina's own pages are still never framed.
    let res = pegawai
        .get(server.url(&format!("/belajar/{literasi}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[header::X_FRAME_OPTIONS], "DENY");

    // Nothing outside the package, nor a package under another course's path.
    for path in [
        format!("{base}/%2e%2e/%2e%2e/Cargo.toml"),
        format!("{base}/..%2fimsmanifest.xml"),
        format!("{base}/tidak-ada.html"),
        format!(
            "/belajar/{}/scorm/{package}/index.html",
            literasi.parse::<i64>().unwrap() + 1
        ),
    ] {
        let res = pegawai.get(server.url(&path)).send().await.unwrap();
        assert!(
            matches!(res.status(), StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{path}: {}",
            res.status()
        );
    }

    // The module page's launch data names the package's page.
    let reply = call(
        &pegawai,
        &server,
        "belajar-scorm-buka",
        &[("program_id", &literasi), ("module_id", &module)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["launch_url"], format!("{base}/index.html"));
    assert_eq!(reply.body["status"], "not attempted");
    assert_eq!(reply.body["learner"], true);
}

async fn a_package_reports_the_module_done_and_completes_the_course_once(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let course = course_id(&db, SCORM_COURSE).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    let me = employee_id(&pegawai, &server).await;
    let reply = enrol(&pegawai, &server, &course).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let modules = module_ids(&pegawai, &server, &course).await;
    let (intro, packaged) = (&modules[0], &modules[1]);

    // The reading is marked done by hand; the package's module only by its package.
    let reply = done(&pegawai, &server, &course, intro).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = done(&pegawai, &server, &course, packaged).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    assert_eq!(reply.body, json!({ "Scorm": "ReportedByPackage" }));
    // A report for a module without a package, or from someone not enrolled, is refused.
    let reply = report(
        &pegawai, &server, &course, intro, "sesi-a", "passed", "00:01:00",
    )
    .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.body);
    let reply = report(
        &atasan, &server, &course, packaged, "sesi-x", "passed", "00:01:00",
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    let reply = report(
        &pegawai, &server, &course, packaged, "sesi-a", "selesai", "00:01:00",
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);

    let seconds = format!(
        "SELECT seconds FROM module_progress WHERE employee_id = {me} AND module_id = {packaged}"
    );
    let completed = format!(
        "SELECT COUNT(*) FROM enrolment WHERE program_id = {course} AND employee_id = {me} \
         AND status = 'completed'"
    );
    // Not passed yet: progress and time, no completion. The same report again counts once.
    for _ in 0..2 {
        let reply = report(
            &pegawai, &server, &course, packaged, "sesi-a", "failed", "00:01:00",
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.body, json!({ "result": true, "errorCode": 0 }));
    }
    assert_eq!(count(&store, &seconds).await, 60);
    assert_eq!(count(&store, &completed).await, 0);
    let launch = call(
        &pegawai,
        &server,
        "belajar-scorm-buka",
        &[("program_id", &course), ("module_id", packaged)],
    )
    .await
    .body;
    assert_eq!(
        (
            &launch["status"],
            &launch["location"],
            &launch["suspend_data"]
        ),
        (&json!("failed"), &json!("soal-2"), &json!("q1=b")),
        "what the package resumes from"
    );

    // Passed, reported twice at once (the autocommit and the page closing): one completion,
    // one JP entry, one certificate; the session's time is its largest report.
    let (a, b) = tokio::join!(
        report(
            &pegawai, &server, &course, packaged, "sesi-a", "passed", "00:03:00"
        ),
        report(
            &pegawai, &server, &course, packaged, "sesi-a", "passed", "00:03:00"
        ),
    );
    assert_eq!(
        (a.status, b.status),
        (StatusCode::OK, StatusCode::OK),
        "{} {}",
        a.body,
        b.body
    );
    assert_eq!(count(&store, &completed).await, 1);
    assert_eq!(count(&store, &seconds).await, 180);
    let certificates = format!(
        "SELECT COUNT(*) FROM certificate WHERE program_id = {course} AND employee_id = {me}"
    );
    assert_eq!(count(&store, &certificates).await, 1);
    let entries = format!(
        "SELECT COUNT(*) FROM enrolment e JOIN jp_entry j ON j.id = e.jp_entry_id \
         WHERE e.program_id = {course} AND e.employee_id = {me}"
    );
    assert_eq!(count(&store, &entries).await, 1);

    // An older report arriving late (out of order) neither undoes "passed" nor the time.
    let reply = report(
        &pegawai,
        &server,
        &course,
        packaged,
        "sesi-a",
        "incomplete",
        "00:02:00",
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(count(&store, &seconds).await, 180);
    let status = format!(
        "SELECT COUNT(*) FROM scorm_state WHERE employee_id = {me} AND module_id = {packaged} \
         AND lesson_status = 'passed'"
    );
    assert_eq!(count(&store, &status).await, 1);
    // A new session adds its own time.
    let reply = report(
        &pegawai, &server, &course, packaged, "sesi-b", "passed", "00:00:30",
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(count(&store, &seconds).await, 210);
    assert_eq!(count(&store, &completed).await, 1);
    assert_eq!(count(&store, &certificates).await, 1);
}
