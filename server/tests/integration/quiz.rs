//! Questions and tests over HTTP: a GIFT text is checked (each bad question with its line),
//! saved once and all at once, and written back; a learner's pre-test and post-test are
//! drawn, marked and limited as their settings say, the gain and each question's share of
//! right answers follow; an attempt is its learner's own and is marked once.

use reqwest::{StatusCode, multipart::Form};
use serde_json::Value;

use crate::common::{Reply, Server, TestDb, call, call_multipart, logged_in};
use crate::learning::{course_id, enrol, module_ids, pairs};
use crate::mentoring::{count, database};

on_both_engines!(
    a_gift_text_is_checked_saved_once_and_written_back,
    a_learner_takes_the_pre_and_post_test_and_sees_the_gain,
    an_attempt_is_its_learners_own_and_is_marked_once,
);

/// The five kinds, as a facilitator would paste them.
const GOOD: &str = "// Literasi digital\n\
    ::1:: Kata sandi yang kuat paling sedikit berapa karakter? {#12:0}\n\n\
    Ibu kota Sulawesi Tengah adalah {=Palu ~Poso ~Luwuk}\n\n\
    Pilih ciri surel phishing: {~%50%Meminta kata sandi ~%50%Alamat pengirim mirip \
    ~%-100%Dikirim dari domain resmi}\n\n\
    Autentikasi dua faktor menambah keamanan akun. {T}\n\n\
    Singkatan dari ASN adalah {=Aparatur Sipil Negara =ASN}";

pub(crate) async fn import(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
    module: &str,
    text: &str,
) -> Reply {
    let form = Form::new()
        .text("program_id", program.to_owned())
        .text("module_id", module.to_owned())
        .text("teks", text.to_owned());
    call_multipart(client, server, "belajar-soal-impor", form).await
}

async fn import_file(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
    bytes: Vec<u8>,
) -> Reply {
    let form = Form::new()
        .text("program_id", program.to_owned())
        .text("teks", "")
        .part(
            "berkas",
            reqwest::multipart::Part::bytes(bytes).file_name("soal.gift"),
        );
    call_multipart(client, server, "belajar-soal-impor", form).await
}

async fn newest_import(db: &bina_app::db::Db) -> String {
    count(db, "SELECT MAX(id) FROM question_import")
        .await
        .to_string()
}

/// A server function about one record of a course: `program_id` and `field` = `id`.
async fn about(
    client: &reqwest::Client,
    server: &Server,
    endpoint: &str,
    program: &str,
    (field, id): (&str, &str),
) -> Reply {
    call(
        client,
        server,
        endpoint,
        &[("program_id", program), (field, id)],
    )
    .await
}

async fn preview(client: &reqwest::Client, server: &Server, program: &str, id: &str) -> Reply {
    let import = ("import_id", id);
    about(client, server, "belajar-soal-pratinjau", program, import).await
}

async fn save(client: &reqwest::Client, server: &Server, program: &str, id: &str) -> Reply {
    let import = ("import_id", id);
    about(client, server, "belajar-soal-simpan", program, import).await
}

