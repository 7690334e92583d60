//! Requests an attacker or a broken client sends, over HTTP on both databases: writes from
//! another site, bodies that do not parse, text that is not text, a language switch that
//! points away, a download named from the query. Each gets a clear 4xx and changes nothing.

use crate::common::{Server, TestDb, browser, call, html, logged_in, login, whoami};
use reqwest::{Client, StatusCode, header};
use serde_json::{Value, json};

on_both_engines!(
    writes_from_another_site_are_refused_and_change_nothing,
    malformed_requests_get_a_400_never_a_500,
    text_that_is_not_text_is_refused_and_text_is_stored_in_nfc,
    the_language_switch_and_downloads_stay_on_this_site,
);

async fn my_plan(client: &Client, server: &Server) -> Value {
    let reply = call(client, server, "rencana", &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

/// The arguments of "add a plan item" for the demo pegawai's first competency.
async fn plan_item(client: &Client, server: &Server, title: &str) -> Vec<(&'static str, String)> {
    let page = my_plan(client, server).await;
    vec![
        ("year", page["plan"]["year"].to_string()),
        ("competency_id", page["competencies"][0]["id"].to_string()),
        ("path", "pelatihan_teknis".into()),
        ("title", title.into()),
        ("planned_jp", "8".into()),
        ("target_quarter", "2".into()),
        ("program_id", String::new()),
    ]
}

async fn post_from(
    client: &Client,
    server: &Server,
    endpoint: &str,
    args: &[(&str, String)],
    headers: &[(&'static str, &str)],
) -> reqwest::Response {
    let mut req = client
        .post(server.url(&format!("/api/{endpoint}")))
        .header("accept", "application/json")
        .form(args);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.expect("request")
}

fn items(plan: &Value) -> usize {
    plan["plan"]["items"].as_array().map_or(0, Vec::len)
}

async fn writes_from_another_site_are_refused_and_change_nothing(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let args = plan_item(&pegawai, &server, "Pelatihan Analisis Data").await;
    let own = server.base.clone();
    for foreign in [
        vec![("origin", "https://evil.example")],
        vec![("origin", "null")],
        vec![("sec-fetch-site", "cross-site")],
        vec![("referer", "https://evil.example/form.html")],
    ] {
        let res = post_from(&pegawai, &server, "rencana-tambah", &args, &foreign).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{foreign:?}");
    }
    assert_eq!(
        items(&my_plan(&pegawai, &server).await),
        0,
        "nothing written"
    );

    // A plain form post from another site gets a page that says why.
    let res = pegawai
        .post(server.url("/api/rencana-tambah"))
        .header("accept", "text/html")
        .header("origin", "https://evil.example")
        .form(&args)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("tidak dikirim dari halaman Bina")
    );

    // Logging out and logging in are writes too (login CSRF).
    let res = post_from(
        &pegawai,
        &server,
        "keluar",
        &[],
        &[("origin", "https://evil.example")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        whoami(&pegawai, &server).await["nip"],
        json!(db.nip("pegawai"))
    );
    let stranger = browser();
    let res = post_from(
        &stranger,
        &server,
        "masuk",
        &[
            ("nip", db.nip("admin")),
            ("password", crate::common::PASSWORD.into()),
        ],
        &[("origin", "https://evil.example")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(whoami(&stranger, &server).await, json!(null));

    // From Bina's own page, the same write goes through.
    let res = post_from(
        &pegawai,
        &server,
        "rencana-tambah",
        &args,
        &[("origin", &own)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = post_from(
        &pegawai,
        &server,
        "rencana-tambah",
        &args,
        &[("sec-fetch-site", "same-origin")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(items(&my_plan(&pegawai, &server).await), 2);
    server.stop();
    db.remove().await;
}

async fn malformed_requests_get_a_400_never_a_500(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let good = plan_item(&pegawai, &server, "Pelatihan").await;
    let with = |key: &str, value: &str| -> Vec<(&'static str, String)> {
        good.iter()
            .map(|(k, v)| {
                (
                    *k,
                    if *k == key {
                        value.to_owned()
                    } else {
                        v.clone()
                    },
                )
            })
            .collect()
    };
    let without = |key: &str| -> Vec<(&'static str, String)> {
        good.iter().filter(|(k, _)| *k != key).cloned().collect()
    };
    let bodies = [
        with("year", "dua ribu"),
        with("year", "99999999999999999999"),
        with("year", ""),
        without("title"),
        without("year"),
        vec![],
    ];
    for body in &bodies {
        let res = post_from(&pegawai, &server, "rencana-tambah", body, &[]).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{body:?}");
        assert_eq!(res.json::<Value>().await.unwrap(), json!("BadRequest"));
    }
    for (endpoint, body) in [
        ("rencana-hapus", vec![("item_id", "satu".to_owned())]),
        ("rencana-ajukan", vec![("plan_id", "1e400".to_owned())]),
        ("bimbingan-kemajuan", vec![("goal_id", "-".to_owned())]),
        ("verifikasi-putus", vec![]),
        ("masuk", vec![("nip", "1".to_owned())]),
    ] {
        let res = post_from(&pegawai, &server, endpoint, &body, &[]).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{endpoint} {body:?}");
    }
    // Bytes that are not a form at all.
    let res = pegawai
        .post(server.url("/api/rencana-tambah"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(vec![0xff, 0xfe, b'%', b'z', b'z', b'&', b'='])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        items(&my_plan(&pegawai, &server).await),
        0,
        "nothing written"
    );

    // Without JavaScript the form's page comes back with the message.
    let res = pegawai
        .post(server.url("/api/rencana-tambah"))
        .header("accept", "text/html")
        .header(header::REFERER, server.url("/rencana?tahun=2026"))
        .form(&with("year", "dua ribu"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(
        res.headers()[header::LOCATION],
        "/rencana?tahun=2026&galat=permintaan"
    );
    server.stop();
    db.remove().await;
}

async fn text_that_is_not_text_is_refused_and_text_is_stored_in_nfc(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    for hostile in [
        "Pelatihan\u{0}Analisis",
        "Pelatihan\u{1b}[31m",
        "Pelatihan \u{202E}fdp.exe",
        "Baris satu\nbaris dua",
    ] {
        let args = plan_item(&pegawai, &server, hostile).await;
        let res = post_from(&pegawai, &server, "rencana-tambah", &args, &[]).await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{hostile:?}"
        );
        assert_eq!(
            res.json::<Value>().await.unwrap(),
            json!({"Plan": "UnreadableText"})
        );
    }
    let blank = plan_item(&pegawai, &server, " \u{200B}\u{FEFF} ").await;
    let res = post_from(&pegawai, &server, "rencana-tambah", &blank, &[]).await;
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"Plan": "TitleEmpty"})
    );
    assert_eq!(
        items(&my_plan(&pegawai, &server).await),
        0,
        "nothing written"
    );

    // "e" and a combining accent are stored as the one character "é"; emoji are text.
    let args = plan_item(&pegawai, &server, "Kafe\u{301} literasi 📚").await;
    let res = post_from(&pegawai, &server, "rencana-tambah", &args, &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let plan = my_plan(&pegawai, &server).await;
    assert_eq!(
        plan["plan"]["items"][0]["title"],
        json!("Kaf\u{e9} literasi 📚")
    );
    let page = html(&pegawai, &server, "/rencana").await;
    assert!(page.contains("Kaf\u{e9} literasi 📚"));
    server.stop();
    db.remove().await;
}

async fn the_language_switch_and_downloads_stay_on_this_site(db: TestDb) {
    let server = Server::start(&db).await;
    let client = browser();
    for away in [
        "/\t/evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
    ] {
        let res = client
            .post(server.url("/bahasa"))
            .form(&[("ke", "en"), ("kembali", away)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()[header::LOCATION], "/", "{away:?}");
    }
    let admin = browser();
    assert_eq!(
        login(&admin, &server, &db.nip("admin"), crate::common::PASSWORD)
            .await
            .status,
        StatusCode::OK
    );
    let res = admin
        .get(server.url("/dasbor/unduh?tabel=x%22%0d%0aSet-Cookie:%20a=b&tahun=2026"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CONTENT_DISPOSITION],
        "attachment; filename=\"bina-pegawai-2026.csv\""
    );
    server.stop();
    db.remove().await;
}
