//! The demo's mentoring: about one employee in twelve with a strong competency opts in as a
//! mentor, and a year of history behind them (requests answered and not, mentorships that
//! ended with feedback, some still running), so that recommendations have ratings to weigh
//! and the dashboards have something to show. Deterministic, like the rest of the demo.

use std::collections::HashMap;

use bina_app::db::Tx;

use super::{city::City, development::Development, insert_batched};

pub struct ProfileRow {
    pub employee_id: i64,
    pub capacity: i64,
    pub active_mentees: i64,
    pub mode: &'static str,
    pub bio: String,
    pub accepting: i64,
}

pub struct RequestRow {
    pub id: i64,
    pub mentee_id: i64,
    pub mentor_id: i64,
    pub competency_id: i64,
    pub goal: &'static str,
    pub status: &'static str,
    pub decline_reason: Option<&'static str>,
    pub created_at: i64,
    pub expires_at: i64,
    pub answered_at: Option<i64>,
}

pub struct MentorshipRow {
    pub id: i64,
    pub request_id: i64,
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub competency_id: i64,
    pub goal: &'static str,
    pub active: bool,
    pub started_at: i64,
    pub ended_at: Option<i64>,
}

pub struct FeedbackRow {
    pub mentorship_id: i64,
    pub from: i64,
    pub about: i64,
    pub rating: i64,
    pub at: i64,
}

/// An assessment the demo needs to be sure of (the demo mentors' expertise, the demo
/// pegawai's gap in M.06), dated after every generated one so it is the latest.
pub struct ExtraAssessment {
    pub employee_id: i64,
    pub competency_id: i64,
    pub level: i64,
}

#[derive(Default)]
pub struct Mentoring {
    pub profiles: Vec<ProfileRow>,
    pub expertise: Vec<(i64, i64)>,
    pub requests: Vec<RequestRow>,
    pub mentorships: Vec<MentorshipRow>,
    pub feedback: Vec<FeedbackRow>,
    pub assessments: Vec<ExtraAssessment>,
}

const GOALS: [&str; 5] = [
    "Mampu menyusun dokumen secara mandiri",
    "Memahami aturan terbaru dan menerapkannya",
    "Memimpin rapat koordinasi dengan percaya diri",
    "Menyelesaikan pekerjaan tepat waktu dengan mutu yang baik",
    "Membimbing rekan kerja yang baru",
];

const DAY: i64 = 86_400;

/// One past request and what came of it.
struct History {
    mentee: i64,
    mentor: i64,
    competency: i64,
    goal: &'static str,
    status: &'static str,
    reason: Option<&'static str>,
    created_at: i64,
    /// Accepted and still running.
    running: bool,
    ended_after_days: i64,
    /// The mentee's rating when it ended.
    rating: Option<i64>,
    now: i64,
}

impl Mentoring {
    fn add(&mut self, h: History) {
        let id = self.requests.len() as i64 + 1;
        let answered_at = if h.status == "expired" {
            h.created_at + 7 * DAY
        } else {
            h.created_at + DAY
        };
        self.requests.push(RequestRow {
            id,
            mentee_id: h.mentee,
            mentor_id: h.mentor,
            competency_id: h.competency,
            goal: h.goal,
            status: h.status,
            decline_reason: h.reason,
            created_at: h.created_at,
            expires_at: h.created_at + 7 * DAY,
            answered_at: Some(answered_at),
        });
        if h.status != "accepted" {
            return;
        }
        let mentorship_id = self.mentorships.len() as i64 + 1;
        let ended_at =
            (!h.running).then(|| (answered_at + h.ended_after_days * DAY).min(h.now - DAY));
        self.mentorships.push(MentorshipRow {
            id: mentorship_id,
            request_id: id,
            mentor_id: h.mentor,
            mentee_id: h.mentee,
            competency_id: h.competency,
            goal: h.goal,
            active: h.running,
            started_at: answered_at,
            ended_at,
        });
        if let (Some(at), Some(rating)) = (ended_at, h.rating) {
            self.feedback.push(FeedbackRow {
                mentorship_id,
                from: h.mentee,
                about: h.mentor,
                rating,
                at,
            });
        }
    }
}

