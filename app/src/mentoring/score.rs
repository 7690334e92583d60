//! Who may mentor whom, and how well a mentor suits a mentee. Pure: the recommendation list
//! and the bulk matching both rank by [`score`], and the tests below pin its behaviour.

use serde::{Deserialize, Serialize};

use super::MentorMode;
use crate::{org::AccessClass, settings::Settings};

/// How the OPD of mentor and mentee weighs (a setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpdPreference {
    /// A mentor of the mentee's own OPD knows the work: points for the same OPD (default).
    SameOpd,
    /// Cross-OPD mentoring spreads practice across the city: points for another OPD.
    OtherOpd,
    /// OPD does not count.
    Neutral,
}

impl OpdPreference {
    pub fn parse(text: &str) -> Option<OpdPreference> {
        match text {
            "same" => Some(OpdPreference::SameOpd),
            "other" => Some(OpdPreference::OtherOpd),
            "neutral" => Some(OpdPreference::Neutral),
            _ => None,
        }
    }
}

/// The mentee's side of one competency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MenteeNeed {
    /// The level the mentee's position requires.
    pub required: u8,
    /// The mentee's latest assessed level (0 when never assessed).
    pub current: u8,
    pub access: AccessClass,
    pub opd_id: i64,
}

/// The mentor's side, for the same competency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MentorOffer {
    /// The mentor's latest assessed level in the competency.
    pub level: u8,
    pub capacity: u8,
    pub active_mentees: u8,
    pub mode: MentorMode,
    pub opd_id: i64,
    /// Mean rating by past mentees (1–5) and how many rated.
    pub rating: Option<(f32, u32)>,
}

impl MentorOffer {
    pub fn places_left(&self) -> u8 {
        self.capacity.saturating_sub(self.active_mentees)
    }
}

/// Who may mentor whom in a competency (a setting). The default: the mentor is at least at
/// the level the mentee's position requires and at least one level above the mentee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    /// Levels the mentor must be above the mentee's current level (1–4).
    pub min_lead: u8,
    /// Whether the mentor must also reach the level the mentee's position requires.
    pub reach_required: bool,
}

impl Eligibility {
    /// The range `min_lead` may take: a mentor is always above the mentee, and levels run 1–5.
    pub const LEAD_RANGE: std::ops::RangeInclusive<u8> = 1..=4;

    pub fn allows(&self, need: &MenteeNeed, level: u8) -> bool {
        level >= need.current.saturating_add(self.min_lead.max(1))
            && (!self.reach_required || level >= need.required)
    }
}

impl Default for Eligibility {
    fn default() -> Self {
        MatchRules::default().eligibility
    }
}

/// The rules recommendations and bulk matching apply (settings of the deployment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchRules {
    pub eligibility: Eligibility,
    pub opd: OpdPreference,
}

impl From<&Settings> for MatchRules {
    fn from(settings: &Settings) -> Self {
        MatchRules {
            eligibility: Eligibility {
                min_lead: settings.mentor_min_lead,
                reach_required: settings.mentor_reach_required,
            },
            // The server refuses any other spelling at start-up.
            opd: OpdPreference::parse(&settings.mentor_opd).unwrap_or(OpdPreference::SameOpd),
        }
    }
}

impl Default for MatchRules {
    fn default() -> Self {
        MatchRules::from(&Settings::default())
    }
}

/// One part of a score, shown to the mentee as the reason behind a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Reason {
    /// The mentor's level in the competency.
    Level(u8),
    PlacesLeft(u8),
    MeetsOnline,
    MeetsInPerson,
    SameOpd,
    OtherOpd,
    /// Mean rating in tenths (45 = 4.5) and how many rated.
    Rated {
        tenths: u8,
        count: u32,
    },
}

/// A score from 0 to 100 with its reasons, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    pub points: u32,
    pub reasons: Vec<Reason>,
}

/// Points for each part; they add up to 100.
const LEVEL_POINTS: u32 = 40;
const PLACES_POINTS: u32 = 20;
const MODE_POINTS: u32 = 20;
const OPD_POINTS: u32 = 10;
const RATING_POINTS: u32 = 10;

