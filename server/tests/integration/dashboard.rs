//! The planning dashboard over HTTP on both databases: who sees which scope, the figures
//! add up, the remote gap shows, and the CSV downloads follow the same rules.

use crate::common::{Server, TestDb, call, logged_in};
use reqwest::StatusCode;

on_both_engines!(the_dashboard_is_scoped_and_its_figures_add_up);

async fn the_dashboard_is_scoped_and_its_figures_add_up(db: TestDb) {
    let server = Server::start(&db).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;

    // Nobody without a management role sees it.
    for role in ["pegawai", "atasan", "mentor"] {
        let client = logged_in(&server, &db.nip(role)).await;
        assert_eq!(
            call(&client, &server, "dasbor", &[]).await.status,
            StatusCode::FORBIDDEN,
            "{role}"
        );
        let drill = call(
            &client,
            &server,
            "dasbor-pegawai",
            &[("lihat", "semua"), ("page", "1")],
        )
        .await;
        assert_eq!(drill.status, StatusCode::FORBIDDEN, "{role} drill-down");
        let res = client
            .get(server.url("/dasbor/unduh?tabel=pegawai"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{role} CSV");
    }

    // The city: every employee once in each figure; remote staff behind urban staff.
    let city = call(&admin, &server, "dasbor", &[]).await;
    assert_eq!(city.status, StatusCode::OK, "{}", city.body);
    let summary = &city.body["summary"];
    let employees = summary["employees"].as_u64().unwrap();
    assert!(employees >= 1000);
    let sum = |key: &str| -> u64 {
        summary[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["count"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(sum("plans"), employees);
    assert_eq!(sum("jp_buckets"), employees);
    let access = summary["by_access"].as_array().unwrap();
    let avg = |class: &str| {
        access.iter().find(|a| a["access"] == class).unwrap()["avg_jp_tenths"]
            .as_u64()
            .unwrap()
    };
    assert!(avg("Remote") < avg("Urban"), "the seed's remote gap shows");
    assert!(city.body["opd_name"].is_null());
    assert!(
        city.body["heatmap"]["rows"].as_array().unwrap().len() > 10,
        "one row per OPD"
    );

    // The pengelola OPD: their OPD only, per unit; another OPD is refused.
    let own = call(&pengelola, &server, "dasbor", &[]).await;
    assert_eq!(own.status, StatusCode::OK);
    let own_opd = own.body["filter"]["opd"].as_i64().unwrap();
    assert!(own.body["heatmap"]["by_unit"].as_bool().unwrap());
    assert!(own.body["summary"]["employees"].as_u64().unwrap() < employees);
    let other = (own_opd % 20 + 1).to_string();
    let refused = call(
        &pengelola,
        &server,
        "dasbor",
        &[("filter[opd]", other.as_str())],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let res = pengelola
        .get(server.url(&format!("/dasbor/unduh?tabel=peta&opd={other}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The admin may narrow to that OPD and gets the same figures.
    let same = call(
        &admin,
        &server,
        "dasbor",
        &[("filter[opd]", own_opd.to_string().as_str())],
    )
    .await;
    assert_eq!(same.body["summary"], own.body["summary"]);

    // Drill-down and CSV list exactly the people behind a figure.
    let remote_count = access.iter().find(|a| a["access"] == "Remote").unwrap()["employees"]
        .as_u64()
        .unwrap();
    let list = call(
        &admin,
        &server,
        "dasbor-pegawai",
        &[("lihat", "akses-remote"), ("page", "1")],
    )
    .await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.body["total"].as_u64().unwrap(), remote_count);
    let res = admin
        .get(server.url("/dasbor/unduh?tabel=pegawai&lihat=akses-remote"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = res.text().await.unwrap();
    assert_eq!(
        csv.lines().count() as u64,
        remote_count + 1,
        "a header and one line each"
    );
    assert!(csv.starts_with("nip,nama,opd"));
    server.stop();
    db.remove().await;
}
