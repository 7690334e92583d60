//! Property tests of the JP rules and the ledger: thousands of generated activities, entries
//! and verdicts, each checked against what must hold for every one of them.

use proptest::prelude::*;

use super::ledger::{EntryInput, EntryStatus, LedgerError, Verdict, decide, validate_entry};
use super::rules::{AmountUnit, DevPath, JpError, JpRules, allowed_units, jp_for};
use crate::calendar::{IsoDate, SECS_PER_DAY};

static UNITS: [AmountUnit; 4] = [
    AmountUnit::Hours,
    AmountUnit::Days,
    AmountUnit::Sessions,
    AmountUnit::Activities,
];

fn path() -> impl Strategy<Value = DevPath> {
    prop::sample::select(DevPath::ALL)
}

fn unit() -> impl Strategy<Value = AmountUnit> {
    prop::sample::select(&UNITS[..])
}

fn today() -> IsoDate {
    IsoDate::parse("2026-11-27").unwrap()
}

/// The date `days` before today.
fn days_ago(days: i64) -> IsoDate {
    IsoDate::from_unix_wita(today().start_unix_wita() - days * SECS_PER_DAY)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Any amount, however absurd, gives JP or a reason: never an overflow.
    #[test]
    fn every_amount_gives_jp_or_a_reason(
        path in path(),
        unit in unit(),
        amount in any::<u32>(),
        international in any::<bool>(),
        minutes_per_jp in 1u32..=600,
    ) {
        let rules = JpRules::with_minutes(minutes_per_jp);
        match jp_for(&rules, path, unit, amount, international) {
            Ok(jp) => {
                prop_assert!(jp > 0);
                prop_assert!(allowed_units(path).contains(&unit));
            }
            Err(JpError::AmountNotPositive) => prop_assert_eq!(amount, 0),
            Err(JpError::UnitNotAllowed) => prop_assert!(!allowed_units(path).contains(&unit)),
            Err(JpError::TooShort) => prop_assert!(amount > 0),
        }
    }

    /// More of an activity never earns less (one more, or twice as much: an arithmetic
    /// overflow would break the second), and an international one never less than a
    /// national one.
    #[test]
    fn more_never_earns_less(
        path in path(),
        unit in unit(),
        amount in 1u32..u32::MAX / 2,
        international in any::<bool>(),
    ) {
        let rules = JpRules::default();
        let jp = |amount, international| jp_for(&rules, path, unit, amount, international).unwrap_or(0);
        prop_assert!(jp(amount + 1, international) >= jp(amount, international));
        prop_assert!(jp(amount * 2, international) >= jp(amount, international));
        prop_assert!(jp(amount, true) >= jp(amount, false));
    }

    /// An entry that passes claims no more than its dates hold, and its JP is the rules'.
    #[test]
    fn an_accepted_entry_fits_its_dates(
        path in path(),
        unit in unit(),
        amount in -5i64..2_000,
        started_days_ago in 0i64..400,
        lasted_days in 1i64..60,
        international in any::<bool>(),
    ) {
        let ends_days_ago = (started_days_ago - lasted_days + 1).max(0);
        let input = EntryInput {
            path: path.code().into(),
            title: "Pelatihan".into(),
            organiser: "BKPSDMD Kota Palu".into(),
            starts_on: days_ago(started_days_ago).to_string(),
            ends_on: days_ago(ends_days_ago).to_string(),
            amount: amount.to_string(),
            unit: unit.as_db().into(),
            international,
        };
        let span = started_days_ago - ends_days_ago + 1;
        match validate_entry(&input, &JpRules::default(), today()) {
            Ok(entry) => {
                let most = if unit == AmountUnit::Days { span } else { span * 24 };
                prop_assert!(i64::from(entry.amount) <= most);
                prop_assert_eq!(i64::from(entry.amount), amount);
                prop_assert_eq!(
                    Ok(entry.jp),
                    jp_for(&JpRules::default(), path, unit, entry.amount, international)
                );
            }
            Err(LedgerError::AmountBeyondDates) => {
                let most = if unit == AmountUnit::Days { span } else { span * 24 };
                prop_assert!(amount > most);
            }
            Err(LedgerError::AmountNotPositive) => prop_assert!(amount <= 0),
            Err(LedgerError::YearClosed) => prop_assert!(days_ago(ends_days_ago).year < today().year - 1),
            Err(LedgerError::UnitNotAllowed | LedgerError::TooShort) => {}
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    /// An entry is decided once: whatever verdicts follow, the first that is valid decides,
    /// and every later one is refused as already decided.
    #[test]
    fn an_entry_is_decided_once(verdicts in prop::collection::vec(verdict(), 1..8)) {
        let mut status = EntryStatus::Recorded;
        let mut decided = false;
        for verdict in &verdicts {
            match decide(status, verdict) {
                Ok(next) => {
                    prop_assert!(!decided);
                    let decided_now = matches!(next, EntryStatus::Verified | EntryStatus::Rejected);
                    prop_assert!(decided_now, "a decision verifies or rejects");
                    status = next;
                    decided = true;
                }
                Err(LedgerError::AlreadyDecided) => prop_assert!(decided),
                Err(LedgerError::ReasonRequired | LedgerError::ReasonTooLong) => {
                    prop_assert!(!decided);
                    let rejected = matches!(verdict, Verdict::Reject { .. });
                    prop_assert!(rejected, "only a rejection needs a reason");
                }
                Err(other) => prop_assert!(false, "unexpected {:?}", other),
            }
        }
    }
}

fn verdict() -> impl Strategy<Value = Verdict> {
    prop_oneof![
        Just(Verdict::Verify),
        "[ a-z]{0,12}".prop_map(|reason| Verdict::Reject { reason }),
        Just(Verdict::Reject {
            reason: "x".repeat(1_001)
        }),
    ]
}
