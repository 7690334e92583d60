//! The mentoring dashboard (pengelola OPD: own OPD; admin: city-wide or one OPD): requests by
//! state, acceptance rate, median time to answer, active pairs, mentor load, mentees waiting
//! by competency, and urban vs remote mentees matched; every figure opens the list behind it,
//! and every list downloads as CSV. The figures are pure functions of the facts, tested below.

use leptos::prelude::*;
use leptos_router::{
    components::{A, Form},
    hooks::use_query_map,
};
use serde::{Deserialize, Serialize};

use super::{RequestStatus, ui::status_text};
use crate::{
    competency::CompetencyChoice,
    error::AppError,
    i18n::*,
    org::{AccessClass, OpdChoice},
    ui::{Loading, PageTitle, page_or_error, urlencode},
};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MentoringFilter {
    pub tahun: Option<i32>,
    pub opd: Option<i64>,
    pub kompetensi: Option<i64>,
    /// The figure whose list is open (see [`Drill`]).
    pub lihat: Option<String>,
}

impl MentoringFilter {
    /// The query string of the filter without the open list, for links and downloads.
    pub fn query(&self) -> String {
        let mut parts = vec![];
        if let Some(y) = self.tahun {
            parts.push(format!("tahun={y}"));
        }
        if let Some(o) = self.opd {
            parts.push(format!("opd={o}"));
        }
        if let Some(c) = self.kompetensi {
            parts.push(format!("kompetensi={c}"));
        }
        parts.join("&")
    }
}

/// One request of the scope and period, with what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestFact {
    pub mentee_name: String,
    pub mentee_nip: String,
    pub mentee_opd: String,
    pub access: AccessClass,
    pub mentor_name: String,
    pub competency_code: String,
    pub status: RequestStatus,
    pub created_at: i64,
    pub answered_at: Option<i64>,
    /// The mentorship it started is still running.
    pub active_pair: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentorLoad {
    pub name: String,
    pub opd: String,
    pub capacity: u32,
    pub active: u32,
    pub accepting: bool,
}

/// The list behind a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Drill {
    All,
    Status(RequestStatus),
    ActivePairs,
    /// Pending requests for one competency (its code).
    Waiting(String),
    /// Accepted requests of mentees of one access class.
    Matched(AccessClass),
}

impl Drill {
    pub fn parse(text: &str) -> Drill {
        if let Some(s) = text
            .strip_prefix("status-")
            .and_then(RequestStatus::from_db)
        {
            return Drill::Status(s);
        }
        if let Some(code) = text.strip_prefix("menunggu-") {
            return Drill::Waiting(code.to_owned());
        }
        if let Some(a) = text.strip_prefix("cocok-") {
            return Drill::Matched(AccessClass::from_db(a));
        }
        match text {
            "aktif" => Drill::ActivePairs,
            _ => Drill::All,
        }
    }

    pub fn code(&self) -> String {
        match self {
            Drill::All => "semua".into(),
            Drill::Status(s) => format!("status-{}", s.as_db()),
            Drill::ActivePairs => "aktif".into(),
            Drill::Waiting(code) => format!("menunggu-{code}"),
            Drill::Matched(a) => format!("cocok-{}", a.as_db()),
        }
    }

