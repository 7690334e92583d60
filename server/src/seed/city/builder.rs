//! How the demo city is built: position grades, and the builder that makes units, people,
//! NIPs and names.

use super::*;

/// Position type with the golongan range (PNS) and PPPK grade it is drawn from.
#[derive(Clone, Copy)]
pub struct Grade {
    pub jenis: &'static str,
    pub golongan: &'static [&'static str],
    pub pppk: &'static str,
    pub min_age: u32,
}

pub const JPT: Grade = Grade {
    jenis: "jpt_pratama",
    golongan: &["IV/c", "IV/d"],
    pppk: "XIV",
    min_age: 45,
};
pub const ADMINISTRATOR: Grade = Grade {
    jenis: "administrator",
    golongan: &["IV/a", "IV/b"],
    pppk: "XII",
    min_age: 38,
};
pub const PENGAWAS: Grade = Grade {
    jenis: "pengawas",
    golongan: &["III/c", "III/d"],
    pppk: "X",
    min_age: 32,
};
pub const PELAKSANA: Grade = Grade {
    jenis: "pelaksana",
    golongan: &["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"],
    pppk: "V",
    min_age: 20,
};
pub const AHLI_PERTAMA: Grade = Grade {
    jenis: "ahli_pertama",
    golongan: &["III/a", "III/b"],
    pppk: "IX",
    min_age: 23,
};
pub const AHLI_MUDA: Grade = Grade {
    jenis: "ahli_muda",
    golongan: &["III/c", "III/d"],
    pppk: "X",
    min_age: 30,
};
pub const AHLI_MADYA: Grade = Grade {
    jenis: "ahli_madya",
    golongan: &["IV/a", "IV/b", "IV/c"],
    pppk: "XI",
    min_age: 40,
};
pub const TERAMPIL: Grade = Grade {
    jenis: "terampil",
    golongan: &["II/b", "II/c", "II/d"],
    pppk: "VII",
    min_age: 21,
};
pub const MAHIR: Grade = Grade {
    jenis: "mahir",
    golongan: &["II/c", "II/d", "III/a", "III/b"],
    pppk: "VIII",
    min_age: 26,
};

pub fn level_suffix(grade: &Grade) -> &'static str {
    match grade.jenis {
        "ahli_pertama" => " Ahli Pertama",
        "ahli_muda" => " Ahli Muda",
        "ahli_madya" => " Ahli Madya",
        "terampil" => " Terampil",
        "mahir" => " Mahir",
        _ => "",
    }
}

pub const PELAKSANA_JOBS: [&str; 8] = [
    "Pengadministrasi Umum",
    "Pengolah Data dan Informasi",
    "Pengelola Keuangan",
    "Pengelola Kepegawaian",
    "Pengadministrasi Perkantoran",
    "Penata Laporan Keuangan",
    "Pengelola Barang Milik Daerah",
    "Pengadministrasi Perencanaan",
];

pub struct Builder {
    pub rng: fastrand::Rng,
    pub units: Vec<Unit>,
    pub employees: Vec<Employee>,
    pub nips: HashSet<String>,
    /// The year the demo is set in; ages and appointment years count back from it.
    pub year: u32,
}

impl Builder {
    pub fn unit(&mut self, opd_id: i64, name: String, kelurahan: usize) -> i64 {
        let id = self.units.len() as i64 + 1;
        self.units.push(Unit {
            id,
            opd_id,
            name,
            location_id: kelurahan as i64 + 1,
        });
        id
    }

    pub fn name(&mut self, sex: Sex) -> String {
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
    pub fn nip(&mut self, sex: Sex, min_age: u32, pppk: bool) -> String {
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
    pub fn person(
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
    pub fn rename(&mut self, id: i64, name: &str, sex: Sex) {
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
    pub fn staff(
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
    pub fn head_office(
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
pub fn field_sites(rng: &mut fastrand::Rng, count: usize) -> Vec<usize> {
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