pub fn generate(city: &City, dev: &Development, now: i64) -> Mentoring {
    let mut rng = fastrand::Rng::with_seed(201_711);
    let code_id: HashMap<&str, i64> = dev.competencies.iter().map(|c| (c.code, c.id)).collect();
    // The latest level of each (employee, competency): generated assessments are all from
    // last year, so the last one written wins.
    let mut level: HashMap<(i64, i64), i64> = HashMap::new();
    for a in &dev.assessments {
        level.insert((a.employee_id, a.competency_id), a.level);
    }
    let demo = |role: &str| {
        city.demo
            .iter()
            .find(|d| d.role == role)
            .map(|d| d.employee_id)
    };
    let demo_ids: Vec<i64> = city.demo.iter().map(|d| d.employee_id).collect();
    let mut m = Mentoring::default();

    // The two demo mentors: the planner of the seed essay and the remote school's principal,
    // both offering M.06 (developing others) at level 5, so the demo pegawai (assessed at 1)
    // finds them both.
    let m06 = code_id["M.06"];
    let named = [
        (
            demo("mentor"),
            ["T.REN.01", "M.04", "M.06"],
            "Perencana anggaran 20 tahun; senang membimbing staf muda menyusun RKA dan program.",
            3,
        ),
        (
            demo("atasan"),
            ["T.DIK.01", "M.06", "M.02"],
            "Kepala sekolah di pinggiran kota; berbagi cara menyusun rencana pembelajaran dan membina guru.",
            3,
        ),
    ];
    for (employee, codes, bio, capacity) in named {
        let Some(employee_id) = employee else {
            continue;
        };
        m.profiles.push(ProfileRow {
            employee_id,
            capacity,
            active_mentees: 0,
            mode: "both",
            bio: bio.to_owned(),
            accepting: 1,
        });
        for code in codes {
            m.expertise.push((employee_id, code_id[code]));
            m.assessments.push(ExtraAssessment {
                employee_id,
                competency_id: code_id[code],
                level: 5,
            });
        }
    }
    if let Some(pegawai) = demo("pegawai") {
        m.assessments.push(ExtraAssessment {
            employee_id: pegawai,
            competency_id: m06,
            level: 1,
        });
    }

    // Everyone else: strong employees opt in now and then.
    let mut strengths: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
    for (&(employee, competency), &lvl) in &level {
        if lvl >= 4 && !demo_ids.contains(&employee) {
            strengths
                .entry(employee)
                .or_default()
                .push((competency, lvl));
        }
    }
    let mut candidates: Vec<i64> = strengths.keys().copied().collect();
    candidates.sort_unstable();
    for employee_id in candidates {
        if rng.u8(..100) >= 12 {
            continue;
        }
        let mut offered = strengths[&employee_id].clone();
        offered.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        offered.truncate(rng.usize(1..=3));
        m.profiles.push(ProfileRow {
            employee_id,
            capacity: rng.i64(1..=5),
            active_mentees: 0,
            mode: match rng.u8(..4) {
                0 => "online",
                1 => "in_person",
                _ => "both",
            },
            bio: String::new(),
            accepting: i64::from(rng.u8(..10) != 0),
        });
        m.expertise.extend(
            offered
                .into_iter()
                .map(|(competency, _)| (employee_id, competency)),
        );
    }

    // A year of history: each mentor had a few requests from staff who lack what they offer.
    let mut offers: HashMap<i64, Vec<i64>> = HashMap::new();
    for &(mentor, competency) in &m.expertise {
        offers.entry(competency).or_default().push(mentor);
    }
    let mentees: Vec<(i64, i64)> = level
        .iter()
        .filter(|((e, _), l)| **l <= 2 && !demo_ids.contains(e))
        .map(|(&(e, c), _)| (e, c))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let demo_mentors: Vec<i64> = [demo("mentor"), demo("atasan")]
        .into_iter()
        .flatten()
        .collect();
    let capacity: HashMap<i64, i64> = m
        .profiles
        .iter()
        .map(|p| (p.employee_id, p.capacity))
        .collect();
    let mut busy: HashMap<i64, i64> = HashMap::new();
    let mut taken: std::collections::HashSet<(i64, i64)> = Default::default();

    // The demo mentors' record: two mentorships each that ended rated 5, which puts them
    // first for the demo pegawai; their desks start empty.
    for &mentor in &demo_mentors {
        let offered: Vec<i64> = m
            .expertise
            .iter()
            .filter(|x| x.0 == mentor)
            .map(|x| x.1)
            .collect();
        let picks: Vec<(i64, i64)> = mentees
            .iter()
            .filter(|(e, c)| offered.contains(c) && *e != mentor && !taken.contains(&(*e, *c)))
            .take(2)
            .copied()
            .collect();
        for (mentee, competency) in picks {
            taken.insert((mentee, competency));
            let created_at = now - rng.i64(120..300) * DAY;
            m.add(History {
                mentee,
                mentor,
                competency,
                goal: GOALS[rng.usize(..GOALS.len())],
                status: "accepted",
                reason: None,
                created_at,
                running: false,
                ended_after_days: rng.i64(30..90),
                rating: Some(5),
                now,
            });
        }
    }

    let wanted = mentees.len().min(m.profiles.len() * 2);
    for _ in 0..wanted {
        let (mentee, competency) = mentees[rng.usize(..mentees.len())];
        let Some(mentors) = offers.get(&competency) else {
            continue;
        };
        let mentor = mentors[rng.usize(..mentors.len())];
        if mentor == mentee || demo_mentors.contains(&mentor) || !taken.insert((mentee, competency))
        {
            continue;
        }
        let created_at = now - rng.i64(20..330) * DAY;
        let (status, reason) = match rng.u8(..100) {
            0..=11 => (
                "declined",
                Some(["no_time", "outside_expertise", "better_fit"][rng.usize(..3)]),
            ),
            12..=19 => ("expired", None),
            20..=24 => ("withdrawn", None),
            _ => ("accepted", None),
        };
        let load = busy.entry(mentor).or_default();
        let running =
            status == "accepted" && created_at > now - 90 * DAY && *load < capacity[&mentor];
        if running {
            *load += 1;
        }
        // Other mentors' first rating is at most 4, so a perfect record stays the demo
        // mentors' own.
        let first = !m.feedback.iter().any(|f| f.about == mentor);
        let rating = [3, 4, 4, 5][rng.usize(..4)].min(if first { 4 } else { 5 });
        m.add(History {
            mentee,
            mentor,
            competency,
            goal: GOALS[rng.usize(..GOALS.len())],
            status,
            reason,
            created_at,
            running,
            ended_after_days: rng.i64(30..90),
            rating: (status == "accepted" && !running).then_some(rating),
            now,
        });
    }
    for p in &mut m.profiles {
        p.active_mentees = busy.get(&p.employee_id).copied().unwrap_or(0);
    }
    m
}

