//! `bina seed --demo`: a synthetic but realistic city government of Kota Palu.
//!
//! Deterministic (a fixed random seed), so the demo logins in the README stay valid. The real
//! OPD names and the 8 kecamatan with their 46 kelurahan come from DOMAIN.md; people are
//! invented. The access class of each kelurahan is a demo classification, not an official one.

mod development;
mod mentoring;

use std::collections::HashSet;

use bina_app::{
    auth::ssr::audit,
    calendar::days_in_month,
    db::{Db, DbKind, unix_now},
    org::nip::Nip,
};
use sqlx::{Any, Row, Transaction, query::Query};

pub const DEFAULT_EMPLOYEES: usize = 8000;
pub const DEMO_PASSWORD: &str = "bina-demo";
const RANDOM_SEED: u64 = 7_250_000;

/// (kecamatan, kelurahan, access class)
const KELURAHAN: [(&str, &str, &str); 46] = [
    ("Palu Barat", "Baru", "urban"),
    ("Palu Barat", "Lere", "urban"),
    ("Palu Barat", "Siranindi", "urban"),
    ("Palu Barat", "Kamonji", "urban"),
    ("Palu Barat", "Balaroa", "urban"),
    ("Palu Barat", "Ujuna", "urban"),
    ("Palu Timur", "Besusu Barat", "urban"),
    ("Palu Timur", "Besusu Tengah", "urban"),
    ("Palu Timur", "Besusu Timur", "urban"),
    ("Palu Timur", "Lolu Selatan", "urban"),
    ("Palu Timur", "Lolu Utara", "urban"),
    ("Palu Selatan", "Birobuli Selatan", "urban"),
    ("Palu Selatan", "Birobuli Utara", "urban"),
    ("Palu Selatan", "Petobo", "urban"),
    ("Palu Selatan", "Tatura Selatan", "urban"),
    ("Palu Selatan", "Tatura Utara", "urban"),
    ("Mantikulore", "Talise", "peri_urban"),
    ("Mantikulore", "Talise Valangguni", "peri_urban"),
    ("Mantikulore", "Tondo", "peri_urban"),
    ("Mantikulore", "Layana Indah", "peri_urban"),
    ("Mantikulore", "Tanamodindi", "peri_urban"),
    ("Mantikulore", "Lasoani", "peri_urban"),
    ("Mantikulore", "Kawatuna", "peri_urban"),
    ("Mantikulore", "Poboya", "remote"),
    ("Tatanga", "Palupi", "peri_urban"),
    ("Tatanga", "Tawanjuka", "peri_urban"),
    ("Tatanga", "Boyaoge", "peri_urban"),
    ("Tatanga", "Nunu", "peri_urban"),
    ("Tatanga", "Duyu", "remote"),
    ("Tatanga", "Pengawu", "remote"),
    ("Ulujadi", "Kabonena", "peri_urban"),
    ("Ulujadi", "Silae", "peri_urban"),
    ("Ulujadi", "Donggala Kodi", "remote"),
    ("Ulujadi", "Tipo", "remote"),
    ("Ulujadi", "Buluri", "remote"),
    ("Ulujadi", "Watusampu", "remote"),
    ("Palu Utara", "Mamboro", "remote"),
    ("Palu Utara", "Mamboro Barat", "remote"),
    ("Palu Utara", "Taipa", "remote"),
    ("Palu Utara", "Kayumalue Ngapa", "remote"),
    ("Palu Utara", "Kayumalue Pajeko", "remote"),
    ("Tawaeli", "Baiya", "remote"),
    ("Tawaeli", "Lambara", "remote"),
    ("Tawaeli", "Panau", "remote"),
    ("Tawaeli", "Pantoloan", "remote"),
    ("Tawaeli", "Pantoloan Boya", "remote"),
];

