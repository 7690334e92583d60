//! The mentoring dashboard on the server: the facts of a scope, mentor loads, drill-downs
//! and the CSV download.

use crate::mentoring::RequestStatus;
use crate::{error::AppError, org::AccessClass};
use sqlx::Row;

use super::model::{Drill, DrillRow, MentorLoad, MentoringDashboard, MentoringFilter, RequestFact};
use super::summary::summarize;
use crate::{
    auth::{
        CurrentUser, Scope,
        queries::{require_user, state},
    },
    calendar::{IsoDate, this_year, wita_date_time},
    competency::queries::competency_choices,
    db::{Db, unix_now},
    org::queries::{opd_choices, opd_name},
};

/// Unix seconds of 1 January 00:00 WITA of a year.
fn year_start(year: i32) -> i64 {
    IsoDate {
        year,
        month: 1,
        day: 1,
    }
    .start_unix_wita()
}

async fn facts(
    db: &Db,
    year: i32,
    opd: Option<i64>,
    competency: Option<i64>,
) -> Result<Vec<RequestFact>, AppError> {
    let rows = sqlx::query(
        "SELECT me.name AS mentee_name, me.nip, o.name AS mentee_opd, l.access_class, \
                mt.name AS mentor_name, c.code, r.status, r.created_at, r.answered_at, \
                CASE WHEN EXISTS (SELECT 1 FROM mentorship m WHERE m.request_id = r.id \
                                  AND m.status = 'active') THEN 1 ELSE 0 END AS active_pair \
         FROM mentoring_request r \
         JOIN employee me ON me.id = r.mentee_id JOIN opd o ON o.id = me.opd_id \
         JOIN location l ON l.id = me.location_id \
         JOIN employee mt ON mt.id = r.mentor_id JOIN competency c ON c.id = r.competency_id \
         WHERE r.created_at >= $1 AND r.created_at < $2 \
           AND ($3 = 0 OR me.opd_id = $3) AND ($4 = 0 OR r.competency_id = $4) \
         ORDER BY r.created_at DESC, r.id DESC",
    )
    .bind(year_start(year))
    .bind(year_start(year + 1))
    .bind(opd.unwrap_or(0))
    .bind(competency.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| RequestFact {
            mentee_name: r.get("mentee_name"),
            mentee_nip: r.get("nip"),
            mentee_opd: r.get("mentee_opd"),
            access: AccessClass::from_db(&r.get::<String, _>("access_class")),
            mentor_name: r.get("mentor_name"),
            competency_code: r.get("code"),
            status: RequestStatus::from_db(&r.get::<String, _>("status"))
                .unwrap_or(RequestStatus::Pending),
            created_at: r.get("created_at"),
            answered_at: r.get("answered_at"),
            active_pair: r.get::<i64, _>("active_pair") == 1,
        })
        .collect())
}

/// Mentors of the scope (their own OPD) offering the competency, busiest first.
async fn mentors(
    db: &Db,
    opd: Option<i64>,
    competency: Option<i64>,
) -> Result<Vec<MentorLoad>, AppError> {
    let rows = sqlx::query(
        "SELECT e.name, o.name AS opd_name, p.capacity, p.active_mentees, p.accepting \
         FROM mentor_profile p JOIN employee e ON e.id = p.employee_id \
         JOIN opd o ON o.id = e.opd_id \
         WHERE p.active = 1 AND ($1 = 0 OR e.opd_id = $1) \
           AND ($2 = 0 OR EXISTS (SELECT 1 FROM mentor_expertise x \
                                  WHERE x.employee_id = p.employee_id AND x.competency_id = $2)) \
         ORDER BY p.active_mentees DESC, e.name",
    )
    .bind(opd.unwrap_or(0))
    .bind(competency.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| MentorLoad {
            name: r.get("name"),
            opd: r.get("opd_name"),
            capacity: r.get::<i64, _>("capacity").max(0) as u32,
            active: r.get::<i64, _>("active_mentees").max(0) as u32,
            accepting: r.get::<i64, _>("accepting") == 1,
        })
        .collect())
}

fn drill_rows(facts: &[RequestFact], drill: &Drill) -> Vec<DrillRow> {
    facts
        .iter()
        .filter(|f| drill.matches(f))
        .map(|f| DrillRow {
            mentee_name: f.mentee_name.clone(),
            mentee_nip: f.mentee_nip.clone(),
            mentee_opd: f.mentee_opd.clone(),
            access: f.access,
            mentor_name: f.mentor_name.clone(),
            competency_code: f.competency_code.clone(),
            status: f.status,
            sent_at: wita_date_time(f.created_at),
        })
        .collect()
}

struct Scoped {
    year: i32,
    opd: Option<i64>,
    facts: Vec<RequestFact>,
}

async fn scoped(db: &Db, user: &CurrentUser, filter: &MentoringFilter) -> Result<Scoped, AppError> {
    let opd = Scope::of_report(user, filter.opd)?.opd();
    let year = filter.tahun.unwrap_or_else(|| this_year(unix_now()));
    let facts = facts(db, year, opd, filter.kompetensi).await?;
    Ok(Scoped { year, opd, facts })
}

pub async fn dashboard(filter: MentoringFilter) -> Result<MentoringDashboard, AppError> {
    let user = require_user().await?;
    let db = &state()?.db;
    let Scoped { year, opd, facts } = scoped(db, &user, &filter).await?;
    let mentors = mentors(db, opd, filter.kompetensi).await?;
    let summary = summarize(&facts, &mentors);
    let drill = filter.lihat.as_deref().map(Drill::parse).map(|d| {
        let rows = drill_rows(&facts, &d);
        (d, rows)
    });
    let opd_choices = if Scope::may_choose_opd(&user) {
        opd_choices(db).await?
    } else {
        vec![]
    };
    let competency_choices = competency_choices(db).await?;
    let scope_name = match opd {
        Some(id) => Some(opd_name(db, id).await?.ok_or(AppError::NotFound)?),
        None => None,
    };
    Ok(MentoringDashboard {
        filter,
        year,
        scope_name,
        opd_choices,
        competency_choices,
        summary,
        mentors: mentors.into_iter().take(20).collect(),
        drill,
    })
}

/// The list behind a figure (every request of the scope when none) as CSV.
pub async fn csv(
    db: &Db,
    user: &CurrentUser,
    filter: MentoringFilter,
) -> Result<(String, Vec<u8>), AppError> {
    let Scoped { year, facts, .. } = scoped(db, user, &filter).await?;
    let drill = Drill::parse(filter.lihat.as_deref().unwrap_or_default());
    let header = [
        "mentee",
        "nip",
        "opd",
        "akses",
        "mentor",
        "kompetensi",
        "status",
        "dikirim",
    ];
    let drilled = drill_rows(&facts, &drill);
    let rows = drilled.iter().map(|r| {
        [
            r.mentee_name.as_str(),
            r.mentee_nip.as_str(),
            r.mentee_opd.as_str(),
            r.access.as_db(),
            r.mentor_name.as_str(),
            r.competency_code.as_str(),
            r.status.as_db(),
            r.sent_at.as_str(),
        ]
    });
    let bytes = crate::csv_export::to_bytes(std::iter::once(header).chain(rows))?;
    Ok((format!("bina-mentoring-{}-{year}.csv", drill.code()), bytes))
}
