//! Bulk matching at city scale: 5,000 mentees and 1,000 mentors with 1–5 places each,
//! scored by the real recommendation score. Reports the time of the optimal assignment
//! (a benchmark: it prints figures, it asserts nothing about time).
//!
//! Run: `cargo bench -p bina-server --bench matching`

use std::time::Instant;

use bina_app::{
    mentoring::{
        MentorMode,
        matching::{Candidate, Cohort, assign},
        score::{MatchRules, MenteeNeed, MentorOffer, score},
    },
    org::AccessClass,
};

const MENTEES: usize = 5_000;
const MENTORS: usize = 1_000;
const COMPETENCIES: usize = 27;
const OPDS: i64 = 27;

fn main() {
    let mut rng = fastrand::Rng::with_seed(2026);
    // Each mentor offers 1–3 competencies at level 3–5 and has 1–5 places.
    let mentors: Vec<(Vec<(usize, u8)>, MentorOffer)> = (0..MENTORS)
        .map(|_| {
            let offered = (0..rng.usize(1..=3))
                .map(|_| (rng.usize(..COMPETENCIES), rng.u8(3..=5)))
                .collect();
            let capacity = rng.u8(1..=5);
            let offer = MentorOffer {
                level: 0,
                capacity,
                active_mentees: 0,
                mode: [MentorMode::Online, MentorMode::InPerson, MentorMode::Both][rng.usize(..3)],
                opd_id: rng.i64(1..=OPDS),
                rating: rng.bool().then(|| (rng.f32() * 4.0 + 1.0, rng.u32(1..10))),
            };
            (offered, offer)
        })
        .collect();
    let mut by_competency: Vec<Vec<(usize, u8)>> = vec![Vec::new(); COMPETENCIES];
    for (t, (offered, _)) in mentors.iter().enumerate() {
        for &(c, level) in offered {
            by_competency[c].push((t, level));
        }
    }

    let started = Instant::now();
    let mut candidates = Vec::new();
    for m in 0..MENTEES {
        let competency = rng.usize(..COMPETENCIES);
        let required = rng.u8(2..=4);
        let need = MenteeNeed {
            required,
            current: rng.u8(0..required),
            access: [
                AccessClass::Urban,
                AccessClass::PeriUrban,
                AccessClass::Remote,
            ][rng.usize(..3)],
            opd_id: rng.i64(1..=OPDS),
        };
        for &(t, level) in &by_competency[competency] {
            let offer = MentorOffer {
                level,
                ..mentors[t].1
            };
            if let Some(s) = score(&need, &offer, &MatchRules::default()) {
                candidates.push(Candidate {
                    mentee: m,
                    mentor: t,
                    score: s.points,
                });
            }
        }
    }
    let cohort = Cohort {
        mentees: MENTEES,
        places: mentors.iter().map(|(_, o)| u32::from(o.capacity)).collect(),
        candidates,
    };
    let scored = started.elapsed();

    let started = Instant::now();
    let result = assign(&cohort);
    let solved = started.elapsed();

    let places: u32 = cohort.places.iter().sum();
    println!("Bulk matching: {MENTEES} mentees × {MENTORS} mentors ({places} places)");
    println!(
        "  eligible pairs scored:   {} in {:.0} ms",
        cohort.candidates.len(),
        scored.as_secs_f64() * 1e3
    );
    println!(
        "  optimal assignment:      {} pairs, {} unmatched, total score {} in {:.0} ms",
        result.pairs.len(),
        result.unmatched.len(),
        result.total_score,
        solved.as_secs_f64() * 1e3
    );
}
