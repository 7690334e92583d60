//! Completing an online course over HTTP: the last required module done (and the post-test
//! passed, when the course has one) completes the enrolment once and enters the course's JP
//! in the ledger once, confirmed by its facilitator, and issues one certificate, also when
//! the last two steps race; a classroom course completes by the attendance recorded for it.

use reqwest::StatusCode;

use crate::common::{Reply, Server, TestDb, call, logged_in};
use crate::learning::{course_id, enrol, module_ids};
use crate::mentoring::{count, database, employee_id};
use crate::quiz::{imported, set_test};

on_both_engines!(
    an_online_course_completes_once_and_its_jp_enter_the_ledger_once,
    a_course_with_a_post_test_completes_when_it_is_passed,
    a_classroom_course_completes_by_the_attendance_recorded_for_it,
);

/// Marks a module done as its learner (a fresh event id each time).
pub(crate) async fn done(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
    module: &str,
) -> Reply {
    let key = format!("selesai-{module}-{}", fastrand::u64(..));
    call(
        client,
        server,
        "belajar-selesai",
        &[
            ("program_id", program),
            ("module_id", module),
            ("kunci", &key),
        ],
    )
    .await
}

/// The pegawai's enrolment status and the ledger entries a course gave her.
async fn outcome(db: &bina_app::db::Db, program: &str, employee: i64) -> (String, i64) {
    use sqlx::Row;
    let status: String = sqlx::query(&format!(
        "SELECT status FROM enrolment WHERE program_id = {program} AND employee_id = {employee}"
    ))
    .fetch_one(&db.pool)
    .await
    .unwrap()
    .get("status");
    let entries = count(
        db,
        &format!(
            "SELECT COUNT(*) FROM jp_entry j JOIN program p ON p.title = j.title \
             WHERE p.id = {program} AND j.employee_id = {employee}"
        ),
    )
    .await;
    (status, entries)
}

