//! A course's files over HTTP: a picture is checked by decoding it, kept at most 1280 px
//! wide with a 640 px copy, named in a module's text and served to the course's readers
//! only; a PDF is a download; a text naming a file the course does not have is refused;
//! modules move up and down in their course's order.

use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage};
use reqwest::{StatusCode, header, multipart::Form};

use crate::common::{Reply, Server, TestDb, browser, call, call_multipart, logged_in};
use crate::learning::{course_id, enrol, module_ids, pairs};
use crate::ledger::PDF;
use crate::mentoring::{count, database};

on_both_engines!(
    a_picture_is_checked_shrunk_and_served_to_the_courses_readers_only,
    a_module_names_only_its_courses_files,
    modules_move_up_and_down_within_their_course,
);

pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_pixel(width, height, Rgb([20, 120, 90]));
    let mut out = Cursor::new(Vec::new());
    picture.write_to(&mut out, ImageFormat::Png).unwrap();
    out.into_inner()
}

async fn upload(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
    module: &str,
    label: &str,
    file: Vec<u8>,
) -> Reply {
    let form = Form::new()
        .text("program_id", program.to_owned())
        .text("module_id", module.to_owned())
        .text("label", label.to_owned())
        .part(
            "berkas",
            reqwest::multipart::Part::bytes(file).file_name("unggahan"),
        );
    call_multipart(client, server, "belajar-berkas", form).await
}

