//! The JP ledger over HTTP on both databases: recording with evidence, what is refused (and
//! leaves nothing behind), who may download evidence, and verification by the OPD.

use crate::common::{Server, TestDb, browser, call, call_multipart, logged_in};
use reqwest::{
    StatusCode,
    multipart::{Form, Part},
};
use serde_json::Value;

on_both_engines!(recorded_jp_count_only_once_verified_by_the_opd);

pub(crate) const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

pub(crate) fn today() -> String {
    // Today in WITA, as the server sees it.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    bina_app::calendar::IsoDate::from_unix_wita(now).to_string()
}

pub(crate) fn entry_form(title: &str, ends_on: &str, file: Vec<u8>, file_name: &str) -> Form {
    let day = today();
    let starts_on = if ends_on < day.as_str() {
        ends_on.to_owned()
    } else {
        day.clone()
    };
    Form::new()
        .text("path", "bimbingan_teknis")
        .text("title", title.to_owned())
        .text("organiser", "BPKAD Kota Palu")
        .text("starts_on", starts_on)
        .text("ends_on", ends_on.to_owned())
        .text("amount", "1")
        .text("unit", "days")
        .part("bukti", Part::bytes(file).file_name(file_name.to_owned()))
}

pub(crate) async fn record(
    client: &reqwest::Client,
    server: &Server,
    form: Form,
) -> (StatusCode, Value) {
    let reply = call_multipart(client, server, "jp-catat", form).await;
    (reply.status, reply.body)
}

async fn ledger(client: &reqwest::Client, server: &Server) -> Value {
    let reply = call(client, server, "jp", &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

async fn recorded_jp_count_only_once_verified_by_the_opd(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let day = today();

    let before = ledger(&pegawai, &server).await;
    let verified_before = before["progress"]["verified"].as_u64().unwrap();
    let files_before = db.evidence_files();

    // Refused: too big, not a certificate, a date that does not exist. Nothing is written.
    let mut big = PDF.to_vec();
    big.resize(2 * 1024 * 1024 + 10, b' ');
    let (status, body) = record(
        &pegawai,
        &server,
        entry_form("Bimtek RKA", &day, big, "sertifikat.pdf"),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body, serde_json::json!({"Ledger": "EvidenceTooLarge"}));
    let html = b"<html><script>alert(1)</script></html>".to_vec();
    let (status, body) = record(
        &pegawai,
        &server,
        entry_form("Bimtek RKA", &day, html, "sertifikat.pdf"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body, serde_json::json!({"Ledger": "EvidenceType"}));
    let (status, body) = record(
        &pegawai,
        &server,
        entry_form("Bimtek RKA", "2026-02-30", PDF.to_vec(), "s.pdf"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body, serde_json::json!({"Ledger": "DateInvalid"}));
    assert_eq!(
        ledger(&pegawai, &server).await["entries"],
        before["entries"]
    );
    assert_eq!(
        db.evidence_files(),
        files_before,
        "no file left by refused requests"
    );

    // Recorded: pending, not yet counted.
    let (status, body) = record(
        &pegawai,
        &server,
        entry_form(
            "Bimtek Penyusunan RKA",
            &day,
            PDF.to_vec(),
            "sertifikat.pdf",
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after = ledger(&pegawai, &server).await;
    let entry = &after["entries"][0];
    assert_eq!(entry["status"], "Recorded");
    assert_eq!(
        entry["jp"], 8,
        "one training day of 6 hours at 45 minutes a JP"
    );
    assert_eq!(
        after["progress"]["verified"].as_u64().unwrap(),
        verified_before
    );
    assert_eq!(after["progress"]["pending"], 8);
    let id = entry["id"].as_i64().unwrap().to_string();
    assert_eq!(db.evidence_files(), files_before + 1);

    // The evidence: the owner, the OPD's HR officer and the admin; not a colleague, and
    // not an anonymous visitor.
    for (client, expected) in [
        (&pegawai, StatusCode::OK),
        (&pengelola, StatusCode::OK),
        (&admin, StatusCode::OK),
        (&mentor, StatusCode::FORBIDDEN),
    ] {
        let res = client
            .get(server.url(&format!("/bukti/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), expected);
        if expected == StatusCode::OK {
            assert_eq!(res.headers()["content-type"], "application/pdf");
            assert!(
                res.headers()["content-disposition"]
                    .to_str()
                    .unwrap()
                    .starts_with("attachment")
            );
            assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);
        }
    }
    let res = browser()
        .get(server.url(&format!("/bukti/{id}")))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection());

    // Verification: not by the employee or a colleague; the pengelola OPD sees only their
    // OPD's entries and verifies; a second decision is refused.
    let verify = [
        ("entry_id", id.as_str()),
        ("keputusan", "sah"),
        ("alasan", ""),
    ];
    for other in [&pegawai, &mentor] {
        assert_eq!(
            call(other, &server, "verifikasi-putus", &verify)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            call(other, &server, "verifikasi", &[]).await.status,
            StatusCode::FORBIDDEN
        );
    }
    let queue = call(&pengelola, &server, "verifikasi", &[]).await;
    assert_eq!(queue.status, StatusCode::OK);
    let queue = queue.body.as_array().unwrap().clone();
    assert!(
        queue
            .iter()
            .any(|q| q["entry"]["id"].as_i64().unwrap().to_string() == id)
    );
    let opd = &queue[0]["opd_name"];
    assert!(
        queue.iter().all(|q| &q["opd_name"] == opd),
        "only their own OPD"
    );
    let city_queue = call(&admin, &server, "verifikasi", &[]).await.body;
    assert!(
        city_queue
            .as_array()
            .unwrap()
            .iter()
            .any(|q| &q["opd_name"] != opd),
        "the admin sees every OPD"
    );

    let reject_without_reason = [
        ("entry_id", id.as_str()),
        ("keputusan", "tolak"),
        ("alasan", " "),
    ];
    let r = call(
        &pengelola,
        &server,
        "verifikasi-putus",
        &reject_without_reason,
    )
    .await;
    assert_eq!(r.body, serde_json::json!({"Ledger": "ReasonRequired"}));
    assert_eq!(
        call(&pengelola, &server, "verifikasi-putus", &verify)
            .await
            .status,
        StatusCode::OK
    );
    let r = call(&admin, &server, "verifikasi-putus", &verify).await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    let done = ledger(&pegawai, &server).await;
    assert_eq!(done["entries"][0]["status"], "Verified");
    assert_eq!(
        done["progress"]["verified"].as_u64().unwrap(),
        verified_before + 8
    );
    assert_eq!(done["progress"]["pending"], 0);
    let notes = call(&pegawai, &server, "notifikasi", &[]).await;
    assert_eq!(notes.body[0]["kind"], "JpVerified");

    // The colleague's ledger does not contain it.
    let theirs = ledger(&mentor, &server).await;
    assert!(
        !theirs["entries"].as_array().unwrap().iter().any(|e| e["id"]
            .as_i64()
            .unwrap()
            .to_string()
            == id)
    );
    server.stop();
    db.remove().await;
}
