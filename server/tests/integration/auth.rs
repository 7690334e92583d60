//! Login, logout, throttling, password change and sessions, over HTTP, on both databases.

use crate::common::{
    PASSWORD, Server, TestDb, at_start_of_a_second, browser, call, logged_in, login, whoami,
};
use reqwest::StatusCode;
use serde_json::json;

on_both_engines!(
    login_then_logout,
    wrong_credentials_do_not_reveal_the_nip,
    malformed_nip_names_the_wrong_part,
    failed_logins_are_throttled_per_account,
    failed_logins_are_throttled_per_address,
    session_survives_a_server_restart,
    a_second_process_accepts_the_session,
    password_change_rotates_and_ends_other_sessions,
    bad_password_change_changes_nothing,
    plain_form_login_redirects,
    a_session_ends_at_its_absolute_lifetime,
    activity_moves_the_idle_deadline,
);

async fn login_then_logout(db: TestDb) {
    let server = Server::start(&db).await;
    let client = browser();
    assert_eq!(whoami(&client, &server).await, json!(null));

    let reply = login(&client, &server, &db.nip("admin"), PASSWORD).await;
    assert_eq!(reply.status, StatusCode::OK);
    let me = whoami(&client, &server).await;
    assert_eq!(me["nip"], json!(db.nip("admin")));
    assert_eq!(me["roles"]["admin"], json!(true));

    let reply = call(&client, &server, "keluar", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(whoami(&client, &server).await, json!(null));
    server.stop();
    db.remove().await;
}

async fn wrong_credentials_do_not_reveal_the_nip(db: TestDb) {
    let server = Server::start(&db).await;
    let client = browser();
    let wrong_password = login(&client, &server, &db.nip("pegawai"), "salah-sandi").await;
    // A well-formed NIP that has no account.
    let unknown = login(&client, &server, "199001012015031999", PASSWORD).await;
    for reply in [&wrong_password, &unknown] {
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert_eq!(reply.body, json!("InvalidCredentials"));
    }
    assert_eq!(whoami(&client, &server).await, json!(null));
    server.stop();
    db.remove().await;
}

async fn malformed_nip_names_the_wrong_part(db: TestDb) {
    let server = Server::start(&db).await;
    let client = browser();
    for (nip, part) in [
        ("12345", "Length"),
        ("198613262015051001", "BirthDate"),
        ("198609262015053001", "SexDigit"),
    ] {
        let reply = login(&client, &server, nip, PASSWORD).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(reply.body, json!({ "InvalidNip": part }));
    }
    server.stop();
    db.remove().await;
}

async fn failed_logins_are_throttled_per_account(db: TestDb) {
    let server = Server::start_with(&db, &[("BINA_LOGIN_MAX_FAILURES", "3")]).await;
    let client = browser();
    let nip = db.nip("pegawai");
    for _ in 0..3 {
        assert_eq!(
            login(&client, &server, &nip, "salah").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // Even the right password is refused now, with the wait in minutes.
    let reply = login(&client, &server, &nip, PASSWORD).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        reply.body,
        json!({ "Throttled": { "retry_after_minutes": 15 } })
    );
    assert_eq!(whoami(&client, &server).await, json!(null));
    // Another account is not affected.
    let other = login(&browser(), &server, &db.nip("admin"), PASSWORD).await;
    assert_eq!(other.status, StatusCode::OK);
    server.stop();
    db.remove().await;
}

async fn failed_logins_are_throttled_per_address(db: TestDb) {
    let server = Server::start_with(&db, &[("BINA_LOGIN_MAX_FAILURES_PER_ADDRESS", "4")]).await;
    let client = browser();
    for nip in [
        "199001012015031991",
        "199001012015031992",
        "199001012015031993",
        "199001012015031994",
    ] {
        assert_eq!(
            login(&client, &server, nip, "salah").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let reply = login(&client, &server, &db.nip("admin"), PASSWORD).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    server.stop();
    db.remove().await;
}

async fn session_survives_a_server_restart(db: TestDb) {
    let first = Server::start(&db).await;
    let client = logged_in(&first, &db.nip("mentor")).await;
    let base = first.base.clone();
    first.stop();
    let second = Server::start(&db).await;
    assert_ne!(second.base, base);
    let me = whoami(&client, &second).await;
    assert_eq!(
        me["nip"],
        json!(db.nip("mentor")),
        "cookie from the first process still valid"
    );
    second.stop();
    db.remove().await;
}

async fn a_second_process_accepts_the_session(db: TestDb) {
    let a = Server::start(&db).await;
    let b = Server::start(&db).await;
    let client = logged_in(&a, &db.nip("atasan")).await;
    assert_eq!(whoami(&client, &b).await["nip"], json!(db.nip("atasan")));
    // A page on the first process: it now remembers the session for a moment.
    let page = || client.get(a.url("/")).header("accept", "text/html").send();
    let home = page().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    // Logging out on one ends the session on the other, once that memory has aged out
    // (`BINA_SESSION_CACHE_MS`, one second by default).
    assert_eq!(
        call(&client, &b, "keluar", &[]).await.status,
        StatusCode::OK
    );
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let home = page().await.unwrap();
    assert_eq!(home.headers()["location"], "/masuk", "{}", home.status());
    assert_eq!(whoami(&client, &a).await, json!(null));
    a.stop();
    b.stop();
    db.remove().await;
}

async fn password_change_rotates_and_ends_other_sessions(db: TestDb) {
    let server = Server::start(&db).await;
    let nip = db.nip("pegawai");
    let phone = logged_in(&server, &nip).await;
    let laptop = logged_in(&server, &nip).await;
    let new = "kopi-palu-2026";
    let reply = call(
        &laptop,
        &server,
        "ganti-sandi",
        &[("current", PASSWORD), ("new", new), ("confirmation", new)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        whoami(&laptop, &server).await["nip"],
        json!(nip),
        "this session goes on"
    );
    assert_eq!(
        whoami(&phone, &server).await,
        json!(null),
        "the other session ended"
    );
    assert_eq!(
        login(&browser(), &server, &nip, PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login(&browser(), &server, &nip, new).await.status,
        StatusCode::OK
    );
    server.stop();
    db.remove().await;
}

async fn bad_password_change_changes_nothing(db: TestDb) {
    let server = Server::start(&db).await;
    let nip = db.nip("pegawai");
    let client = logged_in(&server, &nip).await;
    let cases = [
        (
            ("salah-sekali", "kopi-palu-2026", "kopi-palu-2026"),
            json!("WrongCurrentPassword"),
        ),
        (
            (PASSWORD, "pendek", "pendek"),
            json!({ "InvalidPassword": "TooShort" }),
        ),
        (
            (PASSWORD, "kopi-palu-2026", "kopi-palu-2027"),
            json!({ "InvalidPassword": "Mismatch" }),
        ),
    ];
    for ((current, new, confirmation), expected) in cases {
        let reply = call(
            &client,
            &server,
            "ganti-sandi",
            &[
                ("current", current),
                ("new", new),
                ("confirmation", confirmation),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(reply.body, expected);
    }
    // The old password still works and the session still stands.
    assert_eq!(whoami(&client, &server).await["nip"], json!(nip));
    assert_eq!(
        login(&browser(), &server, &nip, PASSWORD).await.status,
        StatusCode::OK
    );
    // Anonymous callers are refused outright.
    let anonymous = call(
        &browser(),
        &server,
        "ganti-sandi",
        &[
            ("current", PASSWORD),
            ("new", "kopi-palu-2026"),
            ("confirmation", "kopi-palu-2026"),
        ],
    )
    .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    server.stop();
    db.remove().await;
}

async fn plain_form_login_redirects(db: TestDb) {
    let server = Server::start(&db).await;
    let client = browser();
    let post = |nip: String, password: &'static str| {
        client
            .post(server.url("/api/masuk"))
            .header("accept", "text/html")
            .header("referer", server.url("/masuk"))
            .form(&[("nip", nip), ("password", password.to_owned())])
            .send()
    };
    let res = post(db.nip("pegawai"), "salah").await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()["location"], "/masuk?galat=kredensial");

    let res = post(db.nip("pegawai"), PASSWORD).await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()["location"], "/");
    let home = client.get(server.url("/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    assert!(home.text().await.unwrap().contains("Nurhayati Lasahido"));
    server.stop();
    db.remove().await;
}

async fn a_session_ends_at_its_absolute_lifetime(db: TestDb) {
    // A lifetime of zero hours: a session is over as soon as a second has passed.
    let server = Server::start_with(&db, &[("BINA_SESSION_MAX_HOURS", "0")]).await;
    // Session ages are whole seconds: the logins and the first download below fall within
    // the same second.
    at_start_of_a_second().await;
    let page = logged_in(&server, &db.nip("admin")).await;
    let download = logged_in(&server, &db.nip("admin")).await;
    let csv = || async {
        download
            .get(server.url("/dasbor/unduh?tabel=pegawai"))
            .send()
            .await
            .unwrap()
    };
    assert_eq!(csv().await.status(), StatusCode::OK, "fresh session");

    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(
        whoami(&page, &server).await,
        json!(null),
        "pages and server functions"
    );
    // The plain routes (downloads, evidence files) apply the same lifetime.
    let res = csv().await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(res.headers()["location"], "/masuk");
    server.stop();
    db.remove().await;
}

async fn activity_moves_the_idle_deadline(db: TestDb) {
    // One idle minute: the deadline moves at most once a second (a sixtieth of it).
    let server = Server::start_with(&db, &[("BINA_SESSION_IDLE_MINUTES", "1")]).await;
    let session_cookie = |res: &reqwest::Response| {
        res.headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("bina_sesi="))
            .map(str::to_owned)
    };
    at_start_of_a_second().await;
    let client = logged_in(&server, &db.nip("pegawai")).await;
    let page = client.get(server.url("/")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(
        session_cookie(&page),
        None,
        "in the second of the login the deadline stays, and the session is not written"
    );

    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let page = client.get(server.url("/")).send().await.unwrap();
    let cookie = session_cookie(&page).expect("a later request moves the idle deadline");
    assert!(cookie.contains("Max-Age=60"), "{cookie}");
    assert!(page.text().await.unwrap().contains("Nurhayati Lasahido"));
    let page = client.get(server.url("/")).send().await.unwrap();
    assert_eq!(
        session_cookie(&page),
        None,
        "moved once, not on every request"
    );
    server.stop();
    db.remove().await;
}
