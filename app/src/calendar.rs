//! Calendar dates in Palu's time zone (WITA, UTC+8). Bina stores moments as UTC unix
//! seconds and shows and reasons about days in WITA.

use serde::{Deserialize, Serialize};

/// WITA's offset from UTC.
pub const WITA_OFFSET_SECS: i64 = 8 * 3600;

pub fn is_leap_year(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_real_date(year: u32, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// Seconds in a calendar day.
pub const SECS_PER_DAY: i64 = 86_400;

/// A calendar date `YYYY-MM-DD`, checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct IsoDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl IsoDate {
    pub fn parse(text: &str) -> Option<IsoDate> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        (year >= 1900 && is_real_date(year as u32, month, day)).then_some(IsoDate {
            year,
            month,
            day,
        })
    }

    /// The WITA date at the moment `unix_secs`.
    pub fn from_unix_wita(unix_secs: i64) -> IsoDate {
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let days = (unix_secs + WITA_OFFSET_SECS).div_euclid(SECS_PER_DAY);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        IsoDate { year, month, day }
    }

    /// The first second of this day in WITA, as unix seconds (the inverse of
    /// [`IsoDate::from_unix_wita`], Howard Hinnant's days-from-civil).
    pub fn start_unix_wita(self) -> i64 {
        let month = i64::from(self.month);
        let y = i64::from(self.year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = if month > 2 { month - 3 } else { month + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days * SECS_PER_DAY - WITA_OFFSET_SECS
    }
}

impl std::fmt::Display for IsoDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::IsoDate;

    #[test]
    fn the_start_of_a_day_is_its_first_wita_second() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2026-01-01",
            "2026-03-01",
            "2026-12-31",
        ] {
            let day = IsoDate::parse(text).unwrap();
            let start = day.start_unix_wita();
            assert_eq!(IsoDate::from_unix_wita(start), day, "{text}");
            assert_ne!(IsoDate::from_unix_wita(start - 1), day, "{text}");
        }
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(
            IsoDate::parse("2024-02-29"),
            Some(IsoDate {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(IsoDate::parse("2026-02-29"), None);
        assert_eq!(IsoDate::parse("2026-13-01"), None);
        assert_eq!(IsoDate::parse("27/11/2026"), None);
        assert_eq!(
            IsoDate::parse("2026-11-27").unwrap().to_string(),
            "2026-11-27"
        );
    }

    #[test]
    fn unix_time_becomes_the_wita_date() {
        assert_eq!(IsoDate::from_unix_wita(0).to_string(), "1970-01-01");
        // 2026-11-27 15:59:59 UTC is still the 27th in WITA; a second later it is the 28th.
        assert_eq!(
            IsoDate::from_unix_wita(1_795_795_199).to_string(),
            "2026-11-27"
        );
        assert_eq!(
            IsoDate::from_unix_wita(1_795_795_200).to_string(),
            "2026-11-28"
        );
        assert_eq!(
            IsoDate::from_unix_wita(951_782_400).to_string(),
            "2000-02-29"
        );
    }
}

/// The year in WITA at the moment `now` (unix seconds): the caller reads the clock, so tests
/// and the sweep can set it.
pub fn this_year(now: i64) -> i32 {
    IsoDate::from_unix_wita(now).year
}

/// A moment as WITA date and time, `YYYY-MM-DD HH:MM`.
pub fn wita_date_time(unix_secs: i64) -> String {
    let date = IsoDate::from_unix_wita(unix_secs);
    let secs = (unix_secs + WITA_OFFSET_SECS).rem_euclid(SECS_PER_DAY);
    format!("{date} {:02}:{:02}", secs / 3600, secs % 3600 / 60)
}

#[cfg(test)]
mod time_tests {
    #[test]
    fn moments_show_in_wita() {
        // 2026-11-27 16:05 UTC is 00:05 the next day in Palu.
        assert_eq!(super::wita_date_time(1_795_795_500), "2026-11-28 00:05");
    }
}
