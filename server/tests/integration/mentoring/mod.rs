//! Mentoring over HTTP on both databases, one module per part of the feature: requests
//! (declined, accepted, capacity under concurrent accepts, expiry by an injected clock,
//! eligibility), mentor profiles, mentorships (sessions into JP, goals, the fit check),
//! bulk matching with the admin's designations, and the dashboard. The helpers below are
//! shared by them and by the other test modules that need a mentorship.

mod bulk;
mod mentorship;
mod profile;
mod report;
mod request;

use crate::common::{Server, TestDb, call, logged_in, whoami};
use reqwest::{Client, StatusCode};
use serde_json::Value;

pub(crate) const DAY: i64 = 86_400;

pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

pub(crate) fn today() -> String {
    bina_app::calendar::IsoDate::from_unix_wita(now()).to_string()
}

pub(crate) async fn database(db: &TestDb) -> bina_app::db::Db {
    bina_app::db::Db::connect(&db.url).await.unwrap().0
}

pub(crate) async fn employee_id(client: &Client, server: &Server) -> i64 {
    whoami(client, server).await["employee_id"]
        .as_i64()
        .unwrap()
}

pub(crate) async fn page(client: &Client, server: &Server, competency: i64) -> Value {
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

pub(crate) fn recommended(page: &Value) -> Vec<i64> {
    page["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["mentor_id"].as_i64().unwrap())
        .collect()
}

/// The id of M.06 among the pegawai's gaps (the demo data gives her a gap there).
pub(crate) async fn m06(client: &Client, server: &Server) -> i64 {
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

pub(crate) async fn send(
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
pub(crate) async fn start_mentorship(
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
pub(crate) async fn assess(db: &bina_app::db::Db, employee: i64, competency: i64, level: i64) {
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

pub(crate) async fn count(db: &bina_app::db::Db, sql: &str) -> i64 {
    use sqlx::Row;
    sqlx::query(sql)
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .get::<i64, _>(0)
}

/// Six employees (ids 100 to 105) waiting on `mentor` for T.REN.01, as requests made now;
/// returns the competency's id.
pub(crate) async fn six_waiting_requests(db: &bina_app::db::Db, mentor: i64) -> i64 {
    let competency = count(db, "SELECT id FROM competency WHERE code = 'T.REN.01'").await;
    for mentee in 100..106_i64 {
        sqlx::query(
            "INSERT INTO mentoring_request (mentee_id, mentor_id, competency_id, goal, status, \
             created_at, expires_at) VALUES ($1, $2, $3, 'Belajar RKA', 'pending', $4, $5)",
        )
        .bind(mentee)
        .bind(mentor)
        .bind(competency)
        .bind(now())
        .bind(now() + 7 * DAY)
        .execute(&db.pool)
        .await
        .unwrap();
    }
    competency
}
