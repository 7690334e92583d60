//! The demo's online learning: five online courses (the last a short one around Bina's
//! sample SCORM package) and one classroom course with three seats (`content.rs`), their
//! facilitators, and a year of enrolments and progress. Staff far from the centre enrol in
//! online courses more often but finish fewer modules, so the dashboards have the seed
//! essay's story. The demo logins start with no enrolment, except
//! that the demo mentor facilitates "Literasi Digital ASN". Deterministic, like the rest.

mod content;

use std::collections::HashMap;

use bina_app::{db::Tx, jp::DevPath, learning::module::markdown};

use super::{city::City, development::Development, insert_batched};
use content::COURSES;

/// The course whose last module is the SCORM sample, and that module's text.
const SCORM_COURSE: &str = "Etika Pelayanan: Latihan Interaktif";
const SCORM_INTRO: &str = "# Dua situasi di loket\n\nJawab kedua pertanyaan latihan di bawah ini. Latihan berjalan di peramban sebagai paket SCORM 1.2 dan melaporkan hasilnya ke Bina; modul ini selesai ketika keduanya benar.\n";
const SCORM_PACKAGE_ID: i64 = 1;

const RANDOM_SEED: u64 = 0x0062_656c_616a_6172;
const DAY: i64 = 24 * 60 * 60;

struct Module {
    id: i64,
    program_id: i64,
    position: i64,
    title: &'static str,
    minutes: i64,
    body: &'static str,
    /// Shows Bina's sample SCORM package (done when the package reports it passed).
    scorm: bool,
}

struct Enrolment {
    id: i64,
    program_id: i64,
    employee_id: i64,
    status: &'static str,
    applied_at: i64,
    queued_at: Option<i64>,
}

struct Progress {
    employee_id: i64,
    module_id: i64,
    opened_at: i64,
    done_at: Option<i64>,
    seconds: i64,
}

pub struct Learning {
    /// (program id, index into `COURSES`).
    programs: Vec<(i64, usize)>,
    facilitators: Vec<(i64, i64)>,
    modules: Vec<Module>,
    enrolments: Vec<Enrolment>,
    progress: Vec<Progress>,
    admin_id: i64,
}

