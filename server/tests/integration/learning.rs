//! Online learning over HTTP: an online course is enrolled, read and marked done (each
//! event counted once); only its learners, facilitators and the admin read it; a classroom
//! course gives its seats in order and its waitlist moves up; a facilitator's draft reaches
//! learners only when published, and every revision is kept.

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{Server, TestDb, call, logged_in};
use crate::mentoring::{count, database};

on_both_engines!(
    an_online_course_is_enrolled_read_and_each_module_counted_done_once,
    only_learners_facilitators_and_the_admin_read_a_course,
    a_classroom_course_gives_its_seats_in_order_and_the_waitlist_moves_up,
    a_draft_reaches_learners_only_when_published_and_every_revision_is_kept,
);

/// The program id of a demo course, by title.
pub(crate) async fn course_id(db: &TestDb, title: &str) -> String {
    count(
        &database(db).await,
        &format!(
            "SELECT k.program_id FROM course k JOIN program p ON p.id = k.program_id \
             WHERE p.title = '{title}'"
        ),
    )
    .await
    .to_string()
}

/// The ids of a course's modules, in order.
pub(crate) async fn module_ids(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
) -> Vec<String> {
    let reply = call(
        client,
        server,
        "belajar-program",
        &[("program_id", program)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap().to_string())
        .collect()
}

/// A course's page as this client gets it.
async fn course_page(client: &reqwest::Client, server: &Server, program: &str) -> Value {
    call(
        client,
        server,
        "belajar-program",
        &[("program_id", program)],
    )
    .await
    .body
}

pub(crate) async fn enrol(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
) -> crate::common::Reply {
    call(client, server, "belajar-daftar", &[("program_id", program)]).await
}

/// The pengelola's decision on an application: `terima` or `tolak`.
async fn decide(
    client: &reqwest::Client,
    server: &Server,
    enrolment: &str,
    decision: &str,
) -> crate::common::Reply {
    call(
        client,
        server,
        "belajar-putus",
        &[("enrolment_id", enrolment), ("keputusan", decision)],
    )
    .await
}

/// Form arguments built with owned values, as `call` takes them.
pub(crate) fn pairs<'a>(args: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    args.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn statuses(page: &Value, list: &str) -> Vec<(String, Value)> {
    page[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["title"].as_str().unwrap().to_owned(), c["status"].clone()))
        .collect()
}

