//! Development plans over HTTP on both databases: the whole approval cycle, and everyone
//! who may not act on a plan refused, with nothing changed by a refused request.

use crate::common::{Server, TestDb, browser, call, html, logged_in};
use reqwest::StatusCode;
use serde_json::Value;

on_both_engines!(a_plan_goes_through_approval_and_only_the_right_people_act_on_it);
on_both_engines!(a_plain_form_post_with_bad_input_returns_to_the_page_with_the_error);
on_both_engines!(a_create_form_sent_twice_creates_once);
on_both_engines!(suggestions_close_the_largest_gaps_up_to_the_target);

fn plan(body: &Value) -> &Value {
    &body["plan"]
}

async fn my_plan(client: &reqwest::Client, server: &Server) -> Value {
    let reply = call(client, server, "rencana", &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

async fn a_plan_goes_through_approval_and_only_the_right_people_act_on_it(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;

    // The demo pegawai starts without a plan, with competencies and gaps to plan for.
    let page = my_plan(&pegawai, &server).await;
    assert!(plan(&page)["id"].is_null());
    let year = plan(&page)["year"].as_i64().unwrap().to_string();
    let competency = page["competencies"][0]["id"].as_i64().unwrap().to_string();
    let gaps = call(&pegawai, &server, "kompetensi-saya", &[]).await;
    assert_eq!(gaps.status, StatusCode::OK);
    assert!(!gaps.body["details"].as_array().unwrap().is_empty());

    let item = |title: &'static str, jp: &'static str| {
        vec![
            ("year", year.clone()),
            ("competency_id", competency.clone()),
            ("path", "pelatihan_teknis".to_owned()),
            ("title", title.to_owned()),
            ("planned_jp", jp.to_owned()),
            ("target_quarter", "2".to_owned()),
            ("program_id", String::new()),
        ]
    };
    let add = |client: &reqwest::Client, args: Vec<(&'static str, String)>| {
        let args: Vec<(&str, String)> = args;
        let client = client.clone();
        let server = &server;
        async move {
            let borrowed: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            call(&client, server, "rencana-tambah", &borrowed).await
        }
    };

    // Bad input: a clear error and no plan created.
    let bad = add(
        &pegawai,
        item("Pelatihan Perencanaan Pembelajaran", "dua puluh"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.body, serde_json::json!({"Plan": "JpNotNumber"}));
    let mut wrong_competency = item("Pelatihan", "8");
    wrong_competency[1].1 = "999999".into();
    let bad = add(&pegawai, wrong_competency).await;
    assert_eq!(bad.body, serde_json::json!({"Plan": "CompetencyUnknown"}));
    assert!(plan(&my_plan(&pegawai, &server).await)["id"].is_null());

    // Submitting needs an item.
    let ok = add(&pegawai, item("Pelatihan Perencanaan Pembelajaran", "24")).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let page = my_plan(&pegawai, &server).await;
    let plan_id = plan(&page)["id"].as_i64().unwrap().to_string();
    let item_id = plan(&page)["items"][0]["id"].as_i64().unwrap().to_string();
    assert_eq!(plan(&page)["status"], "Draft");

    // Nobody else submits or edits it; the supervisor cannot approve a draft.
    for other in [&mentor, &admin, &atasan] {
        let r = call(other, &server, "rencana-ajukan", &[("plan_id", &plan_id)]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "submit by another");
        let r = call(other, &server, "rencana-hapus", &[("item_id", &item_id)]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "remove by another");
    }
    let approve = [
        ("plan_id", plan_id.as_str()),
        ("keputusan", "setujui"),
        ("komentar", ""),
    ];
    let r = call(&atasan, &server, "persetujuan-putus", &approve).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "approving a draft");

    // Submit: the supervisor is notified and sees it in the queue; it is locked.
    let r = call(
        &pegawai,
        &server,
        "rencana-ajukan",
        &[("plan_id", &plan_id)],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let queue = call(&atasan, &server, "persetujuan", &[]).await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(
        queue
            .body
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["plan"]["id"].as_i64().unwrap().to_string() == plan_id)
    );
    let notes = call(&atasan, &server, "notifikasi", &[]).await;
    assert_eq!(notes.body[0]["kind"], "PlanSubmitted");
    let locked = add(&pegawai, item("Seminar", "4")).await;
    assert_eq!(locked.status, StatusCode::CONFLICT);
    assert_eq!(locked.body, serde_json::json!({"Plan": "NotEditable"}));

    // Only the direct supervisor decides: not the admin, the OPD's HR officer or a mentor.
    for other in [&mentor, &admin, &pengelola, &pegawai] {
        let r = call(other, &server, "persetujuan-putus", &approve).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
    for not_atasan in [&pegawai, &pengelola] {
        assert_eq!(
            call(not_atasan, &server, "persetujuan", &[]).await.status,
            StatusCode::FORBIDDEN
        );
    }

    // Returning needs a comment; with one, the employee sees it and may edit again.
    let no_comment = [
        ("plan_id", plan_id.as_str()),
        ("keputusan", "kembalikan"),
        ("komentar", "  "),
    ];
    let r = call(&atasan, &server, "persetujuan-putus", &no_comment).await;
    assert_eq!(r.body, serde_json::json!({"Plan": "CommentRequired"}));
    assert_eq!(
        plan(&my_plan(&pegawai, &server).await)["status"],
        "Submitted"
    );
    let comment = "Tambahkan mentoring agar mencapai 20 JP.";
    let back = [
        ("plan_id", plan_id.as_str()),
        ("keputusan", "kembalikan"),
        ("komentar", comment),
    ];
    assert_eq!(
        call(&atasan, &server, "persetujuan-putus", &back)
            .await
            .status,
        StatusCode::OK
    );
    let page = my_plan(&pegawai, &server).await;
    assert_eq!(plan(&page)["status"], "Returned");
    let events = plan(&page)["events"].as_array().unwrap();
    assert_eq!(events.last().unwrap()["comment"], comment);
    let notes = call(&pegawai, &server, "notifikasi", &[]).await;
    assert_eq!(notes.body[0]["kind"], "PlanReturned");
    let mut mentoring = item("Mentoring perencanaan pembelajaran", "6");
    mentoring[2].1 = "mentoring".into();
    assert_eq!(add(&pegawai, mentoring).await.status, StatusCode::OK);

    // Resubmit and approve: read-only afterwards.
    assert_eq!(
        call(
            &pegawai,
            &server,
            "rencana-ajukan",
            &[("plan_id", &plan_id)]
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        call(&atasan, &server, "persetujuan-putus", &approve)
            .await
            .status,
        StatusCode::OK
    );
    let again = call(&atasan, &server, "persetujuan-putus", &approve).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "approving twice");
    let page = my_plan(&pegawai, &server).await;
    assert_eq!(plan(&page)["status"], "Approved");
    let r = call(&pegawai, &server, "rencana-hapus", &[("item_id", &item_id)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // Changing it opens revision 2 as a draft with the same items; the history stays.
    assert_eq!(
        call(&mentor, &server, "rencana-revisi", &[("plan_id", &plan_id)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(
            &pegawai,
            &server,
            "rencana-revisi",
            &[("plan_id", &plan_id)]
        )
        .await
        .status,
        StatusCode::OK
    );
    let page = my_plan(&pegawai, &server).await;
    assert_eq!(plan(&page)["revision"], 2);
    assert_eq!(plan(&page)["status"], "Draft");
    assert_eq!(plan(&page)["items"].as_array().unwrap().len(), 2);
    let actions: Vec<&str> = plan(&page)["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["Submit", "Return", "Submit", "Approve", "Revise"]);
    assert_eq!(
        call(
            &pegawai,
            &server,
            "rencana-revisi",
            &[("plan_id", &plan_id)]
        )
        .await
        .status,
        StatusCode::CONFLICT
    );

    // Anonymous visitors get nothing.
    let anonymous = browser();
    for endpoint in [
        "rencana",
        "kompetensi-saya",
        "persetujuan",
        "notifikasi",
        "katalog",
        "jp",
        "verifikasi",
        "dasbor",
        "dasbor-pegawai",
    ] {
        assert_eq!(
            call(&anonymous, &server, endpoint, &[]).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    server.stop();
    db.remove().await;
}

async fn a_plain_form_post_with_bad_input_returns_to_the_page_with_the_error(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let page = my_plan(&pegawai, &server).await;
    let year = plan(&page)["year"].as_i64().unwrap().to_string();
    let competency = page["competencies"][0]["id"].as_i64().unwrap().to_string();
    let res = pegawai
        .post(server.url("/api/rencana-tambah"))
        .header("accept", "text/html")
        .form(&[
            ("year", year.as_str()),
            ("competency_id", competency.as_str()),
            ("path", "seminar"),
            ("title", ""),
            ("planned_jp", "4"),
            ("target_quarter", "1"),
            ("program_id", ""),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        location,
        format!("/rencana?tahun={year}&galat=rencana-judul-kosong")
    );
    server.stop();
    db.remove().await;
}

async fn a_create_form_sent_twice_creates_once(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    // The form carries its key.
    let key = html(&pegawai, &server, "/rencana")
        .await
        .split("name=\"kunci\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the add form has a key")
        .to_owned();
    let page = my_plan(&pegawai, &server).await;
    let year = plan(&page)["year"].to_string();
    let competency = page["competencies"][0]["id"].to_string();
    let form = |key: &str| {
        vec![
            ("year", year.clone()),
            ("competency_id", competency.clone()),
            ("path", "seminar".to_owned()),
            ("title", "Seminar Pelayanan Publik".to_owned()),
            ("planned_jp", "4".to_owned()),
            ("target_quarter", "3".to_owned()),
            ("program_id", String::new()),
            ("kunci", key.to_owned()),
        ]
    };
    let send = |args: Vec<(&'static str, String)>| {
        let client = pegawai.clone();
        let url = server.url("/api/rencana-tambah");
        async move {
            client
                .post(url)
                .header("accept", "application/json")
                .form(&args)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    // A double tap: both sent at once with the same key.
    let (first, second) = tokio::join!(send(form(&key)), send(form(&key)));
    assert_eq!((first, second), (StatusCode::OK, StatusCode::OK));
    let items = |page: &Value| plan(page)["items"].as_array().unwrap().len();
    assert_eq!(items(&my_plan(&pegawai, &server).await), 1, "created once");
    // A resend later with the same key: still once.
    assert_eq!(send(form(&key)).await, StatusCode::OK);
    assert_eq!(items(&my_plan(&pegawai, &server).await), 1);
    // The next render's key adds the next item.
    assert_eq!(send(form("kunci-berikutnya")).await, StatusCode::OK);
    assert_eq!(items(&my_plan(&pegawai, &server).await), 2);
    // A key that is not a plain token is refused.
    assert_eq!(send(form("a'; DROP")).await, StatusCode::BAD_REQUEST);
    server.stop();
    db.remove().await;
}

/// "Saran untuk saya": the demo pegawai (no plan yet) gets items for her largest gaps first,
/// reaching the JP target, each with its reason; adding one as its form does puts it in the
/// draft and out of the suggestions; a submitted plan has none.
async fn suggestions_close_the_largest_gaps_up_to_the_target(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let page = my_plan(&pegawai, &server).await;
    let suggestions = page["suggestions"].as_array().unwrap().clone();
    assert!(!suggestions.is_empty(), "{page}");
    let target = page["progress"]["target"].as_u64().unwrap();
    let earned = page["progress"]["verified"].as_u64().unwrap()
        + page["progress"]["pending"].as_u64().unwrap();
    let sum: u64 = suggestions.iter().map(|s| s["jp"].as_u64().unwrap()).sum();
    let gaps: Vec<u64> = suggestions
        .iter()
        .map(|s| s["gap"].as_u64().unwrap())
        .collect();
    assert!(
        gaps.windows(2).all(|w| w[0] >= w[1]),
        "largest gap first: {gaps:?}"
    );
    assert!(gaps.iter().all(|g| *g > 0));
    // Enough to reach the target, or every gap the catalog and the mentors can serve.
    assert!(
        earned + sum >= target || suggestions.len() == 5,
        "{suggestions:?}"
    );
    let largest = page["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["gap"].as_u64().unwrap())
        .max()
        .unwrap();
    assert_eq!(gaps[0], largest, "the first closes a largest gap");

    // Added as its form posts it.
    let first = &suggestions[0];
    let year = plan(&page)["year"].as_i64().unwrap().to_string();
    let (path, title, program) = match &first["way"] {
        Value::Object(way) if way.contains_key("Program") => (
            way["Program"]["path"].as_str().unwrap().to_owned(),
            way["Program"]["title"].as_str().unwrap().to_owned(),
            way["Program"]["program_id"].to_string(),
        ),
        _ => (
            "Mentoring".to_owned(),
            format!("Mentoring {}", first["name"].as_str().unwrap()),
            String::new(),
        ),
    };
    // The path's form code from its name: `PelatihanTeknis` is `pelatihan_teknis`.
    let path: String = path
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let sep = (i > 0 && c.is_ascii_uppercase()).then_some('_');
            sep.into_iter()
                .chain(std::iter::once(c.to_ascii_lowercase()))
        })
        .collect();
    let reply = call(
        &pegawai,
        &server,
        "rencana-tambah",
        &[
            ("year", &year),
            ("competency_id", &first["competency_id"].to_string()),
            ("path", &path),
            ("title", &title),
            ("planned_jp", &first["jp"].to_string()),
            ("target_quarter", &first["quarter"].to_string()),
            ("program_id", &program),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let after = my_plan(&pegawai, &server).await;
    assert_eq!(plan(&after)["items"].as_array().unwrap().len(), 1);
    assert_eq!(plan(&after)["items"][0]["title"], title.as_str());
    assert!(
        after["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["competency_id"] != first["competency_id"]),
        "a planned competency is not suggested again"
    );
}
