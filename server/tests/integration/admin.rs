//! The admin pages' server functions on both databases: only the admin may use them; a
//! competency in use is retired, never deleted; bad input changes nothing.

use crate::common::{Server, TestDb, call, logged_in};
use reqwest::StatusCode;

on_both_engines!(only_the_admin_edits_the_dictionary_standards_and_catalog);

const FIVE: &str = "Memahami dasar\nMenerapkan\nMenangani kasus sulit\nMembimbing\nMenjadi rujukan";

async fn only_the_admin_edits_the_dictionary_standards_and_catalog(db: TestDb) {
    let server = Server::start(&db).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let new = [
        ("id", ""),
        ("code", "t.pbj.01"),
        ("kind", "teknis"),
        ("name", "Pengadaan Barang dan Jasa"),
        (
            "description",
            "Merencanakan dan melaksanakan pengadaan sesuai ketentuan.",
        ),
        ("indicators", FIVE),
    ];
    // Everyone else is refused, and nothing is written.
    for role in ["pegawai", "atasan", "mentor", "pengelola_opd"] {
        let client = logged_in(&server, &db.nip(role)).await;
        for (endpoint, args) in [
            ("admin-kompetensi", vec![]),
            ("admin-kompetensi-simpan", new.to_vec()),
            ("admin-standar", vec![]),
            (
                "admin-kompetensi-status",
                vec![("id", "1"), ("pensiun", "1")],
            ),
            (
                "admin-standar-simpan",
                vec![
                    ("jabatan", "Perencana Ahli Madya"),
                    ("competency_id", "1"),
                    ("tingkat", "1"),
                ],
            ),
        ] {
            let r = call(&client, &server, endpoint, &args).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{role} {endpoint}");
        }
    }
    let list = call(&admin, &server, "admin-kompetensi", &[]).await;
    assert_eq!(list.status, StatusCode::OK);
    let before = list.body.as_array().unwrap().len();

    // Bad input: a precise error, nothing added.
    let mut bad = new.to_vec();
    bad[5].1 = "satu\ndua";
    let r = call(&admin, &server, "admin-kompetensi-simpan", &bad).await;
    assert_eq!(r.body, serde_json::json!({"Admin": "IndicatorsInvalid"}));
    let mut taken = new.to_vec();
    taken[1].1 = "M.01";
    let r = call(&admin, &server, "admin-kompetensi-simpan", &taken).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(
        call(&admin, &server, "admin-kompetensi", &[])
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        before
    );

    // Added; unused, so it may be deleted; M.01 is in use, so only retired.
    assert_eq!(
        call(&admin, &server, "admin-kompetensi-simpan", &new)
            .await
            .status,
        StatusCode::OK
    );
    let list = call(&admin, &server, "admin-kompetensi", &[]).await.body;
    let find = |code: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap()
            .clone()
    };
    let added = find("T.PBJ.01");
    assert_eq!(added["in_use"], false);
    let m01 = find("M.01");
    assert_eq!(m01["in_use"], true);
    let m01_id = m01["id"].as_i64().unwrap().to_string();
    let r = call(
        &admin,
        &server,
        "admin-kompetensi-status",
        &[("id", &m01_id), ("pensiun", "hapus")],
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.body, serde_json::json!({"Admin": "InUse"}));
    let r = call(
        &admin,
        &server,
        "admin-kompetensi-status",
        &[("id", &m01_id), ("pensiun", "1")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let added_id = added["id"].as_i64().unwrap().to_string();

    // A retired competency leaves the employees' pages; restoring brings it back.
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let codes = |body: &serde_json::Value| -> Vec<String> {
        body["details"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["gap"]["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let mine = call(&pegawai, &server, "kompetensi-saya", &[]).await.body;
    assert!(!codes(&mine).contains(&"M.01".to_owned()));
    call(
        &admin,
        &server,
        "admin-kompetensi-status",
        &[("id", &m01_id), ("pensiun", "0")],
    )
    .await;
    let mine = call(&pegawai, &server, "kompetensi-saya", &[]).await.body;
    assert!(codes(&mine).contains(&"M.01".to_owned()));

    // Standards: the new competency required of the pegawai's position shows on their page.
    let me = crate::common::whoami(&pegawai, &server).await;
    let jabatan = me["jabatan"].as_str().unwrap().to_owned();
    let r = call(
        &admin,
        &server,
        "admin-standar-simpan",
        &[
            ("jabatan", &jabatan),
            ("competency_id", &added_id),
            ("tingkat", "9"),
        ],
    )
    .await;
    assert_eq!(r.body, serde_json::json!({"Admin": "LevelInvalid"}));
    let r = call(
        &admin,
        &server,
        "admin-standar-simpan",
        &[
            ("jabatan", &jabatan),
            ("competency_id", &added_id),
            ("tingkat", "3"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let mine = call(&pegawai, &server, "kompetensi-saya", &[]).await.body;
    assert!(codes(&mine).contains(&"T.PBJ.01".to_owned()));
    let r = call(
        &admin,
        &server,
        "admin-kompetensi-status",
        &[("id", &added_id), ("pensiun", "hapus")],
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "now in use by a standard");

    // Catalog: a new program is listed for its competency.
    let program = [
        (
            "program[title]",
            "Pelatihan Pengadaan Barang dan Jasa Tingkat Dasar",
        ),
        ("program[path]", "pelatihan_teknis"),
        ("program[competency_id]", added_id.as_str()),
        ("program[jp]", "32"),
        ("program[mode]", "blended"),
        ("program[organiser]", "LKPP"),
        ("program[place]", "Palu dan daring"),
        ("program[starts_on]", "2030-03-02"),
        ("program[ends_on]", "2030-03-05"),
    ];
    let mut backwards = program.to_vec();
    backwards[8].1 = "2030-03-01";
    let r = call(&admin, &server, "admin-program-simpan", &backwards).await;
    assert_eq!(r.body, serde_json::json!({"Admin": "DatesInvalid"}));
    assert_eq!(
        call(&admin, &server, "admin-program-simpan", &program)
            .await
            .status,
        StatusCode::OK
    );
    let catalog = call(&pegawai, &server, "katalog", &[("competency", "T.PBJ.01")])
        .await
        .body;
    assert_eq!(catalog.as_array().unwrap().len(), 1);
    assert_eq!(
        call(&pegawai, &server, "admin-program-simpan", &program)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    server.stop();
    db.remove().await;
}
