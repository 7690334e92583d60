//! Mentoring over HTTP on both databases: a request declined and the next one accepted, a
//! session confirmed into JP, who is refused what, capacity under concurrent accepts, and
//! expiry driven by an injected clock.

use crate::common::{Server, TestDb, call, logged_in, whoami};
use reqwest::{Client, StatusCode};
use serde_json::Value;

on_both_engines!(
    a_declined_request_leads_to_the_next_mentor_and_a_confirmed_session_earns_jp,
    capacity_holds_when_many_accepts_arrive_at_once,
    requests_are_reminded_then_expire_by_the_clock,
    opting_in_makes_a_mentor_and_bad_input_changes_nothing,
    bulk_matching_proposes_pairs_and_publishes_all_or_nothing,
    the_mentoring_dashboard_is_scoped_and_its_lists_add_up,
    a_pair_that_is_not_a_fit_ends_politely_and_goals_track_progress,
    the_admin_designates_and_removes_mentors,
    the_eligibility_setting_decides_who_may_be_asked,
);

const DAY: i64 = 86_400;

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn today() -> String {
    bina_app::calendar::IsoDate::from_unix_wita(now()).to_string()
}

async fn database(db: &TestDb) -> bina_app::db::Db {
    bina_app::db::Db::connect(&db.url).await.unwrap().0
}

async fn employee_id(client: &Client, server: &Server) -> i64 {
    whoami(client, server).await["employee_id"]
        .as_i64()
        .unwrap()
}

