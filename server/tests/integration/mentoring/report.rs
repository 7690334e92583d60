//! The mentoring dashboard: scoped to what the viewer manages, and its lists add up.

use super::*;

on_both_engines!(the_mentoring_dashboard_is_scoped_and_its_lists_add_up,);

async fn the_mentoring_dashboard_is_scoped_and_its_lists_add_up(db: TestDb) {
    let server = Server::start(&db).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;
    let pool = database(&db).await;
    let own_opd = whoami(&pengelola, &server).await["opd_id"]
        .as_i64()
        .unwrap();
    let other_opd = count(
        &pool,
        &format!("SELECT MIN(id) FROM opd WHERE id <> {own_opd}"),
    )
    .await;

    // A plain employee, a mentor and an atasan see no dashboard; a pengelola only their OPD.
    for role in ["pegawai", "mentor", "atasan"] {
        let client = logged_in(&server, &db.nip(role)).await;
        assert_eq!(
            call(&client, &server, "dasbor-mentoring", &[]).await.status,
            StatusCode::FORBIDDEN,
            "{role}"
        );
        let res = client
            .get(server.url("/dasbor/mentoring/unduh"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{role} downloaded");
    }
    let other = other_opd.to_string();
    let reply = call(
        &pengelola,
        &server,
        "dasbor-mentoring",
        &[("filter[opd]", &other)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);

    // The demo year of history shows in the city's figures, and they add up.
    let year = bina_app::calendar::IsoDate::from_unix_wita(now())
        .year
        .to_string();
    let city = call(
        &admin,
        &server,
        "dasbor-mentoring",
        &[("filter[tahun]", &year)],
    )
    .await;
    assert_eq!(city.status, StatusCode::OK, "{}", city.body);
    let s = &city.body["summary"];
    let by_status: u64 = s["by_status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_u64().unwrap())
        .sum();
    assert_eq!(by_status, s["requests"].as_u64().unwrap());
    let since = bina_app::calendar::IsoDate {
        year: year.parse().unwrap(),
        month: 1,
        day: 1,
    }
    .start_unix_wita();
    let in_db = count(
        &pool,
        &format!("SELECT COUNT(*) FROM mentoring_request WHERE created_at >= {since}"),
    )
    .await;
    assert_eq!(s["requests"].as_i64().unwrap(), in_db);
    assert!(s["mentors"].as_u64().unwrap() > 0);

    // The pengelola's own OPD is a part of the city; the list behind "declined" is as long as
    // the figure, and its CSV has one line per row plus the header.
    let mine = call(
        &pengelola,
        &server,
        "dasbor-mentoring",
        &[
            ("filter[tahun]", &year),
            ("filter[lihat]", "status-declined"),
        ],
    )
    .await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.body);
    assert!(mine.body["summary"]["requests"].as_u64().unwrap() <= s["requests"].as_u64().unwrap());
    let declined = mine.body["summary"]["by_status"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == "Declined")
        .unwrap()[1]
        .as_u64()
        .unwrap();
    let rows = mine.body["drill"][1].as_array().unwrap();
    assert_eq!(rows.len() as u64, declined);
    let csv = pengelola
        .get(server.url(&format!(
            "/dasbor/mentoring/unduh?tahun={year}&lihat=status-declined"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    assert_eq!(text.lines().count() as u64, declined + 1, "{text}");
    assert!(text.starts_with("mentee,nip,opd,akses,mentor,kompetensi,status,dikirim"));
    server.stop();
    db.remove().await;
}