async fn an_online_course_is_enrolled_read_and_each_module_counted_done_once(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let course = course_id(&db, "Pelayanan Publik Prima").await;
    let store = database(&db).await;

    // Open to her, not hers yet, and not readable before she enrols.
    let page = call(&pegawai, &server, "belajar", &[]).await.body;
    assert!(
        statuses(&page, "open")
            .iter()
            .any(|(t, _)| t == "Pelayanan Publik Prima"),
        "{page}"
    );
    assert!(page["mine"].as_array().unwrap().is_empty(), "{page}");
    let modules = module_ids(&pegawai, &server, &course).await;
    assert_eq!(modules.len(), 3);
    let before = call(
        &pegawai,
        &server,
        "belajar-modul",
        &[("program_id", &course), ("module_id", &modules[0])],
    )
    .await;
    assert_eq!(before.status, StatusCode::FORBIDDEN, "{}", before.body);

    // Enrolling twice with the same key enrols once; again without a key is a conflict.
    for _ in 0..2 {
        let reply = call(
            &pegawai,
            &server,
            "belajar-daftar",
            &[("program_id", &course), ("kunci", "daftar-sekali")],
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    let again = enrol(&pegawai, &server, &course).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let enrolments = format!(
        "SELECT COUNT(*) FROM enrolment WHERE program_id = {course} AND employee_id = \
         (SELECT id FROM employee WHERE nip = '{}')",
        db.nip("pegawai")
    );
    assert_eq!(count(&store, &enrolments).await, 1);
    let view = course_page(&pegawai, &server, &course).await;
    assert_eq!(view["status"], "Active");
    assert_eq!(view["resume"].as_i64().unwrap().to_string(), modules[0]);

    // Reading: the module's sanitised HTML, the next module, and "opened" in her progress.
    let read = call(
        &pegawai,
        &server,
        "belajar-modul",
        &[("program_id", &course), ("module_id", &modules[0])],
    )
    .await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.body);
    let html = read.body["html"].as_str().unwrap();
    assert!(
        html.contains("<h2>Mengapa standar pelayanan?</h2>"),
        "{html}"
    );
    assert_eq!(read.body["next"].as_i64().unwrap().to_string(), modules[1]);
    assert_eq!(read.body["learner"], true);

    // Marking done, delivered twice with one event id, counts once.
    for _ in 0..2 {
        let done = call(
            &pegawai,
            &server,
            "belajar-selesai",
            &[
                ("program_id", &course),
                ("module_id", &modules[0]),
                ("kunci", "peristiwa-1"),
            ],
        )
        .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    }
    let events = format!(
        "SELECT COUNT(*) FROM learning_event WHERE module_id = {}",
        modules[0]
    );
    assert_eq!(count(&store, &events).await, 1);
    // An event id that is not a plain token is refused.
    let bad = call(
        &pegawai,
        &server,
        "belajar-selesai",
        &[
            ("program_id", &course),
            ("module_id", &modules[1]),
            ("kunci", "<bukan kunci>"),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);

    let page = call(&pegawai, &server, "belajar", &[]).await.body;
    let mine = &page["mine"][0];
    assert_eq!(mine["title"], "Pelayanan Publik Prima");
    assert_eq!(
        (mine["done"].as_i64(), mine["required"].as_i64()),
        (Some(1), Some(3))
    );
    let view = course_page(&pegawai, &server, &course).await;
    assert_eq!(view["resume"].as_i64().unwrap().to_string(), modules[1]);

    // Withdrawing ends it: the modules close again.
    let out = call(
        &pegawai,
        &server,
        "belajar-mundur",
        &[("program_id", &course)],
    )
    .await;
    assert_eq!(out.status, StatusCode::OK, "{}", out.body);
    let closed = call(
        &pegawai,
        &server,
        "belajar-modul",
        &[("program_id", &course), ("module_id", &modules[1])],
    )
    .await;
    assert_eq!(closed.status, StatusCode::FORBIDDEN);
    server.stop();
    db.remove().await;
}

async fn only_learners_facilitators_and_the_admin_read_a_course(db: TestDb) {
    let server = Server::start(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let pelayanan = course_id(&db, "Pelayanan Publik Prima").await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let modules = module_ids(&admin, &server, &literasi).await;
    let module = [
        ("program_id", literasi.as_str()),
        ("module_id", &modules[0]),
    ];
    for (role, expected, learner) in [
        ("pegawai", StatusCode::FORBIDDEN, false),
        ("atasan", StatusCode::FORBIDDEN, false),
        ("pengelola_opd", StatusCode::FORBIDDEN, false),
        // The demo mentor facilitates this course; the admin reads every course.
        ("mentor", StatusCode::OK, false),
        ("admin", StatusCode::OK, false),
    ] {
        let client = logged_in(&server, &db.nip(role)).await;
        let reply = call(&client, &server, "belajar-modul", &module).await;
        assert_eq!(reply.status, expected, "{role}: {}", reply.body);
        if expected == StatusCode::OK {
            assert_eq!(reply.body["learner"], learner, "{role}");
        }
        // Only the facilitator and the admin see the participants.
        let manage = call(
            &client,
            &server,
            "belajar-kelola",
            &[("program_id", &literasi)],
        )
        .await;
        let may_manage = matches!(role, "mentor" | "admin");
        assert_eq!(
            manage.status.is_success(),
            may_manage,
            "{role}: {}",
            manage.body
        );
        if may_manage {
            assert!(!manage.body["participants"].as_array().unwrap().is_empty());
        }
    }
    // The facilitator of one course edits that one only.
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let other = call(
        &mentor,
        &server,
        "belajar-kelola",
        &[("program_id", &pelayanan)],
    )
    .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    // A course that does not exist is not found, for everyone.
    let none = call(
        &admin,
        &server,
        "belajar-program",
        &[("program_id", "999999")],
    )
    .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    server.stop();
    db.remove().await;
}

async fn a_classroom_course_gives_its_seats_in_order_and_the_waitlist_moves_up(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let kelas = course_id(&db, "Pelatihan Penyusunan Laporan Kinerja").await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let status_of = |who: &'static str| {
        format!(
            "SELECT CASE status WHEN 'applied' THEN 1 WHEN 'waiting' THEN 2 WHEN 'active' THEN 3 \
             WHEN 'refused' THEN 4 ELSE 5 END FROM enrolment WHERE program_id = {kelas} AND \
             employee_id = (SELECT id FROM employee WHERE nip = '{}')",
            db.nip(who)
        )
    };
    let seated =
        format!("SELECT COUNT(*) FROM enrolment WHERE program_id = {kelas} AND status = 'active'");
    // The demo: three seats taken, two waiting, two applications open.
    assert_eq!(count(&store, &seated).await, 3);

    // She applies; the pengelola of her OPD sees it and confirms: every seat is taken, so
    // she waits, third in line.
    let applied = enrol(&pegawai, &server, &kelas).await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    assert_eq!(count(&store, &status_of("pegawai")).await, 1);
    let list = call(&pengelola, &server, "belajar-pendaftar", &[])
        .await
        .body;
    let mine = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["nip"] == db.nip("pegawai").as_str())
        .expect("her application is listed")["enrolment_id"]
        .as_i64()
        .unwrap()
        .to_string();
    let decided = decide(&pengelola, &server, &mine, "terima").await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.body);
    assert_eq!(count(&store, &status_of("pegawai")).await, 2);
    let view = course_page(&pegawai, &server, &kelas).await;
    assert_eq!(view["waitlist_position"], 3, "{view}");
    // A decision is made once.
    let twice = decide(&pengelola, &server, &mine, "tolak").await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    // Seats cannot be lowered below those taken.
    let settings = |seats: &'static str| {
        [
            ("program_id", kelas.clone()),
            ("settings[seats]", seats.to_owned()),
            ("settings[opd]", String::new()),
            ("settings[jenis]", String::new()),
            ("settings[open]", "ya".to_owned()),
        ]
    };
    let args = settings("2");
    let args = pairs(&args);
    let lowered = call(&admin, &server, "belajar-pengaturan", &args).await;
    assert_eq!(lowered.status, StatusCode::CONFLICT, "{}", lowered.body);
    assert_eq!(count(&store, &seated).await, 3);

    // Two more seats: the two who waited longest move up; she stays, now first in line.
    let args = settings("5");
    let args = pairs(&args);
    let more = call(&admin, &server, "belajar-pengaturan", &args).await;
    assert_eq!(more.status, StatusCode::OK, "{}", more.body);
    assert_eq!(count(&store, &seated).await, 5);
    assert_eq!(count(&store, &status_of("pegawai")).await, 2);
    let view = course_page(&pegawai, &server, &kelas).await;
    assert_eq!(view["waitlist_position"], 1, "{view}");

    // The two open applications confirmed at once, with one seat made free: one seat each
    // time, never six in five seats.
    let args = settings("6");
    let args = pairs(&args);
    call(&admin, &server, "belajar-pengaturan", &args).await;
    assert_eq!(count(&store, &seated).await, 6, "she took the new seat");
    assert_eq!(count(&store, &status_of("pegawai")).await, 3);
    let open: Vec<String> = call(&pengelola, &server, "belajar-pendaftar", &[])
        .await
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["program_title"] == "Pelatihan Penyusunan Laporan Kinerja")
        .map(|a| a["enrolment_id"].as_i64().unwrap().to_string())
        .collect();
    assert_eq!(open.len(), 2);
    let args = settings("7");
    let args = pairs(&args);
    call(&admin, &server, "belajar-pengaturan", &args).await;
    let (a, b) = tokio::join!(
        decide(&pengelola, &server, &open[0], "terima"),
        decide(&pengelola, &server, &open[1], "terima"),
    );
    assert_eq!((a.status, b.status), (StatusCode::OK, StatusCode::OK));
    assert_eq!(count(&store, &seated).await, 7);
    let waiting =
        format!("SELECT COUNT(*) FROM enrolment WHERE program_id = {kelas} AND status = 'waiting'");
    assert_eq!(count(&store, &waiting).await, 1);

    // A refused application may be made again.
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    enrol(&atasan, &server, &kelas).await;
    let theirs = count(
        &store,
        &format!(
            "SELECT id FROM enrolment WHERE program_id = {kelas} AND employee_id = \
             (SELECT id FROM employee WHERE nip = '{}')",
            db.nip("atasan")
        ),
    )
    .await
    .to_string();
    let refused = decide(&pengelola, &server, &theirs, "tolak").await;
    assert_eq!(refused.status, StatusCode::OK, "{}", refused.body);
    assert_eq!(count(&store, &status_of("atasan")).await, 4);
    let again = enrol(&atasan, &server, &kelas).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(count(&store, &status_of("atasan")).await, 1);
    server.stop();
    db.remove().await;
}

