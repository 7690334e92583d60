//! Mentorships: a pair that is not a fit ends politely, and goals track progress.

use super::*;

on_both_engines!(a_pair_that_is_not_a_fit_ends_politely_and_goals_track_progress,);

async fn a_pair_that_is_not_a_fit_ends_politely_and_goals_track_progress(db: TestDb) {
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let abdul = employee_id(&atasan, &server).await;
    let competency = m06(&pegawai, &server).await;
    let mentorship = start_mentorship(
        (&pegawai, &atasan),
        &server,
        abdul,
        competency,
        "Membina guru",
    )
    .await;
    let view = |client: Client| {
        let server = &server;
        let id = mentorship.clone();
        async move {
            call(&client, server, "bimbingan", &[("id", &id)])
                .await
                .body
        }
    };

    // Goals with progress, kept by either side and nobody else.
    let goal = [
        ("mentorship_id", mentorship.as_str()),
        ("tujuan", "Menyusun RPP berdiferensiasi"),
    ];
    assert_eq!(
        call(&admin, &server, "bimbingan-tujuan", &goal)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(&pegawai, &server, "bimbingan-tujuan", &goal)
            .await
            .status,
        StatusCode::OK
    );
    let goal_id = view(pegawai.clone()).await["goals"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let set = |client: Client, value: &'static str| {
        let server = &server;
        let goal_id = goal_id.clone();
        async move {
            call(
                &client,
                server,
                "bimbingan-kemajuan",
                &[("goal_id", &goal_id), ("kemajuan", value)],
            )
            .await
            .status
        }
    };
    assert_eq!(
        set(atasan.clone(), "150").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(set(admin.clone(), "60").await, StatusCode::FORBIDDEN);
    assert_eq!(set(atasan.clone(), "60").await, StatusCode::OK);
    assert_eq!(view(pegawai.clone()).await["goals"][0]["progress"], 60);

    // No fit check before the first confirmed session.
    let not_a_fit = [("mentorship_id", mentorship.as_str()), ("cocok", "tidak")];
    assert_eq!(view(pegawai.clone()).await["fit_check_due"], false);
    assert_eq!(
        call(&pegawai, &server, "bimbingan-cocok", &not_a_fit)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let session = [
        ("mentorship_id", mentorship.as_str()),
        ("session[held_on]", &today()),
        ("session[minutes]", "45"),
        ("session[mode]", "in_person"),
        ("session[notes]", ""),
    ];
    assert_eq!(
        call(&atasan, &server, "bimbingan-sesi", &session)
            .await
            .status,
        StatusCode::OK
    );
    let session_id = view(pegawai.clone()).await["sessions"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let reply = call(
        &pegawai,
        &server,
        "bimbingan-konfirmasi",
        &[("session_id", &session_id)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);

    // After it, "not a good fit" ends the pairing, frees the place and says so.
    assert_eq!(view(pegawai.clone()).await["fit_check_due"], true);
    assert_eq!(
        call(&pegawai, &server, "bimbingan-cocok", &not_a_fit)
            .await
            .status,
        StatusCode::OK
    );
    let ended = view(pegawai.clone()).await;
    assert_eq!(ended["active"], false);
    assert_eq!(ended["ended_not_a_fit"], true);
    assert_eq!(ended["fit_check_due"], false);
    assert_eq!(
        call(&pegawai, &server, "bimbingan-cocok", &not_a_fit)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "answered once"
    );
    assert_eq!(
        call(&atasan, &server, "mentor-meja", &[]).await.body["active_mentees"],
        0
    );
    let notes = call(&atasan, &server, "notifikasi", &[]).await.body;
    assert!(
        notes
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "MentorshipNotAFit")
    );
    // The mentee is offered the others.
    assert!(!recommended(&page(&pegawai, &server, competency).await).contains(&abdul));
    server.stop();
    db.remove().await;
}
