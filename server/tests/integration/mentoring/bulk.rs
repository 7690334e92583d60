//! Bulk matching: a programme's cohort, proposals published all or nothing, and the
//! admin designating and removing mentors.

use super::*;

on_both_engines!(
    bulk_matching_proposes_pairs_and_publishes_all_or_nothing,
    the_admin_designates_and_removes_mentors,
);

/// The cohort of a programme holds only its participants: people whose approved plan of this
/// year has the programme for the competency.
async fn programme_cohort_is_its_participants(
    admin: &Client,
    server: &Server,
    pool: &bina_app::db::Db,
) {
    use sqlx::Row;
    let year: i64 = today()[..4].parse().unwrap();
    let participants = "FROM dev_plan_item i JOIN dev_plan p ON p.id = i.plan_id \
         WHERE p.status = 'approved' AND p.year = $1 AND i.program_id IS NOT NULL";
    // The programme with the most participants who still have a gap in its competency.
    let busiest = sqlx::query(
        "SELECT i.competency_id, i.program_id FROM dev_plan_item i \
         JOIN dev_plan p ON p.id = i.plan_id JOIN employee e ON e.id = p.employee_id \
         JOIN position_standard s ON s.jabatan = e.jabatan AND s.competency_id = i.competency_id \
         WHERE p.status = 'approved' AND p.year = $1 AND i.program_id IS NOT NULL \
           AND s.required_level > COALESCE((SELECT a.level FROM assessment a \
               WHERE a.employee_id = e.id AND a.competency_id = i.competency_id \
               ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1), 0) \
         GROUP BY i.competency_id, i.program_id ORDER BY COUNT(*) DESC, i.program_id LIMIT 1",
    )
    .bind(year)
    .fetch_one(&pool.pool)
    .await
    .expect("the demo data has programme participants with gaps");
    let (competency, program): (i64, i64) = (busiest.get(0), busiest.get(1));
    let (competency, program) = (competency.to_string(), program.to_string());

    let city = call(
        admin,
        server,
        "admin-pencocokan",
        &[("filter[kompetensi]", competency.as_str())],
    )
    .await
    .body;
    assert!(
        city["programs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"].as_i64().unwrap().to_string() == program),
        "the programme is offered for its competency"
    );
    let reply = call(
        admin,
        server,
        "admin-pencocokan",
        &[
            ("filter[kompetensi]", competency.as_str()),
            ("filter[program]", program.as_str()),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let cohort = &reply.body["proposal"];
    assert!(cohort["mentees"].as_u64().unwrap() > 0, "{cohort}");
    assert!(cohort["mentees"].as_u64() <= city["proposal"]["mentees"].as_u64());
    let matched = cohort["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["mentee_id"]);
    let unmatched = cohort["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| &u["id"]);
    let everyone: Vec<i64> = matched
        .chain(unmatched)
        .map(|id| id.as_i64().unwrap())
        .collect();
    assert_eq!(everyone.len() as u64, cohort["mentees"].as_u64().unwrap());
    for mentee in everyone {
        let n: i64 = sqlx::query(&format!(
            "SELECT COUNT(*) {participants} AND p.employee_id = $2 \
             AND i.program_id = $3 AND i.competency_id = $4"
        ))
        .bind(year)
        .bind(mentee)
        .bind(program.parse::<i64>().unwrap())
        .bind(competency.parse::<i64>().unwrap())
        .fetch_one(&pool.pool)
        .await
        .unwrap()
        .get(0);
        assert!(n > 0, "mentee {mentee} is not a participant");
    }
}

async fn bulk_matching_proposes_pairs_and_publishes_all_or_nothing(db: TestDb) {
    let server = Server::start(&db).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let pool = database(&db).await;
    let competency = count(&pool, "SELECT id FROM competency WHERE code = 'M.06'")
        .await
        .to_string();
    let filter = [("filter[kompetensi]", competency.as_str())];

    // Only the admin matches in bulk.
    for role in ["pegawai", "mentor", "atasan", "pengelola_opd"] {
        let client = logged_in(&server, &db.nip(role)).await;
        assert_eq!(
            call(&client, &server, "admin-pencocokan", &filter)
                .await
                .status,
            StatusCode::FORBIDDEN,
            "{role}"
        );
        let reply = call(
            &client,
            &server,
            "admin-pencocokan-terbit",
            &[("competency_id", &competency)],
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{role} published");
    }

    let page = call(&admin, &server, "admin-pencocokan", &filter).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let proposal = &page.body["proposal"];
    let pairs = proposal["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty(), "{proposal}");
    // Within every mentor's places, one mentor per mentee, and the total adds up.
    let total: u64 = pairs
        .iter()
        .map(|p| p["mentor"]["score"].as_u64().unwrap())
        .sum();
    assert_eq!(total, proposal["total_score"].as_u64().unwrap());
    let mut per_mentor = std::collections::HashMap::new();
    for p in pairs {
        *per_mentor
            .entry(p["mentor"]["mentor_id"].as_i64().unwrap())
            .or_insert(0) += 1;
    }
    for (mentor, n) in &per_mentor {
        let sql = format!(
            "SELECT capacity - active_mentees FROM mentor_profile WHERE employee_id = {mentor}"
        );
        assert!(
            *n <= count(&pool, &sql).await,
            "mentor {mentor} over capacity"
        );
    }
    programme_cohort_is_its_participants(&admin, &server, &pool).await;
    let pending = "SELECT COUNT(*) FROM mentoring_request WHERE status = 'pending'";
    let before = count(&pool, pending).await;

    let row = |i: usize, mentee: i64, mentor: i64, keep: bool| {
        let mut r = vec![
            (format!("pasangan[{i}][mentee]"), mentee.to_string()),
            (format!("pasangan[{i}][mentor]"), mentor.to_string()),
        ];
        if keep {
            r.push((format!("pasangan[{i}][pakai]"), "1".to_owned()));
        }
        r
    };
    let publish = |rows: Vec<(String, String)>| {
        let client = admin.clone();
        let server = &server;
        let competency = competency.clone();
        async move {
            let mut args: Vec<(&str, &str)> = vec![("competency_id", competency.as_str())];
            args.extend(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            call(&client, server, "admin-pencocokan-terbit", &args)
                .await
                .status
        }
    };
    let pair = |i: usize| {
        (
            pairs[i]["mentee_id"].as_i64().unwrap(),
            pairs[i]["mentor"]["mentor_id"].as_i64().unwrap(),
        )
    };
    // Everything unticked, a mentor who does not qualify, or one mentor over their places:
    // refused, and nothing is sent.
    let (mentee, mentor) = pair(0);
    assert_eq!(
        publish(row(0, mentee, mentor, false)).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        publish(row(0, mentee, mentee, true)).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let places = count(
        &pool,
        &format!(
            "SELECT capacity - active_mentees FROM mentor_profile WHERE employee_id = {mentor}"
        ),
    )
    .await as usize;
    let over: Vec<(String, String)> = pairs
        .iter()
        .take(places + 1)
        .enumerate()
        .flat_map(|(i, p)| row(i, p["mentee_id"].as_i64().unwrap(), mentor, true))
        .collect();
    if pairs.len() > places {
        assert_eq!(publish(over).await, StatusCode::CONFLICT);
    }
    assert_eq!(count(&pool, pending).await, before);

    // The first two pairs kept, the third removed: two requests go out.
    let n = pairs.len().min(3);
    let rows: Vec<(String, String)> = (0..n)
        .flat_map(|i| {
            let (mentee, mentor) = pair(i);
            row(i, mentee, mentor, i < 2)
        })
        .collect();
    assert_eq!(publish(rows).await, StatusCode::OK);
    assert_eq!(count(&pool, pending).await, before + n.min(2) as i64);
    // Those mentees are no longer in the cohort.
    let again = call(&admin, &server, "admin-pencocokan", &filter)
        .await
        .body;
    let still: Vec<i64> = again["proposal"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["mentee_id"].as_i64().unwrap())
        .collect();
    assert!(!still.contains(&pair(0).0));
    server.stop();
    db.remove().await;
}

async fn the_admin_designates_and_removes_mentors(db: TestDb) {
    let server = Server::start(&db).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let pengelola = logged_in(&server, &db.nip("pengelola_opd")).await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pool = database(&db).await;
    let me = employee_id(&pengelola, &server).await;
    sqlx::query(
        "INSERT INTO assessment (employee_id, competency_id, level, source, assessed_on) \
         SELECT $1, id, 4, 'assessment_centre', $2 FROM competency WHERE code = 'M.03'",
    )
    .bind(me)
    .bind(today())
    .execute(&pool.pool)
    .await
    .unwrap();
    let designate = [
        ("nip", db.nip("pengelola_opd")),
        ("tindakan", "tetapkan".to_owned()),
    ];
    let designate: Vec<(&str, &str)> = designate.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // Nobody but the admin designates.
    for client in [&pengelola, &mentor] {
        assert_eq!(
            call(client, &server, "admin-mentor", &designate)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
    let bad = [("nip", "12345"), ("tindakan", "tetapkan")];
    assert_eq!(
        call(&admin, &server, "admin-mentor", &bad).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Pages reuse an account read a moment ago; someone else's change shows all the same.
    let home = |client: &Client| {
        let request = client.get(server.url("/"));
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let mentor_card = "data-role=\"mentor\"";
    assert!(!home(&pengelola).await.contains(mentor_card));
    assert_eq!(
        call(&admin, &server, "admin-mentor", &designate)
            .await
            .status,
        StatusCode::OK
    );
    assert!(home(&pengelola).await.contains(mentor_card));
    assert_eq!(whoami(&pengelola, &server).await["roles"]["mentor"], true);
    let sql = format!("SELECT COUNT(*) FROM mentor_expertise WHERE employee_id = {me}");
    assert!(count(&pool, &sql).await >= 1);

    // Removing the demo mentor: no longer a mentor, no desk, not recommended.
    let remove = [("nip", db.nip("mentor")), ("tindakan", "cabut".to_owned())];
    let remove: Vec<(&str, &str)> = remove.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        call(&admin, &server, "admin-mentor", &remove).await.status,
        StatusCode::OK
    );
    assert_eq!(
        call(&admin, &server, "admin-mentor", &remove).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(whoami(&mentor, &server).await["roles"]["mentor"], false);
    assert_eq!(
        call(&mentor, &server, "mentor-meja", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    // Saving their profile again does not make them a mentor: only the admin restores.
    let profile = call(&mentor, &server, "mentor-profil", &[]).await.body;
    let chosen: Vec<String> = profile["expertise"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["chosen"] == true)
        .map(|e| e["competency_id"].to_string())
        .collect();
    assert!(!chosen.is_empty());
    let mut resave = vec![
        ("profile[capacity]".to_owned(), "3".to_owned()),
        ("profile[mode]".to_owned(), "online".to_owned()),
        ("profile[bio]".to_owned(), String::new()),
        ("profile[accepting]".to_owned(), "1".to_owned()),
    ];
    for (i, id) in chosen.iter().enumerate() {
        resave.push((format!("profile[expertise][{i}]"), id.clone()));
    }
    let resave: Vec<(&str, &str)> = resave
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = call(&mentor, &server, "mentor-profil-simpan", &resave).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(
        reply.body,
        serde_json::json!({"Mentoring": "RemovedByAdmin"})
    );
    assert_eq!(whoami(&mentor, &server).await["roles"]["mentor"], false);
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let sitti = employee_id(&mentor, &server).await;
    let competency = m06(&pegawai, &server).await;
    assert!(!recommended(&page(&pegawai, &server, competency).await).contains(&sitti));
    assert_eq!(
        send(&pegawai, &server, sitti, competency, "Membina guru").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    server.stop();
    db.remove().await;
}
