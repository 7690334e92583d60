//! Certificates over HTTP: a completed course issues one; the public check says only what
//! the certificate prints (no NIP) and answers a wrong code without a hint; the PDF goes to
//! its holder and the admin only; the admin revokes with a reason; the check is rate-limited.

use reqwest::StatusCode;

use crate::common::{Reply, Server, TestDb, browser, call, logged_in};
use crate::course_completion::done;
use crate::learning::{course_id, enrol, module_ids};
use crate::mentoring::{count, database, employee_id};

on_both_engines!(
    the_public_check_shows_the_face_of_a_certificate_and_nothing_else,
    the_pdf_goes_to_its_holder_and_the_admin_only,
    the_admin_revokes_a_certificate_with_a_reason,
    the_public_check_is_rate_limited_per_address,
);

/// The pegawai completes "Pelayanan Publik Prima" (three modules, no post-test); returns her
/// client, her certificate's code and her NIP.
async fn completed(server: &Server, db: &TestDb) -> (reqwest::Client, String, String) {
    let store = database(db).await;
    let course = course_id(db, "Pelayanan Publik Prima").await;
    let pegawai = logged_in(server, &db.nip("pegawai")).await;
    let me = employee_id(&pegawai, server).await;
    enrol(&pegawai, server, &course).await;
    for module in module_ids(&pegawai, server, &course).await {
        let reply = done(&pegawai, server, &course, &module).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    assert_eq!(
        count(
            &store,
            &format!("SELECT COUNT(*) FROM certificate WHERE employee_id = {me}")
        )
        .await,
        1
    );
    use sqlx::Row;
    let code: String = sqlx::query(&format!(
        "SELECT code FROM certificate WHERE employee_id = {me}"
    ))
    .fetch_one(&store.pool)
    .await
    .unwrap()
    .get("code");
    (pegawai, code, db.nip("pegawai"))
}

async fn check(client: &reqwest::Client, server: &Server, code: &str) -> Reply {
    call(client, server, "sertifikat-periksa", &[("code", code)]).await
}

async fn the_public_check_shows_the_face_of_a_certificate_and_nothing_else(db: TestDb) {
    let server = Server::start(&db).await;
    let (_, code, nip) = completed(&server, &db).await;
    let anyone = browser();

    let reply = check(&anyone, &server, &code).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let face = &reply.body["Valid"];
    assert_eq!(face["code"], code.as_str());
    assert_eq!(face["program_title"], "Pelayanan Publik Prima");
    assert_eq!(face["jp"], 12);
    assert!(face["holder_name"].as_str().is_some_and(|n| !n.is_empty()));
    assert!(
        !reply.body.to_string().contains(&nip),
        "no NIP in the check"
    );

    // Typed loosely (lower case, spaces for hyphens) it is the same certificate.
    let typed = code.to_lowercase().replace('-', " ");
    assert_eq!(check(&anyone, &server, &typed).await.body, reply.body);

    // The page its QR code opens, without a login.
    let res = anyone
        .get(server.url(&format!("/sertifikat/{code}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    assert!(page.contains("Sertifikat ini sah."));
    assert!(page.contains(face["holder_name"].as_str().unwrap()));
    assert!(!page.contains(&nip), "no NIP on the public page");

    // A wrong code of the right shape, and something that is no code at all, answer alike
    // and name nobody.
    let last = code.chars().last().unwrap();
    let other = format!(
        "{}{}",
        &code[..code.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    let unknown = check(&anyone, &server, &other).await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert_eq!(unknown.body, serde_json::json!("Unknown"));
    assert_eq!(
        check(&anyone, &server, "' OR 1=1 --").await.body,
        unknown.body
    );
    let res = anyone
        .get(server.url(&format!("/sertifikat/{other}")))
        .send()
        .await
        .unwrap();
    let page = res.text().await.unwrap();
    assert!(page.contains("Kode ini tidak dikenal."));
    assert!(!page.contains(face["holder_name"].as_str().unwrap()));
    assert!(!page.contains(&code));
}

async fn the_pdf_goes_to_its_holder_and_the_admin_only(db: TestDb) {
    let server = Server::start(&db).await;
    let (pegawai, code, _) = completed(&server, &db).await;
    let path = format!("/sertifikat/{code}/unduh");

    let res = pegawai.get(server.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));

    let admin = logged_in(&server, &db.nip("admin")).await;
    let res = admin.get(server.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // Someone else's certificate is not found, as a wrong code is.
    let other = logged_in(&server, &db.nip("mentor")).await;
    let res = other.get(server.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = pegawai
        .get(server.url("/sertifikat/0000-0000-0000-0000/unduh"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Without a login: to the login page.
    let res = browser().get(server.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/masuk");
}

async fn the_admin_revokes_a_certificate_with_a_reason(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let (pegawai, code, _) = completed(&server, &db).await;
    let id = count(
        &store,
        &format!("SELECT id FROM certificate WHERE code = '{code}'"),
    )
    .await
    .to_string();
    let revoke = |client: reqwest::Client, reason: &'static str| {
        let server = &server;
        let id = id.clone();
        async move {
            call(
                &client,
                server,
                "sertifikat-cabut",
                &[("certificate_id", &id), ("reason", reason)],
            )
            .await
        }
    };
    let revoked = || {
        count(
            &store,
            "SELECT COUNT(*) FROM certificate WHERE revoked_at IS NOT NULL",
        )
    };

    // Its holder may not revoke it; the admin must give a reason.
    let reply = revoke(pegawai.clone(), "Saya mau").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let admin = logged_in(&server, &db.nip("admin")).await;
    let reply = revoke(admin.clone(), "   ").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply.body,
        serde_json::json!({"Certificate": "ReasonMissing"})
    );
    assert_eq!(revoked().await, 0);

    let reply = revoke(admin.clone(), "Diterbitkan untuk akun uji").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(revoked().await, 1);
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'certificate_revoke'"
        )
        .await,
        1
    );
    let again = revoke(admin.clone(), "Lagi").await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    let reply = check(&browser(), &server, &code).await;
    assert!(
        reply.body["Revoked"]["revoked_on"].is_string(),
        "{}",
        reply.body
    );
    // The reason is the admin's business, not the public's.
    assert!(!reply.body.to_string().contains("akun uji"));
    let res = pegawai
        .get(server.url(&format!("/sertifikat/{code}/unduh")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

async fn the_public_check_is_rate_limited_per_address(db: TestDb) {
    let server = Server::start_with(&db, &[("BINA_CERTIFICATE_LOOKUPS_PER_MINUTE", "3")]).await;
    let anyone = browser();
    for _ in 0..3 {
        let reply = check(&anyone, &server, "0000-0000-0000-0000").await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    let reply = check(&anyone, &server, "0000-0000-0000-0000").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    // The page too: it asks the same check.
    let res = anyone
        .get(server.url("/sertifikat/0000-0000-0000-0001"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}
