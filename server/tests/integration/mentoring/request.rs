//! Mentoring requests: a request declined leads to the next mentor and a confirmed session
//! earns JP; capacity holds under concurrent accepts; reminders and expiry by the clock; the
//! eligibility setting decides who may be asked.

use super::*;

on_both_engines!(
    a_declined_request_leads_to_the_next_mentor_and_a_confirmed_session_earns_jp,
    capacity_holds_when_many_accepts_arrive_at_once,
    requests_are_reminded_then_expire_by_the_clock,
    the_eligibility_setting_decides_who_may_be_asked,
);

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
    six_waiting_requests(&pool, sitti).await;
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