/// (code, name, kind, kelurahan index of the head office, specialist position)
const OPDS: [(&str, &str, &str, usize, &str); 19] = [
    (
        "SETDA",
        "Sekretariat Daerah",
        "sekretariat",
        7,
        "Analis Kebijakan",
    ),
    (
        "SETWAN",
        "Sekretariat DPRD",
        "sekretariat",
        8,
        "Analis Kebijakan",
    ),
    ("INSP", "Inspektorat Daerah", "inspektorat", 9, "Auditor"),
    (
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "badan",
        7,
        "Perencana",
    ),
    (
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "badan",
        8,
        "Analis Keuangan Pusat dan Daerah",
    ),
    (
        "BAPENDA",
        "Badan Pendapatan Daerah",
        "badan",
        10,
        "Analis Keuangan Pusat dan Daerah",
    ),
    (
        "BKPSDMD",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah",
        "badan",
        9,
        "Analis SDM Aparatur",
    ),
    (
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "badan",
        3,
        "Analis Bencana",
    ),
    (
        "DIKBUD",
        "Dinas Pendidikan dan Kebudayaan",
        "dinas",
        11,
        "Perencana",
    ),
    (
        "DINKES",
        "Dinas Kesehatan",
        "dinas",
        12,
        "Administrator Kesehatan",
    ),
    (
        "PUPR",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "dinas",
        13,
        "Teknik Jalan dan Jembatan",
    ),
    (
        "TARUNG",
        "Dinas Penataan Ruang dan Pertanahan",
        "dinas",
        14,
        "Penata Ruang",
    ),
    (
        "DISHUB",
        "Dinas Perhubungan",
        "dinas",
        15,
        "Penguji Kendaraan Bermotor",
    ),
    (
        "DUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "dinas",
        1,
        "Administrator Database Kependudukan",
    ),
    ("DINSOS", "Dinas Sosial", "dinas", 2, "Pekerja Sosial"),
    (
        "DLH",
        "Dinas Lingkungan Hidup",
        "dinas",
        4,
        "Pengendali Dampak Lingkungan",
    ),
    (
        "KOMINFO",
        "Dinas Komunikasi, Informatika, Persandian dan Statistik",
        "dinas",
        0,
        "Pranata Komputer",
    ),
    (
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "satpol",
        5,
        "Polisi Pamong Praja",
    ),
    ("RSUD", "RSUD Anutapura", "rsud", 3, "Perawat"),
];

const FIRST_MALE: [&str; 24] = [
    "Abdul", "Ahmad", "Andi", "Arif", "Budi", "Darmawan", "Fadli", "Hasan", "Irfan", "Iwan",
    "Jufri", "Kadir", "Moh.", "Muhammad", "Nasrun", "Rahmat", "Ridwan", "Rusdi", "Syahrir",
    "Taufik", "Wahyu", "Yusuf", "Zainal", "Hendra",
];
const FIRST_FEMALE: [&str; 24] = [
    "Aminah",
    "Anisa",
    "Dewi",
    "Fatmawati",
    "Hasnah",
    "Indah",
    "Irma",
    "Kartini",
    "Lestari",
    "Magfirah",
    "Nur",
    "Nurhayati",
    "Nurul",
    "Rahmawati",
    "Rini",
    "Risna",
    "Sitti",
    "Sri",
    "Suryani",
    "Wahyuni",
    "Yuliana",
    "Zulfa",
    "Hikmah",
    "Ratna",
];
const SECOND: [&str; 16] = [
    "Aisyah", "Akbar", "Amalia", "Fitri", "Hidayat", "Jaya", "Kurnia", "Maulana", "Putra", "Putri",
    "Rahman", "Ramadhan", "Safitri", "Saputra", "Sari", "Wijaya",
];
const FAMILY: [&str; 30] = [
    "Lamasitudju",
    "Tombolotutu",
    "Lasahido",
    "Paliudju",
    "Labolo",
    "Lamakarate",
    "Ladjalani",
    "Pakaya",
    "Mangge",
    "Djanggola",
    "Lasasi",
    "Tanjumbulu",
    "Bandu",
    "Nggolu",
    "Rumi",
    "Lamarauna",
    "Kasim",
    "Hamid",
    "Latjuba",
    "Tahir",
    "Datupalinge",
    "Towua",
    "Mustafa",
    "Sese",
    "Tiladuru",
    "Lakawa",
    "Sumaila",
    "Langgara",
    "Dg. Maroa",
    "Intje",
];

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

