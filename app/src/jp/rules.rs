//! Development paths (jalur pengembangan, Peraturan LAN 10/2018) and the rules that turn an
//! activity into JP. Pure: no I/O, unit-tested below.

use serde::{Deserialize, Serialize};

/// The three families of development paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PathFamily {
    /// Formal degree study.
    Pendidikan,
    /// Classroom training.
    Klasikal,
    /// Everything learnt outside a classroom.
    NonKlasikal,
}

/// How an activity's size is stated when it is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AmountUnit {
    Hours,
    Days,
    Sessions,
    /// A course, a visit, a placement: one whole activity.
    Activities,
}

impl AmountUnit {
    pub fn as_db(self) -> &'static str {
        match self {
            AmountUnit::Hours => "hours",
            AmountUnit::Days => "days",
            AmountUnit::Sessions => "sessions",
            AmountUnit::Activities => "courses",
        }
    }

    pub fn from_db(s: &str) -> Option<AmountUnit> {
        Some(match s {
            "hours" => AmountUnit::Hours,
            "days" => AmountUnit::Days,
            "sessions" => AmountUnit::Sessions,
            "courses" => AmountUnit::Activities,
            _ => return None,
        })
    }
}

macro_rules! dev_paths {
    ($($variant:ident => $code:literal, $family:ident;)*) => {
        /// Every development path of Peraturan LAN 10/2018.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum DevPath { $($variant),* }

        impl DevPath {
            pub const ALL: &'static [DevPath] = &[$(DevPath::$variant),*];

            /// The stable code stored in the database and sent by forms.
            pub fn code(self) -> &'static str {
                match self { $(DevPath::$variant => $code),* }
            }

            pub fn from_code(code: &str) -> Option<DevPath> {
                match code { $($code => Some(DevPath::$variant),)* _ => None }
            }

            pub fn family(self) -> PathFamily {
                match self { $(DevPath::$variant => PathFamily::$family),* }
            }
        }
    };
}

dev_paths! {
    TugasBelajar => "tugas_belajar", Pendidikan;
    PelatihanKepemimpinan => "pelatihan_kepemimpinan", Klasikal;
    PelatihanManajerial => "pelatihan_manajerial", Klasikal;
    PelatihanTeknis => "pelatihan_teknis", Klasikal;
    PelatihanFungsional => "pelatihan_fungsional", Klasikal;
    PelatihanSosialKultural => "pelatihan_sosial_kultural", Klasikal;
    Seminar => "seminar", Klasikal;
    Workshop => "workshop", Klasikal;
    Kursus => "kursus", Klasikal;
    Penataran => "penataran", Klasikal;
    BimbinganTeknis => "bimbingan_teknis", Klasikal;
    Sosialisasi => "sosialisasi", Klasikal;
    Coaching => "coaching", NonKlasikal;
    Mentoring => "mentoring", NonKlasikal;
    ELearning => "e_learning", NonKlasikal;
    PelatihanJarakJauh => "pelatihan_jarak_jauh", NonKlasikal;
    Detasering => "detasering", NonKlasikal;
    PembelajaranAlamTerbuka => "alam_terbuka", NonKlasikal;
    PatokBanding => "patok_banding", NonKlasikal;
    PertukaranPegawai => "pertukaran_pegawai", NonKlasikal;
    BelajarMandiri => "belajar_mandiri", NonKlasikal;
    KomunitasBelajar => "komunitas_belajar", NonKlasikal;
    BimbinganDiTempatKerja => "bimbingan_di_tempat_kerja", NonKlasikal;
    Magang => "magang", NonKlasikal;
}

/// The JP conversion rules. Defaults follow LAN's guidance for non-classical learning and
/// the values agency systems use where LAN is silent (DOMAIN.md); each is a setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JpRules {
    /// Minutes in one JP (45 by regulation practice, 60 in some agencies).
    pub minutes_per_jp: u32,
    /// Learning hours in one day of classroom training.
    pub hours_per_training_day: u32,
    pub seminar_day_national: u32,
    pub seminar_day_international: u32,
    pub workshop_day_national: u32,
    pub workshop_day_international: u32,
    /// Extra share of JP for international classroom training, in percent.
    pub international_bonus_percent: u32,
    pub coaching_session: u32,
    pub mentoring_session: u32,
    pub e_learning_course: u32,
    pub benchmarking_visit: u32,
    /// Magang, detasering, exchange with the private sector: one placement.
    pub placement: u32,
}