/// Inserts the mentor profiles, their expertise and the year of mentoring history.
pub async fn insert(tx: &mut Tx, m: &Mentoring, today: &str, now: i64) -> Result<(), sqlx::Error> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentors_have_expertise_history_and_consistent_load() {
        let city = super::super::city::generate(1500, 2026);
        let dev = super::super::development::generate(&city, 2026, 11, 1_790_000_000);
        let m = generate(&city, &dev, 1_790_000_000);
        assert!(m.profiles.len() > 20, "{} mentors", m.profiles.len());
        for p in &m.profiles {
            assert!(m.expertise.iter().any(|(e, _)| *e == p.employee_id));
            assert!(p.active_mentees <= p.capacity);
            let running = m
                .mentorships
                .iter()
                .filter(|s| s.mentor_id == p.employee_id && s.active)
                .count() as i64;
            assert_eq!(running, p.active_mentees);
        }
        assert!(m.requests.iter().any(|r| r.status == "declined"));
        assert!(m.requests.iter().any(|r| r.status == "expired"));
        assert!(m.feedback.len() > 5);
        // No demo account has a request of its own as mentee.
        let demo: Vec<i64> = city.demo.iter().map(|d| d.employee_id).collect();
        assert!(!m.requests.iter().any(|r| demo.contains(&r.mentee_id)));
    }
}