/// Position type with the golongan range (PNS) and PPPK grade it is drawn from.
#[derive(Clone, Copy)]
struct Grade {
    jenis: &'static str,
    golongan: &'static [&'static str],
    pppk: &'static str,
    min_age: u32,
}

const JPT: Grade = Grade {
    jenis: "jpt_pratama",
    golongan: &["IV/c", "IV/d"],
    pppk: "XIV",
    min_age: 45,
};
const ADMINISTRATOR: Grade = Grade {
    jenis: "administrator",
    golongan: &["IV/a", "IV/b"],
    pppk: "XII",
    min_age: 38,
};
const PENGAWAS: Grade = Grade {
    jenis: "pengawas",
    golongan: &["III/c", "III/d"],
    pppk: "X",
    min_age: 32,
};
const PELAKSANA: Grade = Grade {
    jenis: "pelaksana",
    golongan: &["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"],
    pppk: "V",
    min_age: 20,
};
const AHLI_PERTAMA: Grade = Grade {
    jenis: "ahli_pertama",
    golongan: &["III/a", "III/b"],
    pppk: "IX",
    min_age: 23,
};
const AHLI_MUDA: Grade = Grade {
    jenis: "ahli_muda",
    golongan: &["III/c", "III/d"],
    pppk: "X",
    min_age: 30,
};
const AHLI_MADYA: Grade = Grade {
    jenis: "ahli_madya",
    golongan: &["IV/a", "IV/b", "IV/c"],
    pppk: "XI",
    min_age: 40,
};
const TERAMPIL: Grade = Grade {
    jenis: "terampil",
    golongan: &["II/b", "II/c", "II/d"],
    pppk: "VII",
    min_age: 21,
};
const MAHIR: Grade = Grade {
    jenis: "mahir",
    golongan: &["II/c", "II/d", "III/a", "III/b"],
    pppk: "VIII",
    min_age: 26,
};

fn level_suffix(grade: &Grade) -> &'static str {
    match grade.jenis {
        "ahli_pertama" => " Ahli Pertama",
        "ahli_muda" => " Ahli Muda",
        "ahli_madya" => " Ahli Madya",
        "terampil" => " Terampil",
        "mahir" => " Mahir",
        _ => "",
    }
}

const PELAKSANA_JOBS: [&str; 8] = [
    "Pengadministrasi Umum",
    "Pengolah Data dan Informasi",
    "Pengelola Keuangan",
    "Pengelola Kepegawaian",
    "Pengadministrasi Perkantoran",
    "Penata Laporan Keuangan",
    "Pengelola Barang Milik Daerah",
    "Pengadministrasi Perencanaan",
];

struct Builder {
    rng: fastrand::Rng,
    units: Vec<Unit>,
    employees: Vec<Employee>,
    nips: HashSet<String>,
    /// The year the demo is set in; ages and appointment years count back from it.
    year: u32,
}

impl Builder {
    fn unit(&mut self, opd_id: i64, name: String, kelurahan: usize) -> i64 {
        let id = self.units.len() as i64 + 1;
        self.units.push(Unit {
            id,
            opd_id,
            name,
            location_id: kelurahan as i64 + 1,
        });
        id
    }

    fn name(&mut self, sex: Sex) -> String {
        let first = match sex {
            Sex::Male => FIRST_MALE[self.rng.usize(..FIRST_MALE.len())],
            Sex::Female => FIRST_FEMALE[self.rng.usize(..FIRST_FEMALE.len())],
        };
        let family = FAMILY[self.rng.usize(..FAMILY.len())];
        if self.rng.u8(..3) == 0 {
            format!(
                "{first} {} {family}",
                SECOND[self.rng.usize(..SECOND.len())]
            )
        } else {
            format!("{first} {family}")
        }
    }