    pub fn matches(&self, f: &RequestFact) -> bool {
        match self {
            Drill::All => true,
            Drill::Status(s) => f.status == *s,
            Drill::ActivePairs => f.active_pair,
            Drill::Waiting(code) => {
                f.status == RequestStatus::Pending && &f.competency_code == code
            }
            Drill::Matched(a) => f.status == RequestStatus::Accepted && f.access == *a,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessRow {
    pub access: AccessClass,
    pub requests: u32,
    pub matched: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentoringSummary {
    pub requests: u32,
    pub by_status: Vec<(RequestStatus, u32)>,
    /// Accepted out of the requests a mentor answered or let expire, in percent.
    pub acceptance_percent: Option<u32>,
    /// Median hours from a request to the mentor's answer (accepted or declined).
    pub median_answer_hours: Option<u32>,
    pub active_pairs: u32,
    /// Pending requests by competency code, most first.
    pub waiting: Vec<(String, u32)>,
    pub by_access: Vec<AccessRow>,
    pub mentors: u32,
    pub mentors_full: u32,
    pub places: u32,
    pub places_used: u32,
}

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

/// A request in a drill-down list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillRow {
    pub mentee_name: String,
    pub mentee_nip: String,
    pub mentee_opd: String,
    pub access: AccessClass,
    pub mentor_name: String,
    pub competency_code: String,
    pub status: RequestStatus,
    /// WITA date and time.
    pub sent_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentoringDashboard {
    pub filter: MentoringFilter,
    pub year: i32,
    pub scope_name: Option<String>,
    pub opd_choices: Vec<OpdChoice>,
    pub competency_choices: Vec<CompetencyChoice>,
    pub summary: MentoringSummary,
    /// The busiest mentors first.
    pub mentors: Vec<MentorLoad>,
    pub drill: Option<(Drill, Vec<DrillRow>)>,
}

#[server(endpoint = "dasbor-mentoring")]
pub async fn get_mentoring_dashboard(
    #[server(default)] filter: MentoringFilter,
) -> Result<MentoringDashboard, AppError> {
    crate::error::respond(ssr::dashboard(filter).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use sqlx::Row;

    use super::*;
    use crate::{
        auth::{
            CurrentUser, Scope,
            ssr::{require_user, state},
        },
        calendar::{IsoDate, this_year, wita_date_time},
        competency::ssr::competency_choices,
        db::{Db, unix_now},
        org::ssr::opd_choices,
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
            "SELECT me.name, me.nip, o.name, l.access_class, mt.name, c.code, r.status, \
                    r.created_at, r.answered_at, \
                    CASE WHEN EXISTS (SELECT 1 FROM mentorship m WHERE m.request_id = r.id \
                                      AND m.status = 'active') THEN 1 ELSE 0 END \
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
                mentee_name: r.get(0),
                mentee_nip: r.get(1),
                mentee_opd: r.get(2),
                access: AccessClass::from_db(&r.get::<String, _>(3)),
                mentor_name: r.get(4),
                competency_code: r.get(5),
                status: RequestStatus::from_db(&r.get::<String, _>(6))
                    .unwrap_or(RequestStatus::Pending),
                created_at: r.get(7),
                answered_at: r.get(8),
                active_pair: r.get::<i64, _>(9) == 1,
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
            "SELECT e.name, o.name, p.capacity, p.active_mentees, p.accepting \
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
                name: r.get(0),
                opd: r.get(1),
                capacity: r.get::<i64, _>(2).max(0) as u32,
                active: r.get::<i64, _>(3).max(0) as u32,
                accepting: r.get::<i64, _>(4) == 1,
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

    async fn scoped(
        db: &Db,
        user: &CurrentUser,
        filter: &MentoringFilter,
    ) -> Result<Scoped, AppError> {
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
            Some(id) => Some(
                sqlx::query("SELECT name FROM opd WHERE id = $1")
                    .bind(id)
                    .fetch_one(&db.pool)
                    .await?
                    .get(0),
            ),
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
        let mut writer = csv::Writer::from_writer(Vec::new());
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
        writer
            .write_record(header)
            .map_err(|_| AppError::Internal)?;
        for r in drill_rows(&facts, &drill) {
            writer
                .write_record([
                    r.mentee_name.as_str(),
                    r.mentee_nip.as_str(),
                    r.mentee_opd.as_str(),
                    r.access.as_db(),
                    r.mentor_name.as_str(),
                    r.competency_code.as_str(),
                    r.status.as_db(),
                    r.sent_at.as_str(),
                ])
                .map_err(|_| AppError::Internal)?;
        }
        let bytes = writer.into_inner().map_err(|_| AppError::Internal)?;
        Ok((format!("bina-mentoring-{}-{year}.csv", drill.code()), bytes))
    }
}

#[component]
pub fn MentoringDashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        let text = |key: &str| q.get(key).filter(|v| !v.is_empty());
        MentoringFilter {
            tahun: text("tahun").and_then(|v| v.parse().ok()),
            opd: text("opd").and_then(|v| v.parse().ok()),
            kompetensi: text("kompetensi").and_then(|v| v.parse().ok()),
            lihat: text("lihat"),
        }
    };
    let data = Resource::new(filter, get_mentoring_dashboard);
    view! {
        <PageTitle text=|i18n| t_string!(i18n, mdash.title) />
        <h1>{t!(i18n, mdash.title)}</h1>
        <p class="muted"><A href="/dasbor">{t!(i18n, mdash.to_planning)}</A></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                page_or_error(data.await, |d| view! { <MentoringDashboardView d /> })
            })}
        </Suspense>
    }
}

#[component]
fn MentoringDashboardView(d: MentoringDashboard) -> impl IntoView {
    let i18n = use_i18n();
    let f = d.filter.clone();
    let base = f.query();
    let link = move |drill: &Drill| {
        let sep = if base.is_empty() { "" } else { "&" };
        format!(
            "/dasbor/mentoring?{base}{sep}lihat={}",
            urlencode(&drill.code())
        )
    };
    let s = d.summary.clone();
    let scope = d.scope_name.clone();
    let years = [d.year - 1, d.year, d.year + 1];
    let rate = s
        .acceptance_percent
        .map_or("–".to_owned(), |p| format!("{p}%"));
    let median = s
        .median_answer_hours
        .map_or("–".to_owned(), |h| h.to_string());
    let (places_used, places) = (s.places_used, s.places);
    let (mentors, mentors_full) = (s.mentors, s.mentors_full);
    let csv_all = format!("/dasbor/mentoring/unduh?{}", f.query());
    view! {
        <p class="muted">
            {match scope {
                Some(name) => name,
                None => t_string!(i18n, dashboard.city).to_owned(),
            }} " · " {d.year}
        </p>
        <Form method="GET" action="/dasbor/mentoring" attr:class="filters dashboard-filters">
            <div class="field">
                <label for="tahun">{t!(i18n, dashboard.year)}</label>
                <select id="tahun" name="tahun">
                    {years.into_iter().map(|y| view! { <option value=y selected=y == d.year>{y}</option> }).collect_view()}
                </select>
            </div>
            {(!d.opd_choices.is_empty()).then(|| view! {
                <div class="field">
                    <label for="opd">{t!(i18n, staff.opd)}</label>
                    <select id="opd" name="opd">
                        <option value="">{t!(i18n, dashboard.city)}</option>
                        {d.opd_choices.iter().map(|c| view! { <option value=c.id selected=f.opd == Some(c.id)>{c.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="kompetensi">{t!(i18n, mdash.competency)}</label>
                <select id="kompetensi" name="kompetensi">
                    <option value="">{t!(i18n, dashboard.all)}</option>
                    {d.competency_choices.iter().map(|c| view! { <option value=c.id selected=f.kompetensi == Some(c.id)>{format!("{} {}", c.code, c.name)}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t!(i18n, staff.show)}</button>
        </Form>
        <section class="card" aria-labelledby="m-permintaan" data-figure="requests">
            <h2 id="m-permintaan">{t!(i18n, mdash.requests, count = s.requests)}</h2>
            <ul class="plain-list">
                {s.by_status.iter().map(|(status, n)| {
                    let status = *status;
                    let href = link(&Drill::Status(status));
                    let n = *n;
                    view! { <li><A href=href>{move || status_text(i18n, status)} ": " {n}</A></li> }
                }).collect_view()}
            </ul>
            <p>{t!(i18n, mdash.acceptance, rate = rate)} " · " {t!(i18n, mdash.median_answer, hours = median)}</p>
            <p><A href=link(&Drill::ActivePairs)>{t!(i18n, mdash.active_pairs, count = s.active_pairs)}</A></p>
        </section>
        <section class="card" aria-labelledby="m-menunggu">
            <h2 id="m-menunggu">{t!(i18n, mdash.waiting)}</h2>
            {if s.waiting.is_empty() {
                view! { <p class="empty">{t!(i18n, mdash.none_waiting)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {s.waiting.clone().into_iter().map(|(code, n)| {
                            let href = link(&Drill::Waiting(code.clone()));
                            view! { <li><A href=href>{code} ": " {n}</A></li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="card" aria-labelledby="m-akses">
            <h2 id="m-akses">{t!(i18n, mdash.by_access)}</h2>
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{t!(i18n, dashboard.access)}</th>
                        <th scope="col" class="num">{t!(i18n, mdash.requests_col)}</th>
                        <th scope="col" class="num">{t!(i18n, mdash.matched_col)}</th>
                    </tr></thead>
                    <tbody>
                        {s.by_access.clone().into_iter().map(|row| {
                            let access = row.access;
                            let href = link(&Drill::Matched(access));
                            view! { <tr>
                                <th scope="row">{move || access.label(i18n)}</th>
                                <td class="num">{row.requests}</td>
                                <td class="num"><A href=href>{row.matched}</A></td>
                            </tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class="card" aria-labelledby="m-mentor">
            <h2 id="m-mentor">{t!(i18n, mdash.mentor_load)}</h2>
            <p>{t!(i18n, mdash.load_line, mentors = mentors, full = mentors_full, used = places_used, places = places)}</p>
            {(!d.mentors.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table>
                        <thead><tr>
                            <th scope="col">{t!(i18n, mentoring.mentor)}</th>
                            <th scope="col">{t!(i18n, staff.opd)}</th>
                            <th scope="col" class="num">{t!(i18n, mdash.load_col)}</th>
                        </tr></thead>
                        <tbody>
                            {d.mentors.iter().map(|m| view! { <tr>
                                <th scope="row">{m.name.clone()}</th>
                                <td>{m.opd.clone()}</td>
                                <td class="num">{format!("{}/{}", m.active, m.capacity)}</td>
                            </tr> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </section>
        <p><a href=csv_all rel="external" download>{t!(i18n, mdash.csv_all)}</a></p>
        {d.drill.map(|(drill, rows)| {
            let sep = if f.query().is_empty() { "" } else { "&" };
            let csv = format!("/dasbor/mentoring/unduh?{}{sep}lihat={}", f.query(), urlencode(&drill.code()));
            view! {
                <section class="card" aria-labelledby="m-daftar">
                    <h2 id="m-daftar">{t!(i18n, mdash.list, count = rows.len())}</h2>
                    <p><a href=csv rel="external" download>{t!(i18n, dashboard.csv)}</a></p>
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{t!(i18n, mentoring.mentee)}</th>
                                <th scope="col">{t!(i18n, mentoring.mentor)}</th>
                                <th scope="col">{t!(i18n, mdash.competency)}</th>
                                <th scope="col">{t!(i18n, mdash.status_col)}</th>
                                <th scope="col">{t!(i18n, mdash.sent_col)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let status = r.status;
                                    view! { <tr>
                                        <th scope="row">{r.mentee_name} <br /><small class="muted">{r.mentee_opd}</small></th>
                                        <td>{r.mentor_name}</td>
                                        <td>{r.competency_code}</td>
                                        <td>{move || status_text(i18n, status)}</td>
                                        <td>{r.sent_at}</td>
                                    </tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