/// How well the mentor suits the mentee's need, or `None` when the rules do not allow the
/// mentor or the mentor has no place left.
///
/// - level: a mentor two or more levels above the mentee scores full, one level above scores
///   half (they can still teach the next step);
/// - places: more room left means more time for the mentee (full from three places);
/// - mode: mentees outside the urban centre need a mentor who meets online; urban mentees
///   are served by either mode, in person slightly better;
/// - OPD: by the setting;
/// - rating: past mentees' mean rating; an unrated mentor gets the middle, so new mentors
///   are neither buried nor favoured.
pub fn score(need: &MenteeNeed, offer: &MentorOffer, rules: &MatchRules) -> Option<Scored> {
    if !rules.eligibility.allows(need, offer.level) || offer.places_left() == 0 {
        return None;
    }
    let mut reasons = vec![Reason::Level(offer.level)];
    let above = u32::from(offer.level.saturating_sub(need.current));
    let mut points = LEVEL_POINTS * above.min(2) / 2;

    let places = offer.places_left();
    points += PLACES_POINTS * u32::from(places.min(3)) / 3;
    reasons.push(Reason::PlacesLeft(places));

    let online = matches!(offer.mode, MentorMode::Online | MentorMode::Both);
    let in_person = matches!(offer.mode, MentorMode::InPerson | MentorMode::Both);
    points += match (need.access, online, in_person) {
        (AccessClass::Urban, _, true) => MODE_POINTS,
        (AccessClass::Urban, _, false) => MODE_POINTS * 3 / 4,
        (_, true, _) => MODE_POINTS,
        (_, false, _) => MODE_POINTS / 4,
    };
    if online {
        reasons.push(Reason::MeetsOnline);
    }
    if in_person {
        reasons.push(Reason::MeetsInPerson);
    }

    let same = offer.opd_id == need.opd_id;
    match (rules.opd, same) {
        (OpdPreference::SameOpd, true) => {
            points += OPD_POINTS;
            reasons.push(Reason::SameOpd);
        }
        (OpdPreference::OtherOpd, false) => {
            points += OPD_POINTS;
            reasons.push(Reason::OtherOpd);
        }
        _ => {}
    }

    match offer.rating {
        Some((mean, count)) if count > 0 => {
            let mean = mean.clamp(1.0, 5.0);
            points += (RATING_POINTS as f32 * (mean - 1.0) / 4.0).round() as u32;
            reasons.push(Reason::Rated {
                tenths: (mean * 10.0).round() as u8,
                count,
            });
        }
        _ => points += RATING_POINTS / 2,
    }
    Some(Scored { points, reasons })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(access: AccessClass) -> MenteeNeed {
        MenteeNeed {
            required: 3,
            current: 1,
            access,
            opd_id: 1,
        }
    }

    fn offer() -> MentorOffer {
        MentorOffer {
            level: 4,
            capacity: 5,
            active_mentees: 0,
            mode: MentorMode::Both,
            opd_id: 1,
            rating: None,
        }
    }

    fn rules(opd: OpdPreference) -> MatchRules {
        MatchRules {
            opd,
            ..MatchRules::default()
        }
    }

    fn points(need: &MenteeNeed, offer: &MentorOffer) -> u32 {
        score(need, offer, &MatchRules::default()).unwrap().points
    }

    #[test]
    fn by_default_eligibility_needs_the_required_level_and_one_above_the_mentee() {
        let rule = Eligibility::default();
        let n = need(AccessClass::Urban);
        assert!(rule.allows(&n, 3));
        assert!(!rule.allows(&n, 2), "below the position's requirement");
        let ahead = MenteeNeed { current: 3, ..n };
        assert!(!rule.allows(&ahead, 3), "not above the mentee");
        assert!(rule.allows(&ahead, 4));
        assert_eq!(
            score(
                &ahead,
                &MentorOffer {
                    level: 3,
                    ..offer()
                },
                &rules(OpdPreference::Neutral)
            ),
            None
        );
    }

    #[test]
    fn the_eligibility_setting_changes_who_may_mentor() {
        // Mentee at level 1 in a position requiring 3.
        let n = need(AccessClass::Urban);
        let two_ahead = Eligibility {
            min_lead: 2,
            reach_required: true,
        };
        assert!(!two_ahead.allows(&n, 2));
        assert!(two_ahead.allows(&n, 3));
        let ahead_is_enough = Eligibility {
            min_lead: 1,
            reach_required: false,
        };
        assert!(
            ahead_is_enough.allows(&n, 2),
            "one step above helps without the position's level"
        );
        assert!(!ahead_is_enough.allows(&n, 1));
        let level_2 = MentorOffer {
            level: 2,
            ..offer()
        };
        let lenient = MatchRules {
            eligibility: ahead_is_enough,
            ..MatchRules::default()
        };
        assert!(score(&n, &level_2, &MatchRules::default()).is_none());
        assert!(score(&n, &level_2, &lenient).is_some());
    }

    #[test]
    fn a_full_mentor_is_not_recommended() {
        let full = MentorOffer {
            active_mentees: 5,
            ..offer()
        };
        assert_eq!(
            score(&need(AccessClass::Urban), &full, &MatchRules::default()),
            None
        );
    }

    #[test]
    fn the_best_mentor_scores_100_and_says_why() {
        let best = MentorOffer {
            rating: Some((5.0, 3)),
            ..offer()
        };
        let s = score(&need(AccessClass::Remote), &best, &MatchRules::default()).unwrap();
        assert_eq!(s.points, 100);
        assert_eq!(
            s.reasons,
            vec![
                Reason::Level(4),
                Reason::PlacesLeft(5),
                Reason::MeetsOnline,
                Reason::MeetsInPerson,
                Reason::SameOpd,
                Reason::Rated {
                    tenths: 50,
                    count: 3
                },
            ]
        );
    }

    #[test]
    fn remote_mentees_favour_mentors_who_meet_online() {
        let remote = need(AccessClass::Remote);
        let online = MentorOffer {
            mode: MentorMode::Online,
            ..offer()
        };
        let in_person = MentorOffer {
            mode: MentorMode::InPerson,
            ..offer()
        };
        assert!(points(&remote, &online) > points(&remote, &in_person));
        let urban = need(AccessClass::Urban);
        assert!(points(&urban, &in_person) > points(&urban, &online));
    }

    #[test]
    fn more_room_level_and_better_ratings_score_higher() {
        let n = need(AccessClass::Urban);
        let one_place = MentorOffer {
            active_mentees: 4,
            ..offer()
        };
        assert!(points(&n, &offer()) > points(&n, &one_place));
        let just_above = MenteeNeed { current: 2, ..n };
        let level_3 = MentorOffer {
            level: 3,
            ..offer()
        };
        assert!(points(&just_above, &offer()) > points(&just_above, &level_3));
        let loved = MentorOffer {
            rating: Some((4.8, 5)),
            ..offer()
        };
        let disliked = MentorOffer {
            rating: Some((1.5, 4)),
            ..offer()
        };
        assert!(points(&n, &loved) > points(&n, &offer()));
        assert!(points(&n, &offer()) > points(&n, &disliked));
    }

    #[test]
    fn the_opd_setting_decides_which_opd_earns_points() {
        let n = need(AccessClass::Urban);
        let elsewhere = MentorOffer {
            opd_id: 2,
            ..offer()
        };
        let pts = |o: &MentorOffer, p| score(&n, o, &rules(p)).unwrap().points;
        assert!(pts(&offer(), OpdPreference::SameOpd) > pts(&elsewhere, OpdPreference::SameOpd));
        assert!(pts(&offer(), OpdPreference::OtherOpd) < pts(&elsewhere, OpdPreference::OtherOpd));
        assert_eq!(
            pts(&offer(), OpdPreference::Neutral),
            pts(&elsewhere, OpdPreference::Neutral)
        );
        assert_eq!(OpdPreference::parse("other"), Some(OpdPreference::OtherOpd));
        assert_eq!(OpdPreference::parse("x"), None);
    }
}
