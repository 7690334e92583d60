//! The demo city: its OPD, unit kerja, work locations, employees with their supervisors, and
//! the demo accounts.

mod builder;
pub mod data;

use std::collections::HashSet;

use bina_app::{calendar::days_in_month, db::Tx, org::nip::Nip};

use super::insert_batched;
use builder::*;
use data::*;

pub const DEFAULT_EMPLOYEES: usize = 8000;
const RANDOM_SEED: u64 = 7_250_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sex {
    Male,
    Female,
}

#[derive(Debug, Clone)]
pub struct Opd {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: &'static str,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: i64,
    pub opd_id: i64,
    pub name: String,
    pub location_id: i64,
}

#[derive(Debug, Clone)]
pub struct Employee {
    pub id: i64,
    pub nip: String,
    pub name: String,
    pub sex: &'static str,
    pub employment: &'static str,
    pub jabatan: String,
    pub jenis_jabatan: &'static str,
    pub golongan: String,
    pub opd_id: i64,
    pub unit_id: i64,
    pub supervisor_id: Option<i64>,
    pub location_id: i64,
}

/// A demo login: which role it shows, and on whom.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub role: &'static str,
    pub employee_id: i64,
    /// For a pengelola OPD: the OPD managed.
    pub opd_id: Option<i64>,
}

pub struct City {
    pub opds: Vec<Opd>,
    pub units: Vec<Unit>,
    pub employees: Vec<Employee>,
    pub demo: Vec<DemoAccount>,
}

