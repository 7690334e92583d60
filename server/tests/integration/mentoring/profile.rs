//! Mentor profiles: opting in makes a mentor, and bad input changes nothing.

use super::*;

on_both_engines!(opting_in_makes_a_mentor_and_bad_input_changes_nothing,);

async fn opting_in_makes_a_mentor_and_bad_input_changes_nothing(db: TestDb) {
    let server = Server::start(&db).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let me = employee_id(&pengelola, &server).await;
    let pool = database(&db).await;
    let strong = count(&pool, "SELECT id FROM competency WHERE code = 'M.03'").await;
    let weak = count(&pool, "SELECT id FROM competency WHERE code = 'T.KES.01'").await;
    assess(&pool, me, strong, 4).await;

    // Not a mentor yet: the desk is refused.
    assert_eq!(whoami(&pengelola, &server).await["roles"]["mentor"], false);
    let reply = call(&pengelola, &server, "mentor-meja", &[]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let profile = call(&pengelola, &server, "mentor-profil", &[]).await.body;
    assert_eq!(profile["is_mentor"], false);

    let save = |capacity: &'static str, expertise: i64| {
        let client = pengelola.clone();
        let server = &server;
        async move {
            call(
                &client,
                server,
                "mentor-profil-simpan",
                &[
                    ("profile[capacity]", capacity),
                    ("profile[mode]", "online"),
                    ("profile[bio]", "Pengelola kepegawaian"),
                    ("profile[accepting]", "1"),
                    ("profile[expertise][3]", &expertise.to_string()),
                ],
            )
            .await
            .status
        }
    };
    // Bad input: a clear refusal and no profile.
    assert_eq!(save("0", strong).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        save("2", weak).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "level too low"
    );
    let sql = format!("SELECT COUNT(*) FROM mentor_profile WHERE employee_id = {me}");
    assert_eq!(count(&pool, &sql).await, 0);

    assert_eq!(save("2", strong).await, StatusCode::OK);
    assert_eq!(whoami(&pengelola, &server).await["roles"]["mentor"], true);
    let profile = call(&pengelola, &server, "mentor-profil", &[]).await.body;
    assert_eq!(profile["is_mentor"], true);
    assert_eq!(profile["mode"], "Online");
    assert_eq!(
        call(&pengelola, &server, "mentor-meja", &[]).await.status,
        StatusCode::OK
    );

    // A plain employee has no desk; requests with bad input change nothing.
    assert_eq!(
        call(&pegawai, &server, "mentor-meja", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let sitti = employee_id(&mentor, &server).await;
    let competency = m06(&pegawai, &server).await;
    assert_eq!(
        send(&pegawai, &server, sitti, competency, "  ").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let pegawai_id = employee_id(&pegawai, &server).await;
    assert_eq!(
        send(&pegawai, &server, pegawai_id, competency, "Diri").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The pengelola offers M.03 only: not eligible for M.06.
    assert_eq!(
        send(&pegawai, &server, me, competency, "M.06").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let sql = format!("SELECT COUNT(*) FROM mentoring_request WHERE mentee_id = {pegawai_id}");
    assert_eq!(count(&pool, &sql).await, 0);
    // Anonymous callers get nothing.
    let anonymous = crate::common::browser();
    for endpoint in ["mentoring", "mentor-meja", "mentor-profil"] {
        assert_eq!(
            call(&anonymous, &server, endpoint, &[]).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    server.stop();
    db.remove().await;
}