async fn page(client: &Client, server: &Server, competency: i64) -> Value {
    let reply = call(
        client,
        server,
        "mentoring",
        &[("kompetensi", &competency.to_string())],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

fn recommended(page: &Value) -> Vec<i64> {
    page["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["mentor_id"].as_i64().unwrap())
        .collect()
}

/// The id of M.06 among the pegawai's gaps (the demo data gives her a gap there).
async fn m06(client: &Client, server: &Server) -> i64 {
    let body = call(client, server, "mentoring", &[]).await.body;
    body["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["code"] == "M.06")
        .expect("M.06 is a competency of the pegawai")["competency_id"]
        .as_i64()
        .unwrap()
}

async fn send(
    client: &Client,
    server: &Server,
    mentor: i64,
    competency: i64,
    goal: &str,
) -> StatusCode {
    call(
        client,
        server,
        "mentoring-minta",
        &[
            ("mentor_id", &mentor.to_string()),
            ("competency_id", &competency.to_string()),
            ("goal", goal),
            ("message", "Mohon bimbingannya."),
        ],
    )
    .await
    .status
}

/// The mentee (first client) asks the mentor (second) for help in the competency, the mentor
/// accepts; returns the new mentorship's id.
async fn start_mentorship(
    (mentee, mentor): (&Client, &Client),
    server: &Server,
    mentor_id: i64,
    competency: i64,
    goal: &str,
) -> String {
    assert_eq!(
        send(mentee, server, mentor_id, competency, goal).await,
        StatusCode::OK
    );
    let request = page(mentee, server, competency).await["requests"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let reply = call(
        mentor,
        server,
        "mentoring-terima",
        &[("request_id", &request)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    page(mentee, server, competency).await["mentorships"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string()
}

/// Records an assessment centre result of today.
async fn assess(db: &bina_app::db::Db, employee: i64, competency: i64, level: i64) {
    sqlx::query(
        "INSERT INTO assessment (employee_id, competency_id, level, source, assessed_on) \
         VALUES ($1, $2, $3, 'assessment_centre', $4)",
    )
    .bind(employee)
    .bind(competency)
    .bind(level)
    .bind(today())
    .execute(&db.pool)
    .await
    .unwrap();
}

async fn count(db: &bina_app::db::Db, sql: &str) -> i64 {
    use sqlx::Row;
    sqlx::query(sql)
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .get::<i64, _>(0)
}

async fn a_declined_request_leads_to_the_next_mentor_and_a_confirmed_session_earns_jp(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let (sitti, abdul) = (
        employee_id(&mentor, &server).await,
        employee_id(&atasan, &server).await,
    );
    let competency = m06(&pegawai, &server).await;

    // Both demo mentors are recommended first, each with the reasons behind the score.
    let first = page(&pegawai, &server, competency).await;
    let ids = recommended(&first);
    assert!(
        ids[..2].contains(&sitti) && ids[..2].contains(&abdul),
        "{ids:?}"
    );
    let reasons = &first["recommendations"][0]["scored"]["reasons"];
    assert!(
        reasons
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.get("Level").is_some()),
        "{reasons}"
    );

    assert_eq!(
        send(&pegawai, &server, sitti, competency, "Membina guru muda").await,
        StatusCode::OK
    );
    // One pending request per competency: the second is refused and nothing is added.
    assert_eq!(
        send(&pegawai, &server, abdul, competency, "Lagi").await,
        StatusCode::CONFLICT
    );
    let mine = page(&pegawai, &server, competency).await;
    assert_eq!(mine["requests"].as_array().unwrap().len(), 1);
    assert_eq!(mine["pending_here"], true);
    let request = mine["requests"][0]["id"].as_i64().unwrap().to_string();

    // Only the addressed mentor answers: not another mentor, not the mentee, not the admin.
    for (who, client) in [
        ("atasan", &atasan),
        ("pegawai", &pegawai),
        ("admin", &admin),
    ] {
        let reply = call(
            client,
            &server,
            "mentoring-terima",
            &[("request_id", &request)],
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{who} accepted");
        let reply = call(
            client,
            &server,
            "mentoring-tolak",
            &[
                ("request_id", &request),
                ("alasan", "no_time"),
                ("catatan", ""),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{who} declined");
    }
    // The mentor sees it with the mentee's gaps; "other" needs a note.
    let desk = call(&mentor, &server, "mentor-meja", &[]).await.body;
    assert_eq!(desk["pending"].as_array().unwrap().len(), 1);
    assert!(
        !desk["pending"][0]["mentee_gaps"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let reply = call(
        &mentor,
        &server,
        "mentoring-tolak",
        &[
            ("request_id", &request),
            ("alasan", "other"),
            ("catatan", " "),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let reply = call(
        &mentor,
        &server,
        "mentoring-tolak",
        &[
            ("request_id", &request),
            ("alasan", "no_time"),
            ("catatan", "Sedang menyusun APBD"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = call(
        &mentor,
        &server,
        "mentoring-terima",
        &[("request_id", &request)],
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::CONFLICT,
        "a declined request stays declined"
    );

    // The next recommendations leave out who declined; the mentee asks the next one.
    let after = page(&pegawai, &server, competency).await;
    assert_eq!(after["requests"][0]["status"], "Declined");
    assert_eq!(after["requests"][0]["decline_reason"], "NoTime");
    assert!(!recommended(&after).contains(&sitti));
    assert_eq!(recommended(&after)[0], abdul);
    let mentorship = start_mentorship(
        (&pegawai, &atasan),
        &server,
        abdul,
        competency,
        "Membina guru muda",
    )
    .await;

    // Nobody but the two sees the mentorship or writes in it.
    for client in [&admin, &mentor] {
        let reply = call(client, &server, "bimbingan", &[("id", &mentorship)]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
    }
    let session = [
        ("mentorship_id", mentorship.as_str()),
        ("session[held_on]", &today()),
        ("session[minutes]", "60"),
        ("session[mode]", "online"),
        ("session[notes]", "Menyusun RPP tematik bersama"),
    ];
    let reply = call(&mentor, &server, "bimbingan-sesi", &session).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = call(&atasan, &server, "bimbingan-sesi", &session).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    // The mentor logged it; the mentee's confirmation turns it into verified JP.
    let view = call(&pegawai, &server, "bimbingan", &[("id", &mentorship)])
        .await
        .body;
    let session_id = view["sessions"][0]["id"].as_i64().unwrap().to_string();
    assert_eq!(view["sessions"][0]["mentor_confirmed"], true);
    assert!(view["sessions"][0]["jp"].is_null());
    let ledger_before = call(&pegawai, &server, "jp", &[]).await.body;
    let reply = call(
        &atasan,
        &server,
        "bimbingan-konfirmasi",
        &[("session_id", &session_id)],
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::CONFLICT,
        "the logger already confirmed"
    );
    let reply = call(
        &pegawai,
        &server,
        "bimbingan-konfirmasi",
        &[("session_id", &session_id)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = call(
        &pegawai,
        &server,
        "bimbingan-konfirmasi",
        &[("session_id", &session_id)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    let ledger = call(&pegawai, &server, "jp", &[]).await.body;
    let verified = |l: &Value| l["progress"]["verified"].as_u64().unwrap();
    assert_eq!(
        verified(&ledger),
        verified(&ledger_before) + 2,
        "one session = 2 JP"
    );
    let entry = &ledger["entries"][0];
    assert_eq!(entry["path"], "Mentoring");
    assert_eq!(entry["status"], "Verified");

    // A second session the same day is not farmed into verified JP: it waits for the
    // pengelola OPD's verification instead.
    let reply = call(&atasan, &server, "bimbingan-sesi", &session).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let view = call(&pegawai, &server, "bimbingan", &[("id", &mentorship)])
        .await
        .body;
    let second = view["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"].as_i64().unwrap().to_string() != session_id)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let reply = call(
        &pegawai,
        &server,
        "bimbingan-konfirmasi",
        &[("session_id", &second)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let farmed = call(&pegawai, &server, "jp", &[]).await.body;
    assert_eq!(verified(&farmed), verified(&ledger), "no more verified JP");
    assert_eq!(farmed["entries"][0]["path"], "Mentoring");
    assert_eq!(farmed["entries"][0]["status"], "Recorded");

    // Ending frees the mentor's place; each side gives feedback once.
    let reply = call(
        &pegawai,
        &server,
        "bimbingan-akhiri",
        &[
            ("mentorship_id", &mentorship),
            ("nilai", "5"),
            ("komentar", "Sangat membantu"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let desk = call(&atasan, &server, "mentor-meja", &[]).await.body;
    assert_eq!(desk["active_mentees"], 0);
    let end = [
        ("mentorship_id", mentorship.as_str()),
        ("nilai", "4"),
        ("komentar", ""),
    ];
    assert_eq!(
        call(&atasan, &server, "bimbingan-akhiri", &end)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        call(&atasan, &server, "bimbingan-akhiri", &end)
            .await
            .status,
        StatusCode::CONFLICT
    );
    let reply = call(&atasan, &server, "bimbingan-sesi", &session).await;
    assert_eq!(
        reply.status,
        StatusCode::CONFLICT,
        "no sessions after the end"
    );

    // Each step reached the other side as a notification.
    let notes = call(&pegawai, &server, "notifikasi", &[]).await.body;
    let kinds: Vec<&str> = notes
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["kind"].as_str())
        .collect();
    for kind in ["MentoringDeclined", "MentoringAccepted", "SessionLogged"] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
    server.stop();
    db.remove().await;
}

async fn capacity_holds_when_many_accepts_arrive_at_once(db: TestDb) {
    let server = Server::start(&db).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let sitti = employee_id(&mentor, &server).await;
    let pool = database(&db).await;
    // Two places, six requests from six different employees waiting.
    sqlx::query(
        "UPDATE mentor_profile SET capacity = 2, active_mentees = 0 WHERE employee_id = $1",
    )
    .bind(sitti)
    .execute(&pool.pool)
    .await
    .unwrap();
    let competency = count(&pool, "SELECT id FROM competency WHERE code = 'T.REN.01'").await;
    for mentee in 100..106_i64 {
        sqlx::query(
            "INSERT INTO mentoring_request (mentee_id, mentor_id, competency_id, goal, status, \
             created_at, expires_at) VALUES ($1, $2, $3, 'Belajar RKA', 'pending', $4, $5)",
        )
        .bind(mentee)
        .bind(sitti)
        .bind(competency)
        .bind(now())
        .bind(now() + 7 * DAY)
        .execute(&pool.pool)
        .await
        .unwrap();
    }
    let pending: Vec<String> = call(&mentor, &server, "mentor-meja", &[]).await.body["pending"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap().to_string())
        .collect();
    assert_eq!(pending.len(), 6);
    let accepts = pending.iter().map(|id| {
        let client = mentor.clone();
        let server = &server;
        async move {
            call(&client, server, "mentoring-terima", &[("request_id", id)])
                .await
                .status
        }
    });
    let statuses = futures::future::join_all(accepts).await;
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let full = statuses
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!((ok, full), (2, 4), "{statuses:?}");
    let sql = format!("SELECT active_mentees FROM mentor_profile WHERE employee_id = {sitti}");
    assert_eq!(count(&pool, &sql).await, 2);
    let sql =
        format!("SELECT COUNT(*) FROM mentorship WHERE mentor_id = {sitti} AND status = 'active'");
    assert_eq!(count(&pool, &sql).await, 2);
    let sql = format!(
        "SELECT COUNT(*) FROM mentoring_request WHERE mentor_id = {sitti} AND status = 'pending'"
    );
    assert_eq!(count(&pool, &sql).await, 4, "the refused ones still wait");
    server.stop();
    db.remove().await;
}

async fn requests_are_reminded_then_expire_by_the_clock(db: TestDb) {
    use bina_app::mentoring::request::queries::{Sweep, sweep};
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let sitti = employee_id(&mentor, &server).await;
    let competency = m06(&pegawai, &server).await;
    let sent_at = now();
    assert_eq!(
        send(&pegawai, &server, sitti, competency, "Membina guru").await,
        StatusCode::OK
    );
    let pool = database(&db).await;
    let at = |days: i64, secs: i64| sent_at + days * DAY + secs;
    let swept = |reminded, expired| Sweep { reminded, expired };
    // Nothing before the last day; one reminder on it, once; expiry after 7 days (the default).
    assert_eq!(sweep(&pool, at(5, 0)).await.unwrap(), swept(0, 0));
    assert_eq!(sweep(&pool, at(6, 60)).await.unwrap(), swept(1, 0));
    assert_eq!(sweep(&pool, at(6, 120)).await.unwrap(), swept(0, 0));
    assert_eq!(
        page(&pegawai, &server, competency).await["requests"][0]["status"],
        "Pending"
    );
    assert_eq!(sweep(&pool, at(7, 60)).await.unwrap(), swept(0, 1));
    assert_eq!(sweep(&pool, at(8, 0)).await.unwrap(), swept(0, 0));

    let after = page(&pegawai, &server, competency).await;
    assert_eq!(after["requests"][0]["status"], "Expired");
    assert_eq!(after["pending_here"], false);
    assert!(
        !recommended(&after).contains(&sitti),
        "the next recommendations"
    );
    let kinds = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|n| n["kind"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(
        kinds(call(&mentor, &server, "notifikasi", &[]).await.body)
            .contains(&"MentoringReminder".into())
    );
    assert!(
        kinds(call(&pegawai, &server, "notifikasi", &[]).await.body)
            .contains(&"MentoringExpired".into())
    );
    // An expired request cannot be accepted late.
    let id = after["requests"][0]["id"].as_i64().unwrap().to_string();
    let reply = call(&mentor, &server, "mentoring-terima", &[("request_id", &id)]).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    server.stop();
    db.remove().await;
}

async fn opting_in_makes_a_mentor_and_bad_input_changes_nothing(db: TestDb) {
    let server = Server::start(&db).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let me = employee_id(&pengelola, &server).await;
    let pool = database(&db).await;
    let strong = count(&pool, "SELECT id FROM competency WHERE code = 'M.03'").await;
    let weak = count(&pool, "SELECT id FROM competency WHERE code = 'T.KES.01'").await;
    assess(&pool, me, strong, 4).await;

    // Not a mentor yet: the desk is refused.
    assert_eq!(whoami(&pengelola, &server).await["roles"]["mentor"], false);
    let reply = call(&pengelola, &server, "mentor-meja", &[]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let profile = call(&pengelola, &server, "mentor-profil", &[]).await.body;
    assert_eq!(profile["is_mentor"], false);

    let save = |capacity: &'static str, expertise: i64| {
        let client = pengelola.clone();
        let server = &server;
        async move {
            call(
                &client,
                server,
                "mentor-profil-simpan",
                &[
                    ("profile[capacity]", capacity),
                    ("profile[mode]", "online"),
                    ("profile[bio]", "Pengelola kepegawaian"),
                    ("profile[accepting]", "1"),
                    ("profile[expertise][3]", &expertise.to_string()),
                ],
            )
            .await
            .status
        }
    };
    // Bad input: a clear refusal and no profile.
    assert_eq!(save("0", strong).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        save("2", weak).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "level too low"
    );
    let sql = format!("SELECT COUNT(*) FROM mentor_profile WHERE employee_id = {me}");
    assert_eq!(count(&pool, &sql).await, 0);

    assert_eq!(save("2", strong).await, StatusCode::OK);
    assert_eq!(whoami(&pengelola, &server).await["roles"]["mentor"], true);
    let profile = call(&pengelola, &server, "mentor-profil", &[]).await.body;
    assert_eq!(profile["is_mentor"], true);
    assert_eq!(profile["mode"], "Online");
    assert_eq!(
        call(&pengelola, &server, "mentor-meja", &[]).await.status,
        StatusCode::OK
    );

    // A plain employee has no desk; requests with bad input change nothing.
    assert_eq!(
        call(&pegawai, &server, "mentor-meja", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let sitti = employee_id(&mentor, &server).await;
    let competency = m06(&pegawai, &server).await;
    assert_eq!(
        send(&pegawai, &server, sitti, competency, "  ").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let pegawai_id = employee_id(&pegawai, &server).await;
    assert_eq!(
        send(&pegawai, &server, pegawai_id, competency, "Diri").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The pengelola offers M.03 only: not eligible for M.06.
    assert_eq!(
        send(&pegawai, &server, me, competency, "M.06").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let sql = format!("SELECT COUNT(*) FROM mentoring_request WHERE mentee_id = {pegawai_id}");
    assert_eq!(count(&pool, &sql).await, 0);
    // Anonymous callers get nothing.
    let anonymous = crate::common::browser();
    for endpoint in ["mentoring", "mentor-meja", "mentor-profil"] {
        assert_eq!(
            call(&anonymous, &server, endpoint, &[]).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    server.stop();
    db.remove().await;
}

/// The cohort of a programme holds only its participants: people whose approved plan of this
/// year has the programme for the competency.
async fn programme_cohort_is_its_participants(
    admin: &Client,
    server: &Server,
    pool: &bina_app::db::Db,
) {
    use sqlx::Row;
    let year: i64 = today()[..4].parse().unwrap();
    let participants = "FROM dev_plan_item i JOIN dev_plan p ON p.id = i.plan_id \
         WHERE p.status = 'approved' AND p.year = $1 AND i.program_id IS NOT NULL";
    // The programme with the most participants who still have a gap in its competency.
    let busiest = sqlx::query(
        "SELECT i.competency_id, i.program_id FROM dev_plan_item i \
         JOIN dev_plan p ON p.id = i.plan_id JOIN employee e ON e.id = p.employee_id \
         JOIN position_standard s ON s.jabatan = e.jabatan AND s.competency_id = i.competency_id \
         WHERE p.status = 'approved' AND p.year = $1 AND i.program_id IS NOT NULL \
           AND s.required_level > COALESCE((SELECT a.level FROM assessment a \
               WHERE a.employee_id = e.id AND a.competency_id = i.competency_id \
               ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1), 0) \
         GROUP BY i.competency_id, i.program_id ORDER BY COUNT(*) DESC, i.program_id LIMIT 1",
    )
    .bind(year)
    .fetch_one(&pool.pool)
    .await
    .expect("the demo data has programme participants with gaps");
    let (competency, program): (i64, i64) = (busiest.get(0), busiest.get(1));
    let (competency, program) = (competency.to_string(), program.to_string());

    let city = call(
        admin,
        server,
        "admin-pencocokan",
        &[("filter[kompetensi]", competency.as_str())],
    )
    .await
    .body;
    assert!(
        city["programs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"].as_i64().unwrap().to_string() == program),
        "the programme is offered for its competency"
    );
    let reply = call(
        admin,
        server,
        "admin-pencocokan",
        &[
            ("filter[kompetensi]", competency.as_str()),
            ("filter[program]", program.as_str()),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let cohort = &reply.body["proposal"];
    assert!(cohort["mentees"].as_u64().unwrap() > 0, "{cohort}");
    assert!(cohort["mentees"].as_u64() <= city["proposal"]["mentees"].as_u64());
    let matched = cohort["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["mentee_id"]);
    let unmatched = cohort["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| &u["id"]);
    let everyone: Vec<i64> = matched
        .chain(unmatched)
        .map(|id| id.as_i64().unwrap())
        .collect();
    assert_eq!(everyone.len() as u64, cohort["mentees"].as_u64().unwrap());
    for mentee in everyone {
        let n: i64 = sqlx::query(&format!(
            "SELECT COUNT(*) {participants} AND p.employee_id = $2 \
             AND i.program_id = $3 AND i.competency_id = $4"
        ))
        .bind(year)
        .bind(mentee)
        .bind(program.parse::<i64>().unwrap())
        .bind(competency.parse::<i64>().unwrap())
        .fetch_one(&pool.pool)
        .await
        .unwrap()
        .get(0);
        assert!(n > 0, "mentee {mentee} is not a participant");
    }
}

async fn bulk_matching_proposes_pairs_and_publishes_all_or_nothing(db: TestDb) {
    let server = Server::start(&db).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let pool = database(&db).await;
    let competency = count(&pool, "SELECT id FROM competency WHERE code = 'M.06'")
        .await
        .to_string();
    let filter = [("filter[kompetensi]", competency.as_str())];

    // Only the admin matches in bulk.
    for role in ["pegawai", "mentor", "atasan", "pengelola_opd"] {
        let client = logged_in(&server, &db.nip(role)).await;
        assert_eq!(
            call(&client, &server, "admin-pencocokan", &filter)
                .await
                .status,
            StatusCode::FORBIDDEN,
            "{role}"
        );
        let reply = call(
            &client,
            &server,
            "admin-pencocokan-terbit",
            &[("competency_id", &competency)],
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{role} published");
    }

    let page = call(&admin, &server, "admin-pencocokan", &filter).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let proposal = &page.body["proposal"];
    let pairs = proposal["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty(), "{proposal}");
    // Within every mentor's places, one mentor per mentee, and the total adds up.
    let total: u64 = pairs
        .iter()
        .map(|p| p["mentor"]["score"].as_u64().unwrap())
        .sum();
    assert_eq!(total, proposal["total_score"].as_u64().unwrap());
    let mut per_mentor = std::collections::HashMap::new();
    for p in pairs {
        *per_mentor
            .entry(p["mentor"]["mentor_id"].as_i64().unwrap())
            .or_insert(0) += 1;
    }
    for (mentor, n) in &per_mentor {
        let sql = format!(
            "SELECT capacity - active_mentees FROM mentor_profile WHERE employee_id = {mentor}"
        );
        assert!(
            *n <= count(&pool, &sql).await,
            "mentor {mentor} over capacity"
        );
    }
    programme_cohort_is_its_participants(&admin, &server, &pool).await;
    let pending = "SELECT COUNT(*) FROM mentoring_request WHERE status = 'pending'";
    let before = count(&pool, pending).await;

    let row = |i: usize, mentee: i64, mentor: i64, keep: bool| {
        let mut r = vec![
            (format!("pasangan[{i}][mentee]"), mentee.to_string()),
            (format!("pasangan[{i}][mentor]"), mentor.to_string()),
        ];
        if keep {
            r.push((format!("pasangan[{i}][pakai]"), "1".to_owned()));
        }
        r
    };
    let publish = |rows: Vec<(String, String)>| {
        let client = admin.clone();
        let server = &server;
        let competency = competency.clone();
        async move {
            let mut args: Vec<(&str, &str)> = vec![("competency_id", competency.as_str())];
            args.extend(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            call(&client, server, "admin-pencocokan-terbit", &args)
                .await
                .status
        }
    };
    let pair = |i: usize| {
        (
            pairs[i]["mentee_id"].as_i64().unwrap(),
            pairs[i]["mentor"]["mentor_id"].as_i64().unwrap(),
        )
    };
    // Everything unticked, a mentor who does not qualify, or one mentor over their places:
    // refused, and nothing is sent.
    let (mentee, mentor) = pair(0);
    assert_eq!(
        publish(row(0, mentee, mentor, false)).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        publish(row(0, mentee, mentee, true)).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let places = count(
        &pool,
        &format!(
            "SELECT capacity - active_mentees FROM mentor_profile WHERE employee_id = {mentor}"
        ),
    )
    .await as usize;
    let over: Vec<(String, String)> = pairs
        .iter()
        .take(places + 1)
        .enumerate()
        .flat_map(|(i, p)| row(i, p["mentee_id"].as_i64().unwrap(), mentor, true))
        .collect();
    if pairs.len() > places {
        assert_eq!(publish(over).await, StatusCode::CONFLICT);
    }
    assert_eq!(count(&pool, pending).await, before);

    // The first two pairs kept, the third removed: two requests go out.
    let n = pairs.len().min(3);
    let rows: Vec<(String, String)> = (0..n)
        .flat_map(|i| {
            let (mentee, mentor) = pair(i);
            row(i, mentee, mentor, i < 2)
        })
        .collect();
    assert_eq!(publish(rows).await, StatusCode::OK);
    assert_eq!(count(&pool, pending).await, before + n.min(2) as i64);
    // Those mentees are no longer in the cohort.
    let again = call(&admin, &server, "admin-pencocokan", &filter)
        .await
        .body;
    let still: Vec<i64> = again["proposal"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["mentee_id"].as_i64().unwrap())
        .collect();
    assert!(!still.contains(&pair(0).0));
    server.stop();
    db.remove().await;
}

async fn the_mentoring_dashboard_is_scoped_and_its_lists_add_up(db: TestDb) {
    let server = Server::start(&db).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;
    let pool = database(&db).await;
    let own_opd = whoami(&pengelola, &server).await["opd_id"]
        .as_i64()
        .unwrap();
    let other_opd = count(
        &pool,
        &format!("SELECT MIN(id) FROM opd WHERE id <> {own_opd}"),
    )
    .await;

    // A plain employee, a mentor and an atasan see no dashboard; a pengelola only their OPD.
    for role in ["pegawai", "mentor", "atasan"] {
        let client = logged_in(&server, &db.nip(role)).await;
        assert_eq!(
            call(&client, &server, "dasbor-mentoring", &[]).await.status,
            StatusCode::FORBIDDEN,
            "{role}"
        );
        let res = client
            .get(server.url("/dasbor/mentoring/unduh"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{role} downloaded");
    }
    let other = other_opd.to_string();
    let reply = call(
        &pengelola,
        &server,
        "dasbor-mentoring",
        &[("filter[opd]", &other)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);

    // The demo year of history shows in the city's figures, and they add up.
    let year = bina_app::calendar::IsoDate::from_unix_wita(now())
        .year
        .to_string();
    let city = call(
        &admin,
        &server,
        "dasbor-mentoring",
        &[("filter[tahun]", &year)],
    )
    .await;
    assert_eq!(city.status, StatusCode::OK, "{}", city.body);
    let s = &city.body["summary"];
    let by_status: u64 = s["by_status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_u64().unwrap())
        .sum();
    assert_eq!(by_status, s["requests"].as_u64().unwrap());
    let since = bina_app::calendar::IsoDate {
        year: year.parse().unwrap(),
        month: 1,
        day: 1,
    }
    .start_unix_wita();
    let in_db = count(
        &pool,
        &format!("SELECT COUNT(*) FROM mentoring_request WHERE created_at >= {since}"),
    )
    .await;
    assert_eq!(s["requests"].as_i64().unwrap(), in_db);
    assert!(s["mentors"].as_u64().unwrap() > 0);

    // The pengelola's own OPD is a part of the city; the list behind "declined" is as long as
    // the figure, and its CSV has one line per row plus the header.
    let mine = call(
        &pengelola,
        &server,
        "dasbor-mentoring",
        &[
            ("filter[tahun]", &year),
            ("filter[lihat]", "status-declined"),
        ],
    )
    .await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.body);
    assert!(mine.body["summary"]["requests"].as_u64().unwrap() <= s["requests"].as_u64().unwrap());
    let declined = mine.body["summary"]["by_status"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == "Declined")
        .unwrap()[1]
        .as_u64()
        .unwrap();
    let rows = mine.body["drill"][1].as_array().unwrap();
    assert_eq!(rows.len() as u64, declined);
    let csv = pengelola
        .get(server.url(&format!(
            "/dasbor/mentoring/unduh?tahun={year}&lihat=status-declined"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    assert_eq!(text.lines().count() as u64, declined + 1, "{text}");
    assert!(text.starts_with("mentee,nip,opd,akses,mentor,kompetensi,status,dikirim"));
    server.stop();
    db.remove().await;
}

async fn a_pair_that_is_not_a_fit_ends_politely_and_goals_track_progress(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let abdul = employee_id(&atasan, &server).await;
    let competency = m06(&pegawai, &server).await;
    let mentorship = start_mentorship(
        (&pegawai, &atasan),
        &server,
        abdul,
        competency,
        "Membina guru",
    )
    .await;
    let view = |client: Client| {
        let server = &server;
        let id = mentorship.clone();
        async move {
            call(&client, server, "bimbingan", &[("id", &id)])
                .await
                .body
        }
    };

    // Goals with progress, kept by either side and nobody else.
    let goal = [
        ("mentorship_id", mentorship.as_str()),
        ("tujuan", "Menyusun RPP berdiferensiasi"),
    ];
    assert_eq!(
        call(&admin, &server, "bimbingan-tujuan", &goal)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(&pegawai, &server, "bimbingan-tujuan", &goal)
            .await
            .status,
        StatusCode::OK
    );
    let goal_id = view(pegawai.clone()).await["goals"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let set = |client: Client, value: &'static str| {
        let server = &server;
        let goal_id = goal_id.clone();
        async move {
            call(
                &client,
                server,
                "bimbingan-kemajuan",
                &[("goal_id", &goal_id), ("kemajuan", value)],
            )
            .await
            .status
        }
    };
    assert_eq!(
        set(atasan.clone(), "150").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(set(admin.clone(), "60").await, StatusCode::FORBIDDEN);
    assert_eq!(set(atasan.clone(), "60").await, StatusCode::OK);
    assert_eq!(view(pegawai.clone()).await["goals"][0]["progress"], 60);

    // No fit check before the first confirmed session.
    let not_a_fit = [("mentorship_id", mentorship.as_str()), ("cocok", "tidak")];
    assert_eq!(view(pegawai.clone()).await["fit_check_due"], false);
    assert_eq!(
        call(&pegawai, &server, "bimbingan-cocok", &not_a_fit)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let session = [
        ("mentorship_id", mentorship.as_str()),
        ("session[held_on]", &today()),
        ("session[minutes]", "45"),
        ("session[mode]", "in_person"),
        ("session[notes]", ""),
    ];
    assert_eq!(
        call(&atasan, &server, "bimbingan-sesi", &session)
            .await
            .status,
        StatusCode::OK
    );
    let session_id = view(pegawai.clone()).await["sessions"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let reply = call(
        &pegawai,
        &server,
        "bimbingan-konfirmasi",
        &[("session_id", &session_id)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);

    // After it, "not a good fit" ends the pairing, frees the place and says so.
    assert_eq!(view(pegawai.clone()).await["fit_check_due"], true);
    assert_eq!(
        call(&pegawai, &server, "bimbingan-cocok", &not_a_fit)
            .await
            .status,
        StatusCode::OK
    );
    let ended = view(pegawai.clone()).await;
    assert_eq!(ended["active"], false);
    assert_eq!(ended["ended_not_a_fit"], true);
    assert_eq!(ended["fit_check_due"], false);
    assert_eq!(
        call(&pegawai, &server, "bimbingan-cocok", &not_a_fit)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "answered once"
    );
    assert_eq!(
        call(&atasan, &server, "mentor-meja", &[]).await.body["active_mentees"],
        0
    );
    let notes = call(&atasan, &server, "notifikasi", &[]).await.body;
    assert!(
        notes
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "MentorshipNotAFit")
    );
    // The mentee is offered the others.
    assert!(!recommended(&page(&pegawai, &server, competency).await).contains(&abdul));
    server.stop();
    db.remove().await;
}

async fn the_admin_designates_and_removes_mentors(db: TestDb) {
    let server = Server::start(&db).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pool = database(&db).await;
    let me = employee_id(&pengelola, &server).await;
    sqlx::query(
        "INSERT INTO assessment (employee_id, competency_id, level, source, assessed_on) \
         SELECT $1, id, 4, 'assessment_centre', $2 FROM competency WHERE code = 'M.03'",
    )
    .bind(me)
    .bind(today())
    .execute(&pool.pool)
    .await
    .unwrap();
    let designate = [
        ("nip", db.nip("pengelola_opd")),
        ("tindakan", "tetapkan".to_owned()),
    ];
    let designate: Vec<(&str, &str)> = designate.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // Nobody but the admin designates.
    for client in [&pengelola, &mentor] {
        assert_eq!(
            call(client, &server, "admin-mentor", &designate)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
    let bad = [("nip", "12345"), ("tindakan", "tetapkan")];
    assert_eq!(
        call(&admin, &server, "admin-mentor", &bad).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Pages reuse an account read a moment ago; someone else's change shows all the same.
    let home = |client: &Client| {
        let request = client.get(server.url("/"));
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let mentor_card = "data-role=\"mentor\"";
    assert!(!home(&pengelola).await.contains(mentor_card));
    assert_eq!(
        call(&admin, &server, "admin-mentor", &designate)
            .await
            .status,
        StatusCode::OK
    );
    assert!(home(&pengelola).await.contains(mentor_card));
    assert_eq!(whoami(&pengelola, &server).await["roles"]["mentor"], true);
    let sql = format!("SELECT COUNT(*) FROM mentor_expertise WHERE employee_id = {me}");
    assert!(count(&pool, &sql).await >= 1);

    // Removing the demo mentor: no longer a mentor, no desk, not recommended.
    let remove = [("nip", db.nip("mentor")), ("tindakan", "cabut".to_owned())];
    let remove: Vec<(&str, &str)> = remove.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        call(&admin, &server, "admin-mentor", &remove).await.status,
        StatusCode::OK
    );
    assert_eq!(
        call(&admin, &server, "admin-mentor", &remove).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(whoami(&mentor, &server).await["roles"]["mentor"], false);
    assert_eq!(
        call(&mentor, &server, "mentor-meja", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    // Saving their profile again does not make them a mentor: only the admin restores.
    let profile = call(&mentor, &server, "mentor-profil", &[]).await.body;
    let chosen: Vec<String> = profile["expertise"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["chosen"] == true)
        .map(|e| e["competency_id"].to_string())
        .collect();
    assert!(!chosen.is_empty());
    let mut resave = vec![
        ("profile[capacity]".to_owned(), "3".to_owned()),
        ("profile[mode]".to_owned(), "online".to_owned()),
        ("profile[bio]".to_owned(), String::new()),
        ("profile[accepting]".to_owned(), "1".to_owned()),
    ];
    for (i, id) in chosen.iter().enumerate() {
        resave.push((format!("profile[expertise][{i}]"), id.clone()));
    }
    let resave: Vec<(&str, &str)> = resave
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = call(&mentor, &server, "mentor-profil-simpan", &resave).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(
        reply.body,
        serde_json::json!({"Mentoring": "RemovedByAdmin"})
    );
    assert_eq!(whoami(&mentor, &server).await["roles"]["mentor"], false);
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let sitti = employee_id(&mentor, &server).await;
    let competency = m06(&pegawai, &server).await;
    assert!(!recommended(&page(&pegawai, &server, competency).await).contains(&sitti));
    assert_eq!(
        send(&pegawai, &server, sitti, competency, "Membina guru").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    server.stop();
    db.remove().await;
}

async fn the_eligibility_setting_decides_who_may_be_asked(db: TestDb) {
    // Mentors must be three levels above the mentee. Sitti is at level 5 in M.06.
    let server = Server::start_with(&db, &[("BINA_MENTOR_MIN_LEAD", "3")]).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let sitti = employee_id(&mentor, &server).await;
    let me = employee_id(&pegawai, &server).await;
    let competency = m06(&pegawai, &server).await;
    assert!(
        recommended(&page(&pegawai, &server, competency).await).contains(&sitti),
        "four levels above the mentee's level 1"
    );

    // Assessed at level 3 now: Sitti is only two above.
    let sql = database(&db).await;
    assess(&sql, me, competency, 3).await;
    assert!(!recommended(&page(&pegawai, &server, competency).await).contains(&sitti));
    let before = count(&sql, "SELECT COUNT(*) FROM mentoring_request").await;
    assert_eq!(
        send(&pegawai, &server, sitti, competency, "Belajar perencanaan").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the server applies the rule too"
    );
    assert_eq!(
        count(&sql, "SELECT COUNT(*) FROM mentoring_request").await,
        before
    );
}