    /// A structurally valid, unique NIP for someone of this age band and employment.
    fn nip(&mut self, sex: Sex, min_age: u32, pppk: bool) -> String {
        loop {
            let age = min_age + self.rng.u32(0..(58 - min_age.min(50)).max(5));
            let birth_year = self.year - age.min(58);
            let month = self.rng.u32(1..=12);
            let day = self.rng.u32(1..=days_in_month(birth_year, month));
            let tmt_year = if pppk {
                self.rng.u32(2023..=2025)
            } else {
                (birth_year + 22 + self.rng.u32(0..8)).min(self.year - 1)
            };
            let tmt_month = self.rng.u32(1..=12);
            let sex_digit = if sex == Sex::Male { 1 } else { 2 };
            let seq = self.rng.u32(1..=999);
            let nip = format!(
                "{birth_year:04}{month:02}{day:02}{tmt_year:04}{tmt_month:02}{sex_digit}{seq:03}"
            );
            if Nip::parse(&nip).is_ok() && self.nips.insert(nip.clone()) {
                return nip;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn person(
        &mut self,
        opd_id: i64,
        unit_id: i64,
        supervisor: Option<i64>,
        jabatan: String,
        grade: Grade,
        pppk_share: u8,
    ) -> i64 {
        let sex = if self.rng.bool() {
            Sex::Male
        } else {
            Sex::Female
        };
        // Structural posts (JPT, administrator, pengawas) are PNS only.
        let pppk = matches!(
            grade.jenis,
            "pelaksana" | "ahli_pertama" | "terampil" | "mahir"
        ) && self.rng.u8(..100) < pppk_share;
        let nip = self.nip(sex, grade.min_age, pppk);
        let name = self.name(sex);
        let golongan = if pppk {
            grade.pppk.to_owned()
        } else {
            grade.golongan[self.rng.usize(..grade.golongan.len())].to_owned()
        };
        let location_id = self.units[unit_id as usize - 1].location_id;
        let id = self.employees.len() as i64 + 1;
        self.employees.push(Employee {
            id,
            nip,
            name,
            sex: if sex == Sex::Male { "L" } else { "P" },
            employment: if pppk { "pppk" } else { "pns" },
            jabatan,
            jenis_jabatan: grade.jenis,
            golongan,
            opd_id,
            unit_id,
            supervisor_id: supervisor,
            location_id,
        });
        id
    }

    /// Gives a generated person a fixed demo name, with a NIP whose sex digit matches.
    fn rename(&mut self, id: i64, name: &str, sex: Sex) {
        let index = id as usize - 1;
        let old = self.employees[index].nip.clone();
        let digit = if sex == Sex::Male { '1' } else { '2' };
        let mut nip: String = old
            .chars()
            .enumerate()
            .map(|(i, c)| if i == 14 { digit } else { c })
            .collect();
        while nip != old && self.nips.contains(&nip) {
            let seq: u32 = nip[15..].parse().unwrap_or(1) % 999 + 1;
            nip = format!("{}{seq:03}", &nip[..15]);
        }
        self.nips.remove(&old);
        self.nips.insert(nip.clone());
        let e = &mut self.employees[index];
        e.nip = nip;
        e.name = name.to_owned();
        e.sex = if sex == Sex::Male { "L" } else { "P" };
    }

    /// Staff below a head: a mix of pelaksana and functional positions of this OPD.
    fn staff(
        &mut self,
        opd_id: i64,
        unit_id: i64,
        head: i64,
        count: usize,
        specialist: &str,
        pppk_share: u8,
    ) {
        for _ in 0..count {
            let roll = self.rng.u8(..100);
            let (jabatan, grade) = if roll < 55 {
                let job = PELAKSANA_JOBS[self.rng.usize(..PELAKSANA_JOBS.len())];
                (job.to_owned(), PELAKSANA)
            } else {
                let grade = match roll {
                    55..=74 => AHLI_PERTAMA,
                    75..=89 => AHLI_MUDA,
                    90..=94 => AHLI_MADYA,
                    _ => TERAMPIL,
                };
                let base = if grade.jenis == "terampil" {
                    "Pranata Komputer"
                } else {
                    specialist
                };
                (format!("{base}{}", level_suffix(&grade)), grade)
            };
            self.person(opd_id, unit_id, Some(head), jabatan, grade, pppk_share);
        }
    }

    /// Head office of an OPD: head, secretary and heads of division, sub-units, staff.
    /// Returns (head, ids of the heads of division) so field units can hang below them.
    fn head_office(
        &mut self,
        opd: &Opd,
        kelurahan: usize,
        specialist: &str,
        staff_total: usize,
        divisions: &[&str],
    ) -> (i64, Vec<i64>) {
        let office = self.unit(opd.id, format!("Kantor {}", opd.name), kelurahan);
        let head_title = match opd.kind {
            "sekretariat" if opd.code == "SETDA" => "Sekretaris Daerah".to_owned(),
            "sekretariat" => "Sekretaris DPRD".to_owned(),
            "inspektorat" => "Inspektur".to_owned(),
            "satpol" => "Kepala Satuan Polisi Pamong Praja".to_owned(),
            "rsud" => "Direktur RSUD Anutapura".to_owned(),
            _ => format!("Kepala {}", opd.name),
        };
        let head = self.person(opd.id, office, None, head_title, JPT, 0);
        let mut division_heads = Vec::new();
        let per_division = staff_total / (divisions.len() * 2).max(1);
        for division in divisions {
            let unit = self.unit(opd.id, division.to_string(), kelurahan);
            let title = if division.starts_with("Sekretariat") {
                "Sekretaris".to_owned()
            } else {
                format!("Kepala {division}")
            };
            let division_head = self.person(opd.id, unit, Some(head), title, ADMINISTRATOR, 0);
            division_heads.push(division_head);
            for section in ["Sub Bagian/Seksi Program", "Sub Bagian/Seksi Pelaksanaan"] {
                let section_name = format!("{section} {}", division.trim_start_matches("Bidang "));
                let section_head = self.person(
                    opd.id,
                    unit,
                    Some(division_head),
                    format!("Kepala {section_name}"),
                    PENGAWAS,
                    0,
                );
                self.staff(
                    opd.id,
                    unit,
                    section_head,
                    per_division.saturating_sub(1),
                    specialist,
                    20,
                );
            }
        }
        (head, division_heads)
    }
}

/// Picks field sites (schools, puskesmas) so that busy urban kelurahan get more of them.
fn field_sites(rng: &mut fastrand::Rng, count: usize) -> Vec<usize> {
    let weights: Vec<u32> = KELURAHAN
        .iter()
        .map(|(_, _, class)| if *class == "urban" { 7 } else { 2 })
        .collect();
    let total: u32 = weights.iter().sum();
    (0..count)
        .map(|i| {
            // Every kelurahan gets one before any gets a second; the rest follow the weights.
            if i < KELURAHAN.len() && count >= KELURAHAN.len() {
                return i;
            }
            let mut pick = rng.u32(0..total);
            for (index, w) in weights.iter().enumerate() {
                if pick < *w {
                    return index;
                }
                pick -= w;
            }
            0
        })
        .collect()
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

/// Binds one row's values onto a multi-row INSERT.
type AnyQuery<'q> = Query<'q, Any, sqlx::any::AnyArguments<'q>>;

/// Inserts rows in batches: one statement per `batch` rows, all inside `tx`.
async fn insert_batched<T>(
    tx: &mut Transaction<'static, Any>,
    table_and_columns: &str,
    columns: usize,
    rows: &[T],
    bind: impl for<'q> Fn(AnyQuery<'q>, &'q T) -> AnyQuery<'q>,
) -> Result<(), sqlx::Error> {
    const BATCH: usize = 400;
    for chunk in rows.chunks(BATCH) {
        let mut sql = format!("INSERT INTO {table_and_columns} VALUES ");
        for (r, _) in chunk.iter().enumerate() {
            if r > 0 {
                sql.push(',');
            }
            sql.push('(');
            for c in 0..columns {
                if c > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("${}", r * columns + c + 1));
            }
            sql.push(')');
        }
        let mut query = sqlx::query(&sql);
        for row in chunk {
            query = bind(query, row);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

pub async fn seed_demo(db: &Db, employees: usize) -> Result<(), sqlx::Error> {
    let existing: i64 = sqlx::query("SELECT COUNT(*) FROM employee")
        .fetch_one(&db.pool)
        .await?
        .get(0);
    if existing > 0 {
        println!("Basis data sudah berisi {existing} pegawai; data demo tidak dimuat ulang.");
        return print_demo_logins(db).await;
    }
    let started = std::time::Instant::now();
    let city = generate(employees, 2026);
    let now = unix_now();
    let hash = tokio::task::spawn_blocking(|| password_auth::generate_hash(DEMO_PASSWORD))
        .await
        .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;

    let mut tx = db.begin_write().await?;
    insert_batched(
        &mut tx,
        "opd (id, code, name, kind)",
        4,
        &city.opds,
        |q, o| {
            q.bind(o.id)
                .bind(o.code.as_str())
                .bind(o.name.as_str())
                .bind(o.kind)
        },
    )
    .await?;
    let locations: Vec<(i64, &str, &str, &str)> = KELURAHAN
        .iter()
        .enumerate()
        .map(|(i, (kec, kel, class))| (i as i64 + 1, *kec, *kel, *class))
        .collect();
    insert_batched(
        &mut tx,
        "location (id, kecamatan, kelurahan, name, access_class)",
        5,
        &locations,
        |q, l| q.bind(l.0).bind(l.1).bind(l.2).bind(l.2).bind(l.3),
    )
    .await?;
    insert_batched(
        &mut tx,
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
        &mut tx,
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
        .bind(hash.as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        // Atasan is derived from the org chart and mentor from the mentor profile.
        if demo.role == "admin" || demo.role == "pengelola_opd" {
            sqlx::query("INSERT INTO account_role (account_id, role, opd_id) VALUES ($1, $2, $3)")
                .bind(account_id)
                .bind(demo.role)
                .bind(demo.opd_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    let today = bina_app::calendar::IsoDate::from_unix_wita(now);
    let (year, month) = (today.year, today.month);
    let dev = development::generate(&city, year, month, now);
    insert_development(&mut tx, &dev, year, now).await?;
    let mentoring = mentoring::generate(&city, &dev, now);
    insert_mentoring(&mut tx, &mentoring, &today.to_string(), now).await?;
    audit(
        &mut tx,
        None,
        "seed_demo",
        &format!("{} employees", city.employees.len()),
    )
    .await
    .map_err(|_| sqlx::Error::Protocol("audit failed".into()))?;
    if db.kind == DbKind::Postgres {
        // Explicit ids do not move PostgreSQL's identity sequences; move them past the data.
        for table in [
            "opd",
            "location",
            "unit_kerja",
            "employee",
            "account",
            "competency",
            "program",
            "dev_plan",
            "mentoring_request",
            "mentorship",
        ] {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    println!(
        "Data demo dimuat: {} perangkat daerah, {} unit kerja, {} pegawai ({:.1} detik).",
        city.opds.len(),
        city.units.len(),
        city.employees.len(),
        started.elapsed().as_secs_f64()
    );
    print_demo_logins(db).await
}

/// Inserts the competency dictionary, standards, assessments, catalog, plans and ledgers.
async fn insert_development(
    tx: &mut Transaction<'static, Any>,
    dev: &development::Development,
    year: i32,
    now: i64,
) -> Result<(), sqlx::Error> {
    insert_batched(
        tx,
        "competency (id, code, kind, name, description, indicators, retired)",
        7,
        &dev.competencies,
        |q, c| {
            q.bind(c.id)
                .bind(c.code)
                .bind(c.kind.as_db())
                .bind(c.name)
                .bind(c.description)
                .bind(c.indicators.as_str())
                .bind(0_i64)
        },
    )
    .await?;
    insert_batched(
        tx,
        "position_standard (jabatan, competency_id, required_level)",
        3,
        &dev.standards,
        |q, s| {
            q.bind(s.jabatan.as_str())
                .bind(s.competency_id)
                .bind(s.required_level)
        },
    )
    .await?;
    insert_batched(
        tx,
        "assessment (employee_id, competency_id, level, source, assessed_on, assessor_id)",
        6,
        &dev.assessments,
        |q, a| {
            q.bind(a.employee_id)
                .bind(a.competency_id)
                .bind(a.level)
                .bind(a.source)
                .bind(a.assessed_on.as_str())
                .bind(a.assessor_id)
        },
    )
    .await?;
    insert_batched(
        tx,
        "program (id, title, path, jp, organiser, mode, starts_on, ends_on, place, retired)",
        10,
        &dev.programs,
        |q, p| {
            q.bind(p.id)
                .bind(p.title.as_str())
                .bind(p.path.code())
                .bind(p.jp)
                .bind(p.organiser)
                .bind(p.mode)
                .bind(p.starts_on.as_str())
                .bind(p.ends_on.as_str())
                .bind(p.place)
                .bind(0_i64)
        },
    )
    .await?;
    insert_batched(
        tx,
        "program_competency (program_id, competency_id)",
        2,
        &dev.programs,
        |q, p| q.bind(p.id).bind(p.competency_id),
    )
    .await?;
    insert_batched(
        tx,
        "dev_plan (id, employee_id, year, revision, status, updated_at)",
        6,
        &dev.plans,
        |q, p| {
            q.bind(p.id)
                .bind(p.employee_id)
                .bind(i64::from(year))
                .bind(1_i64)
                .bind(p.status.as_db())
                .bind(p.updated_at)
        },
    )
    .await?;
    insert_batched(
        tx,
        "dev_plan_item (plan_id, competency_id, path, title, planned_jp, target_quarter, program_id)",
        7,
        &dev.items,
        |q, i| {
            q.bind(i.plan_id)
                .bind(i.competency_id)
                .bind(i.path.code())
                .bind(i.title.as_str())
                .bind(i.planned_jp)
                .bind(i.quarter)
                .bind(i.program_id)
        },
    )
    .await?;
    insert_batched(
        tx,
        "plan_event (plan_id, actor_employee_id, action, from_status, to_status, comment, at)",
        7,
        &dev.events,
        |q, e| {
            q.bind(e.plan_id)
                .bind(e.actor)
                .bind(e.action)
                .bind(e.from.as_db())
                .bind(e.to.as_db())
                .bind(e.comment)
                .bind(e.at)
        },
    )
    .await?;
    insert_batched(
        tx,
        "jp_entry (employee_id, year, path, title, organiser, starts_on, ends_on, amount, unit, jp, status, reason, created_at)",
        13,
        &dev.entries,
        |q, e| {
            q.bind(e.employee_id)
                .bind(i64::from(year))
                .bind(e.path.code())
                .bind(e.title.as_str())
                .bind(e.organiser)
                .bind(e.starts_on.as_str())
                .bind(e.ends_on.as_str())
                .bind(e.amount)
                .bind(e.unit.as_db())
                .bind(e.jp)
                .bind(e.status)
                .bind(e.reason)
                .bind(now)
        },
    )
    .await?;
    Ok(())
}

/// Inserts the mentor profiles, their expertise and the year of mentoring history.
async fn insert_mentoring(
    tx: &mut Transaction<'static, Any>,
    m: &mentoring::Mentoring,
    today: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    insert_batched(
        tx,
        "assessment (employee_id, competency_id, level, source, assessed_on)",
        5,
        &m.assessments,
        |q, a| {
            q.bind(a.employee_id)
                .bind(a.competency_id)
                .bind(a.level)
                .bind("assessment_centre")
                .bind(today.to_owned())
        },
    )
    .await?;
    insert_batched(
        tx,
        "mentor_profile (employee_id, capacity, active_mentees, mode, bio, accepting, active, updated_at)",
        8,
        &m.profiles,
        |q, p| {
            q.bind(p.employee_id)
                .bind(p.capacity)
                .bind(p.active_mentees)
                .bind(p.mode)
                .bind(p.bio.as_str())
                .bind(p.accepting)
                .bind(1_i64)
                .bind(now)
        },
    )
    .await?;
    insert_batched(
        tx,
        "mentor_expertise (employee_id, competency_id)",
        2,
        &m.expertise,
        |q, x| q.bind(x.0).bind(x.1),
    )
    .await?;
    insert_batched(
        tx,
        "mentoring_request (id, mentee_id, mentor_id, competency_id, goal, message, status, \
         decline_reason, decline_note, created_at, expires_at, answered_at)",
        12,
        &m.requests,
        |q, r| {
            q.bind(r.id)
                .bind(r.mentee_id)
                .bind(r.mentor_id)
                .bind(r.competency_id)
                .bind(r.goal)
                .bind("")
                .bind(r.status)
                .bind(r.decline_reason)
                .bind("")
                .bind(r.created_at)
                .bind(r.expires_at)
                .bind(r.answered_at)
        },
    )
    .await?;
    insert_batched(
        tx,
        "mentorship (id, request_id, mentor_id, mentee_id, competency_id, goal, status, started_at, ended_at)",
        9,
        &m.mentorships,
        |q, s| {
            q.bind(s.id)
                .bind(s.request_id)
                .bind(s.mentor_id)
                .bind(s.mentee_id)
                .bind(s.competency_id)
                .bind(s.goal)
                .bind(if s.active { "active" } else { "ended" })
                .bind(s.started_at)
                .bind(s.ended_at)
        },
    )
    .await?;
    insert_batched(
        tx,
        "mentoring_feedback (mentorship_id, from_employee_id, about_employee_id, rating, comment, at)",
        6,
        &m.feedback,
        |q, f| {
            q.bind(f.mentorship_id)
                .bind(f.from)
                .bind(f.about)
                .bind(f.rating)
                .bind("")
                .bind(f.at)
        },
    )
    .await?;
    Ok(())
}

/// Prints the demo accounts as the table of the README.
pub async fn print_demo_logins(db: &Db) -> Result<(), sqlx::Error> {
    let rows = sqlx::query(
        "SELECT e.nip, e.name, \
                COALESCE((SELECT MIN(r.role) FROM account_role r WHERE r.account_id = a.id), \
                         CASE WHEN EXISTS (SELECT 1 FROM employee s WHERE s.supervisor_id = e.id) \
                              THEN 'atasan' \
                              WHEN EXISTS (SELECT 1 FROM mentor_profile m \
                                           WHERE m.employee_id = e.id AND m.active = 1) \
                              THEN 'mentor' ELSE 'pegawai' END) \
         FROM account a JOIN employee e ON e.id = a.employee_id ORDER BY a.id",
    )
    .fetch_all(&db.pool)
    .await?;
    println!("\nAkun demo (kata sandi: {DEMO_PASSWORD}):");
    println!("| role | NIP | name |");
    println!("|---|---|---|");
    for row in rows {
        let (nip, name, role): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        println!("| {role} | {nip} | {name} |");
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