async fn a_draft_reaches_learners_only_when_published_and_every_revision_is_kept(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let enrolled = enrol(&pegawai, &server, &literasi).await;
    assert_eq!(enrolled.status, StatusCode::OK, "{}", enrolled.body);
    let modules = module_ids(&pegawai, &server, &literasi).await;
    let module = [
        ("program_id", literasi.as_str()),
        ("module_id", &modules[0]),
    ];
    let save = |title: &'static str, body: &'static str| {
        [
            ("program_id", literasi.clone()),
            ("module_id", modules[0].clone()),
            ("module[title]", title.to_owned()),
            ("module[minutes]", "12".to_owned()),
            ("module[body]", body.to_owned()),
            ("module[required]", "ya".to_owned()),
        ]
    };

    // A bad draft is refused and changes nothing.
    let bad = save("", "Teks");
    let bad = pairs(&bad);
    let refused = call(&mentor, &server, "belajar-modul-simpan", &bad).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let revisions = format!(
        "SELECT COUNT(*) FROM module_revision WHERE module_id = {}",
        modules[0]
    );
    assert_eq!(count(&store, &revisions).await, 1);

    // A draft, previewed sanitised; learners still read revision 1.
    let draft = save(
        "Menjaga akun dan kata sandi",
        "# Revisi\n\nGunakan pengelola kata sandi. <script>alert(1)</script>",
    );
    let draft = pairs(&draft);
    let saved = call(&mentor, &server, "belajar-modul-simpan", &draft).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let editor = call(&mentor, &server, "belajar-penyunting", &module)
        .await
        .body;
    let preview = editor["preview_html"].as_str().unwrap();
    assert!(
        preview.contains("<h2>Revisi</h2>") && !preview.contains("<script"),
        "{preview}"
    );
    let read = call(&pegawai, &server, "belajar-modul", &module).await.body;
    assert_eq!(read["revision"], 1);
    assert!(!read["html"].as_str().unwrap().contains("Revisi"));
    // The learner cannot edit.
    let theirs = call(&pegawai, &server, "belajar-modul-simpan", &draft).await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN);

    // Publishing needs a change note; then learners read revision 2, and 1 is kept.
    let publish = |note: &'static str| {
        [
            ("program_id", literasi.clone()),
            ("module_id", modules[0].clone()),
            ("catatan", note.to_owned()),
        ]
    };
    let no_note = publish("");
    let no_note = pairs(&no_note);
    let refused = call(&mentor, &server, "belajar-modul-terbit", &no_note).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let note = publish("Menambah saran pengelola kata sandi");
    let note = pairs(&note);
    let published = call(&mentor, &server, "belajar-modul-terbit", &note).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let read = call(&pegawai, &server, "belajar-modul", &module).await.body;
    assert_eq!(read["revision"], 2);
    assert!(read["html"].as_str().unwrap().contains("<h2>Revisi</h2>"));
    assert_eq!(count(&store, &revisions).await, 2);
    // Nothing left to publish.
    let again = call(&mentor, &server, "belajar-modul-terbit", &note).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let history = call(&mentor, &server, "belajar-penyunting", &module)
        .await
        .body;
    assert_eq!(
        history["revisions"][0]["change_note"],
        "Menambah saran pengelola kata sandi"
    );
    assert_eq!(history["revisions"].as_array().unwrap().len(), 2);
    server.stop();
    db.remove().await;
}