pub fn generate(city: &City, dev: &Development, now: i64) -> Learning {
    let mut rng = fastrand::Rng::with_seed(RANDOM_SEED);
    let first_id = dev.programs.len() as i64 + 1;
    let programs: Vec<(i64, usize)> = (0..COURSES.len())
        .map(|i| (first_id + i as i64, i))
        .collect();
    let demo_of = |role: &str| city.demo.iter().find(|d| d.role == role);
    let admin_id = demo_of("admin").map_or(1, |d| d.employee_id);
    let demo_ids: Vec<i64> = city.demo.iter().map(|d| d.employee_id).collect();
    let others: Vec<&super::city::Employee> = city
        .employees
        .iter()
        .filter(|e| !demo_ids.contains(&e.id))
        .collect();

    let mut modules = Vec::new();
    for (program_id, index) in &programs {
        for (position, (title, minutes, body)) in COURSES[*index].modules.iter().enumerate() {
            modules.push(Module {
                id: modules.len() as i64 + 1,
                program_id: *program_id,
                position: position as i64 + 1,
                title,
                minutes: *minutes,
                body,
                scorm: false,
            });
        }
    }
    // Bina's sample SCORM 1.2 package is the last module of its own short course.
    if let Some((program_id, _)) = programs
        .iter()
        .find(|(_, i)| COURSES[*i].title == SCORM_COURSE)
    {
        let position = modules
            .iter()
            .filter(|m| m.program_id == *program_id)
            .count() as i64
            + 1;
        modules.push(Module {
            id: modules.len() as i64 + 1,
            program_id: *program_id,
            position,
            title: "Latihan interaktif: dua situasi di loket",
            minutes: 10,
            body: SCORM_INTRO,
            scorm: true,
        });
    }

    // The demo mentor facilitates the digital literacy course; someone else each other one.
    let mut facilitators = Vec::new();
    for (program_id, index) in &programs {
        let facilitator = match (COURSES[*index].title, demo_of("mentor")) {
            ("Literasi Digital ASN", Some(mentor)) => mentor.employee_id,
            // Drawn without the generator, so that adding it moved no one else's demo data.
            (SCORM_COURSE, _) => others[0].id,
            _ => others[rng.usize(..others.len())].id,
        };
        facilitators.push((*program_id, facilitator));
    }

    let access: HashMap<i64, &str> = super::city::data::KELURAHAN
        .iter()
        .enumerate()
        .map(|(i, k)| (i as i64 + 1, k.2))
        .collect();
    let online: Vec<i64> = programs
        .iter()
        // The SCORM course is left to the demo logins and the tests.
        .filter(|(_, i)| COURSES[*i].mode == "online" && COURSES[*i].title != SCORM_COURSE)
        .map(|(id, _)| *id)
        .collect();
    let mut enrolments = Vec::new();
    let mut progress = Vec::new();
    for e in &others {
        // Remote staff take the online route more often, and finish less of it.
        let (enrol_chance, finish_chance) = match access.get(&e.location_id).copied() {
            Some("remote") => (0.24, 0.45),
            Some("peri_urban") => (0.16, 0.65),
            _ => (0.10, 0.85),
        };
        if rng.f64() >= enrol_chance {
            continue;
        }
        let program_id = online[rng.usize(..online.len())];
        let applied_at = now - rng.i64(20..300) * DAY;
        enrolments.push(Enrolment {
            id: enrolments.len() as i64 + 1,
            program_id,
            employee_id: e.id,
            status: "active",
            applied_at,
            queued_at: None,
        });
        let mut at = applied_at;
        for m in modules
            .iter()
            .filter(|m| m.program_id == program_id && !m.scorm)
        {
            at += rng.i64(1..10) * DAY;
            if at >= now {
                break;
            }
            let done = rng.f64() < finish_chance;
            progress.push(Progress {
                employee_id: e.id,
                module_id: m.id,
                opened_at: at,
                done_at: done.then_some(at + m.minutes * 60),
                seconds: if done { m.minutes * 60 } else { m.minutes * 20 },
            });
            if !done {
                break;
            }
        }
    }

    // The classroom course: applicants of the demo pengelola's OPD, three with a seat, two
    // on the waitlist and two waiting for the pengelola's decision.
    let classroom = programs
        .iter()
        .find(|(_, i)| COURSES[*i].mode == "classroom")
        .map(|(id, _)| *id);
    let opd = demo_of("pengelola_opd").and_then(|d| d.opd_id);
    if let (Some(program_id), Some(opd)) = (classroom, opd) {
        let applicants = others.iter().filter(|e| e.opd_id == opd).take(7);
        for (n, e) in applicants.enumerate() {
            let status = match n {
                0..=2 => "active",
                3 | 4 => "waiting",
                _ => "applied",
            };
            let applied_at = now - (10 - n as i64) * DAY;
            enrolments.push(Enrolment {
                id: enrolments.len() as i64 + 1,
                program_id,
                employee_id: e.id,
                status,
                applied_at,
                queued_at: (status == "waiting").then_some(applied_at + DAY),
            });
        }
    }
    Learning {
        programs,
        facilitators,
        modules,
        enrolments,
        progress,
        admin_id,
    }
}