/// Builds the whole synthetic city with about `total` employees. Pure and deterministic.
pub fn generate(total: usize, year: u32) -> City {
    let mut b = Builder {
        rng: fastrand::Rng::with_seed(RANDOM_SEED),
        units: Vec::new(),
        employees: Vec::new(),
        nips: HashSet::new(),
        year,
    };
    let mut opds: Vec<Opd> = OPDS
        .iter()
        .enumerate()
        .map(|(i, (code, name, kind, _, _))| Opd {
            id: i as i64 + 1,
            code: code.to_string(),
            name: name.to_string(),
            kind,
        })
        .collect();
    let kecamatan_names: Vec<&str> = {
        let mut names: Vec<&str> = KELURAHAN.iter().map(|k| k.0).collect();
        names.dedup();
        names
    };
    for name in &kecamatan_names {
        opds.push(Opd {
            id: opds.len() as i64 + 1,
            code: format!("KEC-{}", name.to_uppercase().replace(' ', "")),
            name: format!("Kecamatan {name}"),
            kind: "kecamatan",
        });
    }

    // Shares of the workforce, roughly as in a city government of this size.
    let teachers = total * 40 / 100;
    let health = total * 14 / 100;
    let hospital = total * 7 / 100;
    let kecamatan_staff = total * 9 / 100;
    let others = total.saturating_sub(teachers + health + hospital + kecamatan_staff);
    let general_opds = OPDS.len() - 3; // all but education, health and the hospital
    let per_general = others / general_opds;

    let mut demo = Vec::new();
    for (i, (code, _, _, office_kel, specialist)) in OPDS.iter().enumerate() {
        let opd = opds[i].clone();
        match *code {
            "DIKBUD" => {
                let (_, divisions) = b.head_office(
                    &opd,
                    *office_kel,
                    specialist,
                    60,
                    &[
                        "Sekretariat",
                        "Bidang Pembinaan Sekolah Dasar",
                        "Bidang Pembinaan Sekolah Menengah Pertama",
                        "Bidang Kebudayaan",
                    ],
                );
                // The seed essay's senior planner who mentors young staff.
                let secretary = divisions[0];
                let sekretariat_unit = b.employees[secretary as usize - 1].unit_id;
                let mentor = b.person(
                    opd.id,
                    sekretariat_unit,
                    Some(secretary),
                    "Perencana Ahli Madya".into(),
                    AHLI_MADYA,
                    0,
                );
                b.rename(mentor, "Sitti Aminah Labolo", Sex::Female);
                demo.push(DemoAccount {
                    role: "mentor",
                    employee_id: mentor,
                    opd_id: None,
                });
                let hr = b.person(
                    opd.id,
                    sekretariat_unit,
                    Some(secretary),
                    "Pengelola Kepegawaian".into(),
                    PELAKSANA,
                    0,
                );
                b.rename(hr, "Moh. Arif Tombolotutu", Sex::Male);
                demo.push(DemoAccount {
                    role: "pengelola_opd",
                    employee_id: hr,
                    opd_id: Some(opd.id),
                });

                let schools = teachers.div_ceil(18);
                let sites = field_sites(&mut b.rng, schools);
                let mut sd = 0;
                let mut smp = 0;
                let mut remote_demo_done = false;
                for (s, kel) in sites.into_iter().enumerate() {
                    let (kind, number, supervisor) = if s % 4 == 3 {
                        smp += 1;
                        ("SMP Negeri", smp, divisions[2])
                    } else {
                        sd += 1;
                        ("SD Negeri", sd, divisions[1])
                    };
                    let unit = b.unit(
                        opd.id,
                        format!("{kind} {number} Palu ({})", KELURAHAN[kel].1),
                        kel,
                    );
                    let principal = b.person(
                        opd.id,
                        unit,
                        Some(supervisor),
                        format!("Kepala {kind} {number} Palu"),
                        AHLI_MADYA,
                        0,
                    );
                    let mut first_teacher = None;
                    for t in 0..17 {
                        let grade = match b.rng.u8(..10) {
                            0..=4 => AHLI_PERTAMA,
                            5..=7 => AHLI_MUDA,
                            _ => AHLI_MADYA,
                        };
                        let subject = if kind == "SD Negeri" {
                            "Guru Kelas"
                        } else {
                            "Guru Mata Pelajaran"
                        };
                        let id = b.person(
                            opd.id,
                            unit,
                            Some(principal),
                            format!("{subject}{}", level_suffix(&grade)),
                            grade,
                            35,
                        );
                        if t == 0 {
                            first_teacher = Some(id);
                        }
                    }
                    if !remote_demo_done && KELURAHAN[kel].2 == "remote" && kind == "SD Negeri" {
                        remote_demo_done = true;
                        b.rename(principal, "Abdul Rahman Paliudju", Sex::Male);
                        demo.push(DemoAccount {
                            role: "atasan",
                            employee_id: principal,
                            opd_id: None,
                        });
                        if let Some(teacher) = first_teacher {
                            b.rename(teacher, "Nurhayati Lasahido", Sex::Female);
                            demo.push(DemoAccount {
                                role: "pegawai",
                                employee_id: teacher,
                                opd_id: None,
                            });
                        }
                    }
                }
            }
            "DINKES" => {
                let (_, divisions) = b.head_office(
                    &opd,
                    *office_kel,
                    specialist,
                    50,
                    &[
                        "Sekretariat",
                        "Bidang Pelayanan Kesehatan",
                        "Bidang Kesehatan Masyarakat",
                    ],
                );
                let puskesmas = health.saturating_sub(60).div_ceil(55).max(1);
                let sites = field_sites(&mut b.rng, puskesmas);
                for (p, kel) in sites.into_iter().enumerate() {
                    let unit = b.unit(opd.id, format!("UPTD Puskesmas {}", KELURAHAN[kel].1), kel);
                    let head = b.person(
                        opd.id,
                        unit,
                        Some(divisions[1 + p % 2]),
                        format!("Kepala UPTD Puskesmas {}", KELURAHAN[kel].1),
                        PENGAWAS,
                        0,
                    );
                    for _ in 0..54 {
                        let (job, grade) = match b.rng.u8(..20) {
                            0..=2 => ("Dokter", AHLI_PERTAMA),
                            3 => ("Dokter", AHLI_MUDA),
                            4..=9 => ("Perawat", TERAMPIL),
                            10..=12 => ("Perawat", MAHIR),
                            13..=15 => ("Bidan", TERAMPIL),
                            16..=17 => ("Sanitarian", TERAMPIL),
                            _ => ("Pengadministrasi Umum", PELAKSANA),
                        };
                        b.person(
                            opd.id,
                            unit,
                            Some(head),
                            format!("{job}{}", level_suffix(&grade)),
                            grade,
                            30,
                        );
                    }
                }
            }
            "RSUD" => {
                b.head_office(
                    &opd,
                    *office_kel,
                    specialist,
                    hospital,
                    &[
                        "Bagian Umum dan Keuangan",
                        "Bidang Pelayanan Medik",
                        "Bidang Keperawatan",
                    ],
                );
            }
            _ => {
                let (_, divisions) = b.head_office(
                    &opd,
                    *office_kel,
                    specialist,
                    per_general,
                    &["Sekretariat", "Bidang Program", "Bidang Pelaksanaan"],
                );
                if *code == "BKPSDMD" {
                    let secretary = divisions[0];
                    let unit = b.employees[secretary as usize - 1].unit_id;
                    let admin = b.person(
                        opd.id,
                        unit,
                        Some(secretary),
                        "Analis SDM Aparatur Ahli Muda".into(),
                        AHLI_MUDA,
                        0,
                    );
                    b.rename(admin, "Rahmawati Lamasitudju", Sex::Female);
                    demo.insert(
                        0,
                        DemoAccount {
                            role: "admin",
                            employee_id: admin,
                            opd_id: None,
                        },
                    );
                }
            }
        }
    }

    // Kecamatan offices with a kelurahan office in each of their kelurahan.
    let per_kecamatan = kecamatan_staff / kecamatan_names.len();
    for opd in opds
        .iter()
        .filter(|o| o.kind == "kecamatan")
        .cloned()
        .collect::<Vec<_>>()
    {
        let kecamatan = opd.name.trim_start_matches("Kecamatan ");
        let kelurahan: Vec<usize> = (0..KELURAHAN.len())
            .filter(|&i| KELURAHAN[i].0 == kecamatan)
            .collect();
        let office = b.unit(opd.id, format!("Kantor Camat {kecamatan}"), kelurahan[0]);
        let camat = b.person(
            opd.id,
            office,
            None,
            format!("Camat {kecamatan}"),
            ADMINISTRATOR,
            0,
        );
        let sekcam = b.person(
            opd.id,
            office,
            Some(camat),
            format!("Sekretaris Kecamatan {kecamatan}"),
            PENGAWAS,
            0,
        );
        let office_staff = per_kecamatan / 3;
        b.staff(opd.id, office, sekcam, office_staff, "Analis Kebijakan", 25);
        let per_kelurahan = (per_kecamatan - office_staff) / kelurahan.len();
        for kel in kelurahan {
            let unit = b.unit(opd.id, format!("Kantor Lurah {}", KELURAHAN[kel].1), kel);
            let lurah = b.person(
                opd.id,
                unit,
                Some(camat),
                format!("Lurah {}", KELURAHAN[kel].1),
                PENGAWAS,
                0,
            );
            b.staff(
                opd.id,
                unit,
                lurah,
                per_kelurahan.saturating_sub(1),
                "Analis Kebijakan",
                25,
            );
        }
    }

    City {
        opds,
        units: b.units,
        employees: b.employees,
        demo,
    }
}