/// The course's files as its editor lists them.
async fn files(client: &reqwest::Client, server: &Server, program: &str) -> Vec<serde_json::Value> {
    let reply = call(
        client,
        server,
        "belajar-berkas-daftar",
        &[("program_id", program)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body.as_array().unwrap().clone()
}

async fn get(client: &reqwest::Client, server: &Server, path: &str) -> reqwest::Response {
    client.get(server.url(path)).send().await.unwrap()
}

fn size_of(jpeg: &[u8]) -> (u32, u32) {
    let picture = image::load_from_memory_with_format(jpeg, ImageFormat::Jpeg).unwrap();
    (picture.width(), picture.height())
}

async fn a_picture_is_checked_shrunk_and_served_to_the_courses_readers_only(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let atasan = logged_in(&server, &db.nip("atasan")).await;
    let module = module_ids(&mentor, &server, &literasi).await[0].clone();
    let stored = "SELECT COUNT(*) FROM course_file";

    // Refused, each with its reason, and nothing stored.
    let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
    fake.extend_from_slice(&[7; 64]);
    let huge = {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.resize(10 * 1024 * 1024 + 1, b' ');
        bytes
    };
    for (label, file, status, code) in [
        (
            "Diagram",
            fake,
            StatusCode::UNPROCESSABLE_ENTITY,
            "ImageUnreadable",
        ),
        (
            "Ikon",
            b"<svg onload=alert(1)>".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "FileKindUnknown",
        ),
        (
            "  ",
            png(10, 10),
            StatusCode::UNPROCESSABLE_ENTITY,
            "LabelEmpty",
        ),
        ("Besar", huge, StatusCode::PAYLOAD_TOO_LARGE, "FileTooLarge"),
    ] {
        let reply = upload(&mentor, &server, &literasi, &module, label, file).await;
        assert_eq!(reply.status, status, "{label}: {}", reply.body);
        assert!(
            reply.body.to_string().contains(code),
            "{label}: {}",
            reply.body
        );
    }
    // A learner or a stranger may not upload.
    for client in [&pegawai, &atasan] {
        let reply = upload(client, &server, &literasi, &module, "Peta", png(10, 10)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    }
    assert_eq!(count(&store, stored).await, 0);

    // A wide picture is kept at 1280 px with a 640 px copy; a PDF as it came.
    let reply = upload(
        &mentor,
        &server,
        &literasi,
        &module,
        "Alur pelaporan insiden",
        png(2000, 1000),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = upload(
        &mentor,
        &server,
        &literasi,
        &module,
        "Panduan kata sandi",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let list = files(&mentor, &server, &literasi).await;
    let (pdf, picture) = (&list[0], &list[1]);
    assert_eq!(
        (picture["width"].as_u64(), picture["height"].as_u64()),
        (Some(1280), Some(640))
    );
    let picture_id = picture["id"].as_i64().unwrap();
    assert_eq!(
        picture["snippet"],
        format!("![Alur pelaporan insiden](berkas:{picture_id})")
    );
    let large = format!("/belajar/{literasi}/berkas/{picture_id}.jpg");
    let small = format!("/belajar/{literasi}/berkas/{picture_id}-640.jpg");
    let pdf_url = pdf["url"].as_str().unwrap().to_owned();

    // Only those who may read the course get its files.
    enrol(&pegawai, &server, &literasi).await;
    let res = get(&pegawai, &server, &large).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "image/jpeg");
    assert!(
        res.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .starts_with("private")
    );
    assert_eq!(size_of(&res.bytes().await.unwrap()), (1280, 640));
    let res = get(&pegawai, &server, &small).await;
    assert_eq!(size_of(&res.bytes().await.unwrap()), (640, 320));
    let res = get(&pegawai, &server, &pdf_url).await;
    assert_eq!(res.status(), StatusCode::OK);
    let disposition = res.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"Panduan-kata-sandi.pdf\""),
        "{disposition}"
    );
    assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);
    assert_eq!(
        get(&atasan, &server, &large).await.status(),
        StatusCode::FORBIDDEN
    );
    let anonymous = get(&browser(), &server, &large).await;
    assert!(
        anonymous.status().is_redirection(),
        "{}",
        anonymous.status()
    );
    // Names that are not the file's own find nothing: a PDF as a picture, another course.
    let pdf_id = pdf["id"].as_i64().unwrap();
    let course = course_id(&db, "Pelayanan Publik Prima").await;
    for path in [
        format!("/belajar/{literasi}/berkas/{pdf_id}.jpg"),
        format!("/belajar/{literasi}/berkas/{pdf_id}-640.pdf"),
        format!("/belajar/{literasi}/berkas/0{picture_id}.jpg"),
        format!("/belajar/{course}/berkas/{picture_id}.jpg"),
    ] {
        let res = get(&mentor, &server, &path).await;
        assert!(
            matches!(res.status(), StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{path}: {}",
            res.status()
        );
    }
    server.stop();
    db.remove().await;
}

async fn a_module_names_only_its_courses_files(db: TestDb) {
    let server = Server::start(&db).await;
    let store = database(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let modules = module_ids(&mentor, &server, &literasi).await;
    let reply = upload(
        &mentor,
        &server,
        &literasi,
        &modules[0],
        "Layar masuk",
        png(900, 600),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = upload(
        &mentor,
        &server,
        &literasi,
        &modules[0],
        "Panduan",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let list = files(&mentor, &server, &literasi).await;
    let (pdf, picture) = (
        list[0]["id"].as_i64().unwrap(),
        list[1]["id"].as_i64().unwrap(),
    );
    let save = |body: String| {
        vec![
            ("program_id", literasi.clone()),
            ("module_id", modules[0].clone()),
            ("module[title]", "Menjaga akun".to_owned()),
            ("module[minutes]", "10".to_owned()),
            ("module[body]", body),
        ]
    };
    let drafts = format!(
        "SELECT COUNT(*) FROM module_revision WHERE module_id = {} AND published_at IS NULL",
        modules[0]
    );

    // A file that is not the course's, or a PDF shown as a picture: refused, nothing saved.
    for body in [
        "![x](berkas:999999)".to_owned(),
        format!("![Panduan](berkas:{pdf})"),
        "[x](berkas:satu)".to_owned(),
    ] {
        let args = save(body.clone());
        let reply = call(&mentor, &server, "belajar-modul-simpan", &pairs(&args)).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            reply.body
        );
        assert!(
            reply.body.to_string().contains("FileUnknown"),
            "{}",
            reply.body
        );
    }
    assert_eq!(count(&store, &drafts).await, 0);

    // Its own files: the picture in two widths, the PDF as a link with its size; a video
    // link says it needs the internet. Published, the learner reads them.
    let args = save(format!(
        "Lihat ![Layar masuk Bina](berkas:{picture})\n\n[Panduan](berkas:{pdf}) dan \
         [video](https://www.youtube.com/watch?v=abc)"
    ));
    let reply = call(&mentor, &server, "belajar-modul-simpan", &pairs(&args)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let publish = [
        ("program_id", literasi.as_str()),
        ("module_id", modules[0].as_str()),
        ("catatan", "Gambar layar masuk dan panduan"),
    ];
    let reply = call(&mentor, &server, "belajar-modul-terbit", &publish).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    enrol(&pegawai, &server, &literasi).await;
    let read = call(
        &pegawai,
        &server,
        "belajar-modul",
        &[("program_id", &literasi), ("module_id", &modules[0])],
    )
    .await;
    let html = read.body["html"].as_str().unwrap();
    let base = format!("/belajar/{literasi}/berkas");
    assert!(
        html.contains(&format!(
            "srcset=\"{base}/{picture}-640.jpg 640w, {base}/{picture}.jpg 900w\""
        )),
        "{html}"
    );
    assert!(html.contains("alt=\"Layar masuk Bina\""), "{html}");
    assert!(html.contains("width=\"900\" height=\"600\""), "{html}");
    assert!(
        html.contains(&format!("href=\"{base}/{pdf}.pdf\"")),
        "{html}"
    );
    assert!(html.contains("Panduan</a> (PDF, 1 KB)"), "{html}");
    assert!(html.contains("(video YouTube, perlu internet)"), "{html}");
    server.stop();
    db.remove().await;
}

async fn move_module(
    client: &reqwest::Client,
    server: &Server,
    program: &str,
    module: &str,
    way: &str,
) -> Reply {
    let args = [
        ("program_id", program),
        ("module_id", module),
        ("arah", way),
    ];
    call(client, server, "belajar-modul-urut", &args).await
}

async fn modules_move_up_and_down_within_their_course(db: TestDb) {
    let server = Server::start(&db).await;
    let literasi = course_id(&db, "Literasi Digital ASN").await;
    let course = course_id(&db, "Pelayanan Publik Prima").await;
    let mentor = logged_in(&server, &db.nip("mentor")).await;
    let admin = logged_in(&server, &db.nip("admin")).await;
    let before = module_ids(&mentor, &server, &literasi).await;
    let other = module_ids(&admin, &server, &course).await;
    let reply = move_module(&mentor, &server, &literasi, &before[1], "naik").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let after = module_ids(&mentor, &server, &literasi).await;
    assert_eq!(
        after,
        [before[1].clone(), before[0].clone(), before[2].clone()]
    );
    let reply = move_module(&admin, &server, &literasi, &before[1], "turun").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(module_ids(&mentor, &server, &literasi).await, before);

    // Past the ends, a way that is none, a module of another course, a course not theirs.
    let reply = move_module(&mentor, &server, &literasi, &before[0], "naik").await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    let reply = move_module(&mentor, &server, &literasi, &before[2], "turun").await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    let reply = move_module(&mentor, &server, &literasi, &before[1], "kiri").await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let reply = move_module(&mentor, &server, &literasi, &other[1], "naik").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.body);
    let reply = move_module(&mentor, &server, &course, &other[1], "naik").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    assert_eq!(module_ids(&mentor, &server, &literasi).await, before);
    assert_eq!(module_ids(&admin, &server, &course).await, other);
    server.stop();
    db.remove().await;
}