/// Imports and saves `text` as `client`.
pub(crate) async fn imported(
    client: &reqwest::Client,
    server: &Server,
    db: &bina_app::db::Db,
    program: &str,
    text: &str,
) {
    let reply = import(client, server, program, "", text).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = save(client, server, program, &newest_import(db).await).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

/// Saves a test's settings (`jenis`: pra, pasca) as `client`.
pub(crate) async fn set_test(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
    jenis: &str,
    pass: &str,
    attempts: &str,
) -> Reply {
    let args = [
        ("program_id", program.to_owned()),
        ("jenis", jenis.to_owned()),
        ("module_id", "0".to_owned()),
        ("tes[pass]", pass.to_owned()),
        ("tes[attempts]", attempts.to_owned()),
        ("tes[count]", "0".to_owned()),
        ("tes[open]", "ya".to_owned()),
    ];
    call(client, server, "belajar-tes-atur", &pairs(&args)).await
}

async fn tests(client: &reqwest::Client, server: &Server, program: &str) -> Value {
    let reply = call(client, server, "belajar-tes", &[("program_id", program)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

/// The learner's card of a test by its kind (`Pre`, `Post`).
fn card<'a>(tests: &'a Value, kind: &str) -> &'a Value {
    tests["quizzes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} test in {tests}"))
}

async fn begin(client: &reqwest::Client, server: &Server, program: &str, quiz: &str) -> Reply {
    call(
        client,
        server,
        "belajar-tes-mulai",
        &[("program_id", program), ("quiz_id", quiz), ("kunci", quiz)],
    )
    .await
}

async fn attempt(client: &reqwest::Client, server: &Server, program: &str, id: &str) -> Reply {
    let attempt = ("attempt_id", id);
    about(client, server, "belajar-percobaan", program, attempt).await
}

/// Answers to every question of an attempt: right ones, or wrong ones.
fn answers(view: &Value, right: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for q in view["questions"].as_array().unwrap() {
        let id = q["question_id"].as_i64().unwrap();
        let choice = |text: &str| {
            q["choices"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c[1] == text)
                .map(|c| c[0].as_i64().unwrap().to_string())
                .unwrap()
        };
        let key = format!("jawaban[q{id}]");
        match (q["kind"].as_str().unwrap(), right) {
            ("Numeric", true) => out.push((key, "12".into())),
            ("Numeric", false) => out.push((key, "8,5".into())),
            ("Single", true) => out.push((key, choice("Palu"))),
            ("Single", false) => out.push((key, choice("Poso"))),
            ("Multiple", true) => {
                for text in ["Meminta kata sandi", "Alamat pengirim mirip"] {
                    out.push((format!("jawaban[q{id}-{}]", choice(text)), "ya".into()));
                }
            }
            ("Multiple", false) => {
                out.push((
                    format!("jawaban[q{id}-{}]", choice("Meminta kata sandi")),
                    "ya".into(),
                ));
            }
            ("TrueFalse", true) => out.push((key, "benar".into())),
            ("TrueFalse", false) => out.push((key, "salah".into())),
            ("Short", true) => out.push((key, "  aparatur sipil NEGARA ".into())),
            // A short answer left blank counts wrong.
            ("Short", false) => {}
            (kind, _) => panic!("{kind}"),
        }
    }
    out
}

async fn submit(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
    attempt: &str,
    answers: &[(String, String)],
) -> Reply {
    let mut args = vec![
        ("program_id".to_owned(), program.to_owned()),
        ("attempt_id".to_owned(), attempt.to_owned()),
    ];
    args.extend(answers.iter().cloned());
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    call(client, server, "belajar-tes-kirim", &args).await
}

fn error(reply: &Reply) -> String {
    reply.body.to_string()
}

async fn a_gift_text_is_checked_saved_once_and_written_back(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let module = module_ids(&mentor, &server, &literasi).await[0].clone();
    let questions = "SELECT COUNT(*) FROM question";

    // A bad question is named by its line, and nothing is saved while one is left.
    let bad =
        "Ibu kota Sulawesi Tengah? {=Palu ~Poso}\n\n// komentar\nCeritakan pengalaman Anda. {}";
    let reply = import(&mentor, &server, &literasi, &module, bad).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    let first = newest_import(&store).await;
    let checked = preview(&mentor, &server, &literasi, &first).await.body;
    assert_eq!(checked["questions"].as_array().unwrap().len(), 1);
    assert_eq!(
        checked["problems"],
        serde_json::json!([{"line": 4, "reason": "Essay"}])
    );
    assert_eq!(checked["source"], bad);
    let reply = save(&mentor, &server, &literasi, &first).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        error(&reply).contains("ImportHasProblems"),
        "{}",
        error(&reply)
    );
    assert_eq!(count(&store, questions).await, 0);

    // Learners neither import nor see a facilitator's import.
    enrol(&pegawai, &server, &literasi).await;
    let reply = import(&pegawai, &server, &literasi, "", GOOD).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = preview(&pegawai, &server, &literasi, &first).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);

    // Refused before anything is kept: not text, no question, a module of another course.
    let before = count(&store, "SELECT COUNT(*) FROM question_import").await;
    let reply = import_file(&mentor, &server, &literasi, vec![0xff, 0xfe, 0x00, 0x41]).await;
    assert!(
        error(&reply).contains("ImportUnreadable"),
        "{}",
        error(&reply)
    );
    let reply = import(&mentor, &server, &literasi, "", "// hanya komentar\n\n").await;
    assert!(error(&reply).contains("ImportEmpty"), "{}", error(&reply));
    let reply = import(&mentor, &server, &literasi, "999999", GOOD).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM question_import").await,
        before
    );

    // The fixed text, as a file with a byte-order mark, tied to the first module.
    let form = Form::new()
        .text("program_id", literasi.clone())
        .text("module_id", module.clone())
        .text("teks", "")
        .part(
            "berkas",
            reqwest::multipart::Part::bytes([b"\xEF\xBB\xBF".as_slice(), GOOD.as_bytes()].concat())
                .file_name("soal.gift"),
        );
    let reply = call_multipart(&mentor, &server, "belajar-soal-impor", form).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    let good = newest_import(&store).await;
    let checked = preview(&mentor, &server, &literasi, &good).await.body;
    assert_eq!(checked["problems"], serde_json::json!([]));
    let kinds: Vec<&str> = checked["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["Numeric", "Single", "Multiple", "TrueFalse", "Short"]
    );
    let reply = save(&mentor, &server, &literasi, &good).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    assert_eq!(count(&store, questions).await, 5);
    assert_eq!(
        count(
            &store,
            &format!("SELECT COUNT(*) FROM question WHERE module_id = {module}")
        )
        .await,
        5
    );
    // Saved once: the second save changes nothing.
    let reply = save(&mentor, &server, &literasi, &good).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(error(&reply).contains("AlreadyImported"));
    assert_eq!(count(&store, questions).await, 5);

    // Written back as GIFT, it reads as the same questions; learners cannot download it.
    let res = mentor
        .get(server.url(&format!("/belajar/{literasi}/soal.gift")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let written = res.text().await.unwrap();
    let specs = |text: &str| -> Vec<_> {
        bina_app::learning::quiz::gift::parse(text)
            .into_iter()
            .map(|(_, q)| q.unwrap())
            .collect()
    };
    assert_eq!(specs(&written), specs(GOOD));
    let res = pegawai
        .get(server.url(&format!("/belajar/{literasi}/soal.gift")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // A withdrawn question stays in the bank but is drawn no more.
    let bank = call(
        &mentor,
        &server,
        "belajar-soal",
        &[("program_id", &literasi)],
    )
    .await
    .body;
    let group = &bank["groups"][0];
    assert_eq!(group["module_id"].as_i64().unwrap().to_string(), module);
    let withdrawn = group["questions"][0]["id"].as_i64().unwrap().to_string();
    let reply = call(
        &mentor,
        &server,
        "belajar-soal-tarik",
        &[("program_id", &literasi), ("question_id", &withdrawn)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    let bank = call(
        &mentor,
        &server,
        "belajar-soal",
        &[("program_id", &literasi)],
    )
    .await
    .body;
    assert_eq!(bank["groups"][0]["questions"][0]["retired"], true);
    let available: Vec<u64> = bank["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["available"].as_u64().unwrap())
        .collect();
    // The pre-test, the post-test, and the first module's quiz.
    assert_eq!(available, [4, 4, 4]);
}

async fn a_learner_takes_the_pre_and_post_test_and_sees_the_gain(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;

    // A test opens only with questions to draw; settings are checked and kept as saved.
    let reply = set_test(&mentor, &server, &literasi, "pra", "70", "1").await;
    assert!(error(&reply).contains("NoQuestions"), "{}", error(&reply));
    imported(&mentor, &server, &store, &literasi, GOOD).await;
    for (pass, attempts, code) in [
        ("101", "1", "PassMarkInvalid"),
        ("70", "0", "AttemptsInvalid"),
    ] {
        let reply = set_test(&mentor, &server, &literasi, "pra", pass, attempts).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(error(&reply).contains(code), "{}", error(&reply));
    }
    assert_eq!(count(&store, "SELECT COUNT(*) FROM quiz").await, 0);
    let reply = set_test(&mentor, &server, &literasi, "pra", "70", "1").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    let reply = set_test(&mentor, &server, &literasi, "pasca", "80", "2").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));

    // The pre-test: drawn once (the same form sent twice goes on with the same attempt),
    // every question with its choices shuffled, marked on submitting, answers not shown.
    enrol(&pegawai, &server, &literasi).await;
    let list = tests(&pegawai, &server, &literasi).await;
    let pre = card(&list, "Pre")["quiz_id"].as_i64().unwrap().to_string();
    let post = card(&list, "Post")["quiz_id"].as_i64().unwrap().to_string();
    for _ in 0..2 {
        let reply = begin(&pegawai, &server, &literasi, &pre).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    }
    assert_eq!(count(&store, "SELECT COUNT(*) FROM quiz_attempt").await, 1);
    let first = card(&tests(&pegawai, &server, &literasi).await, "Pre")["open_attempt"]
        .as_i64()
        .unwrap()
        .to_string();
    let view = attempt(&pegawai, &server, &literasi, &first).await.body;
    assert_eq!(view["questions"].as_array().unwrap().len(), 5);
    assert_eq!(view["submitted"], false);
    let reply = submit(&pegawai, &server, &literasi, &first, &answers(&view, false)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    let marked = attempt(&pegawai, &server, &literasi, &first).await.body;
    assert_eq!(
        (marked["score"].as_u64(), marked["passed"].as_bool()),
        (Some(0), Some(false))
    );
    for q in marked["questions"].as_array().unwrap() {
        assert_eq!(q["correct"], false, "{q}");
        assert_eq!(
            q["right_answer"],
            Value::Null,
            "the pre-test shows no answers: {q}"
        );
    }
    // One pre-test attempt only.
    let reply = begin(&pegawai, &server, &literasi, &pre).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(error(&reply).contains("NoAttemptsLeft"));

    // The post-test, answered right: passed, with the right answers and the gain.
    let reply = begin(&pegawai, &server, &literasi, &post).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    let second = card(&tests(&pegawai, &server, &literasi).await, "Post")["open_attempt"]
        .as_i64()
        .unwrap()
        .to_string();
    let view = attempt(&pegawai, &server, &literasi, &second).await.body;
    let reply = submit(&pegawai, &server, &literasi, &second, &answers(&view, true)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    let marked = attempt(&pegawai, &server, &literasi, &second).await.body;
    assert_eq!(
        (marked["score"].as_u64(), marked["passed"].as_bool()),
        (Some(100), Some(true))
    );
    let single = marked["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["kind"] == "Single")
        .unwrap();
    assert_eq!(single["right_answer"], "Palu");
    let list = tests(&pegawai, &server, &literasi).await;
    assert_eq!(list["gain"], 100);
    let post_card = card(&list, "Post");
    assert_eq!(
        (post_card["best"].as_u64(), post_card["passed"].as_bool()),
        (Some(100), Some(true))
    );
    assert_eq!(post_card["attempts_used"], 1);

    // Each question: answered twice, right once.
    let bank = call(
        &mentor,
        &server,
        "belajar-soal",
        &[("program_id", &literasi)],
    )
    .await
    .body;
    for q in bank["groups"][0]["questions"].as_array().unwrap() {
        assert_eq!(
            (q["answered"].as_u64(), q["correct"].as_u64()),
            (Some(2), Some(1)),
            "{q}"
        );
    }
    assert_eq!(
        (
            bank["groups"][0]["answered"].as_u64(),
            bank["groups"][0]["correct"].as_u64()
        ),
        (Some(10), Some(5))
    );
}

async fn an_attempt_is_its_learners_own_and_is_marked_once(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    imported(&mentor, &server, &store, &literasi, GOOD).await;
    let reply = set_test(&mentor, &server, &literasi, "pasca", "70", "3").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    for client in [&pegawai, &atasan] {
        let reply = enrol(client, &server, &literasi).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    }
    let quiz = card(&tests(&pegawai, &server, &literasi).await, "Post")["quiz_id"]
        .as_i64()
        .unwrap()
        .to_string();
    let reply = begin(&pegawai, &server, &literasi, &quiz).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", error(&reply));
    let own = count(&store, "SELECT MAX(id) FROM quiz_attempt")
        .await
        .to_string();
    let view = attempt(&pegawai, &server, &literasi, &own).await.body;

    // Another learner of the course, or its facilitator, finds no such attempt.
    for client in [&atasan, &mentor] {
        assert_eq!(
            attempt(client, &server, &literasi, &own).await.status,
            StatusCode::NOT_FOUND
        );
    }
    let reply = submit(&atasan, &server, &literasi, &own, &answers(&view, true)).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);

    // Answers that are not this attempt's are refused, and nothing is marked.
    let mut tampered = answers(&view, true);
    tampered.push(("jawaban[q999999]".into(), "1".into()));
    let single = view["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["kind"] == "Single")
        .unwrap()["question_id"]
        .clone();
    let out_of_range = vec![(format!("jawaban[q{single}]"), "7".to_owned())];
    for bad in [tampered, out_of_range] {
        let reply = submit(&pegawai, &server, &literasi, &own, &bad).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", error(&reply));
    }
    let submitted =
        format!("SELECT COUNT(*) FROM quiz_attempt WHERE id = {own} AND submitted_at IS NOT NULL");
    assert_eq!(count(&store, &submitted).await, 0);
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM attempt_answer").await,
        0
    );

    // Sent twice at once: marked once, the other told it was sent already.
    let right = answers(&view, true);
    let (a, b) = tokio::join!(
        submit(&pegawai, &server, &literasi, &own, &right),
        submit(&pegawai, &server, &literasi, &own, &right),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    assert_eq!(count(&store, &submitted).await, 1);
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM attempt_answer").await,
        5
    );
    let reply = submit(&pegawai, &server, &literasi, &own, &answers(&view, false)).await;
    assert!(
        error(&reply).contains("AttemptSubmitted"),
        "{}",
        error(&reply)
    );
    assert_eq!(
        attempt(&pegawai, &server, &literasi, &own).await.body["score"],
        100
    );
}