/// Inserts the city: OPD, locations, units, employees, and the demo accounts with `hash` as
/// their password hash.
pub async fn insert(tx: &mut Tx, city: &City, hash: &str, now: i64) -> Result<(), sqlx::Error> {
    insert_batched(tx, "opd (id, code, name, kind)", 4, &city.opds, |q, o| {
        q.bind(o.id)
            .bind(o.code.as_str())
            .bind(o.name.as_str())
            .bind(o.kind)
    })
    .await?;
    let locations: Vec<(i64, &str, &str, &str)> = KELURAHAN
        .iter()
        .enumerate()
        .map(|(i, (kec, kel, class))| (i as i64 + 1, *kec, *kel, *class))
        .collect();
    insert_batched(
        tx,
        "location (id, kecamatan, kelurahan, name, access_class)",
        5,
        &locations,
        |q, l| q.bind(l.0).bind(l.1).bind(l.2).bind(l.2).bind(l.3),
    )
    .await?;
    insert_batched(
        tx,
        "unit_kerja (id, opd_id, name, location_id)",
        4,
        &city.units,
        |q, u| {
            q.bind(u.id)
                .bind(u.opd_id)
                .bind(u.name.as_str())
                .bind(u.location_id)
        },
    )
    .await?;
    insert_batched(
        tx,
        "employee (id, nip, name, sex, employment, jabatan, jenis_jabatan, golongan, opd_id, unit_id, supervisor_id, location_id)",
        12,
        &city.employees,
        |q, e| {
            q.bind(e.id)
                .bind(e.nip.as_str())
                .bind(e.name.as_str())
                .bind(e.sex)
                .bind(e.employment)
                .bind(e.jabatan.as_str())
                .bind(e.jenis_jabatan)
                .bind(e.golongan.as_str())
                .bind(e.opd_id)
                .bind(e.unit_id)
                .bind(e.supervisor_id)
                .bind(e.location_id)
        },
    )
    .await?;
    for (i, demo) in city.demo.iter().enumerate() {
        let account_id = i as i64 + 1;
        sqlx::query(
            "INSERT INTO account (id, employee_id, password_hash, active, created_at, password_changed_at) \
             VALUES ($1, $2, $3, 1, $4, $4)",
        )
        .bind(account_id)
        .bind(demo.employee_id)
        .bind(hash)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        // Atasan is derived from the org chart and mentor from the mentor profile.
        if demo.role == "admin" || demo.role == "pengelola_opd" {
            sqlx::query("INSERT INTO account_role (account_id, role, opd_id) VALUES ($1, $2, $3)")
                .bind(account_id)
                .bind(demo.role)
                .bind(demo.opd_id)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_city_is_realistic_and_valid() {
        let city = generate(DEFAULT_EMPLOYEES, 2026);
        let n = city.employees.len();
        assert!((7_000..=10_000).contains(&n), "{n} employees");
        assert_eq!(city.opds.len(), 27, "19 OPDs and 8 kecamatan");

        let mut nips = HashSet::new();
        for e in &city.employees {
            let nip = Nip::parse(&e.nip).unwrap_or_else(|err| panic!("{} invalid: {err:?}", e.nip));
            assert!(nips.insert(e.nip.clone()), "duplicate NIP {}", e.nip);
            let sex_digit = &e.nip[14..15];
            assert_eq!(sex_digit == "1", e.sex == "L", "sex digit of {}", e.nip);
            assert!(nip.as_str().len() == 18);
            // Supervisors come first, so every chain ends at a head without a supervisor.
            if let Some(s) = e.supervisor_id {
                assert!(s < e.id);
                assert_eq!(
                    city.employees[s as usize - 1].opd_id,
                    e.opd_id,
                    "supervisor in another OPD"
                );
            }
        }

        let outside = city
            .employees
            .iter()
            .filter(|e| KELURAHAN[e.location_id as usize - 1].2 != "urban")
            .count();
        let share = outside as f64 / n as f64;
        assert!(
            (0.20..=0.30).contains(&share),
            "outside the urban centre: {share:.3}"
        );

        let roles: Vec<&str> = city.demo.iter().map(|d| d.role).collect();
        assert_eq!(
            roles,
            ["admin", "mentor", "pengelola_opd", "atasan", "pegawai"]
        );
        let pegawai = &city.employees[city.demo[4].employee_id as usize - 1];
        assert_eq!(KELURAHAN[pegawai.location_id as usize - 1].2, "remote");
        assert_eq!(
            pegawai.supervisor_id,
            Some(city.demo[3].employee_id),
            "the demo atasan supervises the demo pegawai"
        );
    }

    #[test]
    fn generation_is_deterministic() {
        let a = generate(2_000, 2026);
        let b = generate(2_000, 2026);
        let nips = |c: &City| {
            c.employees
                .iter()
                .map(|e| e.nip.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(nips(&a), nips(&b));
    }
}
