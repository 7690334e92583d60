//! The mentoring dashboard's figures from its facts. Pure, unit-tested below.

use super::model::{AccessRow, MentorLoad, MentoringSummary, RequestFact};
use crate::mentoring::RequestStatus;
use crate::org::AccessClass;

/// The middle value (the lower middle of an even count); `None` when there is none.
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    let n = values.len();
    (n > 0).then(|| values[(n - 1) / 2])
}

pub fn summarize(facts: &[RequestFact], mentors: &[MentorLoad]) -> MentoringSummary {
    let count = |status| facts.iter().filter(|f| f.status == status).count() as u32;
    let by_status: Vec<(RequestStatus, u32)> = RequestStatus::ALL
        .into_iter()
        .map(|s| (s, count(s)))
        .collect();
    let accepted = count(RequestStatus::Accepted);
    let decided = accepted + count(RequestStatus::Declined) + count(RequestStatus::Expired);
    let answer_secs: Vec<i64> = facts
        .iter()
        .filter(|f| matches!(f.status, RequestStatus::Accepted | RequestStatus::Declined))
        .filter_map(|f| Some(f.answered_at? - f.created_at))
        .collect();
    let mut waiting: Vec<(String, u32)> = Vec::new();
    for f in facts.iter().filter(|f| f.status == RequestStatus::Pending) {
        match waiting
            .iter_mut()
            .find(|(code, _)| *code == f.competency_code)
        {
            Some((_, n)) => *n += 1,
            None => waiting.push((f.competency_code.clone(), 1)),
        }
    }
    waiting.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let by_access = AccessClass::ALL
        .into_iter()
        .map(|access| AccessRow {
            access,
            requests: facts.iter().filter(|f| f.access == access).count() as u32,
            matched: facts
                .iter()
                .filter(|f| f.access == access && f.status == RequestStatus::Accepted)
                .count() as u32,
        })
        .collect();
    MentoringSummary {
        requests: facts.len() as u32,
        by_status,
        acceptance_percent: (decided > 0).then(|| (accepted * 100 + decided / 2) / decided),
        median_answer_hours: median(answer_secs).map(|s| (s.max(0) / 3600) as u32),
        active_pairs: facts.iter().filter(|f| f.active_pair).count() as u32,
        waiting,
        by_access,
        mentors: mentors.len() as u32,
        mentors_full: mentors.iter().filter(|m| m.active >= m.capacity).count() as u32,
        places: mentors.iter().map(|m| m.capacity).sum(),
        places_used: mentors.iter().map(|m| m.active.min(m.capacity)).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentoring::report::Drill;

    fn fact(
        status: RequestStatus,
        access: AccessClass,
        code: &str,
        answer_hours: Option<i64>,
    ) -> RequestFact {
        RequestFact {
            mentee_name: "A".into(),
            mentee_nip: "1".into(),
            mentee_opd: "Dinas".into(),
            access,
            mentor_name: "M".into(),
            competency_code: code.into(),
            status,
            created_at: 1_000_000,
            answered_at: answer_hours.map(|h| 1_000_000 + h * 3600),
            active_pair: status == RequestStatus::Accepted,
        }
    }

    #[test]
    fn figures_add_up() {
        use AccessClass::*;
        use RequestStatus::*;
        let facts = vec![
            fact(Accepted, Remote, "M.06", Some(10)),
            fact(Accepted, Urban, "M.06", Some(2)),
            fact(Declined, Urban, "M.03", Some(30)),
            fact(Expired, Remote, "M.03", None),
            fact(Pending, Remote, "M.03", None),
            fact(Pending, Urban, "M.03", None),
            fact(Pending, Urban, "T.DIK.01", None),
            fact(Withdrawn, PeriUrban, "M.06", None),
        ];
        let mentors = vec![
            MentorLoad {
                name: "X".into(),
                opd: "D".into(),
                capacity: 2,
                active: 2,
                accepting: true,
            },
            MentorLoad {
                name: "Y".into(),
                opd: "D".into(),
                capacity: 3,
                active: 1,
                accepting: false,
            },
        ];
        let s = summarize(&facts, &mentors);
        assert_eq!(s.requests, 8);
        assert_eq!(s.by_status[0], (Pending, 3));
        // 2 accepted of 4 answered or expired (withdrawn does not count).
        assert_eq!(s.acceptance_percent, Some(50));
        // Answer times 2, 10, 30 hours: the median is 10.
        assert_eq!(s.median_answer_hours, Some(10));
        assert_eq!(s.active_pairs, 2);
        assert_eq!(s.waiting, vec![("M.03".into(), 2), ("T.DIK.01".into(), 1)]);
        let remote = s.by_access.iter().find(|a| a.access == Remote).unwrap();
        assert_eq!((remote.requests, remote.matched), (3, 1));
        assert_eq!(
            (s.mentors, s.mentors_full, s.places, s.places_used),
            (2, 1, 5, 3)
        );
        let empty = summarize(&[], &[]);
        assert_eq!(
            (empty.acceptance_percent, empty.median_answer_hours),
            (None, None)
        );
    }

    #[test]
    fn every_list_is_the_figure_it_opens() {
        use RequestStatus::*;
        let facts = vec![
            fact(Accepted, AccessClass::Remote, "M.06", Some(1)),
            fact(Pending, AccessClass::Urban, "M.03", None),
        ];
        let s = summarize(&facts, &[]);
        let count = |d: Drill| facts.iter().filter(|f| d.matches(f)).count() as u32;
        for (status, n) in &s.by_status {
            assert_eq!(count(Drill::Status(*status)), *n);
        }
        assert_eq!(count(Drill::ActivePairs), s.active_pairs);
        assert_eq!(count(Drill::Waiting("M.03".into())), 1);
        for row in &s.by_access {
            assert_eq!(count(Drill::Matched(row.access)), row.matched);
        }
        for d in [
            Drill::All,
            Drill::Status(Expired),
            Drill::ActivePairs,
            Drill::Waiting("T.DIK.01".into()),
            Drill::Matched(AccessClass::PeriUrban),
        ] {
            assert_eq!(Drill::parse(&d.code()), d);
        }
        assert_eq!(Drill::parse("rubbish"), Drill::All);
    }

    #[test]
    fn median_of_odd_even_and_none() {
        assert_eq!(median(vec![5, 1, 3]), Some(3));
        assert_eq!(median(vec![4, 1, 3, 2]), Some(2));
        assert_eq!(median(vec![]), None);
    }
}