pub async fn insert(tx: &mut Tx, l: &Learning, year: i32, now: i64) -> Result<(), sqlx::Error> {
    let dated: Vec<(i64, usize, [String; 2])> = l
        .programs
        .iter()
        .map(|(id, i)| (*id, *i, [format!("{year}-01-02"), format!("{year}-12-31")]))
        .collect();
    insert_batched(
        tx,
        "program (id, title, path, jp, organiser, mode, starts_on, ends_on, place, retired)",
        10,
        &dated,
        |q, (id, i, [starts, ends])| {
            let c = &COURSES[*i];
            let path = if c.mode == "online" {
                DevPath::ELearning
            } else {
                DevPath::PelatihanManajerial
            };
            q.bind(*id)
                .bind(c.title)
                .bind(path.code())
                .bind(c.jp)
                .bind(c.organiser)
                .bind(c.mode)
                .bind(starts.as_str())
                .bind(ends.as_str())
                .bind(c.place)
                .bind(0_i64)
        },
    )
    .await?;
    for (id, i) in &l.programs {
        sqlx::query(
            "INSERT INTO program_competency (program_id, competency_id) \
             SELECT $1, id FROM competency WHERE code = $2",
        )
        .bind(*id)
        .bind(COURSES[*i].competency)
        .execute(&mut **tx)
        .await?;
    }
    insert_batched(
        tx,
        "course (program_id, seats, open, updated_at)",
        4,
        &l.programs,
        |q, (id, i)| q.bind(*id).bind(COURSES[*i].seats).bind(1_i64).bind(now),
    )
    .await?;
    insert_batched(
        tx,
        "course_facilitator (program_id, employee_id, named_by, named_at)",
        4,
        &l.facilitators,
        |q, (program_id, employee_id)| {
            q.bind(*program_id)
                .bind(*employee_id)
                .bind(l.admin_id)
                .bind(now)
        },
    )
    .await?;
    insert_batched(
        tx,
        "course_module (id, program_id, position, title, minutes, required, created_at)",
        7,
        &l.modules,
        |q, m| {
            q.bind(m.id)
                .bind(m.program_id)
                .bind(m.position)
                .bind(m.title)
                .bind(m.minutes)
                .bind(1_i64)
                .bind(now - 330 * DAY)
        },
    )
    .await?;
    insert_scorm_sample(tx, l, now).await?;
    let revisions: Vec<(&Module, String)> = l
        .modules
        .iter()
        .map(|m| {
            // Demo courses have no files yet: nothing for `berkas:` to name.
            let files = bina_app::learning::Files {
                program_id: m.program_id,
                ..Default::default()
            };
            (m, markdown::render(m.body, &files))
        })
        .collect();
    insert_batched(
        tx,
        "module_revision (id, module_id, number, body_md, body_html, change_note, author_id, \
         saved_at, published_at, package_id)",
        10,
        &revisions,
        |q, (m, html)| {
            let author = l
                .facilitators
                .iter()
                .find(|(p, _)| *p == m.program_id)
                .map_or(l.admin_id, |(_, e)| *e);
            q.bind(m.id)
                .bind(m.id)
                .bind(1_i64)
                .bind(m.body)
                .bind(html.as_str())
                .bind("Terbitan pertama")
                .bind(author)
                .bind(now - 330 * DAY)
                .bind(now - 330 * DAY)
                .bind(m.scorm.then_some(SCORM_PACKAGE_ID))
        },
    )
    .await?;
    insert_batched(
        tx,
        "enrolment (id, program_id, employee_id, status, applied_at, queued_at, updated_at)",
        7,
        &l.enrolments,
        |q, e| {
            q.bind(e.id)
                .bind(e.program_id)
                .bind(e.employee_id)
                .bind(e.status)
                .bind(e.applied_at)
                .bind(e.queued_at)
                .bind(e.applied_at)
        },
    )
    .await?;
    insert_batched(
        tx,
        "module_progress (employee_id, module_id, revision_id, opened_at, last_seen_at, \
         done_at, seconds)",
        7,
        &l.progress,
        |q, p| {
            q.bind(p.employee_id)
                .bind(p.module_id)
                .bind(p.module_id)
                .bind(p.opened_at)
                .bind(p.done_at.unwrap_or(p.opened_at))
                .bind(p.done_at)
                .bind(p.seconds)
        },
    )
    .await?;
    Ok(())
}

/// Bina's sample SCORM package, stored as an upload would store it, in the course of the
/// module that shows it.
async fn insert_scorm_sample(tx: &mut Tx, l: &Learning, now: i64) -> Result<(), sqlx::Error> {
    use bina_app::learning::scorm::package;
    let Some(module) = l.modules.iter().find(|m| m.scorm) else {
        return Ok(());
    };
    let unpacked = package::unpack(&package::sample()).expect("the sample package is valid");
    sqlx::query(
        "INSERT INTO scorm_package (id, program_id, title, launch, files, bytes, uploaded_by, \
         uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(SCORM_PACKAGE_ID)
    .bind(module.program_id)
    .bind(unpacked.manifest.title)
    .bind(unpacked.manifest.launch)
    .bind(unpacked.files.len() as i64)
    .bind(unpacked.bytes as i64)
    .bind(l.admin_id)
    .bind(now - 330 * DAY)
    .execute(&mut **tx)
    .await?;
    for (path, content) in unpacked.files {
        sqlx::query("INSERT INTO scorm_file (package_id, path, content) VALUES ($1, $2, $3)")
            .bind(SCORM_PACKAGE_ID)
            .bind(path)
            .bind(content)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