async fn an_online_course_completes_once_and_its_jp_enter_the_ledger_once(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let course = course_id(&db, "Pelayanan Publik Prima").await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let me = employee_id(&pegawai, &server).await;
    let reply = enrol(&pegawai, &server, &course).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let modules = module_ids(&pegawai, &server, &course).await;
    assert_eq!(modules.len(), 3);

    let reply = done(&pegawai, &server, &course, &modules[0]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(outcome(&store, &course, me).await, ("active".to_owned(), 0));

    // The last two at once: one of them completes the course, and only once.
    let (a, b) = tokio::join!(
        done(&pegawai, &server, &course, &modules[1]),
        done(&pegawai, &server, &course, &modules[2]),
    );
    assert_eq!((a.status, b.status), (StatusCode::OK, StatusCode::OK));
    assert_eq!(
        outcome(&store, &course, me).await,
        ("completed".to_owned(), 1)
    );
    let certificates = format!(
        "SELECT COUNT(*) FROM certificate WHERE program_id = {course} AND employee_id = {me}"
    );
    assert_eq!(count(&store, &certificates).await, 1, "one certificate");
    let entry = |column: &str| {
        format!(
            "SELECT {column} FROM jp_entry WHERE employee_id = {me} AND id = \
             (SELECT jp_entry_id FROM enrolment WHERE program_id = {course} AND employee_id = {me})"
        )
    };
    // The course's own 12 JP, confirmed by its facilitator.
    assert_eq!(count(&store, &entry("jp")).await, 12);
    assert_eq!(
        count(&store, &entry("verified_by")).await,
        count(
            &store,
            &format!("SELECT MIN(employee_id) FROM course_facilitator WHERE program_id = {course}")
        )
        .await
    );
    assert_eq!(
        count(
            &store,
            &entry("CASE WHEN status = 'verified' AND path = 'e_learning' THEN 1 ELSE 0 END")
        )
        .await,
        1
    );

    // Done again later: nothing more enters.
    let reply = done(&pegawai, &server, &course, &modules[0]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        outcome(&store, &course, me).await,
        ("completed".to_owned(), 1)
    );
    assert_eq!(count(&store, &certificates).await, 1);
    let page = call(
        &pegawai,
        &server,
        "belajar-program",
        &[("program_id", &course)],
    )
    .await;
    assert_eq!(page.body["status"], "Completed");
}

async fn a_course_with_a_post_test_completes_when_it_is_passed(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let me = employee_id(&pegawai, &server).await;
    imported(
        &mentor,
        &server,
        &store,
        &literasi,
        "Palu ibu kota Sulawesi Tengah. {T}",
    )
    .await;
    let reply = set_test(&mentor, &server, &literasi, "pasca", "100", "3").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    enrol(&pegawai, &server, &literasi).await;
    for module in module_ids(&pegawai, &server, &literasi).await {
        let reply = done(&pegawai, &server, &literasi, &module).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    // Every module done, the post-test not passed yet.
    assert_eq!(
        outcome(&store, &literasi, me).await,
        ("active".to_owned(), 0)
    );

    let quiz = count(&store, "SELECT MAX(id) FROM quiz").await.to_string();
    let question = count(&store, "SELECT MAX(id) FROM question").await;
    for (answer, state) in [("salah", ("active", 0)), ("benar", ("completed", 1))] {
        let reply = call(
            &pegawai,
            &server,
            "belajar-tes-mulai",
            &[("program_id", &literasi), ("quiz_id", &quiz)],
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let attempt = count(&store, "SELECT MAX(id) FROM quiz_attempt")
            .await
            .to_string();
        let key = format!("jawaban[q{question}]");
        let reply = call(
            &pegawai,
            &server,
            "belajar-tes-kirim",
            &[
                ("program_id", &literasi),
                ("attempt_id", &attempt),
                (&key, answer),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(
            outcome(&store, &literasi, me).await,
            (state.0.to_owned(), state.1)
        );
    }
}

async fn a_classroom_course_completes_by_the_attendance_recorded_for_it(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let kelas = course_id(&db, "Pelatihan Penyusunan Laporan Kinerja").await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let page = call(&admin, &server, "belajar-kelola", &[("program_id", &kelas)])
        .await
        .body;
    let days = page["course_days"].as_u64().unwrap();
    let needed = (days * 80).div_ceil(100).max(1);
    let seated = page["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["status"] == "Active")
        .expect("the demo gives three seats")
        .clone();
    let enrolment = seated["enrolment_id"].as_i64().unwrap().to_string();
    let learner = count(
        &store,
        &format!("SELECT employee_id FROM enrolment WHERE id = {enrolment}"),
    )
    .await;
    let record = |client: reqwest::Client, enrolment: String, hari: String| {
        let (server, kelas) = (&server, kelas.clone());
        async move {
            call(
                &client,
                server,
                "belajar-hadir",
                &[
                    ("program_id", &kelas),
                    ("enrolment_id", &enrolment),
                    ("hari", &hari),
                ],
            )
            .await
        }
    };
    let recorded = || count(&store, "SELECT COUNT(*) FROM attendance");
    let (status, entries) = (
        format!(
            "SELECT CASE status WHEN 'completed' THEN 1 ELSE 0 END FROM enrolment WHERE id = {enrolment}"
        ),
        format!(
            "SELECT COUNT(*) FROM jp_entry WHERE employee_id = {learner} \
             AND title = 'Pelatihan Penyusunan Laporan Kinerja'"
        ),
    );

    // Only its facilitators and the admin record; days beyond the course are refused.
    let reply = record(pegawai.clone(), enrolment.clone(), "1".into()).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = record(admin.clone(), enrolment.clone(), (days + 1).to_string()).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply.body,
        serde_json::json!({"Learning": "AttendanceInvalid"})
    );
    assert_eq!(recorded().await, 0);

    // Too few days: recorded, not complete.
    if needed > 1 {
        let reply = record(admin.clone(), enrolment.clone(), (needed - 1).to_string()).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(
            (count(&store, &status).await, count(&store, &entries).await),
            (0, 0)
        );
    }
    // Enough: complete once, with the course's 16 JP confirmed and one certificate.
    for _ in 0..2 {
        let reply = record(admin.clone(), enrolment.clone(), needed.to_string()).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(
            (count(&store, &status).await, count(&store, &entries).await),
            (1, 1)
        );
    }
    let entry = format!(
        "SELECT jp FROM jp_entry WHERE employee_id = {learner} \
         AND title = 'Pelatihan Penyusunan Laporan Kinerja' AND status = 'verified' \
         AND unit = 'days' AND amount = {needed}"
    );
    assert_eq!(count(&store, &entry).await, 16);
    assert_eq!(
        count(
            &store,
            &format!("SELECT COUNT(*) FROM certificate WHERE enrolment_id = {enrolment}")
        )
        .await,
        1
    );

    // Someone on the waitlist holds no seat to attend; an online course takes no attendance.
    let waiting = count(
        &store,
        &format!("SELECT MIN(id) FROM enrolment WHERE program_id = {kelas} AND status = 'waiting'"),
    )
    .await
    .to_string();
    let reply = record(admin.clone(), waiting, "1".into()).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    let online = course_id(&db, "Pelayanan Publik Prima").await;
    let reply = call(
        &admin,
        &server,
        "belajar-hadir",
        &[
            ("program_id", &online),
            ("enrolment_id", &enrolment),
            ("hari", "1"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
}
