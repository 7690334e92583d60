//! Every role is refused what it may not do, and allowed what it may, on both databases.

use crate::common::{Server, TestDb, browser, call, logged_in};
use reqwest::StatusCode;

on_both_engines!(each_role_is_refused_what_it_may_not_do);

async fn each_role_is_refused_what_it_may_not_do(db: TestDb) {
    let server = Server::start(&db).await;
    let staff = |opd: Option<&'static str>| {
        let mut args = vec![("query", ""), ("page", "1")];
        if let Some(opd) = opd {
            args.push(("opd_id", opd));
        }
        args
    };

    // Anonymous: nothing.
    let anonymous = browser();
    for (endpoint, args) in [
        ("tim", vec![]),
        ("pegawai", staff(None)),
        ("beranda", vec![]),
    ] {
        let reply = call(&anonymous, &server, endpoint, &args).await;
        assert_eq!(
            reply.status,
            StatusCode::UNAUTHORIZED,
            "anonymous {endpoint}"
        );
    }

    // Pegawai: own home only.
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    assert_eq!(
        call(&pegawai, &server, "beranda", &[]).await.status,
        StatusCode::OK
    );
    assert_eq!(
        call(&pegawai, &server, "tim", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(&pegawai, &server, "pegawai", &staff(None))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // Atasan: their team, with the demo pegawai in it; no OPD staff list.
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    let team = call(&atasan, &server, "tim", &[]).await;
    assert_eq!(team.status, StatusCode::OK);
    let nips: Vec<&str> = team
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["nip"].as_str().unwrap())
        .collect();
    assert!(nips.contains(&db.nip("pegawai").as_str()));
    assert_eq!(
        call(&atasan, &server, "pegawai", &staff(None)).await.status,
        StatusCode::FORBIDDEN
    );

    // Pengelola OPD: own OPD (whatever they ask for by default), never another.
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;
    let own = call(&pengelola, &server, "pegawai", &staff(None)).await;
    assert_eq!(own.status, StatusCode::OK);
    let own_opd = own.body["opd_id"].as_i64().unwrap();
    assert!(own.body["total"].as_i64().unwrap() > 0);
    let other = if own_opd == 1 { "2" } else { "1" };
    assert_eq!(
        call(&pengelola, &server, "pegawai", &staff(Some(other)))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(&pengelola, &server, "tim", &[]).await.status,
        StatusCode::FORBIDDEN
    );

    // Admin: any OPD; a missing OPD is not found.
    let admin = logged_in(&server, &db.nip("admin")).await;
    let any = call(&admin, &server, "pegawai", &staff(Some(other))).await;
    assert_eq!(any.status, StatusCode::OK);
    assert_eq!(any.body["opd_choices"].as_array().unwrap().len(), 27);
    assert_eq!(
        call(&admin, &server, "pegawai", &staff(Some("9999")))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        call(&admin, &server, "tim", &[]).await.status,
        StatusCode::FORBIDDEN
    );

    server.stop();
    db.remove().await;
}