impl JpRules {
    pub fn with_minutes(minutes_per_jp: u32) -> JpRules {
        JpRules {
            minutes_per_jp: minutes_per_jp.max(1),
            ..JpRules::default()
        }
    }
}

impl Default for JpRules {
    fn default() -> Self {
        JpRules {
            minutes_per_jp: 45,
            hours_per_training_day: 6,
            seminar_day_national: 4,
            seminar_day_international: 6,
            workshop_day_national: 5,
            workshop_day_international: 7,
            international_bonus_percent: 20,
            coaching_session: 2,
            mentoring_session: 2,
            e_learning_course: 3,
            benchmarking_visit: 10,
            placement: 20,
        }
    }
}

/// The units in which an activity on this path may be stated, the first being the usual.
pub fn allowed_units(path: DevPath) -> &'static [AmountUnit] {
    use AmountUnit::*;
    match path {
        DevPath::Seminar | DevPath::Workshop => &[Days],
        DevPath::Coaching | DevPath::Mentoring => &[Sessions, Hours],
        DevPath::ELearning => &[Activities, Hours],
        DevPath::PatokBanding
        | DevPath::Magang
        | DevPath::Detasering
        | DevPath::PertukaranPegawai => &[Activities],
        _ => &[Hours, Days],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JpError {
    /// The amount is zero.
    AmountNotPositive,
    /// This path is not stated in this unit (a seminar in sessions, say).
    UnitNotAllowed,
    /// The amount gives less than one JP (20 minutes when a JP is 45).
    TooShort,
}

/// JP earned by an activity: `amount` in `unit` on `path`, national or international.
pub fn jp_for(
    rules: &JpRules,
    path: DevPath,
    unit: AmountUnit,
    amount: u32,
    international: bool,
) -> Result<u32, JpError> {
    if amount == 0 {
        return Err(JpError::AmountNotPositive);
    }
    if !allowed_units(path).contains(&unit) {
        return Err(JpError::UnitNotAllowed);
    }
    // Saturating: an absurd amount gives an absurd JP the entry's rules refuse, never an
    // overflow.
    let times = |per: u32| amount.saturating_mul(per);
    let per_unit = |national: u32, intl: u32| times(if international { intl } else { national });
    let from_minutes = |minutes: u32| {
        let jp = minutes / rules.minutes_per_jp.max(1);
        if international && path.family() == PathFamily::Klasikal {
            jp.saturating_add(jp.saturating_mul(rules.international_bonus_percent) / 100)
        } else {
            jp
        }
    };
    let jp = match (path, unit) {
        (DevPath::Seminar, _) => {
            per_unit(rules.seminar_day_national, rules.seminar_day_international)
        }
        (DevPath::Workshop, _) => per_unit(
            rules.workshop_day_national,
            rules.workshop_day_international,
        ),
        (DevPath::Coaching, AmountUnit::Sessions) => times(rules.coaching_session),
        (DevPath::Mentoring, AmountUnit::Sessions) => times(rules.mentoring_session),
        (DevPath::ELearning, AmountUnit::Activities) => times(rules.e_learning_course),
        (DevPath::PatokBanding, _) => times(rules.benchmarking_visit),
        (DevPath::Magang | DevPath::Detasering | DevPath::PertukaranPegawai, _) => {
            times(rules.placement)
        }
        (_, AmountUnit::Days) => {
            from_minutes(times(rules.hours_per_training_day.saturating_mul(60)))
        }
        (_, _) => from_minutes(times(60)),
    };
    if jp == 0 {
        Err(JpError::TooShort)
    } else {
        Ok(jp)
    }
}

/// The JP a plan item on this path starts with: one usual unit of it (one day of training,
/// one seminar day, one session, one course). The employee may change it.
pub fn default_planned_jp(rules: &JpRules, path: DevPath) -> u32 {
    let unit = allowed_units(path)[0];
    let amount = match unit {
        // An hour is too small a plan: start from one training day.
        AmountUnit::Hours => {
            return jp_for(rules, path, AmountUnit::Days, 1, false).unwrap_or(1);
        }
        _ => 1,
    };
    jp_for(rules, path, unit, amount, false).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &path in DevPath::ALL {
            assert_eq!(DevPath::from_code(path.code()), Some(path));
            assert!(seen.insert(path.code()));
        }
        assert_eq!(DevPath::ALL.len(), 24);
        assert_eq!(DevPath::from_code("kuliah"), None);
        for unit in [
            AmountUnit::Hours,
            AmountUnit::Days,
            AmountUnit::Sessions,
            AmountUnit::Activities,
        ] {
            assert_eq!(AmountUnit::from_db(unit.as_db()), Some(unit));
        }
    }

    #[test]
    fn seminars_and_workshops_count_by_day_and_scope() {
        let r = JpRules::default();
        assert_eq!(
            jp_for(&r, DevPath::Seminar, AmountUnit::Days, 1, false),
            Ok(4)
        );
        assert_eq!(
            jp_for(&r, DevPath::Seminar, AmountUnit::Days, 2, true),
            Ok(12)
        );
        assert_eq!(
            jp_for(&r, DevPath::Workshop, AmountUnit::Days, 3, false),
            Ok(15)
        );
        assert_eq!(
            jp_for(&r, DevPath::Workshop, AmountUnit::Days, 1, true),
            Ok(7)
        );
        assert_eq!(
            jp_for(&r, DevPath::Seminar, AmountUnit::Hours, 5, false),
            Err(JpError::UnitNotAllowed)
        );
    }

    #[test]
    fn classroom_hours_follow_the_jp_minutes_setting() {
        let r45 = JpRules::default();
        let r60 = JpRules::with_minutes(60);
        // 6 hours = 360 minutes: 8 JP of 45 minutes, 6 JP of 60.
        assert_eq!(
            jp_for(&r45, DevPath::PelatihanTeknis, AmountUnit::Hours, 6, false),
            Ok(8)
        );
        assert_eq!(
            jp_for(&r60, DevPath::PelatihanTeknis, AmountUnit::Hours, 6, false),
            Ok(6)
        );
        // Two training days of 6 hours.
        assert_eq!(
            jp_for(&r45, DevPath::BimbinganTeknis, AmountUnit::Days, 2, false),
            Ok(16)
        );
        // Part of a JP is not counted: one hour is 1 JP of 45 minutes.
        assert_eq!(
            jp_for(&r45, DevPath::Kursus, AmountUnit::Hours, 1, false),
            Ok(1)
        );
        // International classroom training earns 20% more.
        assert_eq!(
            jp_for(&r45, DevPath::PelatihanTeknis, AmountUnit::Days, 5, true),
            Ok(48)
        );
        // Not for non-classical paths.
        assert_eq!(
            jp_for(&r45, DevPath::BelajarMandiri, AmountUnit::Days, 5, true),
            Ok(40)
        );
    }

    #[test]
    fn non_classical_paths_have_fixed_values() {
        let r = JpRules::default();
        assert_eq!(
            jp_for(&r, DevPath::Coaching, AmountUnit::Sessions, 3, false),
            Ok(6)
        );
        assert_eq!(
            jp_for(&r, DevPath::Mentoring, AmountUnit::Sessions, 1, false),
            Ok(2)
        );
        assert_eq!(
            jp_for(&r, DevPath::Mentoring, AmountUnit::Hours, 3, false),
            Ok(4)
        );
        assert_eq!(
            jp_for(&r, DevPath::ELearning, AmountUnit::Activities, 2, false),
            Ok(6)
        );
        assert_eq!(
            jp_for(&r, DevPath::PatokBanding, AmountUnit::Activities, 1, false),
            Ok(10)
        );
        assert_eq!(
            jp_for(&r, DevPath::Magang, AmountUnit::Activities, 1, false),
            Ok(20)
        );
        assert_eq!(
            jp_for(&r, DevPath::Detasering, AmountUnit::Activities, 1, false),
            Ok(20)
        );
    }

    #[test]
    fn nothing_and_too_little_are_refused() {
        let r = JpRules::with_minutes(120);
        assert_eq!(
            jp_for(&r, DevPath::Kursus, AmountUnit::Hours, 0, false),
            Err(JpError::AmountNotPositive)
        );
        assert_eq!(
            jp_for(&r, DevPath::Kursus, AmountUnit::Hours, 1, false),
            Err(JpError::TooShort)
        );
    }

    #[test]
    fn plan_items_start_from_one_usual_unit() {
        let r = JpRules::default();
        assert_eq!(default_planned_jp(&r, DevPath::PelatihanTeknis), 8);
        assert_eq!(default_planned_jp(&r, DevPath::Seminar), 4);
        assert_eq!(default_planned_jp(&r, DevPath::Workshop), 5);
        assert_eq!(default_planned_jp(&r, DevPath::Mentoring), 2);
        assert_eq!(default_planned_jp(&r, DevPath::ELearning), 3);
        assert_eq!(default_planned_jp(&r, DevPath::Magang), 20);
        for &path in DevPath::ALL {
            assert!(default_planned_jp(&r, path) > 0, "{path:?}");
        }
    }
}
