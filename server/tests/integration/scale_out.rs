//! Two `bina serve` processes on one database, as behind a load balancer: a session made
//! on one is used on the other, a request sent through one is seen through the other, a
//! logout through one ends the session on the other within the session cache's second, and
//! a mentor's capacity holds when accepts arrive through both at once.

use crate::common::{PASSWORD, Server, TestDb, call, logged_in, whoami};
use crate::mentoring::{count, database, employee_id, m06, send, six_waiting_requests};
use reqwest::StatusCode;

on_both_engines!(two_servers_on_one_database_act_as_one);

async fn two_servers_on_one_database_act_as_one(db: TestDb) {
    let a = Server::start(&db).await;
    let b = Server::start(&db).await;

    // A session made through A is the same person through B (cookies ignore the port).
    let pegawai = logged_in(&a, &db.nip("pegawai")).await;
    let on_b = whoami(&pegawai, &b).await;
    assert_eq!(on_b["nip"], db.nip("pegawai"), "{on_b}");

    // A request sent through A waits on the mentor's desk as B shows it.
    let mentor = logged_in(&b, &db.nip("mentor")).await;
    let mentor_id = employee_id(&mentor, &b).await;
    let competency = m06(&pegawai, &a).await;
    assert_eq!(
        send(&pegawai, &a, mentor_id, competency, "Menyusun RPP").await,
        StatusCode::OK
    );
    let desk = call(&mentor, &b, "mentor-meja", &[]).await;
    assert_eq!(desk.status, StatusCode::OK);
    let pending = desk.body["pending"].as_array().unwrap();
    assert!(
        pending
            .iter()
            .any(|r| r["mentee_name"] == "Nurhayati Lasahido" && r["goal"] == "Menyusun RPP"),
        "the request sent through A is pending on B: {pending:?}"
    );

    // Two places, six requests, accepted through A and B at once: two accepted, four full.
    let pool = database(&db).await;
    sqlx::query("UPDATE mentor_profile SET capacity = active_mentees + 2 WHERE employee_id = $1")
        .bind(mentor_id)
        .execute(&pool.pool)
        .await
        .unwrap();
    let first_new = count(
        &pool,
        "SELECT COALESCE(MAX(id), 0) + 1 FROM mentoring_request",
    )
    .await;
    let competency_id = six_waiting_requests(&pool, mentor_id).await;
    let on_a = logged_in(&a, &db.nip("mentor")).await;
    let accepts = (0..6).map(|i| {
        let (client, server) = if i % 2 == 0 {
            (&on_a, &a)
        } else {
            (&mentor, &b)
        };
        let id = (first_new + i).to_string();
        async move {
            call(client, server, "mentoring-terima", &[("request_id", &id)])
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
    let sql = format!(
        "SELECT COUNT(*) FROM mentorship WHERE mentor_id = {mentor_id} AND status = 'active' \
         AND competency_id = {competency_id}"
    );
    assert_eq!(count(&pool, &sql).await, 2);

    // A logout through A ends the session on B too, once B's one-second cache has passed.
    // (The session cookie is sent by hand: a browser would drop it at the logout.)
    let plain = reqwest::Client::new();
    let res = plain
        .post(a.url("/api/masuk"))
        .header("accept", "application/json")
        .form(&[("nip", db.nip("pegawai").as_str()), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .find(|c| c.starts_with("bina_sesi="))
        .expect("a session cookie");
    let who_on = |server: &Server, endpoint: &str| {
        plain
            .post(server.url(&format!("/api/{endpoint}")))
            .header("accept", "application/json")
            .header("cookie", &cookie)
            .send()
    };
    let seen: serde_json::Value = who_on(&b, "saya").await.unwrap().json().await.unwrap();
    assert_eq!(seen["nip"], db.nip("pegawai"));
    assert_eq!(who_on(&a, "keluar").await.unwrap().status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
    let seen: serde_json::Value = who_on(&b, "saya").await.unwrap().json().await.unwrap();
    assert!(
        seen.is_null(),
        "logged out through A, still someone on B: {seen}"
    );

    a.stop();
    b.stop();
    db.remove().await;
}
